"""The batch manifest (``OUT/manifest.json``): what each unit's document depends on and what was
written, so that a re-run skips the units already done, and the bookkeeping of units that left the
table (``removed_units``, ``--prune``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..common.diagnostics import Diagnostic
from ..common.fileio import TEMPORARY_PREFIX, write_atomic
from .slug import confined
from .units import Unit

MANIFEST = "manifest.json"
BUILT, SKIPPED, FAILED = "built", "skipped-unchanged", "failed"


@dataclass
class Job:
    """One unit to build: its row and where its document goes."""

    unit: Unit
    output: str  # file name inside OUT
    input_hash: str


@dataclass
class Result:
    index: int
    name: str
    input_hash: str
    output: str
    status: str
    output_sha256: str | None = None
    pdf: str | None = None
    pdf_sha256: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "input_hash": self.input_hash,
            "output": self.output,
            "output_sha256": self.output_sha256,
            "pdf": self.pdf,
            "pdf_sha256": self.pdf_sha256,
            "status": self.status,
            "diagnostics": [{k: v for k, v in d.to_dict().items() if k != "source_line"} for d in self.diagnostics],
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _templates_hash(folder: Path | None) -> str:
    if folder is None:
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_hash(plan_bytes: bytes, unit: Unit, templates_hash: str) -> str:
    """What a unit's document depends on: template plan, its row, kehoach's version, the templates."""
    row = json.dumps(unit.fields, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    parts = [sha256(plan_bytes), sha256(row.encode()), __version__, templates_hash]
    return sha256("\n".join(parts).encode())


def _previous(out: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The ``units`` and ``removed_units`` entries of an earlier run's manifest, by output name;
    empty when there is none or it is unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))

        def by_output(key: str) -> dict[str, dict[str, Any]]:
            return {e["output"]: e for e in data.get(key, []) if isinstance(e, dict) and "output" in e}

        return by_output("units"), by_output("removed_units")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}


def _files_of(entry: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(file name, recorded sha256) of a manifest entry's .docx and .pdf."""
    files = [(entry["output"], entry.get("output_sha256"))]
    if entry.get("pdf"):
        files.append((entry["pdf"], entry.get("pdf_sha256")))
    return files


def _removed_units(out: Path, recorded: dict[str, dict[str, Any]], current: set[str]) -> dict[str, dict[str, Any]]:
    """Entries of units that are no longer in the table and still have a file in OUT."""
    removed = {}
    for name, entry in recorded.items():
        if name in current:
            continue
        try:
            paths = [confined(out, file) for file, _sha in _files_of(entry)]
        except ValueError:  # a manifest edited to point outside OUT: not ours to touch
            continue
        if any(path.is_file() for path in paths):
            removed[name] = {k: entry.get(k) for k in ("name", "output", "output_sha256", "pdf", "pdf_sha256")}
    return removed


def _prune(out: Path, removed: dict[str, dict[str, Any]]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Delete the removed units' files that are still exactly what kehoach wrote; a file changed by
    hand is kept. Returns the deleted names and the entries that still have a file."""
    deleted: list[str] = []
    kept: dict[str, dict[str, Any]] = {}
    for name, entry in removed.items():
        for file, recorded_sha in _files_of(entry):
            path = confined(out, file)
            if path.is_file() and recorded_sha and _file_sha(path) == recorded_sha:
                path.unlink()
                deleted.append(file)
        if any(confined(out, file).is_file() for file, _sha in _files_of(entry)):
            kept[name] = entry
    return sorted(deleted), kept


def _file_sha(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:
        return None


def _unchanged(job: Job, entry: dict[str, Any] | None, out: Path, pdf: bool) -> Result | None:
    """A skipped-unchanged result when the earlier output is still exactly what this run would write."""
    if not entry or entry.get("input_hash") != job.input_hash or entry.get("status") not in (BUILT, SKIPPED):
        return None
    if not entry.get("output_sha256") or _file_sha(out / job.output) != entry["output_sha256"]:
        return None
    if pdf and (not entry.get("pdf") or _file_sha(out / entry["pdf"]) != entry.get("pdf_sha256")):
        return None
    return Result(job.unit.index, job.unit.label, job.input_hash, job.output, SKIPPED, entry["output_sha256"],
                  entry.get("pdf") if pdf else None, entry.get("pdf_sha256") if pdf else None)


def write_manifest(out: Path, plan: Path, results: list[Result],
                   removed: dict[str, dict[str, Any]] | None = None, shard: dict[str, Any] | None = None) -> None:
    """OUT/manifest.json, atomically, with a stable key order (same run, same bytes).

    ``shard`` marks a share of a batch (``--shard``). ``removed_units`` (only when there are any) keeps the entries of units that left the table
    while their files are still in OUT, so that a later ``--prune`` knows them and their hashes."""
    doc: dict[str, Any] = {
        "kehoach": __version__,
        "plan": plan.name,
        "units": [r.to_json() for r in sorted(results, key=lambda r: r.index)],
    }
    if shard:  # a share of a batch (shards.py): the merge needs the share and each unit's table order
        doc["shard"] = shard
        for entry, result in zip(doc["units"], sorted(results, key=lambda r: r.index)):
            entry["index"] = result.index
    if removed:
        doc["removed_units"] = [removed[name] for name in sorted(removed)]
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(out / MANIFEST, text.encode("utf-8"))


def _clean_stale_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left behind (write_atomic names them .kh-*.tmp;
    earlier versions .<name>.*.tmp)."""
    for path in out.glob(".*.tmp"):
        older = ".docx." in path.name or ".pdf." in path.name or f".{MANIFEST}." in path.name
        if path.is_file() and (path.name.startswith(TEMPORARY_PREFIX) or older):
            path.unlink(missing_ok=True)



def _merged(done: dict[int, Result], jobs: list[Job], previous: dict[str, dict[str, Any]]) -> list[Result]:
    """This run's results, plus the earlier entry of each unit not reached yet (still valid to resume)."""
    merged = []
    for job in jobs:
        if job.unit.index in done:
            merged.append(done[job.unit.index])
        elif job.output in previous:
            entry = previous[job.output]
            merged.append(Result(job.unit.index, job.unit.label, entry.get("input_hash", ""), job.output,
                                 entry.get("status", FAILED), entry.get("output_sha256"),
                                 entry.get("pdf"), entry.get("pdf_sha256")))
    return merged

