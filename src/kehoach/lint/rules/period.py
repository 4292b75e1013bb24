"""KH12x: numbers that must agree with the plan itself — the period and the budget."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.vn import money
from ...model import BudgetLine
from ...source.loader import Loc
from .registry import Context, Finding, rule, walk_items

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@rule("KH120", "outside-period", Severity.warning, "period",
      ("năm mục tiêu hoặc thời hạn nằm ngoài giai đoạn", "a target year or deadline outside the plan period"))
def outside_period(ctx: Context) -> Iterator[Finding]:
    """Target years (``milestones`` keys) and task deadlines fall inside the plan's period.

    The period runs from ``period.start`` to ``period.outlook`` (or ``period.end`` without one). A
    deadline counts by its date, or by the years written in its text ("Quý IV/2026"). A warning: a
    plan for 2026 may rightly set its final report for "tháng 01/2027".

    Tiếng Việt:

        Năm của chỉ tiêu (khóa `milestones`) và thời hạn nhiệm vụ nằm trong giai đoạn của kế hoạch.

        Giai đoạn tính từ `period.start` đến `period.outlook` (hoặc `period.end` nếu không có). Thời
        hạn được tính theo ngày, hoặc theo năm ghi trong lời văn ("Quý IV/2026"). Là cảnh báo: kế
        hoạch năm 2026 có thể đặt báo cáo tổng kết vào "tháng 01/2027".

    Passes:

        period: {start: 2021, end: 2025, outlook: 2030}
        sections:
          - role: goals
            items:
              - {indicator: Tỷ lệ xã có mô hình, milestones: {2025: 50%, 2030: 80%}}

    Fails:

        period: {start: 2021, end: 2025}
        sections:
          - role: solutions
            lead: Sở Tư pháp
            items:
              - {text: Tổ chức hội nghị., deadline: Quý IV/2026}
    """
    period = ctx.plan.period
    if period is None:
        return
    first, last = period.start, period.outlook or period.end

    def outside(year: int) -> bool:
        return not first <= year <= last

    message = (lambda year: tr("năm {y} nằm ngoài giai đoạn {a}–{b} của kế hoạch",
                               "year {y} is outside the plan period {a}–{b}", y=year, a=first, b=last))
    containers: list[tuple[Loc, list]] = [(("sections", s, "items"), sec.items)
                                          for s, sec in enumerate(ctx.plan.sections)]
    containers += [(("appendices", a, "items"), app.items) for a, app in enumerate(ctx.plan.appendices)]
    for base, items in containers:
        for loc, item in walk_items(items, base):
            for year in item.milestones:
                if outside(year):
                    yield Finding((*loc, "milestones", year), message(year))
            several = isinstance(item.deadline, list)
            for d, deadline in enumerate(item.deadlines):
                where = (*loc, "deadline", d) if several else (*loc, "deadline")
                if isinstance(deadline, dt.date):
                    if outside(deadline.year):
                        yield Finding(where, message(deadline.year))
                else:
                    for year in sorted({int(y) for y in _YEAR.findall(deadline)}):
                        if outside(year):
                            yield Finding(where, message(year))


def _line_total(line: BudgetLine) -> int | None:
    """A line's amount, or the sum of its sub-lines when it states none."""
    if line.amount is not None:
        return line.amount
    parts = [_line_total(sub) for sub in line.lines]
    return sum(p for p in parts if p is not None) if parts and all(p is not None for p in parts) else None


@rule("KH121", "budget-total", Severity.warning, "budget",
      ("dự toán kinh phí không khớp tổng", "budget lines do not add up"))
def budget_total(ctx: Context) -> Iterator[Finding]:
    """Budget lines add up to the stated total, and sub-lines to their parent line's amount. A
    warning: which figure is wrong (a line or the total) is for a person to judge.

    Tiếng Việt:

        Các dòng dự toán cộng lại bằng tổng đã nêu, và các dòng con bằng số tiền của dòng cha. Là cảnh
        báo: số nào sai (một dòng hay tổng) do người soạn xét.

    Passes:

        sections:
          - role: budget
            heading: KINH PHÍ
            budget:
              total: 30000000
              lines:
                - {name: Hội nghị, amount: 20000000}
                - {name: Tài liệu, amount: 10000000}

    Fails:

        sections:
          - role: budget
            heading: KINH PHÍ
            budget:
              total: 35000000
              lines:
                - {name: Hội nghị, amount: 20000000}
                - {name: Tài liệu, amount: 10000000}
    """
    for s, section in enumerate(ctx.plan.sections):
        budget = section.budget
        if budget is None:
            continue
        here = ("sections", s, "budget")

        def check_lines(lines: list[BudgetLine], loc: Loc) -> Iterator[Finding]:
            for i, line in enumerate(lines):
                if line.amount is not None and line.lines:
                    parts = [_line_total(sub) for sub in line.lines]
                    if all(p is not None for p in parts) and sum(parts) != line.amount:  # type: ignore[arg-type]
                        yield Finding((*loc, i, "amount"), tr(
                            "các khoản con của '{n}' cộng lại {s} {c}, khác {a} {c}",
                            "the sub-lines of '{n}' add up to {s} {c}, not {a} {c}",
                            n=line.name, s=money(sum(parts)), a=money(line.amount), c=budget.currency))  # type: ignore[arg-type]
                yield from check_lines(line.lines, (*loc, i, "lines"))

        yield from check_lines(budget.lines, (*here, "lines"))
        if budget.total is not None and budget.lines:
            parts = [_line_total(line) for line in budget.lines]
            if all(p is not None for p in parts) and sum(parts) != budget.total:  # type: ignore[arg-type]
                yield Finding((*here, "total"), tr(
                    "các khoản dự toán cộng lại {s} {c}, khác tổng ghi {t} {c}",
                    "the budget lines add up to {s} {c}, not the stated total {t} {c}",
                    s=money(sum(parts)), t=money(budget.total), c=budget.currency))  # type: ignore[arg-type]
