"""Reproducible zip archives that compress each unchanging member once per process.

A .docx is a zip; in a batch of thousands, all of its parts but ``word/document.xml`` and
``docProps/core.xml`` are mostly the same bytes every time (``styles.xml`` was ~370 kB before it
kept only the styles used), and deflating them again was a fifth of the time per document. Each member is encoded by ``zipfile``
itself, as a one-member archive, and its local entry and central-directory record are reused;
only the offsets are patched when members are assembled. The result is byte-for-byte what
``zipfile`` writes for the same members.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections import OrderedDict

_CACHE_SIZE = 64  # members kept: the fixed parts of a document template, and then some
_cache: OrderedDict[tuple[str, bytes, tuple[int, ...], int, int], tuple[bytes, bytes]] = OrderedDict()
_CENTRAL_OFFSET_AT = 42  # position of "relative offset of local header" in a central record


def _member(name: str, data: bytes, date_time: tuple[int, ...], compress_type: int,
            external_attr: int) -> tuple[bytes, bytes]:
    """(local header + data, central-directory record) of one member, as zipfile encodes them."""
    key = (name, data, date_time, compress_type, external_attr)
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(name, date_time=date_time)
        info.compress_type = compress_type
        info.create_system = 3
        info.external_attr = external_attr
        archive.writestr(info, data)
        central_at = archive.start_dir
    raw = buffer.getvalue()
    end = raw.rindex(zipfile.stringEndArchive)  # type: ignore[attr-defined]  # zipfile's own constant
    entry = (raw[:central_at], raw[central_at:end])
    _cache[key] = entry
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return entry


def reproducible_zip(members: list[tuple[str, bytes]], *, date_time: tuple[int, ...] = (1980, 1, 1, 0, 0, 0),
                     compress_type: int = zipfile.ZIP_DEFLATED, external_attr: int = 0o644 << 16) -> bytes:
    """The zip of ``members`` in the given order, fixed dates and attributes (Unix, mode 644)."""
    local_parts: list[bytes] = []
    central_parts: list[bytes] = []
    offset = 0
    for name, data in members:
        local, central = _member(name, data, date_time, compress_type, external_attr)
        record = bytearray(central)
        struct.pack_into("<L", record, _CENTRAL_OFFSET_AT, offset)
        local_parts.append(local)
        central_parts.append(bytes(record))
        offset += len(local)
    central_size = sum(map(len, central_parts))
    end = struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0,  # type: ignore[attr-defined]
                      len(members), len(members), central_size, offset, 0)
    return b"".join(local_parts + central_parts + [end])
