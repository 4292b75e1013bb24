"""Tasks in their printed forms: the labelled lines under a task, the generated appendix table
"Danh mục nhiệm vụ", and the list of what a lead agency is assigned (TỔ CHỨC THỰC HIỆN).

A task is kept once on an item (``lead``, ``partners``, ``deadline``, ``product``); each section says
with ``tasks`` whether its tasks print inline (default), only in the table, or in both.

- Inline lines: the labels, which lines and their end marks come from ``task_labels`` (the plan's,
  with the section's keys on top). A line is printed only when the task's heading and text do not
  already name its value. The wording of a line is ``task.j2`` ("<label>: <value>").
- The table: one group row per section (``group_by: section``, the section's heading) or per
  top-level item (``group_by: item``), numbered I, II, … in the TT column; the tasks of a group
  numbered 1..n (in a ``tasks: table`` section a task's sub-items are rows too, after it, with its
  lead: ``walk.is_task_in``; a target with no text says its sentence); columns TT | Nội dung |
  Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm, and Theo dõi, kiểm tra, đôn đốc
  (a task's ``owner``) when ``show`` names it (titles from
  ``task_table.columns``, which and in what order from ``task_table.show``; group titles in capitals
  unless ``group_case: as-written``); widths left to the writer (from content). Several
  partners or deadlines in one cell are joined with "; ".
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..common import vn
from ..common.vn import strip_end
from ..model.walk import Task, form_of, tasks_of
from .text import date_text
from .wording import Wording


def and_join(values: list[str]) -> str:
    """'a', 'a và b', 'a, b và c': a Vietnamese list inside a sentence."""
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " và " + values[-1]


def deadline_text(item: m.Item, joiner=and_join) -> str | None:
    values = [date_text(d) for d in item.deadlines]
    return joiner(values) if values else None


def task_lines(item: m.Item, labels: m.TaskLabels, wording: Wording, *, content: bool) -> list[str]:
    """The lines under a task, end marks applied; ``content``: the item's text goes in a content line."""
    said = " ".join([item.heading or "", *item.text]).casefold()

    def unsaid(value: str | None) -> str | None:
        return value if value and value.casefold() not in said else None

    values: dict[str, str | None] = {
        "content": " ".join(item.text) if content else None,
        "lead": unsaid(item.lead),
        "partners": ", ".join(p for p in item.partners if p.casefold() not in said) or None,
        "deadline": unsaid(deadline_text(item)),
        "product": unsaid(item.product),
    }
    shown = {key: values[key] for key in labels.lines if values.get(key)}
    lines = [{"key": key, "label": getattr(labels, key), "value": value} for key, value in shown.items()]
    partners = [p for p in item.partners if p.casefold() not in said] if "partners" in shown else []
    text = wording.render(
        "task.j2", lines=lines, lead=shown.get("lead"), partners=partners, deadline=shown.get("deadline"),
        product=shown.get("product"))
    out = [line.strip() for line in text.splitlines() if line.strip()]
    if labels.end is not None or labels.last_end is not None:
        for i, line in enumerate(out):
            mark = labels.last_end if i == len(out) - 1 and labels.last_end is not None else labels.end
            if mark is not None:
                out[i] = strip_end(line) + mark
    return out


def content_of(item: m.Item, target=None) -> str:
    """What a task is, for a table cell or a list line: its heading (or agency) and its text; a
    target with no text of its own says it with ``target(item)`` (its sentence, as the body prints
    it: the values and the owner are in no other cell), else with its indicator."""
    texts = list(item.text)
    if not texts and item.is_target and target is not None:
        texts = [target(item)]
    parts = [item.heading or item.body or "", *texts]
    if not any(parts):
        parts = [item.indicator or ""]
    return "\n".join(part for part in parts if part)


def tabled_tasks(plan: m.Plan) -> list[Task]:
    return [task for task in tasks_of(plan) if form_of(plan.sections[task.section]) in ("table", "both")]


def _groups(plan: m.Plan, tasks: list[Task], by: str, heading_of) -> Iterator[tuple[str, list[Task]]]:
    order: dict[tuple, list[Task]] = {}
    for task in tasks:
        # loc = ("sections", s, "items", i, ...): a task nested under top-level item i groups under it.
        key = (task.section,) if by == "section" or len(task.loc) <= 4 else (task.section, task.loc[3])
        order.setdefault(key, []).append(task)
    for key, members in order.items():
        section = plan.sections[key[0]]
        if len(key) == 1:
            title = heading_of(section)
        else:
            item = section.items[key[1]]
            title = item.heading or item.body or (item.text[0] if item.text else "")
        yield strip_end(title), members


def task_table(plan: m.Plan, heading_of, target=None) -> m.Table | None:
    """The "Danh mục nhiệm vụ" table of the sections that ask for it; None when there is none
    (``target``: a target's sentence, for the content of a task that is a target with no text)."""
    tasks = tabled_tasks(plan)
    if not tasks:
        return None
    config = plan.task_table or m.TaskTable()
    names = config.columns
    align = {"number": "center", "deadline": "center"}
    columns = [m.Column(title=getattr(names, key), align=align.get(key, "left")) for key in config.show]
    rows: list = []
    for g, (title, members) in enumerate(_groups(plan, tasks, config.group_by, heading_of)):
        rows.append(m.GroupRow(number=vn.roman(g + 1), group=vn.upper(title) if config.group_case == "upper" else title))
        for n, task in enumerate(members, 1):
            item = task.item
            cells = {"number": str(n), "content": content_of(task.item, target), "lead": task.lead or "",
                     "partners": "; ".join(item.partners), "deadline": deadline_text(item, "; ".join) or "",
                     "product": item.product or "", "owner": item.owner or ""}
            rows.append([cells[key] for key in config.show])
    return m.Table(columns=columns, rows=rows, landscape=config.landscape)


def assigned_to(plan: m.Plan, body: str) -> list[str]:
    """The content of every task whose lead (own or inherited) is ``body``, in plan order."""
    wanted = " ".join(body.split()).casefold()
    return [" ".join(content_of(task.item).split("\n")[0].split()) for task in tasks_of(plan)
            if task.lead and " ".join(task.lead.split()).casefold() == wanted]


def assigned_lines(plan: m.Plan, body: str) -> list[str]:
    """The tasks ``body`` leads, one line each: ";" after each, "." after the last."""
    texts = [strip_end(text) for text in assigned_to(plan, body)]
    return [text + (";" if i < len(texts) - 1 else ".") for i, text in enumerate(texts)]
