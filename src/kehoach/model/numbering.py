"""The labels a plan's body prints: one walk that compose prints by and lint judges.

Each list of items (a section's, an appendix's, a decision article's, an item's children) is
numbered by its pattern (``model/style``: the section's or item's ``numbering``, else the plan's
scheme, else "standard"); a typed ``label`` prints as typed and takes no number; a dotted pattern
("1.1.") continues its parent's decimal number; the children take the next patterns (``deeper``).
A section with ``tasks: table`` prints its tasks only in the generated task table, so they are
left out of its lists before numbering, each with what is below it (those items are tasks too there,
``walk.is_task_in``: rows of the table): the items around them number as printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..common.vn import decimal_number
from .body import Item, Section
from .decision import Article
from .plan import Plan
from .tables import Appendix
from .style import SCHEMES, SECTIONS, deeper, printed_labels
from .walk import Loc, form_of, is_task_in


@dataclass(frozen=True)
class Numbered:
    """An item as printed: its index in the list as written (its plan path's last step), the label it
    prints, and its children as printed."""

    index: int
    item: Item
    label: str
    children: list[Numbered]


def numbered(items: list[Item], patterns: list[str], parent_number: str = "",
             keep: Callable[[Item], bool] | None = None) -> list[Numbered]:
    """``items`` numbered by ``patterns[0]`` (their children by the rest); those ``keep`` refuses
    are not printed, at any depth, and take no number."""
    kept = [(i, item) for i, item in enumerate(items) if keep is None or keep(item)]
    labels = printed_labels((item.label for _, item in kept), patterns[0], parent_number)
    return [Numbered(i, item, label, numbered(item.items, item.numbering or deeper(patterns),
                                              decimal_number(label), keep))
            for (i, item), label in zip(kept, labels)]


def scheme(plan: Plan) -> list[str]:
    """The plan's numbering of items: ``styles.numbering``, else "standard" (1. → a) → - → +)."""
    return (plan.styles.numbering if plan.styles else None) or list(SCHEMES["standard"])


def section_labels(plan: Plan) -> list[str]:
    """The labels the plan's sections print (``styles.sections``, "I." by default)."""
    pattern = plan.styles.sections if plan.styles else SECTIONS
    return printed_labels((section.label for section in plan.sections), pattern)


def section_items(plan: Plan, section: Section) -> list[Numbered]:
    """A section's items as printed: without the tasks a ``tasks: table`` section sends to the table."""
    keep = None
    if form_of(section) == "table":
        def keep(item: Item) -> bool:
            return not is_task_in(section, item)
    return numbered(section.items, section.numbering or scheme(plan), "", keep)


def appendix_items(plan: Plan, appendix: Appendix) -> list[Numbered]:
    return numbered(appendix.items, scheme(plan))


def article_items(plan: Plan, article: Article) -> list[Numbered]:
    return numbered(article.items, scheme(plan))


def item_lists(plan: Plan) -> Iterator[tuple[Loc, list[Numbered]]]:
    """Every top-level list of items the document prints, with its plan path: the sections', the
    appendices' and the articles' of the decision that issues the plan."""
    for s, section in enumerate(plan.sections):
        yield ("sections", s, "items"), section_items(plan, section)
    for a, appendix in enumerate(plan.appendices):
        yield ("appendices", a, "items"), appendix_items(plan, appendix)
    if plan.decision is not None:
        for d, article in enumerate(plan.decision.articles):
            yield ("decision", "articles", d, "items"), article_items(plan, article)


def every_list(loc: Loc, items: list[Numbered]) -> Iterator[tuple[Loc, list[Numbered]]]:
    """``items`` and every list of children below them, each with its plan path."""
    yield loc, items
    for node in items:
        if node.children:
            yield from every_list((*loc, node.index, "items"), node.children)
