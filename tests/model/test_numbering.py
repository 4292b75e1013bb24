"""model/numbering: the one walk of the labels a plan's body prints (compose prints by it, lint's
KH210/KH212/KH219 judge it); every list as printed, with the plan path of each item."""

from __future__ import annotations

from kehoach.compose.composer import compose
from kehoach.lint.rules.registry import complete_example
from kehoach.model.numbering import Numbered, every_list, item_lists, numbered, section_labels
from kehoach.source.loader import load_text

PLAN = """\
styles: {numbering: decimal-letter}
sections:
  - role: purpose
    items:
      - Nâng cao nhận thức.
      - heading: Yêu cầu
        items:
          - Đúng tiến độ.
          - {label: "*", text: Ghi chú.}
          - heading: Chất lượng
            items: [Đủ hồ sơ., Đúng hạn.]
  - label: "Phần B"
    role: content
    tasks: table
    items:
      - {heading: Hội nghị, lead: Sở Tư pháp}
      - heading: Kiểm tra
        items: [{heading: Cấp tỉnh, lead: Sở Nội vụ}, {text: Ghi chú., label: ""}]
      - {heading: Sơ kết, text: Một lần., items: [{text: Báo cáo., lead: Văn phòng}]}
  - {role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
"""


def _plan():
    loaded = load_text(complete_example(PLAN), "plan.yaml")
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return loaded.plan


def _flat(nodes: list[Numbered]) -> list[tuple[int, str]]:
    return [(node.index, node.label) for node in nodes]


def test_labels_patterns_and_parent_numbers() -> None:
    plan = _plan()
    lists = dict(item_lists(plan))
    purpose = lists[("sections", 0, "items")]
    assert _flat(purpose) == [(0, "1."), (1, "2.")]
    # "1.1." continues the parent's number; a typed "*" takes none; "a)" under "2.2."
    assert _flat(purpose[1].children) == [(0, "2.1."), (1, "*"), (2, "2.2.")]
    assert _flat(purpose[1].children[2].children) == [(0, "a)"), (1, "b)")]
    assert section_labels(plan) == ["I.", "Phần B", "II."]


def test_a_task_table_sections_tasks_are_left_out_at_every_depth() -> None:
    solutions = dict(item_lists(_plan()))[("sections", 1, "items")]
    # "Hội nghị", "Cấp tỉnh" and "Báo cáo" are tasks (a lead): they print in the task table only;
    # the indexes stay those of the plan's list.
    assert _flat(solutions) == [(1, "1."), (2, "2.")]
    assert _flat(solutions[0].children) == [(1, "")]
    assert solutions[1].children == []


def test_every_list_gives_each_lists_plan_path() -> None:
    paths = [loc for top, nodes in item_lists(_plan()) for loc, _ in every_list(top, nodes)]
    assert ("sections", 0, "items", 1, "items") in paths
    assert ("sections", 0, "items", 1, "items", 2, "items") in paths
    assert ("sections", 1, "items", 1, "items") in paths
    assert ("sections", 1, "items", 2, "items") not in paths  # its only child is a task


def test_compose_prints_the_walks_labels() -> None:
    plan = _plan()
    walked: list[str] = []

    def collect(nodes: list[Numbered]) -> None:
        for node in nodes:
            if node.label:
                walked.append(node.label)
            collect(node.children)

    for _, nodes in item_lists(plan):
        collect(nodes)
    printed = [b.label for b in compose(plan).parts[0].blocks
               if getattr(b, "level", 0) and b.label and getattr(b, "kind", None).name != "body"]
    assert [label for label in printed if label != "-"] == walked


def test_numbered_keeps_what_it_is_told() -> None:
    plan = _plan()
    items = plan.sections[0].items
    kept = numbered(items, ["1."], keep=lambda item: item.heading != "Yêu cầu")
    assert _flat(kept) == [(0, "1.")]
