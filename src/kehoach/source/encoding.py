"""Reading a plan file's bytes as text, refusing what is not a UTF-8 YAML text file.

Codes (all exit 2 when they are errors: the file cannot be read as a plan):

- KH005 file too large (a plan is a few hundred kilobytes at most)
- KH006 binary data (NUL or other control bytes)
- KH007 not UTF-8; says whether the bytes look like Windows-1258, TCVN3 (ABC) or VNI text,
  the legacy Vietnamese encodings an officer's old files are saved in
- KH008 a tab used for indentation (YAML forbids it; editors hide it)
- KH009 info: decomposed (NFD) text normalised to NFC, e.g. text pasted from macOS or a PDF
- KH010 missing, unreadable path, or a folder

Legacy-encoded text pasted into a UTF-8 file ("KÕ ho¹ch", "Keá hoaïch") is valid UTF-8: the lint
rule KH301 (rules/text.py) reports it on the plan's texts.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH005", "error", "Tệp quá lớn", "File too large",
         "Tệp lớn hơn giới hạn kích thước; một kế hoạch chỉ vài trăm KB. Có lẽ đã chọn nhầm tệp.",
         "The file is larger than the size limit; a plan is a few hundred KB. Perhaps the wrong file was chosen."),
    Code("KH006", "error", "Dữ liệu nhị phân", "Binary data",
         "Tệp chứa byte điều khiển (ví dụ 0x00): đó là tệp nhị phân (.docx, ảnh…), không phải YAML.",
         "The file contains control bytes (such as 0x00): it is binary (.docx, an image…), not YAML."),
    Code("KH007", "error", "Không phải UTF-8", "Not UTF-8",
         "Tệp không lưu bằng UTF-8; thông báo cho biết bảng mã có vẻ đã dùng (Windows-1258, TCVN3, VNI). Chuyển "
         "sang Unicode UTF-8 (Unikey → Công cụ chuyển mã) hoặc lưu lại với mã UTF-8.",
         "The file is not saved as UTF-8; the message names the encoding it seems to use (Windows-1258, TCVN3, "
         "VNI). Convert it to Unicode UTF-8 or save it again as UTF-8."),
    Code("KH008", "error", "Thụt lề bằng tab", "Tab indentation",
         "YAML chỉ cho thụt lề bằng dấu cách; hãy thay ký tự tab bằng dấu cách.",
         "YAML indents with spaces only; replace the tab characters with spaces."),
    Code("KH009", "info", "Đã chuẩn hóa NFD sang NFC", "NFD text normalised to NFC",
         "Chữ tiếng Việt ở dạng tổ hợp (NFD, thường do macOS hoặc sao chép từ PDF) đã được chuyển sang dạng dựng "
         "sẵn (NFC) để tìm kiếm và so sánh đúng. Chỉ là ghi chú.",
         "Vietnamese text in decomposed form (NFD, often from macOS or copied from a PDF) was converted to "
         "precomposed form (NFC) so that searching and comparing work. A note only."),
    Code("KH010", "error", "Không đọc được đường dẫn", "Unreadable path",
         "Đường dẫn không tồn tại, không có quyền đọc, hoặc đầu vào chuẩn không đọc được: mã thoát 2. Một thư mục "
         "không có kế hoạch nào chỉ là cảnh báo (mã thoát 0, cả với --strict), như ruff: một CI đặt trước khi có "
         "kế hoạch đầu tiên vẫn qua.",
         "The path does not exist, cannot be read, or standard input could not be read: exit code 2. A folder "
         "with no plans is only a warning (exit code 0, also with --strict), as in ruff: a CI job set up before "
         "the first plan passes."),
)

MAX_BYTES = 5 * 1024 * 1024

# Control characters a text file never contains (tab, LF, CR, form feed are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)

_ASCII_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_VOWELS = frozenset(b"aeiouyAEIOUY")
# Windows-1258 writes tones as combining marks after the vowel: grave, acute, tilde, hook, dot below.
_CP1258_TONES = frozenset(b"\xcc\xec\xde\xd2\xf2")
_CP1258_VOWELS = _ASCII_VOWELS | frozenset(b"\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd")
# VNI writes a vowel as an ASCII letter followed by a mark byte (ø grave, ù acute, û hook, õ tilde,
# ï dot below, and the circumflex/breve + tone pairs á à å ã ä é è ë …).
_VNI_MARKS = frozenset(b"\xf8\xf9\xfb\xf5\xef\xe1\xe0\xe5\xe3\xe4\xe9\xe8\xea\xeb\xe2")
_VNI_LETTERS = frozenset(b"\xf6\xf4\xf1\xd6\xd4\xd1")  # ư ơ đ Ư Ơ Đ

def _fail(code: str, message: str, path: Path, line: int | None = None, col: int | None = None,
          source_line: str | None = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path), line, col, source_line)])


def _position(data: bytes | str, offset: int) -> tuple[int, int, str]:
    """1-based (line, col) of ``offset`` and the text of that line (bytes decoded leniently)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    start = data.rfind(newline, 0, offset) + 1
    end = data.find(newline, offset)
    line_data = data[start:] if end < 0 else data[start:end]
    if isinstance(line_data, bytes):
        col = len(line_data[: offset - start].decode("utf-8", "replace")) + 1
        line_text = line_data.decode("utf-8", "replace")
    else:
        col = offset - start + 1
        line_text = line_data
    shown = _CONTROL.sub("\ufffd", line_text.rstrip("\r"))  # never send control bytes to a terminal
    return data.count(newline, 0, offset) + 1, col, shown


def _read(path: Path) -> bytes:
    if str(path) == "-":  # standard input: `kehoach check -` / `kehoach build - -o out.docx`
        import sys

        try:
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        except (OSError, AttributeError, ValueError) as exc:
            raise _fail("KH010", tr("không đọc được đầu vào chuẩn: {e}", "cannot read standard input: {e}", e=exc),
                        path) from None
    else:
        raw = _read_file(path)
    if len(raw) > MAX_BYTES:
        raise _fail("KH005", tr(
            "tệp quá lớn (hơn {n} MB): một kế hoạch chỉ vài trăm KB",
            "file too large (more than {n} MB): a plan is a few hundred KB", n=MAX_BYTES // (1024 * 1024)), path)
    return raw


def _read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise _fail("KH010", tr("là một thư mục, không phải tệp kế hoạch", "is a folder, not a plan file"), path)
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail("KH010", tr("không tìm thấy tệp", "file not found"), path) from None
    except PermissionError:
        raise _fail("KH010", tr("không có quyền đọc tệp", "permission denied reading the file"), path) from None
    except OSError as exc:
        raise _fail("KH010", tr("không đọc được tệp: {e}", "cannot read file: {e}", e=exc.strerror or exc),
                    path) from None


def guess_legacy_encoding(raw: bytes) -> str | None:
    """'Windows-1258', 'TCVN3' or 'VNI' when non-UTF-8 bytes look like that Vietnamese encoding."""
    scores = {"Windows-1258": 0, "TCVN3": 0, "VNI": 0}
    for i, byte in enumerate(raw):
        if byte < 0x80:
            continue
        before = raw[i - 1] if i else 0
        after = raw[i + 1] if i + 1 < len(raw) else 0
        near_letter = before in _ASCII_LETTERS or after in _ASCII_LETTERS
        if byte in _CP1258_TONES and before in _CP1258_VOWELS:
            scores["Windows-1258"] += 1
        if byte in (0xF0, 0xD0, 0xFD, 0xDD) and near_letter:  # đ Đ ư Ư
            scores["Windows-1258"] += 1
        # TCVN3 puts its lowercase letters in 0xA1–0xBF, symbols in every Western code page.
        if 0xA1 <= byte <= 0xBF and near_letter:
            scores["TCVN3"] += 1
        if byte in _VNI_MARKS and before in _ASCII_VOWELS:
            scores["VNI"] += 1
        if byte in _VNI_LETTERS and near_letter:
            scores["VNI"] += 1
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else None


def _decode_utf8(raw: bytes, path: Path) -> str:
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):  # "Unicode" from Notepad: unambiguous thanks to its BOM
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    control = re.search(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]", raw)
    if control:
        line, col, text = _position(raw, control.start())
        raise _fail("KH006", tr(
            "tệp chứa dữ liệu nhị phân (byte điều khiển 0x{b:02X}): không phải tệp văn bản YAML",
            "the file contains binary data (control byte 0x{b:02X}): not a YAML text file",
            b=raw[control.start()]), path, line, col, text)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col, text = _position(raw, exc.start)
        legacy = guess_legacy_encoding(raw)
        if legacy:
            message = tr(
                "tệp không phải UTF-8; có vẻ được lưu bằng bảng mã {enc}. Hãy chuyển sang Unicode "
                "UTF-8 (ví dụ: Unikey → Công cụ chuyển mã, hoặc lưu lại với mã UTF-8)",
                "the file is not UTF-8; it looks like {enc} text. Convert it to Unicode UTF-8 "
                "(e.g. Unikey's converter, or save it again as UTF-8)", enc=legacy)
        else:
            message = tr("tệp không phải UTF-8 (byte 0x{b:02X}); hãy lưu lại với mã UTF-8",
                         "the file is not UTF-8 (byte 0x{b:02X}); save it again as UTF-8", b=raw[exc.start])
        raise _fail("KH007", message, path, line, col, text) from None


def _check_text(text: str, path: Path) -> None:
    control = _CONTROL.search(text)
    if control:
        line, col, line_text = _position(text, control.start())
        raise _fail("KH006", tr(
            "tệp chứa ký tự điều khiển U+{c:04X}: không phải tệp văn bản YAML",
            "the file contains control character U+{c:04X}: not a YAML text file",
            c=ord(control.group())), path, line, col, line_text)
    tab = _TAB_INDENT.search(text)
    if tab:
        line, col, line_text = _position(text, tab.end() - 1)
        raise _fail("KH008", tr(
            "dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách",
            "a tab is used for indentation; YAML allows only spaces"), path, line, col, line_text)


def _normalise(text: str, path: Path) -> tuple[str, list[Diagnostic]]:
    if unicodedata.is_normalized("NFC", text):
        return text, []
    for number, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            # A combining mark, or a character NFC replaces on its own (U+F900 → U+8C48).
            first_mark = next((i for i, ch in enumerate(line)
                               if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch), 0)
            # Column of the letter carrying the mark, counted in the normalised text we report on.
            col = len(unicodedata.normalize("NFC", line[: max(first_mark - 1, 0)])) + 1
            normalised_line = unicodedata.normalize("NFC", line)
            note = Diagnostic("KH009", tr(
                "văn bản ở dạng tổ hợp (NFD) đã được chuẩn hóa sang dạng dựng sẵn (NFC)",
                "decomposed (NFD) text was normalised to composed (NFC) form"),
                Severity.info, str(path), number, col, normalised_line.rstrip("\r"))
            break
    return unicodedata.normalize("NFC", text), [note]


def decode(path: Path) -> tuple[str, list[Diagnostic]]:
    """The NFC text of a plan file and notes about it; raises KehoachError (exit 2) when unreadable."""
    path = Path(path)
    raw = _read(path)
    text = _decode_utf8(raw, path)
    _check_text(text, path)
    return _normalise(text, path)


def decode_text(text: str, path: str | Path) -> tuple[str, list[Diagnostic]]:
    """As ``decode`` for text already in memory (an editor's buffer): the same checks and NFC notes."""
    path = Path(path)
    _check_text(text, path)
    return _normalise(text, path)
