"""The body of a plan: labelled paragraphs become sections and items, by the labels' kinds.

A stack of open entries follows the labels: a label of a kind already open closes everything below
that entry and becomes its sibling; a new kind opens a level below. Unlabelled paragraphs are the
text of the open entry, or (after its sub-items) an unlabelled item where they stand, so that the
rebuilt document keeps their place. Labels that the composer would compute are dropped; the others
stay as literal ``label`` (a repeated "IV.", "-" items directly under a section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common import vn
from ..common.diagnostics import Code
from ..model.style import deeper, label_for
from . import labels, schemes, tables
from .blocks import Para, Table
from .emphasis import STYLE, drop_chars, flags_of, label_flags, marked, para_marked
from .notes import about, said

ROLES = [  # heading keywords -> role, first match wins
    ("MỤC ĐÍCH", "purpose"), ("QUAN ĐIỂM", "viewpoints"), ("TÌNH HÌNH", "situation"),
    ("KẾT QUẢ THỰC HIỆN", "situation"), ("MỤC TIÊU", "goals"), ("CHỈ TIÊU", "goals"), ("ĐỐI TƯỢNG", "scope"),
    ("PHẠM VI", "scope"), ("NHIỆM VỤ", "solutions"), ("GIẢI PHÁP", "solutions"), ("KINH PHÍ", "budget"),
    ("KHEN THƯỞNG", "rewards"), ("TỔ CHỨC THỰC HIỆN", "assignments"), ("PHÂN CÔNG", "assignments"),
    ("BÁO CÁO", "reporting"), ("NỘI DUNG", "content"),
]
_CLOSING_START = re.compile(r"^(Trên đây là|Trong quá trình (triển khai )?thực hiện|Yêu cầu các|Đề nghị các)")


def role_of(heading: str) -> str | None:
    """The role whose keyword comes first in the heading ("CHỈ TIÊU, NHIỆM VỤ" → goals)."""
    key = heading.upper()
    if len(key) > 300:
        return None
    found = [(key.find(word), index, role) for index, (word, role) in enumerate(ROLES) if word in key]
    return min(found)[2] if found else None


@dataclass
class Node:
    kind: tuple
    label: str = ""
    para: Para | None = None
    head: str = ""  # text after the label
    texts: list[Para] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def unlabelled(self) -> bool:
        return self.kind == ("text",)


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def build_tree(blocks: list) -> tuple[Node, list[tuple[Node, str]]]:
    root = Node(("root",))
    stack = [root]
    notes: list[tuple[Node, str]] = []
    for position, block in enumerate(blocks):
        if isinstance(block, Table):
            _attach_table(stack, block, notes)
            continue
        label, rest = (block.label, block.text) if block.label else labels.split_label(block.text)
        text = _clean(block.text)
        if not label and (block.style == "KH Closing" or _CLOSING_START.match(text)):
            del stack[2:]  # the plan's closing: after the last section's items, not inside them
        elif not label and block.italic and text.startswith("(") and text.endswith(")") \
                and _section_ends(blocks, position + 1):
            del stack[2:]  # "(Chi tiết … tại Phụ lục kèm theo)": the section's closing line
        if not label:
            holder = Node(("text",))
            holder.texts.append(block)
            _attach_text(stack[-1], holder)
            continue
        kind = labels.kind_of(label)
        index = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].kind == kind), None)
        if index is not None:
            del stack[index:]
        elif kind in (("roman",), ("upper",), ("chapter",)):
            del stack[1:]
        elif kind[0] == "dec":
            while len(stack) > 1 and stack[-1].kind[0] == "dec" and stack[-1].kind[1] >= kind[1]:
                stack.pop()
        node = Node(kind, label, block, rest)
        stack[-1].children.append(node)
        stack.append(node)
    return root, notes


def _section_ends(blocks: list, start: int) -> bool:
    """Whether the next labelled paragraph from ``start`` opens a section (or none follows): an
    italic "(Chi tiết …)" note before it closes the section, not the item it follows."""
    for block in blocks[start:]:
        if not isinstance(block, Para):
            continue
        label = block.label or labels.split_label(block.text)[0]
        if label:
            return labels.kind_of(label) in (("roman",), ("upper",), ("chapter",))
    return True


def _attach_table(stack: list[Node], table: Table, notes: list[tuple[Node, str]]) -> None:
    """A table in the body belongs to the item it stands in (``tables:`` of the item, printed after
    its text); under a section, or after an item's sub-items, it is an unlabelled item of its own
    where it stands. Before the first section (the preamble has no tables) its rows stay text."""
    parent = stack[-1]
    if len(stack) == 1:
        holder = Node(("text",))
        holder.tables.append(table)
        _attach_text(parent, holder)
        notes.append((parent, about(said("KH521", "bảng trước mục đầu tiên: phần mở đầu không chứa bảng, các dòng được ghi "
                                 "thành đoạn văn", "a table before the first section: the preamble holds no "
                                 "table, its rows are kept as paragraphs"), table)))
        return
    if len(stack) > 2 and not parent.children:
        parent.tables.append(table)
        return
    last = parent.children[-1] if parent.children else None
    if last is not None and last.unlabelled:
        last.tables.append(table)  # after the paragraphs (or the table) of an unlabelled item
        return
    holder = Node(("text",))
    holder.tables.append(table)
    parent.children.append(holder)


def _attach_text(parent: Node, holder: Node) -> None:
    if not parent.children and not parent.tables:
        parent.texts.extend(holder.texts)
        parent.tables.extend(holder.tables)
        return
    if not parent.children:  # text after the item's own table: a paragraph of its own after it
        parent.children.append(holder)
        return
    last = parent.children[-1]
    if last.unlabelled and not holder.tables and not last.tables:
        last.texts.extend(holder.texts)
    else:
        parent.children.append(holder)


def table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = [" ".join(c.text.split()) for c in row if c.merge != "continue"]
        cells = [c for c in cells if c]
        if cells:
            lines.append(" | ".join(cells))
    return lines


def para_texts(node: Node, base: tuple[bool, bool] = (False, False), lines: bool = False) -> list[str]:
    """The node's paragraphs; with ``lines`` its tables too, a row a line (where no table can stand)."""
    texts = [para_marked(p, base) for p in node.texts if _clean(p.full_text)]
    for table in node.tables if lines else []:
        texts += table_lines(table)
    return texts


def _tables(node: Node, path: tuple, notes: list[tuple[tuple, str]]) -> list[dict]:
    out = []
    for table in node.tables:
        problems: list[str] = []
        out.append(tables.convert(table, problems))
        notes += [(path + ("tables", len(out) - 1), about(problem, table)) for problem in problems]
    return out


class Converter:
    """Tree → schema dicts; ``notes`` collects (path, message)."""

    def __init__(self) -> None:
        self.notes: list[tuple[tuple, str]] = []
        self.pending: list[tuple[Node, str]] = []  # (node, message) from build_tree

    def sections(self, root: Node) -> tuple[list[dict], list[str], list[str]]:
        """(sections, closing paragraphs, paragraphs before the first section)."""
        before: list[str] = para_texts(root, lines=True)
        self._note_node(root, ("preamble",))
        top = list(root.children)
        while top and top[0].unlabelled:
            before += para_texts(top.pop(0), lines=True)
        sections: list[dict] = []
        count = 0
        for node in top:
            if node.unlabelled:  # text between sections: the previous section's closing
                if sections:
                    sections[-1].setdefault("closing", []).extend(para_texts(node, lines=True))
                continue
            path = ("sections", len(sections))
            section: dict = {}
            expected = f"{vn.roman(count + 1)}."
            if node.kind == ("roman",) and node.label == expected:
                count += 1
            else:
                section["label"] = node.label
                if node.kind == ("roman",):
                    self.notes.append((path + ("label",), about(said(
                        "KH522", "số mục khác thứ tự (ghi nguyên văn)",
                        "the section number breaks the sequence (kept as written)"), node.para)))
            heading = _clean(node.head)
            role = role_of(heading)
            if role:
                section["role"] = role
            head_runs = _head_runs(node)
            flags = flags_of(head_runs) or (False, False)
            section["heading"] = marked(head_runs, flags) if heading else "…"
            if flags != (True, False):
                section["heading_style"] = STYLE[flags]
            if heading and heading != vn.upper(heading):  # printed in lower case: keep it so
                section["heading_case"] = "as-written"
            patterns = schemes.derive(node)
            if patterns:
                section["numbering"] = schemes.name_of(patterns)
            text = para_texts(node)
            if text:
                section["text"] = text
            children = list(node.children)
            trailing: list[Node] = []
            while children and children[-1].unlabelled and not children[-1].tables:
                trailing.insert(0, children.pop())
            items = self.items(children, 1, patterns or schemes.STANDARD, "", path + ("items",))
            if role == "assignments":
                items = [_assignment(item) for item in items]
            if items:
                section["items"] = items
            italic = bool(trailing) and all(p.italic for n in trailing for p in n.texts) \
                and not any(n.tables for n in trailing)
            closing = [t for n in trailing for t in para_texts(n, (False, italic))]
            if closing:
                section["closing"] = closing
                if italic:
                    section["closing_italic"] = True
            self._note_node(node, path)
            sections.append(section)
        closing: list[str] = []
        if sections and sections[-1].get("closing"):
            last = sections[-1]
            texts = last["closing"]
            start = next((i for i, t in enumerate(texts) if _CLOSING_START.match(t)), 0)
            closing, last["closing"] = texts[start:], texts[:start]
            if not last["closing"]:
                del last["closing"]
                last.pop("closing_italic", None)
        return sections, closing, before

    def _note_node(self, node: Node, path: tuple) -> None:
        for n, message in self.pending:
            if n is node:
                self.notes.append((path, message))

    def items(self, nodes: list[Node], level: int, patterns: list[str], parent_number: str, path: tuple) -> list:
        out: list = []
        count = 0
        for node in nodes:
            item_path = path + (len(out),)
            item: dict = {}
            if node.unlabelled:
                item["label"] = ""
                texts = para_texts(node)
                if texts or not node.tables:
                    item["text"] = texts
                if node.tables:
                    item["tables"] = _tables(node, item_path, self.notes)
                self._note_node(node, item_path)
                out.append(item)
                continue
            expected = label_for(patterns[0], count, parent_number)
            label = node.label
            if label == expected:
                count += 1
            else:
                item["label"] = label
            para = node.para
            head = _clean(node.head)
            runs = _head_runs(node)
            flags = flags_of(runs)
            texts = para_texts(node)
            lead = _lead(runs)
            text_style = "plain"
            if head and flags and flags != (False, False) and (flags[0] or (
                    label not in schemes.BULLETS and _heading_like(head))):
                item["heading"] = marked(runs, flags)
                text_style = item["heading_style"] = STYLE[flags]
            elif head and lead and _clean(lead[0]) != head and lead[0].strip().endswith((":", ".")):
                lead_runs = runs[:len(runs) - len(lead[1])]
                lead_flags = flags_of(lead_runs) or (True, False)
                item["heading"] = marked(lead_runs, lead_flags)
                item["run_in"] = True
                text_style = item["heading_style"] = STYLE[lead_flags]
                texts.insert(0, marked(lead[1]))
            elif head:
                texts.insert(0, marked(runs))
            if para is not None and not para.label:
                own = label_flags(para.runs, len(label))
                if own is not None and STYLE[own] != text_style:
                    item["label_style"] = STYLE[own]
            if texts:
                item["text"] = texts
            if node.tables:
                item["tables"] = _tables(node, item_path, self.notes)
            number = vn.decimal_number(label)
            children_patterns = deeper(patterns)
            own_patterns = schemes.derive(node, children_patterns)
            if own_patterns:
                item["numbering"] = schemes.name_of(own_patterns)
                children_patterns = own_patterns
            children = self.items(node.children, level + 1, children_patterns, number, item_path + ("items",))
            if children:
                item["items"] = children
            self._note_node(node, item_path)
            if list(item) == ["text"] and len(item["text"]) == 1:
                out.append(item["text"][0])
            else:
                out.append(item)
        return out


def _head_runs(node: Node) -> list:
    """The runs of a labelled paragraph after its label."""
    para = node.para
    if para is None:
        return []
    if para.label:
        return list(para.runs)
    return drop_chars(para.runs, len(node.label))


def _lead(runs: list) -> tuple[str, list] | None:
    """(the bold text that opens ``runs``, the runs after it) for a run-in heading."""
    lead: list[str] = []
    for index, run in enumerate(runs):
        if run.bold or not run.text.strip():
            lead.append(run.text)
            continue
        if not "".join(lead).strip():
            return None
        return "".join(lead), runs[index:]
    return None


def _heading_like(text: str) -> bool:
    """An italic paragraph that reads as a sub-heading rather than an italic sentence."""
    return len(text) <= 200 and not text.endswith((";", ","))


def _assignment(item):
    """In TỔ CHỨC THỰC HIỆN an item's heading names the body it assigns ("Đề nghị …" when the issuer
    does not command it): ``body`` (+ ``request``) prints the same heading and tells the lint rules."""
    if not isinstance(item, dict) or not item.get("heading") or item.get("run_in"):
        return item
    heading = item["heading"]
    out = {}
    for key, value in item.items():
        if key == "heading":
            if heading.startswith("Đề nghị ") and len(heading) > 8:
                out["body"] = heading[len("Đề nghị "):]
                out["request"] = True
            else:
                out["body"] = heading
        else:
            out[key] = value
    return out


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH522", "info", "Số mục khác thứ tự", "Section number out of sequence",
         "Số mục không theo I, II, III…: được ghi nguyên văn trong 'label'. Ghi trong tệp YAML là '# kiểm tra "
         "(KH522): …' ngay trên mục liên quan.",
         "The section number does not follow I, II, III…: kept as written in 'label'. Written in the YAML as '# "
         "kiểm tra (KH522): …' right above the entry."),
)
