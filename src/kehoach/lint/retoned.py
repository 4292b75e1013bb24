"""A valid syllable typed with another tone ("phố biến" for "phổ biến"): no syllable rule can see it,
and it makes no word with its neighbours as typed. KH307 asks here once such a syllable is tied to
neither neighbour, not even met beside one in running text (``rules/words.py``); the word list's
pairs and counts are ``lint/lexicon.py``'s."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import TONES, lexicon, split_key
from .unmarked import FREQUENT


@lru_cache(maxsize=65536)
def _retoned(word: str) -> tuple[str, ...]:
    """The attested syllables of ``word``'s letters with another tone (a few hundred words judged on a
    plan, each in several places: looked up once)."""
    lex = lexicon()
    letters, tone = split_key(word)
    return tuple(meant for key in ("", *TONES.values()) if key != tone and (meant := lex.spell(letters, key))
                 and meant != word)


def other_tone(before: str | None, prev: str | None, word: str, nxt: str | None, after: str | None) -> str | None:
    """The syllable ``word`` (a valid one, tied to neither neighbour, not even met beside one in
    running text) was meant as with another tone, when that makes a common word with a neighbour —
    of the list and met in running text — and the neighbour is no half of a word of the list on its
    other side: "tuyên truyền, phố biến chủ trương" → "phổ biến" ("biến chủ" is only met in running
    text), "các cơ quán đại diện" → "quan" ("đại diện" is a word: "đại" is not judged). The more
    written of several."""
    retoned = _retoned(word)
    if not retoned:
        return None
    lex = lexicon()
    if lex.counts.get(word, 0) == 0 and prev and nxt:
        # A syllable never met in running text, for a function word met beside both its neighbours
        # ("thực hiện cạc nhiệm vụ" → "các", "giám sát cúa nhân dân" → "của"): function words make few
        # words of the list. (One neighbour is too little: "(sổ quy tắc)" is no "số quy".)
        found = [(lex.counts[m], m) for m in retoned if m in lex.function and lex.counts.get(m, 0) >= FREQUENT
                 and lex.seen(prev, m) and lex.seen(m, nxt)]
        if found:
            return max(found)[1]
    if word in lex.function:
        return None  # a function word is tied to no neighbour by nature ("mỗi năm tại mỗi trường")
    left = prev if prev and prev not in lex.function and not lex.pair(before, prev) else None
    right = nxt if nxt and nxt not in lex.function and not lex.pair(nxt, after) else None
    if left is None and right is None:
        return None
    found = [(lex.counts.get(m, 0), m) for m in retoned if lex.common_pair(left, m) or lex.common_pair(m, right)]
    return max(found)[1] if found else None
