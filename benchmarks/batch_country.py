"""The whole country from one template: every commune, ward and special zone (vn:all) in one batch.

    .venv/bin/python benchmarks/batch_country.py                    # vn:all, --jobs = all cores
    .venv/bin/python benchmarks/batch_country.py --units vn:an-giang --jobs 1

Three figures:
- the full batch, as a user runs it (``kehoach batch PLAN --units vn:all -o OUT --name {code}``, a
  fresh process, wall clock and the CPU time of all its processes);
- the re-run of the same command (every unit skipped-unchanged: the cost of the manifest check);
- where one document's time goes, in one process, on a sample (placeholders, schema, lint,
  compose, .docx writer, atomic write): the profile that says what to optimise.
Goal: vn:all (3,321 units) in at most 30 s of wall time on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "batch" / "plan.yaml"
GOAL_SECONDS = 30.0


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (all child processes) of one ``kehoach`` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("kehoach")), *args], capture_output=True,
                          text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"kehoach failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def phases(units: str, sample: int) -> dict[str, float]:
    """Milliseconds per document for each step of ``worker.build_unit``, in this process."""
    from kehoach.batch import worker
    from kehoach.build import render
    from kehoach.compose.composer import compose
    from kehoach.common.fileio import write_atomic
    from kehoach.source.loader import Loaded, Source, parse_yaml, read_text
    from kehoach.lint import lint
    from kehoach.batch.units import read_units
    from kehoach.writers.docx import write_docx

    source = Source(str(PLAN), read_text(PLAN)[0])
    data = parse_yaml(source)
    worker._start_worker(source, data, Path("."), None, None, False, in_pool=False)
    placeholders = worker._template.placeholders
    table = read_units(units).units[:sample]
    render(worker._validate(placeholders.render(table[0]), table[0], source)[0], "docx")  # warm caches
    totals = dict.fromkeys(["placeholders", "schema", "lint", "compose", "docx writer", "atomic write"], 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for unit in table:
            t0 = time.perf_counter()
            plan_data = placeholders.render(unit)
            t1 = time.perf_counter()
            plan, _ = worker._validate(plan_data, unit, source)
            t2 = time.perf_counter()
            lint(Loaded(source, plan_data, plan, []))
            t3 = time.perf_counter()
            document = compose(plan)
            t4 = time.perf_counter()
            docx = write_docx(document)
            t5 = time.perf_counter()
            write_atomic(Path(tmp) / f"{unit.index}.docx", docx)  # new files, as in a batch
            t6 = time.perf_counter()
            for key, (a, b) in zip(totals, [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6)]):
                totals[key] += b - a
    worker._stop_worker()
    return {key: 1000 * value / len(table) for key, value in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", default="vn:all", help="units table (default vn:all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="worker processes (default: all cores)")
    parser.add_argument("--sample", type=int, default=200, help="documents profiled in one process (default 200)")
    args = parser.parse_args()

    from kehoach.batch.units import read_units

    count = len(read_units(args.units).units)
    load_before = os.getloadavg()[0]
    out = Path(tempfile.mkdtemp(prefix="kehoach-country-"))
    try:
        command = [str(PLAN.relative_to(ROOT)), "--units", args.units, "-o", str(out), "--name", "{code}",
                   "--jobs", str(args.jobs), "--quiet"]
        first_wall, first_cpu = run_cli(["batch", *command])
        built = len(list(out.glob("*.docx")))
        again_wall, _ = run_cli(["batch", *command])
    finally:
        shutil.rmtree(out, ignore_errors=True)
    steps = phases(args.units, min(args.sample, count))

    print(f"kehoach batch, {count} units ({args.units}), --jobs {args.jobs}, {platform.machine()} "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, load average before: "
          f"{load_before:.2f}\n")
    print("| run | wall s | CPU s | documents/s | ms wall per document |")
    print("|---|---:|---:|---:|---:|")
    print(f"| full batch ({built} built) | {first_wall:.1f} | {first_cpu:.1f} | {built / first_wall:.0f} | "
          f"{1000 * first_wall / built:.1f} |")
    print(f"| re-run (all skipped-unchanged) | {again_wall:.1f} | | | |")
    print(f"\ngoal ≤ {GOAL_SECONDS:.0f} s wall for the full batch: "
          f"{'met' if first_wall <= GOAL_SECONDS else 'NOT met'} ({first_wall:.1f} s)\n")
    print(f"one document, in one process (mean of {min(args.sample, count)}):\n")
    print("| step | ms |")
    print("|---|---:|")
    for key, value in steps.items():
        print(f"| {key} | {value:.2f} |")
    print(f"| **total** | **{sum(steps.values()):.2f}** |")
    print(f"\nreproduce: .venv/bin/python benchmarks/batch_country.py --units {args.units} --jobs {args.jobs}")


if __name__ == "__main__":
    main()
