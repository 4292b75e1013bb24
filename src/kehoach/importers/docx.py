"""Reading a .docx (WordprocessingML) into neutral blocks, with lxml straight from the zip.

What a reader of the page sees is what we keep: paragraphs with their runs (bold and italic resolved
through the style chain), labels computed from Word's automatic numbering (numbering.xml), tables
with gridSpan/vMerge (Word 97 hMerge folded by ``merges``), text boxes (a letterhead is sometimes drawn in them), footnotes, and section
breaks. Runs typed in TCVN3/VNI fonts are converted to Unicode (``legacy``).
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..common.i18n import tr
from ..common.ooxml import MC_NS, W_NS, w
from . import legacy
from .blocks import Break, Cell, Para, Run, Source, Table
from .errors import import_error
from .merges import fold_row
from .numbering import MAX_COLUMNS, Numbering, bounded_int, level_of
from .safezip import parse_xml, read_parts

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _on(el: etree._Element | None) -> bool | None:
    """The value of a toggle property (w:b, w:i): None when absent."""
    if el is None:
        return None
    return el.get(w("val"), "true") not in ("0", "false", "off", "none")


@dataclass
class _Style:
    name: str
    bold: bool | None
    italic: bool | None
    font: str | None
    num: tuple[str, int] | None
    based_on: str | None
    align: str | None = None


def _font_of(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        return None
    return fonts.get(w("ascii")) or fonts.get(w("hAnsi"))


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_font = _font_of(defaults)
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if not sid:
                continue
            name_el = style.find(w("name"))
            rpr = style.find(w("rPr"))
            ppr = style.find(w("pPr"))
            num = None
            if ppr is not None and ppr.find(w("numPr")) is not None:
                numpr = ppr.find(w("numPr"))
                num_id = numpr.find(w("numId"))
                ilvl = numpr.find(w("ilvl"))
                if num_id is not None:
                    num = (num_id.get(w("val")), level_of(ilvl.get(w("val"), "0")) if ilvl is not None else 0)
            based = style.find(w("basedOn"))
            jc = ppr.find(w("jc")) if ppr is not None else None
            self.styles[sid] = _Style(
                name_el.get(w("val"), sid) if name_el is not None else sid,
                _on(rpr.find(w("b"))) if rpr is not None else None,
                _on(rpr.find(w("i"))) if rpr is not None else None,
                _font_of(rpr), num, based.get(w("val")) if based is not None else None,
                jc.get(w("val")) if jc is not None else None)
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_para = sid

    def resolve(self, sid: str | None, attr: str) -> object:
        seen = set()
        sid = sid or self.default_para
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            value = getattr(self.styles[sid], attr)
            if value is not None:
                return value
            sid = self.styles[sid].based_on
        return None


class _Reader:
    def __init__(self, parts: dict[str, bytes], path: Path) -> None:
        self.path = path
        self.styles = _Styles(self._xml(parts, "word/styles.xml"))
        self.numbering = Numbering(self._xml(parts, "word/numbering.xml"), W_NS)
        self.referenced: dict[str, int] = {}  # footnote id → its number, in order of first reference
        self.footnotes: dict[str, str] = {}
        self.footnotes = self._footnotes(self._xml(parts, "word/footnotes.xml"))
        self.legacy_fonts: set[str] = set()

    def _xml(self, parts: dict[str, bytes], name: str) -> etree._Element | None:
        data = parts.get(name)
        if data is None:
            return None
        return parse_xml(data, name, self.path)

    def _footnotes(self, root: etree._Element | None) -> dict[str, str]:
        notes: dict[str, str] = {}
        if root is None:
            return notes
        for note in root.iter(w("footnote")):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = [para for el in note.iter(w("p")) for para in self.paragraph(el)[0]]
            text = " ".join(para.text for para in paras if para.text)
            notes[note.get(w("id"), "")] = text
        return notes

    # -- body ---------------------------------------------------------------------------------

    def blocks(self, body: etree._Element) -> list:
        out: list = []
        for child in body:
            tag = child.tag
            if tag == w("p"):
                paras, brk = self.paragraph(child)
                out.extend(paras)  # empty ones too: a rule under the title is an empty paragraph
                if brk:
                    out.append(Break())
            elif tag == w("tbl"):
                out.append(self.table(child))
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    out.extend(self.blocks(content))
        return out

    def paragraph(self, p: etree._Element) -> tuple[list[Para], bool]:
        """The paragraph (preceded by any text-box paragraphs it anchors) and whether a section or
        page break follows it."""
        ppr = p.find(w("pPr"))
        style_id = None
        align = ""
        num = None
        brk = False
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            style_id = style_el.get(w("val")) if style_el is not None else None
            jc = ppr.find(w("jc"))
            align = jc.get(w("val"), "") if jc is not None else ""
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                num_id = numpr.find(w("numId"))
                ilvl = numpr.find(w("ilvl"))
                if num_id is not None:
                    num = (num_id.get(w("val")), level_of(ilvl.get(w("val"), "0")) if ilvl is not None else 0)
            brk = ppr.find(w("sectPr")) is not None
        if num is None:
            num = self.styles.resolve(style_id, "num")
        align = align or self.styles.resolve(style_id, "align") or ""
        style_bold = bool(self.styles.resolve(style_id, "bold"))
        style_italic = bool(self.styles.resolve(style_id, "italic"))
        style_font = self.styles.resolve(style_id, "font") or self.styles.default_font
        runs: list[Run] = []
        boxes: list[Para] = []
        for run in self._runs(p):
            rpr = run.find(w("rPr"))
            bold = _on(rpr.find(w("b"))) if rpr is not None else None
            italic = _on(rpr.find(w("i"))) if rpr is not None else None
            rstyle_id = None
            if rpr is not None and rpr.find(w("rStyle")) is not None:
                rstyle = rstyle_id = rpr.find(w("rStyle")).get(w("val"))
                bold = bold if bold is not None else self.styles.resolve(rstyle, "bold")
                italic = italic if italic is not None else self.styles.resolve(rstyle, "italic")
            font = _font_of(rpr) or style_font
            text = []
            for el in run:
                if el.tag == w("t"):
                    # itertext: an unexpanded entity reference stays as "&name;" and the text after
                    # it is kept. A literal "[^" would read as a footnote reference in the plan file.
                    text.append("".join(el.itertext()).replace("[^", "\\[^"))
                elif el.tag == w("tab"):
                    text.append("\t")
                elif el.tag in (w("br"), w("cr")):
                    if el.get(w("type")) == "page":
                        brk = True
                    else:
                        text.append("\n")
                elif el.tag == w("noBreakHyphen"):
                    text.append("-")
                elif el.tag == w("footnoteReference"):
                    note_id = el.get(w("id"), "")
                    if self.footnotes.get(note_id):
                        number = self.referenced.setdefault(note_id, len(self.referenced) + 1)
                        text.append(f"[^{number}]")
                elif el.tag == w("sym"):
                    text.append(_symbol(el.get(w("char"))))
            for box in run.iter(w("txbxContent")):
                if box.getparent() is not None and _in_fallback(box):
                    continue
                for inner in box.iter(w("p")):
                    boxes.extend(self.paragraph(inner)[0])
            joined = "".join(text)
            if not joined:
                continue
            if rstyle_id == "FootnoteReference" and joined.isascii() and joined.isdigit() and len(joined) < 6 \
                    and 0 < int(joined) <= len(self.referenced):
                joined = f"[^{joined}]"  # a note referenced again: its number set as a reference mark
            kind = legacy.legacy_of(font)
            if kind:
                self.legacy_fonts.add(font)
                joined = legacy.convert(joined, font)
            runs.append(Run(joined, bold if bold is not None else style_bold,
                            italic if italic is not None else style_italic))
        label = self.numbering.label(*num) if num else ""
        style_name = self.styles.styles[style_id].name if style_id in self.styles.styles else ""
        para = Para(_merge(runs), label=label, align=align, style=style_name)
        return [*[b for b in boxes if b.runs], para], brk

    def _runs(self, p: etree._Element):
        """The runs of a paragraph in order: inside hyperlinks, insertions, smart tags and fields,
        not inside deletions, nested text-box paragraphs or Fallback copies."""
        for el in p.iter(w("r")):
            parent = el.getparent()
            skip = False
            while parent is not None and parent is not p:
                if parent.tag in (w("del"), w("p"), f"{{{MC_NS}}}Fallback", w("txbxContent")):
                    skip = True
                    break
                parent = parent.getparent()
            if not skip:
                yield el

    def table(self, tbl: etree._Element) -> Table:
        rows: list[list[Cell]] = []
        header = 0
        for row in tbl.iterchildren(w("tr")):
            trpr = row.find(w("trPr"))
            if trpr is not None and trpr.find(w("tblHeader")) is not None and len(rows) == header:
                header += 1
            cells = []
            hmerge = []  # each cell's Word 97 hMerge, folded by merges.fold_row
            skipped = _grid_skip(trpr)
            if skipped[0]:
                cells.append(Cell([], skipped[0], filler=True))
                hmerge.append("")
            for tc in row.iterchildren(w("tc")):
                tcpr = tc.find(w("tcPr"))
                span = 1
                merge = across = ""
                if tcpr is not None:
                    gs = tcpr.find(w("gridSpan"))
                    if gs is not None:
                        span = bounded_int(gs.get(w("val"), "1"), 1, MAX_COLUMNS)
                    vm = tcpr.find(w("vMerge"))
                    if vm is not None:
                        merge = "restart" if vm.get(w("val")) == "restart" else "continue"
                    hm = tcpr.find(w("hMerge"))
                    if hm is not None:
                        across = "restart" if hm.get(w("val")) == "restart" else "continue"
                paras = []
                for block in self.blocks(tc):
                    if isinstance(block, Para):
                        paras.append(block)
                    elif isinstance(block, Table):  # a nested table: its text, in reading order
                        paras.extend(block.all_paras())
                cells.append(Cell(paras, span, merge))
                hmerge.append(across)
            if skipped[1]:
                cells.append(Cell([], skipped[1], filler=True))
                hmerge.append("")
            rows.append(fold_row(cells, hmerge))
        grid = tbl.find(w("tblGrid"))  # this table's own grid, not a nested table's
        widths = [_twips(col.get(w("w"))) / 567 for col in grid.iterchildren(w("gridCol"))] \
            if grid is not None else []
        return Table(rows, header, [round(x, 2) for x in widths])


def _twips(value: str | None) -> float:
    """A grid column's width in twips; decimals accepted, nonsense (or NaN) is 0, at most 22 inches."""
    try:
        number = float(value or 0)
    except ValueError:
        return 0.0
    return min(max(number, 0.0), 31_680.0) if number == number else 0.0


def _grid_skip(trpr: etree._Element | None) -> tuple[int, int]:
    """Grid columns a row leaves out before its first cell and after its last (gridBefore/After)."""
    def count(tag: str) -> int:
        el = trpr.find(w(tag)) if trpr is not None else None
        try:
            return min(max(0, int(el.get(w("val"), "0"))), 63) if el is not None else 0  # Word's widest table
        except ValueError:
            return 0
    return count("gridBefore"), count("gridAfter")


def _in_fallback(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == f"{{{MC_NS}}}Fallback":
            return True
        parent = parent.getparent()
    return False


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs with the same emphasis joined (Word splits text into many runs)."""
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out


def _symbol(code: str | None) -> str:
    """The character of a w:sym (a hex code, often in the private area of a symbol font)."""
    value = int(code, 16) if code and len(code) <= 8 else 0x20 if not code else -1
    if not 0 < value < 0x110000 or 0xD800 <= value < 0xE000:
        raise ValueError(f"w:sym w:char={code!r}")
    return chr(value)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def read_docx(data: bytes, path: Path) -> Source:
    """The blocks of the .docx ``data``; a located KH501–KH506 error when it is not a readable document."""
    if data.startswith(OLE_MAGIC):
        raise import_error("KH502", tr(
            "tệp được bảo vệ bằng mật khẩu (tệp Office mã hóa) hoặc là tệp .doc đổi đuôi: hãy mở bằng "
            "Word, bỏ mật khẩu và lưu lại dạng .docx",
            "the file is password-protected (an encrypted Office file) or a .doc renamed: open it in "
            "Word, remove the password and save it as .docx"), path)
    try:
        wanted = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml")
        names, parts = read_parts(data, wanted, path)
        if "word/document.xml" not in names:
            raise import_error("KH501", tr("không phải tệp Word .docx (thiếu word/document.xml)",
                                           "not a Word .docx file (no word/document.xml)"), path)
    except zipfile.BadZipFile:
        raise import_error("KH503", tr("tệp .docx hỏng hoặc không phải tệp .docx (không mở được dạng zip)",
                                       "corrupt or not a .docx file (not a readable zip)"), path) from None
    except (zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError,
            zlib.error) as exc:
        raise import_error("KH503", tr("tệp .docx hỏng: {e}", "corrupt .docx: {e}", e=exc), path) from None
    try:
        reader = _Reader(parts, path)
        root = reader._xml(parts, "word/document.xml")
        body = root.find(w("body"))
        if body is None:
            raise import_error("KH503", tr("tệp .docx hỏng: không có phần thân văn bản",
                                           "corrupt .docx: no document body"), path)
        source = Source(reader.blocks(body))
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, RecursionError) as exc:
        # A malformed attribute value (w:val="abc" where a number belongs, a w:char out of Unicode, …)
        raise import_error("KH503", tr("tệp .docx hỏng: một giá trị không hợp lệ ({e})",
                                       "corrupt .docx: an invalid value ({e})", e=_short(exc)), path) from None
    source.footnotes = {str(number): reader.footnotes[note_id] for note_id, number in reader.referenced.items()}
    for font in sorted(reader.legacy_fonts):
        kind = legacy.legacy_of(font)
        source.notes.append(tr("chữ phông {f} ({k}) đã được chuyển sang Unicode",
                               "text in the {f} font ({k}) was converted to Unicode", f=font, k=kind))
    return source
