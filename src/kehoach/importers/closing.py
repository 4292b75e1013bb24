"""The closing of a document as Word holds it: Nơi nhận on the left, the signature block on the right.

Real files put them in a two- or three-column table whose cells hold several lines joined by soft
breaks or runs of spaces ("- Bộ Công an;      - Thường trực Tỉnh ủy;" in one cell), or in
tab-aligned paragraphs. In a table the column is the cell's, never a gap inside the cell. A
recipient that wraps onto a second line is one recipient. Paragraphs after the closing table belong
to the signature only while they look like one (the name under the signature's empty lines); what
follows belongs to an attachment, not to the signer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..common import vn
from ..common.i18n import tr
from . import frame
from .blocks import Para, Run, Table
from .common import clean, segments
from .frame import Line
from .notes import said

_NOI_NHAN = re.compile(r"Nơi\s+nhận", re.I)
_MARKERS = "-–+•"


def _starts_entry(text: str) -> bool:
    return text[:1] in _MARKERS or bool(_NOI_NHAN.match(text)) or text.endswith(":")


def _unfinished(text: str) -> bool:
    """A recipient line that goes on on the next line: it has its marker and no end mark yet."""
    return text[:1] in _MARKERS and not text.rstrip().endswith((";", ".", ":", ","))


def join_wrapped(lines: list[Line]) -> list[Line]:
    """A Nơi nhận line that wraps (a soft break or a new paragraph inside one recipient) continues
    the recipient above it: it does not start with a marker and the line above is not finished."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1].text if out else ""
        continues = previous[:1] in _MARKERS and not previous.rstrip().endswith((";", ".", ":"))
        if out and not _starts_entry(line.text) and (continues or line.text[:1].islower()):
            out[-1] = Line(previous + " " + line.text, out[-1].bold, out[-1].italic)
        else:
            out.append(line)
    return out


def _table_lines(table: Table) -> tuple[list[Line], list[Line]]:
    left: list[Line] = []
    right: list[Line] = []
    columns = max((len(row) for row in table.rows), default=0)
    for row in table.rows:
        for index, cell in enumerate(row):
            for para in cell.paras:
                for column, line in segments(para):
                    if columns == 1:  # one cell laid out with tabs: the gap is the column
                        (left if column == 0 else right).append(line)
                    else:
                        (left if index == 0 else right).append(line)
    return left, right


def _paragraph_lines(blocks: list) -> tuple[list[Line], list[Line]]:
    left: list[Line] = []
    right: list[Line] = []
    in_signature = False
    for b in blocks:
        if not isinstance(b, Para):
            continue
        if b.label:  # a list item whose "-" comes from automatic numbering
            b = Para([Run(b.label + " "), *b.runs], align=b.align, style=b.style)
        for column, line in segments(b):
            if _NOI_NHAN.match(line.text):
                in_signature = False  # a signature typed above Nơi nhận: the recipients follow it
                left.append(line)
            elif left and not in_signature and (line.text[:1].islower() or _unfinished(left[-1].text)) \
                    and not _starts_entry(line.text) and column == 0:
                left[-1] = Line(left[-1].text + " " + line.text, left[-1].bold, left[-1].italic)
            elif column == 1:
                right.append(line)
            elif in_signature or not _starts_entry(line.text):
                in_signature = True
                right.append(line)
            else:
                left.append(line)
    return left, right


def _looks_like_signature(text: str) -> bool:
    """A line of a signature block: upper case (TM., KT., a title) or a person's name (a few
    capitalised words, no sentence mark)."""
    if text == vn.upper(text) and len(text) <= 80:
        return True
    words = text.split()
    return 1 < len(words) <= 6 and all(w[:1].isupper() for w in words) and not text.endswith((".", ";", ":"))


_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\s*[./]|^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG|PHÓ TRƯỞNG)\b")
_LABEL = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s")


def signature_start(blocks: list, end: int, floor: int) -> int:
    """Where a signature block typed as plain paragraphs above "Nơi nhận:" begins (``end`` when there
    is none): the upper-case title lines and the signer's name right before it, one of them a
    title or an authority ("TM.", "KT.", "CHỦ TỊCH"…), none of them a numbered heading."""
    start = end
    seen_title = False
    index = end - 1
    while index >= floor:
        block = blocks[index]
        if not isinstance(block, Para):
            break
        text = clean(block.text)
        if text:
            if not _looks_like_signature(text) or _LABEL.match(text) or text.startswith(("-", "+", "*")):
                break
            seen_title = seen_title or bool(_AUTHORITY.match(text))
            start = index
        index -= 1
    return start if seen_title else end


# Only an entry that is nothing but the reference becomes a ``ref`` (lint's KH402 reads "Mục IV" followed
# by more words too: there it only asks whether a body is reached).
_SECTION_REF = re.compile(r"^(?:Như\s+)?Mục\s+(?P<n>[IVXLC]+)$", re.I)


def _refer_to_sections(recipients: dict, sections: list[dict]) -> None:
    """"- Mục V;" or "- Như Mục IV;" among the recipients names the bodies of that section: the
    recipient gets a ``ref`` to the section's ``id`` (given one when it has none)."""
    numbered = [s for s in sections if not s.get("label")]
    items = recipients.get("items", [])
    for index, entry in enumerate(items):
        name = entry if isinstance(entry, str) else entry.get("name", "")
        match = _SECTION_REF.match(name)
        number = (vn.roman_value(match.group("n").upper()) or 0) if match else 0
        if not match or not 0 < number <= len(numbered) or not isinstance(entry, (str, dict)):
            continue
        section = numbered[number - 1]
        if "id" not in section:
            ident = f"muc-{match.group('n').lower()}"
            items_of = dict(section)
            section.clear()
            section.update({"id": ident, **items_of})
        recipient = {"name": name} if isinstance(entry, str) else dict(entry)
        recipient["ref"] = section["id"]
        items[index] = recipient


class ClosingReader:
    """Mixed into ``Recogniser``: reads ``self.blocks`` and adds to ``self.notes``/``self.summary``."""

    # what the recogniser it is mixed into holds (declared for the type checker, not set here)
    blocks: list
    notes: list[tuple[tuple, str]]
    summary: list[str]
    note: Callable[..., None]  # (plan path, message, block of the original it is about)

    def closing(self, start: int, end: int, data: dict, target: dict | None = None) -> None:
        target = data if target is None else target
        prefix = () if target is data else ("decision",)
        block = self.blocks[start]
        if isinstance(block, Table):
            left, right = _table_lines(block)
            after = [b for b in self.blocks[start + 1:end] if isinstance(b, Para) and b.text.strip()]
            has_name = any(not line.text == vn.upper(line.text) for line in right)
            taken = 0
            if not has_name:
                while taken < len(after) and _looks_like_signature(clean(after[taken].text)):
                    taken += 1
                    line = clean(after[taken - 1].text)
                    if line != vn.upper(line):
                        break  # the signer's name ends the block
            right += [Line(clean(p.text), p.bold, p.italic) for p in after[:taken]]
            if after[taken:]:
                first = clean(after[taken].text)
                self.note(prefix + ("signature",), said("KH529",
                    "{n} đoạn sau khối chữ ký không thuộc chữ ký và không được nhập (từ «{t}»)",
                    "{n} paragraphs after the signature block are not the signature and were not imported "
                    "(from «{t}»)", n=len(after) - taken, t=first[:60]), after[taken])
        else:
            left, right = _paragraph_lines(self.blocks[start:end])
        sig = frame.signature(right)
        rec = frame.recipients(join_wrapped(left))
        self.notes += [(prefix + ("signature",) + p, m) for p, m in sig.notes]
        self.notes += [(prefix + ("recipients",) + p, m) for p, m in rec.notes]
        target["signature"] = sig.data
        if rec.data:
            target["recipients"] = rec.data
            if target is data:
                _refer_to_sections(rec.data, data.get("sections", []))
        if rec.stripped:
            self.summary.append(tr(
                "{n} nơi nhận: bỏ dấu ';' hoặc '.' gõ ở cuối dòng (kehoach tự đặt dấu khi dựng)",
                "{n} recipients: the ';' or '.' typed at the end removed (kehoach puts the marks when it builds)",
                n=rec.stripped))
        if not rec.data.get("archive") and target is data:
            # No "Lưu: …" line in the original: kehoach writes none (generated.archive_line).
            data.setdefault("generated", {})["archive_line"] = False
