"""`kehoach batch --pdf-a`: every unit's PDF is PDF/A-2b, dated with its plan, the same bytes on a re-run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from kehoach.batch.runner import BUILT, Options, run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"
pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def test_batch_pdf_a_gives_the_same_pdf_a_bytes_twice(tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("\n".join((EXAMPLE / "units.csv").read_text("utf-8").splitlines()[:3]) + "\n", "utf-8")
    first = run(Options(EXAMPLE / "plan.yaml", str(units), tmp_path / "a", jobs=1, pdf=True, pdf_a=True))
    assert first.exit_code == 0 and all(r.status == BUILT for r in first.results)
    second = run(Options(EXAMPLE / "plan.yaml", str(units), tmp_path / "b", jobs=2, pdf=True, pdf_a=True))
    for result in first.results:
        one, two = tmp_path / "a" / result.pdf, tmp_path / "b" / result.pdf
        assert one.read_bytes() == two.read_bytes()
        with pikepdf.open(one) as pdf:
            assert "/OutputIntents" in pdf.Root and "<pdfaid:part>2<" in pdf.Root.Metadata.read_bytes().decode()
    # Switching to plain PDF rebuilds the PDFs instead of skipping the units as unchanged.
    plain = run(Options(EXAMPLE / "plan.yaml", str(units), tmp_path / "a", jobs=1, pdf=True))
    assert all(r.status == BUILT for r in plain.results)
    with pikepdf.open(tmp_path / "a" / plain.results[0].pdf) as pdf:
        assert "/OutputIntents" not in pdf.Root
