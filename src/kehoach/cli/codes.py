"""Every code kehoach prints that is not a lint rule: reading a file, the schema, configuration,
templates, building, batches, PDF and the build server. ``kehoach rules CODE`` explains them; lint
rules (``lint.RULES``) explain themselves, and a module may declare its codes beside the code that
raises them (``CODES`` of a module in ``DECLARED_IN``, e.g. the output formats' KH050/KH051 in
pipeline/formats.py): this index gathers them. tests/cli/test_codes.py finds every code the source can
emit and fails when one is documented nowhere.

Families: KH00x–KH01x reading and writing files, KH02x configuration and profiles, KH03x YAML
hints, KH04x wording templates, KH05x output formats and metadata, KH06x batches, KH07x PDF, KH08x
build server, KH09x preview and lsp, KH10x schema, KH16x batch placeholders, KH50x `kehoach import`.
"""

from __future__ import annotations

from ..common.diagnostics import Code


def _not_importable() -> tuple[str, str]:
    from ..importers.readers import suffix_list

    return (f"`kehoach import` đọc {suffix_list('và')}; tệp này có đuôi khác hoặc không phải tệp Word/ODT thật "
            "(thiếu phần thân văn bản). Mã thoát 2, không ghi tệp nào.",
            f"`kehoach import` reads {suffix_list('and')}; this file has another suffix or is not a real Word/ODT "
            "file (no document part). Exit code 2, nothing written.")


# Explanations that list the formats: generated from the writer and reader tables.
_GENERATED = {"KH501": _not_importable}


_TABLE = [
    ("KH001", "error", "YAML không hợp lệ", "Invalid YAML",
     "Tệp không phải YAML đúng cú pháp (thiếu dấu đóng ngoặc, thụt lề lệch, dấu ':' thừa…). Vị trí báo là chỗ "
     "trình đọc YAML phát hiện lỗi; lỗi thật thường ở ngay đó hoặc dòng trên.",
     "The file is not valid YAML (an unclosed bracket, uneven indentation, a stray ':'…). The position is "
     "where the YAML reader noticed it; the mistake is there or on the line above."),
    ("KH002", "error", "Khóa bị lặp lại", "Duplicate key",
     "Một khóa xuất hiện hai lần trong cùng một bảng khóa; YAML sẽ lặng lẽ giữ giá trị sau, nên kehoach từ chối.",
     "A key appears twice in one mapping; YAML would silently keep the later value, so kehoach refuses it."),
    ("KH003", "error", "Tệp quá phức tạp (alias bomb)", "File too complex (alias bomb)",
     "Tệp dùng bí danh YAML (&, *) nhân lên quá nhiều nút; một kế hoạch thật không cần thế. Giới hạn này bảo "
     "vệ máy khỏi tệp độc hại.",
     "The file's YAML aliases (&, *) expand to too many nodes; no real plan needs that. The limit protects the "
     "machine from hostile files."),
    ("KH004", "error", "Lồng nhau quá sâu", "Nested too deeply",
     "Các bảng khóa, danh sách lồng nhau sâu quá giới hạn; hãy làm phẳng cấu trúc.",
     "Mappings and lists are nested deeper than the limit; flatten the structure."),
    ("KH005", "error", "Tệp quá lớn", "File too large",
     "Tệp lớn hơn giới hạn kích thước; một kế hoạch chỉ vài trăm KB. Có lẽ đã chọn nhầm tệp.",
     "The file is larger than the size limit; a plan is a few hundred KB. Perhaps the wrong file was chosen."),
    ("KH006", "error", "Dữ liệu nhị phân", "Binary data",
     "Tệp chứa byte điều khiển (ví dụ 0x00): đó là tệp nhị phân (.docx, ảnh…), không phải YAML.",
     "The file contains control bytes (such as 0x00): it is binary (.docx, an image…), not YAML."),
    ("KH007", "error", "Không phải UTF-8", "Not UTF-8",
     "Tệp không lưu bằng UTF-8; thông báo cho biết bảng mã có vẻ đã dùng (Windows-1258, TCVN3, VNI). Chuyển "
     "sang Unicode UTF-8 (Unikey → Công cụ chuyển mã) hoặc lưu lại với mã UTF-8.",
     "The file is not saved as UTF-8; the message names the encoding it seems to use (Windows-1258, TCVN3, "
     "VNI). Convert it to Unicode UTF-8 or save it again as UTF-8."),
    ("KH008", "error", "Thụt lề bằng tab", "Tab indentation",
     "YAML chỉ cho thụt lề bằng dấu cách; hãy thay ký tự tab bằng dấu cách.",
     "YAML indents with spaces only; replace the tab characters with spaces."),
    ("KH009", "info", "Đã chuẩn hóa NFD sang NFC", "NFD text normalised to NFC",
     "Chữ tiếng Việt ở dạng tổ hợp (NFD, thường do macOS hoặc sao chép từ PDF) đã được chuyển sang dạng dựng "
     "sẵn (NFC) để tìm kiếm và so sánh đúng. Chỉ là ghi chú.",
     "Vietnamese text in decomposed form (NFD, often from macOS or copied from a PDF) was converted to "
     "precomposed form (NFC) so that searching and comparing work. A note only."),
    ("KH010", "error", "Không đọc được đường dẫn", "Unreadable path",
     "Đường dẫn không tồn tại, không có quyền đọc, hoặc đầu vào chuẩn không đọc được: mã thoát 2. Một thư mục "
     "không có kế hoạch nào chỉ là cảnh báo (mã thoát 0, cả với --strict), như ruff: một CI đặt trước khi có "
     "kế hoạch đầu tiên vẫn qua.",
     "The path does not exist, cannot be read, or standard input could not be read: exit code 2. A folder "
     "with no plans is only a warning (exit code 0, also with --strict), as in ruff: a CI job set up before "
     "the first plan passes."),
    ("KH011", "error", "Không ghi đè", "Not overwriting",
     "Tệp đầu ra là chính tệp đầu vào, hoặc (với `kehoach init`) tệp đã có: kehoach không ghi đè.",
     "The output file is the input itself, or (for `kehoach init`) already exists: kehoach does not "
     "overwrite it."),
    ("KH012", "error", "Không ghi được tệp đầu ra", "Cannot write the output file",
     "Không ghi được tệp đầu ra (thư mục không có, không có quyền, đĩa đầy, đường dẫn là thư mục, thiết bị hay "
     "FIFO…). Không tệp dở dang nào được để lại. Một liên kết tượng trưng (symlink) ở đường dẫn đầu ra được thay "
     "bằng tệp mới, không bao giờ ghi theo liên kết.",
     "The output file could not be written (missing folder, no permission, disk full, the path is a folder, a "
     "device or a FIFO…). No partial file is left behind. A symbolic link at the output path is replaced by the "
     "new file; the write never follows the link."),
    ("KH013", "error", "Tệp đã đổi trong lúc sửa", "File changed while fixing",
     "`check --fix` không ghi đè một tệp kế hoạch đã thay đổi trên đĩa kể từ lúc đọc; chạy lại --fix.",
     "`check --fix` does not overwrite a plan file that changed on disk since it was read; run --fix again."),
    ("KH014", "warning", "Không sửa tự động được", "Not fixed automatically",
     "Kết quả sửa tự động sẽ làm hỏng cấu trúc tệp (YAML hay lược đồ) nên tệp được giữ nguyên; sửa tay theo các "
     "phát hiện.",
     "The automatic fix would break the file's structure (YAML or schema), so the file is left as it was; fix "
     "the findings by hand."),
    ("KH021", "error", "Hồ sơ hướng dẫn không đọc được", "Profile cannot be read",
     "Tệp hồ sơ hướng dẫn (--profile hoặc `profile:`) không tìm thấy hoặc sai cấu trúc. Mã thoát 2. (Tên hồ sơ "
     "không có thật trong kế hoạch là KH100.)",
     "The profile file (--profile or `profile:`) is not found or malformed. Exit code 2. (An unknown profile "
     "name in a plan is KH100.)"),
    ("KH030", "warning", "' #' cắt mất phần sau của văn bản", "' #' cuts the text short",
     "Trong văn bản không đặt trong ngoặc, ' #' bắt đầu một chú thích YAML nên phần sau bị bỏ khỏi văn bản. Đặt "
     "cả văn bản trong ngoặc kép, hoặc bỏ dấu cách trước '#'.",
     "In unquoted text, ' #' starts a YAML comment, so the rest is dropped from the text. Put the whole text "
     "in double quotes, or remove the space before '#'."),
    ("KH031", "warning", "Hai dòng bị YAML nối thành một đoạn", "Two lines joined into one paragraph",
     "YAML nối dòng này vào đoạn ở dòng trên. Nếu là hai đoạn, viết mỗi đoạn một mục danh sách (`- `); một dòng "
     "trống giữa hai dòng cũng không tách đoạn.",
     "YAML joins this line to the paragraph above. If these are two paragraphs, write each as a list item "
     "(`- `); a blank line between them does not split them either."),
    ("KH040", "error", "Thư mục mẫu không tồn tại", "Templates folder missing",
     "Thư mục ghi ở --templates (của `build` hay `batch`) không tồn tại.",
     "The folder given to --templates (of `build` or `batch`) does not exist."),
    ("KH041", "error", "Không tìm thấy mẫu lời văn", "Wording template not found",
     "Một mẫu lời văn (.j2) cần cho văn bản không có trong thư mục mẫu hay mẫu mặc định.",
     "A wording template (.j2) the document needs is neither in the templates folder nor among the defaults."),
    ("KH042", "error", "Lỗi cú pháp mẫu", "Template syntax error",
     "Mẫu lời văn (.j2) có lỗi cú pháp Jinja; vị trí là tệp mẫu và dòng.",
     "A wording template (.j2) has a Jinja syntax error; the position is the template file and line."),
    ("KH043", "error", "Mẫu làm thao tác bị cấm", "Forbidden template operation",
     "Mẫu lời văn chạy trong môi trường cách ly và đã thử một thao tác không được phép (truy cập thuộc tính "
     "nội bộ…).",
     "Wording templates run sandboxed, and this one attempted a forbidden operation (an internal attribute…)."),
    ("KH044", "error", "Lỗi khi dùng mẫu", "Template error",
     "Mẫu lời văn gặp lỗi khi chạy (biến không có, phép tính sai…).",
     "A wording template failed while running (an undefined variable, a failing operation…)."),
    ("KH045", "error", "Mẫu lời văn làm quá nhiều việc", "Wording template does too much work",
     "Một mẫu lời văn (.j2) của --templates vượt giới hạn công việc: tự gọi lại mình (đệ quy), vòng lặp quá "
     "dài hoặc kết quả quá lớn.",
     "A wording template (.j2) from --templates went past its work bound: it includes itself (recursion), "
     "loops too long or produces too much text."),
    ("KH053", "error", "Định dạng danh mục nhiệm vụ không hỗ trợ", "Unsupported task export format",
     "`kehoach tasks` ghi .csv, .json hoặc .ics; đổi đuôi tệp đầu ra hoặc --format.",
     "`kehoach tasks` writes .csv, .json or .ics; change the output suffix or --format."),
    ("KH054", "error", "Thông tin văn bản đi quá dài", "Outgoing metadata field too long",
     "Một trường của thông tin văn bản đi (--metadata, Phụ lục VI Nghị định 30) dài hơn số ký tự cho phép.",
     "A field of the outgoing-document metadata (--metadata, Decree 30 Appendix VI) is longer than allowed."),
    ("KH055", "warning", "Thiếu mã định danh cơ quan", "Agency code missing",
     "Thông tin văn bản đi cần mã định danh của cơ quan ban hành và nơi nhận; thêm `code` cho cơ quan đó trong "
     "danh mục cơ quan (`[[agencies]]` của kehoach.toml).",
     "The outgoing-document metadata needs the agency codes of the issuer and recipients; add a `code` for "
     "that agency in the agency directory (`[[agencies]]` of kehoach.toml)."),
    ("KH056", "error", "--metadata cần đầu ra là tệp", "--metadata needs a file output",
     "--metadata ghi tệp thông tin văn bản cạnh văn bản, nên đầu ra (-o) phải là một tệp, không phải -, thiết bị "
     "hay FIFO.",
     "--metadata writes its files beside the document, so the output (-o) must be a file, not -, a device or "
     "a FIFO."),
    ("KH057", "warning", "Văn bản mật: không tạo .edxml", "Secret document: no .edxml",
     "Kế hoạch có độ mật (classification). Văn bản điện tử có nội dung bí mật nhà nước chỉ được gửi, nhận qua "
     "hệ thống quản lý văn bản điện tử bí mật nhà nước, trên máy không nối mạng Internet (Luật Bảo vệ bí mật "
     "nhà nước 2018, Điều 5; Nghị định 63/2026/NĐ-CP), không qua trục liên thông văn bản thông thường, nên "
     "--metadata không tạo tệp .edxml. Tệp .metadata.json vẫn được ghi để đăng ký; với độ Tuyệt mật không ghi "
     "trích yếu.",
     "The plan has a classification. Electronic documents holding state secrets are sent and received only "
     "through the state-secret document system, on machines not connected to the Internet (Law on Protection "
     "of State Secrets 2018, Article 5; Decree 63/2026/NĐ-CP), not over the ordinary document exchange, so "
     "--metadata writes no .edxml file. The .metadata.json is still written for registration; a Tuyệt mật "
     "document has no trích yếu there."),
    ("KH060", "error", "Không đọc được bảng đơn vị", "Cannot read the units table",
     "Tệp bảng đơn vị (.csv/.yaml/.xlsx) không đọc được: không tồn tại, sai bảng mã (cần UTF-8), tệp XLSX hỏng "
     "hoặc định dạng không hỗ trợ.",
     "The units table (.csv/.yaml/.xlsx) cannot be read: missing, wrong encoding (UTF-8 needed), a broken XLSX "
     "file or an unsupported format."),
    ("KH061", "error", "Bảng đơn vị sai cấu trúc", "Malformed units table",
     "Bảng đơn vị có cột không tên hoặc lặp lại, dòng có số ô khác số cột, CSV hỏng, hoặc tệp YAML không phải "
     "một danh sách đơn vị.",
     "The units table has a nameless or duplicate column, a row whose cell count differs from the columns, "
     "broken CSV, or a YAML file that is not a list of units."),
    ("KH062", "error", "Không có tỉnh, thành phố", "Unknown province",
     "Tên ở vn:<tỉnh> hoặc --province không khớp tỉnh, thành phố nào hiện hành; thông báo gợi ý tên gần nhất.",
     "The name in vn:<province> or --province matches no current province or city; the message suggests "
     "the nearest names."),
    ("KH063", "error", "Bảng đơn vị trống", "Empty units table",
     "Bảng đơn vị không có dòng nào để dựng.", "The units table has no rows to build."),
    ("KH064", "error", "Không đặt được tệp đầu ra của lô", "Batch output cannot be laid out",
     "Thư mục đầu ra của `batch` là một tệp hoặc không tạo được, hoặc mẫu tên tệp (--name) dùng cột không có.",
     "The `batch` output folder is a file or cannot be made, or the file name pattern (--name) uses a missing "
     "column."),
    ("KH065", "error", "Tiến trình con dừng bất thường", "Worker process died",
     "Một tiến trình dựng song song dừng bất thường; các văn bản đã dựng được giữ lại, chạy lại lệnh để dựng "
     "tiếp.",
     "A parallel build worker stopped unexpectedly; documents already built are kept, run the command again "
     "to continue."),
    ("KH066", "error", "Chia phần hàng loạt sai", "Bad batch sharding",
     "--shard cần dạng I/N (1 ≤ I ≤ N), --shards cần JOB_COMPLETION_INDEX hợp lệ, hoặc --merge gặp một phần "
     "không đọc được hay không phải của một lần chạy --shard.",
     "--shard takes I/N (1 ≤ I ≤ N), --shards needs a valid JOB_COMPLETION_INDEX, or --merge found a share "
     "that cannot be read or is not from a --shard run."),
    ("KH070", "error", "Không tìm thấy LibreOffice", "LibreOffice not found",
     "Xuất PDF cần LibreOffice (soffice); thông báo nêu lệnh cài cho từng hệ điều hành.",
     "PDF output needs LibreOffice (soffice); the message gives the install command for each system."),
    ("KH071", "warning", "Thiếu phông chữ cùng kích thước", "Metric-compatible font missing",
     "Không có Times New Roman hay Liberation Serif nên bản PDF sẽ ngắt dòng, ngắt trang khác bản .docx; "
     "thông báo nêu cách cài.",
     "Neither Times New Roman nor Liberation Serif is installed, so the PDF would break lines and pages "
     "differently from the .docx; the message says how to install one."),
    ("KH072", "error", "Chuyển PDF thất bại", "PDF conversion failed",
     "LibreOffice không chạy được hoặc không chuyển được tệp .docx; không tệp PDF nào được ghi.",
     "LibreOffice could not run or could not convert the .docx; no PDF was written."),
    ("KH073", "error", "Chuyển PDF quá thời gian", "PDF conversion timed out",
     "LibreOffice không chuyển xong trong thời gian cho phép nên đã bị dừng; không tệp PDF nào được ghi.",
     "LibreOffice did not finish within the time allowed and was stopped; no PDF was written."),
    # `kehoach issue` (writers/pdf_issue.py): every refusal is exit 2 and writes nothing.
    ("KH074", "error", "PDF không có ô số, ngày để điền", "PDF has no number and date slots",
     "`kehoach issue` chỉ điền được bản PDF/A dự thảo do `kehoach build --pdf-a` dựng với số và ngày để trống "
     "(letterhead.number: null, ngày chỉ có tháng và năm): bản đó có các ô kehoach.so, kehoach.ngay… Tệp này "
     "không đọc được như PDF, hoặc không có các ô ấy. Dựng lại bản dự thảo, trình ký, rồi cấp số.",
     "`kehoach issue` fills only a PDF/A draft that `kehoach build --pdf-a` built with the number and day left "
     "blank (letterhead.number: null, a date of month and year only): it has the fields kehoach.so, "
     "kehoach.ngay… This file cannot be read as a PDF, or lacks those fields. Build the draft again, have it "
     "signed, then number it."),
    ("KH075", "error", "Văn bản đã có số", "Document already numbered",
     "Ô số của văn bản đã được điền (hoặc số đã in sẵn khi dựng). Mỗi văn bản chỉ có một số (Nghị định "
     "30/2020/NĐ-CP, Điều 15); cấp số lần nữa sẽ làm hai bản khác nhau cùng mang chữ ký.",
     "The document's number slot is already filled (or the number was printed at build time). A document has "
     "one number (Decree 30/2020, Article 15); numbering it again would make two versions under one signature."),
    ("KH076", "error", "Số văn bản không hợp lệ", "Invalid document number",
     "Số văn bản ghi bằng chữ số Ả Rập, bắt đầu từ 01 mỗi năm (Phụ lục I, mục II.3), dài tối đa 11 ký tự "
     "(Phụ lục VI). Số dưới 10 được in thêm số 0 phía trước.",
     "A document number is Arabic digits, restarting at 01 each year (Phụ lục I, II.3), at most 11 characters "
     "(Phụ lục VI). A number under 10 is printed with a leading zero."),
    ("KH077", "error", "Ngày ban hành không hợp lệ", "Invalid issue date",
     "Ngày viết NĂM-THÁNG-NGÀY (2026-12-05) và phải là ngày có thật; phần tháng, năm đã in sẵn trên văn bản "
     "(bản dự thảo ghi 'tháng 3 năm 2026') phải khớp với ngày cấp, vì trang đã ký không đổi được.",
     "Write the date as YEAR-MONTH-DAY (2026-12-05), a real day; the month and year already printed on the "
     "document (a draft reading 'tháng 3 năm 2026') must match, since the signed page cannot change."),
    ("KH078", "error", "Đã ký số cơ quan trước khi cấp số", "Agency signature before the number",
     "Chữ ký số của cơ quan (ô kehoach.dong_dau) khóa ô số và ngày: nó phải đến sau khi cấp số. Văn bản này đã "
     "có chữ ký đó mà ô số còn trống; điền số bây giờ sẽ làm chữ ký của cơ quan mất hiệu lực. Lấy lại bản đã "
     "có chữ ký của người có thẩm quyền (trước khi ký số cơ quan), cấp số, rồi ký số cơ quan.",
     "The agency's signature (field kehoach.dong_dau) locks the number and day: it comes after numbering. "
     "This document already has it while the number is blank; filling the number now would invalidate it. "
     "Take the copy signed by the leader (before the agency signed), number it, then have the agency sign."),
    ("KH080", "error", "Lỗi máy chủ dựng", "Build server error",
     "Máy chủ dựng (`kehoach server`) không khởi động hay không dừng được, hoặc thư mục ổ cắm của nó không an "
     "toàn; thông báo nêu tệp nhật ký. Các lệnh khác vẫn chạy bình thường không cần máy chủ.",
     "The build server (`kehoach server`) could not start or stop, or its socket folder is not safe; the "
     "message names the log file. Other commands still run without a server."),
    ("KH160", "error", "Đơn vị thiếu trường chỗ điền cần", "Unit lacks a placeholder field",
     "Kế hoạch mẫu có chỗ điền `{{ unit.<cột> }}` mà bảng đơn vị không có cột đó, hoặc dùng tên khác `unit.*`.",
     "The template plan has a `{{ unit.<column> }}` placeholder whose column the units table lacks, or uses "
     "a name other than `unit.*`."),
    ("KH161", "error", "Chỗ điền không hợp lệ", "Invalid placeholder",
     "Một chỗ điền `{{ … }}` của kế hoạch mẫu sai cú pháp hoặc không tính được cho một đơn vị.",
     "A `{{ … }}` placeholder of the template plan is malformed or cannot be computed for a unit."),
    ("KH162", "error", "Cột không chỉ tới trường kế hoạch", "Column is not a plan field",
     "Một cột có dấu chấm của bảng đơn vị (ví dụ `signature.name`) không chỉ tới trường nào của kế hoạch.",
     "A dotted column of the units table (for example `signature.name`) points at no field of the plan."),
    ("KH163", "error", "Dựng văn bản của một đơn vị thất bại", "Building one unit failed",
     "Dựng văn bản của một đơn vị gặp lỗi bất ngờ; chỉ đơn vị đó hỏng, các đơn vị khác vẫn được dựng. Xin báo "
     "lỗi kèm kế hoạch mẫu và dòng đơn vị.",
     "Building one unit's document failed unexpectedly; only that unit fails, the others are built. Please "
     "report it with the template plan and the unit's row."),
    ("KH164", "warning", "Hai dấu cách liền nhau trong bảng đơn vị", "Two spaces in a row in the units table",
     "Một ô của bảng đơn vị có hai dấu cách liền nhau (ví dụ «Phường  An Nhơn»); văn bản dùng một dấu cách để "
     "tiêu đề và tên đơn vị không in sai. Sửa ô đó trong bảng để hết cảnh báo.",
     "A cell of the units table has two spaces in a row (e.g. «Phường  An Nhơn»); the document uses one space so "
     "that the letterhead and the unit's name are not printed wrong. Fix the cell to silence the warning."),
    ("KH090", "error", "kehoach preview không mở được cổng", "kehoach preview cannot listen",
     "`kehoach preview` không mở được cổng đã chọn trên 127.0.0.1 (đang bận?); bỏ --port để dùng một cổng trống.",
     "`kehoach preview` cannot listen on the chosen 127.0.0.1 port (in use?); leave out --port for a free one."),
    ("KH091", "error", "kehoach lsp thiếu gói pygls", "kehoach lsp needs pygls",
     "Máy chủ ngôn ngữ cần gói pygls: pip install 'kehoach[lsp]'.",
     "The language server needs the pygls package: pip install 'kehoach[lsp]'."),
    ("KH101", "error", "Thiếu trường bắt buộc", "Missing required field",
     "Lược đồ kế hoạch yêu cầu trường này (ví dụ `letterhead`, `title`, `signature.name`).",
     "The plan schema requires this field (for example `letterhead`, `title`, `signature.name`)."),
    ("KH102", "error", "Khóa không hợp lệ", "Unknown key",
     "Khóa không có trong lược đồ; thường là gõ sai, thông báo gợi ý khóa gần nhất. `kehoach schema` cho trình "
     "soạn thảo gợi ý khóa khi gõ.",
     "The key is not in the schema, usually a typo; the message suggests the nearest key. `kehoach schema` "
     "lets editors complete keys as you type."),
    ("KH103", "error", "Giá trị sai kiểu hoặc không hợp lệ", "Wrong type or invalid value",
     "Giá trị không đúng kiểu lược đồ cần (văn bản, số, ngày, danh sách…) hoặc không thuộc các giá trị cho phép.",
     "The value is not of the type the schema needs (text, number, date, list…) or not one of the allowed "
     "values."),
    ("KH104", "error", "Tệp kế hoạch không phải bảng khóa", "Plan file is not a mapping",
     "Cấp ngoài cùng của tệp kế hoạch phải là một bảng khóa: giá trị (letterhead:, title:, …), không phải danh "
     "sách, một văn bản, hay tệp trống.",
     "The top level of a plan file must be a mapping of keys to values (letterhead:, title:, …), not a list, "
     "a single text or an empty file."),
    ("KH501", "error", "Không phải văn bản nhập được", "Not a document kehoach import reads", "", ""),
    ("KH502", "error", "Văn bản có mật khẩu", "Password-protected document",
     "Văn bản Office được mã hóa bằng mật khẩu; mở bằng Word, bỏ mật khẩu, lưu lại rồi nhập.",
     "The Office document is encrypted with a password; open it in Word, remove the password, save, import."),
    ("KH503", "error", "Văn bản bị hỏng", "Corrupt document",
     "Tệp zip hoặc một phần XML của văn bản bị hỏng; mở và lưu lại bằng Word hay LibreOffice rồi nhập.",
     "The document's zip or one of its XML parts is broken; open and re-save it in Word or LibreOffice."),
    ("KH504", "error", "Văn bản trống", "Empty document",
     "Tệp không có chữ nào để nhập.", "The file has no text to import."),
    ("KH505", "error", "Không phải một kế hoạch", "Not a plan",
     "Không nhận ra phần nào của một kế hoạch (tiêu đề văn bản, KẾ HOẠCH/QUYẾT ĐỊNH, các mục); tệp có thể là "
     "loại văn bản khác. Một Tờ trình, Công văn, Thông báo … được nêu tên: kehoach dựng kế hoạch và quyết định "
     "ban hành kế hoạch, không dựng các loại đó. Không tệp nào được ghi.",
     "No part of a plan was recognised (letterhead, KẾ HOẠCH/QUYẾT ĐỊNH, sections); the file may be another "
     "kind of document. A Tờ trình, Công văn, Thông báo … is named: kehoach builds plans and the decisions that "
     "issue them, not those types. No file is written."),
    ("KH506", "error", "LibreOffice không chuyển được văn bản", "LibreOffice could not convert the document",
     "Tệp .doc/.odt được chuyển sang .docx bằng LibreOffice và lần chuyển này thất bại hoặc quá thời gian "
     "(không tìm thấy LibreOffice là KH070, kèm lệnh cài đặt).",
     "A .doc/.odt file is converted to .docx with LibreOffice, and this conversion failed or timed out "
     "(LibreOffice not found is KH070, with the install command)."),
]

# Modules that declare their codes beside the code raising them (a module-level ``CODES``): the index
# reads them here, so a code is written once. The rest of the table above is to move the same way.
DECLARED_IN = ("kehoach.source.config", "kehoach.pipeline.formats", "kehoach.cli.failures",
               # the importer's error KH507 and its notes KH510–KH529
               "kehoach.importers.recognise", "kehoach.importers.notes", "kehoach.importers.frame",
               "kehoach.importers.preamble", "kehoach.importers.outline", "kehoach.importers.tables",
               "kehoach.importers.tasks", "kehoach.importers.decision", "kehoach.importers.head")


def _declared() -> list[Code]:
    from importlib import import_module

    return [code for module in DECLARED_IN for code in import_module(module).CODES]


CODES: dict[str, Code] = {
    **{row[0]: Code(*row, generated=_GENERATED.get(row[0])) for row in _TABLE},
    **{code.code: code for code in _declared()},
}
