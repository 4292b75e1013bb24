"""Sharding (chia phần): a national batch split across machines without a scheduler.

``--shard I/N`` builds the units whose output name hashes to share I of N: disjoint, covering the
table, and stable (a unit stays in its share when rows are added or removed, so an interrupted or
re-run shard resumes from its own manifest). A Kubernetes Indexed Job gives each pod
``JOB_COMPLETION_INDEX`` (0-based); ``--shards N`` reads it. Each shard writes its own OUT folder,
whose manifest records the share and a digest of the whole batch (plan and every unit's input).

``merge`` joins the shards' folders into one: it refuses shards of different batches, a share
missing or given twice, and a unit in two shards; the merged folder holds the same files and the
same manifest bytes as one run of the whole table.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, KehoachError, Severity
from ..fileio import write_atomic
from ..i18n import tr
from .manifest import MANIFEST
from .slug import confined

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def _usage(message: str, path: Any = None) -> KehoachError:
    return KehoachError([Diagnostic("KH066", message, Severity.error, str(path) if path is not None else None)], 2)


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' → (2, 8): share 2 of 8, counted from 1."""
    match = _SHARD.match(text or "")
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise _usage(tr("--shard cần dạng I/N với 1 ≤ I ≤ N (ví dụ 2/8), không phải '{t}'",
                        "--shard takes I/N with 1 ≤ I ≤ N (e.g. 2/8), not '{t}'", t=text))
    return int(match[1]), int(match[2])


def shard_from_environment(count: int) -> tuple[int, int]:
    """``--shards N`` in a Kubernetes Indexed Job: share JOB_COMPLETION_INDEX + 1 of N."""
    index = os.environ.get("JOB_COMPLETION_INDEX", "")
    if count < 1 or not index.isdigit() or int(index) >= count:
        raise _usage(tr("--shards {n} cần biến môi trường JOB_COMPLETION_INDEX từ 0 đến {m} (Kubernetes Indexed "
                        "Job), đang là '{i}'",
                        "--shards {n} needs JOB_COMPLETION_INDEX between 0 and {m} (a Kubernetes Indexed Job), "
                        "got '{i}'", n=count, m=max(count - 1, 0), i=index))
    return int(index) + 1, count


def shard_of(output: str, count: int) -> int:
    """The share (1..count) a unit belongs to, from its output file name (unique in a batch)."""
    return int.from_bytes(hashlib.sha256(output.encode("utf-8")).digest()[:8], "big") % count + 1


def batch_digest(plan_bytes: bytes, jobs: list) -> str:
    """What every shard of one batch agrees on: the plan and each unit's output and input hash."""
    digest = hashlib.sha256(plan_bytes)
    for job in jobs:
        digest.update(f"\n{job.output}\0{job.input_hash}".encode())
    return digest.hexdigest()


@dataclass
class Merged:
    out: Path
    units: int
    files: int


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _usage(tr("không đọc được {m} của phần: {e}", "cannot read the shard's {m}: {e}", m=MANIFEST,
                        e=getattr(exc, "strerror", None) or exc), folder / MANIFEST) from None
    if not isinstance(data, dict) or not isinstance(data.get("shard"), dict):
        raise _usage(tr("{m} không phải của một lần chạy --shard", "{m} is not from a --shard run", m=MANIFEST),
                     folder / MANIFEST)
    return data


def merge(folders: list[Path], out: Path) -> Merged:
    """Join shard folders into ``out``; KehoachError (exit 2) naming what does not fit."""
    manifests = [(folder, _manifest(folder)) for folder in folders]
    first = manifests[0][1]["shard"]
    count, digest = first.get("count"), first.get("batch")
    by_index: dict[int, Path] = {}
    for folder, data in manifests:
        shard = data["shard"]
        if shard.get("count") != count or shard.get("batch") != digest or data.get("plan") != manifests[0][1].get("plan"):
            raise _usage(tr("{f} là phần của một lần tạo hàng loạt khác (kế hoạch, bảng đơn vị hoặc số phần khác)",
                            "{f} is a shard of another batch (different plan, units table or number of shares)",
                            f=folder), folder / MANIFEST)
        if shard.get("index") in by_index:
            raise _usage(tr("phần {i}/{n} có hai lần: {a} và {b}", "share {i}/{n} is given twice: {a} and {b}",
                            i=shard.get("index"), n=count, a=by_index[shard["index"]], b=folder), folder)
        by_index[shard.get("index")] = folder
    missing = [str(i) for i in range(1, int(count) + 1) if i not in by_index]
    if missing:
        raise _usage(tr("thiếu phần {m} (trong {n} phần)", "share(s) {m} of {n} missing", m=", ".join(missing),
                        n=count))
    units: dict[str, tuple[Path, dict[str, Any]]] = {}
    for folder, data in manifests:
        for entry in data.get("units", []):
            name = entry.get("output")
            if name in units:
                raise _usage(tr("đơn vị '{u}' có trong hai phần: {a} và {b}", "unit '{u}' is in two shards: {a} and {b}",
                                u=name, a=units[name][0], b=folder), folder / MANIFEST)
            units[name] = (folder, entry)
    if len(units) != first.get("units"):
        raise _usage(tr("các phần có {k} đơn vị, bảng có {n}: chạy lại các phần chưa xong",
                        "the shards hold {k} units, the table has {n}: run the unfinished shards again",
                        k=len(units), n=first.get("units")))
    out.mkdir(parents=True, exist_ok=True)
    copied = 0
    for name, (folder, entry) in units.items():
        for key in ("output", "pdf"):
            file = entry.get(key)
            if file and (folder / file).is_file():
                target = confined(out, file)
                if target.resolve() != (folder / file).resolve():
                    write_atomic(target, (folder / file).read_bytes(), make_parents=True)
                copied += 1
    ordered = sorted((entry for _folder, entry in units.values()), key=lambda e: e.get("index", 0))
    document = {"kehoach": manifests[0][1].get("kehoach"), "plan": manifests[0][1].get("plan"),
                "units": [{k: v for k, v in entry.items() if k != "index"} for entry in ordered]}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(out / MANIFEST, text.encode("utf-8"))
    return Merged(out, len(units), copied)
