"""The importer's notes: what a person should check in the imported plan, each with its code.

A recogniser says a note with ``said(code, vi, en, **values)``: the text in the user's language, as
``tr`` gives it, that also keeps its code and both languages, so the (plan path, message) pairs the
recognisers pass around need no other shape. At the end the recogniser makes each pair a ``Note``:
its code, its plan path, its text in both languages and the block of the original it comes from.
The emitter writes it as ``# kiểm tra (KH5nn): …`` above the entry at its plan path; the command's
summary counts the notes by code; ``kehoach rules KH5nn`` explains each code (``CODES``).
"""

from __future__ import annotations

from collections import Counter

from ..common.diagnostics import Code
from ..common.i18n import tr

GENERAL = "KH510"
NUMBERS = range(510, 530)  # KH510–KH529: the importer's notes (KH501–KH509 are its errors)


def is_note(code: str) -> bool:
    """Is ``code`` one of the importer's notes (what ``kehoach import --select/--ignore`` filter)?"""
    return code[:2] == "KH" and code[2:].isdigit() and int(code[2:]) in NUMBERS


class Said(str):
    """A message in the user's language that keeps its code, its Vietnamese and English text, the
    block of the original it is about (``block``, set by whoever knows it: ``about``) and, once the
    recogniser has counted the blocks, ``at``: ("paragraph" | "table", n), from 1, as the reader gives them
    (a Word file's body paragraphs and tables, a text file's paragraphs)."""

    code: str
    vi: str
    en: str
    block: object
    at: tuple[str, int] | None

    def __new__(cls, code: str, vi: str, en: str) -> Said:
        self = super().__new__(cls, tr(vi, en))
        self.code, self.vi, self.en, self.block, self.at = code, vi, en, None, None
        return self

    def __getnewargs__(self) -> tuple[str, str, str]:  # type: ignore[override]  # copy and pickle
        return (self.code, self.vi, self.en)


def said(code: str, vi: str, en: str, **values: object) -> Said:
    """The note ``code`` in both languages, ``{name}`` fields filled from ``values``."""
    return Said(code, vi.format(**values) if values else vi, en.format(**values) if values else en)


class Note(tuple):
    """A place to check in the imported plan. It reads as the pair (plan path, message) the importer's
    callers unpack, and carries its ``code``, its text in both languages (``vi``, ``en``) and ``at``:
    the block of the original it is about ("đoạn 12", "bảng 3"), or None when it is about no one block;
    once written, ``line``: the line of its comment in the YAML."""

    line: int | None = None

    def __new__(cls, path: tuple, message: str) -> Note:
        return super().__new__(cls, (tuple(path), message))

    def __getnewargs__(self) -> tuple[tuple, str]:  # type: ignore[override]  # copy and pickle
        return (self[0], self[1])

    @property
    def path(self) -> tuple:
        return self[0]

    @property
    def message(self) -> str:
        return self[1]

    @property
    def code(self) -> str:
        return getattr(self[1], "code", GENERAL)

    @property
    def vi(self) -> str:
        return getattr(self[1], "vi", str(self[1]))

    @property
    def en(self) -> str:
        return getattr(self[1], "en", str(self[1]))

    @property
    def at(self) -> tuple[str, int] | None:
        return getattr(self[1], "at", None)

    @property
    def text(self) -> str:
        """The message in the current language."""
        return tr(self.vi, self.en)

    @property
    def where(self) -> str:
        """Where in the original, in the current language ("" when unknown)."""
        if self.at is None:
            return ""
        kind, number = self.at
        return tr("bảng {n}", "table {n}", n=number) if kind == "table" else tr("đoạn {n}", "paragraph {n}", n=number)


def about(message: str, block: object) -> str:
    """``message`` said about ``block`` of the original, when it is a ``Said`` about no block yet."""
    if block is not None and isinstance(message, Said) and message.block is None:
        message.block = block
    return message


def placed(notes: list, places: dict[int, tuple[str, int]]) -> list[Note]:
    """The (path, message) pairs as ``Note``s, each placed in the original by the block it is about."""
    out = []
    for path, message in notes:
        if isinstance(message, Said) and message.at is None and message.block is not None:
            message.at = places.get(id(message.block))
        out.append(Note(path, message))
    return out


def by_code(notes: list) -> list[tuple[str, int]]:
    """(code, how many) for the notes, in code order: what the import summary lists."""
    return sorted(Counter(getattr(note, "code", GENERAL) for note in notes).items())


# The general kind, for a message said without a code; the other kinds are declared beside the code
# that says them (``CODES`` of frame, recognise, preamble, outline, tables, tasks, decision).
CODES = (
    Code("KH510", "info", "Chỗ cần kiểm tra sau khi nhập", "A place to check after the import",
         "Trình nhập không chắc về chỗ này; đọc lại với bản gốc. Ghi trong tệp YAML là '# kiểm tra (KH510): …' "
         "ngay trên mục liên quan.",
         "The importer is unsure of this place; read it again against the original. Written in the YAML as '# kiểm "
         "tra (KH510): …' right above the entry."),
)
