"""PDF conversion cost: one warm LibreOffice for a batch against one LibreOffice start per document.

    .venv/bin/python benchmarks/pdf_batch.py                 # 100 documents, examples 001 and 003
    .venv/bin/python benchmarks/pdf_batch.py -n 100 --plans examples/002-bo-ldtbxh-qd-224.yaml

The documents are the .docx files ``kehoach build`` renders for the given plans, cycled to ``-n``
documents. Three ways are timed, wall clock, each including everything it costs:
- one-shot: ``convert_docx_bytes_to_pdf`` (one ``soffice --convert-to`` per document), on a sample;
- warm: ``pdf.Converter`` in listener mode (what a batch worker uses), start-up included;
- single run: ``pdf.Converter`` without a listener, the whole list in one ``soffice`` run (the
  fallback where no Python can import ``uno``).
Prints a Markdown table for benchmarks/README.md. Goal: warm ≤ 300 ms per document amortised.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from kehoach.writers import pdf
from kehoach.build import render
from kehoach.source.loader import load_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLANS = [ROOT / "examples/001-tra-vinh-ldld.yaml", ROOT / "examples/003-an-giang-xkld.yaml"]


def rendered(plans: list[Path]) -> list[tuple[str, bytes]]:
    documents = []
    for plan_path in plans:
        loaded = load_path(plan_path)
        if loaded.plan is None:
            sys.exit(f"{plan_path}: does not load: {[str(d) for d in loaded.diagnostics]}")
        documents.append((plan_path.stem, render(loaded.plan, "docx")))
    return documents


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100, help="documents in the batch (default 100)")
    parser.add_argument("--one-shot", type=int, default=5, help="documents timed one-shot (default 5)")
    parser.add_argument("--plans", type=Path, nargs="+", default=DEFAULT_PLANS)
    args = parser.parse_args()

    documents = rendered(args.plans)
    batch = [documents[i % len(documents)][1] for i in range(args.n)]
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        out = Path(tmp)
        pages = {name: len(PdfReader(str(pdf.convert_docx_bytes_to_pdf(data, out / f"{name}.pdf"))).pages)
                 for name, data in documents}  # also warms the OS file cache for a fair first timing

        one_shot = [timed(lambda i=i: pdf.convert_docx_bytes_to_pdf(batch[i], out / f"one-{i}.pdf"))
                    for i in range(min(args.one_shot, args.n))]

        steady: list[float] = []

        def warm_batch() -> None:
            with pdf.Converter() as converter:
                assert converter.mode == "listener", "no Python with uno: install python3-uno"
                for i, data in enumerate(batch):
                    steady.append(timed(lambda: converter.convert(data, out / f"warm-{i}.pdf")))

        warm_total = timed(warm_batch)

        def single_run() -> None:
            with pdf.Converter(use_listener=False) as converter:
                converter.convert_many([(data, out / f"run-{i}.pdf") for i, data in enumerate(batch)])

        run_total = timed(single_run)
        produced = len(list(out.glob("warm-*.pdf"))), len(list(out.glob("run-*.pdf")))
        assert produced == (args.n, args.n), produced

    soffice = subprocess.run([str(pdf.find_soffice()), "--version"], capture_output=True, text=True).stdout.strip()
    one_ms = statistics.median(one_shot) * 1000
    warm_ms, run_ms = warm_total * 1000 / args.n, run_total * 1000 / args.n
    print(f"Documents: {args.n}, cycling " + ", ".join(f"{name} ({pages[name]} pages)" for name, _ in documents))
    print(f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, {soffice}\n")
    print("| way | ms per document | vs one-shot |")
    print("|---|---:|---:|")
    print(f"| one-shot `soffice --convert-to` per document (median of {len(one_shot)}) | {one_ms:.0f} | 1.00× |")
    print(f"| warm `Converter` (listener), amortised over {args.n}, start-up included | {warm_ms:.0f} | "
          f"{warm_ms / one_ms:.2f}× |")
    print(f"| warm `Converter`, steady state (median per document) | {statistics.median(steady) * 1000:.0f} | "
          f"{statistics.median(steady) * 1000 / one_ms:.2f}× |")
    print(f"| single `soffice` run for all {args.n} (fallback without uno) | {run_ms:.0f} | {run_ms / one_ms:.2f}× |")
    print(f"\nGoal ≤ 300 ms per document amortised (warm): {'met' if warm_ms <= 300 else 'NOT met'}")


if __name__ == "__main__":
    main()
