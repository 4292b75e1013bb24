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

from ..i18n import tr
from . import labels
from .blocks import Para, Table

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
    children: list["Node"] = field(default_factory=list)
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
    for block in blocks:
        if isinstance(block, Table):
            holder = Node(("text",))
            holder.tables.append(block)
            _attach_text(stack[-1], holder)
            notes.append((holder, tr("bảng trong thân kế hoạch: lược đồ chưa có bảng ở đây, các dòng được ghi "
                              "thành đoạn văn", "a table in the plan's body: the schema has no table here, its rows "
                              "are kept as paragraphs")))
            continue
        label, rest = (block.label, block.text) if block.label else labels.split_label(block.text)
        text = _clean(block.text)
        if not label and (block.style == "KH Closing" or _CLOSING_START.match(text)):
            del stack[2:]  # the plan's closing: after the last section's items, not inside them
        elif not label and block.italic and text.startswith("(") and text.endswith(")"):
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
        elif kind in (("roman",), ("upper",)):
            del stack[1:]
        elif kind[0] == "dec":
            while len(stack) > 1 and stack[-1].kind[0] == "dec" and stack[-1].kind[1] >= kind[1]:
                stack.pop()
        node = Node(kind, label, block, rest)
        stack[-1].children.append(node)
        stack.append(node)
    return root, notes


def _attach_text(parent: Node, holder: Node) -> None:
    if not parent.children:
        parent.texts.extend(holder.texts)
        parent.tables.extend(holder.tables)
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


def para_texts(node: Node) -> list[str]:
    texts = [_clean(p.full_text) for p in node.texts if _clean(p.full_text)]
    for table in node.tables:
        texts += table_lines(table)
    return texts


class Converter:
    """Tree → schema dicts; ``notes`` collects (path, message)."""

    def __init__(self) -> None:
        self.notes: list[tuple[tuple, str]] = []
        self.pending: list[tuple[Node, str]] = []  # (node, message) from build_tree

    def sections(self, root: Node) -> tuple[list[dict], list[str], list[str]]:
        """(sections, closing paragraphs, paragraphs before the first section)."""
        before: list[str] = para_texts(root)
        self._note_node(root, ("preamble",))
        top = list(root.children)
        while top and top[0].unlabelled:
            before += para_texts(top.pop(0))
        sections: list[dict] = []
        count = 0
        for node in top:
            if node.unlabelled:  # text between sections: the previous section's closing
                if sections:
                    sections[-1].setdefault("closing", []).extend(para_texts(node))
                continue
            path = ("sections", len(sections))
            section: dict = {}
            expected = f"{_roman(count + 1)}."
            if node.kind == ("roman",) and node.label == expected:
                count += 1
            else:
                section["label"] = node.label
                if node.kind == ("roman",):
                    self.notes.append((path + ("label",), tr("số mục khác thứ tự (ghi nguyên văn)", "the section number breaks the sequence (kept as written)")))
            heading = _clean(node.head)
            role = role_of(heading)
            if role:
                section["role"] = role
            section["heading"] = heading or "…"
            scheme = _scheme(node)
            if scheme != "standard":
                section["numbering"] = scheme
            text = para_texts(node)
            if text:
                section["text"] = text
            children = list(node.children)
            trailing: list[Node] = []
            while children and children[-1].unlabelled:
                trailing.insert(0, children.pop())
            items = self.items(children, 1, scheme, "", path + ("items",))
            if role == "assignments":
                items = [_assignment(item) for item in items]
            if items:
                section["items"] = items
            closing = [t for n in trailing for t in para_texts(n)]
            if closing:
                section["closing"] = closing
                if all(p.italic for n in trailing for p in n.texts) and not any(n.tables for n in trailing):
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

    def items(self, nodes: list[Node], level: int, scheme: str, parent_number: str, path: tuple) -> list:
        out: list = []
        count = 0
        for node in nodes:
            item_path = path + (len(out),)
            item: dict = {}
            if node.unlabelled:
                item["label"] = ""
                texts = para_texts(node)
                item["text"] = texts
                self._note_node(node, item_path)
                out.append(item)
                continue
            expected = labels.computed_label(scheme, level, count, parent_number)
            label = node.label
            if label == expected:
                count += 1
            else:
                item["label"] = label
            para = node.para
            head = _clean(node.head)
            lead = _clean(para.lead_bold()) if para is not None else ""
            if para is not None and para.label == "" and lead.startswith(label):
                lead = lead[len(label):].strip()
            texts = para_texts(node)
            if head and para is not None and para.bold:
                item["heading"] = head
            elif head and lead and lead != head and head.startswith(lead) and lead.endswith((":", ".")):
                item["heading"] = lead
                item["run_in"] = True
                texts.insert(0, head[len(lead):].strip())
            elif head:
                texts.insert(0, head)
            if texts:
                item["text"] = texts
            number = labels.number_of(label) if label == expected or scheme != "standard" else ""
            children = self.items(node.children, level + 1, scheme, number, item_path + ("items",))
            if children:
                item["items"] = children
            self._note_node(node, item_path)
            if list(item) == ["text"] and len(item["text"]) == 1:
                out.append(item["text"][0])
            else:
                out.append(item)
        return out


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


def _roman(number: int) -> str:
    from .. import vn
    return vn.roman(number)


def _scheme(node: Node) -> str:
    depth = 0
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.kind[0] == "dec":
            depth = max(depth, child.kind[1])
        stack.extend(child.children)
    return "decimal" if depth >= 3 else "decimal-2" if depth == 2 else "standard"
