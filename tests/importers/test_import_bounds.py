"""Hostile .docx files (issue 26.3): each ends as a located KH5xx/KH0xx error (exit 2) or imports —
never a traceback, KH000, a hang or a memory blow-up. Memory is bounded by a limit in a child process
(RLIMIT_AS) and its peak measured with getrusage, never by timing."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import KehoachError
from kehoach.importers import import_plan
from kehoach.importers.docx import read_docx


_register()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "003-an-giang-xkld.yaml"


def good_docx() -> bytes:
    import kehoach
    from kehoach.build import render
    return render(kehoach.load(EXAMPLE), "docx")


runner = CliRunner()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document: str | bytes, *, extra: dict[str, bytes] | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    body = document.encode() if isinstance(document, str) else document
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _para(inner: str, ppr: str = "") -> str:
    return f'<?xml version="1.0"?><w:document {W}><w:body><w:p>{ppr}{inner}</w:p></w:body></w:document>'


def _code(data: bytes, tmp_path: Path, name: str = "hostile.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(KehoachError) as caught:
        import_plan(path)
    return caught.value.diagnostics[0].code


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    bomb = _docx(_para("<w:r><w:t>x</w:t></w:r>").encode() + b" " * (200 * 1024 * 1024))
    assert len(bomb) < 1024 * 1024
    assert _code(bomb, tmp_path) == "KH503"


def test_bzip2_and_lzma_members_are_refused_clearly(tmp_path):
    for method, name in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")):
        data = _docx(_para("<w:r><w:t>Kế hoạch</w:t></w:r>"), compression=method)
        with pytest.raises(KehoachError) as caught:
            read_docx(data, tmp_path / "x.docx")
        assert caught.value.diagnostics[0].code == "KH503"
        assert "deflate" in caught.value.diagnostics[0].message and name in caught.value.diagnostics[0].message


def test_a_header_that_understates_the_size_is_caught(tmp_path):
    data = bytearray(_docx(_para("<w:r><w:t>" + "a" * 5000 + "</w:t></w:r>")))
    # Patch the central directory's uncompressed size of word/document.xml to 10 bytes.
    at = data.rfind(b"PK\x01\x02")
    while data[at + 46:at + 46 + 17] != b"word/document.xml":
        at = data.rfind(b"PK\x01\x02", 0, at)
    data[at + 24:at + 28] = (10).to_bytes(4, "little")
    with pytest.raises(KehoachError) as caught:
        read_docx(bytes(data), tmp_path / "x.docx")
    assert caught.value.diagnostics[0].code == "KH503"


def test_too_many_zip_members_are_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", _para(""))
        for index in range(6000):
            archive.writestr(f"m/{index}", b"")
    assert _code(buffer.getvalue(), tmp_path) == "KH503"


@pytest.mark.parametrize("fragment", [
    '<w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="1e9"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:r><w:sym w:char="ZZZZ"/></w:r>',
    '<w:r><w:sym w:char="FFFFFFFFFF"/></w:r>',
    '<w:r><w:sym w:char="D800"/></w:r>',
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>\u00b2</w:t></w:r>',
])
def test_malformed_attribute_values_are_a_corrupt_file(tmp_path, fragment):
    ppr, inner = (fragment, "<w:r><w:t>Kế hoạch</w:t></w:r>") if fragment.startswith("<w:pPr>") else ("", fragment)
    try:
        read_docx(_docx(_para(inner, ppr)), tmp_path / "x.docx")
    except KehoachError as error:
        assert error.diagnostics[0].code == "KH503" and error.diagnostics[0].path


def test_malformed_table_values(tmp_path):
    table = (f'<?xml version="1.0"?><w:document {W}><w:body><w:tbl><w:tblGrid><w:gridCol w:w="1e400"/>'
             '<w:gridCol w:w="abc"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>'
             '<w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
    source = read_docx(_docx(table), tmp_path / "x.docx")
    cell = source.blocks[0].rows[0][0]
    assert cell.span <= 63


def test_huge_numbering_start_values_are_clamped(tmp_path):
    numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 '<w:start w:val="99999999999999"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/>'
                 '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="4000000000"/></w:lvlOverride></w:num></w:numbering>')
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    source = read_docx(_docx(_para("<w:r><w:t>Mục</w:t></w:r>", ppr), extra={"word/numbering.xml": numbering}),
                       tmp_path / "x.docx")
    assert 0 < len(source.blocks[0].label) < 2000  # 32,767 at most: 1,261 letters, not gigabytes


def test_text_after_an_entity_reference_is_kept_and_entities_not_expanded(tmp_path):
    document = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "EXPANDED">]>'
                f'<w:document {W}><w:body><w:p><w:r><w:t>trước &e; sau</w:t></w:r></w:p></w:body></w:document>')
    text = read_docx(_docx(document), tmp_path / "x.docx").blocks[0].text
    assert text.startswith("trước") and text.endswith("sau") and "EXPANDED" not in text


def test_a_billion_laughs_is_not_expanded(tmp_path):
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    document = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}><w:body><w:p><w:r>'
                '<w:t>&a9;</w:t></w:r></w:p></w:body></w:document>')
    try:
        source = read_docx(_docx(document), tmp_path / "x.docx")
        assert len(source.blocks[0].text) < 100
    except KehoachError as error:
        assert error.diagnostics[0].code == "KH503"


def test_deep_nesting_is_a_corrupt_file(tmp_path):
    deep = "<w:sdt><w:sdtContent>" * 400 + "</w:sdtContent></w:sdt>" * 400
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{deep}</w:body></w:document>'
    assert _code(_docx(document), tmp_path) == "KH503"


def test_a_truncated_zip_is_a_corrupt_file(tmp_path):
    data = good_docx()
    for cut in (len(data) // 3, len(data) - 30):
        assert _code(data[:cut], tmp_path) in ("KH503", "KH501")


def test_a_link_to_dev_zero_and_a_fifo_are_refused(tmp_path):
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    assert _code_of_path(link) == "KH010"
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)  # opening it for reading must not block, and nothing is read
    assert _code_of_path(fifo) == "KH010"


def _code_of_path(path: Path) -> str:
    with pytest.raises(KehoachError) as caught:
        import_plan(path)
    return caught.value.diagnostics[0].code


def test_the_cli_says_corrupt_not_internal_error(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(_docx(_para("<w:r><w:sym w:char=\"ZZZZ\"/></w:r>")))
    result = runner.invoke(app, ["--lang", "en", "import", str(path), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 2 and "KH503" in result.output and "KH000" not in result.output
    assert str(path) in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.yaml").exists()


_CHILD = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    from kehoach.common.diagnostics import KehoachError
    from kehoach.importers import import_plan
    for name in sys.argv[1:]:
        try:
            import_plan(Path(name))
        except KehoachError as error:
            print(name, error.diagnostics[0].code)
        else:
            print(name, "ok")
    # VmHWM: this process's peak resident set (getrusage would count the forking parent's)
    print("peak-kb", open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
""")


def _hostile_inputs(folder: Path) -> list[Path]:
    numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
                 '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    numbered = "".join('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                       '<w:r><w:t>x</w:t></w:r></w:p>' for _ in range(200))
    many = "<w:p/>" * 150_000  # within the element limit: must import within the memory bound
    words = ["Kế", "hoạch", "thực", "hiện", "nhiệm", "vụ", "năm", "2026", "I.", "1.", "a)", "-"]
    lines = "".join(f'<w:p><w:r><w:t>{" ".join(words[(i * 7 + k) % 12] for k in range(6))} {i}</w:t></w:r></w:p>'
                    for i in range(49_000))  # just under the element limit, every paragraph with text
    text = '<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>' + lines
    files = {
        "bomb.docx": _docx(_para("").encode() + b" " * (300 * 1024 * 1024)),
        "elements.docx": _docx(f'<w:document {W}><w:body>{"<w:p/>" * 2_000_000}</w:body></w:document>'),
        "many.docx": _docx(f'<w:document {W}><w:body>{many}</w:body></w:document>'),
        "text.docx": _docx(f'<w:document {W}><w:body>{text}</w:body></w:document>'),
        "numbering.docx": _docx(f'<w:document {W}><w:body>{numbered}</w:body></w:document>',
                                extra={"word/numbering.xml": numbering}),
    }
    paths = []
    for name, data in files.items():
        assert len(data) < 1024 * 1024, name
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux's")
def test_memory_stays_under_300_mb_for_hostile_inputs_under_1_mb(tmp_path):
    limit = 1024 ** 3  # address space: the interpreter and libraries map more than they use
    paths = _hostile_inputs(tmp_path)
    proc = subprocess.run([sys.executable, "-c", _CHILD.replace("AS_LIMIT", str(limit)), *map(str, paths)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = dict(line.rsplit(" ", 1) for line in proc.stdout.splitlines())
    assert results[str(tmp_path / "bomb.docx")] == "KH503"
    assert results[str(tmp_path / "elements.docx")] == "KH503"
    assert results[str(tmp_path / "text.docx")] == "ok"
    assert "KH000" not in results.values()
    assert int(results["peak-kb"]) < 300 * 1024  # the child's peak resident set (Linux: kB)
