"""KH305–KH306 spelling, offline: letters Vietnamese does not write, words typed together, and
syllables that no Vietnamese syllable is spelt like (see ``lint/syllables.py``).

Names are names: words of an official unit name (vietnam-provinces), of the configuration's agency
directory, acronyms (HĐND, QĐ-TTg) and foreign-looking names (Krông, Srêpốk, Đắk) are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import Severity
from ...i18n import tr
from ..admin_units import in_unit_name
from ..syllables import VIETNAMESE_CHARS, has_vietnamese_marks, is_syllable, split_fused
from .registry import Context, Finding, Fix, rule
from .text import _FOREIGN

_WORD = re.compile(r"[^\W\d_]+")
# Letters of the Latin blocks that Vietnamese never writes ("ǜ", "Ƕ": crawl or font damage).
_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_DIGIT_WORD = re.compile(r"\d[^\W\d_]+|[^\W\d_]+\d")
_CONSONANTS = set("bcdđghklmnpqrstvx")
_ONSET_PAIRS = {"ch", "gh", "gi", "kh", "ng", "nh", "ph", "th", "tr", "qu"}


def _foreign_letter(char: str) -> bool:
    return bool(_LATIN.match(char)) and char.lower() not in VIETNAMESE_CHARS and char not in _FOREIGN


def _checked_case(word: str) -> bool:
    """Lower case or capitalised: an all-capitals or mixed word is an acronym or a ký hiệu."""
    return word.islower() or (word[0].isupper() and (len(word) == 1 or word[1:].islower()))


_VOWEL_GROUPS = re.compile(r"[aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ]+")


def _looks_foreign(word: str) -> bool:
    """A name from another language (Krông, Srêpốk, Đắk Lắk, Jrai) or a transliterated one
    (Ôxtrâylia: several vowel groups in one word): not judged by Vietnamese rules."""
    lowered = word.lower()
    if lowered.endswith("k") or set(lowered) & set("fjwz") or len(_VOWEL_GROUPS.findall(lowered)) > 1:
        return True
    return len(lowered) > 1 and lowered[0] in _CONSONANTS and lowered[1] in _CONSONANTS \
        and lowered[:2] not in _ONSET_PAIRS


def _directory_words(ctx: Context) -> set[str]:
    return {w.lower() for agency in ctx.config.agencies for w in _WORD.findall(agency.name)}


@rule("KH305", "foreign-letters", Severity.warning, "NĐ 30, Phụ lục II (chính tả); TCVN 6909:2001",
      ("chữ lạ trong từ hoặc hai từ dính nhau", "a foreign letter inside a word, or words typed together"))
def foreign_letters(ctx: Context) -> Iterator[Finding]:
    """Every letter of a word is a Vietnamese letter, and words are separated: a letter Vietnamese
    never writes ("trǜờng", "Ƕà Nội": crawl or font damage), two syllables typed together ("lâm
    nghiệpngư nghiệp") or a number glued to a word ("năm 2021của") are typos.

    Passes:

        preamble:
          paragraphs: [Phát triển lâm nghiệp, ngư nghiệp năm 2021 của tỉnh; 20 m3 nước.]

    Fails:

        preamble:
          paragraphs: [Phát triển lâm nghiệpngư nghiệp năm 2021của tỉnh.]
    """
    text = ctx.corpus.text
    for match in _WORD.finditer(text):
        word = match.group(0)
        bad = next((c for c in word if _foreign_letter(c)), None)
        if bad is not None:
            yield Finding(ctx.corpus.where(match.start())[0], tr(
                "'{w}' có chữ '{c}' không thuộc bảng chữ cái tiếng Việt (lỗi phông hoặc sao chép): gõ lại",
                "'{w}' holds '{c}', which is no Vietnamese letter (font or copy damage): retype it",
                w=word, c=bad), snippet=word)
            continue
        if len(word) < 4 or not word.islower() or is_syllable(word) or not has_vietnamese_marks(word):
            continue
        fused = split_fused(word)
        if fused and not in_unit_name(text, match.start(), match.end()):
            yield Finding(ctx.corpus.where(match.start())[0], tr(
                "'{w}' là hai từ dính nhau: viết '{a} {b}'", "'{w}' is two words typed together: write '{a} {b}'",
                w=word, a=fused[0], b=fused[1]), snippet=word, fix=Fix(word, f"{fused[0]} {fused[1]}", safe=False))
    for match in _DIGIT_WORD.finditer(text):
        written = match.group(0)
        letters = written.strip("0123456789")
        if letters.islower() and has_vietnamese_marks(letters) and is_syllable(letters):
            at = match.start() - 1
            while at >= 0 and text[at].isdigit():
                at -= 1
            end = match.end()
            while end < len(text) and text[end].isdigit():
                end += 1
            whole = text[at + 1: end]
            number = whole.replace(letters, "")
            right = f"{number} {letters}" if whole.startswith(number) else f"{letters} {number}"
            yield Finding(ctx.corpus.where(match.start())[0], tr(
                "'{w}': thiếu dấu cách giữa số và chữ, viết '{r}'", "'{w}': a space is missing, write '{r}'",
                w=whole, r=right), snippet=whole, fix=Fix(whole, right, safe=False))


@rule("KH306", "syllable-spelling", Severity.warning, "NĐ 30, Phụ lục II (chính tả)",
      ("âm tiết không đúng chính tả tiếng Việt", "a syllable no Vietnamese word is spelt like"))
def syllable_spelling(ctx: Context) -> Iterator[Finding]:
    """Every syllable with Vietnamese marks is an onset, a rhyme and at most one tone the
    orthography allows: "ngiệp" (for "nghiệp"), "tưởg", "hoạchh", "kêt" or "màt" (a rhyme ending in
    c, ch, p, t takes only sắc or nặng) are typos. Checked offline against the rules of the
    orthography, not a word list; names of provinces and communes from the official list, the agency
    directory's names, acronyms and names from other languages (Krông, Đắk) are not judged.

    Passes:

        preamble:
          paragraphs: [Ủy ban nhân dân xã Đàm Thuỷ, tỉnh Đắk Lắk quyết định phát triển nghề nuôi.]

    Fails:

        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh quyết định phát triển ngiệp vụ.]
    """
    text = ctx.corpus.text
    directory = _directory_words(ctx) if ctx.config.agencies else set()
    reported: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) < 2 or is_syllable(word) or not _checked_case(word) or not has_vietnamese_marks(word):
            continue
        if _looks_foreign(word) or word.lower() in directory or any(_foreign_letter(c) for c in word):
            continue
        if word.islower() and len(word) >= 4 and split_fused(word):
            continue  # KH305's
        if word in reported or in_unit_name(text, match.start(), match.end()):
            continue
        reported.add(word)
        yield Finding(ctx.corpus.where(match.start())[0], tr(
            "'{w}' không phải âm tiết tiếng Việt viết đúng chính tả: kiểm tra lỗi gõ",
            "'{w}' is not a correctly spelt Vietnamese syllable: check for a typo", w=word), snippet=word)
