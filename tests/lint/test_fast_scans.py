"""The fast scans of the word rules find what the plain patterns find: ``fold_tones`` (tried only
where a group-less pattern stops) against ``_NEW_PAIR.sub`` over the whole text, and KH308's
candidate-driven scan against one flat pattern with a branch per lost word (its form before)."""

from __future__ import annotations

import random
import re

from kehoach.lint.rules import official_names, text
from kehoach.lint.rules.text import fold_tones


def _plain_fold(value: str) -> str:
    def swap(match: re.Match[str]) -> str:
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if match.start() and match.string[match.start() - 1] in "qQ":
            return match.group(0)
        base, tone = text._tone_of(second)
        return text._TONED[first][tone] + base

    return text._NEW_PAIR.sub(swap, value)


def test_fold_tones_folds_as_the_plain_substitution() -> None:
    letters = "oOuUqQaeyAEYàáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴhnt ,\0ĐđòóùúÒ×\u0301"
    rng = random.Random(23)
    folded = 0
    for _ in range(30000):
        value = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
        assert fold_tones(value) == _plain_fold(value), value
        folded += fold_tones(value) != value
    assert folded > 300  # the strings do hold new-style pairs ("hoà", "thuỷ"), and "quý" stays
    assert fold_tones("hoà thuỷ quý") == "hòa thủy quý"


def _flat_near_misses() -> tuple[re.Pattern[str], list[str]]:
    branches, names = [], []
    for name in official_names.NEAR_MISS_NAMES:
        words = fold_tones(name.lower()).split()
        for drop in range(1, len(words)):
            short = r"\s+".join(map(re.escape, words[:drop] + words[drop + 1:]))
            after = rf"(?=\s+{official_names._LEVELS})" if drop == len(words) - 1 else r"(?!\w)"
            branches.append(f"({short}{after})")
            names.append(name)
    return re.compile(r"(?<!\w)(?:" + "|".join(branches) + ")"), names


def _fast_scan(folded: str) -> list[tuple[tuple[int, int], str]]:
    starts, pattern, names = official_names._near_misses()
    out, done = [], 0
    for candidate in starts.finditer(folded):
        match = pattern.match(folded, candidate.start()) if candidate.start() >= done else None
        if match:
            out.append((match.span(), names[match.lastindex - 1]))
            done = match.end()
    return out


def test_kh308_scan_finds_what_a_branch_per_lost_word_finds() -> None:
    flat, flat_names = _flat_near_misses()
    names = [fold_tones(n.lower()).split() for n in official_names.NEAR_MISS_NAMES]
    levels = ["tỉnh", "huyện", "xã", "thị trấn", "thành phố", "các", "cấp", "dân", "tỉnhx", "2"]
    gaps = [" ", " ", " ", "  ", "\n", ", ", "-", "\0", "_"]
    rng = random.Random(308)
    found = 0
    for _ in range(20000):
        parts = []
        for _ in range(rng.randint(1, 3)):
            words = list(rng.choice(names))
            for _ in range(rng.randint(0, 2)):
                if len(words) > 2:
                    del words[rng.randint(1, len(words) - 1)]
            words += rng.choice(levels).split() if rng.random() < 0.6 else []
            parts += [w + rng.choice(gaps) for w in words]
        folded = "".join(parts)
        expected = [(m.span(), flat_names[m.lastindex - 1]) for m in flat.finditer(folded)]
        assert _fast_scan(folded) == expected, folded
        found += len(expected)
    assert found > 1000  # near-misses of every kind were made
