"""Page fidelity: each real Word file of a folder, converted to PDF by LibreOffice, against the same
plan imported by `kehoach import` and rebuilt by `kehoach build` (the same LibreOffice): page counts
side by side. A figure, not a test: the real files stay outside the repository.

    .venv/bin/python benchmarks/page_fidelity.py FOLDER_OF_REAL_PLANS [--only r01]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
KEHOACH = [sys.executable, "-m", "kehoach"]


def pages(pdf: Path) -> int | None:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def measure(source: Path, work: Path) -> tuple[int | None, int | None, str]:
    copy = work / source.name
    shutil.copyfile(source, copy)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(copy)],
                   capture_output=True, timeout=600)
    original = pages(copy.with_suffix(".pdf"))
    plan = work / f"{source.stem}.yaml"
    imported = subprocess.run([*KEHOACH, "import", str(copy), "-o", str(plan)], capture_output=True, text=True)
    if not plan.exists():
        return original, None, f"import failed ({imported.returncode})"
    rebuilt = work / f"{source.stem}-rebuilt.pdf"
    built = subprocess.run([*KEHOACH, "build", str(plan), "-f", "pdf", "-o", str(rebuilt)], capture_output=True,
                           text=True)
    note = ""
    if not rebuilt.exists():
        # `kehoach build` refuses a plan with findings the import left (the original's own
        # mistakes); the page count is about layout, so render it anyway through the library.
        from kehoach.build import render
        from kehoach.source.loader import load_path
        from kehoach.writers.pdf import convert_docx_bytes_to_pdf

        loaded = load_path(plan)
        if loaded.plan is None:
            return original, None, "the imported plan does not load"
        convert_docx_bytes_to_pdf(render(loaded.plan, "docx"), rebuilt)
        note = f"build refused it (exit {built.returncode}): rendered through the library"
    return original, pages(rebuilt), note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", help="only files whose name starts with this")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix in (".docx", ".doc")
                   and (not args.only or p.name.startswith(args.only)))
    print(f"{'file':48} {'original':>8} {'rebuilt':>8}  note")
    with tempfile.TemporaryDirectory() as scratch:
        for source in files:
            work = Path(scratch) / source.stem
            work.mkdir()
            original, rebuilt, note = measure(source, work)
            print(f"{source.name[:48]:48} {original or '-':>8} {rebuilt or '-':>8}  {note}")


if __name__ == "__main__":
    main()
