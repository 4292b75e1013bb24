"""The neutral form every reader produces: paragraphs of runs, tables of cells, section breaks.

Readers (.docx, .txt/.md, .doc/.odt through LibreOffice) only say what is on the page; deciding what
each block *is* (letterhead, heading, item, signature) is ``recognise``'s job. Runs keep their bold
and italic so that inline emphasis can be mapped once the schema carries it.

These are not compose's ``Document`` blocks (compose/document.py), on purpose, as pandoc's
Docx/Parse.hs keeps its own types before the Pandoc tree: a block here is the page *as read* (Word's
computed label, alignment and style name; a table as Word's grid, with vMerge "restart"/"continue",
gridBefore fillers and tblHeader rows; a footnote reference already written as the plan's "[^1]" in
the run's text), while a Document block is the page *to print* (a paragraph's kind and level, merges
resolved into row spans, header rows apart, footnote references as numbered runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    label: str = ""  # a label computed from Word's automatic numbering ("1.", "a)", "-")
    align: str = ""  # left | center | right | both | "" (unknown)
    style: str = ""  # the paragraph style's name, when the reader knows it

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs).strip()

    @property
    def full_text(self) -> str:
        """The text with its automatic label in front, as a reader sees it."""
        text = self.text
        return f"{self.label} {text}".strip() if self.label else text

    def _visible(self) -> list[Run]:
        return [run for run in self.runs if run.text.strip()]

    @property
    def bold(self) -> bool:
        visible = self._visible()
        return bool(visible) and all(run.bold for run in visible)

    @property
    def italic(self) -> bool:
        visible = self._visible()
        return bool(visible) and all(run.italic for run in visible)

    def lead_bold(self) -> str:
        """The bold text at the start of the paragraph (a run-in heading), or ''."""
        out = []
        for run in self.runs:
            if run.bold or not run.text.strip():
                out.append(run.text)
            else:
                break
        return "".join(out).strip()


@dataclass
class Cell:
    paras: list[Para]
    span: int = 1  # columns covered (gridSpan)
    merge: str = ""  # "" | "restart" | "continue" (vMerge)
    filler: bool = False  # grid columns a row skips (gridBefore/gridAfter): no cell on the page

    @property
    def text(self) -> str:
        return "\n".join(p.full_text for p in self.paras if p.full_text)


@dataclass
class Table:
    rows: list[list[Cell]]
    header_rows: int = 0  # rows marked to repeat as a header (tblHeader), when known
    widths_cm: list[float] = field(default_factory=list)  # grid columns, when known
    caption: str = ""  # "Biểu mẫu 1" / a bold line right above the table, taken off the text

    @property
    def columns(self) -> int:
        """The table's grid: the declared grid (tblGrid) or the widest row, whichever is wider; a
        header row is often narrower than the body (merged cells, cells missing at its end)."""
        widest = max((sum(c.span for c in row) for row in self.rows), default=0)
        return max(widest, len(self.widths_cm))

    def all_paras(self) -> list[Para]:
        return [p for row in self.rows for cell in row for p in cell.paras]


@dataclass(frozen=True)
class Break:
    """A section (page) break: appendices start after one."""


Block = Para | Table | Break


@dataclass
class Source:
    blocks: list[Block]
    notes: list[str] = field(default_factory=list)  # what the reader did (fonts converted, …)
    # Footnotes by number ("1" → text); the text holds "[^1]" where each is referenced (the schema's
    # syntax), numbered in the order of first reference as kehoach's build numbers them.
    footnotes: dict[str, str] = field(default_factory=dict)
