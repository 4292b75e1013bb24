"""Importing .doc files: one ``kehoach import FILE.doc`` (one LibreOffice started for the file) against
``kehoach import`` of several .doc files at once (one sandboxed LibreOffice kept warm for all).

    .venv/bin/python benchmarks/import_doc_speed.py REAL.docx      # --repeat 5 --files 8

REAL.docx is saved as a .doc by LibreOffice into a temporary folder first (the measurement's input;
nothing is written beside it) and copied ``--files`` times. Then, interleaved, ``--repeat`` times
each, wall clock of the whole command (after one untimed run of each, so LibreOffice's files are in
the page cache):

- ``kehoach import x.doc``: one document, one LibreOffice;
- ``kehoach import x1.doc … xN.doc``: N documents, one warm LibreOffice, given as total / N and as
  the cost of each document after the first, (total − one-document time) / (N − 1).

Issue 22's target: a .doc under 2 s wall with a warm converter. Prints medians and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SCRIPT = Path(sys.executable).with_name("kehoach")
KEHOACH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kehoach"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([*KEHOACH, "import", *args, "--force"], capture_output=True,
                          env={**os.environ, "KEHOACH_NO_SERVER": "1"})
    if done.returncode != 0:
        sys.exit(done.stderr.decode()[-2000:])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docx", type=Path, help="a real .docx, saved as .doc for the measurement")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=8, help="documents in the several-at-once run")
    args = parser.parse_args()

    from kehoach.writers.pdf import find_soffice

    soffice = str(find_soffice())
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-speed-") as tmp:
        folder = Path(tmp)
        staged = folder / "plan.docx"
        shutil.copyfile(args.docx, staged)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(folder / 'p0').as_uri()}",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(staged)],
                       capture_output=True, check=True, timeout=300)
        doc = folder / "plan.doc"
        copies = []
        for index in range(args.files):
            copy = folder / f"copy{index}.doc"
            shutil.copyfile(doc, copy)
            copies.append(str(copy))
        one = [str(doc), "-o", str(folder / "plan.yaml")]
        timed(one), timed(copies)  # page cache
        single, several = [], []
        for _ in range(args.repeat):
            single.append(timed(one))
            several.append(timed(copies))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    one_s, many_s = statistics.median(single), statistics.median(several)
    figures = {"one_doc_s": one_s, "several_total_s": many_s, "files": args.files,
               "several_per_doc_s": many_s / args.files,
               "several_marginal_s": (many_s - one_s) / max(1, args.files - 1),
               "repeat": args.repeat, "load": load, "doc_bytes": doc.stat().st_size if doc.exists() else None}
    print(json.dumps(figures, indent=1))
    print(f"kehoach import x.doc (one LibreOffice for the file), median of {args.repeat}: {one_s:.2f} s")
    print(f"kehoach import of {args.files} .doc at once (one warm LibreOffice): {many_s:.2f} s, "
          f"{figures['several_per_doc_s']:.2f} s a document, {figures['several_marginal_s']:.2f} s each after the "
          f"first (load average {load:.1f})")


if __name__ == "__main__":
    main()
