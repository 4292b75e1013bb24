"""KH303–KH304 agency names: capitalised as Phụ lục II, IV.1 says, and written one way."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from .registry import Context, Finding, Fix, rule
from .text import fold_tones, folded_corpus

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
    # The departments and ministries as named since 1 March 2025.
    "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo", "Bộ Nông nghiệp và Môi trường",
    "Bộ Dân tộc và Tôn giáo", "Bộ Khoa học và Công nghệ", "Bộ Xây dựng", "Bộ Công Thương",
]
# The level written after a body's name is a common noun: "Ủy ban nhân dân tỉnh", not "… Tỉnh"
# (Phụ lục II, IV.1; "Thành phố Hồ Chí Minh" and "Phường 12" are names, left alone).
_LEVEL_AFTER = re.compile(r" (Tỉnh|Huyện|Xã|Phường|Quận|Thị xã|Thị trấn|Đặc khu)(?= [^\W\d_]|[,;.:)\n]|$)")


class AgencyNames:
    """Canonical agency names, found case-insensitively: one alternation of the lower-cased names
    run over the lower-cased text (no re.IGNORECASE, no look-behind: the engine can skip ahead)."""

    def __init__(self, names: list[str]) -> None:
        folded = sorted({fold_tones(n) for n in names}, key=len, reverse=True)
        self.canonical = {n.lower(): n for n in folded}
        # Grouped by first word ("sở (?:tài chính|tư pháp|…)"): far less backtracking than one flat
        # alternation of every name.
        groups: dict[str, list[str]] = {}
        for name in self.canonical:
            first, _, rest = name.partition(" ")
            groups.setdefault(first, []).append(rest)
        branches = []
        for first, rests in sorted(groups.items(), key=lambda kv: -len(kv[0])):
            tails = "|".join(re.escape(r) for r in sorted(rests, key=len, reverse=True) if r)
            branches.append(re.escape(first) + (f" (?:{tails})" if tails else ""))
        self.pattern = re.compile("|".join(branches))

    def find(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, canonical) of each name in ``folded`` (a text passed through fold_tones)."""
        lowered = folded.lower()  # same length: Vietnamese letters have one-letter lower forms …
        if len(lowered) != len(folded):
            lowered = folded  # … a rare letter that has not ("İ") would shift every position after it
        for match in self.pattern.finditer(lowered):
            start, end = match.span()
            if (start and lowered[start - 1].isalnum()) or (end < len(lowered) and lowered[end].isalnum()):
                continue
            if _COMPOUND_BEFORE.search(lowered, max(0, start - 8), start):
                continue  # "các cơ sở y tế" (health facilities), not "Sở Y tế"
            yield start, end, self.canonical[match.group(0)]


# Words that make the agency type a syllable of another word: "cơ sở" (a facility), "trụ sở"
# (premises), "cán bộ", "toàn bộ", "nội bộ".
_COMPOUND_BEFORE = re.compile(r"(?<!\w)(?:cơ|trụ|cán|toàn|nội) \Z")

_KNOWN_AGENCIES = AgencyNames(AGENCY_NAMES)
# Names that are never common nouns: in lower case they are still the agency, written wrongly.
_ONLY_NAMES = ("sở ", "bộ ", "ủy ban", "uỷ ban", "hội đồng nhân dân", "văn phòng ủy ban")


def _case_pattern(text: str) -> list[bool]:
    return [c.isupper() for c in text]


@rule("KH303", "agency-case", Severity.warning, "NĐ 30, Phụ lục II, IV.1",
      ("tên cơ quan viết hoa sai", "agency name capitalised wrongly"), fix="safe")
def agency_case(ctx: Context) -> Iterator[Finding]:
    """Agency names capitalise the first letter of the agency type and of its field, nothing else:
    "Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Lao động - Thương binh và Xã hội"; the level after
    the name is in lower case ("Ủy ban nhân dân tỉnh", not "Tỉnh"). Names in the configuration's
    agency directory are checked too; names in full capitals are left alone.

    Tiếng Việt:

        Tên cơ quan viết hoa chữ cái đầu của loại cơ quan và của lĩnh vực, ngoài ra viết thường: "Ủy
        ban nhân dân tỉnh", "Sở Tài chính", "Sở Lao động - Thương binh và Xã hội"; cấp hành chính
        sau tên viết thường ("Ủy ban nhân dân tỉnh", không phải "Tỉnh"; "Thành phố Hồ Chí Minh",
        "Phường 12" là tên). Tên trong danh mục cơ quan của cấu hình cũng được kiểm tra; tên viết in
        hoa toàn bộ thì bỏ qua.

    Passes:

        preamble:
          paragraphs: [Giao Sở Tài chính phối hợp với Ủy ban nhân dân tỉnh và Ủy ban nhân dân Thành phố Hồ Chí Minh.]

    Fails:

        preamble:
          paragraphs: [Giao sở tài chính phối hợp với Ủy Ban Nhân Dân các huyện và Ủy ban nhân dân Tỉnh.]

    Fixed:

        preamble:
          paragraphs: [Giao Sở Tài chính phối hợp với Ủy ban nhân dân các huyện và Ủy ban nhân dân tỉnh.]
    """
    agencies = _KNOWN_AGENCIES
    declared = {fold_tones(a.name).lower() for a in ctx.config.agencies}  # the user's: names, not nouns
    if declared:
        agencies = AgencyNames(AGENCY_NAMES + [a.name for a in ctx.config.agencies])
    text = ctx.corpus.text
    folded = folded_corpus(ctx)
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
                snippet=original, fix=Fix(original, _recase(original, right)))
        elif (level := _LEVEL_AFTER.match(text, end)) and not text[start:level.end()].isupper():
            original = text[start:level.end()]
            lower = text[start:end] + " " + level.group(1).lower()
            yield Finding(ctx.corpus.where(start)[0], tr(
                "viết thường cấp hành chính sau tên cơ quan (Phụ lục II): \"{r}\", không phải \"{w}\"",
                "the level after a body's name is in lower case (Phụ lục II): \"{r}\", not \"{w}\"",
                r=lower, w=original), snippet=original, fix=Fix(original, lower))


# --------------------------------------------------------------------------------------------
# One body, one way of writing it
# --------------------------------------------------------------------------------------------

_DASH = re.compile(r"\s*[-–—]\s*")
_INTRODUCED = "(?:viết tắt là|gọi tắt là|gọi là)"


def _dash_pattern(name: str) -> re.Pattern[str]:
    """``name`` with any dash, spaced or not, where it has " - " (case-insensitive)."""
    parts = [re.escape(p) for p in name.lower().split(" - ")]
    return re.compile(r"\s*[-–—]\s*".join(parts))


# Field names joined by a dash, whatever body they follow (Sở, Bộ, Phòng, ngành …).
DASHED_FIELDS = ["Lao động - Thương binh và Xã hội", "Tài chính - Kế hoạch", "Văn hóa - Thông tin"]
_DASHED = [(n, _dash_pattern(n)) for n in DASHED_FIELDS]


@rule("KH304", "agency-one-way", Severity.warning, "NĐ 30, Phụ lục II, IV.1; kehoach.toml [[agencies]]",
      ("một cơ quan viết nhiều cách", "one body written several ways"))
def agency_one_way(ctx: Context) -> Iterator[Finding]:
    """The same body is written one way throughout the plan. A name joined by a dash ("Lao động -
    Thương binh và Xã hội") keeps the dash the plan mostly uses; the less used spellings ("–",
    "-" without spaces) are reported. With an agency directory in the configuration, a short form
    ("Sở LĐTBXH") in running text is reported too, unless the plan introduces it ("sau đây viết tắt
    là Sở LĐTBXH").

    Tiếng Việt:

        Một cơ quan được viết một cách trong cả kế hoạch. Tên nối bằng gạch ("Lao động - Thương binh và
        Xã hội") giữ kiểu gạch mà kế hoạch dùng nhiều nhất; các cách viết ít dùng hơn ("–", "-" không có
        dấu cách) bị báo. Khi cấu hình có danh mục cơ quan, tên viết tắt ("Sở LĐTBXH") trong lời văn
        cũng bị báo, trừ khi kế hoạch đã giới thiệu ("sau đây viết tắt là Sở LĐTBXH").

    Passes:

        preamble:
          paragraphs:
            - Giao Sở Lao động - Thương binh và Xã hội chủ trì.
            - Sở Lao động - Thương binh và Xã hội tổng hợp, báo cáo.

    Fails:

        preamble:
          paragraphs:
            - Giao Sở Lao động - Thương binh và Xã hội chủ trì.
            - Sở Lao động - Thương binh và Xã hội tổng hợp.
            - Sở Lao động – Thương binh và Xã hội báo cáo.
    """
    corpus = ctx.corpus
    dashed = _DASHED + [(a.name, _dash_pattern(a.name)) for a in ctx.config.agencies if " - " in a.name]
    for _name, pattern in dashed:
        found = [(m.start(), corpus.text[m.start(): m.end()]) for m in pattern.finditer(corpus.lowered)]
        spellings = Counter(_DASH.search(written).group(0) for _, written in found)
        if len(spellings) < 2:
            continue
        usual = max(spellings, key=lambda dash: (spellings[dash], dash == " - "))
        for position, written in found:
            if _DASH.search(written).group(0) != usual:
                yield Finding(corpus.where(position)[0], tr(
                    "'{w}' viết khác cách kế hoạch thường viết ('{u}'): thống nhất một cách viết",
                    "'{w}' is written unlike the plan's usual '{u}': write it one way",
                    w=written, u=_DASH.sub(usual, written, count=1)), snippet=written)
    for agency in ctx.config.agencies:
        for short in agency.short:
            pattern = re.compile(rf"(?<!\w){re.escape(short)}(?!\w)")
            if re.search(rf"{_INTRODUCED}\s+{re.escape(short)}", corpus.text):
                continue
            for loc, _match in corpus.finditer(pattern):
                yield Finding(loc, tr("viết đầy đủ '{n}' thay cho '{s}' (danh mục cơ quan trong cấu hình)",
                                      "write '{n}' in full instead of '{s}' (the configuration's agency directory)",
                                      n=agency.name, s=short), snippet=short)


def _recase(written: str, right: str) -> str:
    """``written`` with the capitals of ``right`` and its own letters otherwise: the tone-mark
    placement the plan uses ("Ủy"/"Uỷ") stays, only the case changes."""
    if len(written) != len(right):
        return right
    return "".join(w.upper() if r.isupper() else w.lower() for w, r in zip(written, right))
