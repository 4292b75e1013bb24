"""Bad input: a located KH error, exit 2, no traceback and no output file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from kehoach.common.diagnostics import KehoachError
from kehoach.importers import import_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "003-an-giang-xkld.yaml"


def good_docx() -> bytes:
    import kehoach
    from kehoach.build import render
    return render(kehoach.load(EXAMPLE), "docx")


def letter_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Kính gửi: Ông Nguyễn Văn A")
    document.add_paragraph("Chúng tôi xin thông báo lịch họp tuần sau vào sáng thứ Hai.")
    document.add_paragraph("Trân trọng.")
    document.save(path)
    return path


def zip_without_word(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not word")
    path.write_bytes(buffer.getvalue())
    return path


def broken_xml(path: Path) -> Path:
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            archive.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    path.write_bytes(buffer.getvalue())
    return path


def _blank(path: Path) -> Path:
    docx.Document().save(path)
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _text(path: Path, text: str, encoding: str) -> Path:
    path.write_text(text, encoding)
    return path


CASES = {
    "random-bytes.docx": ("KH503", lambda p: _bytes(p, b"PK\x03\x04 this is not really a zip" * 10)),
    "truncated.docx": ("KH503", lambda p: _bytes(p, good_docx()[:3000])),
    "broken-xml.docx": ("KH503", broken_xml),
    "no-word-part.docx": ("KH501", zip_without_word),
    "encrypted.docx": ("KH502", lambda p: _bytes(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)),
    "picture.png": ("KH501", lambda p: _bytes(p, b"\x89PNG\r\n\x1a\n" + b"\0" * 100)),
    "empty.docx": ("KH504", lambda p: _bytes(p, b"")),
    "blank.docx": ("KH504", _blank),
    "empty.txt": ("KH504", lambda p: _text(p, "\n\n  \n", "utf-8")),
    "letter.docx": ("KH505", letter_docx),
    "letter.txt": ("KH505", lambda p: _text(p, "Kính gửi anh Nam,\n\nHẹn gặp lại.\n", "utf-8")),
    "latin1.txt": ("KH007", lambda p: _bytes(p, "KẾ HOẠCH".encode("utf-8")[:4] + b"\xe9t\xe9\n")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_a_located_error(name, tmp_path):
    code, make = CASES[name]
    path = make(tmp_path / name)
    with pytest.raises(KehoachError) as caught:
        import_plan(path)
    diagnostic = caught.value.diagnostics[0]
    assert caught.value.exit_code == 2
    assert diagnostic.code == code
    assert diagnostic.path == str(path)
