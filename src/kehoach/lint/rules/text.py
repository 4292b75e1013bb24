"""KH301–KH302 Vietnamese text: legacy-encoding mojibake, one tone-mark style.

(NFC needs no rule: the loader normalises every text to NFC and notes it.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ..admin_units import in_unit_name
from .registry import Context, Finding, Fix, rule

# --------------------------------------------------------------------------------------------
# Tone-mark placement: "hòa, thủy" (old, the decree's own spelling) or "hoà, thuỷ" (new)
# --------------------------------------------------------------------------------------------

_TONED = {  # base vowel → its five toned forms (huyền, sắc, hỏi, ngã, nặng)
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
    "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ",
}
_L = "A-Za-zÀ-ỹĐđ"
# Open syllables only ("hoàn" always marks the a); "qu" + y is a consonant + vowel ("quý").
# Old style: the mark on o/u ("hòa", "thủy"). New style: the mark on a/e/y after o/u ("hoà", "thuỷ").
# (No look-behind in front, so the engine can skip ahead; the "not after q" test is done in Python.)
# NEW_STYLE takes a few pairs more ("uà", "oỳ"), written as two classes: the engine skips ahead to
# an o or u on its own; the pairs that are a style are told in Python (``_is_new_pair``). Each of
# the two costs some 7 million instructions to compile (the look-ahead's class): the scans below
# use only these two.
OLD_STYLE = re.compile(rf"(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?![{_L}])")
NEW_STYLE = re.compile(rf"[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![{_L}])")


def _is_new_pair(pair: str) -> bool:
    """o + a or e, u + y: a new-style pair ("hoà", "thuỷ"); "uà", "oỳ" are none."""
    return pair[1] in ("ỳýỷỹỵỲÝỶỸỴ" if pair[0] in "uU" else "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ")


def _words(style: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    """(position, word) of the whole words whose last syllable ``style`` matches ("thuỷ", not "uỷ")."""
    found = []
    for match in style.finditer(text):
        start = match.start()
        if start and text[start - 1] in "qQ":
            continue  # "quý": qu is a consonant
        if style is NEW_STYLE and not _is_new_pair(match.group(0)):
            continue
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        found.append((start, text[start: match.end()]))
    return found


def tone_words(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(old-style, new-style) words of ``text`` as (position, word)."""
    return _words(OLD_STYLE, text), _words(NEW_STYLE, text)


def _tone_of(char: str) -> tuple[str, int]:
    for base, forms in _TONED.items():
        if char in forms:
            return base, forms.index(char)
    raise KeyError(char)


def _respelt(style: re.Pattern[str], text: str) -> str:
    """``text`` with each pair of ``style`` (not after q: "quý" keeps its mark) written in the other style."""
    pieces, done = [], 0
    for match in style.finditer(text):
        start = match.start()
        pair = match.group(0)
        first, second = pair[0], pair[1]
        if (start and text[start - 1] in "qQ") or (style is NEW_STYLE and not _is_new_pair(first + second)):
            continue
        if style is NEW_STYLE:  # "oà" → "òa"
            base, tone = _tone_of(second)
            pieces += [text[done: start], _TONED[first][tone] + base]
        else:  # "òa" → "oà"
            base, tone = _tone_of(first)
            pieces += [text[done: start], base + _TONED[second][tone]]
        done = start + 2
    return "".join([*pieces, text[done:]]) if pieces else text


def fold_tones(text: str) -> str:
    """New-style placement rewritten in the old style ("hoà" → "hòa"), same length, for comparing.
    (A plan joined into one string has a few new-style words in 60,000 characters: the pattern's
    matches are few, and most texts fold to themselves.)"""
    return _respelt(NEW_STYLE, text)


def folded_corpus(ctx: Context) -> str:
    """``fold_tones`` of the plan's joined text, once per plan (the agency-name rule and KH308)."""
    if "folded_corpus" not in ctx.memo:
        ctx.memo["folded_corpus"] = fold_tones(ctx.corpus.text)
    return ctx.memo["folded_corpus"]


def unfold_tones(text: str) -> str:
    """Old-style placement rewritten in the new style ("hòa" → "hoà"): the inverse of ``fold_tones``."""
    return _respelt(OLD_STYLE, text)


@rule("KH302", "tone-style", Severity.warning, "NĐ 30, Phụ lục II (chính tả); nd30-formatting §11.3",
      ("trộn hai kiểu đặt dấu thanh", "two tone-mark styles in one document"), fix="safe")
def tone_style(ctx: Context) -> Iterator[Finding]:
    """One tone-mark placement per document: old "hòa, ủy, thủy" or new "hoà, uỷ, thuỷ", not both.
    The words written in the less used style are reported (the old style wins a tie: the decree
    writes "CỘNG HÒA", "Ủy ban"). Names of provinces and communes from the official list ("Xã Đàm
    Thuỷ", "Xã Lạc Thủy") are names, spelt as the list spells them: they neither count nor are reported.

    Tiếng Việt:

        Một văn bản một kiểu đặt dấu thanh: kiểu cũ "hòa, ủy, thủy" hoặc kiểu mới "hoà, uỷ, thuỷ", không
        trộn cả hai. Báo các từ viết theo kiểu ít dùng hơn (hòa nhau thì kiểu cũ thắng: nghị định viết
        "CỘNG HÒA", "Ủy ban").

    Passes:

        title: Về văn hóa và thủy lợi
        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh ban hành Kế hoạch hòa nhập.]

    Fails:

        title: Về văn hóa và thủy lợi
        preamble:
          paragraphs: [Uỷ ban nhân dân tỉnh ban hành Kế hoạch.]

    Fixed:

        title: Về văn hóa và thủy lợi
        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh ban hành Kế hoạch.]
    """
    corpus = ctx.corpus
    old, new = styled_words(corpus.text)
    if not old or not new:
        return
    minority, majority, style = (new, old, tr("mới", "new")) if len(new) <= len(old) else (old, new, tr("cũ", "old"))
    for position, word in minority:
        example = fold_tones(word) if minority is new else unfold_tones(word)  # the word itself, respelt
        yield Finding(corpus.where(position)[0], tr(
            "'{w}' đặt dấu thanh kiểu {s}, trong khi văn bản chủ yếu viết kiểu khác: viết '{e}' cho thống nhất",
            "'{w}' uses the {s} tone-mark placement while the document mostly uses the other: write '{e}'",
            w=word, s=style, e=example), snippet=word, fix=Fix(word, example))


def styled_words(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(old-style, new-style) words of ``text``, without those inside official unit names: the list
    writes "Xã Đàm Thuỷ" and "Xã Lạc Thủy", and a name is spelt as the list spells it."""
    old, new = tone_words(text)
    if not old or not new:
        return old, new
    return ([(p, w) for p, w in old if not in_unit_name(text, p, p + len(w))],
            [(p, w) for p, w in new if not in_unit_name(text, p, p + len(w))])


# --------------------------------------------------------------------------------------------
# Mojibake: TCVN3 / VNI text read as Windows-1252, or UTF-8 read as Windows-1252
# --------------------------------------------------------------------------------------------

# Characters Vietnamese never uses but TCVN3/VNI bytes become in Windows-1252 ("KÕ ho¹ch", "Keá hoaïch").
_FOREIGN = "øûïäåñöëüÿ¸µ¶·¹¨©ª«®¬¼½¾÷¢£¤¥¦§±²³´º»¿ÆÇÐÑØÛÏÄÅÖËÜ"
MOJIBAKE = re.compile(
    rf"[{_FOREIGN}]"  # legacy 8-bit encodings: counted only inside a word (checked in Python)
    r"|Ã[\u0080-\u00bf]|Ä[‘’]|Æ°|á[º»]"  # UTF-8 bytes decoded as Windows-1252
)


def _garbled(text: str, match: re.Match[str]) -> bool:
    if len(match.group(0)) == 2:
        return True
    start, end = match.start(), match.end()
    return (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())


@rule("KH301", "mojibake", Severity.error, "NĐ 30, Phụ lục I, Phần I (phông chữ Unicode TCVN 6909:2001)",
      ("chữ bị lỗi mã (TCVN3/VNI)", "garbled legacy-encoded text (TCVN3/VNI)"))
def mojibake(ctx: Context) -> Iterator[Finding]:
    """Text must be Unicode Vietnamese; TCVN3 or VNI text pasted through the wrong code page shows as
    "KÕ ho¹ch" or "Keá hoaïch" (and UTF-8 read twice as "Káº¿ hoáº¡ch"). Retype or convert it.

    Tiếng Việt:

        Văn bản phải là tiếng Việt Unicode; chữ TCVN3 hoặc VNI dán qua sai bảng mã hiện thành "KÕ ho¹ch"
        hoặc "Keá hoaïch" (và UTF-8 bị đọc hai lần thành "Káº¿ hoáº¡ch"). Gõ lại hoặc chuyển mã.

    Passes:

        title: Kế hoạch phổ biến pháp luật

    Fails:

        title: KÕ ho¹ch phæ biÕn ph¸p luËt
    """
    reported: set = set()
    for loc, match in ctx.corpus.finditer(MOJIBAKE):
        if loc in reported or not _garbled(ctx.corpus.text, match):
            continue  # one finding per text: a garbled paragraph is garbled throughout
        reported.add(loc)
        words = ctx.corpus.text[max(0, match.start() - 8): match.end() + 8].split()
        snippet = next((w for w in words if match.group(0) in w), match.group(0))
        yield Finding(loc, tr(
            "chữ bị lỗi mã '{w}' (văn bản TCVN3/VNI hoặc UTF-8 đọc sai bảng mã): gõ lại bằng Unicode",
            "garbled text '{w}' (TCVN3/VNI or UTF-8 read with the wrong code page): retype it in Unicode",
            w=snippet), snippet=snippet)
