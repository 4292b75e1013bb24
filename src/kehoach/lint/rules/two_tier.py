"""KH221–KH222: the two-tier local government of 1 July 2025 — no district-level bodies, and an
địa danh from the current official list. The date and the list are data: templates/admin-units.toml."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import date_parts
from ...common.resources import templates_dir
from ..admin_units import is_current_place
from ..recipient_names import entries
from .registry import Context, Finding, is_placeholder, rule
from .text import fold_tones


# The patterns (the data's and those below) are compiled where first used (``re``'s cache): a plan dated
# before the reform runs none of them, and compiling them all cost every check ~30M instructions.


@dataclass(frozen=True)
class Merger:
    name: str
    pattern: str
    successor: dict[str, str]  # the first word as written ("bộ", "sở") → the successor's name
    date: dt.date
    source: str


@dataclass(frozen=True)
class Reform:
    date: dt.date
    units_list: str
    defunct: tuple[tuple[str, str], ...]
    merged: tuple[Merger, ...]
    former_provinces: dict[str, str]


@lru_cache(maxsize=1)
def reform() -> Reform:
    with open(templates_dir() / "admin-units.toml", "rb") as handle:
        data = tomllib.load(handle)
    merged = tuple(Merger(m["name"], m["pattern"], m["successor"], m["date"], m["source"])
                   for m in data.get("merged", []))
    return Reform(data["reform_date"], data["units_list"],
                  tuple((d["name"], d["pattern"]) for d in data["defunct"]), merged,
                  data.get("former_provinces", {}))


def _plan_date(ctx: Context) -> dt.date | None:
    day, month, year = date_parts(ctx.plan.letterhead.date)
    if year is None:
        return None  # a draft without a date: the reader cannot tell which state it speaks of
    return dt.date(year, month or 1, day or 1)


def _after_reform(ctx: Context) -> bool:
    date = _plan_date(ctx)
    return date is not None and date >= reform().date


def _texts_and_recipients(ctx: Context) -> list[tuple[tuple, str]]:
    """Every free text and every Nơi nhận line ("UBND huyện, thị xã, thành phố"), cited bases out."""
    texts = [(loc, text) for loc, text in ctx.texts if not any(part in _CITED for part in loc)]
    return texts + [(e.loc, e.recipient.name) for e in entries(ctx)]


# "… Quyết định số 12/QĐ-BLĐTBXH ngày 05/01/2024 của Bộ Lao động …", "… Quyết định số 35/2024/QĐ-UBND
# … quản lý giá trên địa bàn tỉnh Bắc Kạn;": a name in the clause of a document cited with its number
# speaks of that document (its issuer, its scope, as they were then) — history, not a body given work.
_CITATION_BEFORE = r"\bsố\s+\d+[/-][^;\n]{0,400}\Z"


# "UBND huyện Chợ Mới (cũ)", "… huyện trước đây": the name (a few words) then a mark of history.
_HISTORY = r"[^,;.:\n\0]{0,80}?(?:\(cũ\)|\bcũ\b|trước đây|trước (?:khi )?(?:sắp xếp|sáp nhập|hợp nhất))"
# "Ủy ban nhân dân tỉnh Đắk Nông ban hành Kế hoạch số 62/KH-UBND …": the issuer of a cited document.
_ISSUED_AFTER = r"[^,;.:\n\0]{0,30}?\b(?:đã )?ban hành\b:?[^;.\n\0]{0,40}?\bsố\s+\d+[/-]"
# "Trước sáp nhập tỉnh, Ủy ban nhân dân các tỉnh Bình Thuận, … đã ban hành …": what a paragraph tells
# after such an opening, until it turns to "sau sáp nhập", is history too.
_BEFORE_MERGER = r"trước (?:khi )?(?:sắp xếp|sáp nhập|hợp nhất)"
_AFTER_MERGER = r"sau (?:khi )?(?:sắp xếp|sáp nhập|hợp nhất)"
_CITED = ("bases",)


@rule("KH221", "defunct-body", Severity.warning, "templates/admin-units.toml (chính quyền địa phương hai cấp)",
      ("cơ quan cấp huyện không còn từ 01/7/2025", "a district-level body that no longer exists since 1 July 2025"))
def defunct_body(ctx: Context) -> Iterator[Finding]:
    """From 1 July 2025 there is no district level: a plan dated on or after that day gives no work
    to "UBND huyện, thị xã, thành phố thuộc tỉnh", HĐND cấp huyện, "Phòng … của huyện" or the
    Huyện ủy; the communes and wards (UBND các xã, phường) took their place. A plan dated before
    that day is not checked; a body marked "(cũ)" or "(trước sáp nhập)", what a paragraph tells
    after "Trước sáp nhập …" and the bases a plan cites are history. The date
    and the patterns are data (templates/admin-units.toml).

    Tiếng Việt:

        Từ ngày 01/7/2025 không còn cấp huyện: kế hoạch ban hành từ ngày đó không giao việc cho
        "UBND huyện, thị xã, thành phố thuộc tỉnh", HĐND cấp huyện, "Phòng … của huyện" hay Huyện
        ủy, không nói tới "các huyện, thị xã" như một địa bàn, kể cả ở Nơi nhận; UBND các xã, phường
        đã thay thế. Kế hoạch ban hành trước ngày đó không bị kiểm tra; cơ quan ghi "(cũ)", các căn
        cứ và văn bản được dẫn kèm số hiệu là lịch sử. Ngày và các mẫu là dữ liệu (templates/admin-
        units.toml).

    Passes:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
          abbreviation: UBND
          number: "12"
          place: An Giang
          date: 2025-11-05
        preamble:
          paragraphs: [Giao Ủy ban nhân dân các xã, phường, đặc khu triển khai.]

    Fails:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
          abbreviation: UBND
          number: "12"
          place: An Giang
          date: 2025-11-05
        preamble:
          paragraphs: [Giao Ủy ban nhân dân các huyện, thị xã, thành phố triển khai.]
    """
    if not _after_reform(ctx):
        return
    # Each text on its own (a table cell, a paragraph, a Nơi nhận line): a pattern such as "phòng
    # [^,;.]{1,60} của huyện" run on the joined corpus crossed from one cell into the next (26.10).
    for loc, text in _texts_and_recipients(ctx):
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text  # a letter whose lower case is longer would shift positions
        taken: list[tuple[int, int]] = []  # spans already reported: one finding per mention
        for name, pattern in reform().defunct:
            for match in re.compile(pattern).finditer(lowered):
                start, end = match.span()
                if re.compile(_HISTORY).match(lowered, end) or any(start < e and s < end for s, e in taken) \
                        or _history(lowered, start, end):
                    continue
                taken.append((start, end))
                written = " ".join(text[start:end].rstrip(",").split())
                yield Finding(loc, tr(
                    "'{w}' ({n}) không còn từ ngày {d:%d/%m/%Y} (chính quyền địa phương hai cấp): giao cho xã, phường",
                    "'{w}' ({n}) no longer exists since {d:%d/%m/%Y} (two-tier local government): give it to the communes",
                    w=written, n=name, d=reform().date), snippet=text[start:end].rstrip(",").split("\n")[0])


@rule("KH222", "place-not-current", Severity.warning, "NĐ 30, Phụ lục I, Mục II.4.a; templates/admin-units.toml",
      ("địa danh không có trong danh mục đơn vị hành chính hiện hành", "the place name is not a current unit"))
def place_not_current(ctx: Context) -> Iterator[Finding]:
    """The địa danh of a plan dated on or after 1 July 2025 names a current province or commune of
    the official list (34 provinces, 3,321 communes; the list vietnam-provinces ships): a district
    or a merged province ("Hà Giang", "Kiên Giang") no longer exists. Before that day any name is
    accepted.

    Tiếng Việt:

        Địa danh của kế hoạch ban hành từ ngày 01/7/2025 là tên một tỉnh hoặc xã, phường hiện hành trong
        danh mục chính thức (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu): huyện hay tỉnh đã sáp nhập
        ("Hà Giang", "Kiên Giang") không còn. Trước ngày đó tên nào cũng được nhận.

    Passes:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH ĐẮK LẮK]
          abbreviation: UBND
          number: "12"
          place: Đắk Lắk
          date: 2025-11-25

    Fails:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH HÀ GIANG]
          abbreviation: UBND
          number: "12"
          place: Hà Giang
          date: 2025-11-25
    """
    place = ctx.plan.letterhead.place
    if not _after_reform(ctx) or is_placeholder(place) or not place.strip():
        return
    if not is_current_place(place):
        yield Finding(("letterhead", "place"), tr(
            "địa danh \"{p}\" không phải tỉnh hoặc xã, phường hiện hành ({l}; từ {d:%d/%m/%Y})",
            "the place name \"{p}\" is not a current province or commune ({l}; since {d:%d/%m/%Y})",
            p=place, l=reform().units_list, d=reform().date))


@rule("KH223", "merged-agency", Severity.warning,
      "templates/admin-units.toml (Nghị quyết 176/2025/QH15; Nghị định 45/2025/NĐ-CP; Nghị quyết 202/2025/QH15)",
      ("cơ quan, tỉnh đã hợp nhất năm 2025", "a ministry, department or province merged in 2025"))
def merged_agency(ctx: Context) -> Iterator[Finding]:
    """From 1 March 2025 ministries and provincial departments were merged (Kế hoạch và Đầu tư into
    Tài chính, Giao thông vận tải into Xây dựng, Tài nguyên và Môi trường with Nông nghiệp into
    Nông nghiệp và Môi trường, Thông tin và Truyền thông into Khoa học và Công nghệ, Lao động -
    Thương binh và Xã hội into Nội vụ, Ủy ban Dân tộc into Bộ Dân tộc và Tôn giáo), and from 1 July
    2025 provinces ("tỉnh Hà Giang" is part of Tuyên Quang). A plan dated after the change that
    names one as if it existed is told its successor; a basis the plan cites, a document cited with
    its number ("Quyết định số … của Bộ Lao động …") or the issuer of one ("UBND tỉnh Đắk Nông ban
    hành Kế hoạch số …"), a name marked "(cũ)" or "(trước sáp nhập)" and what a paragraph tells after
    "Trước sáp nhập …" (a report of the year) are history, and a
    plan issued by a merged body itself was written in the structure before its merger. The names, dates and legal sources are data
    (templates/admin-units.toml).

    Tiếng Việt:

        Từ ngày 01/3/2025 các bộ và sở đã hợp nhất (Kế hoạch và Đầu tư vào Tài chính, Giao thông vận
        tải vào Xây dựng, Tài nguyên và Môi trường cùng Nông nghiệp thành Nông nghiệp và Môi trường,
        Thông tin và Truyền thông vào Khoa học và Công nghệ, Lao động - Thương binh và Xã hội vào
        Nội vụ, Ủy ban Dân tộc thành Bộ Dân tộc và Tôn giáo), từ ngày 01/7/2025 các tỉnh đã sáp nhập
        ("tỉnh Hà Giang" nay thuộc Tuyên Quang). Kế hoạch ban hành sau đó mà nêu tên cũ như cơ quan
        còn tồn tại được báo kèm tên cơ quan kế thừa; căn cứ, văn bản được dẫn kèm số hiệu ("Quyết
        định số … của Bộ Lao động …") hay cơ quan ban hành văn bản đó, tên ghi "(cũ)" hay "(trước sáp
        nhập)" và điều một đoạn kể sau "Trước sáp nhập …" (báo cáo của năm) là lịch sử. Tên, ngày và văn bản pháp lý là
        dữ liệu (templates/admin-units.toml).

    Passes:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
          abbreviation: UBND
          number: "12"
          place: An Giang
          date: 2025-11-05
        preamble:
          paragraphs: [Thực hiện Quyết định số 5/QĐ-BLĐTBXH ngày 02/01/2024 của Bộ Lao động - Thương binh và Xã hội.]

    Fails:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
          abbreviation: UBND
          number: "12"
          place: An Giang
          date: 2025-11-05
        preamble:
          paragraphs: [Giao Sở Lao động - Thương binh và Xã hội chủ trì.]
    """
    date = _plan_date(ctx)
    if date is None:
        return
    data = reform()
    provinces = _province_pattern() if date >= data.date else None
    lh = ctx.plan.letterhead
    own = fold_tones(" ".join([*(lh.issuer if isinstance(lh.issuer, list) else [lh.issuer]),
                               *(lh.parent if isinstance(lh.parent, list) else [lh.parent or ""])])).lower()
    # A plan issued by a body merged on a date was written in the structure before that date (a plan
    # of the transition; or its date is typed wrong, another matter): the mergers of that date are
    # not its findings.
    due = [m for m in data.merged if date >= m.date]
    own_dates = {m.date for m in due if re.search(m.pattern, " ".join(own.split()))}
    mergers = [m for m in due if m.date not in own_dates]
    for loc, text in _texts_and_recipients(ctx):
        folded = fold_tones(text).lower()
        if len(folded) != len(text):
            continue
        for merger in mergers:
            for match in re.compile(merger.pattern).finditer(folded):
                if _history(folded, match.start(), match.end()):
                    continue
                written = text[match.start(): match.end()]
                yield Finding(loc, tr(
                    "'{w}' đã hợp nhất từ {d:%d/%m/%Y} ({s}): nay là {n}",
                    "'{w}' was merged on {d:%d/%m/%Y} ({s}): it is now {n}",
                    w=written, d=merger.date, s=merger.source, n=merger.successor.get(match.group(1), "")),
                    snippet=written)
        if provinces is None:
            continue
        for match in provinces.finditer(folded):
            if _history(folded, match.start(), match.end()):
                continue
            written = text[match.start(): match.end()]
            now = data.former_provinces[_province_names()[match.group(1)]]
            yield Finding(loc, tr(
                "'{w}' đã sáp nhập từ {d:%d/%m/%Y} (Nghị quyết 202/2025/QH15): nay thuộc {n}",
                "'{w}' was merged on {d:%d/%m/%Y} (Nghị quyết 202/2025/QH15): it is now part of {n}",
                w=written, d=data.date, n=now), snippet=written)


# "… thuộc tỉnh Bình Định trước đây", "nguyên là tỉnh Kiên Giang", "địa bàn tỉnh Long An cũ".
_HISTORY_BEFORE = r"(?:trước đây|trước sắp xếp|trước khi sáp nhập|nguyên|cũ)\s*(?:là|thuộc)?\s*\Z"


def _history(folded: str, start: int, end: int) -> bool:
    """A mark of history around the name, or a cited document earlier in its clause (bounded look-back)."""
    clause = folded[max(0, start - 440): start]
    return bool(re.compile(_HISTORY).match(folded, end) or re.compile(_ISSUED_AFTER).match(folded, end)
                or re.compile(_HISTORY_BEFORE).search(folded, max(0, start - 40), start)
                or (" giao " not in clause and re.search(_CITATION_BEFORE, clause)) or _told_as_past(folded, start))


def _told_as_past(folded: str, start: int) -> bool:
    """Whether the paragraph tells, before ``start``, of the time before the merger and has not
    turned to the time after it since ("Trước sáp nhập tỉnh, …; tỉnh Đắk Nông …")."""
    before = list(re.compile(_BEFORE_MERGER).finditer(folded, 0, start))
    if not before:
        return False
    return not re.compile(_AFTER_MERGER).search(folded, before[-1].end(), start)


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """Folded lower-case name → the name as the data writes it."""
    return {fold_tones(name).lower(): name for name in reform().former_provinces}


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    names = sorted(_province_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)tỉnh\s+(" + "|".join(map(re.escape, names)) + r")(?!\w)")
