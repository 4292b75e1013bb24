"""Word-for-word comparison of two texts: the share of words that match in order."""

from __future__ import annotations

import difflib
import re

_DROP = re.compile(r"^[-=|*_]+$")


def words(text: str) -> list[str]:
    """The words of ``text``: table pipes, rules and markdown emphasis left out."""
    text = text.replace("**", " ").replace("*", "").replace("|", " ")
    return [w for w in text.split() if not _DROP.match(w)]


def match_ratio(expected: str, actual: str) -> tuple[float, int, int, int]:
    """(ratio, matched, expected words, actual words): matched words in order over the longer text."""
    a, b = words(expected), words(actual)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(a), len(b), 1), matched, len(a), len(b)


def differences(expected: str, actual: str, limit: int = 20) -> list[str]:
    a, b = words(expected), words(actual)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(f"{tag}: {' '.join(a[i1:i2])!r} -> {' '.join(b[j1:j2])!r}")
    return out[:limit]
