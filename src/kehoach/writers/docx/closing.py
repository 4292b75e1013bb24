"""The closing block (ô 7 and 9b side by side): Nơi nhận on the left, the signature on the right, in a
borderless table of two rows: the signature with the recipients beside it never splits, the rest of
a long Nơi nhận may continue on the next page, as real plans do."""

from __future__ import annotations

from lxml import etree

from ...common import nd30, vn
from ...compose.document import Closing, RecipientLine, Signature
from ...common.textwidth import text_width_em
from .tables import _cell, _table
from ...common.ooxml import w
from .wml import TEXT_W_PORTRAIT, _p, _runs, _text_p, twips_cm, twips_pt


# Single-spaced lines as LibreOffice sets Times New Roman: about 1.15 times the size.
def _line_twips(size_pt: float) -> int:
    return twips_pt(size_pt * 1.15)


def _signature_twips(sig: Signature | None) -> int:
    """The signature column's height: its lines, the space above, the room for the signature."""
    if sig is None:
        return 0
    lines = len(sig.authority_lines) + 2
    return (lines * _line_twips(nd30.SIGNATURE_PT) + twips_pt(nd30.CLOSING_SPACE_BEFORE_PT)
            + twips_pt(nd30.SIGNATURE_SPACE_PT))


def _recipient_twips(line: RecipientLine, width: int) -> int:
    text = "".join(run.text for run in line.spans())
    lines = max(1, -(-twips_pt(text_width_em(text) * nd30.RECIPIENTS_PT) // max(width, 1)))
    return lines * _line_twips(nd30.RECIPIENTS_PT)


# [practice] the Nơi nhận lines that always stay beside the signature (and, without a signature,
# with "Nơi nhận:"), so the block never opens a page alone.
_RECIPIENTS_KEPT = 3


def _closing(body: etree._Element, closing: Closing) -> None:
    """Nơi nhận and the signature side by side, in a borderless table of two rows: the first (the
    signature and the recipients beside it) never splits; the second (the rest of a long Nơi nhận)
    may continue on the next page, as real plans do. No border and no padding: one block to read."""
    left = twips_cm(nd30.CLOSING_LEFT_CM)
    widths = [left, TEXT_W_PORTRAIT - left]
    tbl = _table(body, widths, borders=False, cell_margin=0)
    room = _signature_twips(closing.signature) - twips_pt(nd30.CLOSING_SPACE_BEFORE_PT) - _line_twips(
        nd30.RECIPIENTS_LABEL_PT)
    # Beside the signature: as many lines as reach its foot (the row then ends with a line of
    # recipients, so the second row follows with no gap), at least a few.
    beside, used = 0, 0
    for line in closing.recipients:
        if beside >= _RECIPIENTS_KEPT and used >= room:
            break
        beside, used = beside + 1, used + _recipient_twips(line, left)
    first, rest = closing.recipients[:beside], closing.recipients[beside:]
    tr = etree.SubElement(tbl, w("tr"))
    etree.SubElement(etree.SubElement(tr, w("trPr")), w("cantSplit"))
    recipients = _cell(tr, widths[0])
    if closing.recipients:
        _text_p("KHRecipientsLabel", "Nơi nhận:", recipients)
        _recipient_lines(recipients, first)
    else:
        _p("KHRecipients", recipients)
    _signature(_cell(tr, widths[1]), closing.signature)
    if rest:
        tr = etree.SubElement(tbl, w("tr"))
        _recipient_lines(_cell(tr, widths[0]), rest)
        _p("KHSignature", _cell(tr, widths[1]))


def _recipient_lines(cell: etree._Element, lines: list[RecipientLine]) -> None:
    for line in lines:
        p = _p("KHRecipients", cell)
        if line.level:  # a nested line sits under its parent, indented per level
            ind = etree.SubElement(p[0], w("ind"))
            ind.set(w("left"), str(twips_cm(nd30.RECIPIENTS_NESTED_INDENT_CM * line.level)))
        _runs(p, line.spans(), italic=line.heading)


def _signature(signer: etree._Element, sig: Signature | None) -> None:
    if sig is None:
        _p("KHSignature", signer)
        return
    lines = [*sig.authority_lines, sig.title]
    for index, line in enumerate(lines):
        p = _text_p("KHSignature", vn.upper(line), signer)
        if index == 0:  # level with "Nơi nhận:" (Phụ lục I, II.9.d)
            spacing = etree.SubElement(p[0], w("spacing"))
            spacing.set(w("before"), str(twips_pt(nd30.CLOSING_SPACE_BEFORE_PT)))
    _text_p("KHSignerName", sig.name, signer)
