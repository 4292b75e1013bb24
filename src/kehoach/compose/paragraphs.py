"""Paragraph makers of the composer: a plan's text becomes a ``Paragraph`` (or a Nơi nhận line) with its
inline emphasis parsed into runs and its label set as the plan says."""

from __future__ import annotations

from .. import model as m
from . import document as doc
from . import emphasis


def para(kind: doc.ParaKind, text: str, *, label: str = "", level: int = 0, bold: bool = False,
         italic: bool = False, upper: bool = False) -> doc.Paragraph:
    """``upper``: in capitals, but for the author's italic notes (``emphasis.runs``)."""
    return doc.Paragraph(kind, emphasis.runs(text, upper=upper), label=label, level=level,
                         bold=bold, italic=italic)


def body(text: str, level: int = 0, *, italic: bool = False) -> doc.Paragraph:
    return para(doc.ParaKind.body, text, level=level, italic=italic)


def styled(kind: doc.ParaKind, text: str, *, label: str, level: int, text_style: str | None,
           label_style: str | None, upper: bool = False) -> doc.Paragraph:
    """A paragraph whose text and label are set as the plan says (bold / italic / both / plain)."""
    bold, italic = m.emphasis_flags(text_style)
    label_bold, label_italic = m.emphasis_flags(label_style)
    if (bold, italic) == (label_bold, label_italic):
        return para(kind, text, label=label, level=level, bold=bold, italic=italic, upper=upper)
    return doc.Paragraph(kind, emphasis.runs(text, bold=bold, italic=italic, upper=upper), label=label, level=level,
                         label_bold=label_bold, label_italic=label_italic)


def recipient_line(text: str, *, level: int = 0, heading: bool = False) -> doc.RecipientLine:
    parts = emphasis.runs(text)
    return doc.RecipientLine("".join(run.text for run in parts), level=level, heading=heading, runs=parts)
