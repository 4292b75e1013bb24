"""The preview and the .html in a real browser (headless Chromium): a draft's blanks for the number
and the day ("Số:      /KH-UBND", "Lâm Đồng, ngày      tháng 3 năm 2026") keep their width instead of
collapsing, and the preview never cuts a merged cell between two sheets (issue 24)."""

from __future__ import annotations

import pytest

from kehoach.build import render
from kehoach.source.loader import load_text
from tests.browser import CHROMIUM, Browser

DRAFT = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH LÂM ĐỒNG]
  abbreviation: UBND
  place: Lâm Đồng
  date: 2026-03
title: Cải cách hành chính năm 2026
sections:
  - role: goals
    items: [Hoàn thành kế hoạch.]
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
"""

# The rendered width of an element's text, and of the same text with its runs of spaces collapsed.
MEASURE = """(() => {
  const el = document.querySelector('#pages .%s');
  const range = document.createRange(); range.selectNodeContents(el);
  const probe = el.cloneNode(true); probe.style.whiteSpace = 'normal'; probe.style.display = 'inline';
  el.parentNode.appendChild(probe);
  const collapsed = probe.getBoundingClientRect().width; probe.remove();
  return [range.getBoundingClientRect().width, collapsed, el.textContent];
})()"""


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
@pytest.mark.parametrize("kind", ["html", "paged"])
def test_draft_blanks_are_not_collapsed(tmp_path, kind):
    loaded = load_text(DRAFT, "draft.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    if kind == "paged":
        from kehoach.compose.composer import compose
        from kehoach.writers.paged_html import write_paged_html

        data = write_paged_html(compose(loaded.plan))
    else:
        data = render(loaded.plan, "html").replace(b"<body>\n", b'<body>\n<div id="pages">', 1).replace(
            b"</body>", b"</div></body>", 1)
    page = tmp_path / "draft.html"
    page.write_bytes(data)
    with Browser(page.as_uri()) as browser:
        browser.wait_for("document.querySelector('#pages .number') !== null")
        for cls in ("number", "place-date"):
            width, collapsed, text = browser.evaluate(MEASURE % cls)
            assert "     " in text
            assert width > collapsed + 10, (cls, width, collapsed)


# Every merged cell of every sheet's tables ends inside its own table: [rows past the table's end].
MERGES_CUT = """(() => Array.from(document.querySelectorAll('#pages table.data tbody')).flatMap(body =>
  Array.from(body.rows).flatMap((row, i) => Array.from(row.cells)
    .filter(cell => i + cell.rowSpan > body.rows.length).map(cell => cell.textContent))))()"""


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
def test_the_preview_never_cuts_a_merged_cell_between_sheets(tmp_path):
    from kehoach.compose.composer import compose
    from kehoach.writers.paged_html import write_paged_html
    from stress_plan import stress_yaml

    loaded = load_text(stress_yaml(0), "stress.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    page = tmp_path / "stress.html"
    page.write_bytes(write_paged_html(compose(loaded.plan)))
    with Browser(page.as_uri()) as browser:
        browser.wait_for("document.querySelectorAll('#pages .sheet').length > 3")
        assert browser.evaluate("document.querySelectorAll('#pages table.data').length") > 3  # tables were split
        assert browser.evaluate("document.querySelectorAll('#pages td[rowspan]').length") >= 3
        assert browser.evaluate(MERGES_CUT) == []
