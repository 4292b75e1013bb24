"""KH204–KH206: signature authority (ô 7a, 7b; Phụ lục I, Mục II.7.b)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import Signature
from ...source.loader import Loc
from ...common.vn import upper
from .registry import Context, Finding, is_placeholder, rule

# Titles of heads and deputies that sign administrative documents; a configuration adds its own
# (``titles = [...]``). A title may go on with the body's name ("GIÁM ĐỐC SỞ TƯ PHÁP").
HEAD_TITLES = [
    "CHỦ TỊCH", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "BỘ TRƯỞNG", "THỦ TƯỚNG", "CHÁNH VĂN PHÒNG", "TRƯỞNG BAN",
    "TỔNG CỤC TRƯỞNG", "CỤC TRƯỞNG", "CHI CỤC TRƯỞNG", "VỤ TRƯỞNG", "CHÁNH THANH TRA", "TRƯỞNG PHÒNG",
    "HIỆU TRƯỞNG", "VIỆN TRƯỞNG", "CHÁNH ÁN", "BÍ THƯ", "THỦ TRƯỞNG", "CHỦ NHIỆM", "TRƯỞNG ĐOÀN",
    "TỔNG THƯ KÝ", "TRƯỞNG KHOA", "CHỈ HUY TRƯỞNG", "TRƯỞNG CÔNG AN", "GIÁM ĐỐC CÔNG AN",
]
# Deputies: "PHÓ " + a head title, and the deputy minister.
DEPUTY_TITLES = ["THỨ TRƯỞNG"] + [f"PHÓ {t}" for t in HEAD_TITLES if t not in ("THỦ TRƯỞNG",)]
KNOWN_TITLES = HEAD_TITLES + DEPUTY_TITLES
# Collective bodies that sign "TM." (thay mặt tập thể lãnh đạo); an agency's own name is allowed too.
COLLECTIVES = [
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN CHỈ ĐẠO",
    "BAN THƯỜNG TRỰC", "THƯỜNG TRỰC", "ĐOÀN CHỦ TỊCH", "ỦY BAN", "UỶ BAN", "CHÍNH PHỦ", "BAN CHỈ HUY",
    "BAN ĐIỀU HÀNH", "TẬP THỂ", "BAN GIÁM ĐỐC", "BAN GIÁM HIỆU",
]


def _starts(title: str, names: list[str]) -> bool:
    return any(title == n or title.startswith(n + " ") for n in names)


def _head_of_a_body(title: str) -> bool:
    """"TRƯỞNG TIỂU BAN", "PHÓ TRƯỞNG BAN TỔ CHỨC": the head ("trưởng") of a named body is a title
    of its own, whatever the body; a list cannot name every body. ("THỊ TRƯỞNG" is no such title.)"""
    words = title.removeprefix("PHÓ ").split()
    return len(words) >= 2 and words[0] == "TRƯỞNG"


def _signatures(ctx: Context) -> Iterator[tuple[Loc, Signature]]:
    """The signatures to check; a batch template's (placeholders in it) is checked per unit."""
    found = []
    if ctx.plan.signature:
        found.append((("signature",), ctx.plan.signature))
    if ctx.plan.decision:
        found.append((("decision", "signature"), ctx.plan.decision.signature))
    for loc, sig in found:
        if not any(is_placeholder(v) for v in (sig.title, sig.head_title, sig.on_behalf_of)):
            yield loc, sig


def _is_deputy(title: str) -> bool:
    return _starts(title, DEPUTY_TITLES) or title.startswith("PHÓ ")


@rule("KH204", "ky-thay-deputy", Severity.error, "NĐ 30, Phụ lục I, Mục II.7.b",
      ("KT. đi với chức vụ cấp phó", "KT. goes with a deputy's title"))
def ky_thay_deputy(ctx: Context) -> Iterator[Finding]:
    """KT. (ký thay) is a deputy signing for the head: the head's title after KT., a deputy title below.

    Tiếng Việt:

        KT. (ký thay) là cấp phó ký thay người đứng đầu: sau KT. là chức vụ người đứng đầu, dưới là chức
        vụ cấp phó.

    Passes:

        signature:
          authority: KT
          head_title: CHỦ TỊCH
          title: PHÓ CHỦ TỊCH
          name: Lê Văn Phước

    Fails:

        signature:
          authority: KT
          head_title: CHỦ TỊCH
          title: CHỦ TỊCH
          name: Lê Văn Phước
    """
    for loc, sig in _signatures(ctx):
        title = upper(sig.title)
        if sig.authority == "KT":
            if not sig.head_title:
                yield Finding((*loc, "authority"), tr(
                    "KT. phải kèm chức vụ người đứng đầu (`head_title`, ví dụ CHỦ TỊCH)",
                    "KT. needs the head's title (`head_title`, e.g. CHỦ TỊCH)"))
            elif _is_deputy(upper(sig.head_title)):
                yield Finding((*loc, "head_title"), tr(
                    "sau KT. là chức vụ người đứng đầu, không phải cấp phó ('{t}')",
                    "KT. is followed by the head's title, not a deputy's ('{t}')", t=sig.head_title))
            if not _is_deputy(title) and _starts(title, KNOWN_TITLES):
                yield Finding((*loc, "title"), tr(
                    "ký thay (KT.) thì người ký là cấp phó: '{t}' không phải chức vụ cấp phó (ví dụ PHÓ {h})",
                    "with KT. the signer is a deputy: '{t}' is not a deputy title (e.g. PHÓ {h})",
                    t=sig.title, h=upper(sig.head_title or "CHỦ TỊCH")))
        elif sig.authority is None and sig.head_title:
            yield Finding((*loc, "head_title"), tr(
                "có chức vụ người đứng đầu thì phải ghi quyền hạn ký (`authority`: KT, Q, TL, TUQ)",
                "a head's title needs a signing authority (`authority`: KT, Q, TL, TUQ)"))


@rule("KH205", "thay-mat-collective", Severity.error, "NĐ 30, Phụ lục I, Mục II.7.b",
      ("TM. đi với tên tập thể", "TM. goes with a collective body"))
def thay_mat_collective(ctx: Context) -> Iterator[Finding]:
    """TM. (thay mặt) goes before the name of a collective body (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …)
    or of the agency itself, never before a person's title: "TM. CHỦ TỊCH" mixes TM. with KT./TL.

    Tiếng Việt:

        TM. (thay mặt) đứng trước tên tập thể (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ…) hoặc tên cơ quan, không
        đứng trước chức vụ của một người: "TM. CHỦ TỊCH" là lẫn TM. với KT./TL.

    Passes:

        signature:
          on_behalf_of: ỦY BAN NHÂN DÂN
          title: CHỦ TỊCH
          name: Lê Văn Phước

    Fails:

        signature:
          on_behalf_of: CHỦ TỊCH
          title: CHỦ TỊCH
          name: Lê Văn Phước
    """
    for loc, sig in _signatures(ctx):
        if not sig.on_behalf_of:
            continue
        body = upper(sig.on_behalf_of)
        if _starts(body, KNOWN_TITLES) and not _starts(body, COLLECTIVES):
            yield Finding((*loc, "on_behalf_of"), tr(
                "sau TM. là tên tập thể lãnh đạo (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …) hoặc tên cơ quan, "
                "không phải chức vụ '{b}' (chức vụ người đứng đầu đi sau KT., TL., TUQ.)",
                "TM. is followed by a collective body (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …) or the agency's name, "
                "not the title '{b}' (a head's title follows KT., TL., TUQ.)",
                b=sig.on_behalf_of))


def suggest_title(title: str, known: list[str], prefer_deputy: bool) -> str | None:
    """The nearest known title; among equally near ones, a deputy's when the signer is a deputy."""
    scored = [(difflib.SequenceMatcher(None, title, k).ratio(), k) for k in known]
    scored = [(r, k) for r, k in scored if r >= 0.75]
    if not scored:
        return None
    return max(scored, key=lambda rk: (round(rk[0], 6), _is_deputy(rk[1]) == prefer_deputy))[1]


@rule("KH206", "known-title", Severity.warning, "NĐ 30, Phụ lục I, Mục II.7; Điều 13",
      ("chức vụ người ký không có trong danh mục", "unknown signer title"))
def known_title(ctx: Context) -> Iterator[Finding]:
    """The signer's title (and the head's title after KT./TL./TUQ./Q.) is a known title, so that a
    typo such as "THỊ TRƯỞNG" is caught; the nearest known title is suggested. The head of any named
    body ("TRƯỞNG TIỂU BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC") is a title. A warning: an office
    may use a title the list lacks; a configuration adds titles with ``titles = [...]``.

    Tiếng Việt:

        Chức vụ người ký (và chức vụ người đứng đầu sau KT./TL./TUQ./Q.) phải là chức vụ đã biết, để
        bắt lỗi gõ như "THỊ TRƯỞNG"; công cụ gợi ý chức vụ gần nhất. Người đứng đầu một ban, tổ chức
        có tên ("TRƯỞNG TIỂU BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC") là chức vụ. Là cảnh báo: cơ quan có
        thể dùng chức vụ danh mục chưa có; cấu hình thêm chức vụ bằng `titles = [...]`.

    Passes:

        signature:
          authority: KT
          head_title: BỘ TRƯỞNG
          title: THỨ TRƯỞNG
          name: Nguyễn Thị Hà

    Fails:

        signature:
          authority: KT
          head_title: BỘ TRƯỞNG
          title: THỊ TRƯỞNG
          name: Nguyễn Thị Hà
    """
    known = KNOWN_TITLES + [upper(t) for t in ctx.config.titles]
    for loc, sig in _signatures(ctx):
        for key, value, deputy in (("title", sig.title, sig.authority == "KT"), ("head_title", sig.head_title, False)):
            if not value or _starts(upper(value), known) or _head_of_a_body(upper(value)):
                continue
            guess = suggest_title(upper(value), known, deputy)
            hint = tr(" — có phải \"{g}\"?", " — did you mean \"{g}\"?", g=guess) if guess else ""
            yield Finding((*loc, key), tr("chức vụ '{t}' không có trong danh mục chức vụ{h}",
                                          "title '{t}' is not a known title{h}", t=value, h=hint))
