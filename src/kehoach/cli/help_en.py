"""English help pages: each Vietnamese help text of the commands (as written in ``commands/``) and
its English translation, for ``--lang en``. tests/cli/test_usage.py fails when a help text has no
translation here, so the two cannot drift apart unnoticed."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # check
    "Kiểm tra kế hoạch: cú pháp YAML, lược đồ và các quy tắc trình bày.":
        "Check plans: YAML syntax, the schema and the presentation rules.",
    "Tệp kế hoạch YAML hoặc thư mục (tìm kế hoạch đệ quy, bỏ qua tệp git bỏ qua); - là đầu vào chuẩn.":
        "Plan files or folders (searched recursively for plans, skipping what git ignores); - is stdin.",
    "Định dạng ra màn hình: text (mặc định) hoặc json.": "Format on screen: text (default) or json.",
    "Định dạng text | json | github | sarif, ra màn hình hoặc vào FILE; dùng nhiều lần được.":
        "Format text | json | github | sarif, on screen or into FILE; may be repeated.",
    "Cảnh báo cũng làm lệnh thất bại (mã thoát 1).": "Warnings fail the run too (exit code 1).",
    "Hồ sơ hướng dẫn (tên hoặc tệp), thay cho `profile:` trong kế hoạch.":
        "Guidance profile (name or file), instead of the plan's `profile:`.",
    "In mức bao phủ các nhóm giải pháp của hồ sơ.": "Print the coverage of the profile's solution groups.",
    "Lọc cả các tệp ghi trên dòng lệnh như khi tìm trong thư mục: bỏ qua tệp không phải kế hoạch và tệp "
    "thuộc `exclude` (dùng cho pre-commit).":
        "Filter files named on the command line as a folder search does: skip files that are not plans "
        "and those in `exclude` (for pre-commit).",
    "Sửa tại chỗ những lỗi sửa được mà không đổi nội dung (NFC, kiểu dấu thanh, dấu ';' gõ thừa, viết hoa tên "
    "cơ quan, số 0 của ngày ban hành).":
        "Fix in place what can be fixed without changing the content (NFC, tone-mark style, a typed ';', "
        "agency capitals, the issue date's zeros).",
    "In các thay đổi --fix sẽ làm (unified diff), không ghi tệp.":
        "Print the changes --fix would make (unified diff), writing nothing.",
    "Sửa cả những lỗi mà cách sửa có thể đổi nội dung (ví dụ đổi khóa lạ thành khóa gần nhất); kèm --fix hoặc "
    "--diff.":
        "Also apply fixes that may change the content (e.g. an unknown key renamed to the nearest); with --fix "
        "or --diff.",
    # build
    "Dựng văn bản từ tệp kế hoạch; từ chối khi kế hoạch còn lỗi.":
        "Build the document from a plan file; refused while the plan has errors.",
    "Tệp kế hoạch YAML; - là đầu vào chuẩn (khi đó cần -o).": "Plan file (YAML); - is stdin (then -o is needed).",
    "Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định cùng tên.":
        "Folder of wording templates (.j2) that replace the default ones of the same name.",
    # batch
    "Tạo hàng loạt: mỗi đơn vị (huyện, xã, phường) một văn bản từ một kế hoạch mẫu.":
        "Batch: one document per unit (district, commune, ward) from one template plan.",
    "Kế hoạch mẫu (YAML) có chỗ điền {{ unit.* }}.": "Template plan (YAML) with {{ unit.* }} placeholders.",
    "Bảng đơn vị: tệp .csv/.yaml/.xlsx, vn:<tỉnh> hoặc vn:all.": "Units table: a .csv/.yaml/.xlsx file, vn:<province> or vn:all.",
    "Thư mục đầu ra.": "Output folder.",
    "Số tiến trình (mặc định: số nhân CPU).": "Number of processes (default: the number of CPU cores).",
    "Mẫu tên tệp, ví dụ '{slug}-kh.docx' hoặc '{code}.docx'.": "File name pattern, e.g. '{slug}-kh.docx' or '{code}.docx'.",
    "Ghi thêm một tệp nén OUT/<kế hoạch>.zip.": "Also write an archive OUT/<plan>.zip.",
    "Ghi thêm bản PDF cho mỗi đơn vị (cần LibreOffice).": "Also write a PDF for each unit (needs LibreOffice).",
    "Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định.": "Folder of wording templates (.j2) that replace the default ones.",
    "Dựng lại cả những đơn vị không thay đổi.": "Rebuild unchanged units too.",
    "Xóa văn bản của các đơn vị không còn trong bảng (trừ tệp đã bị sửa tay), sau khi dựng xong.":
        "After building, remove the documents of units no longer in the table (except files changed by hand).",
    "Không hiện thanh tiến độ và dòng tổng kết.": "Show no progress bar and no summary line.",
    # init, rules, schema, units
    "Tạo tệp kế hoạch mẫu có chú thích: tình hình, mục tiêu, giải pháp, tổ chức thực hiện.":
        "Write a commented starter plan: situation, goals, solutions, implementation.",
    "Tệp kế hoạch mới (mặc định: kehoach.yaml).": "The new plan file (default: kehoach.yaml).",
    "Liệt kê các quy tắc kiểm tra, hoặc giải thích một quy tắc kèm ví dụ đạt và không đạt.":
        "List the rules and codes, or explain one code with passing and failing examples.",
    "Mã cần giải thích (ví dụ KH203, KH010).": "The code to explain (e.g. KH203, KH010).",
    "In lược đồ JSON Schema của tệp kế hoạch (tiêu đề, mô tả tiếng Việt) cho trình soạn thảo.":
        "Print the JSON Schema of plan files (Vietnamese titles and descriptions) for editors.",
    "Ghi lược đồ vào tệp thay vì ra màn hình (ví dụ: kehoach.schema.json).":
        "Write the schema into a file instead of the screen (e.g. kehoach.schema.json).",
    "Ghi danh sách xã, phường, đặc khu hiện hành của một tỉnh (sau sắp xếp năm 2025) thành CSV để điền.":
        "Write the current communes, wards and special zones of a province (after the 2025 merger) as CSV.",
    "Tên tỉnh, thành phố (ví dụ: \"An Giang\", an-giang).": "Province or city name (e.g. \"An Giang\", an-giang).",
    "Tệp CSV đầu ra (mặc định: in ra màn hình).": "Output CSV file (default: the screen).",
    "PDF theo chuẩn PDF/A-2b (nhúng phông, có ô ký số; bản dự thảo có ô số, ngày để cấp bằng kehoach issue); mặc "
    "định theo cấu hình pdf_a.":
        "PDF as PDF/A-2b (fonts embedded, with signature fields; a draft has number and day slots for kehoach "
        "issue); default: the pdf_a setting.",
    "Ghi kèm thông tin văn bản đi (Phụ lục VI, .metadata.json) và tiêu đề edXML (.edxml) cho hệ thống quản lý "
    "văn bản.":
        "Also write the outgoing-document metadata (Appendix VI, .metadata.json) and an edXML header (.edxml) "
        "for document management systems.",
    "Kế hoạch mẫu (YAML) có chỗ điền {{ unit.* }}; với --merge: thư mục đầu ra của các phần.":
        "Template plan (YAML) with {{ unit.* }} placeholders; with --merge: the shares' output folders.",
    "Với --merge: các thư mục phần còn lại.": "With --merge: the other share folders.",
    "Bản PDF theo chuẩn PDF/A-2b (để ký số); kèm theo --pdf.": "PDFs as PDF/A-2b (for digital signatures); with --pdf.",
    "Chỉ dựng phần I trong N phần (ví dụ 2/8), mỗi phần một thư mục đầu ra; ghép lại bằng --merge.":
        "Build only share I of N (e.g. 2/8), each share into its own output folder; join them with --merge.",
    "Số phần N, lấy phần từ biến JOB_COMPLETION_INDEX (Kubernetes Indexed Job).":
        "Number of shares N, this share taken from JOB_COMPLETION_INDEX (Kubernetes Indexed Job).",
    "Ghép các thư mục phần (PLAN và các đối số sau) vào -o.": "Join the share folders (PLAN and the arguments after it) into -o.",
    # preview, lsp, tasks
    "Xem trước văn bản theo trang A4 trong trình duyệt, kèm các phát hiện; tự cập nhật khi lưu tệp.":
        "Preview the document as A4 pages in the browser, with the findings; updates on save.",
    "Tệp kế hoạch YAML.": "Plan file (YAML).",
    "Cổng trên 127.0.0.1 (mặc định: một cổng trống).": "Port on 127.0.0.1 (default: a free port).",
    "Không mở trình duyệt; chỉ in địa chỉ.": "Do not open a browser; only print the address.",
    "Thư mục mẫu câu chữ thay cho mẫu có sẵn.": "Folder of wording templates replacing the default ones.",
    "Liên kết mở dòng của phát hiện trong trình soạn thảo ({path}, {line}, {col}).":
        "Link that opens a finding's line in the editor ({path}, {line}, {col}).",
    "Máy chủ ngôn ngữ (LSP, qua stdio) cho trình soạn thảo: phát hiện, gợi ý, giải thích, sửa nhanh.":
        "Language server (LSP, over stdio) for editors: findings, completion, explanations, quick fixes.",
    "Ngôn ngữ thông báo: vi hoặc en (mặc định: theo --lang chung, hoặc tiếng Anh khi trình soạn thảo báo ngôn "
    "ngữ 'en').":
        "Language of messages: vi or en (default: the global --lang, or English when the editor reports 'en').",
    "Xuất danh mục nhiệm vụ (nội dung, chủ trì, phối hợp, thời hạn, sản phẩm) cho hệ thống theo dõi.":
        "Export the plan's tasks (content, lead, partners, deadline, product) for a tracking system.",
    "Tệp đầu ra; đuôi .csv/.json/.ics chọn định dạng (mặc định: in ra màn hình).":
        "Output file; its suffix .csv/.json/.ics picks the format (default: the screen).",
    "csv | json | ics (mặc định theo đuôi tệp đầu ra, không có thì csv).":
        "csv | json | ics (default: from the output file's suffix, else csv).",
    # import
    "Tệp kế hoạch YAML ghi ra (mặc định: cạnh văn bản, đuôi .yaml; chỉ khi nhập một văn bản).":
        "The YAML plan file to write (default: beside the document, suffix .yaml; with one document only).",
    "Ghi đè tệp YAML đã có.": "Overwrite an existing YAML file.",
    # issue
    "Cấp số và ngày cho văn bản PDF đã ký, giữ nguyên hiệu lực các chữ ký số đã có.":
        "Give a signed PDF its number and date, keeping every digital signature already on it valid.",
    "Tệp PDF/A dự thảo (dựng bằng kehoach build --pdf-a), đã hoặc chưa ký.":
        "The PDF/A draft (built with kehoach build --pdf-a), signed or not yet.",
    "Số văn bản do văn thư cấp (chữ số Ả Rập).": "The document number the records office assigns (Arabic digits).",
    "Ngày ban hành, dạng NĂM-THÁNG-NGÀY (ví dụ 2026-12-05).": "The issue date, as YEAR-MONTH-DAY (e.g. 2026-12-05).",
    "Tệp ghi ra (mặc định: cạnh tệp vào, đuôi .issued.pdf); ghi đè tệp vào chỉ khi -o chính là tệp đó.":
        "File to write (default: beside the input, suffix .issued.pdf); the input is overwritten only when -o "
        "names it.",
    # server
    "Máy chủ dựng chạy nền: giữ sẵn thư viện đã nạp để mỗi lệnh kehoach (build, check, …) chạy ngay, không "
    "mất thời gian khởi động. Chỉ người dùng hiện tại dùng được; tự dừng khi lâu không dùng.":
        "A background build server: keeps the libraries loaded so that each kehoach command (build, check, …) "
        "starts at once. Only the current user can use it; it stops when unused for a while.",
    "Khởi động máy chủ dựng (chạy nền, nếu chưa chạy).": "Start the build server (in the background, unless running).",
    "Tự dừng sau chừng ấy phút không có lệnh nào.": "Stop after this many minutes without a command.",
    "Chạy ngay trong cửa sổ này (Ctrl-C để dừng), không chạy nền; dùng cho systemd hoặc để xem lỗi.":
        "Run in this window (Ctrl-C stops it), not in the background; for systemd or to see errors.",
    "Dừng máy chủ dựng.": "Stop the build server.",
    "Cho biết máy chủ dựng có đang chạy không (mã thoát 0 nếu có, 1 nếu không).":
        "Tell whether the build server is running (exit code 0 if it is, 1 if not).",
}

# typer's own options, written in English only.
VIETNAMESE: dict[str, str] = {
    "Install completion for the current shell.": "Cài gợi ý lệnh (tab) cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "In đoạn mã gợi ý lệnh của shell đang dùng, để chép hoặc tự cài.",
}
