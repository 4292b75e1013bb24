"""Same plan, same PDF bytes: LibreOffice's clock and random ID replaced by values of the plan.

LibreOffice stamps every PDF with the time of conversion (/CreationDate in the info dictionary,
xmp:CreateDate in the XMP packet of a PDF/A, the creation time in the header of the sRGB profile of
a PDF/A's output intent) and a random /ID. Here the dates become the plan's date (or
SOURCE_DATE_EPOCH, the reproducible-builds convention) and the file is saved again by qpdf (through
pikepdf, which also rewrites the cross-reference table) with an /ID computed from its content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import struct

_XMP_DATE = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\1>")
# LibreOffice escapes the document's title twice in the XMP packet ("&amp;amp;"): PDF/A requires the
# XMP and the info dictionary to agree, so the XMP values are written again from the info values.
_XMP_ALT = re.compile(rb"(<dc:(title|description)>\s*<rdf:Alt>\s*<rdf:li[^>]*>)[^<]*(</rdf:li>)")
_XMP_KEYWORDS = re.compile(rb"(<pdf:Keywords>)[^<]*(</pdf:Keywords>)")
_INFO_OF = {b"title": "/Title", b"description": "/Subject"}
ICC_DATE = slice(24, 36)  # ICC.1 7.2.1: dateTimeNumber, six big-endian uInt16
ICC_PROFILE_ID = slice(84, 100)  # ICC.1 7.2.18: MD5 of the profile, or zeros


def stamp_time(plan_date: dt.date | None) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the plan's date at midnight UTC, else the decree's date (a
    draft has no date of its own)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    day = plan_date or dt.date(2020, 3, 5)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _icc_with_date(profile: bytes, when: dt.datetime) -> bytes:
    if len(profile) < 128 or profile[36:40] != b"acsp":
        return profile  # not an ICC profile header: leave it alone
    data = bytearray(profile)
    data[ICC_DATE] = struct.pack(">6H", when.year, when.month, when.day, when.hour, when.minute, when.second)
    data[ICC_PROFILE_ID] = bytes(16)  # "not calculated": valid, and no stale checksum
    return bytes(data)


def _xml_text(value: object) -> bytes:
    from xml.sax.saxutils import escape

    from .xmltext import xml_chars

    return escape(xml_chars(str(value))).encode("utf-8")


def _xmp_from_info(raw: bytes, info) -> bytes:
    """The XMP's dc:title, dc:description and pdf:Keywords equal to the info dictionary's values,
    escaped once."""
    def alt(match: re.Match) -> bytes:
        key = _INFO_OF[match[2]]
        return match[1] + _xml_text(info[key]) + match[3] if key in info else match[0]

    raw = _XMP_ALT.sub(alt, raw)
    if "/Keywords" in info:
        raw = _XMP_KEYWORDS.sub(lambda m: m[1] + _xml_text(info["/Keywords"]) + m[2], raw)
    return raw


def reproducible(pdf: bytes, when: dt.datetime, *, fields: bool = False) -> bytes:
    """``pdf`` with every date set to ``when`` and a content-derived /ID; with ``fields``, the
    signing fields of a PDF/A draft added in the same pass (``pdf_fields``)."""
    import pikepdf

    info_date = when.strftime("D:%Y%m%d%H%M%SZ")
    xmp_date = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if fields:
            from .pdf_fields import add_fields

            add_fields(doc)
        for key in ("/CreationDate", "/ModDate"):
            if key in doc.docinfo:
                doc.docinfo[key] = pikepdf.String(info_date)
        metadata = doc.Root.get("/Metadata")
        if metadata is not None:
            raw = metadata.read_bytes()
            raw = _XMP_DATE.sub(lambda m: b"<xmp:%s>%s</xmp:%s>" % (m[1], xmp_date, m[1]), raw)
            metadata.write(_xmp_from_info(raw, doc.docinfo))
        for intent in doc.Root.get("/OutputIntents", []):
            profile = intent.get("/DestOutputProfile")
            if profile is not None:
                profile.write(_icc_with_date(profile.read_bytes(), when))  # compressed again on save
        if "/ID" in doc.trailer:
            del doc.trailer["/ID"]  # qpdf would keep LibreOffice's random first half
        if "/DocChecksum" in doc.trailer:  # LibreOffice's non-standard checksum of its own output
            del doc.trailer["/DocChecksum"]
        out = io.BytesIO()
        # qpdf's own deterministic ID still varied with LibreOffice's random one: write qpdf's fixed
        # test ID, then put a digest of the whole file in its place (same length, offsets unchanged).
        doc.save(out, static_id=True, compress_streams=True)
    return _content_id(out.getvalue())


_ID = re.compile(rb"/ID\s*\[\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\]")


def _content_id(pdf: bytes) -> bytes:
    match = _ID.search(pdf)
    if match is None:
        return pdf
    blank = pdf[: match.start(1)] + b"0" * len(match[1]) + pdf[match.end(1): match.start(2)] + \
        b"0" * len(match[2]) + pdf[match.end(2):]
    digest = hashlib.sha256(blank).hexdigest().encode()
    first, second = digest[: len(match[1])], digest[-len(match[2]):]
    return pdf[: match.start(1)] + first + pdf[match.end(1): match.start(2)] + second + pdf[match.end(2):]
