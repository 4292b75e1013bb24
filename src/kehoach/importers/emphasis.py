"""Bold and italic runs → the plan's inline markup (``**đậm**``, ``*nghiêng*``, model/markup.py).

``marked`` writes the runs of a paragraph as the text an author would type: emphasis that the
place already gives (a bold heading, italic bases) is left out, the rest is marked, literal ``*``
and ``\\`` are escaped. Whitespace at the edge of an emphasised run moves outside its markers (a
marker must touch its text). The result is parsed back with the model's own parser: when the
markup cannot say it (a bold run glued to an italic one: "**a***b*" reads as one "***"), the
text is written without emphasis rather than wrongly.
"""

from __future__ import annotations

import re

from collections.abc import Iterable

from ..model import markup
from .blocks import Para, Run

Flags = tuple[bool, bool]  # (bold, italic)


def _chars(runs: Iterable[Run], base: Flags) -> tuple[str, list[Flags]]:
    text: list[str] = []
    flags: list[Flags] = []
    for run in runs:
        piece = run.text.replace("\t", " ").replace("\n", " ")
        own = (run.bold and not base[0], run.italic and not base[1])
        text.append(piece)
        flags.extend([own] * len(piece))
    joined = "".join(text)
    # Whitespace takes only the emphasis both its neighbours share: markers touch their words.
    n = len(joined)
    for i, char in enumerate(joined):
        if not char.isspace():
            continue
        left = next((flags[j] for j in range(i - 1, -1, -1) if not joined[j].isspace()), (False, False))
        right = next((flags[j] for j in range(i + 1, n) if not joined[j].isspace()), (False, False))
        flags[i] = (left[0] and right[0], left[1] and right[1])
    return joined, flags


def _extent(flags: list[Flags], start: int, which: int) -> int:
    end = start
    while end < len(flags) and flags[end][which]:
        end += 1
    return end - start


def _emit(text: str, flags: list[Flags]) -> str:
    out: list[str] = []
    stack: list[str] = []  # open markers, outermost first: "**" (bold) or "*" (italic)
    i = 0
    while i < len(text):
        bold, italic = flags[i]
        want = {"**": bold, "*": italic}
        # close what ends here (and anything opened inside it)
        while stack and not all(want[m] for m in stack):
            out.append(stack.pop())
        # open the emphasis that lasts longer first (outermost): "***a**;*" closes bold and keeps
        # italic, where "***a*****;*" would be ambiguous
        opening = [m for m in ("**", "*") if want[m] and m not in stack]
        for marker in sorted(opening, key=lambda m: -_extent(flags, i, 0 if m == "**" else 1)):
            stack.append(marker)
            out.append(marker)
        j = i
        while j < len(text) and flags[j] == flags[i]:
            j += 1
        out.append(markup.escape(text[i:j]))
        i = j
    while stack:
        out.append(stack.pop())
    return "".join(out)


def _same(marked: str, text: str, flags: list[Flags]) -> bool:
    spans = markup.spans(marked)
    if "".join(s.text for s in spans) != text:
        return False
    position = 0
    for span in spans:
        for offset, char in enumerate(span.text):
            if not char.isspace() and flags[position + offset] != (span.bold, span.italic):
                return False
        position += len(span.text)
    return True


def marked(runs: Iterable[Run], base: Flags = (False, False)) -> str:
    """The runs' text with the emphasis ``base`` does not give written as inline markup; spaces
    collapsed as the importer's other texts are."""
    text, flags = _chars(runs, base)
    # Collapse runs of whitespace (and trim) keeping each kept character's flags.
    kept_text: list[str] = []
    kept_flags: list[Flags] = []
    for char, flag in zip(text, flags):
        if char.isspace():
            if not kept_text or kept_text[-1] == " ":
                continue
            char = " "
        kept_text.append(char)
        kept_flags.append(flag)
    while kept_text and kept_text[-1] == " ":
        kept_text.pop()
        kept_flags.pop()
    text, flags, held = _hold_marks("".join(kept_text), kept_flags)
    if not any(b or i for b, i in flags):
        return _release_marks(markup.escape(text), held)
    out = _emit(text, flags)
    return _release_marks(out if _same(out, text, flags) else markup.escape(text), held)


# The readers write a footnote reference as "[^n]" and a literal "[^" as "\\[^" into the run text
# already: each is held as one private-use character while the rest is escaped and marked up.
_MARK = re.compile(r"\\\[\^|\[\^[^\s\[\]^]+\]")
_HELD = 0xF0000  # Supplementary Private Use Area-A: not in a plan's text


def _hold_marks(text: str, flags: list[Flags]) -> tuple[str, list[Flags], list[str]]:
    held: list[str] = []
    out: list[str] = []
    out_flags: list[Flags] = []
    last = 0
    for match in _MARK.finditer(text):
        out.append(text[last:match.start()])
        out_flags += flags[last:match.start()]
        out.append(chr(_HELD + len(held)))
        out_flags.append(flags[match.start()])
        held.append(match.group(0))
        last = match.end()
    out.append(text[last:])
    out_flags += flags[last:]
    return "".join(out), out_flags, held


def _release_marks(text: str, held: list[str]) -> str:
    if not held:
        return text
    return "".join(held[ord(c) - _HELD] if _HELD <= ord(c) < _HELD + len(held) else c for c in text)


def drop_chars(runs: list[Run], count: int) -> list[Run]:
    """``runs`` without their first ``count`` characters after leading whitespace (a label)."""
    out: list[Run] = []
    skipping = True
    left = count
    for run in runs:
        text = run.text
        if skipping:
            stripped = text.lstrip() if left == count else text
            if left == count and not stripped:
                continue
            text = stripped
            taken = min(left, len(text))
            text = text[taken:]
            left -= taken
            if left > 0:
                continue
            skipping = False
            text = text.lstrip()
            if not text:
                continue
        out.append(Run(text, run.bold, run.italic))
    return out


def label_flags(runs: list[Run], count: int) -> Flags | None:
    """(bold, italic) of the first ``count`` visible characters (a typed label), or None if mixed."""
    seen: set[Flags] = set()
    left = count
    for run in runs:
        visible = run.text.lstrip() if left == count else run.text
        if not visible:
            continue
        taken = min(left, len(visible))
        if visible[:taken].strip():
            seen.add((run.bold, run.italic))
        left -= taken
        if left <= 0:
            break
    return seen.pop() if len(seen) == 1 else None


def flags_of(runs: Iterable[Run]) -> Flags | None:
    """The one emphasis of every visible run, or None when it is mixed."""
    seen = {(run.bold, run.italic) for run in runs if run.text.strip()}
    return seen.pop() if len(seen) == 1 else None


STYLE = {(True, False): "bold", (False, True): "italic", (True, True): "bold-italic", (False, False): "plain"}


def para_marked(para: Para, base: Flags = (False, False)) -> str:
    """A whole paragraph (its automatic label in front, upright) as marked text."""
    text = marked(para.runs, base)
    return f"{para.label} {text}".strip() if para.label else text


def _headed(entries, level: int):
    """(level, item) for every item with a heading under ``entries``."""
    for entry in entries:
        for item in (entry.get("items", []) if isinstance(entry, dict) else []):
            if isinstance(item, dict):
                if item.get("heading") is not None or item.get("body"):
                    yield level, item
                yield from _headed([item], level + 1)


def plan_styles(sections: list[dict]) -> dict:
    """``styles.headings`` for the levels whose headings are mostly set otherwise than kehoach's
    default (bold sections and khoản, upright below); each item then keeps a ``heading_style`` only
    where it differs from its level's. Returns the ``styles`` mapping (empty when the defaults do)."""
    headings: dict[int, str] = {}
    section_styles = [s.get("heading_style", "bold") for s in sections]
    if len(section_styles) >= 2 and section_styles.count(max(set(section_styles), key=section_styles.count)) \
            > len(section_styles) // 2 and max(set(section_styles), key=section_styles.count) != "bold":
        headings[0] = max(set(section_styles), key=section_styles.count)
    by_level: dict[int, list[str]] = {}
    for level, item in _headed(sections, 1):
        if not item.get("run_in"):
            by_level.setdefault(level, []).append(item.get("heading_style", "plain"))
    for level, found in by_level.items():
        best = max(set(found), key=found.count)
        default = "bold" if level == 1 else "plain"
        if best != default and len(found) >= 2 and found.count(best) * 2 > len(found):
            headings[level] = best
    for section in sections:
        if section.get("heading_style", "bold") == headings.get(0, "bold"):
            section.pop("heading_style", None)
        elif "heading_style" not in section:
            section["heading_style"] = "bold"
    for level, item in _headed(sections, 1):
        style = item.pop("heading_style", "plain")
        default = headings.get(level) or ("bold" if item.get("run_in") or level == 1 else "plain")
        if style != default:
            _insert_after(item, "heading_style", style,
                          "run_in" if item.get("run_in") else "heading" if "heading" in item else "body")
        if item.get("label_style") == style:
            item.pop("label_style")
    return {"headings": headings} if headings else {}


def _insert_after(mapping: dict, key: str, value, after: str) -> None:
    """Set ``key`` right after ``after`` (the examples' key order: heading, heading_style)."""
    items = list(mapping.items())
    mapping.clear()
    for k, v in items:
        mapping[k] = v
        if k == after:
            mapping[key] = value
    mapping.setdefault(key, value)
