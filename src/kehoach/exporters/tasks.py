"""Task export (danh mục nhiệm vụ): the plan's assignments for a task-tracking system.

Unlike the document writers this reads the ``Plan``, not the ``Document``: a tracker needs the
structured data (lead, partners, deadline, product), not the printed wording. Each task is an item
that ``model.walk.tasks_of`` finds (a leaf of a solutions section, any item with a lead, partners,
deadline or product, and any item below a task of a ``tasks: table`` section): the rows the
generated task table prints, in its order. Formats: CSV (UTF-8 with BOM, so that Excel reads Vietnamese), JSON, and
iCalendar VTODO entries (RFC 5545) whose DUE is the last day of the deadline's period.
A task with several deadlines (``deadline: [Quý II/2026, Quý IV/2026]``) has them joined with "; "
in ``deadline``; when every one names a period, ``periods`` lists them all (CSV: start and due
columns joined with "; ", iCalendar: one VTODO per period), else none is guessed.
Same plan, same bytes: no clock is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import asdict, dataclass

from ..common import vn
from ..compose.wording import wording
from ..common.i18n import tr
from ..model import Plan
from ..model.walk import tasks_of
from .deadlines import date_range
from ..writers.xmltext import ics_chars

FORMATS = ("csv", "json", "ics")


@dataclass(frozen=True)
class TaskRow:
    id: str  # the item's own id, else its position ("s3.2.1": section 3, item 2, sub-item 1)
    section: str  # "III. NHIỆM VỤ, GIẢI PHÁP"
    content: str
    lead: str
    partners: list[str]
    deadline: str  # as the plan writes it; a date as dd/mm/yyyy the way the decree pads it; several "; "
    start: str | None  # ISO dates of the deadline's period, when the words name one (the first of several)
    due: str | None  # (the last of several)
    product: str
    covers: list[str]
    periods: list[tuple[str, str]]  # (start, due) of every deadline, when each names one period


def _date_text(value: dt.date) -> str:
    return f"{vn.pad_day(value.day)}/{vn.pad_month(value.month)}/{value.year}"


def _section_title(plan: Plan, index: int) -> str:
    section = plan.sections[index]
    label = section.label if section.label is not None else f"{vn.roman(index + 1)}."
    heading = section.heading
    if heading is None:
        heading = wording().render("heading.j2", role=section.role.value) if section.role else ""
    return " ".join(part for part in (label, vn.upper(heading)) if part)


def _position(loc: tuple) -> str:
    numbers = [str(part + 1) for part in loc if isinstance(part, int)]
    return "s" + ".".join(numbers)


def task_rows(plan: Plan) -> list[TaskRow]:
    rows = []
    for task in tasks_of(plan):
        item = task.item
        content = item.heading or item.body or (item.text[0] if item.text else "") or item.indicator or ""
        ranges = [date_range(d) for d in item.deadlines]
        periods = [(a.isoformat(), b.isoformat()) for a, b in ranges] if ranges and None not in ranges else []  # type: ignore[misc]
        deadline = "; ".join(_date_text(d) if isinstance(d, dt.date) else d for d in item.deadlines)
        rows.append(TaskRow(
            id=item.id or _position(task.loc), section=_section_title(plan, task.section),
            content=" ".join(content.split()), lead=task.lead or "", partners=list(item.partners),
            deadline=deadline, start=periods[0][0] if periods else None,
            due=periods[-1][1] if periods else None, product=item.product or "",
            covers=sorted(task.covers), periods=periods))
    return rows


def _headers() -> list[str]:
    return [tr("Mã", "Id"), tr("Mục", "Section"), tr("Nội dung", "Content"), tr("Cơ quan chủ trì", "Lead"),
            tr("Cơ quan phối hợp", "Partners"), tr("Thời hạn", "Deadline"), tr("Từ ngày", "Start"),
            tr("Đến ngày", "Due"), tr("Sản phẩm", "Product"), tr("Nhóm giải pháp", "Solution groups")]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (=, +, -, @, tab, CR; OWASP
    "CSV injection") gets a leading apostrophe, which Excel and LibreOffice hide."""
    return "'" + value if value.lstrip(" ").startswith(_FORMULA_START) else value


def write_csv(plan: Plan) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_headers())
    for row in task_rows(plan):
        starts = "; ".join(p[0] for p in row.periods)
        dues = "; ".join(p[1] for p in row.periods)
        writer.writerow([_cell(value) for value in (
            row.id, row.section, row.content, row.lead, "; ".join(row.partners), row.deadline, starts, dues,
            row.product, "; ".join(row.covers))])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _document_of(plan: Plan) -> dict:
    head = plan.letterhead
    return {"title": " ".join(plan.title.split()), "number": head.number, "symbol": head.symbol,
            "issuer": head.issuer_name or " ".join(" ".join(head.issuer).split()),
            "date": head.date.isoformat() if isinstance(head.date, dt.date) else head.date}


def write_json(plan: Plan) -> bytes:
    data = {"document": _document_of(plan), "tasks": [asdict(row) for row in task_rows(plan)]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _ics_text(value: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, ';' and ',' escaped, line breaks (CR LF, bare CR or LF) as
    "\\n", other control characters dropped: no raw CR ever reaches a line."""
    value = ics_chars(value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a leading space; never split a
    UTF-8 sequence."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def write_ics(plan: Plan) -> bytes:
    document = _document_of(plan)
    key = json.dumps(document, ensure_ascii=False, sort_keys=True)
    stamp = document["date"] if isinstance(plan.letterhead.date, dt.date) else None
    dtstamp = (stamp.replace("-", "") if stamp else "20200305") + "T000000Z"  # fixed: same plan, same bytes
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kehoach//tasks//VI", "CALSCALE:GREGORIAN"]
    for row in task_rows(plan):
        periods = row.periods if len(row.periods) > 1 else [(row.start, row.due)]
        for index, (start, due) in enumerate(periods):
            lines += _vtodo(row, key, dtstamp, start, due, f"#{index + 1}" if len(periods) > 1 else "")
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")


def _vtodo(row: TaskRow, key: str, dtstamp: str, start: str | None, due: str | None, suffix: str) -> list[str]:
    """One VTODO of a task (``suffix`` "#2": its second deadline)."""
    uid = hashlib.sha256(f"{key}\0{row.id}{suffix}".encode()).hexdigest()[:32]
    description = [f"{tr('Mục', 'Section')}: {row.section}"]
    if row.lead:
        description.append(f"{tr('Cơ quan chủ trì', 'Lead')}: {row.lead}")
    if row.partners:
        description.append(f"{tr('Cơ quan phối hợp', 'Partners')}: {', '.join(row.partners)}")
    if row.deadline:
        description.append(f"{tr('Thời hạn', 'Deadline')}: {row.deadline}")
    if row.product:
        description.append(f"{tr('Sản phẩm', 'Product')}: {row.product}")
    lines = ["BEGIN:VTODO", f"UID:{uid}@kehoach", f"DTSTAMP:{dtstamp}",
             f"SUMMARY:{_ics_text(row.content)}", f"DESCRIPTION:{_ics_text(chr(10).join(description))}"]
    if start and start != due:
        lines.append(f"DTSTART;VALUE=DATE:{start.replace('-', '')}")
    if due:
        lines.append(f"DUE;VALUE=DATE:{due.replace('-', '')}")
    lines.append("END:VTODO")
    return lines


WRITERS = {"csv": write_csv, "json": write_json, "ics": write_ics}
