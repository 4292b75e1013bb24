"""KH215–KH218: wording a văn thư corrects — the trích yếu's case, the "Xét đề nghị" line's end, the
địa danh, and a cited Điều written with its capital."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.vn import upper
from .recipients import entries
from .registry import Context, Finding, Fix, is_placeholder, rule


def _all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and text == upper(text)


@rule("KH215", "title-capitals", Severity.warning, "NĐ 30, Phụ lục I, Mục II.5.b",
      ("trích yếu viết toàn chữ in hoa", "trích yếu typed in capitals"))
def title_capitals(ctx: Context) -> Iterator[Finding]:
    """The trích yếu under "KẾ HOẠCH" is printed in lower case (chữ in thường), bold: "Phổ biến pháp
    luật năm 2024", not "PHỔ BIẾN PHÁP LUẬT NĂM 2024". Names inside keep their capitals.

    Tiếng Việt:

        Trích yếu dưới chữ "KẾ HOẠCH" in chữ thường, đậm: "Phổ biến pháp luật năm 2024", không viết toàn
        chữ in hoa. Tên riêng bên trong giữ chữ hoa.

    Passes:

        title: Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ

    Fails:

        title: THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTg NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ
    """
    titles = [(("title",), ctx.plan.title)]
    if ctx.plan.decision:
        titles.append((("decision", "title"), ctx.plan.decision.title))
    for loc, title in titles:
        # a ký hiệu keeps its own case ("QĐ-TTg"): judge the words around it
        words = re.sub(r"\S*\d\S*", " ", title)
        if not is_placeholder(title) and _all_capitals(words):
            yield Finding(loc, tr("trích yếu viết bằng chữ in thường (chỉ viết hoa chữ đầu và tên riêng), "
                                  "không viết toàn chữ in hoa",
                                  "the trích yếu is written in lower case (capitals only for the first letter "
                                  "and names), not in capitals"))


_PROPOSAL_END = re.compile(r"[,;:]\s*\Z")


@rule("KH216", "proposal-end", Severity.warning, "NĐ 30, Phụ lục III, Mẫu 1.4 (Theo đề nghị của …)",
      ("dòng 'Xét đề nghị' kết thúc bằng dấu phẩy", "the 'Xét đề nghị' line ends with a comma"), fix="unsafe")
def proposal_end(ctx: Context) -> Iterator[Finding]:
    """The "Theo/Xét đề nghị của …" line closes the preamble: it ends with a full stop, not with
    "," or ";" copied from older documents. A plan's line is printed as typed: type the full stop. A
    decision's line too, but one typed with no closing mark gets the full stop from kehoach. A line
    with an enacting sentence after it is not judged: "Xét đề nghị …," then "Ủy ban nhân dân tỉnh ban
    hành Kế hoạch …" is one sentence (kehoach writes that comma itself when the line opens the enacting
    sentence, ``proposal_place: enacting``), and a legal decision of the 2025 law ends the line with
    ";" before its enacting sentence.

    Tiếng Việt:

        Dòng "Theo/Xét đề nghị của …" khép phần căn cứ bằng dấu chấm, không bằng "," hay ";" chép từ văn
        bản cũ. Dòng này của kế hoạch được in đúng như đã gõ: gõ dấu chấm. Của quyết định cũng in như đã
        gõ, nhưng nếu không gõ dấu cuối thì kehoach thêm dấu chấm. Dòng có câu ban hành theo sau không bị
        xét: "Xét đề nghị …," rồi "Ủy ban nhân dân tỉnh ban hành Kế hoạch …" là một câu (khi dòng này mở
        đầu câu ban hành, `proposal_place: enacting`, kehoach tự viết dấu phẩy đó), và quyết định là văn
        bản quy phạm pháp luật theo luật năm 2025 kết thúc dòng bằng ";" trước câu ban hành.

    Passes:

        preamble:
          proposal: Xét đề nghị của Giám đốc Sở Tư pháp.

    Fails:

        preamble:
          proposal: Xét đề nghị của Giám đốc Sở Tư pháp,

    Fixed:

        preamble:
          proposal: Xét đề nghị của Giám đốc Sở Tư pháp.
    """
    proposals = []
    preamble = ctx.plan.preamble
    if preamble and preamble.proposal and not preamble.enacting:
        # Printed as typed (compose/composer.py); with an enacting sentence after it the line is the
        # start of that sentence, or (``proposal_place: enacting``) compose writes its mark itself.
        proposals.append((("preamble", "proposal"), preamble.proposal, False))
    if ctx.plan.decision and ctx.plan.decision.proposal and not ctx.plan.decision.enacting:
        # (A legal document of the 2025 law: "Theo đề nghị …;" then its enacting sentence, "Ủy ban
        # nhân dân tỉnh ban hành Quyết định …": the ";" is the form's.) Printed as typed, "." added
        # when no mark is typed (compose/text.py, ``proposal_line``).
        proposals.append((("decision", "proposal"), ctx.plan.decision.proposal, True))
    for loc, text, adds_stop in proposals:
        match = _PROPOSAL_END.search(text)
        if not match:
            continue
        mark = match.group(0).strip()
        if adds_stop:
            message = tr("dòng đề nghị kết thúc bằng dấu chấm, không bằng '{p}': thay bằng '.' (hoặc bỏ dấu cuối, "
                         "công cụ tự thêm dấu chấm)",
                         "the proposal line ends with a full stop, not '{p}': write '.' (or no closing mark: "
                         "the tool then adds the full stop)", p=mark)
        else:
            message = tr("dòng đề nghị kết thúc bằng dấu chấm, không bằng '{p}': thay bằng '.' (công cụ in dòng "
                         "này đúng như đã gõ)",
                         "the proposal line ends with a full stop, not '{p}': write '.' (the tool prints this "
                         "line as typed)", p=mark)
        yield Finding(loc, message, snippet=text, fix=Fix(text, text[: match.start()] + ".", safe=False))


# "TP. Bắc Kạn", "Thành phố Bắc Kạn", "Tỉnh Nghệ An", "huyện Chợ Mới": the địa danh is the unit's
# name; the kind of unit stays only before a number or a person's name ("Phường 12").
_PLACE_KIND = re.compile(r"(?i)^(?P<kind>tp\.?|tx\.?|thành phố|thị xã|tỉnh|huyện|quận|xã|phường|thị trấn)\s+(?P<name>.+)$")
# Units named after a person keep their kind, written in full: the decree's own example is
# "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019" (Phụ lục I, Mục II.4.a).
_NAMED_AFTER_PERSON = {"hồ chí minh": "Thành phố Hồ Chí Minh"}


@rule("KH217", "place-name", Severity.warning, "NĐ 30, Phụ lục I, Mục II.4.a",
      ("địa danh ghi kèm loại đơn vị hành chính hoặc viết tắt", "the place name carries the unit's kind or an abbreviation"), fix="unsafe")
def place_name(ctx: Context) -> Iterator[Finding]:
    """The địa danh before the date is the official name of the administrative unit where the
    issuer sits: "Bắc Kạn, ngày …", not "TP. Bắc Kạn" or "Thành phố Bắc Kạn". Only a unit named by
    a number or a person keeps its kind, written in full ("Phường 12", "Thành phố Hồ Chí Minh").

    Tiếng Việt:

        Địa danh trước ngày tháng là tên chính thức của đơn vị hành chính nơi cơ quan đóng trụ sở: "Bắc
        Kạn, ngày …", không "TP. Bắc Kạn" hay "Thành phố Bắc Kạn". Chỉ đơn vị đặt tên bằng số hay tên
        người giữ loại đơn vị, viết đầy đủ ("Phường 12", "Thành phố Hồ Chí Minh").

    Passes:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN
          abbreviation: UBND
          number: "12"
          place: Bắc Kạn
          date: 2024-03-05

    Fails:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN
          abbreviation: UBND
          number: "12"
          place: TP. Bắc Kạn
          date: 2024-03-05

    Fixed:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN
          abbreviation: UBND
          number: "12"
          place: Bắc Kạn
          date: 2024-03-05
    """
    place = ctx.plan.letterhead.place
    match = _PLACE_KIND.match(place.strip())
    if not match or is_placeholder(place) or match.group("name").strip().isdigit():
        return
    name = match.group("name").strip()
    full = _NAMED_AFTER_PERSON.get(name.lower())
    if full is not None:
        if place.strip() == full:
            return
        name = full
    yield Finding(("letterhead", "place"), tr(
        "địa danh là tên đơn vị hành chính: ghi \"{n}\", không ghi \"{p}\"",
        "the place name is the unit's name: write \"{n}\", not \"{p}\"", n=name, p=place),
        snippet=place, fix=Fix(place, name, safe=False))


# Led by the literal words (no look-behind in front), so the engine skips ahead fast.
_CITED_PART = re.compile(r"(?:điều|chương)\s+(?:\d+|[IVXLC]+\b)")


@rule("KH218", "cited-article-case", Severity.warning, "NĐ 30, Phụ lục II, Mục II.6 (viết hoa khi viện dẫn)",
      ("'điều', 'chương' được viện dẫn viết thường", "a cited 'điều' or 'chương' in lower case"), fix="unsafe")
def cited_article_case(ctx: Context) -> Iterator[Finding]:
    """A cited Điều or Chương is capitalised: "Như Điều 3", "khoản 2 Điều 5", "Chương II" (khoản and
    điểm stay lower case). Recipients are read too.

    Tiếng Việt:

        Điều, Chương được viện dẫn viết hoa: "Như Điều 3", "khoản 2 Điều 5", "Chương II" (khoản, điểm
        viết thường). Nơi nhận cũng được kiểm tra.

    Passes:

        recipients:
          items: [Như Điều 3, Sở Tư pháp]

    Fails:

        recipients:
          items: [Như điều 3, Sở Tư pháp]

    Fixed:

        recipients:
          items: [Như Điều 3, Sở Tư pháp]
    """
    names = [(e.loc, e.recipient.name) for e in entries(ctx)]
    if ctx.plan.decision and ctx.plan.decision.recipients:
        names += [(("decision", "recipients", "items", i, "name"), r.name)
                  for i, r in enumerate(ctx.plan.decision.recipients.items)]
    found = [(ctx.corpus.where(m.start())[0], m, ctx.corpus.text) for m in _CITED_PART.finditer(ctx.corpus.text)]
    found += [(loc, m, name) for loc, name in names for m in _CITED_PART.finditer(name)]
    for loc, match, text in found:
        if match.start() and text[match.start() - 1].isalnum():
            continue
        written = match.group(0)
        right = written[0].upper() + written[1:]
        yield Finding(loc, tr("viết hoa khi viện dẫn: \"{r}\", không phải \"{w}\"",
                              "capitalise a citation: \"{r}\", not \"{w}\"", r=right, w=written), snippet=written,
                      fix=Fix(written, right, safe=False))
