"""Words typed without their Vietnamese marks ("truong" for "trường"), told from the bare words
that are meant as typed ("kho dữ liệu", "ngay sau khi") by the word list's pairs, the running text's
counts and how many words of the list a syllable begins (``lint/lexicon.py``). KH307 asks here once
a bare word has made no word of the list with its neighbours (``rules/words.py``)."""

from __future__ import annotations

import re

from .lexicon import IN_WORD, MET, lexicon

COMMON_BARE = 4  # a marked word met this often is meant by its bare spelling never met in running text
FREQUENT = 100  # a word met this often in the running text is a common word


# How strongly a pair ties a word to its neighbour: inside a word of the list and met in running
# text, inside a word only, met in running text only, not known.
_TIE = {IN_WORD | MET: 3, IN_WORD: 2, MET: 1, 0: 0}


def _tie(prev: str | None, word: str, nxt: str | None, bound: tuple[bool, bool] = (False, False)) -> int:
    """How strongly ``word`` is tied to its neighbours; a neighbour ``bound`` to a word on its other
    side ("tổng hợp | chung", "điện tử | ngay") does not count: it is no half of another word."""
    get = lexicon().pairs.get
    before = _TIE[get(prev, word)] if prev and not bound[0] else 0
    return before + (_TIE[get(word, nxt)] if nxt and not bound[1] else 0)


# Words every administrative plan is made of, which the general running text the counts come from
# writes less often than their bare spellings ("tinh" 53, "tỉnh" 13).
_ADMIN_WORDS = frozenset("tỉnh huyện sở năm số tháng quý của và vị lý việc được các về cấp phố".split())
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def twins(syllable: str) -> tuple[str, ...]:
    """``syllable`` and, for a consonant and a final "y" ("lý", "kỹ"), its "i" spelling, which the
    list may hold instead ("quản lí"): both are written."""
    if len(syllable) == 2 and syllable[1] in "yýỳỷỹỵ":
        return syllable, syllable.translate(_Y_TO_I)
    return (syllable,)


def bare(word: str, marked: tuple[str, ...], prev: str | None, nxt: str | None,
          bound: tuple[bool, bool]) -> str | None:
    """The marked word meant by ``word``, typed without its marks in Vietnamese text, on the word's
    own two neighbours: a marked spelling much more strongly tied to them (a common word with one,
    where the word as typed makes nothing) and no rarer in running text ("tự chiu trách nhiệm" →
    "chịu"); or, for a word as typed never met in running text and tied to neither neighbour, its
    marked spelling that is a common word and begins many more words of the list ("nông thôn
    moi;" → "mới", "các sở, nganh," → "ngành")."""
    if not marked:
        return None
    lex = lexicon()
    typed = _tie(prev, word, nxt, bound)
    count = lex.counts.get(word, 0)
    ranked = []
    for m in marked:
        spellings = twins(m)
        ranked.append((max([_tie(prev, s, nxt, bound) for s in spellings]),
                       max([lex.counts.get(s, 0) for s in spellings]), m))
    tie, written, best = max(ranked)
    if written >= count and tie >= typed + 3:
        return best  # "tự chiu trách nhiệm": "chịu trách" is a common word, "chiu" makes none
    if typed == 0 and tie >= 2 and written > count and lex.productive(best) > lex.productive(word):
        return best  # "điều tra, xu lý": "xử lý" a word of the list, "xử" more written and productive
    if typed <= 1:
        # The words an administrative text is made of, typed bare and tied to no neighbour more
        # than them ("của UBND tinh về", "quý, nam theo", "các so, ban, ngành").
        admin = [m for m in marked if m in _ADMIN_WORDS]
        if len(admin) == 1 and _tie(prev, admin[0], nxt, bound) >= typed:
            return admin[0]
    if typed == 0 and count == 0:
        # The word as typed is rare, and begins few words of the list where its marked spelling
        # begins many ("moi" 4, "mới" 40; but "kho" 16, "khó" 56: "kho dữ liệu" is a word).
        written, best = max((lex.counts.get(m, 0), m) for m in marked)
        if written >= COMMON_BARE and lex.productive(best) >= 4 * lex.productive(word) + 2:
            return best
        # … or a very common word met beside a neighbour ("chua có" → "chưa", "tao việc" → "tạo").
        if written >= FREQUENT and _tie(prev, best, nxt):
            return best
    return None


# Words that stand before a number or a date, and after a count, typed without their marks: a
# number beside them leaves no other reading ("ngay 27/4/2022", "Kế hoạch so 0134", "243 dong").
_BEFORE_NUMBER = {"ngay": "ngày", "so": "số", "nam": "năm", "thang": "tháng", "quy": "quý", "dieu": "điều",
                  "khoan": "khoản", "muc": "mục", "diem": "điểm", "tu": "từ", "den": "đến"}
_AFTER_NUMBER = {"dong": "đồng", "nguoi": "người", "nam": "năm", "thang": "tháng", "ngay": "ngày", "lan": "lần",
                 "trieu": "triệu", "ty": "tỷ", "ho": "hộ", "xa": "xã", "diem": "điểm"}
_NUMBER_AFTER = re.compile(r" \d")
_COUNT_BEFORE = re.compile(r"(?:^|(?<=\s))\d+(?:[.,]\d+)* $")  # "10 ", "1.364.329.243 ": not a date


def numbered(text: str, start: int, end: int, word: str) -> str | None:
    """For a word without marks (``text[start:end]``) beside a number: the marked word it must be,
    "" for a unit after a count ("10 ha": not judged), None when no number is beside it."""
    if _NUMBER_AFTER.match(text, end) and word in _BEFORE_NUMBER:
        return _BEFORE_NUMBER[word]
    if _COUNT_BEFORE.search(text, max(0, start - 24), start):
        return _AFTER_NUMBER.get(word, "")
    return None
