"""What the signing fields add to each PDF/A of a batch (issue 25): the qpdf pass that makes the bytes
reproducible, with and without ``pdf_fields.add_fields``, on a draft's PDF/A (the batch's documents are the same size).

    .venv/bin/python benchmarks/pdf_fields_cost.py            # 200 rounds of each, interleaved

CPU time (process_time), so a busy machine slows both sides alike; the country figure multiplies
the difference by 3,321 documents over 2 workers. The peer is the same pass without fields.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "batch" / "plan.yaml"
COUNTRY = 3321


def raw_pdf_a(folder: Path) -> bytes:
    """A draft plan (signature block, blank number and day) converted by LibreOffice, before the stamp."""
    from kehoach.build import render
    from kehoach.source.loader import load_path
    from kehoach.writers import pdf

    loaded = load_path(ROOT / "examples" / "004-bac-kan-pbgdpl.yaml")  # a draft: signature fields and slots
    captured: list[bytes] = []
    real = pdf._finished
    pdf._finished = lambda data, created, pdf_a=False: captured.append(data) or real(data, created, pdf_a)
    try:
        pdf.convert_docx_bytes_to_pdf(render(loaded.plan, "docx"), folder / "one.pdf", pdf_a=True)
    finally:
        pdf._finished = real
    return captured[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    options = parser.parse_args()
    from kehoach.writers.pdf_stamp import reproducible, stamp_time

    with tempfile.TemporaryDirectory() as tmp:
        data = raw_pdf_a(Path(tmp))
    when = stamp_time(None)
    spent = {False: 0.0, True: 0.0}
    for _ in range(options.rounds):
        for fields in (False, True):
            start = time.process_time()
            reproducible(data, when, fields=fields)
            spent[fields] += time.process_time() - start
    plain, with_fields = (spent[k] / options.rounds * 1000 for k in (False, True))
    extra_country = (with_fields - plain) / 1000 * COUNTRY / 2
    print(f"{len(data) // 1024} kB PDF/A, {options.rounds} rounds each")
    print("| pass | CPU a document |\n|---|---:|")
    print(f"| stamp only | {plain:.1f} ms |\n| stamp + fields | {with_fields:.1f} ms |")
    print(f"\nfields add {with_fields - plain:.1f} ms a document: {extra_country:.1f} s for the country on 2 workers")


if __name__ == "__main__":
    main()
