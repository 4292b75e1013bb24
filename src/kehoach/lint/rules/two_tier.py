"""KH221–KH222: the two-tier local government of 1 July 2025 — no district-level bodies, and an
địa danh from the current official list. The date and the list are data: templates/admin-units.toml."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...diagnostics import Severity
from ...i18n import tr
from ...model import date_parts
from ...resources import templates_dir
from ..admin_units import is_current_place
from .registry import Context, Finding, is_placeholder, rule


@dataclass(frozen=True)
class Reform:
    date: dt.date
    units_list: str
    defunct: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def reform() -> Reform:
    with open(templates_dir() / "admin-units.toml", "rb") as handle:
        data = tomllib.load(handle)
    return Reform(data["reform_date"], data["units_list"],
                  tuple((d["name"], re.compile(d["pattern"])) for d in data["defunct"]))


def _after_reform(ctx: Context) -> bool:
    day, month, year = date_parts(ctx.plan.letterhead.date)
    if year is None:
        return False  # a draft without a date: the reader cannot tell which state it speaks of
    return dt.date(year, month or 1, day or 1) >= reform().date


# "UBND huyện Chợ Mới (cũ)", "… huyện trước đây": the name (a few words) then a mark of history.
_HISTORY = re.compile(r"[^,;.:\n\0]{0,40}?(?:\(cũ\)|\bcũ\b|trước đây|trước sắp xếp)")
_CITED = ("bases",)


@rule("KH221", "defunct-body", Severity.warning, "templates/admin-units.toml (chính quyền địa phương hai cấp)",
      ("cơ quan cấp huyện không còn từ 01/7/2025", "a district-level body that no longer exists since 1 July 2025"))
def defunct_body(ctx: Context) -> Iterator[Finding]:
    """From 1 July 2025 there is no district level: a plan dated on or after that day gives no work
    to "UBND huyện, thị xã, thành phố thuộc tỉnh", HĐND cấp huyện, "Phòng … của huyện" or the
    Huyện ủy; the communes and wards (UBND các xã, phường) took their place. A plan dated before
    that day is not checked; a body marked "(cũ)" and the bases a plan cites are history. The date
    and the patterns are data (templates/admin-units.toml).

    Tiếng Việt:

        Từ ngày 01/7/2025 không còn cấp huyện: kế hoạch ban hành từ ngày đó không giao việc cho "UBND
        huyện, thị xã, thành phố thuộc tỉnh", HĐND cấp huyện, "Phòng … của huyện" hay Huyện ủy; UBND các
        xã, phường đã thay thế. Kế hoạch ban hành trước ngày đó không bị kiểm tra; cơ quan ghi "(cũ)" và
        các căn cứ được dẫn là lịch sử. Ngày và các mẫu là dữ liệu (templates/admin-units.toml).

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
    corpus = ctx.corpus
    for name, pattern in reform().defunct:
        for match in pattern.finditer(corpus.lowered):
            loc, _, _ = corpus.where(match.start())
            if any(part in _CITED for part in loc) or _HISTORY.match(corpus.lowered, match.end()):
                continue
            written = corpus.text[match.start(): match.end()].rstrip(",")
            yield Finding(loc, tr(
                "'{w}' ({n}) không còn từ ngày {d:%d/%m/%Y} (chính quyền địa phương hai cấp): giao cho xã, phường",
                "'{w}' ({n}) no longer exists since {d:%d/%m/%Y} (two-tier local government): give it to the communes",
                w=written, n=name, d=reform().date), snippet=written)


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
