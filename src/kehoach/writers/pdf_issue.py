"""``kehoach issue``: the văn thư gives a signed draft its number and day (Decree 30, Điều 15.3).

The PDF/A draft carries text fields over each blank part of "Số: …/…" and "ngày … tháng … năm …"
(``pdf_fields``), and over the same blanks where a note line cites the document itself ("(Kèm theo
Kế hoạch số      /KH-UBND ngày …)": kehoach.so_1, kehoach.ngay_1, …, given the same values). Here
they are filled as an incremental update (pyHanko): the bytes the leader
signed stay as they are, and the update only sets each field's value and appearance, which the
leader's certification (level 2, form filling) allows, so every earlier signature stays valid.

The appearance is drawn with an embedded subset of the serif font the document uses (Times New
Roman or Liberation Serif; italic for the date, as the line is printed), so the PDF/A stays PDF/A.
Refusals: KH074 no slots (or not a PDF), KH075 already numbered, KH076 a bad number, KH077 a bad or
contradicting date, KH078 sealed before it was numbered.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..common import vn
from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from .pdf_fields import CITED, NOTE_DA, PARENT, SEAL, SLOT_SIZE_PT, SLOTS


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH074", "error", "PDF không có ô số, ngày để điền", "PDF has no number and date slots",
         "`kehoach issue` chỉ điền được bản PDF/A dự thảo do `kehoach build --pdf-a` dựng với số và ngày để trống "
         "(letterhead.number: null, ngày chỉ có tháng và năm): bản đó có các ô kehoach.so, kehoach.ngay… Tệp này "
         "không đọc được như PDF, hoặc không có các ô ấy. Dựng lại bản dự thảo, trình ký, rồi cấp số.",
         "`kehoach issue` fills only a PDF/A draft that `kehoach build --pdf-a` built with the number and day left "
         "blank (letterhead.number: null, a date of month and year only): it has the fields kehoach.so, "
         "kehoach.ngay… This file cannot be read as a PDF, or lacks those fields. Build the draft again, have it "
         "signed, then number it."),
    Code("KH075", "error", "Văn bản đã có số", "Document already numbered",
         "Ô số của văn bản đã được điền (hoặc số đã in sẵn khi dựng). Mỗi văn bản chỉ có một số (Nghị định "
         "30/2020/NĐ-CP, Điều 15); cấp số lần nữa sẽ làm hai bản khác nhau cùng mang chữ ký.",
         "The document's number slot is already filled (or the number was printed at build time). A document has "
         "one number (Decree 30/2020, Article 15); numbering it again would make two versions under one signature."),
    Code("KH076", "error", "Số văn bản không hợp lệ", "Invalid document number",
         "Số văn bản ghi bằng chữ số Ả Rập, bắt đầu từ 01 mỗi năm (Phụ lục I, mục II.3), dài tối đa 11 ký tự "
         "(Phụ lục VI). Số dưới 10 được in thêm số 0 phía trước.",
         "A document number is Arabic digits, restarting at 01 each year (Phụ lục I, II.3), at most 11 characters "
         "(Phụ lục VI). A number under 10 is printed with a leading zero."),
    Code("KH077", "error", "Ngày ban hành không hợp lệ", "Invalid issue date",
         "Ngày viết NĂM-THÁNG-NGÀY (2026-12-05) và phải là ngày có thật; phần tháng, năm đã in sẵn trên văn bản "
         "(bản dự thảo ghi 'tháng 3 năm 2026') phải khớp với ngày cấp, vì trang đã ký không đổi được.",
         "Write the date as YEAR-MONTH-DAY (2026-12-05), a real day; the month and year already printed on the "
         "document (a draft reading 'tháng 3 năm 2026') must match, since the signed page cannot change."),
    Code("KH078", "error", "Đã ký số cơ quan trước khi cấp số", "Agency signature before the number",
         "Chữ ký số của cơ quan (ô kehoach.dong_dau) khóa ô số và ngày: nó phải đến sau khi cấp số. Văn bản này đã "
         "có chữ ký đó mà ô số còn trống; điền số bây giờ sẽ làm chữ ký của cơ quan mất hiệu lực. Lấy lại bản đã "
         "có chữ ký của người có thẩm quyền (trước khi ký số cơ quan), cấp số, rồi ký số cơ quan.",
         "The agency's signature (field kehoach.dong_dau) locks the number and day: it comes after numbering. "
         "This document already has it while the number is blank; filling the number now would invalidate it. "
         "Take the copy signed by the leader (before the agency signed), number it, then have the agency sign."),
)

MAX_NUMBER_DIGITS = 11  # Phụ lục VI: CodeNumber, string 11
_SLOT_OF = {short: slot for slot, short in SLOTS.items()}


def _refuse(code: str, vi: str, en: str, path: Path | str | None = None, **values) -> KehoachError:
    return KehoachError([Diagnostic(code, tr(vi, en, **values), Severity.error, str(path) if path else None)],
                        exit_code=2)


def number_text(number: str, path: Path | str | None = None) -> str:
    """The number as printed: Arabic digits, a leading zero under 10 (Phụ lục I, II.3.c)."""
    digits = number.strip()
    if not re.fullmatch(r"[0-9]+", digits) or int(digits) == 0 or len(digits) > MAX_NUMBER_DIGITS:
        raise _refuse("KH076", "số văn bản '{n}' không hợp lệ: cần là số Ả Rập từ 1, tối đa {m} chữ số",
                      "document number '{n}' is not valid: it must be Arabic digits from 1, at most {m} digits",
                      path, n=number, m=MAX_NUMBER_DIGITS)
    return digits.zfill(2)


def parse_date(text: str, path: Path | str | None = None) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _refuse("KH077", "ngày ban hành '{d}' không hợp lệ: viết NĂM-THÁNG-NGÀY, ví dụ 2026-12-05",
                      "issue date '{d}' is not valid: write YEAR-MONTH-DAY, e.g. 2026-12-05", path, d=text) from None


@dataclass
class _Slot:
    short: str  # so, ngay, … or so_1, ngay_1, … (a note citing the document)
    ref: object  # pyHanko IndirectObject of the field (its own widget)
    value: str
    rect: tuple[float, float, float, float]
    slot: str  # Number, Day, Month, Year: the value it takes
    size: float  # the printed line's type size
    italic: bool


def _slot(kid_ref) -> _Slot | None:
    """A kehoach text field as a slot: the letterhead's (13 pt upright number, the date line's
    14 pt italic) or a note's (its appearance string, NOTE_DA, says its type); None for others."""
    kid = kid_ref.get_object()
    short = str(kid.get("/T", ""))
    cited = CITED.fullmatch(short)
    slot = _SLOT_OF.get(cited[1] if cited else short)
    if kid.get("/FT") != "/Tx" or slot is None:
        return None
    rect = tuple(float(v) for v in kid["/Rect"])
    if cited and str(kid.get("/DA", "")) == NOTE_DA:
        size, italic = float(NOTE_DA.split()[1]), True
    else:
        size, italic = SLOT_SIZE_PT[slot], slot != "Number"
    return _Slot(short, kid_ref, str(kid.get("/V", "")), rect, slot, size, italic)


def _slots(reader) -> tuple[dict[str, _Slot], dict]:
    """The kehoach text fields of the PDF and the parent field (with the printed date parts)."""
    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return {}, {}
    for top_ref in fields:
        top = top_ref.get_object()
        if str(top.get("/T", "")) != PARENT:
            continue
        out = {}
        for kid_ref in top.get("/Kids", []):
            if (slot := _slot(kid_ref)) is not None:
                out[slot.short] = slot
        return out, top
    return {}, {}


def _sealed(parent) -> bool:
    """Has the agency's signature (ô 8) been applied already?"""
    for kid_ref in (parent.get("/Kids", []) if parent else []):
        kid = kid_ref.get_object()
        if kid.get("/FT") == "/Sig" and str(kid.get("/T", "")) == SEAL and kid.get("/V") is not None:
            return True
    return False


def _font_file(italic: bool) -> str | None:
    """The serif font file the PDF was laid out with (fontconfig), for the filled-in text."""
    from .fonts import installed_serif_family

    family = installed_serif_family()
    fc_match = shutil.which("fc-match")
    if family is None or fc_match is None:
        return None
    style = "Italic" if italic else "Regular"
    try:
        found = subprocess.run([fc_match, "-f", "%{file}", f"{family}:style={style}"], capture_output=True,
                               text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if found.lower().endswith((".ttf", ".otf")) and Path(found).is_file() else None


ASCENT = 0.891  # Times New Roman / Liberation Serif ascent, in ems: where the printed line's baseline is


def _embed_with_pdf_widths(engine) -> None:
    """Embed the subset now, its /W widths in thousandths of an em as PDF wants them. pyHanko
    (0.18 to 0.38 at least) writes the font's own units there, right only for 1000-unit fonts;
    Times New Roman and Liberation Serif have 2048, and viewers would space the digits twice as
    wide. Only digits are drawn here, each half an em: a width above 0.6 em is in font units."""
    import logging

    from pyhanko.pdf_utils import generic

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" chatter on stderr
    engine.prepare_write()
    widths = engine.cidfont_obj["/W"]
    values = [float(w) for item in widths if isinstance(item, generic.ArrayObject) for w in item]
    if engine.units_per_em == 1000 or not values or max(values) <= 600:
        return  # already in thousandths
    scale = 1000 / engine.units_per_em
    engine.cidfont_obj["/W"] = generic.ArrayObject(
        [generic.ArrayObject([generic.FloatObject(round(float(w) * scale, 3)) for w in item])
         if isinstance(item, generic.ArrayObject) else item for item in widths])


def _appearance(writer, text: str, slot: _Slot, font_path: str):
    """A form XObject drawing ``text`` in the slot on the printed line's baseline, with a
    subset of the font embedded; shrunk when a long number is wider than the blank (the page
    around it cannot move)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.writer import init_xobject_dictionary

    x0, y0, x1, y1 = slot.rect
    width, height = x1 - x0, y1 - y0
    line_size = slot.size
    engine = GlyphAccumulatorFactory(font_path, create_objstream_if_needed=False).create_font_engine(writer)
    engine.font_size = line_size
    natural = engine.shape(text).x_advance * line_size
    size = line_size * min(1.0, width / natural) if natural else line_size
    engine.font_size = size
    shaped = engine.shape(text)
    slack = width - shaped.x_advance * size
    # The number ends at the "/" of its symbol ("Số: 123/KH-UBND"); the day sits centred in its blank.
    left = slack if slot.slot == "Number" else slack / 2
    baseline = height - ASCENT * line_size
    commands = b"BT /F1 %.3f Tf 0 g %.3f %.3f Td %s ET" % (size, left, baseline, shaped.graphics_ops)
    _embed_with_pdf_widths(engine)
    resources = generic.DictionaryObject({generic.NameObject("/Font"): generic.DictionaryObject(
        {generic.NameObject("/F1"): engine.as_resource()})})
    return writer.add_object(init_xobject_dictionary(commands, round(width, 3), round(height, 3), resources))


def _printed(parent) -> dict[str, int]:
    """The parts of the date printed at build time (pdf_fields records them): {'Month': 3, …}."""
    printed = parent.get("/KehoachPrinted") if parent else None
    return {str(k).lstrip("/"): int(v) for k, v in printed.items()} if printed else {}


def _writer(data: bytes, path: Path | str | None):
    """A pyHanko incremental writer over ``data`` that leaves the document's metadata alone."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    class MetadataKept(IncrementalPdfFileWriter):
        """Filling fields changes no document metadata. pyHanko's own update would rewrite the Info
        dictionary's /Producer and /ModDate and the XMP packet apart from each other, and a PDF/A
        must keep the two in step (ISO 19005-2, 6.6.3). (_update_meta: pyHanko 0.18 to 0.38.)"""

        def _update_meta(self) -> None:
            return None

    try:
        writer = MetadataKept(io.BytesIO(data), strict=False)
        return writer, *_slots(writer.prev)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise _refuse("KH074", "không đọc được tệp PDF: {e}", "cannot read the PDF: {e}", path, e=exc) from None


def _check(slots: dict[str, _Slot], parent, date: dt.date, path: Path | str | None) -> None:
    """Refuse what cannot be filled truthfully: KH074, KH075, KH078, KH077."""
    if not slots and not parent:
        raise _refuse("KH074",
                      "tệp PDF không có ô số và ngày để điền: hãy dựng bản dự thảo bằng `kehoach build --pdf-a` "
                      "với số để trống (letterhead.number: null) và ngày để trống",
                      "the PDF has no number and date slots to fill: build the draft with `kehoach build --pdf-a` "
                      "leaving the number (letterhead.number: null) and the day blank", path)
    so = slots.get(SLOTS["Number"])
    if so is None or so.value.strip():
        raise _refuse("KH075", "văn bản đã có số ({n}); không cấp số lần nữa",
                      "the document already has a number ({n}); it is not numbered again", path,
                      n=so.value.strip() if so else tr("in sẵn", "printed"))
    if _sealed(parent):
        raise _refuse("KH078", "văn bản đã có chữ ký số của cơ quan (kehoach.dong_dau) nhưng chưa có số: chữ ký "
                      "đó khóa ô số và ngày, điền sau sẽ làm nó mất hiệu lực. Cấp số trước, ký số cơ quan sau",
                      "the document already carries the agency's signature (kehoach.dong_dau) but no number: "
                      "that signature locks the number and day, so filling them now would invalidate it. "
                      "Number first, then the agency signs", path)
    printed = _printed(parent)
    for key, part in (("Day", date.day), ("Month", date.month), ("Year", date.year)):
        shown = printed.get(key)
        if shown is not None and shown != part:
            raise _refuse("KH077", "ngày {d} không khớp với văn bản: phần đã in sẵn là {k} {v}",
                          "the date {d} contradicts the document: it already prints {k} {v}", path,
                          d=date.isoformat(), k={"Day": tr("ngày", "day"), "Month": tr("tháng", "month"),
                                                 "Year": tr("năm", "year")}[key], v=shown)
        if shown is None and SLOTS[key] not in slots:
            raise _refuse("KH074", "tệp PDF thiếu ô {k} để điền", "the PDF lacks the {k} slot", path, k=SLOTS[key])


def _fonts(path: Path | str | None) -> tuple[str, str]:
    regular, italic = _font_file(False), _font_file(True)
    if regular is None or italic is None:
        from .fonts import require_serif_font

        require_serif_font()  # KH071 with install instructions when no serif is installed at all
        raise _refuse("KH071", "không tìm thấy tệp phông chữ để in số và ngày",
                      "cannot find the font files to print the number and date", path)
    return regular, italic


def issue_pdf(data: bytes, number: str, date: dt.date, *, path: Path | str | None = None) -> bytes:
    """``data`` with its number and date slots filled, as one incremental update."""
    from pyhanko.pdf_utils import generic

    number = number_text(number, path)
    writer, slots, parent = _writer(data, path)
    _check(slots, parent, date, path)
    regular, italic = _fonts(path)
    values = {"Number": number, "Day": vn.pad_day(date.day), "Month": vn.pad_month(date.month), "Year": str(date.year)}
    for slot in slots.values():  # the letterhead's, then each note's citing the document
        field = slot.ref.get_object()
        value = values[slot.slot]
        field["/V"] = generic.TextStringObject(value)
        font = italic if slot.italic else regular  # the date line and the notes are printed in italics
        field["/AP"] = generic.DictionaryObject({generic.NameObject("/N"): _appearance(writer, value, slot, font)})
        writer.update_container(field)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
