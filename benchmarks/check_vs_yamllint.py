"""Cold `kehoach check` against yamllint on the largest example, with and without the word rules.

    .venv/bin/pip install yamllint        # the peer (not a dependency of kehoach)
    .venv/bin/python benchmarks/check_vs_yamllint.py            # examples/002 (the largest), 9 runs each
    .venv/bin/python benchmarks/check_vs_yamllint.py --plan PLAN -n 15

Each run is a fresh process (no build server: KEHOACH_NO_SERVER=1), timed wall-clock and in CPU time
(user + system of the child, steadier on a shared machine). kehoach is run three ways: every rule,
every rule but the word-list rule KH307/KH308 (``ignore`` in a kehoach.toml beside a copy of the
plan), and yamllint with its ``relaxed`` configuration as the peer. Goal: kehoach ≤ 1.2× yamllint.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) of ``runs`` fresh processes."""
    walls, cpus = [], []
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml")
    parser.add_argument("-n", type=int, default=9)
    args = parser.parse_args()
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    if not yamllint:
        sys.exit("yamllint is not installed: .venv/bin/pip install yamllint")
    with tempfile.TemporaryDirectory() as work:
        every, without = Path(work, "every"), Path(work, "without")
        every.mkdir()
        without.mkdir()
        shutil.copyfile(args.plan, every / args.plan.name)
        shutil.copyfile(args.plan, without / args.plan.name)
        (every / "kehoach.toml").write_text("", encoding="utf-8")
        (without / "kehoach.toml").write_text('ignore = ["KH307", "KH308"]\n', encoding="utf-8")
        kehoach = str(BIN / "kehoach")
        rows = [
            ("kehoach check, every rule", timed([kehoach, "check", args.plan.name], every, args.n)),
            ("kehoach check, without KH307/KH308", timed([kehoach, "check", args.plan.name], without, args.n)),
            ("yamllint -d relaxed (peer)", timed([yamllint, "-d", "relaxed", args.plan.name], every, args.n)),
        ]
    peer_wall, peer_cpu = rows[-1][1]
    print(f"{args.plan.name}, {args.n} cold runs each (median)\n")
    print(f"{'way':40}{'wall s':>8}{'cpu s':>8}{'÷ peer (wall)':>15}{'÷ peer (cpu)':>14}")
    for name, (wall, cpu) in rows:
        print(f"{name:40}{wall:8.3f}{cpu:8.3f}{wall / peer_wall:14.2f}×{cpu / peer_cpu:13.2f}×")


if __name__ == "__main__":
    main()
