"""The short rules of the letterhead and the title as a reader sees them (issue 24): the page
rasterised by poppler (pdftoppm) and scanned for the rules under the body name, the Tiêu ngữ and the
trích yếu; each must leave air under the ink above it (a rule touching the descenders reads as an
underline) yet stay close enough to belong to it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.build import render
from kehoach.source.loader import load_path
from test_layout_pdf import EXAMPLES, SOFFICE

pytestmark = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftoppm")),
                                reason="needs LibreOffice (soffice) and poppler-utils (pdftoppm)")

DPI = 300
MIN_AIR_MM, MAX_AIR_MM = 0.4, 3.5


def rules_on_page_one(pdf: Path) -> list[tuple[float, float, float]]:
    """(height from the top, length, air above) in mm of each rule in the top half of page 1: a dark
    run longer than 1 cm that is alone on its pixel row."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, check=True).stdout
    _, size, _, pixels = out.split(b"\n", 3)  # a binary PGM: "P5", "width height", "255", the pixels
    width, height = map(int, size.split())
    mm = 25.4 / DPI
    found: list[tuple[float, float, float]] = []
    for y in range(height // 2):
        row = pixels[y * width:(y + 1) * width]
        dark = [x for x, value in enumerate(row) if value < 128]
        if len(dark) < 10 / mm or dark[-1] - dark[0] + 1 != len(dark):
            continue  # not a single dark run of 1 cm or more
        if found and y * mm - found[-1][0] < 0.5:
            continue  # the same rule, a pixel row lower
        above = y - 1
        while above > 0 and all(v < 128 for v in pixels[above * width + dark[0]:above * width + dark[-1] + 1]):
            above -= 1  # the rule's own thickness
        air = 0
        while above > 0 and not any(v < 128 for v in pixels[above * width + dark[0]:above * width + dark[-1] + 1]):
            above -= 1
            air += 1
        found.append((y * mm, len(dark) * mm, air * mm))
    return found


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    from kehoach.writers.pdf import Converter

    folder = tmp_path_factory.mktemp("rules")
    documents = {path.stem: render(load_path(path).plan, "docx") for path in EXAMPLES}
    with Converter() as converter:
        converter.convert_many([(data, folder / f"{stem}.pdf") for stem, data in documents.items()])
    return {stem: folder / f"{stem}.pdf" for stem in documents}


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_rules_leave_air_under_the_text_and_stay_close(pdfs, stem):
    rules = rules_on_page_one(pdfs[stem])
    assert len(rules) >= 2, rules  # at least the Tiêu ngữ's (or the body name's) and the trích yếu's
    for top, length, air in rules:
        assert MIN_AIR_MM <= air <= MAX_AIR_MM, f"rule at {top:.1f} mm ({length:.0f} mm long): {air:.2f} mm of air"
