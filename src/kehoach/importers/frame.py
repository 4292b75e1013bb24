"""The frame of a document: letterhead (ô 1–4), title (ô 5a), Nơi nhận and signature (ô 7, 9b).

Each function takes lines as a reader sees them, in reading order, whatever their layout (a
two-column table, a tab-aligned block, text boxes, plain text), and returns schema data plus notes
("kiểm tra: …") for what it is unsure of.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..common import vn
from ..common.diagnostics import Code
from ..common.i18n import tr
from ..model import KINDS
from .notes import said

NATIONAL = re.compile(r"^C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I", re.I)
MOTTO = re.compile(r"^Độc\s+lập\s*[-–]\s*Tự\s+do", re.I)
RULE = re.compile(r"^[-_–—=*\s.]{3,}$")
# "Số: 05/KH-UBND", a draft's "Số:      /KH-UBND" or "Số: ____/KH-UBND", and a legal document's
# "Số: 07/2025/QĐ-UBND" whose number includes the year (Decree 30, Phụ lục I, ô 3).
_FILL = r"[\s_.…]*"
NUMBER = re.compile(rf"^Số\s*:{_FILL}(?P<number>[0-9][0-9A-Za-z.]*(?:/\d{{4}})?)?{_FILL}/\s*(?P<symbol>\S+?)\s*$",
                    re.I)
NUMBER_ALONE = re.compile(rf"^Số\s*:?{_FILL}(?P<number>[0-9][0-9A-Za-z.]*(?:/\d{{4}})?)?{_FILL}$", re.I)
SYMBOL_ALONE = re.compile(r"^(?:\d[0-9A-Za-z.]*(?:/\d{4})?)?\s*/\s*[^\s/]+$")  # "/KH-UBND", "05/KH-UBND"
PLACE_DATE = re.compile(
    rf"^(?P<place>[^,]+?)\s*,\s*ngày{_FILL}(?P<d>\d{{1,2}})?{_FILL}tháng{_FILL}(?P<m>\d{{1,2}})?{_FILL}"
    rf"năm{_FILL}(?P<y>\d{{4}})?\s*$", re.I)


@dataclass
class Line:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Found:
    data: dict
    notes: list[tuple[tuple, str]] = field(default_factory=list)  # (path, message)
    stripped: int = 0  # recipients whose typed end mark (";", ".") was removed


def is_rule(text: str) -> bool:
    return not text.strip() or bool(RULE.match(text))


def kind_name(text: str) -> str | None:
    """'KẾ HOẠCH' when ``text`` is a type name line (KẾ HOẠCH, QUYẾT ĐỊNH, CHƯƠNG TRÌNH, …)."""
    key = " ".join(vn.upper(text.replace("*", "")).split())
    return key if key in KINDS else None


def kind_prefix(text: str) -> tuple[str, str] | None:
    """('CHƯƠNG TRÌNH', 'CÔNG TÁC') for an upper-case line that starts with a type name and goes
    on with the trích yếu ("CHƯƠNG TRÌNH CÔNG TÁC")."""
    plain = " ".join(text.replace("*", "").split())
    if not plain or plain != vn.upper(plain) or len(plain) > 120:
        return None
    for kind in KINDS:
        if plain.startswith(kind + " "):
            return kind, plain[len(kind) + 1:]
    return None


# Types of Decree 30 (Phụ lục III) that kehoach does not build, as their type line prints them.
OTHER_KINDS = ("TỜ TRÌNH", "CÔNG VĂN", "THÔNG BÁO", "GIẤY MỜI", "CÔNG ĐIỆN", "CHỈ THỊ", "NGHỊ QUYẾT", "BIÊN BẢN",
               "THÔNG CÁO", "GIẤY GIỚI THIỆU", "GIẤY ỦY QUYỀN", "HỢP ĐỒNG")
_LETTER = re.compile(r"^(V/v\b|Kính\s+gửi\s*:)", re.I)


def other_kind(texts: list[str]) -> tuple[str, str] | None:
    """(type, the line that shows it) for a document of a type kehoach does not build: its type name
    on a line of its own, or a letter's "V/v …" / "Kính gửi:" (a Công văn has no type line)."""
    for text in texts:
        key = " ".join(vn.upper(text.replace("*", "")).split())
        if key in OTHER_KINDS:
            return key, " ".join(text.split())
    for text in texts:
        if _LETTER.match(text.strip()):
            return "CÔNG VĂN", " ".join(text.split())[:60]
    return None


def refuse_other_kind(texts: list[str], path) -> None:
    """Raise KH505 naming the type found (a Tờ trình, a Công văn …) and what kehoach builds."""
    from .errors import import_error

    found = other_kind(texts)
    if found:
        kind, line = found
        name = vn.sentence_case(kind)
        raise import_error("KH505", tr(
            "đây là một {k} (dòng «{l}»), không phải một kế hoạch: kehoach dựng kế hoạch (và các văn bản "
            "cùng loại: chương trình, đề án, phương án, hướng dẫn, báo cáo) và quyết định ban hành chúng, "
            "không dựng {k}; không ghi tệp nào",
            "this is a {k} (line «{l}»), not a plan: kehoach builds plans (and programmes, projects, "
            "schemes, guides, reports) and the decisions that issue them, not a {k}; nothing was written",
            k=name, l=line), path)


def _initials(lines: list[str]) -> str:
    words = " ".join(lines).replace("-", " ").split()
    return "".join(word[0] for word in words if word[:1].isalpha()).upper() or "CQ"


_DATE_HEAD = re.compile(rf",\s*ngày{_FILL}(?:\d{{1,2}})?{_FILL}$", re.I)
_DATE_TAIL = re.compile(rf"^{_FILL}tháng\b", re.I)


def _join_number_lines(lines: list[Line]) -> list[Line]:
    """"Số:" on a line of its own and its "/KH-UBND" on another (a draft whose blank number made
    Word break the line, or two cells) are one number line."""
    out = list(lines)
    for index, line in enumerate(out[:-1]):  # "Lâm Đồng, ngày" / "tháng 3 năm 2026" broken after the day
        if _DATE_HEAD.search(line.text) and _DATE_TAIL.match(out[index + 1].text):
            joined = Line(line.text.rstrip() + " " + out[index + 1].text.strip(), line.bold, line.italic)
            out = out[:index] + [joined] + out[index + 2:]
            break
    for index, line in enumerate(out):
        if NUMBER_ALONE.match(" ".join(line.text.split())):
            follower = next((j for j in range(index + 1, len(out))
                             if SYMBOL_ALONE.match(" ".join(out[j].text.split()))), None)
            if follower is not None:
                joined = Line(line.text.rstrip() + " " + out[follower].text.strip(), line.bold, line.italic)
                return out[:index] + [joined] + out[index + 1:follower] + out[follower + 1:]
    return out


def letterhead(lines: list[Line], *, numbered: bool = True) -> Found:
    lines = _join_number_lines(lines)
    bodies: list[Line] = []
    extra: list[str] = []
    number = symbol = place = None
    date: dt.date | str | None = None
    seen_national = False
    for line in lines:
        text = " ".join(line.text.split())
        if is_rule(text):
            continue
        if NATIONAL.match(text) or text.upper() == "CHỦ NGHĨA VIỆT NAM":
            seen_national = True
            continue
        if MOTTO.match(text):
            continue
        match = NUMBER.match(text)
        if match:
            number, symbol = match.group("number") or "", match.group("symbol")
            continue
        match = PLACE_DATE.match(text)
        if match:
            place = match.group("place").strip()
            d, m, y = (int(match.group(k)) if match.group(k) else None for k in "dmy")
            try:
                date = dt.date(y, m, d) if d and m and y else (f"{y}-{m:02d}" if y and m else (str(y) if y else None))
            except ValueError:
                extra.append(text)
            continue
        if not seen_national and number is None and text == vn.upper(text):
            bodies.append(Line(text, line.bold, line.italic))
        else:
            extra.append(text)
    notes: list[tuple[tuple, str]] = []
    first_bold = next((i for i, b in enumerate(bodies) if b.bold), None)
    named = symbol.split("-", 1)[1] if symbol and "-" in symbol else None
    # no bold: the issuer is the lines whose initials are the symbol's ("SỞ NỘI VỤ" for KH-SNV)
    by_symbol = next((k for k in range(1, len(bodies)) if named and _initials([b.text for b in bodies[k:]]) ==
                      vn.upper(named)), None) if first_bold is None else None
    if by_symbol is not None:
        parent, issuer = [b.text for b in bodies[:by_symbol]], [b.text for b in bodies[by_symbol:]]
    elif first_bold is None:
        parent, issuer = [], [b.text for b in bodies]
        if len(issuer) > 1:
            notes.append((("letterhead", "issuer"), said("KH511", "không phân biệt được cơ quan chủ quản và cơ quan ban hành (không có chữ đậm): cả các dòng "
                          "được coi là tên cơ quan ban hành", "parent body and issuer cannot be told apart (no "
                          "bold): every line is taken as the issuer")))
    else:
        parent, issuer = [b.text for b in bodies[:first_bold]], [b.text for b in bodies[first_bold:]]
    data: dict = {}
    if parent:
        data["parent"] = parent
    data["issuer"] = issuer or ["…"]
    if not issuer:
        notes.append((("letterhead", "issuer"), said("KH512", "không tìm thấy tên cơ quan ban hành", "no issuer found")))
    abbreviation = None
    if symbol and "-" in symbol:
        abbreviation = symbol.split("-", 1)[1]
    if not abbreviation:
        abbreviation = _initials(issuer)
        notes.append((("letterhead", "abbreviation"), said("KH513", "chữ viết tắt cơ quan đoán từ tên cơ quan", "the abbreviation is guessed from the issuer's name")))
    data["abbreviation"] = abbreviation
    if numbered:
        data["number"] = number or None  # None: a draft, the văn thư stamps the number
        if symbol:
            data["symbol"] = symbol
        if symbol is None:
            notes.append((("letterhead", "number"), said("KH514", "không tìm thấy dòng 'Số: …/…'", "no 'Số: …/…' line found")))
    data["place"] = place or "…"
    if place is None:
        notes.append((("letterhead", "place"), said("KH515", "không tìm thấy dòng địa danh, ngày tháng", "no place and date line found")))
    if date is not None:
        data["date"] = date
    for text in extra:
        notes.append((("letterhead",), said("KH516", "dòng không xếp được vào phần đầu văn bản: «{t}»", "a line with no place in the letterhead: «{t}»", t=text)))
    return Found(data, notes)


# -- signature and recipients -------------------------------------------------------------------

_AUTHORITY = re.compile(r"^(?P<a>KT|Q|TL|TUQ)\s*\.\s*(?P<title>.*)$")
_ON_BEHALF = re.compile(r"^TM\s*\.\s*(?P<body>.+)$")


def signature(lines: list[Line]) -> Found:
    texts = [" ".join(line.text.split()) for line in lines if line.text.strip() and not is_rule(line.text)]
    data: dict = {}
    notes: list[tuple[tuple, str]] = []
    rest = []
    for text in texts:
        on_behalf = _ON_BEHALF.match(text)
        authority = _AUTHORITY.match(text)
        if on_behalf and "on_behalf_of" not in data and not rest:
            data["on_behalf_of"] = on_behalf.group("body").strip()
        elif authority and "authority" not in data and not rest:
            data["authority"] = authority.group("a")
            if authority.group("title").strip():
                data["head_title"] = authority.group("title").strip()
        else:
            rest.append(text)
    if len(rest) >= 2:
        data["title"] = rest[0]
        data["name"] = rest[-1]
        for text in rest[1:-1]:
            notes.append(((), said("KH529", "dòng trong khối chữ ký không có chỗ trong lược đồ: «{t}»", "a signature-block line the schema has no place for: «{t}»", t=text)))
    elif rest:
        data["title"] = rest[0]
        data["name"] = "…"
        notes.append((("name",), said("KH528", "không tìm thấy họ tên người ký", "no signer's name found")))
    else:
        data["title"] = "…"
        data["name"] = "…"
        notes.append(((), said("KH527", "không tìm thấy chức vụ và họ tên người ký", "no signer's title and name found")))
    return Found(data, notes)


_PURPOSE = re.compile(r"^(?P<name>.*?)\s*\((?P<purpose>[^()]*)\)$")
_ARCHIVE = re.compile(r"^Lưu\s*:?\s*(?P<units>.*)$", re.I)


def recipients(lines: list[Line]) -> Found:
    items: list[dict] = []
    groups: list[dict] = []
    archive: dict | None = None
    notes: list[tuple[tuple, str]] = []
    target = items
    stripped = 0
    for line in lines:
        text = " ".join(line.text.split())
        if not text or is_rule(text) or re.fullmatch(r"Nơi\s+nhận\s*:?", text, re.I):
            continue
        if archive is not None:  # after "Lưu": the typist's initials and copies (ô 11), not a recipient
            notes.append((("archive",), said("KH529", "dòng sau dòng 'Lưu' không có chỗ trong lược đồ: «{t}»",
                                           "a line after the 'Lưu' line the schema has no place for: «{t}»", t=text)))
            continue
        marker = text[0]
        body = text[1:].strip() if marker in "-–•+" else text
        archived = _ARCHIVE.match(body)
        if archived and marker in "-–•" and archive is None:
            units_text = vn.strip_end(archived.group("units"))
            copies = None
            match = re.fullmatch(r"(.*?)\s*\((\d+)(?:\s*bản)?\)", units_text)
            if match:
                units_text, copies = match.group(1), int(match.group(2))
            units = [u.strip() for u in re.split(r",\s*(?![^()]*\))", units_text) if u.strip()]
            archive = {"units": units or ["VT"]}
            if copies:
                archive["copies"] = copies
            continue
        if marker not in "-–•+" and text.endswith(":"):
            groups.append({"heading": text[:-1].strip(), "items": []})
            target = groups[-1]["items"]
            continue
        entry: dict = {}
        name = vn.strip_end(body)
        stripped += name != body.rstrip()
        match = _PURPOSE.match(name)
        if match and match.group("name"):
            entry["name"], entry["purpose"] = match.group("name"), match.group("purpose")
        else:
            entry["name"] = name
        if marker == "+" and target:
            target[-1].setdefault("items", []).append(entry)
        else:
            target.append(entry)
    data: dict = {}
    if items:
        data["items"] = [i["name"] if list(i) == ["name"] else i for i in items]
        for i in items:
            if "items" in i:
                i["items"] = [c["name"] if list(c) == ["name"] else c for c in i["items"]]
    if groups:
        data["groups"] = groups
    if archive:
        data["archive"] = archive
    return Found(data, notes, stripped)


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH511", "info", "Không tách được cơ quan chủ quản và cơ quan ban hành",
         "Parent body and issuer cannot be told apart",
         "Phần đầu văn bản không có chữ đậm để biết dòng nào là cơ quan ban hành: mọi dòng được coi là tên cơ quan "
         "ban hành. Chuyển dòng của cơ quan chủ quản sang 'parent'. Ghi trong tệp YAML là '# kiểm tra (KH511): …' "
         "ngay trên mục liên quan.",
         "The letterhead has no bold to tell which lines are the issuer: every line is taken as the issuer. Move "
         "the parent body's lines to 'parent'. Written in the YAML as '# kiểm tra (KH511): …' right above the "
         "entry."),
    Code("KH512", "info", "Không tìm thấy cơ quan ban hành", "No issuer found",
         "Không có dòng chữ in hoa nào trước Quốc hiệu; điền 'issuer'. Ghi trong tệp YAML là '# kiểm tra (KH512): "
         "…' ngay trên mục liên quan.",
         "No upper-case line before the national motto; fill in 'issuer'. Written in the YAML as '# kiểm tra "
         "(KH512): …' right above the entry."),
    Code("KH513", "info", "Chữ viết tắt cơ quan được đoán", "Issuer's abbreviation guessed",
         "Không có ký hiệu văn bản để lấy chữ viết tắt: chữ viết tắt được đoán từ chữ đầu của tên cơ quan. Ghi "
         "trong tệp YAML là '# kiểm tra (KH513): …' ngay trên mục liên quan.",
         "No document symbol to take the abbreviation from: it is guessed from the issuer's initials. Written in "
         "the YAML as '# kiểm tra (KH513): …' right above the entry."),
    Code("KH514", "info", "Không tìm thấy dòng số, ký hiệu", "No number line found",
         "Không có dòng 'Số: …/…'; điền 'number' và 'symbol' (để trống số nếu văn thư sẽ cấp). Ghi trong tệp YAML "
         "là '# kiểm tra (KH514): …' ngay trên mục liên quan.",
         "No 'Số: …/…' line; fill in 'number' and 'symbol' (leave the number blank when the văn thư stamps it). "
         "Written in the YAML as '# kiểm tra (KH514): …' right above the entry."),
    Code("KH515", "info", "Không tìm thấy địa danh, ngày tháng", "No place and date found",
         "Không có dòng '…, ngày … tháng … năm …'; điền 'place' và 'date'. Ghi trong tệp YAML là '# kiểm tra "
         "(KH515): …' ngay trên mục liên quan.",
         "No '…, ngày … tháng … năm …' line; fill in 'place' and 'date'. Written in the YAML as '# kiểm tra "
         "(KH515): …' right above the entry."),
    Code("KH516", "info", "Dòng không xếp được vào phần đầu văn bản", "A letterhead line with no place",
         "Một dòng của phần đầu văn bản không phải cơ quan, số, địa danh hay ngày; nó không được nhập. Ghi trong "
         "tệp YAML là '# kiểm tra (KH516): …' ngay trên mục liên quan.",
         "A letterhead line is not a body, number, place or date; it is not imported. Written in the YAML as '# "
         "kiểm tra (KH516): …' right above the entry."),
    Code("KH528", "info", "Không tìm thấy họ tên người ký", "No signer's name found",
         "Khối chữ ký có chức vụ nhưng không có họ tên; điền 'signature.name'. Ghi trong tệp YAML là '# kiểm tra "
         "(KH528): …' ngay trên mục liên quan.",
         "The signature block has a title but no name; fill in 'signature.name'. Written in the YAML as '# kiểm "
         "tra (KH528): …' right above the entry."),
    Code("KH529", "info", "Dòng của phần cuối không có chỗ trong lược đồ",
         "A closing line with no place in the schema",
         "Một dòng của khối chữ ký, sau dòng 'Lưu' hoặc sau khối chữ ký không thuộc phần nào kehoach dựng; nó "
         "không được nhập. Ghi trong tệp YAML là '# kiểm tra (KH529): …' ngay trên mục liên quan.",
         "A line of the signature block, after the 'Lưu' line or after the signature block belongs to no part "
         "kehoach builds; it is not imported. Written in the YAML as '# kiểm tra (KH529): …' right above the entry."),
)
