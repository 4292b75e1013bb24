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
             "không ghi như một nơi nhận (một nhóm có thể có dòng \"Lưu:\" riêng trong các nơi nhận con: "
             "\"- UBND tỉnh: + CT, các PCT; + Lưu: VT.\").",
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
    "KH310": "Chữ nhấn mạnh trong văn bản viết `**đậm**`, `*nghiêng*` hoặc `***đậm nghiêng***`; một dấu mở "
             "không có dấu đóng sẽ in ra thành dấu sao. Đóng lại, hoặc viết `\\*` cho dấu sao muốn in. (Dấu sao "
             "đứng giữa hai dấu cách, \"(*)\" và \"****\" đã là dấu sao thường.)",
    "KH401": "Một văn bản được trích dẫn hai lần (hoặc số của chính kế hoạch được nhắc trong phụ lục) phải cùng "
             "số, ký hiệu và ngày: cùng loại và số mà khác ký hiệu hoặc ngày, hoặc cùng ký hiệu và ngày mà khác "
             "số, là gõ sai một chỗ (mẫu 000 dẫn công văn 2178/LĐTBXH-TE của chính nó thành \"217/LĐTBXH-TE\").",
    "KH402": "Mọi cơ quan được giao nhiệm vụ ở phần tổ chức thực hiện đều nhận kế hoạch: có tên trong nơi nhận "
             "(hiểu các chữ viết tắt như UBND, MTTQVN và danh mục cơ quan của cấu hình), hoặc được gồm trong "
             "\"Như trên\", \"Như Mục IV\", một nhóm như \"Sở, ban, ngành tỉnh\", hoặc một nơi nhận có `ref` "
             "trỏ tới mục hay khoản đó.",
    "KH130": "Giá trị bắt buộc (trích yếu, tên và chức vụ người ký, tên nơi nhận, tên phụ lục…) không chỉ có "
             "mặt mà phải có chữ: \"\" hay toàn dấu cách sẽ in ra một dòng trống. Là cảnh báo, không phải lỗi: "
             "bản dự thảo có thể để trống tên người ký; giá trị mà một đơn vị trong lô để trống là cố ý.",
    "KH214": "Chỉ là ghi chú, không bao giờ chặn: một ngày trong văn bản (không phải ngày ban hành của kế "
             "hoạch, ví dụ \"ngày 10/1/2022\" của văn bản được dẫn) ghi số 0 khác cách Nghị định 30 ghi ngày. "
             "Văn bản được dẫn có thể tự ghi như vậy; chỉ sửa cho thống nhất.",
    "KH215": "Trích yếu dưới chữ \"KẾ HOẠCH\" in chữ thường, đậm: \"Phổ biến pháp luật năm 2024\", không viết toàn"
             " chữ in hoa. Tên riêng bên trong giữ chữ hoa.",
    "KH216": "Dòng \"Theo/Xét đề nghị của …\" khép phần căn cứ bằng dấu chấm, không bằng \",\" hay \";\" chép từ văn"
             " bản cũ. kehoach tự thêm dấu: gõ dòng này không có dấu cuối.",
    "KH217": "Địa danh trước ngày tháng là tên chính thức của đơn vị hành chính nơi cơ quan đóng trụ sở: \"Bắc "
             "Kạn, ngày …\", không \"TP. Bắc Kạn\" hay \"Thành phố Bắc Kạn\". Chỉ đơn vị đặt tên bằng số hay tên "
             "người giữ loại đơn vị, viết đầy đủ (\"Phường 12\", \"Thành phố Hồ Chí Minh\").",
    "KH218": "Điều, Chương được viện dẫn viết hoa: \"Như Điều 3\", \"khoản 2 Điều 5\", \"Chương II\" (khoản, điểm "
             "viết thường). Nơi nhận cũng được kiểm tra.",
    "KH219": "Các điểm gõ \"a)\", \"b)\" ở đầu đoạn hay đầu khoản theo thứ tự chữ cái tiếng Việt từ \"a)\": a, b, c,"
             " d, đ, e, g, h, i, k … — \"e)\" ngay sau \"d)\" là bỏ sót \"đ)\".",
    "KH220": "Trong bảng phụ lục, mỗi dòng nhóm (\"I. KIỆN TOÀN …\") có các dòng của nó theo sau (hoặc nhóm cấp "
             "dưới: \"1.1\" dưới \"1\", \"a\" dưới \"1.1.1\"; dòng nhóm có số liệu riêng — một khoản chi, một dòng "
             "tổng — không cần dòng con), và số thứ tự đếm từ 1 — trong nhóm, hoặc tiếp nối nhóm trước khi bảng đánh số liền.",
    "KH221": "Từ ngày 01/7/2025 không còn cấp huyện: kế hoạch ban hành từ ngày đó không giao việc cho \"UBND "
             "huyện, thị xã, thành phố thuộc tỉnh\", HĐND cấp huyện, \"Phòng … của huyện\" hay Huyện ủy; UBND các"
             " xã, phường đã thay thế. Kế hoạch ban hành trước ngày đó không bị kiểm tra; cơ quan ghi \"(cũ)\" "
             "và các căn cứ được dẫn là lịch sử. Ngày và các mẫu là dữ liệu (templates/admin-units.toml).",
    "KH222": "Địa danh của kế hoạch ban hành từ ngày 01/7/2025 là tên một tỉnh hoặc xã, phường hiện hành trong"
             " danh mục chính thức (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu): huyện hay tỉnh đã sáp nhập"
             " (\"Hà Giang\", \"Kiên Giang\") không còn. Trước ngày đó tên nào cũng được nhận.",
    "KH305": "Mọi chữ trong một từ là chữ cái tiếng Việt và các từ cách nhau: chữ tiếng Việt không dùng "
             "(\"trǜờng\", \"Ƕà Nội\": lỗi thu thập hay phông chữ), hai âm tiết dính nhau (\"lâm nghiệpngư nghiệp\")"
             " hay số dính vào chữ (\"năm 2021của\") là lỗi gõ.",
    "KH306": "Mỗi âm tiết có dấu tiếng Việt gồm phụ âm đầu, vần và tối đa một thanh mà chính tả cho phép: "
             "\"ngiệp\" (thay \"nghiệp\"), \"tưởg\", \"hoạchh\", \"kêt\" hay \"màt\" (vần tận cùng c, ch, p, t chỉ đi với "
             "thanh sắc, nặng) là lỗi gõ. Kiểm tra ngoại tuyến theo quy tắc chính tả, không theo danh sách từ;"
             " tên tỉnh, xã trong danh mục chính thức, tên trong danh mục cơ quan, chữ viết tắt và tên tiếng "
             "nước ngoài (Krông, Đắk) không bị xét.",
    "KH403": "Mỗi `id:` của mục, khoản hay phụ lục là duy nhất trong kế hoạch: một tham chiếu phải trỏ tới "
             "đúng một chỗ.",
    "KH404": "`ref:` của một nơi nhận ghi `id:` của một mục, khoản hoặc phụ lục có trong kế hoạch.",
    "KH405": "Kế hoạch không thể ban hành trước văn bản mà nó căn cứ hay dẫn: ngày của văn bản được dẫn muộn "
             "hơn ngày ban hành là lỗi gõ ở một trong hai (thường là năm).",
    "KH406": "Số, ký hiệu văn bản viết liền, không có khoảng trắng: \"66/2018/QĐ-UBND\", \"57-NQ/TW\", không "
             "\"66/2018/QĐ- UBND\". (Khi cùng văn bản còn được dẫn không có khoảng trắng, KH401 báo biến thể "
             "thay cho quy tắc này.)",
    "KH407": "Chú thích cuối trang viết `[^mã]` trong lời văn, nội dung ở `footnotes: {mã: nội dung}` của kế "
             "hoạch. Một `[^mã]` không có nội dung tương ứng được in nguyên (\"[^mã]\"): thêm nội dung, sửa mã "
             "cho đúng, hoặc viết `\\[^` nếu muốn in dấu \"[^\" thật.",
    "KH408": "Mỗi chú thích trong `footnotes:` phải được dẫn ít nhất một lần bằng `[^mã]` trong lời văn; chú "
             "thích không được dẫn sẽ không được in. Thường là do gõ sai mã ở chỗ dẫn.",
}
