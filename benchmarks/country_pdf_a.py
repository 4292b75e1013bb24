"""The country batch with PDF/A (issue 17): how long 3,321 signing-ready PDFs take on this machine.

    .venv/bin/python benchmarks/country_pdf_a.py              # a sample of 200 communes, extrapolated
    .venv/bin/python benchmarks/country_pdf_a.py --units 0    # the whole country (vn:all)

Runs ``kehoach batch examples/batch/plan.yaml`` three times on the same units, each into a fresh
folder, wall clock from the shell: .docx only, --pdf, and --pdf-a, with ``-j`` workers (default:
the cores). The sample is the first N communes of the official list across all provinces, every
k-th one, so that long and short names are both in it. Prints the per-document cost and the
country estimate; the goal is the country with PDF/A in at most 5 minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "batch" / "plan.yaml"
COUNTRY = 3321


def sample_units(count: int, folder: Path) -> str:
    from kehoach.batch.units import communes, communes_csv, find_province
    from vietnam_provinces import Province

    rows = [row for province in Province.iter_all() for row in communes(find_province(province.name))]
    step = max(1, len(rows) // count)
    path = folder / "units.csv"
    path.write_bytes(communes_csv(rows[::step][:count]))
    return str(path)


def timed(args: list[str]) -> float:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=200, help="sample size; 0 for the whole country")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        units = "vn:all" if options.units == 0 else sample_units(options.units, folder)
        count = COUNTRY if options.units == 0 else options.units
        rows = []
        for label, extra in [(".docx", []), ("--pdf", ["--pdf"]), ("--pdf-a", ["--pdf-a"])]:
            seconds = timed(["batch", str(PLAN), "--units", units, "-o", str(folder / label.strip("-.")), "-q",
                             "-j", str(options.jobs), *extra])
            rows.append((label, seconds, seconds / count, seconds / count * COUNTRY))
    print(f"{count} units, -j {options.jobs}, {os.cpu_count()} cores\n")
    print("| run | wall | per document | country (3,321) |")
    print("|---|---|---|---|")
    for label, seconds, each, country in rows:
        print(f"| {label} | {seconds:.1f} s | {each * 1000:.0f} ms | {country / 60:.1f} min |")
    pdf_a = rows[-1][3] / 60
    print(f"\ngoal: country with PDF/A ≤ 5 min: {'met' if pdf_a <= 5 else 'NOT met'} ({pdf_a:.1f} min)")


if __name__ == "__main__":
    main()
