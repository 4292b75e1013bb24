"""Reading the parts of a Word zip within bounds: a small hostile file cannot take the machine.

A .docx is a zip of XML parts. A zip bomb (a few hundred kB that inflate to gigabytes), a member
compressed with a method Word never uses (bzip2, LZMA), a central directory of millions of entries,
XML with entity declarations or thousands of nested elements: each is refused here with a located
KH503 ("corrupt file") before it costs memory. The limits are far above what a real plan needs
(the largest of the real plans read so far has a 1.3 MB document.xml).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from ..common.i18n import tr
from .errors import import_error

MAX_MEMBERS = 5_000  # entries in the zip's central directory
MAX_PART_BYTES = 24 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_BYTES = 40 * 1024 * 1024  # the parts read, inflated, together
MAX_RATIO = 120  # inflated / compressed size of a part larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ELEMENTS = 300_000  # "<" in one part (5 times the largest real plan seen); lxml and the blocks spend ~0.5 kB each
SUPPORTED = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_METHODS = {9: "deflate64", 12: "bzip2", 14: "lzma", 93: "zstd", 95: "xz", 98: "ppmd", 99: "AES"}

# Entities are never expanded (no "billion laughs", no external files: a reference stays as the
# literal "&name;" in the text, see docx._text_of), no network, no DTD loaded, and libxml2's own
# depth (256) and text-node limits apply (huge_tree=False).
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                         remove_blank_text=False)


def _corrupt(path: Path, reason: str) -> Exception:
    return import_error("KH503", tr("tệp hỏng hoặc không an toàn để đọc: {r}",
                                    "corrupt or unsafe file: {r}", r=reason), path)


def read_parts(data: bytes, wanted: tuple[str, ...], path: Path) -> tuple[set[str], dict[str, bytes]]:
    """(every member name, the bytes of the ``wanted`` members present), within the limits."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _corrupt(path, tr("tệp zip có {n} phần (quá {m})", "the zip holds {n} members (over {m})",
                                n=len(infos), m=MAX_MEMBERS))
    names = {info.filename for info in infos}
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.filename not in wanted or info.filename in parts:
            continue
        if info.compress_type not in SUPPORTED:
            raise _corrupt(path, tr(
                "phần {n} nén bằng phương pháp {c} mà Word không dùng (chỉ nhận stored/deflate)",
                "part {n} is compressed with method {c}, which Word does not use (only stored/deflate are read)",
                n=info.filename, c=_METHODS.get(info.compress_type, f"#{info.compress_type}")))
        declared = info.file_size
        if declared > MAX_PART_BYTES or (declared > RATIO_FLOOR
                                         and declared > MAX_RATIO * max(info.compress_size, 1)):
            raise _corrupt(path, tr("phần {n} giải nén ra {s} byte từ {c} byte (quá giới hạn)",
                                    "part {n} inflates to {s} bytes from {c} (over the limit)",
                                    n=info.filename, s=declared, c=info.compress_size))
        with archive.open(info) as member:
            # The header may lie about the size: never read more than the limit allows.
            body = member.read(min(MAX_PART_BYTES, MAX_TOTAL_BYTES - total) + 1)
        if len(body) > declared or len(body) > MAX_PART_BYTES or total + len(body) > MAX_TOTAL_BYTES:
            raise _corrupt(path, tr("phần {n} lớn hơn kích thước đã khai hoặc quá giới hạn",
                                    "part {n} is larger than declared or over the limit", n=info.filename))
        total += len(body)
        parts[info.filename] = body
    return names, parts


def parse_xml(data: bytes, name: str, path: Path) -> etree._Element:
    """The root of one XML part; KH503 naming the part when it is not well-formed or too large."""
    if data.count(b"<") > MAX_ELEMENTS:
        raise _corrupt(path, tr("phần {n} có quá nhiều phần tử XML", "part {n} has too many XML elements", n=name))
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise import_error("KH503", tr("tệp .docx hỏng: phần {n} không đọc được ({e})",
                                       "corrupt .docx: part {n} cannot be read ({e})", n=name, e=exc),
                           path) from None
