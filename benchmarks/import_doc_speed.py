"""Importing a .doc: ``kehoach import FILE.doc`` as it runs today (one LibreOffice per file, a fresh
sandboxed profile), against the same conversion through a LibreOffice that is already running.

    .venv/bin/python benchmarks/import_doc_speed.py REAL.docx      # --repeat 5

REAL.docx is saved as a .doc by LibreOffice into a temporary folder first (the measurement's input;
nothing is written beside it). Then, interleaved, ``--repeat`` times each:

- ``kehoach import x.doc -o x.yaml``, the whole command, wall clock (after one untimed run, so
  LibreOffice's files are in the page cache: "warm" as a second import of the day is);
- warm LibreOffice: one ``soffice --accept`` started before the timing with the importer's own
  sandboxed profile (``importers.convert.write_profile``), a UNO helper that loads the .doc and stores
  it as .docx (the filter the importer uses), then ``import_plan`` on that .docx in process. kehoach
  has no resident converter for imports: this is what one would give, not a path a user can take.

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

# Runs under the Python that has ``uno`` (python3-uno): one request a line, "SRC DST", reply a line.
_UNO_HELPER = r"""
import sys, time, uno
from com.sun.star.beans import PropertyValue
def props(**values):
    out = []
    for k, v in values.items():
        p = PropertyValue(); p.Name, p.Value = k, v; out.append(p)
    return tuple(out)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
deadline = time.monotonic() + 60
while True:
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1]); break
    except Exception:
        if time.monotonic() > deadline: raise
        time.sleep(0.1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
print("ready", flush=True)
for line in sys.stdin:
    src, dst = line.rstrip("\n").split("\t")
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, props(Hidden=True, ReadOnly=True))
    doc.storeToURL(uno.systemPathToFileUrl(dst), props(FilterName="MS Word 2007 XML"))
    doc.close(True)
    print("ok", flush=True)
try:
    desktop.terminate()
except Exception:
    pass
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docx", type=Path, help="a real .docx, saved as .doc for the measurement")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from kehoach.importers import import_plan
    from kehoach.importers.convert import offline_environment, write_profile
    from kehoach.writers.pdf import find_soffice, find_uno_python

    soffice = str(find_soffice())
    uno_python = find_uno_python(Path(soffice))
    if uno_python is None:
        sys.exit("no Python with `uno` (python3-uno) for the warm measurement")
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-speed-") as tmp:
        folder = Path(tmp)
        staged = folder / "plan.docx"
        shutil.copyfile(args.docx, staged)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(folder / 'p0').as_uri()}",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(staged)],
                       capture_output=True, check=True, timeout=300)
        doc = folder / "plan.doc"
        doc_bytes = doc.stat().st_size
        out = folder / "plan.yaml"

        def command() -> float:
            start = time.perf_counter()
            done = subprocess.run([*KEHOACH, "import", str(doc), "-o", str(out), "--force"], capture_output=True,
                                  env={**os.environ, "KEHOACH_NO_SERVER": "1"})
            if done.returncode != 0:
                sys.exit(done.stderr.decode())
            return time.perf_counter() - start

        profile = write_profile(folder / "warm-profile")
        pipe = f"kehoach_doc_speed_{os.getpid()}"
        office = subprocess.Popen([soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                                   f"-env:UserInstallation={profile.as_uri()}", f"--accept=pipe,name={pipe};urp;"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=offline_environment(), start_new_session=True)
        helper = subprocess.Popen([uno_python, "-c", _UNO_HELPER, pipe], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert helper.stdout is not None and helper.stdin is not None
            if helper.stdout.readline().strip() != "ready":
                sys.exit("the UNO helper could not reach LibreOffice")

            def warm() -> tuple[float, float]:
                converted = folder / "warm.docx"
                start = time.perf_counter()
                helper.stdin.write(f"{doc}\t{converted}\n")
                helper.stdin.flush()
                if helper.stdout.readline().strip() != "ok":
                    sys.exit("the warm conversion failed")
                middle = time.perf_counter()
                import_plan(converted)
                return time.perf_counter() - start, middle - start

            command()  # page cache
            warm()  # first load of a document type in the running office
            cold_runs, warm_runs, convert_runs = [], [], []
            for _ in range(args.repeat):
                cold_runs.append(command())
                total, convert = warm()
                warm_runs.append(total)
                convert_runs.append(convert)
        finally:
            helper.stdin.close()  # type: ignore[union-attr]
            helper.wait(timeout=30)
            office.terminate()
            office.wait(timeout=30)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    figures = {"kehoach_import_doc_s": statistics.median(cold_runs), "warm_office_total_s": statistics.median(warm_runs),
               "warm_office_conversion_s": statistics.median(convert_runs), "repeat": args.repeat, "load": load,
               "doc_bytes": doc_bytes}
    print(json.dumps(figures, indent=1))
    print(f"kehoach import x.doc (one LibreOffice per file), median of {args.repeat}: {figures['kehoach_import_doc_s']:.2f} s")
    print(f"warm LibreOffice: conversion {figures['warm_office_conversion_s']:.2f} s, with import_plan "
          f"{figures['warm_office_total_s']:.2f} s (load average {load:.1f})")


if __name__ == "__main__":
    main()
