"""`kehoach import` writes what the document model can say: bold/italic runs as inline markup,
headings set otherwise than the defaults as heading_style/styles, numbering as patterns, and
generated lines switched off where the original has none."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan
from kehoach.importers.blocks import Run
from kehoach.importers.emphasis import marked
from kehoach.model import markup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docx_read import find_paragraph, open_docx, run_format, text_runs  # noqa: E402

from test_import_real_plans import imported  # noqa: E402

HEAD = [
    ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", True), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Độc lập - Tự do - Hạnh phúc", True), ("Số: 15/KH-UBND", False),
    ("An Giang, ngày 05 tháng 3 năm 2025", False), ("KẾ HOẠCH", True), ("Phòng, chống thiên tai năm 2025", True),
]
# (paragraph runs as (text, bold, italic)); the phrases in bold or italic inside text are the point.
BODY = [
    [("Căn cứ Luật Phòng, chống thiên tai năm 2013;", False, False)],
    [("Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống thiên tai năm 2025 như sau:", False, False)],
    [("I. MỤC ĐÍCH, YÊU CẦU", True, False)],
    [("1. Mục đích", True, False)],
    [("Báo cáo ", False, False), ("trước 19h00 hằng ngày", True, False), (" về Văn phòng; ", False, False),
     ("Lưu ý:", False, True), (" giữ liên lạc 24/24 giờ, mã số 5*3.", False, False)],
    [("2. Yêu cầu", True, False)],
    [("- ", False, False), ("Trọng tâm:", True, True), (" bảo đảm an toàn cho người dân.", False, False)],
    [("II. TỔ CHỨC THỰC HIỆN", True, False)],
    [("1. Sở Nông nghiệp và Môi trường", True, False)],
    [("Chủ trì tổ chức thực hiện kế hoạch ", False, False), ("(chi tiết tại Phụ lục)", False, True),
     (".", False, False)],
]
TAIL = [("Nơi nhận:", True, True), ("- Sở Nông nghiệp và Môi trường;", False, False), ("- Lưu: VT.", False, False),
        ("TM. ỦY BAN NHÂN DÂN", True, False), ("CHỦ TỊCH", True, False), ("Nguyễn Văn A", True, False)]


def emphasis_docx(path: Path) -> Path:
    document = docx.Document()
    for text, bold in HEAD:
        document.add_paragraph().add_run(text).bold = bold
    for runs in BODY:
        p = document.add_paragraph()
        for text, bold, italic in runs:
            run = p.add_run(text)
            run.bold, run.italic = bold, italic
    for text, bold, italic in TAIL:
        run = document.add_paragraph().add_run(text)
        run.bold, run.italic = bold, italic
    document.save(path)
    return path


def runs_of(data: bytes, text: str) -> list[tuple[str, bool, bool]]:
    """The paragraph holding ``text`` in a built .docx, as (text, bold, italic) runs, merged."""
    doc = open_docx(data)
    p = find_paragraph(doc, text)
    out: list[tuple[str, bool, bool]] = []
    for r in p.iter(qn("w:r")):
        piece = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if not piece:
            continue
        f = run_format(doc, p, r)
        if out and out[-1][1:] == (f.bold, f.italic):
            out[-1] = (out[-1][0] + piece, f.bold, f.italic)
        else:
            out.append((piece, f.bold, f.italic))
    return out


def emphasised(runs: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    return [(t.strip(), b, i) for t, b, i in runs if (b or i) and t.strip()]


def test_docx_phrases_import_as_markup_and_rebuild_as_the_same_runs(tmp_path):
    result = import_plan(emphasis_docx(tmp_path / "plan.docx"))
    purpose = result.data["sections"][0]
    assert purpose["items"][0]["text"] == [
        "Báo cáo **trước 19h00 hằng ngày** về Văn phòng; *Lưu ý:* giữ liên lạc 24/24 giờ, mã số 5\\*3."]
    # a bold-italic lead-in is a run-in heading set so; its "-" stays upright
    assert purpose["items"][1]["items"] == [{"heading": "Trọng tâm:", "run_in": True, "heading_style": "bold-italic",
                                             "label_style": "plain", "text": ["bảo đảm an toàn cho người dân."]}]
    assert result.data["sections"][1]["items"][0]["text"] == [
        "Chủ trì tổ chức thực hiện kế hoạch *(chi tiết tại Phụ lục)*."]
    out = tmp_path / "plan.yaml"
    out.write_text(result.yaml, "utf-8")
    plan = kehoach.load(out)
    assert not [d for d in kehoach.check(out) if d.code == "KH310"]  # every marker has its partner
    built = render(plan, "docx")
    line = runs_of(built, "trước 19h00 hằng ngày")
    assert emphasised(line) == [("trước 19h00 hằng ngày", True, False), ("Lưu ý:", False, True)]
    assert "".join(t for t, _, _ in line).endswith("mã số 5*3.")  # the escaped "*" is a literal again
    assert emphasised(runs_of(built, "Trọng tâm:")) == [("Trọng tâm:", True, True)]
    assert emphasised(runs_of(built, "(chi tiết tại Phụ lục)")) == [("(chi tiết tại Phụ lục)", False, True)]
    # the same runs as the document imported: every emphasised phrase, in order, with its setting
    source = docx.Document(tmp_path / "plan.docx")
    wanted = [(r.text.strip(), bool(r.bold), bool(r.italic)) for p in source.paragraphs[len(HEAD) + 4:len(HEAD) + 7]
              for r in p.runs if (r.bold or r.italic) and r.text.strip()]
    got = emphasised(runs_of(built, "trước 19h00")) + emphasised(runs_of(built, "Yêu cầu")) + emphasised(
        runs_of(built, "Trọng tâm:"))
    assert got == wanted


def test_marked_moves_spaces_outside_and_never_writes_what_reads_otherwise():
    assert marked([Run("a "), Run("đậm ", bold=True), Run("b")]) == "a **đậm** b"
    assert marked([Run("đậm ", bold=True), Run("và nghiêng", bold=True, italic=True), Run(" đậm", bold=True)]) \
        == "**đậm *và nghiêng* đậm**"
    # "**a***b*" would read as one "***": the text is kept, the emphasis cannot be said
    glued = marked([Run("a", bold=True), Run("b", italic=True)])
    assert markup.plain(glued) == "ab" and not markup.unbalanced(glued)
    assert marked([Run("5 * 3 \\ 2")]) == "5 \\* 3 \\\\ 2"
    assert marked([Run("đậm", bold=True)], base=(True, False)) == "đậm"  # a bold heading says it already


def test_footnote_marks_and_escaped_brackets_pass_through_the_markup():
    # The readers write a reference as "[^1]" and a literal "[^" as "\\[^" into the run text.
    runs = [Run("Họp "), Run("trước ngày 15[^1]", bold=True), Run(" (ghi \\[^x] và 2*3)")]
    text = marked(runs)
    assert text == "Họp **trước ngày 15[^1]** (ghi \\[^x] và 2\\*3)"
    spans = markup.spans(text)
    assert [s.note for s in spans if s.note] == ["1"]
    assert "".join(s.text for s in spans) == "Họp trước ngày 15 (ghi [^x] và 2*3)"
    assert marked([Run("không nhấn[^2] mà \\[^y]")]) == "không nhấn[^2] mà \\[^y]"


def test_headings_set_otherwise_become_styles(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "**ỦY BAN NHÂN DÂN**\n\nSố: 7/KH-UBND\n\nHà Nội, ngày 02 tháng 3 năm 2025\n\n**KẾ HOẠCH**\n\n"
        "**Tổ chức hội nghị**\n\nỦy ban nhân dân ban hành Kế hoạch như sau:\n\n**I. NỘI DUNG**\n\n"
        "**1. Chuẩn bị**\n\n*a) Địa điểm*\n\nHội trường.\n\n*b) Thời gian*\n\nTháng 3.\n\n"
        "**2. Tổ chức**\n\n*a) Khai mạc*\n\nSáng.\n\n**b) Thảo luận**\n\nChiều.\n\n"
        "Nơi nhận:\n\n- Sở Tư pháp.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n", "utf-8")
    result = import_plan(source)
    assert result.data["styles"] == {"headings": {2: "italic"}}
    items = result.data["sections"][0]["items"]
    assert [i.get("heading_style") for i in items[0]["items"] + items[1]["items"]] == [None, None, None, "bold"]
    # no closing sentence and no "Lưu" line in the original: none is added on rebuild
    assert result.data["generated"] == {"closing": False, "end_mark": False, "archive_line": False}
    out = tmp_path / "plan.yaml"
    out.write_text(result.yaml, "utf-8")
    built = render(kehoach.load(out), "docx")
    text = render(kehoach.load(out), "txt").decode("utf-8")
    assert "Trên đây" not in text and "Lưu" not in text and "./." not in text
    doc = open_docx(built)
    for heading, bold, italic in [("Địa điểm", False, True), ("Khai mạc", False, True), ("Thảo luận", True, False),
                                  ("Chuẩn bị", True, False)]:
        p = find_paragraph(doc, heading)
        assert {(run_format(doc, p, r).bold, run_format(doc, p, r).italic) for r in text_runs(p)} == {(bold, italic)}


@pytest.mark.parametrize("name", ["daklak-0134-kh-ubnd-2025", "nghean-980-kh-ubnd-2025"])
def test_real_plans_keep_their_emphasis(name, tmp_path):
    result, out, plan = imported(name, tmp_path)
    text = out.read_text("utf-8")
    if name.startswith("daklak"):
        # the italic "(nay là …)" inside upright bases, the italic budget lines, italic 1.1.x headings
        assert sum(b.count("*(nay là Bộ Nông nghiệp và Môi trường)*") for b in plan.preamble.bases) == 6
        budget = plan.sections[2].items[0].items
        assert budget[0].text == ["*Thu và phân tích mẫu: 1.364.329.243 đồng/năm.*"]
        assert budget[0].label_style == "italic"
        assert plan.styles.headings == {2: "bold", 3: "italic"}  # 1.1. bold, 1.1.1. italic
        built = render(plan, "docx")
        assert emphasised(runs_of(built, "Căn cứ Thông tư số 32/2014")) == [
            ("(nay là Bộ Nông nghiệp và Môi trường)", False, True)]
        assert emphasised(runs_of(built, "Đối với vùng nuôi tôm nước lợ")) == [
            ("1.1.1. Đối với vùng nuôi tôm nước lợ (đối tượng nuôi tôm thẻ chân trắng, tôm sú)", False, True)]
    else:
        content = plan.sections[1]
        assert content.closing_italic and content.closing == ["(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)"]
        assert "**" in text or "*" in text
    # whatever the import marked, it is balanced markup
    assert not [d for d in kehoach.check(out) if d.code == "KH310"]
