"""KH305–KH306 spelling, offline: letters Vietnamese does not write, words typed together, and
syllables that no Vietnamese syllable is spelt like (see ``lint/syllables.py``).

Names are names: words of an official unit name (vietnam-provinces), of the configuration's agency
directory, acronyms (HĐND, QĐ-TTg) and foreign-looking names (Krông, Srêpốk, Đắk) are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ..admin_units import in_unit_name
from ..syllables import VIETNAMESE_CHARS, has_vietnamese_marks, is_syllable, split_fused
from .registry import Context, Finding, Fix, rule
from .text import _FOREIGN, fold_tones
from . import words  # noqa: F401  (registers KH307 first: the rules' order, hence `rules` and SARIF, unchanged)
from .word_judge import likely

_WORD = re.compile(r"[^\W\d_]+")
# Letters of the Latin blocks that Vietnamese never writes ("ǜ", "Ƕ": crawl or font damage); the
# legacy-encoding letters are KH301's.
_FOREIGN_LETTERS = "".join(
    c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
    if c.isalpha() and c.lower() not in VIETNAMESE_CHARS and c not in _FOREIGN)


def _class(letters: str) -> str:
    """A character class of ``letters`` written as ranges of neighbouring code points: the same set,
    compiled in half the time of a list of 500 letters."""
    points, ranges = sorted(map(ord, set(letters))), []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]"


_FOREIGN_LETTER = re.compile(_class(_FOREIGN_LETTERS))
# A digit with a letter after or before it; led by a plain digit class, so the engine skips ahead fast.
_DIGIT_JOIN = re.compile(r"[0-9](?:(?=[^\W\d_])|(?<=[^\W\d_][0-9]))")
_PARTS = re.compile(r"(\d+)([^\W\d_]+)|([^\W\d_]+)(\d+)")  # "2021của", "năm2021"
_CONSONANTS = set("bcdđghklmnpqrstvx")
_ONSET_PAIRS = {"ch", "gh", "gi", "kh", "ng", "nh", "ph", "th", "tr", "qu"}
_VOWEL_GROUPS = re.compile(r"[aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ]+")
FUSED, MISSPELT = "fused", "misspelt"


def _checked_case(word: str) -> bool:
    """Lower case or capitalised: an all-capitals or mixed word is an acronym or a ký hiệu."""
    return word.islower() or (word[0].isupper() and (len(word) == 1 or word[1:].islower()))


def _looks_foreign(word: str) -> bool:
    """A name from another language (Krông, Srêpốk, Đắk Lắk, Jrai) or a transliterated one
    (Ôxtrâylia: several vowel groups in one word): not judged by Vietnamese rules."""
    lowered = word.lower()
    if lowered.endswith("k") or set(lowered) & set("fjwz") or len(_VOWEL_GROUPS.findall(lowered)) > 1:
        return True
    return len(lowered) > 1 and lowered[0] in _CONSONANTS and lowered[1] in _CONSONANTS \
        and lowered[:2] not in _ONSET_PAIRS and lowered[0] != lowered[1]  # "tthời": a letter typed twice


@lru_cache(maxsize=65536)
def _words_of(token: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(token))


# The longest Vietnamese syllable has 7 letters ("nghiêng"), two fused ones 14: a longer "word" is
# judged without trying every cut (which made the rule quadratic in the word's length, issue 26.2).
LONGEST_FUSED = 16


def _listed_loanword(word: str) -> bool:
    """A word of the list typed with a tone mark it lacks there ("makét" for "maket", "Kiốt" for
    "kiôt", loanwords): one word, neither two syllables typed together nor a misspelt one. (A tone
    that the list's syllable takes elsewhere, "tóan" for "toán", is a slip: not a loanword.)"""
    from ..lexicon import lexicon, split_key

    bare, tone = split_key(fold_tones(word.lower()))
    return bare in lexicon().syllables and (not tone or lexicon().spell(bare, tone) is None)


@lru_cache(maxsize=65536)
def verdict(word: str) -> tuple[str, tuple[str, str] | None] | None:
    """What is wrong with one word, whatever plan it is in: (FUSED, the two syllables),
    (MISSPELT, None), or None. Names are sorted out by the caller, which sees the text around.
    Linear in the word's length."""
    if len(word) < 2 or not _checked_case(word) or not has_vietnamese_marks(word):
        return None
    if len(word) > LONGEST_FUSED:
        return None if _FOREIGN_LETTER.search(word) or _looks_foreign(word) else (MISSPELT, None)
    if is_syllable(word):
        return None
    if _FOREIGN_LETTER.search(word):
        return None  # KH305 reports the letter
    if word.islower() and len(word) >= 4:
        fused = split_fused(word)
        if fused and not _listed_loanword(word):
            return FUSED, fused
    if _looks_foreign(word) or _listed_loanword(word):
        return None
    return MISSPELT, None


def _suspects(ctx: Context, kind: str) -> Iterator[tuple[re.Match[str], tuple[str, str] | None]]:
    """The occurrences of the words ``verdict`` finds ``kind`` in the plan's text, names left out.
    Each distinct word is judged once (``set`` of the words, then the cache across plans)."""
    if "words" not in ctx.memo:
        tokens = set(ctx.corpus.text.split())  # str.split and a cache: faster than one regex scan
        words = {t for t in tokens if t.isalpha()}
        for token in tokens - words:
            words.update(_words_of(token))
        ctx.memo["words"] = {w: v for w in words if (v := verdict(w))}
    bad = {w: v[1] for w, v in ctx.memo["words"].items() if v[0] == kind}
    if not bad:
        return
    text = ctx.corpus.text
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, sorted(bad, key=len, reverse=True)))
                         + r")(?![^\W\d_])")
    for match in pattern.finditer(text):
        if not in_unit_name(text, match.start(), match.end()):
            yield match, bad[match.group(0)]


_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \-]$")
_NEXT_WORD = re.compile(r"[ \-]([^\W\d_])")


def in_proper_name(text: str, match: re.Match[str]) -> bool:
    """A capitalised word next to another capitalised word is part of a name ("Hồng Kông",
    "Ka Long"): a transliterated name is spelt as its owners spell it. (Bounded look-around.)"""
    if not match.group(0)[0].isupper():
        return False
    before = _PREVIOUS_WORD.search(text, max(0, match.start() - 24), match.start())
    after = _NEXT_WORD.match(text, match.end())
    return bool((before and before.group(1)[0].isupper()) or (after and after.group(1).isupper()))


def _directory_words(ctx: Context) -> set[str]:
    return {w.lower() for agency in ctx.config.agencies for w in _WORD.findall(agency.name)}


@rule("KH305", "foreign-letters", Severity.warning, "NĐ 30, Phụ lục II (chính tả); TCVN 6909:2001",
      ("chữ lạ trong từ hoặc hai từ dính nhau", "a foreign letter inside a word, or words typed together"), fix="unsafe")
def foreign_letters(ctx: Context) -> Iterator[Finding]:
    """Every letter of a word is a Vietnamese letter, and words are separated: a letter Vietnamese
    never writes ("trǜờng", "Ƕà Nội": crawl or font damage), two syllables typed together ("lâm
    nghiệpngư nghiệp") or a number glued to a word ("năm 2021của") are typos.

    Tiếng Việt:

        Mọi chữ trong một từ là chữ cái tiếng Việt và các từ cách nhau: chữ tiếng Việt không dùng
        ("trǜờng", "Ƕà Nội": lỗi thu thập hay phông chữ), hai âm tiết dính nhau ("lâm nghiệpngư nghiệp")
        hay số dính vào chữ ("năm 2021của") là lỗi gõ.

    Passes:

        preamble:
          paragraphs: [Phát triển lâm nghiệp, ngư nghiệp năm 2021 của tỉnh; 20 m3 nước.]

    Fails:

        preamble:
          paragraphs: [Phát triển lâm nghiệpngư nghiệp năm 2021của tỉnh.]

    Fixed:

        preamble:
          paragraphs: [Phát triển lâm nghiệp ngư nghiệp năm 2021 của tỉnh.]
    """
    text = ctx.corpus.text
    done = 0  # the end of the last word expanded: a word is reported (and scanned) once, so linear
    for match in _FOREIGN_LETTER.finditer(text):
        start, end = match.start(), match.end()
        if start < done:
            continue
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        done = end
        word = text[start:end]
        yield Finding(ctx.corpus.where(start)[0], tr(
            "'{w}' có chữ '{c}' không thuộc bảng chữ cái tiếng Việt (lỗi phông hoặc sao chép): gõ lại",
            "'{w}' holds '{c}', which is no Vietnamese letter (font or copy damage): retype it",
            w=word, c=match.group(0)), snippet=word)
    seen: set[tuple[int, int]] = set()
    for match, fused in _suspects(ctx, FUSED):
        word = match.group(0)
        yield Finding(ctx.corpus.where(match.start())[0], tr(
            "'{w}' là hai từ dính nhau: viết '{a} {b}'", "'{w}' is two words typed together: write '{a} {b}'",
            w=word, a=fused[0], b=fused[1]), snippet=word, fix=Fix(word, f"{fused[0]} {fused[1]}", safe=False))
    done = 0
    for match in _DIGIT_JOIN.finditer(text):  # a digit next to a letter: cheap to find, rare
        start, end = match.start(), match.end()
        if start < done:
            continue  # inside a token already expanded: each token is scanned once
        while start > 0 and (text[start - 1].isalpha() or text[start - 1].isdigit()):
            start -= 1
        while end < len(text) and (text[end].isalpha() or text[end].isdigit()):
            end += 1
        done = end
        whole = text[start:end]
        parts = _PARTS.fullmatch(whole)
        if parts is None or (start, end) in seen:
            continue
        seen.add((start, end))
        number, letters = (parts.group(1), parts.group(2)) if parts.group(1) else (parts.group(4), parts.group(3))
        if letters.islower() and has_vietnamese_marks(letters) and is_syllable(letters):
            right = f"{number} {letters}" if parts.group(1) else f"{letters} {number}"
            yield Finding(ctx.corpus.where(start)[0], tr(
                "'{w}': thiếu dấu cách giữa số và chữ, viết '{r}'", "'{w}': a space is missing, write '{r}'",
                w=whole, r=right), snippet=whole, fix=Fix(whole, right, safe=False))


@rule("KH306", "syllable-spelling", Severity.warning, "NĐ 30, Phụ lục II (chính tả)",
      ("âm tiết không đúng chính tả tiếng Việt", "a syllable no Vietnamese word is spelt like"), fix="unsafe")
def syllable_spelling(ctx: Context) -> Iterator[Finding]:
    """Every syllable with Vietnamese marks is an onset, a rhyme and at most one tone the
    orthography allows: "ngiệp" (for "nghiệp"), "tưởg", "hoạchh", "kêt" or "màt" (a rhyme ending in
    c, ch, p, t takes only sắc or nặng) are typos. Checked offline against the rules of the
    orthography, not a word list; names of provinces and communes from the official list, the agency
    directory's names, acronyms and names from other languages (Krông, Đắk) are not judged.

    Tiếng Việt:

        Mỗi âm tiết có dấu tiếng Việt gồm phụ âm đầu, vần và tối đa một thanh mà chính tả cho phép:
        "ngiệp" (thay "nghiệp"), "tưởg", "hoạchh", "kêt" hay "màt" (vần tận cùng c, ch, p, t chỉ đi với
        thanh sắc, nặng) là lỗi gõ. Kiểm tra ngoại tuyến theo quy tắc chính tả, không theo danh sách từ;
        tên tỉnh, xã trong danh mục chính thức, tên trong danh mục cơ quan, chữ viết tắt và tên tiếng
        nước ngoài (Krông, Đắk) không bị xét.

    Passes:

        preamble:
          paragraphs: [Ủy ban nhân dân xã Đàm Thuỷ, tỉnh Đắk Lắk quyết định phát triển nghề nuôi ở Hồng Kông.]

    Fails:

        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh tăng cường quản lý nhà nươc.]

    Fixed:

        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh tăng cường quản lý nhà nước.]
    """
    directory = _directory_words(ctx) if ctx.config.agencies else set()
    reported: set[str] = set()
    for match, _ in _suspects(ctx, MISSPELT):
        word = match.group(0)
        if word in reported or word.lower() in directory or in_proper_name(ctx.corpus.text, match):
            continue
        reported.add(word)
        meant = likely(fold_tones(word.lower())) if len(word) <= LONGEST_FUSED else None
        if meant and word[0].isupper():
            meant = meant[0].upper() + meant[1:]
        hint = tr(": có phải '{s}'?", ": did you mean '{s}'?", s=meant) if meant else tr(": kiểm tra lỗi gõ", ": check for a typo")
        yield Finding(ctx.corpus.where(match.start())[0], tr(
            "'{w}' không phải âm tiết tiếng Việt viết đúng chính tả{h}",
            "'{w}' is not a correctly spelt Vietnamese syllable{h}", w=word, h=hint), snippet=word,
            fix=Fix(word, meant, safe=False) if meant else None)
