"""Checking 100 plans in one process: load, validate and lint, as ``kehoach check`` does.

    .venv/bin/python benchmarks/check_100.py            # -n 100, plans: copies of examples/*.yaml
    .venv/bin/python benchmarks/check_100.py -n 500 --repeat 5

Prints the wall time of the whole run (the goal: at most 1.5 s for 100 plans on the 2-core
machine) and where it goes: reading + YAML + schema (load) versus the lint rules, per rule.
Imports are done before the clock starts (they are a process's fixed cost, not a per-plan one).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 1.5


def stage(folder: Path, count: int) -> list[Path]:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    if not examples:
        sys.exit("no examples/*.yaml to copy")
    paths = []
    for index in range(count):
        source = examples[index % len(examples)]
        target = folder / f"{index:03d}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="number of plans (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the median is reported (default 3)")
    args = parser.parse_args()

    from kehoach.cli.commands.check import check_paths
    from kehoach.source.loader import load_path
    from kehoach.lint import RULES, lint
    from kehoach.lint.rules.registry import Context
    from kehoach.lint.config import find_config

    with tempfile.TemporaryDirectory() as tmp:
        paths = stage(Path(tmp), args.n)
        walls = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            run = check_paths(paths)
            walls.append(time.perf_counter() - started)
        assert len(run.files) == args.n
        errors = sum(1 for d in run.diagnostics if d.severity.value == "error")

        # Where the time goes, on one pass: load versus lint, and each rule.
        load_time = lint_time = 0.0
        per_rule: dict[str, float] = defaultdict(float)
        for path in paths:
            t0 = time.perf_counter()
            loaded = load_path(path)
            t1 = time.perf_counter()
            lint(loaded)
            t2 = time.perf_counter()
            load_time, lint_time = load_time + t1 - t0, lint_time + t2 - t1
            ctx = Context(loaded, find_config(path.parent))
            for code, rule in RULES.items():
                t = time.perf_counter()
                list(rule.check(ctx)) if not (rule.needs_profile and ctx.profile is None) else None
                per_rule[code] += time.perf_counter() - t

    wall, best = statistics.median(walls), min(walls)
    goal = GOAL_SECONDS * args.n / 100
    print(f"{args.n} plans (copies of {len(set(p.name[4:] for p in paths))} examples), {args.repeat} runs: "
          f"median {wall:.3f} s, best {best:.3f} s wall ({1000 * wall / args.n:.1f} ms per plan); "
          f"goal ≤ {goal:.2f} s: {'met' if wall <= goal else 'NOT met'} (median; the 2 cores are shared, "
          f"so a busy machine shows in the median, the best run shows the code)")
    print(f"  errors reported: {errors}")
    print(f"  load + validate: {load_time:.3f} s   lint: {lint_time:.3f} s")
    slowest = sorted(per_rule.items(), key=lambda kv: kv[1], reverse=True)[:5]
    print("  slowest rules: " + ", ".join(f"{code} {1000 * t:.0f} ms" for code, t in slowest))


if __name__ == "__main__":
    main()
