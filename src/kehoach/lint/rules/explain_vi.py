"""Vietnamese explanations of the lint rules, shown by ``kehoach rules CODE`` (the English one is
each rule's docstring, shown with ``--lang en``). tests/lint/test_rules.py requires one per rule."""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {
    "KH100": "Hồ sơ hướng dẫn mà kế hoạch ghi ở `profile:` phải có thật: một tên có sẵn (ldte-2021, "
             "ke-hoach) hoặc đường dẫn tới tệp hồ sơ.",
    "KH110": "Kế hoạch có đủ các mục mà hồ sơ hướng dẫn yêu cầu (ghi `role:` cho mục).",
    "KH111": "Các mục bắt buộc đứng theo đúng thứ tự của hồ sơ hướng dẫn.",
    "KH112": "Mỗi nhóm giải pháp của hồ sơ có ít nhất một nhiệm vụ thực hiện (ghi `covers:` ở khoản).",
    "KH113": "`covers:` chỉ ghi những nhóm giải pháp mà hồ sơ có.",
    "KH114": "Khi hồ sơ yêu cầu, phần phân công phải nêu cơ quan đầu mối (`focal: true`).",
    "KH115": "Mỗi nhiệm vụ có cơ quan chủ trì (`lead:`), của chính nó, của khoản cha hoặc của mục.\n\n"
             "Nhiệm vụ là khoản có cơ quan phối hợp, thời hạn hoặc sản phẩm; với hồ sơ yêu cầu chủ trì cho "
             "từng nhiệm vụ (ldte-2021), mọi khoản lá của mục giải pháp cũng là nhiệm vụ.",
    "KH116": "Kế hoạch nêu hạn báo cáo hằng năm mà hồ sơ yêu cầu (ldte-2021: trước ngày 25 tháng 11).\n\n"
             "Hoặc một quy định `reporting:` có `frequency: annual` hạn không muộn hơn ngày đó, hoặc một câu về "
             "báo cáo ghi ngày trong tháng đó (\"trước ngày 25 tháng 11\", \"ngày 20/11\").",
    "KH117": "Phần mục tiêu nêu chỉ tiêu cho các năm hồ sơ yêu cầu (ldte-2021: hằng năm, 2025, 2030).\n\n"
             "Một năm được tính khi là khóa của `milestones` hoặc được viết trong lời văn của mục mục tiêu; "
             "chỉ tiêu hằng năm được tính khi lời văn có \"hằng năm\"/\"hàng năm\".",
    "KH120": "Năm của chỉ tiêu (khóa `milestones`) và thời hạn nhiệm vụ nằm trong giai đoạn của kế hoạch.\n\n"
             "Giai đoạn tính từ `period.start` đến `period.outlook` (hoặc `period.end` nếu không có). Thời hạn "
             "được tính theo ngày, hoặc theo năm ghi trong lời văn (\"Quý IV/2026\").",
    "KH121": "Các dòng dự toán cộng lại bằng tổng đã nêu, và các dòng con bằng số tiền của dòng cha.",
    "KH131": "`kehoach init` viết kế hoạch mẫu có các chỗ cần điền đánh dấu \"...\": \"SỞ ...\", \"S...\", "
             "\"Thực hiện ... giai đoạn\". Kế hoạch còn một chỗ như thế sẽ in nguyên ra văn bản; hãy thay bằng nội "
             "dung thật (dấu ba chấm ở cuối một từ, như \"tài liệu...\", là văn bản nên không bị báo).",
    "KH201": "Số văn bản chỉ gồm chữ số; số nhỏ hơn 10 có số 0 đứng trước (\"05\", không phải \"5\").",
    "KH202": "Ký hiệu gồm chữ viết tắt tên loại văn bản theo Phụ lục III, dấu \"-\", chữ viết tắt tên cơ quan "
             "ban hành; không có dấu cách.\n\nKH cho Kế hoạch, CTr cho Chương trình…, QĐ khi kế hoạch được ban "
             "hành kèm theo quyết định.",
    "KH203": "Ngày từ 1 đến 9 và tháng 1, 2 có số 0 đứng trước; tháng 3 đến 12 thì không.\n\n"
             "\"ngày 04 tháng 8 năm 2021\", \"ngày 15 tháng 02 năm 2024\", \"04/8/2021\" là đúng; "
             "\"ngày 05 tháng 03 năm 2024\" và \"ngày 4/8/2021\" là sai.",
    "KH204": "KT. (ký thay) là cấp phó ký thay người đứng đầu: sau KT. là chức vụ người đứng đầu, dưới là chức "
             "vụ cấp phó.",
    "KH205": "TM. (thay mặt) đứng trước tên tập thể (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ…) hoặc tên cơ quan, không "
             "đứng trước chức vụ của một người: \"TM. CHỦ TỊCH\" là lẫn TM. với KT./TL.",
    "KH206": "Chức vụ người ký (và chức vụ người đứng đầu sau KT./TL./TUQ./Q.) phải là chức vụ đã biết, để bắt "
             "lỗi gõ như \"THỊ TRƯỞNG\"; công cụ gợi ý chức vụ gần nhất. Cấu hình thêm chức vụ bằng "
             "`titles = [...]`.",
    "KH207": "Mỗi dòng Nơi nhận kết thúc bằng \";\" và dòng \"Lưu: VT, …\" bằng \".\"; kehoach tự thêm các dấu "
             "này, nên tên gõ kèm \";\" hoặc \".\" sẽ bị in hai lần.",
    "KH208": "Mọi dòng Nơi nhận trừ dòng cuối (\"Lưu: …\") kết thúc bằng \";\". Khi người soạn tự gõ dấu (chép "
             "từ văn bản giấy), dòng thiếu dấu là lỗi của bản giấy.",
    "KH209": "Dòng cuối là \"Lưu: VT, <đơn vị soạn thảo>.\" — văn thư (VT) lưu một bản. Ghi ở `archive:`, "
             "không ghi như một nơi nhận.",
    "KH210": "Số thứ tự mục ghi tay (`label:`) không lặp lại và tăng dần (I., II., III.).",
    "KH211": "Tiêu đề mục cấp La Mã (I., II. …) in hoa: \"I. MỤC ĐÍCH, YÊU CẦU\". kehoach tự in hoa khi dựng "
             "nên trang in không sai; nhưng tiêu đề gõ chữ thường (\"Mục đích, yêu cầu\") thường là chép từ bản "
             "sai, hoặc thật ra là một khoản. Hãy gõ in hoa, hoặc dùng `role:` với tiêu đề mặc định.",
    "KH212": "Số thứ tự ghi tay của các khoản trong một danh sách (`label: \"11.2.\"`) không lặp lại và tăng dần; "
             "gạch đầu dòng (\"*\", \"-\") và nhãn trống thì tự do. (Chỉ là cảnh báo: bản chép trung thành có thể "
             "giữ lỗi của bản gốc, như hai khoản \"11.2.\" của mẫu 002.)",
    "KH213": "Dòng tên cơ quan chủ quản hoặc cơ quan ban hành rộng hơn cột trái của phần đầu văn bản (khoảng "
             "6,4 cm, 7,2 cm nếu mượn lề) sẽ tự xuống dòng ở chỗ hết chỗ; hãy viết tên thành danh sách các dòng, "
             "ngắt ở chỗ người đọc chờ đợi, thường là trước tên đơn vị hành chính.",
    "KH301": "Văn bản phải là tiếng Việt Unicode; chữ TCVN3 hoặc VNI dán qua sai bảng mã hiện thành \"KÕ ho¹ch\" "
             "hoặc \"Keá hoaïch\" (và UTF-8 bị đọc hai lần thành \"Káº¿ hoáº¡ch\"). Gõ lại hoặc chuyển mã.",
    "KH302": "Một văn bản một kiểu đặt dấu thanh: kiểu cũ \"hòa, ủy, thủy\" hoặc kiểu mới \"hoà, uỷ, thuỷ\", không "
             "trộn cả hai. Báo các từ viết theo kiểu ít dùng hơn (hòa nhau thì kiểu cũ thắng: nghị định viết "
             "\"CỘNG HÒA\", \"Ủy ban\").",
    "KH303": "Tên cơ quan viết hoa chữ cái đầu của loại cơ quan và của lĩnh vực, ngoài ra viết thường: \"Ủy ban "
             "nhân dân tỉnh\", \"Sở Tài chính\", \"Sở Lao động - Thương binh và Xã hội\". Tên trong danh mục cơ "
             "quan của cấu hình cũng được kiểm tra; tên viết in hoa toàn bộ thì bỏ qua.",
    "KH304": "Một cơ quan được viết một cách trong cả kế hoạch. Tên nối bằng gạch (\"Lao động - Thương binh và Xã "
             "hội\") giữ kiểu gạch mà kế hoạch dùng nhiều nhất; các cách viết ít dùng hơn (\"–\", \"-\" không có "
             "dấu cách) bị báo. Khi cấu hình có danh mục cơ quan, tên viết tắt (\"Sở LĐTBXH\") trong lời văn "
             "cũng bị báo, trừ khi kế hoạch đã giới thiệu (\"sau đây viết tắt là Sở LĐTBXH\").",
    "KH401": "Một văn bản được trích dẫn hai lần (hoặc số của chính kế hoạch được nhắc trong phụ lục) phải cùng "
             "số, ký hiệu và ngày: cùng loại và số mà khác ký hiệu hoặc ngày, hoặc cùng ký hiệu và ngày mà khác "
             "số, là gõ sai một chỗ (mẫu 000 dẫn công văn 2178/LĐTBXH-TE của chính nó thành \"217/LĐTBXH-TE\").",
    "KH402": "Mọi cơ quan được giao nhiệm vụ ở phần tổ chức thực hiện đều nhận kế hoạch: có tên trong nơi nhận "
             "(hiểu các chữ viết tắt như UBND, MTTQVN và danh mục cơ quan của cấu hình), hoặc được gồm trong "
             "\"Như trên\", \"Như Mục IV\", một nhóm như \"Sở, ban, ngành tỉnh\", hoặc một nơi nhận có `ref` "
             "trỏ tới mục hay khoản đó.",
}
