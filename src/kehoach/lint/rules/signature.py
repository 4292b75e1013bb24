"""KH204–KH206, KH225–KH227: signature authority (ô 7a, 7b; Phụ lục I, Mục II.7.b)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import Signature
from ...source.loader import Loc
from ...common.vn import upper
from .registry import Context, Finding, Fix, is_placeholder, rule

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


@rule("KH225", "ky-thay-signer", Severity.warning, "NĐ 30, Điều 13.1; Phụ lục I, Mục II.7.b",
      ("KT. trên chức vụ không phải cấp phó", "KT. above a title that is no deputy's"))
def ky_thay_signer(ctx: Context) -> Iterator[Finding]:
    """Only a deputy of the head signs KT. (ký thay): under "KT. CHỦ TỊCH" the title is "PHÓ CHỦ
    TỊCH", under "KT. GIÁM ĐỐC" "PHÓ GIÁM ĐỐC". A member of a collective ("ỦY VIÊN", "THÀNH VIÊN")
    is no deputy. KH204 (an error) judges the titles of the list, KH206 a typo of one ("THỊ TRƯỞNG");
    this warning the others: a deputy's title begins with "PHÓ" (or is "THỨ TRƯỞNG").

    Tiếng Việt:

        Chỉ cấp phó của người đứng đầu ký KT. (ký thay): dưới "KT. CHỦ TỊCH" là "PHÓ CHỦ TỊCH", dưới
        "KT. GIÁM ĐỐC" là "PHÓ GIÁM ĐỐC". Thành viên của tập thể ("ỦY VIÊN", "THÀNH VIÊN") không phải
        cấp phó. KH204 (lỗi) xét các chức vụ trong danh mục, KH206 chức vụ gõ nhầm ("THỊ TRƯỞNG"); cảnh
        báo này xét các chức vụ khác: chức vụ cấp phó bắt đầu bằng "PHÓ" (hoặc là "THỨ TRƯỞNG").

    Passes:

        signature:
          on_behalf_of: ỦY BAN NHÂN DÂN
          authority: KT
          head_title: CHỦ TỊCH
          title: PHÓ CHỦ TỊCH
          name: Lê Văn Phước

    Fails:

        signature:
          on_behalf_of: ỦY BAN NHÂN DÂN
          authority: KT
          head_title: CHỦ TỊCH
          title: ỦY VIÊN
          name: Lê Văn Phước
    """
    for loc, sig in _signatures(ctx):
        title = upper(sig.title)
        if sig.authority != "KT" or not title or _is_deputy(title) or _starts(title, KNOWN_TITLES):
            continue  # (a known title that is no deputy's is KH204's error)
        if _head_of_a_body(title) or suggest_title(title, KNOWN_TITLES, True):
            continue  # a head's title, or a typo of a known title ("THỊ TRƯỞNG"): KH204's, KH206's
        head = upper(sig.head_title or "CHỦ TỊCH")
        yield Finding((*loc, "title"), tr(
            "người ký thay (KT. {h}) là cấp phó của người đứng đầu (ví dụ PHÓ {h}): '{t}' không phải chức vụ "
            "cấp phó",
            "the signer under KT. {h} is the head's deputy (e.g. PHÓ {h}): '{t}' is no deputy's title",
            h=head, t=sig.title), snippet=sig.title)


# Agencies run by one head (chế độ thủ trưởng, NĐ 30 Điều 13.1): the head signs with the head's title, a
# deputy "KT. <head>"; "TM." is for a collective (Điều 13.2). Name's first words → the head's title.
SINGLE_HEAD = {"SỞ": "GIÁM ĐỐC", "PHÒNG": "TRƯỞNG PHÒNG", "VĂN PHÒNG": "CHÁNH VĂN PHÒNG", "CỤC": "CỤC TRƯỞNG",
               "CHI CỤC": "CHI CỤC TRƯỞNG", "TỔNG CỤC": "TỔNG CỤC TRƯỞNG", "VỤ": "VỤ TRƯỞNG",
               "THANH TRA": "CHÁNH THANH TRA"}


@rule("KH226", "thay-mat-single-head", Severity.warning, "NĐ 30, Điều 13.1, 13.2; Phụ lục I, Mục II.7.b",
      ("TM. trước tên cơ quan làm việc theo chế độ thủ trưởng", "TM. before an agency run by one head"))
def thay_mat_single_head(ctx: Context) -> Iterator[Finding]:
    """TM. (thay mặt) signs for a collective leadership: "TM. ỦY BAN NHÂN DÂN", "TM. BAN THƯỜNG
    VỤ". A Sở, Phòng, Văn phòng, Cục, Chi cục, Tổng cục, Vụ or Thanh tra is run by its head (chế độ
    thủ trưởng): the head signs with the head's title ("GIÁM ĐỐC"), a deputy "KT. GIÁM ĐỐC" above "PHÓ GIÁM
    ĐỐC" — never "TM. SỞ TƯ PHÁP". A warning: the agency's own rules decide who signs what. (The
    name may be typed in lower case, "Sở Tư pháp": kehoach prints it in capitals.)

    Tiếng Việt:

        TM. (thay mặt) là ký thay mặt tập thể lãnh đạo: "TM. ỦY BAN NHÂN DÂN", "TM. BAN THƯỜNG VỤ".
        Sở, Phòng, Văn phòng, Cục, Chi cục, Tổng cục, Vụ, Thanh tra làm việc theo chế độ thủ trưởng:
        người đứng đầu ký với chức vụ của mình ("GIÁM ĐỐC"), cấp phó ký "KT. GIÁM ĐỐC" trên "PHÓ GIÁM
        ĐỐC" — không ký "TM. SỞ TƯ PHÁP". Là cảnh báo: quy chế của cơ quan quyết định ai ký văn bản nào.
        (Tên có thể gõ chữ thường, "Sở Tư pháp": kehoach in bằng chữ in hoa.)

    Passes:

        signature:
          authority: KT
          head_title: GIÁM ĐỐC
          title: PHÓ GIÁM ĐỐC
          name: Lê Văn Phước

    Fails:

        signature:
          on_behalf_of: Sở Tư pháp
          title: PHÓ GIÁM ĐỐC
          name: Lê Văn Phước
    """
    for loc, sig in _signatures(ctx):
        body = upper(sig.on_behalf_of or "").removeprefix("TM.").strip()
        kind = max((k for k in SINGLE_HEAD if body == k or body.startswith(k + " ")), key=len, default=None)
        if kind is None:
            continue
        head = SINGLE_HEAD[kind]
        yield Finding((*loc, "on_behalf_of"), tr(
            "'{b}' làm việc theo chế độ thủ trưởng: người đứng đầu ký '{h}', cấp phó ký 'KT. {h}' (authority: KT, "
            "head_title: {h}); TM. chỉ dùng khi ký thay mặt tập thể lãnh đạo (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …)",
            "'{b}' is run by its head: the head signs '{h}', a deputy 'KT. {h}' (authority: KT, head_title: {h}); "
            "TM. is for signing on behalf of a collective leadership (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …)",
            b=sig.on_behalf_of, h=head), snippet=sig.on_behalf_of)


_TYPED_PREFIX = re.compile(r"(?i)^(?P<mark>TM|KT|TL|TUQ|Q)\s*\.\s*")


@rule("KH227", "authority-typed-twice", Severity.warning, "NĐ 30, Phụ lục I, Mục II.7.b",
      ("'TM.', 'KT.' gõ lại trong tên sau nó", "'TM.' or 'KT.' typed again in the name after it"), fix="safe")
def authority_typed_twice(ctx: Context) -> Iterator[Finding]:
    """kehoach writes "TM." before `on_behalf_of` and "KT." (TL., TUQ., Q.) before `head_title`: typed
    in the field too, it is printed twice ("TM. TM. ỦY BAN NHÂN DÂN"). The fix removes the typed one.

    Tiếng Việt:

        kehoach tự viết "TM." trước `on_behalf_of` và "KT." (TL., TUQ., Q.) trước `head_title`: gõ thêm
        trong trường thì bị in hai lần ("TM. TM. ỦY BAN NHÂN DÂN"). Sửa tự động bỏ chữ gõ thêm.

    Passes:

        signature:
          on_behalf_of: ỦY BAN NHÂN DÂN
          title: CHỦ TỊCH
          name: Lê Văn Phước

    Fails:

        signature:
          on_behalf_of: TM. ỦY BAN NHÂN DÂN
          title: CHỦ TỊCH
          name: Lê Văn Phước

    Fixed:

        signature:
          on_behalf_of: ỦY BAN NHÂN DÂN
          title: CHỦ TỊCH
          name: Lê Văn Phước
    """
    for loc, sig in _signatures(ctx):
        for key, value, mark in (("on_behalf_of", sig.on_behalf_of, "TM"), ("head_title", sig.head_title, sig.authority)):
            typed = _TYPED_PREFIX.match(value or "")
            if not typed or not mark or upper(typed.group("mark")) != mark or not value[typed.end():].strip():
                continue
            yield Finding((*loc, key), tr(
                "'{m}.' được công cụ in trước {k}: gõ thêm thì in hai lần ('{m}. {v}'), bỏ '{t}'",
                "the tool prints '{m}.' before {k}: typed there too it is printed twice ('{m}. {v}'), drop '{t}'",
                m=mark, k=key, v=upper(value), t=typed.group(0).strip()), snippet=value,
                fix=Fix(value, value[typed.end():], safe=True))
