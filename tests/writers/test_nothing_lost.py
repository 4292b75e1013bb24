"""Nothing lost: every text a plan holds is printed somewhere in its .txt output.

The guard for a class of bug where a walk of the body (numbering, the task table, a role's own
layout) leaves some item out and nothing else prints it. Every string of the validated ``Plan`` is
walked generically (a new field is walked without this test knowing it), except what is a setting,
not text (a ``Literal``/enum field, ids and references, numbering patterns, style), the few texts
that are by design printed only under a condition (``by_design``, each with its reason), and what
the lint rule KH228 reports as printed nowhere (``lint/rules/printed.unprinted``). The
plans: every example, the tests/fixtures plans, and synthetic plans covering each section role ×
tasks form × nesting depth, with tasks, plain items and their mixtures at every level.
"""

from __future__ import annotations

import copy
import enum
import itertools
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from kehoach.common.vn import strip_end
from kehoach.lint.rules.printed import unprinted
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.model.body import Role
from kehoach.model.markup import NOTE, plain
from kehoach.source.loader import load_path
from kehoach.writers.text import write_text

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted([*ROOT.glob("examples/**/*.yaml"), *(ROOT / "tests/fixtures").glob("*.yaml"),
                *(ROOT / "tests/fixtures/real-plans").glob("*.yaml"), *(ROOT / "tests/fixtures/seeds").glob("*.yaml"),
                *(ROOT / "tests/fixtures/import").glob("*.yaml")])

# Strings that name or refer, never printed: ids, references to them, a profile, solution groups
# (the tasks export and KH1xx read them), numbering patterns (they print as the labels they make).
NOT_TEXT = {"id", "ref", "profile", "covers", "numbering", "styles", "generated"}


def _is_setting(annotation) -> bool:
    """A field whose type admits no free string: Literal choices, enums, numbers, booleans."""
    if annotation is str:
        return False
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return True
    if origin in (typing.Union, types.UnionType, list, tuple, dict):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is dict:
            args = args[1:]
        return all(_is_setting(a) for a in args)
    if origin is typing.Annotated:
        return _is_setting(typing.get_args(annotation)[0])
    return isinstance(annotation, type) and not issubclass(annotation, (str, BaseModel))


def by_design(plan: Plan, path: tuple) -> bool:
    """Texts printed only under a condition that a plan chooses, each for its reason."""
    *parent_path, name = [p for p in path]
    parent = _at(plan, tuple(parent_path))
    # A target's indicator, values, unit and owner feed the checks; an item with text says them in
    # it (only a target with no text prints them, as its sentence).
    target_fields = ("indicator", "milestones", "value", "unit", "owner")
    if "items" in path and any(step in target_fields for step in path):
        item = _owner_item(plan, path)
        if item.is_target and item.text:
            return True
    # The issuer as a sentence names it: only in a "Kèm theo Kế hoạch … của …" line.
    if path == ("letterhead", "issuer_name"):
        return True
    # A partial date ("2024-05") prints as "tháng 05 năm 2024".
    if path == ("letterhead", "date"):
        return True
    # Task lines' labels are wording settings: printed only before a line that is printed.
    if "task_labels" in path:
        return True
    # A task table column's title prints only when ``task_table.show`` names the column.
    if path[:2] == ("task_table", "columns"):
        return name not in plan.task_table.show  # type: ignore[union-attr]
    return False


def _owner_item(plan: Plan, path: tuple):
    """The item whose field ``path`` is in (the deepest "items" step)."""
    last = max(i for i, step in enumerate(path) if step == "items")
    return _at(plan, path[:last + 2])


def _at(value, path: tuple):
    for step in path:
        value = value[step] if isinstance(step, int) or isinstance(value, dict) else getattr(value, step)
    return value


def texts(value, path: tuple = ()):
    """(path, string) for every string of a model, skipping settings and names."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        for name, field in fields.items():
            if name in NOT_TEXT or _is_setting(field.annotation):
                continue
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, dict):
        for key, one in value.items():
            yield from texts(one, (*path, key))
    elif isinstance(value, (list, tuple)):
        for i, one in enumerate(value):
            yield from texts(one, (*path, i))
    elif isinstance(value, str) and not isinstance(value, enum.Enum):
        yield path, value


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def lost(plan: Plan) -> list[tuple[tuple, str]]:
    """The texts of ``plan`` its .txt does not print (whitespace and case aside, the typed end mark
    and emphasis markers dropped, a footnote reference's place checked piece by piece)."""
    printed = _norm(write_text(compose(plan)).decode())
    reported = [loc for loc, _ in unprinted(plan)]
    out = []
    for path, value in texts(plan):
        pieces = [_norm(strip_end(plain(piece))) for piece in NOTE.split(plain_notes(value))]
        missing = any(piece and piece not in printed for piece in pieces)
        said = [loc for loc in reported if path[:len(loc)] == loc]
        if missing and not by_design(plan, path) and not said:
            out.append((path, value))
        if said and not missing:  # KH228 is exact: what it reports is really printed nowhere
            out.append((("KH228 but printed", *path), value))
    return out


def plain_notes(value: str) -> str:
    """Footnote ids out of the text (the .txt prints "[n]" there): the pieces around them remain."""
    return NOTE.sub("\x00", value).replace("\x00", "[^x]")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_text_of_a_committed_plan_is_printed(path: Path) -> None:
    loaded = load_path(path)
    assert loaded.plan is not None, path
    assert lost(loaded.plan) == []


# --- Synthetic plans: each role × tasks form × depth -------------------------------------------

BASE = {
    "letterhead": {"parent": "UBND TỈNH KIÊN GIANG", "issuer": "SỞ TƯ PHÁP", "abbreviation": "STP",
                   "number": "05", "place": "Kiên Giang", "date": "2025-03-14"},
    "title": "Phổ biến pháp luật năm 2025",
    "signature": {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
}


def _tree(depth: int, tag: str) -> list[dict]:
    """Items to ``depth`` levels: at each level a task, a plain item, a task with plain children
    and a plain item with task children (the mixtures a walk may drop), every text unique (none the
    start of another: the check is by substring)."""
    counter = itertools.count(1)

    def level(d: int, path: str) -> list[dict]:
        def name(kind: str) -> str:
            return f"Việc {kind} {tag} {path}.{next(counter)} xong"

        items = [
            {"text": name("giao"), "lead": f"Phòng {tag} {path} giao", "deadline": f"Quý {d}/2025"},
            {"heading": name("đầu"), "text": name("thường")},
            # A task with all it may hold: paragraphs, a table, a reporting rule, a product, an owner.
            {"heading": name("đủ"), "text": [name("đoạn"), name("đoạn")], "lead": f"Sở {tag} {path} đủ",
             "product": name("sản phẩm"), "owner": f"Văn phòng {tag} {path} đủ",
             "tables": [{"columns": [{"title": name("cột")}], "rows": [[name("ô")]]}],
             "reporting": [{"text": name("báo cáo")}]},
            # Targets: one with its own sentence, one with text.
            {"indicator": name("chỉ tiêu"), "milestones": {2025: f"trên {d}0%"}, "owner": f"Ban {tag} {path} theo dõi"},
            {"text": name("mục tiêu"), "indicator": name("chỉ tiêu"), "value": f"{d}00 người"},
        ]
        if d < depth:
            items.append({"heading": name("chủ"), "lead": f"Ban {tag} {path} chủ", "partners": [f"Tổ {tag} {path} phối"],
                          "items": level(d + 1, f"{path}.a")})
            items.append({"heading": name("nhóm"), "items": level(d + 1, f"{path}.b")})
        return items

    return level(1, "1")


ROLES = [None, *Role]
FORMS = [None, "inline", "table", "both"]


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("role", ROLES, ids=lambda r: getattr(r, "value", "none"))
def test_every_text_of_every_role_form_and_depth_is_printed(role, form, depth) -> None:
    data = copy.deepcopy(BASE)
    section: dict = {"heading": "Mục thử", "items": _tree(depth, "x")}
    if role is not None:
        section["role"] = role.value
    if form is not None:
        section["tasks"] = form
    # A second section of the same form around it, so that group rows and numbering run on.
    data["sections"] = [section, {"heading": "Mục sau", "tasks": form or "inline", "items": _tree(1, "y")}]
    assert lost(Plan.model_validate(data)) == []


@pytest.mark.parametrize("table", [{"group_by": "item"},
                                   {"show": ["number", "content", "lead", "deadline", "owner"]}])
@pytest.mark.parametrize("role", [None, Role.solutions, Role.assignments], ids=lambda r: getattr(r, "value", "none"))
def test_every_text_is_printed_whatever_the_task_table_shows(role, table) -> None:
    """Grouped by top-level item, or with other columns (partners and product hidden, owner shown)."""
    data = copy.deepcopy(BASE)
    section: dict = {"heading": "Mục thử", "tasks": "table", "items": _tree(3, "x")}
    if role is not None:
        section["role"] = role.value
    data["sections"] = [section]
    data["task_table"] = table
    assert lost(Plan.model_validate(data)) == []


@pytest.mark.parametrize("form", ["inline", "both"])
def test_every_text_is_printed_whatever_lines_a_task_prints(form) -> None:
    """Inline task lines cut down (``task_labels.lines``) or off (``generated.task_lines``)."""
    for extra in ({"task_labels": {"lines": ["lead"]}}, {"generated": {"task_lines": False}}):
        data = copy.deepcopy(BASE)
        data["sections"] = [{"heading": "Mục thử", "tasks": form, "items": _tree(2, "x")}]
        data.update(copy.deepcopy(extra))
        assert lost(Plan.model_validate(data)) == [], extra

