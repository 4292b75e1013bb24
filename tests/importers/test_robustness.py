"""Whatever the text, the importer ends with YAML that reads back, or a KehoachError: never another
exception (a traceback for the user)."""

from hypothesis import HealthCheck, given, settings, strategies as st
from ruamel.yaml import YAML

from kehoach.common.diagnostics import KehoachError
from kehoach.importers import import_plan
from kehoach.model import Plan

PIECES = ["KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH CÔNG TÁC", "**I. MỤC TIÊU**", "II. NỘI DUNG", "1. Mục đích",
          "1.1. Ý", "a) điểm", "- gạch", "+ cộng", "|", "| a | b |", "|---|---|", "Nơi nhận:", "- Lưu: VT.",
          "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "Căn cứ Luật;",
          "Ủy ban nhân dân ban hành Kế hoạch như sau:", "Số: 05/KH-UBND", "Hà Nội, ngày 01 tháng 02 năm 2025",
          "PHỤ LỤC", "(Kèm theo Kế hoạch)", "Điều 1. Ban hành.", "QUYẾT ĐỊNH:", "", "* *", "-------",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trên đây là Kế hoạch./.", "*(nghiêng)*", "\t\tphải"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), min_size=1, max_size=40))
def test_any_text_imports_or_fails_cleanly(tmp_path, lines):
    source = tmp_path / "plan.txt"
    source.write_text("\n".join(lines), "utf-8", errors="surrogatepass")
    try:
        result = import_plan(source)
    except KehoachError as error:
        assert error.exit_code == 2 and error.diagnostics[0].code.startswith(("KH0", "KH50"))
        return
    loaded = YAML(typ="safe").load(result.yaml)
    assert loaded == result.data
    Plan.model_validate(loaded)  # the schema accepts what was written


def _example_blocks():
    from pathlib import Path

    import kehoach
    from kehoach.build import render
    from kehoach.importers.docx import read_docx

    examples = Path(__file__).resolve().parents[2] / "examples"
    blocks = []
    for name in ("002-bo-ldtbxh-qd-224", "nghe-an-980-kh-ubnd"):
        data = render(kehoach.load(examples / f"{name}.yaml"), "docx")
        blocks += read_docx(data, Path(f"{name}.docx")).blocks
    return blocks


BLOCKS = _example_blocks()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(BLOCKS) - 1), min_size=1, max_size=60))
def test_any_arrangement_of_word_blocks_imports_or_fails_cleanly(picks):
    """Pieces of real .docx documents (tables, breaks, headings) in any order and number."""
    from pathlib import Path

    from kehoach.importers.blocks import Source
    from kehoach.importers.emit import dump
    from kehoach.importers.recognise import recognise

    try:
        result = recognise(Source([BLOCKS[i] for i in picks]), Path("x.docx"))
    except KehoachError as error:
        assert error.diagnostics[0].code in {"KH501", "KH502", "KH503", "KH504", "KH505", "KH506"}
        return
    text = dump(result.plan, result.notes, [])
    loaded = YAML(typ="safe").load(text)
    assert loaded == result.data
    Plan.model_validate(loaded)
