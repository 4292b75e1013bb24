"""The closing block composed: the signer's lines and the Nơi nhận lines with the decree's
punctuation (";" after each recipient, "." after the "Lưu" line, nested groups with "+")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import model as m
from ..common import vn
from ..common.vn import strip_end
from . import document as doc
from .paragraphs import recipient_line


def signature_block(sig: m.Signature) -> doc.Signature:
    lines = []
    if sig.on_behalf_of:
        lines.append(f"TM. {vn.upper(sig.on_behalf_of)}")
    if sig.authority:
        lines.append(f"{sig.authority}. {vn.upper(sig.head_title or '')}".rstrip())
    return doc.Signature(authority_lines=lines, title=vn.upper(sig.title), name=sig.name)


def recipient_lines(recipients: m.Recipients | None, *, archive_line: bool) -> list[doc.RecipientLine]:
    recipients = recipients or m.Recipients()
    lines = [line for item in recipients.items for line in _recipient(item)]
    for group in recipients.groups:
        heading = group.heading.rstrip()
        lines.append(recipient_line(heading if heading.endswith(":") else heading + ":", heading=True))
        lines.extend(line for item in group.items for line in _recipient(item))
    archive = recipients.archive
    if archive_line and archive.units:
        copies = f" ({archive.copies})" if archive.copies else ""
        lines.append(doc.RecipientLine(f"- Lưu: {', '.join(strip_end(u) for u in archive.units)}{copies}."))
    return lines


def _recipient(item: m.Recipient, level: int = 0) -> Iterator[doc.RecipientLine]:
    text = strip_end(item.name)
    if item.purpose:
        purpose = strip_end(item.purpose)
        text += f" {purpose}" if purpose.startswith("(") else f" ({purpose})"
    # A parent typed with its colon ("UBND tỉnh:") introduces its lines; a group's own "Lưu: VT"
    # ends that group with a full stop, like the archive line.
    end = "" if text.endswith(":") else "." if level and re.match(r"(?i)lưu\s*:", text) else ";"
    yield recipient_line(f"{'-' if level == 0 else '+'} {text}{end}", level=level)
    for child in item.items:
        yield from _recipient(child, level + 1)

