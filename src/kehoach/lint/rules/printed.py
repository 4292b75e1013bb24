"""KH228: what a plan holds that no output prints (the project's first rule: nothing lost).

Most text prints where it is written; a few fields print only in a form the plan chose, and this
rule names the ones the chosen form leaves out, so that nothing disappears without a word.
tests/writers/test_nothing_lost.py walks every text of many plans against the .txt and accepts an
unprinted text only when it is by design or this rule reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import Plan, Section
from ...model.tasks import TASK_COLUMNS, TASK_LINES
from ...model.walk import Loc, form_of, tasks_of, walk_items
from .registry import Context, Finding, rule


TASK_FIELDS = ("lead", "partners", "deadline", "product", "owner")


def _inline_lines(plan: Plan, section: Section) -> tuple[str, ...]:
    """The task lines a section prints under its inline tasks (``task_labels.lines``, the section's
    over the plan's; none with ``generated.task_lines: false``), read without building a model: a
    cold check compiles no validator it needs not."""
    if plan.generated is not None and not plan.generated.task_lines:
        return ()
    for labels in (section.task_labels, plan.task_labels):
        if labels is not None and (labels is plan.task_labels or "lines" in labels.model_fields_set):
            return tuple(labels.lines)
    return TASK_LINES


def unprinted(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """(loc, field) of what no output prints: a tabled task's tables and reporting rules (a table
    row holds neither); a task's lead, partners, deadline, product or owner when neither the task
    table's columns (``task_table.show``) nor its inline lines (``task_labels.lines``) print it and
    its heading and text do not say it; and the ``owner`` of an item that is neither a task nor a
    target (a target's sentence prints it)."""
    columns = tuple(plan.task_table.show) if plan.task_table else TASK_COLUMNS
    forms = {task.loc: form_of(plan.sections[task.section]) for task in tasks_of(plan)}
    for s, section in enumerate(plan.sections):
        lines = _inline_lines(plan, section)
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            form = forms.get(loc)
            if form == "table":
                for key in ("tables", "reporting"):
                    if getattr(item, key):
                        yield (*loc, key), key
            said = " ".join([item.heading or "", *item.text]).casefold()
            for key in TASK_FIELDS:
                values = [str(v) for v in item.deadlines] if key == "deadline" else getattr(item, key)
                values = [values] if isinstance(values, str) else list(values or [])
                if not values or all(v.casefold() in said for v in values):
                    continue
                in_table = form in ("table", "both") and key in columns
                in_lines = form in ("inline", "both") and key in lines
                if key == "owner":  # a target's owner is one of its figures: its sentence prints it
                    in_lines = item.is_target
                if not (in_table or in_lines):
                    yield (*loc, key), key


_WHY = {
    "tables": ("bảng của nhiệm vụ không được in: nhiệm vụ của mục `tasks: table` chỉ là một dòng của bảng "
               "Danh mục nhiệm vụ, dòng ấy không chứa được bảng; chuyển bảng sang một khoản không phải "
               "nhiệm vụ, hoặc ghi `tasks: both` để in nhiệm vụ cả trong mục",
               "the task's tables are not printed: a task of a `tasks: table` section is only a row of the "
               "task table, which cannot hold a table; move the tables to an item that is not a task, or "
               "write `tasks: both` to print the tasks in the section too"),
    "reporting": ("chế độ báo cáo của nhiệm vụ không được in: nhiệm vụ của mục `tasks: table` chỉ là một dòng "
                  "của bảng Danh mục nhiệm vụ; chuyển sang mục chế độ báo cáo, hoặc ghi `tasks: both`",
                  "the task's reporting rules are not printed: a task of a `tasks: table` section is only a "
                  "row of the task table; move them to the reporting section, or write `tasks: both`"),
    "field": ("`{key}` của nhiệm vụ không được in: bảng Danh mục nhiệm vụ không có cột ấy (`task_table.show`) "
              "và dưới nhiệm vụ không in dòng ấy (`task_labels.lines`, `generated.task_lines`); thêm cột hoặc "
              "dòng, hoặc viết vào đoạn văn",
              "the task's `{key}` is not printed: the task table has no such column (`task_table.show`) and no "
              "such line is printed under the task (`task_labels.lines`, `generated.task_lines`); add the "
              "column or the line, or write it in the text"),
    "owner": ("cơ quan theo dõi (`owner`) không được in: chỉ in trong câu của một chỉ tiêu, hoặc ở cột theo "
              "dõi của bảng Danh mục nhiệm vụ (`task_table.show` có `owner`); ghi vào đoạn văn nếu cần in",
              "the owner (`owner`) is not printed: only a target's sentence or the task table's owner column "
              "(`task_table.show` naming `owner`) prints it; write it in the text if it must be printed"),
}


@rule("KH228", "unprinted", Severity.warning, "kehoach: nothing lost",
      ("nội dung có trong kế hoạch nhưng không được in ở đâu", "text the plan holds that nothing prints"))
def unprinted_text(ctx: Context) -> Iterator[Finding]:
    """Something the plan holds that no output prints: the tables or reporting rules of a task whose
    section prints its tasks only in the task table (``tasks: table``; a row of that table holds
    neither); a task's lead, partners, deadline, product or owner that its heading and text do not
    say, when the task table has no such column (``task_table.show``) and no such line is printed
    under the task (``task_labels.lines``, ``generated.task_lines``); or the ``owner`` of an item
    that is neither a task nor a target (a target's sentence prints it). The build drops them; move
    them where they print, or say them in the text.

    Tiếng Việt:

        Nội dung có trong kế hoạch nhưng không bản in nào có: bảng hoặc chế độ báo cáo của một nhiệm vụ
        thuộc mục chỉ in nhiệm vụ trong bảng Danh mục nhiệm vụ (`tasks: table`; một dòng của bảng không
        chứa được chúng); cơ quan chủ trì, phối hợp, thời hạn, sản phẩm hay cơ quan theo dõi của một nhiệm
        vụ mà tiêu đề và đoạn văn không nêu, khi bảng không có cột ấy (`task_table.show`) và dưới nhiệm vụ
        không in dòng ấy (`task_labels.lines`, `generated.task_lines`); hoặc cơ quan theo dõi (`owner`)
        của một khoản không phải nhiệm vụ cũng không phải chỉ tiêu (câu của chỉ tiêu có in cơ quan theo
        dõi). Bản dựng bỏ chúng đi; hãy chuyển chúng tới chỗ được in, hoặc viết vào đoạn văn.

    Passes:

        sections:
          - heading: NỘI DUNG
            tasks: both
            items:
              - text: Tổ chức hội nghị.
                lead: Sở Tư pháp
                reporting:
                  - text: Báo cáo kết quả trước ngày 15/12 hằng năm.

    Fails:

        sections:
          - heading: NỘI DUNG
            tasks: table
            items:
              - text: Tổ chức hội nghị.
                lead: Sở Tư pháp
                reporting:
                  - text: Báo cáo kết quả trước ngày 15/12 hằng năm.
    """
    for loc, key in unprinted(ctx.plan):
        why = _WHY.get(key, _WHY["field"])
        yield Finding(loc, tr(*why, key=key))
