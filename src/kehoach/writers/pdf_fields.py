"""Signing fields of a PDF/A draft: where the leader signs, where the seal goes, the number and day
the văn thư fills in, and each appendix's signature (Decree 30, Phụ lục I).

The .docx carries bookmarks at those places (``docx/anchors.py``); LibreOffice turns them into
named destinations with the page and position of each. Here, in the same qpdf pass that makes the
PDF reproducible (``pdf_stamp``), they become AcroForm fields under one parent field ``kehoach``:

- ``kehoach.ky_duyet`` (signature, ô 7c): between the signer's position line and name line,
  centred on them (Phụ lục I, II.7.d: "đặt canh giữa chức vụ của người ký và họ tên người ký").
  Its lock (FieldMDP, /Action /Exclude) leaves the slots and the later signatures open, and it asks
  for certification level 2 (/P 2: filling forms and signing allowed), so filling the number and day
  after the leader's signature keeps that signature valid.
- ``kehoach.dong_dau`` (signature, ô 8): the organisation's seal, over about the left third of the
  leader's signature (II.8.a: "trùm lên khoảng 1/3 hình ảnh chữ ký số … về bên trái"). The decree
  does not limit the seal to TM./KT. signatures: every document an agency issues carries it.
  Its lock fixes the number and day.
- ``kehoach.so``, ``kehoach.ngay``, ``kehoach.thang``, ``kehoach.nam`` (text): each blank part of the
  number and date of a draft, over the blank (Điều 15.3: the system assigns them).
- ``kehoach.so_1``, ``kehoach.ngay_1``, … (text): the same blanks where the N-th note line cites the
  document itself ("(Kèm theo Kế hoạch số      /KH-UBND ngày …)", ``docx/anchors.mark_references``);
  they take the same values. Fields of their own, not more widgets of ``kehoach.so``: a validator
  (pyHanko's) accepts a filled field's own appearance after a certification, not its kids'.
- ``kehoach.phu_luc_1``, … (signature): top right of each appendix's first page, in the top margin
  (II.8.b, III.1.d: an appendix in a file of its own is signed there, with no image; an appendix in
  the same file as the document is not signed separately, so these stay empty unless the appendix
  is issued as its own file).

Field names are hierarchical (a partial name may not contain a period, ISO 32000-1 12.7.3.2):
signing tools name ``kehoach.ky_duyet``. ``read_fields`` lists them for the metadata sidecar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common import nd30

PARENT = "kehoach"
SIGNER = "ky_duyet"
SEAL = "dong_dau"
APPENDIX = "phu_luc_"
SLOTS = {"Number": "so", "Day": "ngay", "Month": "thang", "Year": "nam"}
SLOT_SIZE_PT = {"Number": 13.0, "Day": 14.0, "Month": 14.0, "Year": 14.0}  # the line's type size
REFERENCE = re.compile(r"khRef(\d+)(Number|Day|Month|Year)")  # a blank of a note citing the document
CITED = re.compile(r"(so|ngay|thang|nam)_(\d+)")  # its field: the slot's name and the note's number
# A note's field says how its line is printed in its own appearance string (a tool regenerating the
# appearance reads it; `kehoach issue` does): Times italic at the note's size.
NOTE_DA = f"/TiIt {nd30.APPENDIX_NOTE_PT} Tf 0 g"
SAME_LINE_PT = 1.0  # a blank's two ends further apart than this vertically: broken over two lines
# A blank at the end of a line has no width on the page (trailing spaces collapse): the year of an
# undated draft gets room for four digits.
YEAR_WIDTH_PT = 32.0
SPACE_EM = 0.25  # a Times space

SIGNATURE_WIDTH_PT = 170.0  # 6 cm: room for a signature image and a line of text beside or under it
SEAL_SIZE_PT = 102.0  # 36 mm, about a UBND seal; tools draw the image at the seal's real size anyway
APPENDIX_BOX_PT = (200.0, 44.0)  # three lines of size 10 (II.8.b): number, time of signing, agency
LINE_FACTOR = 1.15  # line height of a single-spaced Times line, in type sizes
PRINT = 4  # annotation flag: printed (PDF/A: every widget shows and prints)
_PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Field:
    name: str  # fully qualified: kehoach.ky_duyet
    kind: str  # signature | text
    page: int  # 0-based
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1 in pt, PDF user space
    note: bool = False  # on a note line citing the document (printed italic, NOTE_DA)

    def as_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "page": self.page + 1,
                "rect": [round(v, 2) for v in self.rect]}


def mark_name(key) -> str | None:
    """Our destination name without its escaping: "/5FkhNumber" (LibreOffice's "_"), "/_khNumber" or
    "/khNumber" → "khNumber"; None for anyone else's destination."""
    name = str(key).lstrip("/")
    for prefix in ("5F", "#5F", "_"):
        if name.startswith(prefix + "kh"):
            name = name[len(prefix):]
            break
    return name if name.startswith("kh") else None


def _marks(pdf) -> dict[str, tuple[int, float, float]]:
    """Our named destinations: name → (page index, x, y of the top of the line)."""
    dests = pdf.Root.get("/Dests")
    if dests is None:
        return {}
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    out = {}
    for key, dest in dests.items():
        name = mark_name(key)
        if name is None:
            continue
        try:
            out[name] = (pages[dest[0].objgen], float(dest[2]), float(dest[3]))
        except (KeyError, IndexError, TypeError, ValueError):
            continue
    return out


def printed_date(pdf) -> dict[str, int]:
    """The date parts printed beside the blanks: {'Month': 3, 'Year': 2026} (from khPrintedM3Y2026)."""
    dests = pdf.Root.get("/Dests")
    for key in (dests.keys() if dests is not None else []):
        match = re.fullmatch(r"khPrinted(?:D(\d+))?(?:M(\d+))?(?:Y(\d+))?", mark_name(key) or "")
        if match:
            return {part: int(value) for part, value in zip(("Day", "Month", "Year"), match.groups()) if value}
    return {}


def plan_fields(pdf) -> list[Field]:
    """Where the fields go, from the marks LibreOffice exported."""
    marks = _marks(pdf)
    fields: list[Field] = []
    title, title_end, name = (marks.get(k) for k in ("khSignerTitle", "khSignerTitleEnd", "khSignerName"))
    if title and title_end and name and title[0] == name[0]:
        page_w = float(pdf.pages[title[0]].MediaBox[2])
        right = page_w - nd30.MARGIN_RIGHT_MM * _PT_PER_MM
        centre = (title[1] + title_end[1]) / 2
        top = title_end[2] - LINE_FACTOR * nd30.SIGNATURE_PT - 2  # under the last line of a broken title
        bottom = name[2] + 2
        x0 = max(centre - SIGNATURE_WIDTH_PT / 2, 0.0)
        x1 = min(x0 + SIGNATURE_WIDTH_PT, right)
        signer = Field(f"{PARENT}.{SIGNER}", "signature", title[0], (x0, bottom, x1, top))
        fields.append(signer)
        seal_right = x0 + (x1 - x0) / 3
        middle = (bottom + top) / 2
        fields.append(Field(f"{PARENT}.{SEAL}", "signature", title[0],
                            (seal_right - SEAL_SIZE_PT, middle - SEAL_SIZE_PT / 2, seal_right,
                             middle + SEAL_SIZE_PT / 2)))
    for slot, short in SLOTS.items():
        start, end = marks.get(f"kh{slot}"), marks.get(f"kh{slot}End")
        if start and end and start[0] == end[0]:
            left, right = start[1], end[1]
            if right <= left + 1:  # collapsed at the end of the line
                if slot != "Year":
                    continue
                left += SPACE_EM * SLOT_SIZE_PT[slot]  # the space after "năm" collapsed with the blank
                right = left + YEAR_WIDTH_PT
            height = LINE_FACTOR * SLOT_SIZE_PT[slot]
            fields.append(Field(f"{PARENT}.{short}", "text", start[0], (left, start[2] - height, right, start[2])))
    fields += _cited_slots(marks)
    index = 1
    while (mark := marks.get(f"khAppendix{index}")) is not None:
        box = pdf.pages[mark[0]].MediaBox
        page_w, page_h = float(box[2]), float(box[3])
        x1 = page_w - nd30.MARGIN_RIGHT_MM * _PT_PER_MM
        y1 = page_h - 6.0
        width, height = APPENDIX_BOX_PT
        fields.append(Field(f"{PARENT}.{APPENDIX}{index}", "signature", mark[0], (x1 - width, y1 - height, x1, y1)))
        index += 1
    return fields


def _cited_slots(marks: dict[str, tuple[int, float, float]]) -> list[Field]:
    """The blanks of note lines citing the document: kehoach.so_1, kehoach.ngay_1, … A blank the
    line broke or collapsed has no room on the page: left out (it stays blank)."""
    found = sorted((int(m[1]), list(SLOTS).index(m[2]), m[0]) for m in map(REFERENCE.fullmatch, marks) if m)
    out = []
    for note, slot, name in found:
        start, end = marks[name], marks.get(f"{name}End")
        if end is None or end[0] != start[0] or abs(end[2] - start[2]) > SAME_LINE_PT or end[1] <= start[1] + 1:
            continue
        top = start[2]
        out.append(Field(f"{PARENT}.{list(SLOTS.values())[slot]}_{note}", "text", start[0],
                         (start[1], top - LINE_FACTOR * nd30.APPENDIX_NOTE_PT, end[1], top), note=True))
    return out


def _appearance(pdf, rect: tuple[float, float, float, float]):
    """An empty appearance (PDF/A wants one on every widget): nothing drawn until signed or filled."""
    import pikepdf

    width, height = rect[2] - rect[0], rect[3] - rect[1]
    stream = pikepdf.Stream(pdf, b"")
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Form
    stream.BBox = [0, 0, round(width, 3), round(height, 3)]
    return pdf.make_indirect(stream)


def add_fields(pdf) -> list[Field]:
    """Add the signing fields to ``pdf`` (a pikepdf.Pdf, changed in place) and drop our named
    destinations; returns what was added. Nothing is added to a PDF that already has a form."""
    import pikepdf

    fields = plan_fields(pdf)
    printed = printed_date(pdf)
    dests = pdf.Root.get("/Dests")
    if dests is not None:
        for key in [k for k in dests.keys() if mark_name(k) is not None]:
            del dests[key]
        if not len(dests.keys()):
            del pdf.Root["/Dests"]
    if not fields or "/AcroForm" in pdf.Root:
        return []
    parent = pdf.make_indirect(pikepdf.Dictionary(T=pikepdf.String(PARENT), Kids=pikepdf.Array()))
    if printed:  # the date parts printed beside the blanks (read by `kehoach issue`)
        parent.KehoachPrinted = pikepdf.Dictionary({f"/{k}": v for k, v in printed.items()})
    short = {f.name: f.name.split(".", 1)[1] for f in fields}
    open_after_leader = [pikepdf.String(f.name) for f in fields if f.name != f"{PARENT}.{SIGNER}"]
    slot_names = [pikepdf.String(f.name) for f in fields if f.kind == "text"]
    for field in fields:
        page = pdf.pages[field.page]
        widget = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[round(v, 3) for v in field.rect],
            F=PRINT, P=page.obj, Parent=parent, T=pikepdf.String(short[field.name]),
            AP=pikepdf.Dictionary(N=_appearance(pdf, field.rect)))
        if field.kind == "signature":
            widget.FT = pikepdf.Name.Sig
            if short[field.name] == SIGNER:
                widget.Lock = pikepdf.Dictionary(Type=pikepdf.Name.SigFieldLock, Action=pikepdf.Name.Exclude,
                                                  Fields=open_after_leader, P=2)
            elif short[field.name] == SEAL and slot_names:
                widget.Lock = pikepdf.Dictionary(Type=pikepdf.Name.SigFieldLock, Action=pikepdf.Name.Include,
                                                  Fields=slot_names)
        else:
            widget.FT = pikepdf.Name.Tx
            widget.DA = pikepdf.String(NOTE_DA if field.note else "/TiRo 13 Tf 0 g")
            number = short[field.name] == SLOTS["Number"] or short[field.name].startswith(SLOTS["Number"] + "_")
            widget.Q = 2 if number else 1  # the number ends at its "/"
            widget.V = pikepdf.String("")
        ref = pdf.make_indirect(widget)
        parent.Kids.append(ref)
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(ref)
    fonts = pikepdf.Dictionary(TiRo=_type1(pdf, "/Times-Roman"))
    if any(f.note for f in fields):
        fonts.TiIt = _type1(pdf, "/Times-Italic")
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[parent], SigFlags=1, DA=pikepdf.String("/TiRo 13 Tf 0 g"),
                                           DR=pikepdf.Dictionary(Font=fonts))
    return fields


def _type1(pdf, base_font: str):
    import pikepdf

    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name(base_font), Encoding=pikepdf.Name.WinAnsiEncoding))


def read_fields(data: bytes) -> list[Field]:
    """The kehoach fields of a PDF (for the metadata sidecar): name, kind, page and rectangle."""
    import io

    import pikepdf

    out: list[Field] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages: dict = {page.objgen: index for index, page in enumerate(pdf.pages)}
        form = pdf.Root.get("/AcroForm")
        for top in (form.get("/Fields", []) if form is not None else []):
            if str(top.get("/T", "")) != PARENT:
                continue
            for kid in top.get("/Kids", []):
                kind = "signature" if kid.get("/FT") == "/Sig" else "text"
                page = pages.get(kid.P.objgen, -1) if "/P" in kid else -1
                out.append(Field(f"{PARENT}.{kid.T}", kind, page, tuple(float(v) for v in kid.Rect),
                                 note=str(kid.get("/DA", "")) == NOTE_DA))
    return out
