"""The structure of a Quy định or Quy chế that a decision issues: Chương, Mục, Điều.

"Chương I" stands on its own line with the chapter's name centred under it; "Mục 1. TÊN MỤC" and
"Điều 1. Tên điều" open their paragraph. They become labels of the outline (the chapter with its
name as one heading), so that Chương → section, Mục → item, Điều → item below it, with khoản "1."
and điểm "a)" under them, each label kept as written.
"""

from __future__ import annotations

import re

from .blocks import Para
from .emphasis import drop_chars

CHAPTER = re.compile(r"^Chương\s+(?:[IVXLC]+|\d+)\s*\.?$")
CHAPTER_NAMED = re.compile(r"^(?P<label>Chương\s+(?:[IVXLC]+|\d+))\s*[.:–-]\s*(?P<rest>\S.*)$")  # "Chương I. TÊN"
PART = re.compile(r"^(?P<label>Mục\s+(?:\d+|[IVXLC]+))\s*[.:]?\s+(?P<rest>\S.*)$")
ARTICLE = re.compile(r"^(?P<label>Điều\s+\d+)\s*[.:]\s*(?P<rest>.*)$")
KINDS = {"Chương": ("chapter",), "Mục": ("part",), "Điều": ("article",)}


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def is_legal_label(text: str) -> bool:
    text = _clean(text)
    return bool(CHAPTER.match(text) or CHAPTER_NAMED.match(text) or PART.match(text) or ARTICLE.match(text))


def has_structure(blocks: list) -> bool:
    """Whether the body is divided into Chương (or at least Điều) as a Quy định is."""
    texts = [_clean(b.text) for b in blocks if isinstance(b, Para) and not b.label]
    return any(CHAPTER.match(t) or CHAPTER_NAMED.match(t) for t in texts) \
        or sum(1 for t in texts if ARTICLE.match(t)) >= 2


def label_structure(blocks: list) -> list:
    """``blocks`` with Chương/Mục/Điều turned into paragraph labels (a chapter's name, on the line
    under "Chương I", joins it as its heading)."""
    out: list = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not isinstance(block, Para) or block.label:
            out.append(block)
            continue
        text = _clean(block.text)
        if CHAPTER.match(text):
            label = text.rstrip(".").strip()
            name = next((j for j in range(index, len(blocks)) if not isinstance(blocks[j], Para)
                         or _clean(blocks[j].text)), None)
            heading = blocks[name] if name is not None and isinstance(blocks[name], Para) else None
            if heading is not None and not is_legal_label(heading.text) and _clean(heading.text).isupper():
                out.append(Para(list(heading.runs), label=label, align=heading.align, style=heading.style))
                index = name + 1
            else:
                out.append(Para([], label=label, align=block.align, style=block.style))
            continue
        named = CHAPTER_NAMED.match(text)
        if named:
            skip = len(text) - len(named.group("rest"))
            out.append(Para(drop_chars(block.runs, skip), label=_clean(named.group("label")), align=block.align,
                            style=block.style))
            continue
        match = PART.match(text) or ARTICLE.match(text)
        if match:
            label = _clean(match.group("label")) + "."
            skip = len(text) - len(match.group("rest"))
            out.append(Para(drop_chars(block.runs, skip) if match.group("rest") else [], label=label,
                            align=block.align, style=block.style))
            continue
        out.append(block)
    return out


def kind_of(label: str) -> tuple | None:
    """("chapter",), ("part",) or ("article",) for a label this module made."""
    return KINDS.get(label.split(" ", 1)[0]) if " " in label else None
