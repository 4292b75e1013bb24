"""Table shapes: the tables of real Word files against the tables `kehoach import` makes of them.

    .venv/bin/python benchmarks/table_shapes.py path/to/realdocx          # every .docx/.doc/.odt
    .venv/bin/python benchmarks/table_shapes.py path/to/realdocx --detail # one line per table

The original is read on its own, with python-docx's XML (not the importer's reader): every table of
the body except the frame (letterhead, Nơi nhận/signature), its rows, its visible columns (grid
lines some row starts a cell on) and its merged cells (a cell over more than one row or column,
counted once). The import is read from the data it writes: the tables of items, the tables of
appendices, and a task table it turned back into tasks (``task_table``), in document order; each is
laid out as the build prints it (header levels, span cells, group rows) and measured the same way.
.doc/.odt go through LibreOffice first, as the importer does.

Per file: tables in the original, tables the import kept as tables, tables whose rows × columns match,
tables whose merged-cell count matches. A table whose rows differ by the continuation rows the
importer drops (rows with nothing new on the page) is counted as matching in rows.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

from kehoach.importers import import_plan
from kehoach.importers.convert import convert_to_docx

FRAME_WORDS = ("Nơi nhận", "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do")


# -- the original -------------------------------------------------------------------------------

def _cells(tr):
    """(grid start, columns, vMerge) of each cell of a row, gridBefore counted."""
    trpr = tr.find(qn("w:trPr"))
    before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
    position = int(before.get(qn("w:val"), "0")) if before is not None else 0
    out = []
    for tc in tr.iterchildren(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        span, merge = 1, None
        if tcpr is not None:
            if tcpr.find(qn("w:gridSpan")) is not None:
                span = int(tcpr.find(qn("w:gridSpan")).get(qn("w:val"), "1"))
            if tcpr.find(qn("w:vMerge")) is not None:
                merge = tcpr.find(qn("w:vMerge")).get(qn("w:val"), "continue")
        out.append((position, span, merge, "".join(t.text or "" for t in tc.iter(qn("w:t")))))
        position += span
    return out


def original_shape(tbl) -> dict:
    rows = [_cells(tr) for tr in tbl.iterchildren(qn("w:tr"))]
    starts = sorted({start for row in rows for start, *_ in row})
    merged = 0
    for r, row in enumerate(rows):
        for start, span, merge, _text in row:
            if merge == "continue":
                continue
            down = 1
            for below in rows[r + 1:]:
                if any(s == start and m == "continue" for s, _sp, m, _t in below):
                    down += 1
                else:
                    break
            visible = sum(1 for s in starts if start <= s < start + span)
            merged += visible > 1 or down > 1
    return {"rows": len(rows), "cols": len(starts), "merged": merged}


def original_tables(data: bytes) -> list[dict]:
    body = docx.Document(io.BytesIO(data)).element.body
    out = []
    for tbl in body.iter(qn("w:tbl")):
        if tbl.getparent().tag == qn("w:tc"):
            continue  # a table nested in a cell: part of its cell's text
        text = "".join(t.text or "" for t in tbl.iter(qn("w:t")))
        if any(word in text for word in FRAME_WORDS):
            continue
        out.append(original_shape(tbl))
    return out


# -- the import ---------------------------------------------------------------------------------

def _depth(columns) -> int:
    return max((1 + _depth(c["columns"]) if isinstance(c, dict) and c.get("columns") else 1) for c in columns) \
        if columns else 0


def _leaves(columns) -> int:
    return sum(_leaves(c["columns"]) if isinstance(c, dict) and c.get("columns") else 1 for c in columns)


def _header_merged(columns, level: int, depth: int) -> int:
    count = 0
    for column in columns:
        if isinstance(column, dict) and column.get("columns"):
            count += _leaves(column["columns"]) > 1 or False
            count += _header_merged(column["columns"], level + 1, depth)
        else:
            count += depth - level > 1  # a leaf above the bottom header row spans down to it
    return count


def imported_shape(table: dict) -> dict:
    columns = table.get("columns", [])
    depth, width = _depth(columns), _leaves(columns)
    merged = _header_merged(columns, 0, depth)
    for row in table.get("rows", []):
        if isinstance(row, dict):  # a group row: its title spans what its number and figures leave
            title_span = width - (row.get("number") is not None) - len(row.get("cells", []))
            merged += title_span > 1
        else:
            merged += sum(1 for cell in row if isinstance(cell, dict) and (cell.get("rows", 1) > 1 or cell.get("cols", 1) > 1))
    return {"rows": depth + len(table.get("rows", [])), "cols": width, "merged": merged}


def _item_tables(items) -> list[dict]:
    out = []
    for item in items or []:
        if isinstance(item, dict):
            out += item.get("tables", [])
            out += _item_tables(item.get("items"))
    return out


def imported_tables(data: dict) -> list[tuple[str, dict | None]]:
    """(where, shape) in document order; a task table turned into tasks has no shape of its own."""
    out: list[tuple[str, dict | None]] = []
    for part in ([data["decision"]] if data.get("decision") else []) + [data]:
        for s, section in enumerate(part.get("sections", [])):
            out += [(f"sections.{s}", imported_shape(t)) for t in _item_tables(section.get("items"))]
    appendices: list[tuple[str, dict | None]] = []
    for a, appended in enumerate(data.get("appendices", [])):
        own = _item_tables(appended.get("items")) + appended.get("tables", [])  # items print before tables
        appendices += [(f"appendices.{a}", imported_shape(t)) for t in own]
    if data.get("task_table") is not None:
        position = data["task_table"].get("position", 1) - 1
        appendices.insert(min(position, len(appendices)), ("task_table", None))
    return out + appendices


# -- the report ---------------------------------------------------------------------------------

def measure(path: Path) -> dict:
    data = path.read_bytes()
    if path.suffix.lower() in (".doc", ".odt", ".rtf"):
        data = convert_to_docx(path)
    originals = original_tables(data)
    try:
        result = import_plan(path)
    except Exception as error:  # noqa: BLE001  (a refused document is a figure too)
        message = str(error).splitlines()[0].replace(f"{path}: ", "")
        return {"file": path.name, "original": originals, "imported": None, "error": message}
    flattened = sum(1 for _path, message in result.notes if "bảng" in message and "đoạn văn" in message)
    return {"file": path.name, "original": originals, "imported": imported_tables(result.data),
            "flattened": flattened, "error": None}


def _fmt(shape: dict | None) -> str:
    return "tasks" if shape is None else f"{shape['rows']}×{shape['cols']} m{shape['merged']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--detail", action="store_true", help="one line per table")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".docx", ".doc", ".odt"))
    print("| file | tables | kept as tables | rows × cols match | merged cells match |")
    print("|---|---:|---:|---:|---:|")
    details = []
    for path in files:
        found = measure(path)
        originals, imported = found["original"], found["imported"]
        if imported is None:
            print(f"| {path.name} | {len(originals)} | refused: {found['error'][:60]} | – | – |")
            continue
        pairs = list(zip(originals, imported))
        shapes = [(o, i) for o, (_w, i) in pairs if i is not None]
        size = sum(1 for o, i in shapes if (o["rows"], o["cols"]) == (i["rows"], i["cols"]))
        merges = sum(1 for o, i in shapes if o["merged"] == i["merged"])
        tasks = sum(1 for _w, i in imported if i is None)
        kept = f"{len(imported)}" + (f" ({tasks} as tasks)" if tasks else "")
        print(f"| {path.name} | {len(originals)} | {kept} | {size}/{len(shapes)} | {merges}/{len(shapes)} |")
        for index, original in enumerate(originals):
            where, shape = imported[index] if index < len(imported) else ("—", None)
            details.append(f"{path.name} #{index + 1}: original {_fmt(original)}  →  "
                           f"{where} {_fmt(shape) if index < len(imported) else 'missing'}")
    if args.detail:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
