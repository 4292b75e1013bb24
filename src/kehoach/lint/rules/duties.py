"""KH409–KH410: who is given work — an order only to a body within the issuer's authority, and a
lead agency for every task. Levels of authority are data (templates/recipients.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.resources import templates_dir
from ...model import GroupRow, Role, cell_value, row_grid
from ..admin_units import bare, provinces
from .registry import Context, Finding, Loc, rule, tables_of, walk_items
from .text import fold_tones


@lru_cache(maxsize=1)
def _levels() -> tuple[tuple[tuple[re.Pattern[str], int], ...], re.Pattern[str], dict[str, int]]:
    with open(templates_dir() / "recipients.toml", "rb") as handle:
        data = tomllib.load(handle)
    anchored = tuple((re.compile(level["pattern"]), level["rank"]) for level in data["level"])
    words = {fold_tones(w): rank for w, rank in data["level_words"].items()}
    # Longest first ("thị xã" before "xã"); "xã hội" and "tỉnh ủy" are no level words.
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return anchored, re.compile(rf"\b(?:{alternation})\b(?! hội| ủy)"), words


def body_rank(name: str) -> int | None:
    """The level of a body named ``name`` (1 commune … 6 Government), or None when it does not say."""
    folded = re.sub(r"^(?:đề nghị|giao)\s+", "", fold_tones(name.lower().strip()))
    anchored, word, words = _levels()
    for pattern, rank in anchored:
        if pattern.match(folded):
            return rank
    found = word.search(folded)
    return words[found.group(0)] if found else None


def issuer_rank(ctx: Context) -> int | None:
    """The issuer's level: a People's Committee or Council of a commune, district or province, a
    department, a ministry; None for any other issuer (a Party body, the Front, an association)."""
    lh = ctx.plan.letterhead
    lines = lh.issuer if isinstance(lh.issuer, list) else [lh.issuer]
    folded = fold_tones(" ".join(lines).lower())
    if folded.startswith("bộ ") and not folded.startswith("bộ chỉ huy"):
        return 5
    if folded.startswith("sở "):
        return 3
    council = re.match(r"(?:ủy ban nhân dân|hội đồng nhân dân)\s+(thành phố|tỉnh|xã|phường|đặc khu|thị trấn|"
                       r"huyện|quận|thị xã)\s*(.*)", folded)
    if not council:
        return None
    level, place = council.groups()
    if level == "thành phố":  # a province-level city, or a city of a province (pre-2025)
        names = {fold_tones(bare(p).lower()) for p in provinces()}
        return 4 if place.strip() in names else None
    return {"tỉnh": 4, "huyện": 2, "quận": 2, "thị xã": 2}.get(level, 1)


_ASKED = re.compile(r"(?i)\b(?:đề nghị|kiến nghị|đề xuất với|kính mời|mời)\b")


def _asked(*texts: str | None) -> bool:
    return any(text and _ASKED.search(text[:200]) for text in texts)


@rule("KH409", "order-outside-authority", Severity.warning, "Luật Tổ chức chính quyền địa phương 2025; NĐ 30, Phụ lục I",
      ("giao việc cho cơ quan không thuộc quyền", "an order to a body outside the issuer's authority"))
def order_outside_authority(ctx: Context) -> Iterator[Finding]:
    """A plan gives orders to the bodies of its issuer's level and below; a body above it — a
    province's police or department in a commune's plan, the People's Committee of the province in
    a department's, a ministry in a province's — is asked: "Đề nghị Công an tỉnh …". A duty to such
    a body with no "Đề nghị" (in the body, the item or the heading above it) is reported. The levels
    are data (templates/recipients.toml); an issuer or a body whose level the name does not say
    (the Front, the unions, a city that may be a province's) is not judged.

    Tiếng Việt:

        Kế hoạch giao việc cho cơ quan cùng cấp và cấp dưới của cơ quan ban hành; cơ quan cấp trên —
        Công an tỉnh, một Sở trong kế hoạch của UBND xã; UBND tỉnh trong kế hoạch của một Sở; một Bộ
        trong kế hoạch của UBND tỉnh — thì "đề nghị": "Đề nghị Công an tỉnh …". Nhiệm vụ giao cho cơ
        quan như vậy mà không có "Đề nghị" (ở tên cơ quan, ở khoản hoặc ở tiêu đề bên trên) bị báo.
        Các cấp là dữ liệu (templates/recipients.toml); cơ quan ban hành hay cơ quan được giao mà tên
        không cho biết cấp (Mặt trận, đoàn thể, thành phố có thể thuộc tỉnh) thì không xét.

    Passes:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
          abbreviation: UBND
          place: An Giang
        sections:
          - role: assignments
            items:
              - {body: Công an xã, text: "Bảo đảm an ninh, trật tự."}
              - {body: Đề nghị Công an tỉnh, text: Hỗ trợ lực lượng.}

    Fails:

        letterhead:
          issuer: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
          abbreviation: UBND
          place: An Giang
        sections:
          - role: assignments
            items:
              - {body: Công an xã, text: "Bảo đảm an ninh, trật tự."}
              - {body: Công an tỉnh, text: Chỉ đạo lực lượng hỗ trợ xã.}
    """
    issuer = issuer_rank(ctx)
    if issuer is None:
        return
    for s, section in enumerate(ctx.plan.sections):
        if section.role is not Role.assignments or _asked(section.heading):
            continue
        asked_above: dict[Loc, bool] = {}
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            parent = loc[:-2]
            asked = asked_above.get(parent, False) or _asked(item.heading, item.lead)
            asked_above[loc] = asked
            if not item.body or asked or _asked(item.body, *item.text[:1]):
                continue
            rank = body_rank(item.body)
            if rank is not None and rank > issuer:
                yield Finding((*loc, "body"), tr(
                    "'{b}' là cơ quan cấp trên, không thuộc quyền của cơ quan ban hành: viết "
                    "\"Đề nghị {b} …\" thay cho giao việc",
                    "'{b}' is above the issuer, not under its authority: write \"Đề nghị {b} …\" (ask, do "
                    "not order)", b=item.body.rstrip(":")))


_LEAD = re.compile(r"(?i)chủ\s*trì")
_PARTNER = re.compile(r"(?i)phối\s*hợp")
_TASK = re.compile(r"(?i)nhiệm vụ|nội dung|công việc|hoạt động")
_GROUP = re.compile(r"^\**[IVXLC]+\.?\**$|^\**[A-Z]\.?\**$")  # "I", "**II**", "A."
_BOLD = re.compile(r"^\*\*[^*]+\*\*$")


def _heading(text: str) -> bool:
    """All bold, or in capitals (or no letter at all: a number)."""
    return bool(_BOLD.match(text)) or text == text.upper()


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


@rule("KH410", "task-without-lead", Severity.warning, "NĐ 30, Phụ lục I (phân công nhiệm vụ)",
      ("nhiệm vụ chưa có cơ quan chủ trì", "a task has no lead agency"))
def task_without_lead(ctx: Context) -> Iterator[Finding]:
    """Every task has a lead agency. A task table (a column "Cơ quan chủ trì") names it in every
    row: a row whose lead cell is empty leaves the task to no one (a cell merged from the row above
    counts as filled). A task item (with partners, a deadline or a product) has a ``lead:`` of its
    own, its parent's or its section's; under a profile that is KH115's error instead.

    Tiếng Việt:

        Mọi nhiệm vụ có cơ quan chủ trì. Bảng nhiệm vụ (có cột "Cơ quan chủ trì") ghi ở mọi dòng: dòng
        có ô chủ trì để trống là nhiệm vụ không ai chịu trách nhiệm (ô gộp từ dòng trên được tính là
        đã ghi). Khoản nhiệm vụ (có cơ quan phối hợp, thời hạn hoặc sản phẩm) có `lead:` của chính
        nó, của khoản cha hoặc của mục; khi có hồ sơ hướng dẫn thì đó là lỗi KH115.

    Passes:

        appendices:
          - title: Danh mục nhiệm vụ
            tables:
              - columns: [{title: TT}, {title: Nhiệm vụ}, {title: Cơ quan chủ trì}, {title: Cơ quan phối hợp}]
                rows:
                  - ["1", Rà soát thủ tục hành chính, Văn phòng UBND tỉnh, Các sở]
                  - ["2", Số hóa hồ sơ, Sở Khoa học và Công nghệ, ""]

    Fails:

        appendices:
          - title: Danh mục nhiệm vụ
            tables:
              - columns: [{title: TT}, {title: Nhiệm vụ}, {title: Cơ quan chủ trì}, {title: Cơ quan phối hợp}]
                rows:
                  - ["1", Rà soát thủ tục hành chính, Văn phòng UBND tỉnh, Các sở]
                  - ["2", Số hóa hồ sơ, "", Sở Khoa học và Công nghệ]
    """
    if ctx.profile is None:
        for task in ctx.tasks:
            if not task.lead and (task.item.partners or task.item.deadline or task.item.product):
                yield Finding(task.loc, tr(
                    "nhiệm vụ chưa có cơ quan chủ trì: ghi `lead:` ở nhiệm vụ, ở khoản cha hoặc ở mục",
                    "task has no lead agency: write `lead:` on the task, its parent item or its section"))
    for here, table in tables_of(ctx.plan):
        titles = [column.title or "" for column in table.leaf_columns()]
        leads = [i for i, t in enumerate(titles) if _LEAD.search(t) and not _PARTNER.search(t)]
        if len(leads) != 1:
            continue
        lead = leads[0]
        what_column = next((i for i, t in enumerate(titles) if _TASK.search(t)), None)
        try:
            grid = row_grid(table.rows, len(titles))
        except ValueError:
            continue  # a malformed table: the schema's message says so
        for r, (row, line) in enumerate(zip(table.rows, grid)):
            if isinstance(row, GroupRow) or not line or line[lead] is None:
                continue
            column, cell = line[lead]  # type: ignore[misc]
            if _text(cell_value(cell)):
                continue
            cells = {c: _text(cell_value(v)) for c, v in (x for x in line if x is not None)}
            filled = [text for text in cells.values() if text]
            if len(filled) < 2 or _GROUP.match(filled[0]) or all(_heading(text) for text in filled):
                continue  # an empty row, a line carried over, a group's heading read as a row ("I | **KIỆN TOÀN …**")
            what = cells.get(what_column, "") if what_column is not None else ""
            what = what or next((t for c, t in sorted(cells.items()) if t and not t.isdigit()), "")
            yield Finding((*here, "rows", r), tr(
                "nhiệm vụ '{t}' chưa có cơ quan chủ trì (cột '{c}' để trống): ghi cơ quan chịu trách nhiệm chính",
                "task '{t}' has no lead agency (column '{c}' is empty): name the body responsible",
                t=what[:80], c=titles[lead]))
