"""Sharding (chia phần): a national batch split across machines without a scheduler.

``--shard I/N`` builds share I of N: the units at table positions I-1, I-1+N, I-1+2N … (round
robin: disjoint, covering the table, and balanced by count — shares differ by one unit at most,
whatever the names). The same table gives the same shares, so an interrupted or re-run shard
resumes from its own manifest. A Kubernetes Indexed Job gives each pod ``JOB_COMPLETION_INDEX``
(0-based); ``--shards N`` reads it. Each shard writes its own OUT folder, whose manifest records the
share and a digest of the whole batch (plan and every unit's input).

``merge`` joins the shards' folders into one and trusts nothing in them: every manifest field is
type-checked, each share must hold exactly its units, every file a manifest names must be a regular
file inside its share (no link, no path outside) whose SHA-256 is the recorded one; a share missing,
given twice, short, tampered with, or of another batch is refused, naming the share. The merged
folder holds the same files and the same manifest bytes as one run of the whole table.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.fileio import write_atomic
from ..common.i18n import tr
from .manifest import MANIFEST
from .slug import confined


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH066", "error", "Chia phần hàng loạt sai", "Bad batch sharding",
         "--shard cần dạng I/N (1 ≤ I ≤ N), --shards cần JOB_COMPLETION_INDEX hợp lệ, hoặc --merge gặp một phần "
         "không đọc được hay không phải của một lần chạy --shard.",
         "--shard takes I/N (1 ≤ I ≤ N), --shards needs a valid JOB_COMPLETION_INDEX, or --merge found a share "
         "that cannot be read or is not from a --shard run."),
)

_SHARD = re.compile(r"^\s*([0-9]{1,6})\s*/\s*([0-9]{1,6})\s*$", re.ASCII)  # ASCII digits only
MAX_SHARDS = 10_000
MAX_MANIFEST_BYTES = 256 * 1024 * 1024


def _usage(message: str, path: Any = None) -> KehoachError:
    return KehoachError([Diagnostic("KH066", message, Severity.error, str(path) if path is not None else None)], 2)


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' → (2, 8): share 2 of 8, counted from 1."""
    match = _SHARD.match(text or "")
    if not match or not 1 <= int(match[1]) <= int(match[2]) <= MAX_SHARDS:
        raise _usage(tr("--shard cần dạng I/N (chữ số 0-9) với 1 ≤ I ≤ N ≤ {m} (ví dụ 2/8), không phải '{t}'",
                        "--shard takes I/N (digits 0-9) with 1 ≤ I ≤ N ≤ {m} (e.g. 2/8), not '{t}'",
                        t=text, m=MAX_SHARDS))
    return int(match[1]), int(match[2])


def shard_from_environment(count: int) -> tuple[int, int]:
    """``--shards N`` in a Kubernetes Indexed Job: share JOB_COMPLETION_INDEX + 1 of N."""
    index = os.environ.get("JOB_COMPLETION_INDEX", "")
    if not 1 <= count <= MAX_SHARDS or not (index.isascii() and index.isdigit()) or len(index) > 6 \
            or int(index) >= count:
        raise _usage(tr("--shards {n} cần biến môi trường JOB_COMPLETION_INDEX từ 0 đến {m} (Kubernetes Indexed "
                        "Job), đang là '{i}'",
                        "--shards {n} needs JOB_COMPLETION_INDEX between 0 and {m} (a Kubernetes Indexed Job), "
                        "got '{i}'", n=count, m=max(count - 1, 0), i=index))
    return int(index) + 1, count


def shard_of(position: int, count: int) -> int:
    """The share (1..count) of the unit at 0-based ``position`` in the table: round robin."""
    return position % count + 1


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


def _bad_field(folder: Path, key: str, kind: str, value: Any) -> KehoachError:
    shown = json.dumps(value, ensure_ascii=False, default=str)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return _usage(tr("{m} của phần {f} hỏng: '{k}' phải là {t}, không phải {v}",
                     "{m} of the shard {f} is damaged: '{k}' must be {t}, not {v}",
                     m=MANIFEST, f=folder, k=key, t=kind, v=shown), folder / MANIFEST)


def _field(folder: Path, record: dict, key: str, kind: type | tuple, label: str, *, optional: bool = False,
           low: int | None = None, high: int | None = None) -> Any:
    value = record.get(key)
    if value is None and optional:
        return None
    # bool is an int in Python; a share index of `true` is as wrong as one of [1].
    if not isinstance(value, kind) or isinstance(value, bool) or \
            (isinstance(value, int) and not (low is None or low <= value) or
             isinstance(value, int) and not (high is None or value <= high)):
        raise _bad_field(folder, key, label, value)
    return value


def _file_name(folder: Path, record: dict, key: str, *, optional: bool = False) -> str | None:
    """A file name of the share itself: no folder part, no '..', nothing absolute."""
    name = _field(folder, record, key, str, tr("tên tệp", "a file name"), optional=optional)
    if name is not None and (not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name):
        raise _bad_field(folder, key, tr("tên một tệp trong thư mục phần", "the name of a file in the shard"), name)
    return name


def _read_regular(folder: Path, name: str, limit: int) -> bytes:
    """The bytes of ``folder/name``, refusing a link (O_NOFOLLOW), a device or FIFO, or more than ``limit``."""
    try:
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = tr("là một liên kết (symlink): không đọc", "is a symbolic link: not read") \
            if os.path.islink(folder / name) else exc.strerror or str(exc)
        raise _usage(tr("phần {f}: {n} {r}", "shard {f}: {n} {r}", f=folder, n=name, r=reason),
                     folder / name) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _usage(tr("phần {f}: {n} không phải tệp thường", "shard {f}: {n} is not a regular file",
                            f=folder, n=name), folder / name)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _usage(tr("phần {f}: {n} quá lớn", "shard {f}: {n} is too large", f=folder, n=name), folder / name)
    return data


def _manifest(folder: Path) -> dict[str, Any]:
    """The share's manifest, every field the merge uses type-checked."""
    if folder.is_symlink() or not folder.is_dir():
        raise _usage(tr("{f} không phải thư mục của một phần", "{f} is not a shard's folder", f=folder), folder)
    try:
        data = json.loads(_read_regular(folder, MANIFEST, MAX_MANIFEST_BYTES).decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _usage(tr("không đọc được {m} của phần: {e}", "cannot read the shard's {m}: {e}", m=MANIFEST,
                        e=str(exc)[:200]), folder / MANIFEST) from None
    if not isinstance(data, dict) or not isinstance(data.get("shard"), dict):
        raise _usage(tr("{m} không phải của một lần chạy --shard", "{m} is not from a --shard run", m=MANIFEST),
                     folder / MANIFEST)
    shard = data["shard"]
    number = tr("một số nguyên", "a whole number")
    count = _field(folder, shard, "count", int, f"{number} 1..{MAX_SHARDS}", low=1, high=MAX_SHARDS)
    _field(folder, shard, "index", int, f"{number} 1..{count}", low=1, high=count)
    _field(folder, shard, "units", int, f"{number} ≥ 0", low=0, high=10**9)
    _field(folder, shard, "batch", str, tr("một chuỗi", "a string"))
    _field(folder, data, "plan", str, tr("một chuỗi", "a string"))
    units = _field(folder, data, "units", list, tr("một danh sách", "a list"))
    for entry in units:
        if not isinstance(entry, dict):
            raise _bad_field(folder, "units[]", tr("một bảng", "an object"), entry)
        _file_name(folder, entry, "output")
        _file_name(folder, entry, "pdf", optional=True)
        _field(folder, entry, "index", int, f"{number} ≥ 0", low=0, high=10**9)
        _field(folder, entry, "status", str, tr("một chuỗi", "a string"))
        for key in ("output_sha256", "pdf_sha256"):
            _field(folder, entry, key, str, tr("một chuỗi", "a string"), optional=True)
    return data


def _share(shard: dict) -> str:
    return f"{shard['index']}/{shard['count']}"


def _verified(folder: Path, shard: dict, entry: dict) -> list[tuple[str, bytes]]:
    """The unit's files with their bytes, each checked against the hash its manifest records (every
    share is checked before anything is written; the bytes are read again, and checked again, to copy)."""
    files = []
    for key, sha_key in (("output", "output_sha256"), ("pdf", "pdf_sha256")):
        name, recorded = entry.get(key), entry.get(sha_key)
        if not name or (key == "output" and not recorded):
            continue  # a failed unit has no document
        if not (folder / name).exists() and not (folder / name).is_symlink():
            raise _usage(tr("phần {s} ({f}) thiếu tệp {n} mà {m} ghi là đã dựng: chạy lại phần này",
                            "share {s} ({f}) is short: {n}, recorded as built in its {m}, is missing; run "
                            "that share again", s=_share(shard), f=folder, n=name, m=MANIFEST), folder / name)
        data = _read_regular(folder, name, 1 << 31)
        if not recorded or hashlib.sha256(data).hexdigest() != recorded:
            raise _usage(tr("phần {s} ({f}): tệp {n} đã bị thay đổi (SHA-256 khác {m}); chạy lại phần này",
                            "share {s} ({f}): {n} was changed (its SHA-256 differs from the {m}); run that "
                            "share again", s=_share(shard), f=folder, n=name, m=MANIFEST), folder / name)
        files.append((name, data))
    return files


def merge(folders: list[Path], out: Path) -> Merged:
    """Join shard folders into ``out``; KehoachError (exit 2) naming what does not fit."""
    manifests = [(folder, _manifest(folder)) for folder in folders]
    first = manifests[0][1]["shard"]
    count, digest, total = first["count"], first["batch"], first["units"]
    by_index: dict[int, Path] = {}
    for folder, data in manifests:
        shard = data["shard"]
        if (shard["count"], shard["batch"], shard["units"], data["plan"]) != \
                (count, digest, total, manifests[0][1]["plan"]):
            raise _usage(tr("{f} là phần của một lần tạo hàng loạt khác (kế hoạch, bảng đơn vị hoặc số phần khác)",
                            "{f} is a shard of another batch (different plan, units table or number of shares)",
                            f=folder), folder / MANIFEST)
        if shard["index"] in by_index:
            raise _usage(tr("phần {i}/{n} có hai lần: {a} và {b}", "share {i}/{n} is given twice: {a} and {b}",
                            i=shard["index"], n=count, a=by_index[shard["index"]], b=folder), folder)
        by_index[shard["index"]] = folder
    if len(by_index) != count:
        missing = [str(i) for i in range(1, count + 1) if i not in by_index]
        raise _usage(tr("thiếu phần {m} (trong {n} phần)", "share(s) {m} of {n} missing", m=", ".join(missing[:20]),
                        n=count))
    units: dict[str, tuple[Path, dict[str, Any]]] = {}
    positions: dict[int, Path] = {}
    for folder, data in manifests:
        shard = data["shard"]
        expected = len(range(shard["index"] - 1, total, count))
        for entry in data["units"]:
            name = entry["output"]
            if name in units or entry["index"] in positions:
                raise _usage(tr("đơn vị '{u}' có trong hai phần: {a} và {b}", "unit '{u}' is in two shards: {a} and {b}",
                                u=name, a=units[name][0] if name in units else positions[entry["index"]], b=folder),
                             folder / MANIFEST)
            if entry["index"] >= total or shard_of(entry["index"], count) != shard["index"]:
                raise _usage(tr("phần {s} ({f}) ghi đơn vị '{u}' không thuộc phần này",
                                "share {s} ({f}) lists the unit '{u}', which is not part of it",
                                s=_share(shard), f=folder, u=name), folder / MANIFEST)
            units[name] = (folder, entry)
            positions[entry["index"]] = folder
        if len(data["units"]) != expected:
            raise _usage(tr("phần {s} ({f}) thiếu đơn vị: có {k} trong {n}; chạy lại phần này cho xong",
                            "share {s} ({f}) is short: {k} of its {n} units; run that share again to finish it",
                            s=_share(shard), f=folder, k=len(data["units"]), n=expected), folder / MANIFEST)
    every = [(folder, data["shard"], entry) for folder, data in manifests for entry in data["units"]]
    for folder, shard, entry in every:
        _verified(folder, shard, entry)  # refuse before writing anything
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _usage(tr("không tạo được thư mục {o}: {e}", "cannot create the folder {o}: {e}", o=out,
                        e=exc.strerror or exc), out) from None
    copied = 0
    for folder, shard, entry in every:
        for file, data in _verified(folder, shard, entry):
            target = confined(out, file)
            if target != (folder / file).resolve():
                write_atomic(target, data)
            copied += 1
    ordered = sorted((entry for _folder, entry in units.values()), key=lambda e: e["index"])
    document = {"kehoach": manifests[0][1].get("kehoach"), "plan": manifests[0][1]["plan"],
                "units": [{k: v for k, v in entry.items() if k != "index"} for entry in ordered]}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(out / MANIFEST, text.encode("utf-8"))
    return Merged(out, len(units), copied)
