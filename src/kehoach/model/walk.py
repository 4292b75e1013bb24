"""Walks over a plan's tree: every item with its position, and the tasks (nhiệm vụ) it assigns.

A position (``Loc``) is the path of keys and indexes from the plan's root, as pydantic reports it
and as the YAML loader maps back to a line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .body import Item, ReportingRule, Role, Section
from .plan import Plan
from .table import Table

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Task:
    """A task (nhiệm vụ): an item that someone must carry out."""

    loc: Loc
    item: Item
    lead: str | None  # its own or inherited from an ancestor item or the section
    covers: frozenset[str]  # its own and its ancestors' solution groups
    section: int


def walk_items(items: list[Item], loc: Loc) -> Iterator[tuple[Loc, Item]]:
    for i, item in enumerate(items):
        here = (*loc, i)
        yield here, item
        yield from walk_items(item.items, (*here, "items"))


def tables_of(plan: Plan) -> Iterator[tuple[Loc, Table]]:
    """Every table with its loc: those inside items of the body and of appendices, and the
    appendices' own."""
    for s, section in enumerate(plan.sections):
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            for t, table in enumerate(item.tables):
                yield (*loc, "tables", t), table
    for a, appendix in enumerate(plan.appendices):
        for loc, item in walk_items(appendix.items, ("appendices", a, "items")):
            for t, table in enumerate(item.tables):
                yield (*loc, "tables", t), table
        for t, table in enumerate(appendix.tables):
            yield ("appendices", a, "tables", t), table


def reporting_rules(plan: Plan) -> Iterator[tuple[Loc, ReportingRule, str | None]]:
    """Every reporting rule with its loc and reporter: a section's, and those inside an item's duties
    (whose reporter defaults to the item's agency, ``body``)."""
    for s, section in enumerate(plan.sections):
        for r, rule in enumerate(section.reporting):
            yield ("sections", s, "reporting", r), rule, rule.reporter
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            for r, rule in enumerate(item.reporting):
                yield (*loc, "reporting", r), rule, rule.reporter or item.body


def form_of(section: Section) -> str:
    """How a section prints its tasks: "inline" (the default), "table" (only in the task table), "both"."""
    return section.tasks or "inline"


def is_task_in(section: Section, item: Item, *, under_task: bool = False) -> bool:
    """Whether ``item`` is a task of ``section``: it names a lead, partners, deadline or product, or
    it is a leaf of a solutions section, or it sits below a task of a ``tasks: table`` section
    (``tasks_of`` and the numbered body both ask this).

    Why the last: such a section prints its tasks only in the table, and the body leaves a task out
    with everything below it; an item there that is no task of its own would be printed nowhere. It
    becomes a row of the table, inheriting the lead, as a solutions section's leaves always did."""
    return (item.is_task or (section.role is Role.solutions and not item.items)
            or (under_task and form_of(section) == "table"))


def tasks_of(plan: Plan) -> Iterator[Task]:
    """Leaf items of solutions sections, any item with a lead, partners, deadline or product, and
    every item below a task in a ``tasks: table`` section (``is_task_in``)."""
    for s, section in enumerate(plan.sections):

        def visit(items: list[Item], loc: Loc, lead: str | None, covers: frozenset[str],
                  under_task: bool) -> Iterator[Task]:
            for i, item in enumerate(items):
                here = (*loc, i)
                own_lead = item.lead or lead
                own_covers = covers | frozenset(item.covers)
                task = is_task_in(section, item, under_task=under_task)
                if task:
                    yield Task(here, item, own_lead, own_covers, s)
                yield from visit(item.items, (*here, "items"), own_lead, own_covers, under_task or task)

        yield from visit(section.items, ("sections", s, "items"), section.lead, frozenset(), False)
