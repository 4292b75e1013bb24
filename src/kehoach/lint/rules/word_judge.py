"""KH307's judgement of one word between its neighbours (``judge``), of a word in capitals
(``capitals``), and the likeliest word meant (``likely``): what ``rules/words.py`` asks for the few
words of a text that make no known pair with a neighbour. Names are judged only against official
names; the word list is ``lint/lexicon.py``'s.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon import lexicon, split_key, telex_readings
from ..retoned import other_tone
from ..syllables import is_syllable
from ..unmarked import FREQUENT, bare
from .agencies import AGENCY_NAMES
from .text import fold_tones

_WORD = re.compile(r"[^\W\d_]+")
COMMONER = 3  # how much more often a correction must be written than the word typed
RARE = 3  # a word met at most this often in the running text is rarely meant as typed
REPEATED, CONTEXT, TELEX, MARKS, TONE_PLACE, UNKNOWN = "repeated", "context", "telex", "marks", "tone", "unknown"
# Pairs of official names: a capitalised word is judged only against these ("Chỉnh Phủ" → "Chính phủ").
_OFFICIAL_EXTRA = ["Chính phủ", "Thủ tướng", "Quốc hội", "Tỉnh ủy", "Trung ương", "Chủ tịch", "Phó Chủ tịch",
                   "Ban Chấp hành", "Ban Thường vụ", "Nhà nước", "Tổ quốc", "Đảng ủy", "Bộ trưởng", "Giám đốc"]


@lru_cache(maxsize=1)
def official_pairs() -> frozenset[str]:
    out = set()
    for name in AGENCY_NAMES + _OFFICIAL_EXTRA:
        words = [fold_tones(w.lower()) for w in _WORD.findall(name)]
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return frozenset(out)


def _fits(prev: str | None, candidate: str, nxt: str | None, official: bool, running: str = "") -> int:
    """How many neighbours ``candidate`` makes a word with: official pairs only for a name; with
    ``running`` "or", pairs met in running text count too; with "and", only a word of the list also
    met in running text (a common word, not a rare entry of the list)."""
    if official:
        pairs = official_pairs()
        return (f"{prev} {candidate}" in pairs) + (f"{candidate} {nxt}" in pairs)
    lex = lexicon()
    if running == "or":
        return lex.seen(prev, candidate) + lex.seen(candidate, nxt)
    if running == "and":
        return lex.common_pair(prev, candidate) + lex.common_pair(candidate, nxt)
    return lex.pair(prev, candidate) + lex.pair(candidate, nxt)


def _best(word: str, candidates: tuple[str, ...], prev: str | None, nxt: str | None, official: bool,
          fallback: bool = False, running: str = "") -> str | None:
    """The candidate that makes a word with more neighbours; on a tie the one that differs from
    ``word`` only by its tone (the commonest slip: "nối lên" for "nổi lên"), then the more written
    one. With ``fallback`` the best is returned even when no candidate makes a word."""
    if not candidates:
        return None
    counts = lexicon().counts
    letters = split_key(word)[0]
    fits, _, _, best = max((_fits(prev, c, nxt, official, running), split_key(c)[0] == letters,
                            counts.get(c, 0), c) for c in candidates)
    return best if fits or fallback else None


@lru_cache(maxsize=262144)
def judge(before: str | None, prev: str | None, word: str, nxt: str | None, after: str | None,
          name: bool) -> tuple[str, str | None] | None:
    """What is wrong with ``word`` (lower case, old tone placement) between ``prev`` and ``nxt``
    (the same, or None at a punctuation mark; ``before`` and ``after`` one word further): (kind,
    suggestion) or None. ``name``: the word is capitalised inside a run of capitalised words, judged
    only against official names. Cached across plans: an edit re-judges only the words around it."""
    if word in lexicon().syllables:
        return _listed(before, prev, word, nxt, after, name)
    return _unlisted(prev, word, nxt, name)


def _listed(before: str | None, prev: str | None, word: str, nxt: str | None, after: str | None,
            name: bool) -> tuple[str, str | None] | None:
    """``judge`` for a word of the list: repeated, a misplaced or Telex spelling the list holds too,
    a word without its marks, or a valid syllable that breaks the word around it."""
    lex = lexicon()
    # A word doubled on purpose is a word of the list met in running text ("dần dần", "từ từ", "người người")
    # or a rare one ("chôm chôm"); "số số", "của của" are typos.
    if prev == word and not name:
        doubled = lex.common_pair(word, word) or (lex.pair(word, word) and lex.counts.get(word, 0) <= FREQUENT)
        if not doubled and not (lex.pair(before, prev) and lex.pair(word, nxt)):  # "hành vi vi phạm"
            return REPEATED, word
    if not word.isascii() and lex.counts.get(word, 0) <= RARE:
        # A misplaced spelling the list holds too ("cuả"): the syllable it is written for.
        placed = lex.spell(*split_key(word))
        if placed and placed != word and lex.counts.get(placed, 0) >= FREQUENT:
            return TONE_PLACE, placed
    if word.isascii() and not name and lex.counts.get(word, 0) <= RARE:
        # A rare word of the list that is Telex for a common one ("cos" → "có", "coong" → "công").
        for typed in telex_readings(word):
            meant = lex.spell(*typed)
            if meant and meant != word and lex.counts.get(meant, 0) >= FREQUENT:
                return TELEX, meant
    if prev is None and nxt is None and word.isascii() and not name:
        # Alone between punctuation ("các sở, nganh, tổ chức"): only a word never met in running text.
        best = bare(word, tuple(c for c in lex.spelt_as(word) if c != word), None, None, (False, False))
        return (MARKS, best) if best else None
    if (prev is None and nxt is None) or lex.pair(prev, word) or lex.pair(word, nxt):
        return None
    if word in lex.function and word.isascii():
        # A bare function word ("do", "qua") heads what follows it: only the word before tells that it was
        # meant with marks ("kết qua" → "quả"; "giá do Sở" stays).
        nxt = after = None
    # (Met beside a neighbour in running text is weaker evidence: a word without its marks may still be
    # meant as the marked one that makes a word of the list, "Xây dung cơ sở".)
    met = lex.seen(prev, word) or lex.seen(word, nxt)
    if met and not word.isascii():
        return None
    if name and (f"{prev} {word}" in official_pairs() or f"{word} {nxt}" in official_pairs()):
        return None
    # A broken word leaves both its syllables alone: a neighbour that makes a word on its other side ("của
    # hàng triệu") is no half of a broken one. (Met on its other side only is enough for a word typed that
    # is never met itself: "tống vốn đầu tư" — "vốn đầu" is met, but "tổng vốn" is a word and "tống" is rare.)
    bound = lex.pair if lex.counts.get(word, 0) <= RARE else lex.seen
    left = prev if prev and prev not in lex.function and not bound(before, prev) else None
    right = nxt if nxt and nxt not in lex.function and not bound(nxt, after) else None
    if word.isascii() and not name and met:
        best = bare(word, tuple(c for c in lex.spelt_as(word) if c != word), prev, nxt,
                     (lex.pair(before, prev), lex.pair(nxt, after)))
        return (MARKS, best) if best else None
    if word.isascii() and not name:
        # A word typed without its marks ("Xã hoi", "lao dong") is often itself a word ("hoi", "dong"): the
        # marked word that makes a common word (of the list and met in running text) with a lone neighbour …
        marked = tuple(c for c in lex.spelt_as(word) if c != word)
        best = _best(word, marked, left, right, False, running="and")
        if best is None and not met:
            # When the marked word is clearly the more written one: a word of the list with a lone neighbour,
            # or a common word with any ("Xây dung cơ sở" → "dựng"; "nội dung chi" stays).
            common = tuple(c for c in marked
                           if lex.counts.get(c, 0) + 1 >= COMMONER * (lex.counts.get(word, 0) + 1))
            best = _best(word, common, left, right, False) or _best(word, common, prev, nxt, False, running="and")
            # A function word ("và", "với", "của") makes no word of the list: met beside the
            # neighbour in running text is its evidence, when the word as typed is rare.
            if lex.counts.get(word, 0) <= RARE:
                best = best or _best(word, tuple(c for c in common if c in lex.function), prev, nxt, False,
                                     running="or")
        if best:
            return MARKS, best
        best = bare(word, marked, prev, nxt, (lex.pair(before, prev), lex.pair(nxt, after)))
        if best:
            return MARKS, best
    if lex.counts.get(word, 0) == 0 and not name:
        # A word never met in running text beside a function word it is a slip of, which is met there with
        # the neighbour: "chỉ đạo cảu Chính phủ" → "của". (Two keys swapped: the same letters and marks, reordered.)
        best = _best(word, _slips(word), prev, nxt, False, running="or")
        if best:
            return CONTEXT, best
    if not met and not name and (retoned := other_tone(before, prev, word, nxt, after)):
        return CONTEXT, retoned  # "phố biến": a valid syllable tied to nothing, another tone makes a word
    if left is None and right is None or met:
        return None
    variants, enough = _written_variants(word)
    best = _best(word, variants, left, right, official=name) if variants else None
    return (CONTEXT, best) if best and lex.counts.get(best, 0) >= enough else None


# What ``_listed`` asks of a word alone, whatever its neighbours (a plan's few hundred words judged
# stand in several places each: asked once).

@lru_cache(maxsize=65536)
def _slips(word: str) -> tuple[str, ...]:
    """The function words ``word`` is two keys swapped of (the same letters and marks, reordered),
    common in running text: "cảu" → "của"."""
    lex = lexicon()
    return tuple(c for c in lex.variants(word) if c in lex.function and lex.counts.get(c, 0) >= FREQUENT
                 and sorted(unicodedata.normalize("NFD", c)) == sorted(unicodedata.normalize("NFD", word)))


@lru_cache(maxsize=65536)
def _written_variants(word: str) -> tuple[tuple[str, ...], int]:
    """(the variants of a listed word that may be meant by it, how often the one meant must be
    written): none when no variant is written that often."""
    lex = lexicon()
    variants = lex.variants(word)
    if lex.counts.get(word, 0) > RARE:  # a common word is no other with a letter put before it
        variants = tuple(v for v in variants if v != word[1:])  # ("lưu khóa bí mật" is no "lưu hóa")
    # A common word ("của", "các") is not taken for a rarer one ("cửa", "cát"): the correction must be
    # clearly the more written of the two (asked first: then no neighbour is looked up).
    enough = COMMONER * (lex.counts.get(word, 0) + 1) - 1
    return (variants if any(lex.counts.get(v, 0) >= enough for v in variants) else ()), enough


def _unlisted(prev: str | None, word: str, nxt: str | None, name: bool) -> tuple[str, str | None] | None:
    """``judge`` for a word the list lacks: Telex, a doubled letter, missing marks, a misplaced tone,
    or a spelling one letter away from a word of the list."""
    lex = lexicon()
    if name:
        return None  # a name the list does not hold ("Kông")
    for typed in telex_readings(word):
        if meant := lex.spell(*typed):
            return TELEX, meant
    if word.isascii():
        undoubled = {word[:i] + word[i + 1:] for i in range(len(word) - 1) if word[i] == word[i + 1]}
        meant = sorted(w for w in undoubled if w in lex.syllables)
        if meant:
            return UNKNOWN, meant[0]  # "caoo", "binhh", "qquan": a letter typed twice
        candidates = lex.spelt_as(word)
        if not candidates:
            return None  # a foreign word ("online", "email"): not judged
        return MARKS, _best(word, candidates, prev, nxt, False, fallback=True)
    placed = lex.spell(*split_key(word))
    if placed:
        return TONE_PLACE, placed
    if not is_syllable(word):
        return None  # not spelt like a syllable at all: KH306's (with a suggestion)
    meant = likely(word, prev, nxt)
    return (UNKNOWN, meant) if meant else None  # a rare word the list lacks: not reported


_MARKED_VOWELS = frozenset("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


@lru_cache(maxsize=65536)
def capitals(word: str) -> tuple[str, str | None] | None:
    """A word typed in capitals (lower-cased here), judged alone — headings and letterheads have no
    neighbours to go by: a syllable spelt right but not in the list, with a marked vowel (so not an
    acronym such as "HĐND"), is a slip of the listed one ("TRUYỂN" → "truyền")."""
    lex = lexicon()
    if word in lex.syllables or _MARKED_VOWELS.isdisjoint(word) or not is_syllable(word):
        return None
    placed = lex.spell(*split_key(word))
    if placed:
        return TONE_PLACE, placed
    meant = likely(word)
    return (UNKNOWN, meant) if meant else None


def likely(word: str, prev: str | None = None, nxt: str | None = None) -> str | None:
    """The word ``word`` (not in the list) was most likely meant to be: the variant that makes a
    word with a neighbour, else the most written variant."""
    return _best(word, lexicon().variants(word), prev, nxt, False, fallback=True)
