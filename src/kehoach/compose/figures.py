"""Targets' figures and reporting rules' due dates as they read in a sentence.

A figure is its value with its unit ("95%", "1,2 triệu tấn"), after its own indicator when it has
one ("kim ngạch 500 triệu USD") and before its area ("95% tại khu đô thị"); several figures read
"a, b và c". Due dates read "01/6" (the day padded, the month as Decree 30 pads it), several "01/6
và 15/11".
"""

from __future__ import annotations

from .. import model as m
from ..common import vn
from .tasks import and_join
from .text import decimal


def _amount(value: str | float, unit: str | None) -> str:
    if isinstance(value, (int, float)):
        unit = unit or ""
        return decimal(value) + (unit if unit == "%" else f" {unit}" if unit else "")
    return value


def figure_text(figure: str | float | m.Figure, unit: str | None) -> str:
    if not isinstance(figure, m.Figure):
        return _amount(figure, unit)
    text = _amount(figure.value, figure.unit or unit)
    if figure.indicator:
        text = f"{figure.indicator} {text}"
    if figure.area:
        text = f"{text} tại {figure.area}"
    return text


def target_value(value: object, unit: str | None) -> str | None:
    """A milestone's or a yearless target's value as it reads after "đạt"; None when there is none."""
    figures = m.figures_of(value)
    return and_join([figure_text(f, unit) for f in figures]) if figures else None


def due_text(day: int, month: int | None) -> str:
    return f"{vn.pad_day(day)}/{vn.pad_month(month)}" if month else vn.pad_day(day)


def reporting_values(rule: m.ReportingRule, *, within: bool = False) -> dict:
    """The variables of ``reporting.j2`` for ``rule``."""
    dues = and_join([due_text(d.day, d.month) for d in rule.due]) if rule.due else None
    return {"reporter": rule.reporter, "recipient": rule.recipient,
            "frequency": rule.frequency.value if rule.frequency else None,
            "due_day": rule.due_day, "due_month": rule.due_month, "dues": dues, "within": within}
