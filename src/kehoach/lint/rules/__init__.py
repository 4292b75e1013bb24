"""The lint rules, one family per module; importing a module registers its rules (``registry``).

``FAMILIES`` is the explicit list of rule families (as yamllint's ``rules/__init__.py``), in the
order they are imported (a family that uses another's helpers imports it first); a new family
is its module plus its name here.
"""

from __future__ import annotations

FAMILIES = (
    "profile", "period", "number", "dates", "signature", "recipients", "labels", "letterhead", "text",
    "agencies", "citations", "starter", "wording", "lists", "references", "spelling", "words", "official_names",
    "two_tier", "markup", "footnotes", "duties", "printed",
)


def register_all() -> None:
    """Import every family, registering its rules in ``registry.RULES``."""
    from . import (  # noqa: F401  (static imports: tests/architecture sees the edges)
        agencies,
        citations,
        dates,
        duties,
        footnotes,
        labels,
        letterhead,
        lists,
        markup,
        number,
        official_names,
        period,
        printed,
        profile,
        recipients,
        references,
        signature,
        spelling,
        starter,
        text,
        two_tier,
        wording,
        words,
    )
