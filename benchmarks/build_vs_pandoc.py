"""One `kehoach build` against one `pandoc` run on the same plans, as a ratio of wall time.

    .venv/bin/python benchmarks/build_vs_pandoc.py          # every example, 7 runs each
    .venv/bin/python benchmarks/build_vs_pandoc.py -r 15

Every run is a whole command-line process, as an officer or an editor starts it:
- pandoc: ``pandoc X.md -o X.docx`` where X.md is the same text (kehoach's .txt rendering of the
  plan, prepared beforehand and not timed);
- kehoach, cold: ``kehoach build examples/X.yaml -o X.docx`` with no build server (read, schema, lint,
  compose, .docx, atomic write, and every import that takes);
- kehoach, server: the same command while ``kehoach server start`` runs (started once, untimed, in a
  private folder of the benchmark's own).
The package's bytecode is compiled first, as ``pip install`` does; otherwise a machine with
PYTHONDONTWRITEBYTECODE (or a read-only source checkout) would recompile every module on every run.
The figure is the median over ``-r`` runs; the goal is kehoach ≤ 1.5× pandoc.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kehoach

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = Path(sys.executable).with_name("kehoach")


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--runs", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        sys.exit("pandoc is not installed (apt-get install pandoc)")
    compileall.compile_dir(Path(kehoach.__file__).parent, quiet=1)
    examples = sorted(p for p in (ROOT / "examples").glob("*.yaml"))
    pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split()[1]
    print(f"{platform.platform()}, Python {platform.python_version()}, pandoc {pandoc_version}, "
          f"median of {args.runs} runs")
    print(f"{'plan':28} {'pandoc s':>9} {'cold s':>8} {'server s':>9} {'cold ÷ pandoc':>14} {'server ÷ pandoc':>16}")
    cold_ratios, server_ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        server_dir = out / "server"
        server_dir.mkdir(mode=0o700)
        cold_env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
        server_env = {**os.environ, "KEHOACH_SERVER_DIR": str(server_dir)}
        server_env.pop("KEHOACH_NO_SERVER", None)
        subprocess.run([str(KEHOACH), "server", "start"], check=True, capture_output=True, env=server_env)
        try:
            for plan in examples:
                text = out / f"{plan.stem}.md"
                subprocess.run([str(KEHOACH), "build", str(plan), "-o", str(text.with_suffix(".txt"))],
                               check=True, capture_output=True, env=cold_env)
                text.write_bytes(text.with_suffix(".txt").read_bytes())
                build = [str(KEHOACH), "build", str(plan), "-o", str(out / f"{plan.stem}.docx")]
                theirs = median_seconds(["pandoc", str(text), "-o", str(out / f"{plan.stem}-pandoc.docx")],
                                        args.runs, os.environ.copy())
                cold = median_seconds(build, args.runs, cold_env)
                warm = median_seconds(build, args.runs, server_env)
                cold_ratios.append(cold / theirs)
                server_ratios.append(warm / theirs)
                print(f"{plan.stem:28} {theirs:9.3f} {cold:8.3f} {warm:9.3f} {cold / theirs:13.2f}× "
                      f"{warm / theirs:15.2f}×")
            served = subprocess.run([str(KEHOACH), "server", "status"], capture_output=True, text=True,
                                    env=server_env).stdout.strip()
        finally:
            subprocess.run([str(KEHOACH), "server", "stop"], capture_output=True, env=server_env)
    print(f"{'median ratio':57} {statistics.median(cold_ratios):13.2f}× "
          f"{statistics.median(server_ratios):15.2f}×  (goal ≤ 1.50×)")
    print(served)


if __name__ == "__main__":
    main()
