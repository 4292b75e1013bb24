"""Import fidelity on real Word files: import every document of a folder, build it back, compare.

    .venv/bin/python benchmarks/import_fidelity.py FOLDER       # a folder of real Word files; --json for raw figures

Per file: the import's CPU and wall time (in process; a .doc includes LibreOffice's conversion in the
wall time only), whether ``kehoach build`` accepts the imported YAML unchanged (else the first error
code), the check's errors and warnings, word recall and precision of the rebuilt .txt against the
original's text (LibreOffice's own text export of the original, plus its footnotes, which that
export leaves out; the rebuilt text's "[1]" marks are not words), and an exact match of number,
symbol, place, date, signer and recipient count against ``import_fidelity_expect.json`` (values a
person read from the originals). A type kehoach does not build must be refused with a message that
names it. Tables: the original's data tables (3+ columns or 4+ rows) whose (rows, columns) the
rebuilt .docx matches in order, "same/original (rebuilt count when it differs)". "notes" is the count the command prints / the
"# kiểm tra (KH5nn):" comments in the file, with "!" when the YAML came from the fallback dumper.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SCRIPT = Path(sys.executable).with_name("kehoach")
KEHOACH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kehoach"]
SUFFIXES = {".docx", ".doc", ".odt", ".txt", ".md"}


def words(text: str) -> collections.Counter:
    text = unicodedata.normalize("NFC", text).lower()
    return collections.Counter(re.findall(r"\w+", text))


def recall_precision(original: str, rebuilt: str) -> tuple[float, float]:
    a, b = words(original), words(rebuilt)
    common = sum((a & b).values())
    return common / max(sum(a.values()), 1), common / max(sum(b.values()), 1)


def original_texts(files: list[Path], out: Path) -> dict[str, str]:
    """Each original's text as LibreOffice exports it (one soffice run for the folder)."""
    from kehoach.writers.pdf import find_soffice

    office = [f for f in files if f.suffix.lower() not in {".txt", ".md"}]
    if office:
        subprocess.run([str(find_soffice()), "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                        "--outdir", str(out), *map(str, office)], capture_output=True, check=False, timeout=600)
    texts = {}
    for f in files:
        source = f if f.suffix.lower() in {".txt", ".md"} else out / (f.stem + ".txt")
        texts[f.name] = source.read_text("utf-8-sig", errors="replace") if source.exists() else ""
    return texts


def table_shapes(docx_bytes: bytes | None) -> list[tuple[int, int]]:
    """(rows, columns) of the data tables of a .docx, in order: tables of 3 columns or more, or of 4
    rows or more, that are not the letterhead or the Nơi nhận/signature block."""
    if not docx_bytes:
        return []
    import io

    import docx

    shapes = []
    for table in docx.Document(io.BytesIO(docx_bytes)).tables:
        rows, cols = len(table.rows), len(table.columns)
        text = " ".join(cell.text for row in table.rows[:3] for cell in row.cells)
        if re.search(r"Nơi\s+nhận|CỘNG\s+HÒA\s+XÃ", text):
            continue  # the letterhead and the closing are laid out in tables too
        if cols >= 3 or rows >= 4:
            shapes.append((rows, cols))
    return shapes


def footnote_texts(docx_bytes: bytes | None) -> str:
    """The original's footnotes and endnotes: LibreOffice's text export leaves their bodies out (and
    glues each reference number to the word before it, "ngành1"), while the rebuilt .txt prints them
    after the document. Without them a report with footnotes (r11) read as 16 % extra words."""
    if not docx_bytes:
        return ""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    texts = []
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part not in package.namelist():
                continue
            for note in etree.fromstring(package.read(part)).iter(w + tag):
                if note.get(w + "type") in (None, "normal"):  # not the separator lines
                    texts.append("".join(t.text or "" for t in note.iter(w + "t")))
    return "\n".join(texts)


def original_docx(path: Path) -> bytes | None:
    from kehoach.importers.convert import convert_to_docx
    from kehoach.writers.pdf import find_soffice

    suffix = path.suffix.lower()
    if suffix == ".docx":
        return path.read_bytes()
    if suffix in {".doc", ".odt"}:
        return convert_to_docx(path, find_soffice)
    return None


def signature_of(data: dict) -> dict:
    return data.get("decision", {}).get("signature") or data.get("signature") or {}


def recipients_of(data: dict) -> int:
    rec = data.get("decision", {}).get("recipients") or data.get("recipients") or {}
    return len(rec.get("items", [])) + sum(len(g.get("items", [])) for g in rec.get("groups", []))


def fields_of(data: dict) -> dict:
    head = data.get("letterhead", {})
    sig = signature_of(data)
    date = head.get("date")
    found = {"number": head.get("number"), "symbol": head.get("symbol"), "place": head.get("place"),
             "date": date.isoformat() if hasattr(date, "isoformat") else date, "recipients": recipients_of(data)}
    for key in ("on_behalf_of", "authority", "head_title", "title", "name"):
        found[key] = sig.get(key)
    if found["number"] == "":
        found["number"] = None  # the older importer's empty string: blank all the same
    return found


def measure(path: Path, original: str, expect: dict, work: Path) -> dict:
    from kehoach.common.diagnostics import KehoachError
    from kehoach.importers import import_plan
    from kehoach.writers.pdf import find_soffice

    row: dict = {"file": path.name}
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        imported = import_plan(path, soffice=find_soffice)
    except KehoachError as error:
        row["cpu_s"], row["wall_s"] = time.process_time() - cpu, time.perf_counter() - wall
        message = "; ".join(f"{d.code} {d.message}" for d in error.diagnostics)
        row["refused"] = message
        wanted = expect.get("refuse") or expect.get("or_refuse")
        row["fields_ok"] = bool(wanted) and wanted.lower() in message.lower()
        row["fields_wrong"] = [] if row["fields_ok"] else ["refused" if not wanted else "type not named"]
        return row
    row["cpu_s"], row["wall_s"] = time.process_time() - cpu, time.perf_counter() - wall
    row["notes"] = len(imported.notes)
    row["notes_in_file"] = len(re.findall(r"# kiểm tra(?: \(KH\d+\))?:", imported.yaml))
    # the importer's own emitter separates the top-level parts by blank lines; ruamel's fallback
    # (used when the text does not read back as the data) does not
    row["fallback_yaml"] = "\n\ntitle:" not in imported.yaml
    plan = work / (path.stem + ".yaml")
    plan.write_text(imported.yaml, "utf-8")
    txt = work / (path.stem + ".txt")
    built = subprocess.run([*KEHOACH, "build", str(plan), "-o", str(txt)], capture_output=True, text=True)
    row["build_ok"] = built.returncode == 0 and txt.exists()
    codes = re.findall(r"\b(KH\d{3})\b", built.stdout + built.stderr)
    row["build_codes"] = sorted(set(codes))
    checked = subprocess.run([*KEHOACH, "check", str(plan), "--format", "json"], capture_output=True, text=True)
    try:
        found = json.loads(checked.stdout)["diagnostics"]
    except (ValueError, KeyError):
        found = [{"severity": "error", "code": "unreadable"}]
    errors = [d for d in found if d.get("severity") == "error"]
    row["check_errors"] = len(errors)
    row["check_codes"] = sorted({d.get("code", "") for d in errors})
    if not row["build_ok"]:  # measure the words all the same: render without the lint gate
        try:
            import kehoach
            from kehoach.build import render

            txt.write_bytes(render(kehoach.load(plan), "txt"))
        except Exception as exc:  # noqa: BLE001 - a figure, not a verdict
            row["render_error"] = str(exc)[:120]
    rebuilt = txt.read_text("utf-8") if txt.exists() else ""
    rebuilt = re.sub(r"\[\d+\]", " ", rebuilt)  # the .txt writer's footnote marks "[1]", not words
    try:  # table shapes: the original's data tables against the rebuilt .docx's, in order
        import kehoach
        from kehoach.build import render

        mine = table_shapes(render(kehoach.load(plan), "docx"))
    except Exception:  # noqa: BLE001 - a plan the model refuses has no rebuilt tables
        mine = []
    source = original_docx(path)
    theirs = table_shapes(source)
    row["tables"] = (sum(1 for a, b in zip(theirs, mine) if a == b), len(theirs), len(mine))
    row["recall"], row["precision"] = recall_precision(original + "\n" + footnote_texts(source), rebuilt)
    found = fields_of(imported.data)
    wanted = {k: v for k, v in expect.items() if k in found}
    row["fields_wrong"] = [f"{k}={found[k]!r} (want {v!r})" for k, v in wanted.items() if found[k] != v]
    if "refuse" in expect:
        row["fields_wrong"].insert(0, f"not refused (want {expect['refuse']})")
    row["fields_ok"] = not row["fields_wrong"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--expect", type=Path, default=HERE / "import_fidelity_expect.json")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    expectations = json.loads(args.expect.read_text("utf-8")) if args.expect.exists() else {}
    files = sorted(f for f in args.folder.iterdir() if f.suffix.lower() in SUFFIXES and f.stem.upper() != "README")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        texts = original_texts(files, work / "orig")
        for f in files:
            expect = expectations.get(f.name.split("_")[0], {})
            rows.append(measure(f, texts[f.name], expect, work))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print(f"{'file':5} {'cpu s':>6} {'wall s':>6} {'build':>6} {'chk err':>7} {'recall':>7} {'prec.':>7} "
          f"{'notes':>9} {'tables':>8}  fields")
    for r in rows:
        name = r["file"].split("_")[0]
        if "refused" in r:
            verdict = "refused, type named" if r["fields_ok"] else "refused: " + r["refused"][:80]
            print(f"{name:5} {r['cpu_s']:6.2f} {r['wall_s']:6.2f} {'—':>6} {'—':>7} {'—':>7} {'—':>7} {'—':>9} "
                  f"{'—':>8}  {verdict}")
            continue
        build = "ok" if r["build_ok"] else ",".join(r["build_codes"][:2]) or "fail"
        notes = f"{r['notes']}/{r['notes_in_file']}" + ("!" if r["fallback_yaml"] else "")
        fields = "ok" if r["fields_ok"] else "; ".join(r["fields_wrong"])
        if r["check_codes"]:
            fields += "  [check errors: " + ",".join(r["check_codes"]) + "]"
        same, theirs, mine = r["tables"]
        tables = f"{same}/{theirs}" + (f"({mine})" if mine != theirs else "")
        print(f"{name:5} {r['cpu_s']:6.2f} {r['wall_s']:6.2f} {build:>6} {r['check_errors']:7d} {r['recall']:7.3f} "
              f"{r['precision']:7.3f} {notes:>9} {tables:>8}  {fields}")


if __name__ == "__main__":
    main()
