"""Word's automatic numbering (numbering.xml): the label a reader sees in front of a paragraph.

Each ``w:num`` points at an abstract definition whose levels give a start value, a format (decimal,
upperRoman, lowerLetter, bullet …) and a pattern ("%1.", "%1.%2.", "%1)"). Counters run per list
instance; a paragraph at a level counts up that level and restarts the deeper ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common import vn

_BULLETS = {"-": "-", "–": "-", "−": "-", "+": "+"}
MAX_START = 32_767  # Word's own bound on a list's start value
MAX_LEVEL = 8  # levels 0..8 (w:ilvl)
MAX_COLUMNS = 63  # Word's widest table


def bounded_int(text: str | None, low: int, high: int) -> int:
    """An integer attribute clamped to [low, high]; ValueError (→ a "corrupt file" KH503) when it is
    not a number at all. Clamping keeps a hostile start value or span from costing memory or time."""
    text = (text or "").strip()
    if not text or len(text) > 20 or not text.lstrip("+-").isascii() or not text.lstrip("+-").isdigit():
        raise ValueError(f"not a number: {text[:20]!r}")
    return min(max(int(text), low), high)


def level_of(text: str | None) -> int:
    return bounded_int(text, 0, MAX_LEVEL)


@dataclass
class _Level:
    start: int
    fmt: str
    text: str


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return vn.roman(value)
    if fmt == "lowerRoman":
        return vn.roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word counts a..z (no đ), unlike vn.letter's điểm letters: the label is what Word shows.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class Numbering:
    def __init__(self, root, ns: str) -> None:
        self.ns = ns
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        q = self.q
        for abstract in root.iter(q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(q("lvl")):
                levels[level_of(lvl.get(q("ilvl"), "0"))] = _Level(
                    bounded_int(self._val(lvl, "start", "1"), 0, MAX_START), self._val(lvl, "numFmt", "decimal"),
                    self._val(lvl, "lvlText", ""))
            self.abstract[abstract.get(q("abstractNumId"), "")] = levels
        for num in root.iter(q("num")):
            ref = num.find(q("abstractNumId"))
            overrides = {}
            for override in num.iter(q("lvlOverride")):
                start = override.find(q("startOverride"))
                if start is not None:
                    overrides[level_of(override.get(q("ilvl"), "0"))] = bounded_int(start.get(q("val"), "1"), 0, MAX_START)
            self.nums[num.get(q("numId"), "")] = (ref.get(q("val"), "") if ref is not None else "", overrides)

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}"

    def _val(self, el, tag: str, default: str) -> str:
        child = el.find(self.q(tag))
        return child.get(self.q("val"), default) if child is not None else default

    def label(self, num_id: str, ilvl: int) -> str:
        """The visible label of the next paragraph of list ``num_id`` at level ``ilvl``."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _BULLETS.get(level.text.strip(), "-")
        text = level.text
        for index in range(ilvl, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                sub = levels.get(index)
                value = counters.get(index, (overrides.get(index, sub.start) if sub else 1))
                text = text.replace(placeholder, _format(value, sub.fmt if sub else "decimal"))
        return text.strip()
