"""One `kehoach build` against one `pandoc` run on the same plans, as a ratio of wall time.

    .venv/bin/python benchmarks/build_vs_pandoc.py          # every example, 7 runs each
    .venv/bin/python benchmarks/build_vs_pandoc.py -r 15
    .venv/bin/python benchmarks/build_vs_pandoc.py --plan examples/002-bo-ldtbxh-qd-224.yaml --before /tmp/peer/src

Every run is a whole command-line process, as an officer or an editor starts it:
- pandoc: ``pandoc X.md -o X.docx`` where X.md is the same text (kehoach's .txt rendering of the
  plan, prepared beforehand and not timed);
- kehoach, cold: ``kehoach build examples/X.yaml -o X.docx`` with no build server (read, schema, lint,
  compose, .docx, atomic write, and every import that takes);
- kehoach, server: the same command while ``kehoach server start`` runs (started once, untimed, in a
  private folder of the benchmark's own).
- with ``--before SRC``: kehoach cold from another checkout's ``src`` (PYTHONPATH), to compare a
  change with the code before it.
The package's bytecode is compiled first, as ``pip install`` does; otherwise a machine with
PYTHONDONTWRITEBYTECODE (or a read-only source checkout) would recompile every module on every run.
The ways take turns run by run (a change in the machine's load falls on all of them alike); the
figures are medians over ``-r`` runs of wall time and of CPU time (user + system of the child,
steadier on a shared machine). Goals: kehoach ≤ 1.5× pandoc with the server, ≤ 2× cold.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
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


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved(ways: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, tuple[float, float]]:
    """(median wall, median CPU) of each way, the ways taking turns ``runs`` times."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    for _ in range(runs):
        for name, (command, env) in ways.items():
            times[name].append(run_once(command, env))
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--runs", type=int, default=7)
    parser.add_argument("--plan", type=Path, action="append", help="a plan (repeatable); default: every example")
    parser.add_argument("--before", type=Path, help="another checkout's src/ folder, run cold the same way")
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        sys.exit("pandoc is not installed (apt-get install pandoc)")
    compileall.compile_dir(Path(kehoach.__file__).parent, quiet=1)
    if args.before:
        compileall.compile_dir(args.before, quiet=1)
    examples = args.plan or sorted(p for p in (ROOT / "examples").glob("*.yaml"))
    pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split()[1]
    print(f"{platform.platform()}, Python {platform.python_version()}, pandoc {pandoc_version}, "
          f"median of {args.runs} interleaved runs, load average {os.getloadavg()[0]:.1f} before")
    print(f"{'plan':28} {'way':10} {'wall s':>8} {'cpu s':>7} {'÷ pandoc (wall)':>16} {'÷ pandoc (cpu)':>15}")
    ratios: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        server_dir = out / "server"
        server_dir.mkdir(mode=0o700)
        cold_env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
        cold_env.pop("PYTHONPATH", None)
        server_env = {**cold_env, "KEHOACH_SERVER_DIR": str(server_dir)}
        server_env.pop("KEHOACH_NO_SERVER", None)
        subprocess.run([str(KEHOACH), "server", "start"], check=True, capture_output=True, env=server_env)
        try:
            for plan in examples:
                text = out / f"{plan.stem}.md"
                subprocess.run([str(KEHOACH), "build", str(plan), "-o", str(text.with_suffix(".txt"))],
                               check=True, capture_output=True, env=cold_env)
                text.write_bytes(text.with_suffix(".txt").read_bytes())
                build = [str(KEHOACH), "build", str(plan), "-o", str(out / f"{plan.stem}.docx")]
                ways = {"pandoc": (["pandoc", str(text), "-o", str(out / f"{plan.stem}-pandoc.docx")], cold_env),
                        "cold": (build, cold_env), "server": (build, server_env)}
                if args.before:
                    ways["before"] = ([str(KEHOACH), "build", str(plan), "-o", str(out / f"{plan.stem}-b.docx")],
                                      {**cold_env, "PYTHONPATH": str(args.before.resolve())})
                got = interleaved(ways, args.runs)
                theirs_wall, theirs_cpu = got["pandoc"]
                for name, (wall, cpu) in got.items():
                    ratios.setdefault(name, []).append(wall / theirs_wall)
                    print(f"{plan.stem:28} {name:10} {wall:8.3f} {cpu:7.3f} {wall / theirs_wall:15.2f}× "
                          f"{cpu / theirs_cpu:14.2f}×")
            served = subprocess.run([str(KEHOACH), "server", "status"], capture_output=True, text=True,
                                    env=server_env).stdout.strip()
        finally:
            subprocess.run([str(KEHOACH), "server", "stop"], capture_output=True, env=server_env)
    print("median ratio (wall): " + ", ".join(f"{name} {statistics.median(values):.2f}×"
                                               for name, values in ratios.items() if name != "pandoc")
          + f"  (goals: server ≤ 1.50×, cold ≤ 2×); load average {os.getloadavg()[0]:.1f} after")
    print(served)


if __name__ == "__main__":
    main()
