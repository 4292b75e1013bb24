"""The fast scans of the word rules find what the plain patterns find: ``fold_tones`` and
``unfold_tones`` (one group-less pattern, the pairs told in Python) against a substitution with the
pairs' groups over the whole text, ``tone_words`` against a pattern per style, and KH308's
candidate-driven scan against one flat pattern with a branch per lost word (its form before)."""

from __future__ import annotations

import random
import re

from kehoach.lint import syllables
from kehoach.lint.lexicon import lexicon
from kehoach.lint.rules import official_names, text
from kehoach.lint.rules.text import fold_tones, tone_words, unfold_tones

# The plain patterns: a pair of each style with its groups, not followed by a letter.
_NEW_PAIR = re.compile(r"(?:([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?![A-Za-zÀ-ỹĐđ])")
_OLD_PAIR = re.compile(r"(?:([òóỏõọÒÓỎÕỌ])([aeAE])|([ùúủũụÙÚỦŨỤ])([yY]))(?![A-Za-zÀ-ỹĐđ])")
LETTERS = "oOuUqQaeyAEYàáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴòóỏõọÒÓỎÕỌùúủũụÙÚỦŨỤhnt ,\0Đđ×\u0301"


def _plain_fold(value: str, unfold: bool = False) -> str:
    def swap(match: re.Match[str]) -> str:
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if match.start() and match.string[match.start() - 1] in "qQ":
            return match.group(0)
        if unfold:
            base, tone = text._tone_of(first)
            return base + text._TONED[second][tone]
        base, tone = text._tone_of(second)
        return text._TONED[first][tone] + base

    return (_OLD_PAIR if unfold else _NEW_PAIR).sub(swap, value)


def _plain_words(pair: re.Pattern[str], value: str) -> list[tuple[int, str]]:
    found = []
    for match in pair.finditer(value):
        start = match.start()
        if start and value[start - 1] in "qQ":
            continue
        while start > 0 and value[start - 1].isalpha():
            start -= 1
        found.append((start, value[start: match.end()]))
    return found


def test_fold_tones_folds_as_the_plain_substitution() -> None:
    rng = random.Random(23)
    folded = unfolded = 0
    for _ in range(30000):
        value = "".join(rng.choice(LETTERS) for _ in range(rng.randint(0, 12)))
        assert fold_tones(value) == _plain_fold(value), value
        assert unfold_tones(value) == _plain_fold(value, unfold=True), value
        assert tone_words(value) == (_plain_words(_OLD_PAIR, value), _plain_words(_NEW_PAIR, value)), value
        folded += fold_tones(value) != value
        unfolded += unfold_tones(value) != value
    assert folded > 300 and unfolded > 300  # the strings do hold pairs of both styles, and "quý" stays
    assert fold_tones("hoà thuỷ quý") == "hòa thủy quý"
    assert unfold_tones("hòa thủy quý") == "hoà thuỷ quý"


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


def _plain_is_syllable(word: str) -> bool:
    """``syllables.is_syllable`` as first written: Unicode decomposition, every onset tried in turn."""
    bare, tone, marks = syllables._split_tone_decomposed(word.lower())
    if marks > 1 or not bare or not set(bare) <= syllables.LETTERS:
        return False
    for onset in syllables.ONSETS:
        if bare.startswith(onset):
            rhyme = bare[len(onset):]
            if rhyme and syllables._fits(onset, rhyme, tone):
                return True
            if onset == "gi" and not rhyme:
                return syllables._fits("g", "i", tone)
    return False


def test_syllables_split_as_unicode_decomposition_splits_them() -> None:
    """``split_tone`` by translation tables and ``is_syllable`` by the onsets a word begins with answer
    as decomposition and a walk over every onset do: on the word list, and on random strings of
    Vietnamese letters (capitals, letters Vietnamese lacks, two tones, stray marks among them)."""
    words = list(lexicon().syllables)
    rng = random.Random(306)
    letters = "aàáảãạăằắẳẵặâấbcdđeèéêếghiíklmnoóôốơớpqrstuúưứvxyýfjwzNGHÀ\u0301\u0323"
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(0, 8))) for _ in range(40000)]
    syllables.is_syllable.cache_clear()
    passed = 0
    for word in words:
        lowered = word.lower()
        assert syllables.split_tone(lowered) == syllables._split_tone_decomposed(lowered), word
        assert syllables.is_syllable(word) == _plain_is_syllable(word), word
        assert syllables.has_vietnamese_marks(word) == any(
            c in syllables.VIETNAMESE_CHARS and not ("a" <= c <= "z") for c in lowered), word
        passed += syllables.is_syllable(word)
    assert passed > len(lexicon().syllables) // 2 + 1000  # random strings are syllables too, not only the list's
    syllables.is_syllable.cache_clear()


def test_the_foreign_letters_class_in_ranges_holds_the_same_letters() -> None:
    """KH305's class of letters Vietnamese never writes, written as ranges (cheaper to compile), is
    the class of those letters one by one, over every character up to U+1FFF."""
    from kehoach.lint.rules import spelling

    plain = re.compile(f"[{re.escape(spelling._FOREIGN_LETTERS)}]")
    found = [c for c in map(chr, range(0x2000)) if spelling._FOREIGN_LETTER.match(c)]
    assert found == [c for c in map(chr, range(0x2000)) if plain.match(c)]
    assert len(found) == len(set(spelling._FOREIGN_LETTERS)) > 300
