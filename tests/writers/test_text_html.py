"""The .txt and .html writers: stable text for review, escaped HTML for preview."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from html.parser import HTMLParser

from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.html import write_html
from kehoach.writers.text import write_text

DATA = {
    "letterhead": {"parent": "UBND tỉnh Nghệ An", "issuer": ["Sở Lao động - Thương binh", "và Xã hội"],
                   "abbreviation": "SLĐTBXH", "number": "12", "place": "Nghệ An", "date": dt.date(2025, 11, 18)},
    "title": "Phòng, chống <b>lao động</b> trẻ em",
    "preamble": {"bases": ["Căn cứ Luật Trẻ em"], "enacting": {"body": "Sở Lao động - Thương binh và Xã hội"}},
    "sections": [
        {"role": "purpose", "items": [{"heading": "Mục đích", "text": ["Dòng một\ndòng hai & ba.", "Đoạn 2."]}]},
        {"role": "assignments", "items": [{"body": "Sở Tài chính", "run_in": True, "text": "Bố trí kinh phí."}]},
    ],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
    "recipients": {"items": [{"name": "Bộ LĐTBXH", "items": ["Cục Trẻ em"]}], "archive": {"units": ["VT"]}},
    "appendices": [{"title": "Chỉ tiêu", "tables": [{
        "title": "Bảng 1",
        "columns": ["TT", {"title": "Năm", "columns": ["2025", "2030"]}],
        "rows": [{"group": "I. Nhóm"}, [1, "90%", "95%"]]}]}],
}


def document():
    return compose(Plan.model_validate(DATA))


def test_text_layout() -> None:
    text = write_text(document()).decode("utf-8")
    assert text == write_text(document()).decode("utf-8")
    blocks = text.split("\n\n")
    assert blocks[:4] == [
        "UBND TỈNH NGHỆ AN\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n--------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n--------",
        "Số: 12/KH-SLĐTBXH\nNghệ An, ngày 18 tháng 11 năm 2025",
        "KẾ HOẠCH\nPhòng, chống <b>lao động</b> trẻ em\n--------",
    ]
    assert "Căn cứ Luật Trẻ em." in blocks
    # One paragraph per line: a line break typed inside a paragraph does not split it.
    assert "Dòng một dòng hai & ba." in blocks
    assert "1. Sở Tài chính: Bố trí kinh phí." in blocks
    assert "Nơi nhận:\n- Bộ LĐTBXH;\n  + Cục Trẻ em;\n- Lưu: VT." in blocks
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn A" in text
    assert "Phụ lục\nCHỈ TIÊU\n(Kèm theo Kế hoạch số 12/KH-SLĐTBXH ngày 18 tháng 11 năm 2025 của " \
           "Sở Lao động - Thương binh và Xã hội)\n--------" in blocks
    # A merged cell is printed once and every row keeps one cell per column: "||" for a column a
    # cell spans to its right (Năm, the group row), a blank cell under TT, merged down.
    assert text.endswith("\n\nBảng 1\n| TT | Năm ||\n|  | 2025 | 2030 |\n|---|---|---|\n| I. Nhóm |||\n"
                         "| 1 | 90% | 95% |\n")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_html_is_escaped_and_structured() -> None:
    page = write_html(document()).decode("utf-8")
    assert page == write_html(document()).decode("utf-8")
    parser = _Collector()
    parser.feed(page)
    # Text from the plan never becomes markup: the only tags are ours (emphasis runs, labels).
    assert "Phòng, chống &lt;b&gt;lao động&lt;/b&gt; trẻ em" in page
    assert "Phòng, chống <b>lao động</b> trẻ em" in "".join(parser.text)
    assert re.search(r'<p class="basis italic"[^>]*>Căn cứ Luật Trẻ em\.</p>', page)
    assert '<p class="item" data-level="1"><strong>1. </strong><strong>Sở Tài chính: </strong>Bố trí kinh phí.</p>' in page
    assert "Dòng một\ndòng hai &amp; ba." in page
    assert '<th rowspan="2" style="text-align:center;font-weight:bold"><p>TT</p></th>' in page
    assert '<th colspan="2" style="text-align:center;font-weight:bold"><p>Năm</p></th>' in page
    assert '<td colspan="3" style="text-align:left;font-weight:bold"><p>I. Nhóm</p></td>' in page
    assert parser.tags.count("table") == 3  # letterhead, Nơi nhận + signature, the appendix table
    assert "<title>Phòng, chống &lt;b&gt;lao động&lt;/b&gt; trẻ em</title>" in page


def test_paged_html_has_one_flow_per_part_and_appendix_and_escapes_text():
    import kehoach
    from kehoach.compose.composer import compose
    from kehoach.writers.paged_html import flows_html, write_paged_html

    root = Path(__file__).resolve().parents[2]
    document = compose(kehoach.load(root / "examples" / "nghe-an-980-kh-ubnd.yaml"))
    flows = flows_html(document)
    appendices = sum(len(part.appendices) for part in document.parts)
    assert appendices >= 1
    assert flows.count('<div class="flow"') == len(document.parts) + appendices
    assert flows.count('data-landscape="1"') == sum(a.landscape for p in document.parts for a in p.appendices)
    assert "Nguyễn Văn Đệ" in flows and "<section" not in flows
    page = write_paged_html(document).decode()
    assert "kehoachPaginate" in page and "21cm" in page and "29.7cm" in page


def test_paged_html_escapes_plan_text(tmp_path):
    import kehoach
    from kehoach.compose.composer import compose
    from kehoach.writers.paged_html import flows_html

    root = Path(__file__).resolve().parents[2]
    text = (root / "tests" / "fixtures" / "minimal_plan.yaml").read_text("utf-8")
    plan = tmp_path / "p.yaml"
    plan.write_text(text.replace("Năm 2020, toàn tỉnh", "Năm 2020 <script>alert(1)</script> & toàn tỉnh"), "utf-8")
    flows = flows_html(compose(kehoach.load(plan)))
    assert "<script>" not in flows and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; toàn tỉnh" in flows
