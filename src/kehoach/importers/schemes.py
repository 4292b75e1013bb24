"""The numbering an original follows, as the schema's schemes and patterns (model/style.py).

Each level's pattern is the form most of its labels take ("1.", "1.1.", "a.", "a)", "-", "+");
a section gets the named scheme that gives the same labels (or the list of patterns), an item whose
children are numbered otherwise than the scheme says gets its own ``numbering``. Only a label that
still differs from what the patterns compute stays literal. The labels are computed by the same
``label_for`` and ``deeper`` (model/style.py) the composer prints with.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.style import BULLETS, PATTERN, SCHEMES, deeper

STANDARD = SCHEMES["standard"]


def pattern_of(label: str) -> str | None:
    """The pattern a label is an instance of ("1.2." → "1.1.", "c)" → "a)", "-" → "-")."""
    if label in BULLETS:
        return label
    match = re.fullmatch(r"(\(?)(\d{1,3}(?:\.\d{1,3})*)([.)]?)", label)
    if match:
        depth = match.group(2).count(".")
        return match.group(1) + ".".join(["1"] * (depth + 1)) + match.group(3)
    match = re.fullmatch(r"(\(?)([a-zđ]|[A-ZĐ]|[IVXLCDM]+|[ivxlcdm]+)([.)]?)", label)
    if match:
        counter = match.group(2)
        if re.fullmatch(r"[IVXLCDM]+", counter) and counter not in ("C", "D", "M", "L"):
            kind = "I"
        elif re.fullmatch(r"[ivx]+", counter) and len(counter) > 1:
            kind = "i"
        else:
            kind = "a" if counter.islower() else "A"
        pattern = match.group(1) + kind + match.group(3)
        return pattern if PATTERN.match(pattern) else None
    return None


def at(patterns: list[str], depth: int) -> str:
    for _ in range(depth):
        patterns = deeper(patterns)
    return patterns[0]


def observed(node, depth: int = 0, found: dict | None = None) -> dict[int, Counter]:
    """Patterns of the labels under ``node``, per depth (0 = its children)."""
    found = {} if found is None else found
    for child in node.children:
        if child.unlabelled:
            continue
        pattern = pattern_of(child.label)
        if pattern:
            found.setdefault(depth, Counter())[pattern] += 1
        observed(child, depth + 1, found)
    return found


def _best(counts: Counter) -> str:
    """The level's pattern: a dotted decimal ("1.1.") when the level has one (an original that
    numbers 1.1., 1.2. means it, though bullets under other khoản may be more), else the most used."""
    dotted = [p for p in counts if "1.1" in p]
    if dotted:
        return max(dotted, key=counts.__getitem__)
    return counts.most_common(1)[0][0]


def derive(node, base: list[str] = STANDARD) -> list[str] | None:
    """The patterns of ``node``'s subtree, or None when ``base`` already gives them."""
    found = observed(node)
    if not found:
        return None
    depths = max(found) + 1
    wanted = [_best(found[d]) if d in found else None for d in range(depths)]

    def fits(patterns: list[str]) -> bool:
        return all(w is None or at(patterns, d) == w for d, w in enumerate(wanted))

    if fits(base):
        return None
    for patterns in SCHEMES.values():
        if fits(patterns):
            return list(patterns)
    out: list[str] = []
    for depth, want in enumerate(wanted):
        out.append(want or (at(out, depth) if out else base[0]))
    while len(out) > 1 and at(out[:-1], len(out) - 1) == out[-1]:
        out.pop()
    return out


def name_of(patterns: list[str]) -> str | list[str]:
    for name, scheme in SCHEMES.items():
        if scheme == patterns:
            return name
    return patterns[0] if len(patterns) == 1 else patterns
