"""KH1xx structure and profile rules: what the superior agency's guidance asks of the plan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import Role
from .registry import Context, Finding, reporting_rules, rule, walk_items

# "trước ngày 25 tháng 11", "trước ngày 20/11" in a text that speaks of a report.
_DAY_MONTH = re.compile(r"ngày\s+(\d{1,2})(?:\s+tháng\s+|/)(\d{1,2})(?!\d)", re.I)


@rule("KH100", "unknown-profile", Severity.error, "profile",
      ("hồ sơ hướng dẫn không tồn tại", "unknown profile"))
def unknown_profile(ctx: Context) -> Iterator[Finding]:
    """The profile a plan names must exist: a shipped name (``ldte-2021``, ``ke-hoach``) or a path.

    Tiếng Việt:

        Hồ sơ hướng dẫn mà kế hoạch ghi ở `profile:` phải có thật: một tên có sẵn (ldte-2021, ke-hoach)
        hoặc đường dẫn tới tệp hồ sơ.

    Passes:

        profile: ke-hoach

    Fails:

        profile: ldte-2012
    """
    if ctx.profile_error:
        from ..profiles import available

        yield Finding(("profile",), tr(
            "không có hồ sơ hướng dẫn `{p}` (có: {known})", "no profile `{p}` (known: {known})",
            p=ctx.profile_error, known=", ".join(available())))


def _role_names(roles: tuple[Role, ...]) -> str:
    return " | ".join(r.value for r in roles)


@rule("KH110", "required-section", Severity.error, "profile.sections",
      ("thiếu mục hồ sơ yêu cầu", "a section the profile requires is missing"), needs_profile=True)
def required_section(ctx: Context) -> Iterator[Finding]:
    """Every section role the profile requires is present (``role:`` on a section).

    Tiếng Việt:

        Kế hoạch có đủ các mục mà hồ sơ hướng dẫn yêu cầu (ghi `role:` cho mục).

    Passes:

        profile: ke-hoach
        sections:
          - role: purpose
            items: [Nâng cao nhận thức.]
          - role: content
            items: [Tổ chức hội nghị.]
          - role: assignments
            items: [{body: Sở Tư pháp, text: Chủ trì.}]

    Fails:

        profile: ke-hoach
        sections:
          - role: purpose
            items: [Nâng cao nhận thức.]
          - role: assignments
            items: [{body: Sở Tư pháp, text: Chủ trì.}]
    """
    roles = [s.role for s in ctx.plan.sections]
    for required in ctx.profile.required_roles():
        if not any(r in required for r in roles):
            yield Finding(("sections",), tr(
                "hồ sơ {p} yêu cầu mục có vai trò `{r}`", "profile {p} requires a section with role `{r}`",
                p=ctx.profile.name, r=_role_names(required)))


@rule("KH111", "section-order", Severity.error, "profile.sections",
      ("các mục không theo thứ tự hồ sơ yêu cầu", "sections out of the profile's order"), needs_profile=True)
def section_order(ctx: Context) -> Iterator[Finding]:
    """Required sections come in the profile's order.

    Tiếng Việt:

        Các mục bắt buộc đứng theo đúng thứ tự của hồ sơ hướng dẫn.

    Passes:

        profile: ke-hoach
        sections:
          - role: purpose
            items: [Nâng cao nhận thức.]
          - role: solutions
            items: [Tổ chức hội nghị.]
          - role: assignments
            items: [{body: Sở Tư pháp, text: Chủ trì.}]

    Fails:

        profile: ke-hoach
        sections:
          - role: purpose
            items: [Nâng cao nhận thức.]
          - role: assignments
            items: [{body: Sở Tư pháp, text: Chủ trì.}]
          - role: solutions
            items: [Tổ chức hội nghị.]
    """
    previous = -1
    required_before: tuple[Role, ...] = ()
    for required in ctx.profile.required_roles():
        index = next((i for i, s in enumerate(ctx.plan.sections) if s.role in required), None)
        if index is None:
            continue
        if index < previous:
            yield Finding(("sections", index), tr(
                "mục `{r}` phải đứng sau mục `{b}` (hồ sơ {p})", "section `{r}` must come after `{b}` (profile {p})",
                r=_role_names(required), b=_role_names(required_before), p=ctx.profile.name))
        else:
            previous, required_before = index, required


@rule("KH112", "uncovered-group", Severity.error, "profile.groups",
      ("nhóm giải pháp chưa có nhiệm vụ", "a required solution group has no task"), needs_profile=True)
def uncovered_group(ctx: Context) -> Iterator[Finding]:
    """Each solution group of the profile is covered by at least one task (``covers:`` on an item).

    Tiếng Việt:

        Mỗi nhóm giải pháp của hồ sơ có ít nhất một nhiệm vụ thực hiện (ghi `covers:` ở khoản).

    Passes:

        profile: ldte-2021
        sections:
          - role: solutions
            items:
              - text: Rà soát chính sách; truyền thông; tập huấn; can thiệp; mô hình; lồng ghép.
                covers: [policy, communication, capacity, intervention, models, integration]

    Fails:

        profile: ldte-2021
        sections:
          - role: solutions
            items:
              - text: Rà soát chính sách.
                covers: [policy]
    """
    covered = set().union(*(t.covers for t in ctx.tasks)) if ctx.tasks else set()
    where = next((("sections", i) for i, s in enumerate(ctx.plan.sections) if s.role is Role.solutions),
                 ("sections",))
    for group in ctx.profile.groups:
        if group.id not in covered:
            yield Finding(where, tr(
                "nhóm giải pháp `{id}` ({t}) chưa có nhiệm vụ nào thực hiện (ghi `covers: [{id}]` ở nhiệm vụ)",
                "solution group `{id}` ({t}) is covered by no task (write `covers: [{id}]` on a task)",
                id=group.id, t=group.title))


@rule("KH113", "unknown-group", Severity.error, "profile.groups",
      ("mã nhóm giải pháp không có trong hồ sơ", "a solution group id the profile does not define"),
      needs_profile=True)
def unknown_group(ctx: Context) -> Iterator[Finding]:
    """``covers:`` names only groups the profile defines.

    Tiếng Việt:

        `covers:` chỉ ghi những nhóm giải pháp mà hồ sơ có.

    Passes:

        profile: ldte-2021
        sections:
          - role: solutions
            items:
              - {text: Rà soát chính sách., covers: [policy]}

    Fails:

        profile: ldte-2021
        sections:
          - role: solutions
            items:
              - {text: Rà soát chính sách., covers: [polcy]}
    """
    known = set(ctx.profile.group_ids)
    if not known:
        return  # a profile without groups (ke-hoach) leaves `covers` free
    for s, section in enumerate(ctx.plan.sections):
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            for c, group in enumerate(item.covers):
                if group not in known:
                    yield Finding((*loc, "covers", c), tr(
                        "hồ sơ {p} không có nhóm giải pháp `{g}` (có: {known})",
                        "profile {p} has no solution group `{g}` (known: {known})",
                        p=ctx.profile.name, g=group, known=", ".join(sorted(known))))


@rule("KH114", "focal-agency", Severity.error, "profile.focal_required",
      ("chưa giao cơ quan đầu mối", "no focal agency named"), needs_profile=True)
def focal_agency(ctx: Context) -> Iterator[Finding]:
    """When the profile requires it, one assignment names the focal agency (``focal: true``).

    Tiếng Việt:

        Khi hồ sơ yêu cầu, phần phân công phải nêu cơ quan đầu mối (`focal: true`).

    Passes:

        profile: ldte-2021
        sections:
          - role: assignments
            items:
              - {body: Sở Lao động - Thương binh và Xã hội, focal: true, text: Là cơ quan đầu mối.}

    Fails:

        profile: ldte-2021
        sections:
          - role: assignments
            items:
              - {body: Sở Lao động - Thương binh và Xã hội, text: Chủ trì thực hiện.}
    """
    if not ctx.profile.focal_required:
        return
    for s, section in enumerate(ctx.plan.sections):
        if any(item.focal for _, item in walk_items(section.items, ("sections", s, "items"))):
            return
    where = next((("sections", i) for i, s in enumerate(ctx.plan.sections) if s.role is Role.assignments),
                 ("sections",))
    yield Finding(where, tr(
        "hồ sơ {p} yêu cầu giao một cơ quan đầu mối: ghi `focal: true` ở phần phân công của cơ quan đó",
        "profile {p} requires a focal agency: write `focal: true` on that body's assignment",
        p=ctx.profile.name))


@rule("KH115", "task-lead", Severity.error, "profile.lead_required",
      ("nhiệm vụ chưa có cơ quan chủ trì", "a task has no lead agency"), needs_profile=True)
def task_lead(ctx: Context) -> Iterator[Finding]:
    """Under a profile (a superior agency's guidance), every task has a lead agency (``lead:``),
    its own or its parent's or its section's: the guidance requires it, so its absence is an error.
    Without a profile the same task is KH410's warning.

    A task is an item with partners, a deadline or a product; under a profile that requires a lead
    for each task (``ldte-2021``) every leaf item of a solutions section is a task too.

    Tiếng Việt:

        Khi có hồ sơ hướng dẫn của cơ quan cấp trên, mỗi nhiệm vụ có cơ quan chủ trì (`lead:`), của
        chính nó, của khoản cha hoặc của mục: hướng dẫn yêu cầu, nên thiếu là lỗi. Không có hồ sơ
        thì cùng nhiệm vụ đó là cảnh báo KH410.

        Nhiệm vụ là khoản có cơ quan phối hợp, thời hạn hoặc sản phẩm; với hồ sơ yêu cầu chủ trì cho
        từng nhiệm vụ (ldte-2021), mọi khoản lá của mục giải pháp cũng là nhiệm vụ.

    Passes:

        profile: ldte-2021
        sections:
          - role: solutions
            lead: Sở Tư pháp
            items:
              - {text: Tổ chức hội nghị., deadline: Quý II/2024}

    Fails:

        profile: ldte-2021
        sections:
          - role: solutions
            items:
              - {text: Tổ chức hội nghị., deadline: Quý II/2024}
    """
    every_leaf = bool(ctx.profile and ctx.profile.lead_required)
    for task in ctx.tasks:
        if task.lead:
            continue
        if not (task.item.partners or task.item.deadline or task.item.product) and not every_leaf:
            continue
        yield Finding(task.loc, tr(
            "nhiệm vụ chưa có cơ quan chủ trì: ghi `lead:` ở nhiệm vụ, ở khoản cha hoặc ở mục",
            "task has no lead agency: write `lead:` on the task, its parent item or its section"))


@rule("KH116", "report-deadline", Severity.error, "profile.report",
      ("thiếu hạn báo cáo hồ sơ yêu cầu", "the reporting deadline the profile requires is missing"),
      needs_profile=True)
def report_deadline(ctx: Context) -> Iterator[Finding]:
    """The plan sets the annual report deadline the profile asks for (ldte-2021: before 25 November).

    Either a ``reporting:`` rule with ``frequency: annual`` due on or before that day, or a text
    about a report that states such a day in that month ("trước ngày 25 tháng 11", "ngày 20/11").

    Tiếng Việt:

        Kế hoạch nêu hạn báo cáo hằng năm mà hồ sơ yêu cầu (ldte-2021: trước ngày 25 tháng 11).

        Hoặc một quy định `reporting:` có `frequency: annual` hạn không muộn hơn ngày đó, hoặc một câu
        về báo cáo ghi ngày trong tháng đó ("trước ngày 25 tháng 11", "ngày 20/11").

    Passes:

        profile: ldte-2021
        sections:
          - role: assignments
            items: [{body: Sở Lao động - Thương binh và Xã hội, focal: true, text: Tổng hợp.}]
            reporting:
              - {frequency: annual, reporter: Sở Tư pháp, due_day: 20, due_month: 11}

    Fails:

        profile: ldte-2021
        sections:
          - role: assignments
            items: [{body: Sở Lao động - Thương binh và Xã hội, focal: true, text: Tổng hợp.}]
            reporting:
              - {frequency: annual, reporter: Sở Tư pháp, due_day: 15, due_month: 12}
    """
    report = ctx.profile.report
    if report is None:
        return
    due = (report.due_month, report.due_day)
    for _, r, _ in reporting_rules(ctx.plan):  # a section's rules and those inside an agency's duties
        if r.frequency and r.frequency.value == "annual" and any(
                month and (month, day) <= due for day, month in r.due_dates()):
            return
    for _, text in ctx.texts:
        if "báo cáo" in text.lower() and any(int(m) == report.due_month and int(d) <= report.due_day
                                              for d, m in _DAY_MONTH.findall(text)):
            return
    where = next((("sections", i) for i, s in enumerate(ctx.plan.sections)
                  if s.role in (Role.reporting, Role.assignments)), ("sections",))
    yield Finding(where, tr(
        "hồ sơ {p} yêu cầu: {t} (ghi `reporting:` với `frequency: annual`, `due_day: {d}`, `due_month: {m}`)",
        "profile {p} requires: {t} (write `reporting:` with `frequency: annual`, `due_day: {d}`, `due_month: {m}`)",
        p=ctx.profile.name, t=report.text, d=report.due_day, m=report.due_month))


@rule("KH117", "target-years", Severity.warning, "profile.targets",
      ("mục tiêu thiếu năm hồ sơ yêu cầu", "the goals miss a target year the profile requires"),
      needs_profile=True)
def target_years(ctx: Context) -> Iterator[Finding]:
    """The goals state targets for the years the profile asks for (ldte-2021: yearly, 2025, 2030).

    A year counts when it is a ``milestones`` key or written in the goals section's text;
    yearly targets count when the text says "hằng năm"/"hàng năm".

    Tiếng Việt:

        Phần mục tiêu nêu chỉ tiêu cho các năm hồ sơ yêu cầu (ldte-2021: hằng năm, 2025, 2030).

        Một năm được tính khi là khóa của `milestones` hoặc được viết trong lời văn của mục mục tiêu;
        chỉ tiêu hằng năm được tính khi lời văn có "hằng năm"/"hàng năm".

    Passes:

        profile: ldte-2021
        sections:
          - role: goals
            text: Mục tiêu hằng năm giảm tỷ lệ lao động trẻ em.
            items:
              - {indicator: Tỷ lệ xã có mô hình, milestones: {2025: 50%, 2030: 80%}}

    Fails:

        profile: ldte-2021
        sections:
          - role: goals
            items:
              - {indicator: Tỷ lệ xã có mô hình, milestones: {2025: 50%}}
    """
    targets = ctx.profile.targets
    goals = [(i, s) for i, s in enumerate(ctx.plan.sections) if s.role is Role.goals]
    if not goals:
        return  # KH110 reports the missing section
    index = goals[0][0]
    texts = " ".join(t for loc, t in ctx.texts if loc[:2] in {("sections", i) for i, _ in goals})
    years: set[int] = set()
    for i, section in goals:
        for _, item in walk_items(section.items, ("sections", i, "items")):
            years.update(item.milestones)
    years.update(int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", texts))
    if targets.annual and not re.search(r"\b(?:hằng|hàng)\s+năm\b", texts, re.I):
        yield Finding(("sections", index), tr(
            "hồ sơ {p} yêu cầu mục tiêu hằng năm", "profile {p} requires yearly targets", p=ctx.profile.name))
    for year in [*targets.years, *([targets.outlook] if targets.outlook else [])]:
        if year not in years:
            yield Finding(("sections", index), tr(
                "hồ sơ {p} yêu cầu mục tiêu đến năm {y}", "profile {p} requires targets for {y}",
                p=ctx.profile.name, y=year))
