"""Cold `kehoach check` against yamllint on the largest example, with and without the word rules.

    .venv/bin/pip install yamllint        # the peer (not a dependency of kehoach)
    .venv/bin/python benchmarks/check_vs_yamllint.py            # examples/002 (the largest), 9 runs each
    .venv/bin/python benchmarks/check_vs_yamllint.py --plan PLAN -n 15
    .venv/bin/python benchmarks/check_vs_yamllint.py --before /tmp/peer/src   # also an older checkout

Each run is a fresh process (no build server: KEHOACH_NO_SERVER=1), timed wall-clock and in CPU time
(user + system of the child, steadier on a shared machine). kehoach is run three ways: every rule,
every rule but the word-list rule KH307/KH308 (``ignore`` in a kehoach.toml beside a copy of the
plan), and yamllint with its ``relaxed`` configuration as the peer; with ``--before SRC`` also
kehoach from another checkout's ``src`` (PYTHONPATH), every rule. The ways take turns run by run,
so a change in the machine's load falls on all of them alike. Goal: kehoach ≤ 1.2× yamllint.
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


def run_once(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved(ways: list[tuple[str, list[str], Path, dict[str, str]]], runs: int) -> dict[str, tuple[float, float]]:
    """(median wall, median CPU) of each way, the ways taking turns ``runs`` times."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in ways}
    for _ in range(runs):
        for name, command, cwd, env in ways:
            times[name].append(run_once(command, cwd, env))
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml")
    parser.add_argument("-n", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another checkout's src/ folder, run the same way (PYTHONPATH)")
    args = parser.parse_args()
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    if not yamllint:
        sys.exit("yamllint is not installed: .venv/bin/pip install yamllint")
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    env.pop("PYTHONPATH", None)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        every, without = Path(work, "every"), Path(work, "without")
        every.mkdir()
        without.mkdir()
        shutil.copyfile(args.plan, every / args.plan.name)
        shutil.copyfile(args.plan, without / args.plan.name)
        (every / "kehoach.toml").write_text("", encoding="utf-8")
        (without / "kehoach.toml").write_text('ignore = ["KH307", "KH308"]\n', encoding="utf-8")
        kehoach = str(BIN / "kehoach")
        ways = [("kehoach check, every rule", [kehoach, "check", args.plan.name], every, env),
                ("kehoach check, without KH307/KH308", [kehoach, "check", args.plan.name], without, env)]
        if args.before:
            ways.append((f"before ({args.before}), every rule", [kehoach, "check", args.plan.name], every,
                         {**env, "PYTHONPATH": str(args.before.resolve())}))
        ways.append(("yamllint -d relaxed (peer)", [yamllint, "-d", "relaxed", args.plan.name], every, env))
        rows = interleaved(ways, args.n)
    peer_wall, peer_cpu = rows["yamllint -d relaxed (peer)"]
    print(f"{args.plan.name}, {args.n} cold runs each, interleaved (median); "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print(f"{'way':48}{'wall s':>8}{'cpu s':>8}{'÷ peer (wall)':>15}{'÷ peer (cpu)':>14}")
    for name, (wall, cpu) in rows.items():
        print(f"{name:48}{wall:8.3f}{cpu:8.3f}{wall / peer_wall:14.2f}×{cpu / peer_cpu:13.2f}×")


if __name__ == "__main__":
    main()
