"""KH3xx Vietnamese text: legacy-encoding mojibake, one tone-mark style, agency capitalisation.

(NFC needs no rule: the loader normalises every text to NFC and notes it.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import tr
from .registry import Context, Finding, rule

# --------------------------------------------------------------------------------------------
# Tone-mark placement: "hòa, thủy" (old, the decree's own spelling) or "hoà, thuỷ" (new)
# --------------------------------------------------------------------------------------------

_TONED = {  # base vowel → its five toned forms (huyền, sắc, hỏi, ngã, nặng)
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
    "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ",
}
_L = "A-Za-zÀ-ỹĐđ"
# Open syllables only ("hoàn" always marks the a); "qu" + y is a consonant + vowel ("quý").
# (Patterns open with a character class, not a look-behind, so the engine can skip ahead; the
# "not after q" test is done in Python.)
OLD_STYLE = re.compile(rf"(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?![{_L}])")
NEW_STYLE = re.compile(rf"(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![{_L}])")


def _words_in(style: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    """(position, word) of the whole words whose last syllable ``style`` matches ("thuỷ", not "uỷ")."""
    for match in style.finditer(text):
        start = match.start()
        if start and text[start - 1] in "qQ":
            continue  # "quý": qu is a consonant
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        yield start, text[start: match.end()]


_NEW_PAIR = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![A-Za-zÀ-ỹĐđ])")


def _tone_of(char: str) -> tuple[str, int]:
    for base, forms in _TONED.items():
        if char in forms:
            return base, forms.index(char)
    raise KeyError(char)


def fold_tones(text: str) -> str:
    """New-style placement rewritten in the old style ("hoà" → "hòa"), same length, for comparing."""
    def swap(match: re.Match[str]) -> str:
        first, second = match.groups()
        if match.start() and match.string[match.start() - 1] in "qQ":
            return match.group(0)  # "quý" keeps its mark: qu is a consonant
        base, tone = _tone_of(second)
        return _TONED[first][tone] + base

    return _NEW_PAIR.sub(swap, text)


@rule("KH302", "tone-style", Severity.warning, "NĐ 30, Phụ lục II (chính tả); nd30-formatting §11.3",
      ("trộn hai kiểu đặt dấu thanh", "two tone-mark styles in one document"))
def tone_style(ctx: Context) -> Iterator[Finding]:
    """One tone-mark placement per document: old "hòa, ủy, thủy" or new "hoà, uỷ, thuỷ", not both.
    The words written in the less used style are reported (the old style wins a tie: the decree
    writes "CỘNG HÒA", "Ủy ban").

    Passes:

        title: Về văn hóa và thủy lợi
        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh ban hành Kế hoạch hòa nhập.]

    Fails:

        title: Về văn hóa và thủy lợi
        preamble:
          paragraphs: [Uỷ ban nhân dân tỉnh ban hành Kế hoạch.]
    """
    corpus = ctx.corpus
    old = list(_words_in(OLD_STYLE, corpus.text))
    new = list(_words_in(NEW_STYLE, corpus.text))
    if not old or not new:
        return
    minority, style, example = (new, tr("mới", "new"), old[0][1]) if len(new) <= len(old) \
        else (old, tr("cũ", "old"), new[0][1])
    for position, word in minority:
        yield Finding(corpus.where(position)[0], tr(
            "'{w}' đặt dấu thanh kiểu {s}, trong khi văn bản chủ yếu viết kiểu khác (ví dụ '{e}'): thống nhất một kiểu",
            "'{w}' uses the {s} tone-mark placement while the document mostly uses the other (e.g. '{e}'): use one",
            w=word, s=style, e=example), snippet=word)


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


@rule("KH301", "mojibake", Severity.error, "TCVN 6909:2001 (Unicode); NĐ 30, Điều 8.1",
      ("chữ bị lỗi mã (TCVN3/VNI)", "garbled legacy-encoded text (TCVN3/VNI)"))
def mojibake(ctx: Context) -> Iterator[Finding]:
    """Text must be Unicode Vietnamese; TCVN3 or VNI text pasted through the wrong code page shows as
    "KÕ ho¹ch" or "Keá hoaïch" (and UTF-8 read twice as "Káº¿ hoáº¡ch"). Retype or convert it.

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


# --------------------------------------------------------------------------------------------
# Agency names capitalised as Phụ lục II, IV.1 says
# --------------------------------------------------------------------------------------------

AGENCY_NAMES = [
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam",
    "Sở Tài chính", "Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương", "Sở Ngoại vụ",
    "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường", "Sở Khoa học và Công nghệ", "Sở Giao thông vận tải",
    "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Nội vụ", "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo", "Bộ Công an", "Bộ Ngoại giao", "Bộ Kế hoạch và Đầu tư",
    "Ngân hàng Chính sách xã hội", "Bảo hiểm xã hội", "Liên đoàn Lao động", "Công an tỉnh", "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Văn phòng Ủy ban nhân dân",
]


class AgencyNames:
    """Canonical agency names, found case-insensitively: one alternation of the lower-cased names
    run over the lower-cased text (no re.IGNORECASE, no look-behind: the engine can skip ahead)."""

    def __init__(self, names: list[str]) -> None:
        folded = sorted({fold_tones(n) for n in names}, key=len, reverse=True)
        self.canonical = {n.lower(): n for n in folded}
        self.pattern = re.compile("|".join(re.escape(n.lower()) for n in folded))

    def find(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, canonical) of each name in ``folded`` (a text passed through fold_tones)."""
        lowered = folded.lower()  # same length: Vietnamese letters have one-letter lower forms
        for match in self.pattern.finditer(lowered):
            start, end = match.span()
            if (start and lowered[start - 1].isalnum()) or (end < len(lowered) and lowered[end].isalnum()):
                continue
            yield start, end, self.canonical[match.group(0)]


_KNOWN_AGENCIES = AgencyNames(AGENCY_NAMES)
# Names that are never common nouns: in lower case they are still the agency, written wrongly.
_ONLY_NAMES = ("sở ", "bộ ", "ủy ban", "uỷ ban", "hội đồng nhân dân", "văn phòng ủy ban")


def _case_pattern(text: str) -> list[bool]:
    return [c.isupper() for c in text]


@rule("KH303", "agency-case", Severity.warning, "NĐ 30, Phụ lục II, IV.1",
      ("tên cơ quan viết hoa sai", "agency name capitalised wrongly"))
def agency_case(ctx: Context) -> Iterator[Finding]:
    """Agency names capitalise the first letter of the agency type and of its field, nothing else:
    "Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Lao động - Thương binh và Xã hội". Names in the
    configuration's agency directory are checked too; names in full capitals are left alone.

    Passes:

        preamble:
          paragraphs: [Giao Sở Tài chính phối hợp với Ủy ban nhân dân các huyện.]

    Fails:

        preamble:
          paragraphs: [Giao sở tài chính phối hợp với Ủy Ban Nhân Dân các huyện.]
    """
    agencies = _KNOWN_AGENCIES
    declared = {fold_tones(a.name).lower() for a in ctx.config.agencies}  # the user's: names, not nouns
    if declared:
        agencies = AgencyNames(AGENCY_NAMES + [a.name for a in ctx.config.agencies])
    text = ctx.corpus.text
    folded = fold_tones(text)
    for start, end, right in agencies.find(folded):
        written = folded[start:end]
        if written.isupper():
            continue
        if written.islower() and not written.startswith(_ONLY_NAMES) and written not in declared:
            continue  # "bảo hiểm xã hội", "công an tỉnh" in lower case are common nouns, not the body
        if _case_pattern(written) != _case_pattern(right):
            original = text[start:end]
            yield Finding(ctx.corpus.where(start)[0], tr(
                "viết hoa tên cơ quan theo Phụ lục II: \"{r}\", không phải \"{w}\"",
                "capitalise the agency name as Phụ lục II says: \"{r}\", not \"{w}\"", r=right, w=original),
                snippet=original)
