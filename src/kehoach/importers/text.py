"""Reading a plan typed or copied as plain text (.txt, .md) into neutral blocks.

Two shapes are understood:

- one paragraph per line (kehoach's own .txt output, or text typed in an editor), tables as
  ``| a | b |`` rows with a ``|---|`` line under the header (``||``: the cell before spans that
  column too, as kehoach writes a merged cell);
- text copied from a legal-documents website: paragraphs wrapped over several lines, ``**bold**``
  and ``*italic*`` marks, and table cells separated by lines holding a single ``|`` (the letterhead
  and the Nơi nhận/signature block are such tables too).

A line continues the paragraph above it unless a blank line, a label ("1.", "a)", "-"), an emphasis
mark, a sentence end above it, or a change from an upper-case line to ordinary text says otherwise.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..common.i18n import tr
from ..source.encoding import guess_legacy_encoding
from .blocks import Break, Cell, Para, Run, Source, Table
from .errors import import_error
from .frame import kind_name
from .labels import split_label

# **bold**, *italic*; a crawl often closes italic after the space ("*(nay là …) *về"): that space
# is kept outside the emphasis.
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?:(?<!\s)\*(?![\w*])|(\s)\*(?=\w))", re.S)
_NEW_PARAGRAPH_WORDS = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Nơi nhận|Điều \d+|(TM|KT|TL|TUQ|Q)\.\s"
                                  r"|\((Ban hành )?[Kk]èm theo\b)")  # the "(Ban hành kèm theo …)" line under a title
_PIPE_ROW = re.compile(r"^\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\|?(\s*:?-{2,}:?\s*\|)+\s*$")
_RULE = re.compile(r"^[-_=–—]{3,}$")


def _decode(data: bytes, path: Path) -> str:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    if b"\x00" in data[:4096]:
        raise import_error("KH501", tr("tệp chứa dữ liệu nhị phân: không phải văn bản", "the file holds binary "
                                       "data: not a text document"), path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        legacy = guess_legacy_encoding(data)
        raise import_error("KH007", tr(
            "tệp văn bản không phải UTF-8{g}; hãy lưu lại với mã UTF-8",
            "the text file is not UTF-8{g}; save it again as UTF-8",
            g=tr(" (có vẻ là {e})", " (it looks like {e})", e=legacy) if legacy else ""), path) from None


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def runs_of(text: str) -> list[Run]:
    """Runs of a line with markdown emphasis: **bold**, *italic*; stray asterisks dropped and
    markdown escapes ("2\\.") undone."""
    protected = text.replace("\\*", "\x00")  # an escaped asterisk is text, not emphasis
    runs = [Run(_ESCAPE.sub(r"\1", run.text).replace("\x00", "*"), run.bold, run.italic)
            for run in _runs_of(protected)]
    return [run for run in runs if run.text]


def _unmarked(text: str) -> str:
    """``text`` without the asterisks of broken emphasis marks; a multiplication sign ("b/a * 100%",
    "5*3") is text and stays."""
    def keep(match: re.Match) -> str:
        before = text[match.start() - 1:match.start()]
        after = text[match.end():match.end() + 1]
        spaced = before.isspace() and after.isspace()
        return "*" if spaced or (before.isdigit() and after.isdigit()) else ""
    return re.sub(r"\*", keep, text)


def _runs_of(text: str) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append(Run(_unmarked(text[position:match.start()])))
        if match.group(1) is not None:
            inner = match.group(1)
            runs.append(Run(inner.replace("*", ""), bold=True, italic=inner.startswith("*")))
        else:
            runs.append(Run(match.group(2).replace("*", ""), italic=True))
            if match.group(3):
                runs.append(Run(match.group(3)))
        position = match.end()
    if position < len(text):
        runs.append(Run(_unmarked(text[position:])))
    return [run for run in runs if run.text]


def _plain(line: str) -> str:
    return line.replace("*", "").strip()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _open_emphasis(text: str) -> bool:
    return text.count("**") % 2 == 1 or text.replace("**", "").count("*") % 2 == 1


def _continues(previous: str, line: str, in_cell: bool = False, blank_separated: bool = False) -> bool:
    """Whether ``line`` continues the wrapped paragraph whose last line is ``previous``. In text whose
    paragraphs are separated by blank lines, a line inside a paragraph that starts with "- " or "1."
    is the wrap of a sentence that has not ended, not a new item."""
    prev, cur = previous.rstrip(), line.strip()
    if blank_separated and prev and cur and not prev.endswith((".", ";", ":", "!", "?")) \
            and split_label(_plain(cur))[0] and not _open_emphasis(prev) and not _is_upper(_plain(prev)):
        return True
    if not prev or not cur:
        return False
    if in_cell:  # cells break lines on purpose (letterhead, signature): join only what is wrapped
        return _plain(cur)[:1].islower() or _open_emphasis(prev)
    if _RULE.match(_plain(cur)) or _RULE.match(_plain(prev)):
        return False
    first = _plain(cur)[:1]
    if first.islower():
        return not prev.endswith("**") or prev.count("**") % 2 == 1
    if cur.startswith("*") and prev.count("*") % 2 == 0:
        return False
    if prev.endswith("*") and prev.count("*") % 2 == 0:
        return False
    if split_label(_plain(cur))[0] or _NEW_PARAGRAPH_WORDS.match(_plain(cur)):
        return False
    if prev.endswith((".", ";", ":", "!", "?")) or _NEW_PARAGRAPH_WORDS.match(_plain(prev)[:6]) and \
            re.match(r"^(TM|KT|TL|TUQ|Q)\.\s", _plain(prev)):
        return False  # a sentence ended, or a signature line ("KT. CHỦ TỊCH") stands alone
    if _is_upper(_plain(prev)) and not _is_upper(_plain(cur)) and not _plain(prev).isascii():
        return False  # an upper-case heading line, then ordinary text (not "TSS," then "COD; …")
    return True


def _blank_separated(lines: list[str]) -> bool:
    """Whether the text separates its paragraphs by blank lines: most labelled lines ("1.", "- ",
    "a)") follow a blank line (a crawl that wraps its paragraphs has almost none; Nơi nhận lines
    follow each other in both)."""
    labelled = [i for i, line in enumerate(lines) if line.strip() and split_label(_plain(line))[0]]
    after_blank = sum(1 for i in labelled if i == 0 or not lines[i - 1].strip())
    # the lines after a finished sentence or a colon: a list typed without blank lines
    after_mark = sum(1 for i in labelled if i and lines[i - 1].strip().endswith((".", ";", ":", "!", "?")))
    return after_blank >= 3 and after_blank >= after_mark


def _paragraphs(lines: list[str], in_cell: bool = False, one_per_line: bool = False,
                blank_separated: bool = False) -> list[str]:
    if one_per_line:
        return [line.strip() for line in lines if line.strip()]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        # an emphasis opened in the paragraph and not yet closed goes on past a sentence end
        open_mark = current and line.strip() and not in_cell and _open_emphasis(" ".join(current))
        if current and not open_mark and not _continues(" ".join(current) if in_cell else current[-1], line,
                                                        in_cell, blank_separated):
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _para(text: str, in_cell: bool = False) -> Para:
    runs = runs_of(text)
    align = "center" if not in_cell and _is_upper(_plain(text)) and len(_plain(text)) < 200 else ""
    return Para(runs, align=align)


def _crawl_table(pieces: list[list[str]]) -> Table:
    rows: list[list[Cell]] = [[]]
    for piece in pieces:
        if not any(line.strip() for line in piece):
            if rows[-1]:
                rows.append([])
            continue
        rows[-1].append(Cell([_para(text, True) for text in _paragraphs(piece, in_cell=True)]))
    rows = [row for row in rows if row]
    if len(rows) > 1:
        # An empty cell looks like a row end in the crawl and vice versa: a row longer than the
        # header is cut into rows of the header's width.
        width = len(rows[0])
        rows = [row[i:i + width] for row in rows for i in range(0, len(row), width)] if width > 1 else rows
    return Table(rows)


def _pipe_table(lines: list[str]) -> Table:
    rows: list[list[Cell]] = []
    header = 0
    for line in lines:
        if _PIPE_RULE.match(line.strip()):
            header = len(rows)
            continue
        rows.append(_pipe_cells(line))
    return Table(rows, header_rows=header)


def _pipe_cells(line: str) -> list[Cell]:
    """A ``| a | b |`` row; nothing between two pipes ("||", as kehoach's .txt and MultiMarkdown
    write a merged cell) means the cell before spans that column too."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    cells: list[Cell] = []
    for raw in inner.split("|"):
        if raw == "" and cells:
            cells[-1].span += 1
            continue
        text = raw.strip()
        cells.append(Cell([_para(text)] if text else []))
    return cells


def _table_ends(lines: list[str], position: int) -> bool:
    """After a single-pipe line: the crawled table ends before a blank line, a type name or an
    appendix label, or when no pipe follows soon."""
    if position >= len(lines):
        return True
    following = lines[position].replace("*", "").strip()
    if not following or following.upper().startswith("PHỤ LỤC") or kind_name(following):
        return True
    return not any(lines[k].strip() == "|" for k in range(position, min(position + 40, len(lines))))


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Text whose paragraphs are not wrapped (kehoach's .txt, text from an editor): long lines are
    common. A crawl wraps every paragraph at about 80 characters."""
    texts = [line for line in lines if line.strip() and line.strip() != "|"]
    long = sum(1 for line in texts if len(line) > 120)
    # A wrapped paragraph goes on in lower case on the next line; a short unwrapped text (a
    # kehoach .txt of a few pages) may have only a couple of long lines but never does that.
    wrapped = sum(1 for line, after in zip(lines, lines[1:])
                  if line.strip() and _plain(after.strip())[:1].islower())
    return bool(texts) and (long >= max(3, len(texts) // 5) or max(len(line) for line in texts) > 400
                            or (long >= 1 and wrapped == 0))


_NOTE_LINE = re.compile(r"^\[(\d+)\]\s+(.*\S)\s*$")


def _trailing_notes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """kehoach's .txt ends with its footnotes under a short rule: "[1] text" lines. The lines
    without them, and the notes by number."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and _NOTE_LINE.match(lines[start - 1].strip()):
        start -= 1
    if start == end or not start or not _RULE.match(lines[start - 1].strip()):
        return lines, {}
    notes = {m.group(1): m.group(2) for m in (_NOTE_LINE.match(line.strip()) for line in lines[start:end])}
    return lines[:start - 1], notes


def read_text(data: bytes, path: Path) -> Source:
    text = unicodedata.normalize("NFC", _decode(data, path)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    lines, notes = _trailing_notes(text.split("\n"))
    if notes:  # "[1]" in the text is the reference to note 1
        lines = [re.sub(r"\[(\d+)\]", lambda m: f"[^{m.group(1)}]" if m.group(1) in notes else m.group(0), line)
                 for line in lines]
    blocks: list = []
    pipes = [i for i, line in enumerate(lines) if line.strip() == "|"]
    unwrapped = _one_paragraph_per_line(lines)
    blank_separated = _blank_separated(lines)
    index = 0
    pending: list[str] = []

    def flush() -> None:
        blocks.extend(_para(p) for p in _paragraphs(pending, one_per_line=unwrapped,
                                                     blank_separated=blank_separated))
        pending.clear()

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped == "|" or (index == 0 and pipes and pipes[0] < 8 and not any(
                not lines[j].strip() for j in range(pipes[0]))):
            # a crawled table: pieces between single-pipe lines, while the next pipe is near
            flush()
            pieces: list[list[str]] = []
            piece: list[str] = []
            position = index if stripped != "|" else index + 1
            last_pipe = index if stripped == "|" else None
            while position < len(lines):
                current = lines[position].strip()
                if current == "|":
                    pieces.append(piece)
                    piece = []
                    last_pipe = position
                elif last_pipe is not None and position - last_pipe > 40:
                    break
                else:
                    piece.append(lines[position])
                position += 1
                if current == "|" and _table_ends(lines, position):
                    break
            blocks.append(_crawl_table(pieces))
            index = (last_pipe or index) + 1
            continue
        if _PIPE_ROW.match(stripped) and len(stripped) > 2:
            flush()
            table_lines = []
            while index < len(lines) and _PIPE_ROW.match(lines[index].strip()) and len(lines[index].strip()) > 2:
                table_lines.append(lines[index])
                index += 1
            blocks.append(_pipe_table(table_lines))
            continue
        if stripped.replace("*", "").strip() == "" and stripped:
            index += 1  # "* *", "** **": page-break leftovers of a crawl
            flush()
            continue
        if re.fullmatch(r"={10,}", stripped):  # kehoach's .txt between a decision and its plan
            flush()
            blocks.append(Break())
            index += 1
            continue
        if _RULE.match(stripped):
            flush()
            blocks.append(Para([]))  # a rule under the title: an empty paragraph, as in .docx
            index += 1
            continue
        if not stripped:
            flush()
        else:
            pending.append(line)
        index += 1
    flush()
    return Source(blocks, footnotes=notes)
