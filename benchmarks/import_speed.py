"""Importing a long plan: ``kehoach import`` on the .docx of the largest example (002, the ministry's
decision and its 2012 work programme), against python-docx merely opening the same file.

    .venv/bin/python benchmarks/import_speed.py              # --repeat 15
    .venv/bin/python benchmarks/import_speed.py --pages      # also count its pages (LibreOffice → PDF)

Prints the page count (with --pages), the median in-process time of read + recognise + YAML, the
same split by stage, python-docx's ``Document(path)`` plus reading every paragraph's text as the
peer, and the wall time of the whole ``kehoach import`` command (interpreter start included). Goal:
a 26-page plan imports in at most 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 1.0
_SCRIPT = Path(sys.executable).with_name("kehoach")
KEHOACH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kehoach"]
EXAMPLE = ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml"


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--pages", action="store_true", help="count pages through a PDF (needs LibreOffice)")
    args = parser.parse_args()

    import docx

    import kehoach
    from kehoach.build import render
    from kehoach.importers import import_plan, read_source
    from kehoach.importers.emit import dump
    from kehoach.importers.recognise import recognise

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "plan.docx"
        source.write_bytes(render(kehoach.load(EXAMPLE), "docx"))
        if args.pages:
            pdf = folder / "plan.pdf"
            subprocess.run([sys.executable, "-m", "kehoach", "build", str(EXAMPLE), "-o", str(pdf)],
                           check=True, capture_output=True)
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
            print(f"pages: {pages} (A4, as kehoach builds example 002)")

        import_plan(source)  # warm caches (lxml, regexes)
        total = median_ms(lambda: import_plan(source), args.repeat)
        blocks = read_source(source)
        read = median_ms(lambda: read_source(source), args.repeat)
        result = recognise(blocks, source)
        recog = median_ms(lambda: recognise(read_source(source), source), args.repeat) - read
        emit = median_ms(lambda: dump(result.plan, result.notes, []), args.repeat)

        def peer() -> None:
            document = docx.Document(str(source))
            [p.text for p in document.paragraphs]
            [c.text for t in document.tables for row in t.rows for c in row.cells]

        peer_ms = median_ms(peer, args.repeat)
        before = os.times()
        command = median_ms(lambda: subprocess.run(
            [*KEHOACH, "import", str(source), "-o", str(folder / "out.yaml"), "--force"],
            check=True, capture_output=True), 5)
        after = os.times()
        cpu = (after.children_user + after.children_system - before.children_user - before.children_system) / 5 * 1000

    print(f"import_plan (read + recognise + YAML), median of {args.repeat}: {total:.0f} ms")
    print(f"  read .docx {read:.0f} ms · recognise {recog:.0f} ms · YAML {emit:.0f} ms")
    print(f"peer: python-docx Document() + every paragraph and cell text: {peer_ms:.0f} ms "
          f"(import = {total / peer_ms:.2f}× the peer)")
    print(f"whole command `kehoach import` (new interpreter, median of 5): {command:.0f} ms; goal ≤ {GOAL_SECONDS * 1000:.0f} ms: "
          f"{'met' if command <= GOAL_SECONDS * 1000 else 'NOT met'}; its CPU time (user + system, mean): {cpu:.0f} ms"
          f" (wall time exceeds CPU time when the machine is loaded: load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
