"""Located errors of the importers (all exit 2; nothing is written).

- KH501 the file is not a document kehoach can import (unknown extension, not a .docx/.odt zip)
- KH502 the document is password-protected (an encrypted Office file)
- KH503 the document is corrupt (a broken zip or XML part)
- KH504 the document has no text
- KH505 the document is not a plan: no recognisable part (letterhead, KẾ HOẠCH/QUYẾT ĐỊNH, sections)
- KH506 LibreOffice could not convert a .doc/.odt file (not found: KH070, with the install command)
"""

from __future__ import annotations

from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity


def _not_importable() -> tuple[str, str]:
    """KH501's explanation lists the suffixes of the readers' table."""
    from .readers import suffix_list

    return (f"`kehoach import` đọc {suffix_list('và')}; tệp này có đuôi khác hoặc không phải tệp Word/ODT thật "
            "(thiếu phần thân văn bản). Mã thoát 2, không ghi tệp nào.",
            f"`kehoach import` reads {suffix_list('and')}; this file has another suffix or is not a real Word/ODT "
            "file (no document part). Exit code 2, nothing written.")


# The codes the importers raise through ``import_error``, explained by ``kehoach rules`` (cli/codes.py
# gathers them).
CODES = (
    Code("KH501", "error", "Không phải văn bản nhập được", "Not a document kehoach import reads", "", "",
         _not_importable),
    Code("KH502", "error", "Văn bản có mật khẩu", "Password-protected document",
         "Văn bản Office được mã hóa bằng mật khẩu; mở bằng Word, bỏ mật khẩu, lưu lại rồi nhập.",
         "The Office document is encrypted with a password; open it in Word, remove the password, save, import."),
    Code("KH503", "error", "Văn bản bị hỏng", "Corrupt document",
         "Tệp zip hoặc một phần XML của văn bản bị hỏng; mở và lưu lại bằng Word hay LibreOffice rồi nhập.",
         "The document's zip or one of its XML parts is broken; open and re-save it in Word or LibreOffice."),
    Code("KH504", "error", "Văn bản trống", "Empty document",
         "Tệp không có chữ nào để nhập.", "The file has no text to import."),
    Code("KH505", "error", "Không phải một kế hoạch", "Not a plan",
         "Không nhận ra phần nào của một kế hoạch (tiêu đề văn bản, KẾ HOẠCH/QUYẾT ĐỊNH, các mục); tệp có thể là "
         "loại văn bản khác. Một Tờ trình, Công văn, Thông báo … được nêu tên: kehoach dựng kế hoạch và quyết định "
         "ban hành kế hoạch, không dựng các loại đó. Không tệp nào được ghi.",
         "No part of a plan was recognised (letterhead, KẾ HOẠCH/QUYẾT ĐỊNH, sections); the file may be another "
         "kind of document. A Tờ trình, Công văn, Thông báo … is named: kehoach builds plans and the decisions that "
         "issue them, not those types. No file is written."),
    Code("KH506", "error", "LibreOffice không chuyển được văn bản", "LibreOffice could not convert the document",
         "Tệp .doc/.odt được chuyển sang .docx bằng LibreOffice và lần chuyển này thất bại hoặc quá thời gian "
         "(không tìm thấy LibreOffice là KH070, kèm lệnh cài đặt).",
         "A .doc/.odt file is converted to .docx with LibreOffice, and this conversion failed or timed out "
         "(LibreOffice not found is KH070, with the install command)."),
)


def import_error(code: str, message: str, path: str | Path | None, line: int | None = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path else None, line)], 2)
