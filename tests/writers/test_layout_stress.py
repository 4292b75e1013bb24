"""The generated stress plan (``stress_plan.py``) rendered by LibreOffice and read back: every
hazard of issue 24 at once, each variant shifted down so that each hazard meets a page foot."""

from __future__ import annotations

import shutil

import pytest

from kehoach.common import nd30
from kehoach.build import render
from test_layout_pdf import (MIN_FILL, MM, SOFFICE, Rendered, assert_filled, assert_nothing_left_at_the_foot,
                             render_pages, starts_part)

pytestmark = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext")),
                                reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")

# -- a generated stress plan: every hazard of issue 24 at once ------------------------------------
# A long letterhead, deep lists without colons, rows taller than a third of a page, merged body
# cells, a long closing paragraph and a long Nơi nhận; shifted down paragraph by paragraph.

STRESS = range(0, 20, 2)


@pytest.fixture(scope="module")
def stressed(tmp_path_factory) -> dict[str, Rendered]:
    from kehoach.source.loader import load_text
    from stress_plan import stress_yaml

    documents = {}
    for n in STRESS:
        loaded = load_text(stress_yaml(n), f"stress-{n}.yaml")
        assert loaded.plan is not None, loaded.diagnostics
        documents[f"stress-{n:02d}"] = render(loaded.plan, "docx")
    return render_pages(documents, tmp_path_factory.mktemp("stress"))


def test_stress_plan_pages(stressed):
    # the content did cross page feet differently from one variant to the next
    assert len({r.pages[1].lines[0].text for r in stressed.values()}) > 3
    for r in stressed.values():
        assert r.group_rows and r.signers and r.kept
        assert_nothing_left_at_the_foot(r)
        assert_filled(r.pages)
        for page in r.pages:
            left, right = nd30.MARGIN_LEFT_MM * MM, page.width - nd30.MARGIN_RIGHT_MM * MM
            assert all(line.left >= left - 2 and line.right <= right + 2 for line in page.lines), \
                f"{r.stem}: page {page.number} crosses a margin"


def test_stress_signature_has_the_last_body_lines_and_recipients_may_continue(stressed):
    for r in stressed.values():
        [page] = [page for page in r.pages if any(line.text.startswith("Nơi nhận:") for line in page.lines)]
        at = next(i for i, line in enumerate(page.lines) if line.text.startswith("Nơi nhận:"))
        assert at >= 1 and page.lines[at - 1].text.endswith("./.")
        assert any("Nguyễn Văn An" in line.text for line in page.lines)
        # The page before the closing block is not emptied for it: the closing paragraph's head
        # stays there when the page had room.
        before = r.pages[page.number - 2]
        assert before.fill() >= MIN_FILL or starts_part(page)
