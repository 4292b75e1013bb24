"""An appendix table that lists tasks ("Danh mục nhiệm vụ": TT | Nội dung | Cơ quan chủ trì | Cơ quan
phối hợp | Thời gian | Sản phẩm | Theo dõi, kiểm tra, đôn đốc, in any order, group rows I, II, …)
back into structured tasks.

kehoach prints such a table from the tasks themselves (compose/tasks.py): one group row per section
(``group_by: section``) or per top-level item (``group_by: item``) of the sections that say
``tasks: table``, the tasks of a group numbered 1..n. The importer does the reverse only when the
rebuild prints the same table: every group names a section or a top-level item, in the plan's
order (as the heading is written: ``group_case: as-written``; else printed in capitals); a group row's
other cells are empty; every row is a task numbered in sequence with no merged cell; every column is
one of the seven. Then each row becomes an item (``lead``, ``partners``, ``deadline``, ``product``,
``owner``) of its section or item, that section gets ``tasks: table``, and the appendix's label,
title, note, position and column titles go into ``task_table``. Otherwise the table stays a free
table and a "kiểm tra" note says why.
"""

from __future__ import annotations

import datetime as dt
import re

from ..common import vn
from ..common.diagnostics import Code
from ..common.i18n import tr
from ..model.tasks import TASK_COLUMNS, TaskColumns
from .notes import said

# The generated table's default column titles and the columns it prints unless ``show`` says
# otherwise, read from the schema that prints them; then how a header cell is read.
DEFAULT_TITLES = {kind: field.default for kind, field in TaskColumns.model_fields.items()}
DEFAULT_SHOW = list(TASK_COLUMNS)
_KINDS = (
    ("number", re.compile(r"^(?:s|số\s*)?(?:tt|thứ tự)\.?$")),
    ("content", re.compile(r"^(?:nội dung|(?:tên )?nhiệm vụ|công việc)")),
    ("lead", re.compile(r"chủ trì|(?:cơ quan|đơn vị) thực hiện")),
    ("partners", re.compile(r"phối hợp")),
    ("deadline", re.compile(r"^(?:thời gian|thời hạn|tiến độ)")),
    ("product", re.compile(r"sản phẩm|kết quả")),
    ("owner", re.compile(r"theo dõi|đôn đốc")),  # "Theo dõi, kiểm tra, đôn đốc": who follows the task up
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_SOLUTIONS_HEADING = "NHIỆM VỤ, GIẢI PHÁP"


def column_kind(title: str) -> str | None:
    text = " ".join(title.replace("*", "").split()).casefold()
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None


def _key(text: str) -> str:
    """A heading as the generated group row prints it: capitals, no end mark, spaces collapsed."""
    return " ".join(vn.upper(vn.strip_end(text.replace("**", "").replace("*", ""))).split())


def _title(column) -> str | None:
    if isinstance(column, str):
        return column
    return None if column.get("columns") else column.get("title", "")


class _Unsure(Exception):
    """The table looks like a task list but the rebuild would not print it the same."""


def lift(data: dict, notes: list[tuple[tuple, str]]) -> list[str]:
    """Turn a task-list appendix of ``data`` into tasks where that is certain; ``notes`` (path, message)
    gets what stays a free table and why, and follows the appendices that move. Returns summary lines."""
    summary: list[str] = []
    appendices = data.get("appendices") or []
    for index, appendix in enumerate(list(appendices)):
        tables = appendix.get("tables") or []
        if len(tables) != 1:
            continue
        kinds = _kinds(tables[0])
        if kinds is None:
            continue
        path = ("appendices", index, "tables", 0)
        try:
            if "task_table" in data:
                raise _Unsure(tr("kế hoạch chỉ sinh được một bảng Danh mục nhiệm vụ",
                                 "a plan generates only one Danh mục nhiệm vụ table"))
            if appendix.get("text") or appendix.get("items") or tables[0].get("title"):
                raise _Unsure(tr("phụ lục còn có lời văn ngoài bảng", "the appendix has text besides the table"))
            placed, group_by, case, touched = _place(tables[0], kinds, data["sections"])
        except _Unsure as why:
            notes.append((path, said("KH524", "bảng có dạng Danh mục nhiệm vụ nhưng được giữ nguyên là bảng: {why}",
                          "the table looks like a Danh mục nhiệm vụ but is kept as a table: {why}",
                          why=str(why))))
            continue
        count = 0
        for (s, i), tasks in placed:
            target = data["sections"][s]
            if i is not None:
                if isinstance(target["items"][i], str):
                    target["items"][i] = {"text": target["items"][i]}
                target = target["items"][i]
            target.setdefault("items", []).extend(tasks)
            count += len(tasks)
        for s in touched:
            _set_form(data["sections"][s])
        _insert_before(data, ("preamble", "sections"), "task_table",
                       _config(appendix, tables[0], kinds, index, group_by, case))
        appendices.pop(index)
        notes[:] = [(_moved(path, index), message) for path, message in notes]
        summary.append(tr("{n} nhiệm vụ từ bảng Danh mục nhiệm vụ vào các mục (tasks: table)",
                          "{n} tasks from the Danh mục nhiệm vụ table into their sections (tasks: table)",
                          n=count))
        break  # one generated table per plan
    if not appendices and "appendices" in data:
        del data["appendices"]
    return summary


def _insert_before(data: dict, keys: tuple[str, ...], key: str, value) -> None:
    """``data[key] = value`` placed before the first of ``keys`` there (the schema's key order)."""
    entries = list(data.items())
    at = next((n for n, (k, _) in enumerate(entries) if k in keys), len(entries))
    entries.insert(at, (key, value))
    data.clear()
    data.update(entries)


def _moved(path: tuple, index: int) -> tuple:
    """A note's path once appendix ``index`` became ``task_table``."""
    if len(path) < 2 or path[0] != "appendices" or not isinstance(path[1], int) or path[1] < index:
        return path
    if path[1] == index:
        return ("task_table",)
    return ("appendices", path[1] - 1, *path[2:])


def _kinds(table: dict) -> list[str] | None:
    """The kind of each column when the header reads as a task list (TT, Nội dung, and at least two of
    chủ trì / phối hợp / thời gian / sản phẩm); else None."""
    titles = [_title(c) for c in table.get("columns", [])]
    if not titles or any(t is None for t in titles):
        return None
    kinds = [column_kind(t) for t in titles]
    if kinds[0] != "number" or "content" not in kinds or None in kinds or len(set(kinds)) != len(kinds):
        return None
    if len({"lead", "partners", "deadline", "product"} & set(kinds)) < 2:
        return None
    return kinds


def _candidates(sections: list[dict]) -> tuple[dict, dict]:
    """Group titles → the section, and → (section, top-level item), each keyed as printed."""
    by_section: dict[str, int] = {}
    by_item: dict[str, tuple[int, int]] = {}
    for s, section in enumerate(sections):
        heading = section.get("heading") or ""
        by_section.setdefault(_key(heading), s)
        for i, item in enumerate(section.get("items") or []):
            title = _item_title(item)
            if title:
                by_item.setdefault(_key(title), (s, i))
    return by_section, by_item


def _groups(table: dict, kinds: list[str]) -> list[tuple[str, list[dict]]]:
    groups: list[tuple[str, list[dict]]] = []
    for row in table.get("rows", []):
        if isinstance(row, list) and any(isinstance(cell, dict) for cell in row):
            # one task over two rows, one agency over two columns: the generated table has no merges
            raise _Unsure(tr("bảng có ô gộp ('{v}')", "the table has merged cells ('{v}')",
                             v=str(next(c for c in row if isinstance(c, dict)).get("value", ""))[:40]))
        if isinstance(row, list) and _ROMAN.match(str(row[0]).strip().rstrip(".")) and len(row) > 1 \
                and str(row[1]).strip() and not any(str(cell).strip() for cell in row[2:]):
            # a group row as plain text gives it: "| I | TUYÊN TRUYỀN … |" with its other cells empty
            row = {"number": str(row[0]).strip().rstrip("."), "group": str(row[1]).strip()}
        if isinstance(row, dict):
            if any(str(cell).strip() for cell in row.get("cells") or []) or not _ROMAN.match(str(row.get("number", ""))) or \
                    str(row["number"]) != vn.roman(len(groups) + 1):
                raise _Unsure(tr("dòng nhóm '{g}' không đánh số I, II, … liền nhau",
                                 "group row '{g}' is not numbered I, II, … in sequence", g=row.get("group", "")))
            groups.append((row["group"], []))
            continue
        if not groups:
            raise _Unsure(tr("có dòng nhiệm vụ trước dòng nhóm đầu tiên", "a task row comes before the first group row"))
        values = dict(zip(kinds, row))
        members = groups[-1][1]
        if values.get("number", "").strip() != str(len(members) + 1):
            raise _Unsure(tr("nhiệm vụ '{n}' của nhóm '{g}' không đánh số 1, 2, … liền nhau",
                             "task '{n}' of group '{g}' is not numbered 1, 2, … in sequence",
                             n=values.get("number", ""), g=groups[-1][0]))
        task = _task(values)
        if task is None:
            raise _Unsure(tr("dòng '{n}' của nhóm '{g}' không có nội dung hoặc cơ quan, thời gian, sản phẩm",
                             "row '{n}' of group '{g}' has no content, or no agency, time or product",
                             n=values.get("number", ""), g=groups[-1][0]))
        members.append(task)
    empty = [title for title, members in groups if not members]
    if not groups or empty:
        raise _Unsure(tr("nhóm '{g}' không có nhiệm vụ nào", "group '{g}' has no task", g=empty[0] if empty else ""))
    return groups


def _task(values: dict) -> dict | None:
    content = (values.get("content") or "").strip()
    if not content:
        return None
    lines = content.split("\n")
    task: dict = {"text": lines[0] if len(lines) == 1 else lines}
    if values.get("lead"):
        task["lead"] = values["lead"]
    if values.get("partners"):
        task["partners"] = values["partners"].split("; ")
    if values.get("deadline"):
        parts = [_deadline(part) for part in values["deadline"].split("; ")]
        task["deadline"] = parts[0] if len(parts) == 1 else parts
    if values.get("product"):
        task["product"] = values["product"]
    if values.get("owner"):
        task["owner"] = values["owner"]
    return task if len(task) > 1 and set(task) != {"text", "owner"} else None


def _deadline(text: str):
    """'30/11/2025' as the date it prints (only where the printed form is exactly that text)."""
    match = _DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return text
        if vn.date_numeric(day, month, year) == text:
            return date
    return text


def _place(table: dict, kinds: list[str], sections: list[dict]):
    """[((section, top-level item or None), tasks)], the group_by that prints them back, the group
    rows' case, the sections touched. Raises ``_Unsure`` (and changes nothing) where the rebuild
    would not print the table."""
    groups = _groups(table, kinds)
    by_section, by_item = _candidates(sections)
    keys = [_key(title) for title, _ in groups]
    found = [by_section.get(k) for k in keys]
    if None not in found and found == sorted(set(found)):
        for s in found:
            _check_section(sections[s])
        case = _case(groups, [sections[s].get("heading") or "" for s in found])
        return [((s, None), tasks) for s, (_, tasks) in zip(found, groups)], "section", case, sorted(set(found))
    spots = [by_item.get(k) for k in keys]
    if None not in spots and spots == sorted(set(spots)):
        for s in {s for s, _ in spots}:  # type: ignore[misc]
            _check_section(sections[s])
        case = _case(groups, [_item_title(sections[s]["items"][i]) for s, i in spots])  # type: ignore[misc]
        return [(spot, tasks) for spot, (_, tasks) in zip(spots, groups)], "item", case, sorted({s for s, _ in spots})  # type: ignore[misc]
    missing = next(title for title, k in zip(groups, keys) if k not in by_section and k not in by_item) \
        if any(k not in by_section and k not in by_item for k in keys) else None
    if missing:
        raise _Unsure(tr("nhóm '{g}' không khớp tiêu đề mục hay khoản nào của kế hoạch",
                         "group '{g}' matches no section or item heading of the plan", g=missing[0]))
    raise _Unsure(tr("các nhóm không theo thứ tự các mục/khoản của kế hoạch",
                     "the groups do not follow the order of the plan's sections or items"))


def _item_title(item) -> str:
    """What the generated table's group row prints for a top-level item (compose/tasks.py)."""
    if isinstance(item, str):
        return item
    texts = item.get("text") or []
    texts = [texts] if isinstance(texts, str) else texts
    return item.get("heading") or item.get("body") or (texts[0] if texts else "")


def _case(groups: list[tuple[str, list[dict]]], headings: list[str]) -> str:
    """How the group rows are printed: as the headings are written when every group row reads
    exactly as its heading ("Cải cách thể chế"), else in capitals, as a generated table prints them
    (the group rows then differ from the headings at most in case, ``_key``)."""
    def written(text: str) -> str:
        return " ".join(vn.strip_end(text).split())

    same = all(written(group) == written(heading) for (group, _), heading in zip(groups, headings))
    capitals = all(group == vn.upper(group) for group, _ in groups)
    return "as-written" if same and not capitals else "upper"


def _check_section(section: dict) -> None:
    """With ``tasks: table`` a section prints only its items that are not tasks: refuse a section whose
    own items would be taken for tasks (leaf items of a solutions section, items with a lead …)."""
    heading = section.get("heading") or ""
    if section.get("role") == "solutions" and section.get("items"):
        raise _Unsure(tr("mục '{h}' là mục nhiệm vụ, giải pháp đã có khoản", "section '{h}' is a solutions section with items",
                         h=heading))

    def walk(items):
        for item in items or []:
            if isinstance(item, dict):
                if any(item.get(k) for k in ("lead", "partners", "deadline", "product", "covers")):
                    raise _Unsure(tr("mục '{h}' đã có nhiệm vụ", "section '{h}' already has tasks", h=heading))
                walk(item.get("items"))
    walk(section.get("items"))


def _set_form(section: dict) -> None:
    """``tasks: table`` after the keys that come before ``items`` in the examples' order."""
    items = dict(section)
    section.clear()
    for key, value in items.items():
        if key in ("text", "items", "budget", "reporting", "closing", "closing_italic"):
            section.setdefault("tasks", "table")
        section[key] = value
    section.setdefault("tasks", "table")


def _config(appendix: dict, table: dict, kinds: list[str], index: int, group_by: str, case: str) -> dict:
    config: dict = {}
    if appendix.get("label"):
        config["label"] = appendix["label"]
    config["title"] = appendix.get("title", "")
    if appendix.get("note"):
        config["note"] = appendix["note"]
    if index:
        config["position"] = index + 1
    if group_by != "section":
        config["group_by"] = group_by
    if case != "upper":
        config["group_case"] = case
    titles = {kind: _title(column) for kind, column in zip(kinds, table["columns"])}
    columns = {kind: title for kind, title in titles.items() if title != DEFAULT_TITLES[kind]}
    if columns:
        config["columns"] = {kind: columns[kind] for kind in DEFAULT_TITLES if kind in columns}
    if kinds != DEFAULT_SHOW:
        config["show"] = kinds
    return config


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH524", "info", "Bảng giống Danh mục nhiệm vụ nhưng giữ nguyên", "A task-like table kept as a table",
         "Bảng có dạng Danh mục nhiệm vụ nhưng kehoach không in lại được đúng như vậy từ các nhiệm vụ; lý do được "
         "ghi kèm. Ghi trong tệp YAML là '# kiểm tra (KH524): …' ngay trên mục liên quan.",
         "The table looks like a Danh mục nhiệm vụ, but kehoach would not print it back the same from tasks; the "
         "reason is given. Written in the YAML as '# kiểm tra (KH524): …' right above the entry."),
)
