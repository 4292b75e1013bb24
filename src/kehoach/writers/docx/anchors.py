"""Bookmarks that say where the signing slots are: the signer's block (ô 7c), the blank number and
day of a draft (ô 3, 4), the same blanks where a note line cites the document itself, and the first
page of each appendix.

LibreOffice exports Word bookmarks as PDF named destinations (page and x/y of the bookmarked
position) when asked (``ExportBookmarksToPDFDestination``); ``writers/pdf_fields`` turns them into
form fields. A bookmark follows its text wherever the layout puts it, so the fields land on the
right page even when the signature block moves, with no text search on the rendered page.

Names are letters and digits after a leading "_", which makes them hidden bookmarks in Word (they
stay out of the Bookmark dialog of a user editing the .docx). LibreOffice writes that "_" as "5F" in
the destination's name; ``pdf_fields`` reads either.
"""

from __future__ import annotations

import re

from lxml import etree

from ...common.ooxml import w

SIGNER_TITLE = "khSignerTitle"  # start of the signer's position line (ô 7b, last line above 7c)
SIGNER_TITLE_END = "khSignerTitleEnd"
SIGNER_NAME = "khSignerName"  # start of the signer's name line (below 7c)
APPENDIX = "khAppendix"  # + 1, 2, …: the "Phụ lục" label, first line of each appendix
# A blank part of the number or the date: (start, end) around the blank.
SLOTS = {"Number": re.compile(r"^Số:[ \u00a0]?( +)/"),
         "Day": re.compile(r"ngày ( +) tháng"),
         "Month": re.compile(r"tháng ( +) năm"),
         "Year": re.compile(r"năm ( +)$")}
PRINTED = {"D": re.compile(r"ngày (\d+)"), "M": re.compile(r"tháng (\d+)"), "Y": re.compile(r"năm (\d+)")}
PRINTED_MARK = "khPrinted"
# A note line under a title ("(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày …)") or an appendix
# title ("(Kèm theo Kế hoạch số …)") citing the document itself: khRef1Number, khRef1NumberEnd, …
REFERENCE = "khRef"
NOTE_STYLES = ("KHTitleNote", "KHAppendixNote")
_CITED_DATE = r" ngày (\d{1,2}| +) tháng (\d{1,2}| +) năm (\d{4}| +)(?=[ ,;)]|$)"
HIDDEN = "_"  # Word hides bookmarks whose name starts with an underscore
_FIRST_ID = 7000  # bookmark ids of their own, far from any other


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def _bookmark(name: str, ident: int) -> tuple[etree._Element, etree._Element]:
    start = etree.Element(w("bookmarkStart"))
    start.set(w("id"), str(ident))
    start.set(w("name"), HIDDEN + name)
    end = etree.Element(w("bookmarkEnd"))
    end.set(w("id"), str(ident))
    return start, end


class _Marker:
    def __init__(self) -> None:
        self.next_id = _FIRST_ID

    def at(self, p: etree._Element, name: str, offset: int | None = 0) -> None:
        """A bookmark in ``p`` before character ``offset`` of its text (None: after the text).
        A run is split where the offset falls inside it; its formatting is copied."""
        start, end = _bookmark(name, self.next_id)
        self.next_id += 1
        runs = p.findall(w("r"))
        if offset is None or not runs:
            anchor = runs[-1] if runs else p[0]
            anchor.addnext(start)
            start.addnext(end)
            return
        seen = 0
        for run in runs:
            texts = run.findall(w("t"))
            length = sum(len(t.text or "") for t in texts)
            if offset <= seen + length and len(texts) == 1:
                cut = offset - seen
                text = texts[0].text or ""
                if 0 < cut < len(text):
                    tail = etree.fromstring(etree.tostring(run))
                    texts[0].text = text[:cut]
                    tail.find(w("t")).text = text[cut:]
                    for t in (texts[0], tail.find(w("t"))):
                        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    run.addnext(tail)
                    run.addnext(start)
                elif cut == 0:
                    run.addprevious(start)
                else:
                    run.addnext(start)
                start.addnext(end)
                return
            seen += length


def add_anchors(body: etree._Element) -> None:
    """Bookmark the signing slots of the document's first signer, blank number and date, and each
    appendix (the issued document's own: the first of each in document order)."""
    marker = _Marker()
    paragraphs = list(body.iter(w("p")))
    styles = [(p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val"))
               if p.find(f"{w('pPr')}/{w('pStyle')}") is not None else "") for p in paragraphs]
    by_style = list(zip(styles, paragraphs))
    name_at = next((i for i, (style, _) in enumerate(by_style) if style == "KHSignerName"), None)
    if name_at is not None and name_at > 0 and by_style[name_at - 1][0] == "KHSignature":
        title = by_style[name_at - 1][1]
        marker.at(title, SIGNER_TITLE)
        marker.at(title, SIGNER_TITLE_END, None)
        marker.at(by_style[name_at][1], SIGNER_NAME)
    for style, slot_names in (("KHNumber", ("Number",)), ("KHPlaceDate", ("Day", "Month", "Year"))):
        p = next((p for s, p in by_style if s == style), None)
        if p is None:
            continue
        for slot in slot_names:
            match = SLOTS[slot].search(_text(p))
            if match:
                marker.at(p, f"kh{slot}", match.start(1))
                marker.at(p, f"kh{slot}End", match.end(1))
        if style == "KHPlaceDate":
            # The parts printed beside the blanks, so that `kehoach issue` can refuse a date that
            # contradicts them: khPrintedM3Y2026 (the name is all the mark says).
            printed = "".join(f"{key}{int(m[1])}" for key, pattern in PRINTED.items()
                              if (m := pattern.search(_text(p))))
            if printed and any(SLOTS[s].search(_text(p)) for s in slot_names):
                marker.at(p, PRINTED_MARK + printed)
    mark_references(marker, by_style)
    appendix = 0
    for style, p in by_style:
        if style == "KHAppendixLabel":
            appendix += 1
            marker.at(p, f"{APPENDIX}{appendix}")


def _date_parts(text: str) -> dict[str, str | None] | None:
    """A "ngày … tháng … năm …" (the letterhead's, or a note's) as {Day, Month, Year}: the printed
    number or None for a blank; None when the text holds no such date."""
    match = re.search(_CITED_DATE, text)
    if match is None:
        return None
    return {slot: (None if part.strip() == "" else str(int(part)))
            for slot, part in zip(("Day", "Month", "Year"), match.groups())}


def mark_references(marker: _Marker, by_style: list[tuple[str, etree._Element]]) -> None:
    """Bookmark, in note lines, the blanks that cite the document itself, so that `kehoach issue`
    fills them with the letterhead's number and day. Conservative: the note must cite a blank
    number followed by the letterhead's own ký hiệu ("số      /KH-UBND", the same symbol as "Số:"),
    and when a date follows it, that date must print exactly the parts the letterhead prints and
    leave blank exactly the parts it leaves blank. Anything else (another document's blank
    number, another ký hiệu, another month) is someone else's reference and stays blank."""
    head = next((_text(p) for s, p in by_style if s == "KHNumber"), "")
    own = re.match(r"^Số:[ \u00a0]?( +)/(\S+)\s*$", head)
    if own is None:  # a numbered document, or no number line: nothing of its own is blank
        return
    dated = _date_parts(next((_text(p) for s, p in by_style if s == "KHPlaceDate"), ""))
    cited = re.compile(r"\bsố( +)/" + re.escape(own[2]) + r"(?![\w/-])(?:" + _CITED_DATE + ")?")
    count = 0
    for style, p in by_style:
        if style not in NOTE_STYLES:
            continue
        for match in cited.finditer(_text(p)):
            slots = [("Number", match.start(1), match.end(1))]
            if match[2] is not None:
                if dated is None or _date_parts(match[0]) != dated:
                    continue  # another date: another document (or a mistake a person should see)
                slots += [(slot, match.start(g), match.end(g)) for slot, g in (("Day", 2), ("Month", 3), ("Year", 4))
                          if not match[g].strip()]
            count += 1
            for slot, start, end in slots:
                marker.at(p, f"{REFERENCE}{count}{slot}", start)
                marker.at(p, f"{REFERENCE}{count}{slot}End", end)
