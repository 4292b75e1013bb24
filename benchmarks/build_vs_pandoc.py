"""One `kehoach build` against one `pandoc` run on the same plans, as a ratio of wall time.

    .venv/bin/python benchmarks/build_vs_pandoc.py          # every example, 7 runs each
    .venv/bin/python benchmarks/build_vs_pandoc.py -r 15

Both sides are whole command-line processes started cold, as an officer runs them:
- kehoach: ``kehoach build examples/X.yaml -o X.docx`` (read, schema, lint, compose, .docx, atomic
  write);
- pandoc: ``pandoc X.md -o X.docx`` where X.md is the same text (kehoach's .txt rendering of the
  plan, prepared beforehand and not timed).
The figure is the median over ``-r`` runs; the goal is kehoach ≤ 1.5× pandoc.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = Path(sys.executable).with_name("kehoach")


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--runs", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        sys.exit("pandoc is not installed (apt-get install pandoc)")
    examples = sorted(p for p in (ROOT / "examples").glob("*.yaml"))
    print(f"{platform.platform()}, {platform.python_version()}, pandoc "
          f"{subprocess.run(['pandoc', '--version'], capture_output=True, text=True).stdout.split()[1]}, "
          f"median of {args.runs} runs")
    print(f"{'plan':32} {'kehoach s':>10} {'pandoc s':>10} {'ratio':>7}")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for plan in examples:
            text = out / f"{plan.stem}.md"
            subprocess.run([str(KEHOACH), "build", str(plan), "-o", str(text.with_suffix(".txt"))],
                           check=True, capture_output=True)
            text.write_bytes(text.with_suffix(".txt").read_bytes())
            ours = median_seconds([str(KEHOACH), "build", str(plan), "-o", str(out / f"{plan.stem}.docx")],
                                  args.runs)
            theirs = median_seconds(["pandoc", str(text), "-o", str(out / f"{plan.stem}-pandoc.docx")],
                                    args.runs)
            ratios.append(ours / theirs)
            print(f"{plan.stem:32} {ours:10.3f} {theirs:10.3f} {ours / theirs:6.2f}×")
    print(f"{'median ratio':54} {statistics.median(ratios):6.2f}×  (goal ≤ 1.50×)")


if __name__ == "__main__":
    main()
