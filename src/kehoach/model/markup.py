"""Inline emphasis in plan text: ``**đậm**``, ``*nghiêng*``, ``***đậm nghiêng***``.

Every free text of a plan (paragraphs, items, headings, table cells, recipients, footnotes) may
carry this small Markdown subset. It is parsed once, in compose, into spans that every writer
renders: bold/italic runs in .docx, ``<strong>``/``<em>`` in .html; the .txt form drops the
markers (it is the text as read, the form the fidelity tests compare word for word with the
original; emphasis changes show in the YAML diff).

The rules, chosen to be what Markdown users expect and to leave ordinary text alone:

- A run of one, two or three asterisks *opens* emphasis when a non-space character follows it and
  *closes* it when a non-space character precedes it. ``*`` is italic, ``**`` bold, ``***`` both;
  they nest (``**đậm *và nghiêng* đậm**``).
- An asterisk with spaces on both sides ("5 * 3"), at the start of a line followed by a space
  ("* Lưu ý"), in a run of four or more ("****") or in parentheses ("(*)", a note mark) is a literal
  character, as before.
- An opening or closing marker without its partner is printed as typed (so an older plan renders as
  it did) and reported by the lint rule KH305 with its position.
- ``\\*`` is a literal asterisk, ``\\_`` a literal underscore and ``\\\\`` a backslash. The underscore is
  not an emphasis marker (plans use "____" for blanks to fill in); ``\\_`` is accepted for authors
  used to Markdown. Any other backslash is kept as typed.

Footnote references use Markdown's (Pandoc's) form ``[^id]``: ``id`` is any run of characters
without spaces, brackets or "^" ("1", "xa", "nguon-2"), and the note's text is the plan's
``footnotes: {id: text}``. A reference is a span of its own (``Span.note``, empty text) that compose
numbers 1..n in the order of first reference; ``plain`` leaves it out. ``\\[`` is a literal "[" (so
``\\[^1]`` prints "[^1]"); a "[^" not followed by an id and "]" is literal already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE = "*_\\["
FOOTNOTE_ID = r"^[^\s\[\]^]+$"  # what an id may be: no spaces, brackets or "^"
NOTE = re.compile(r"\[\^([^\s\[\]^]+)\]")  # a footnote reference: [^id]


@dataclass(frozen=True)
class Span:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None  # a footnote reference ``[^id]`` (its text is empty)


@dataclass(frozen=True)
class Note:
    """A footnote reference in the source text: its offset, its id and its length as typed."""

    offset: int
    id: str
    length: int


@dataclass(frozen=True)
class Unbalanced:
    """A marker without its partner: its offset in the source text and the marker itself."""

    offset: int
    marker: str


@dataclass
class _Delim:
    offset: int  # in the source text
    length: int
    can_open: bool
    can_close: bool
    index: int  # position in the token list


@dataclass
class _Parsed:
    tokens: list[str | _Delim | Note]  # literal text pieces and delimiter runs, in order
    # For each matched delimiter token index: the (kind, opening) toggles it performs, in order.
    toggles: dict[int, list[tuple[str, bool]]]
    unbalanced: list[Unbalanced]


# The characters the tokenizer acts on; the text between them is copied in one slice (a plan is
# tens of thousands of characters, a loop per character was most of a cold build's compose).
_SPECIAL = re.compile(r"[\\\[*]")


def _tokenize(text: str) -> list[str | _Delim | Note]:
    tokens: list[str | _Delim | Note] = []
    buffer: list[str] = []
    i, n = 0, len(text)
    while i < n:
        special = _SPECIAL.search(text, i)
        if special is None:
            buffer.append(text[i:])
            break
        if special.start() > i:
            buffer.append(text[i: special.start()])
            i = special.start()
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if char == "[" and text.startswith("[^", i):
            match = NOTE.match(text, i)
            if match:
                if buffer:
                    tokens.append("".join(buffer))
                    buffer = []
                tokens.append(Note(i, match.group(1), match.end() - i))
                i = match.end()
                continue
        if char == "*":
            j = i
            while j < n and text[j] == "*":
                j += 1
            length = j - i
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < n else " "
            if length > 3 or (before == "(" and after == ")"):  # "****", a "(*)" note mark
                buffer.append(text[i:j])
            else:
                if buffer:
                    tokens.append("".join(buffer))
                    buffer = []
                tokens.append(_Delim(i, length, not after.isspace(), not before.isspace(), len(tokens)))
            i = j
            continue
        buffer.append(char)
        i += 1
    if buffer:
        tokens.append("".join(buffer))
    return tokens


_KINDS = {1: ["i"], 2: ["b"], 3: ["i", "b"]}  # pushed in this order: "***" opens italic, then bold


def _parse(text: str) -> _Parsed:
    tokens = _tokenize(text)
    toggles: dict[int, list[tuple[str, bool]]] = {}
    stack: list[tuple[str, _Delim]] = []  # open emphasis: (kind, the delimiter that opened it)
    unmatched: list[_Delim] = []

    def close(delim: _Delim) -> bool:
        wanted = {1: ["i"], 2: ["b"], 3: ["b", "i"]}[delim.length]
        if delim.length == 3:
            if len(stack) < 2 or {stack[-1][0], stack[-2][0]} != {"b", "i"}:
                return False
            wanted = [stack[-1][0], stack[-2][0]]
        elif not stack:
            return False
        elif stack[-1][0] != wanted[0]:
            # "***a* b**": the two kinds a "***" opened may close in either order.
            if len(stack) >= 2 and stack[-2][0] == wanted[0] and stack[-2][1] is stack[-1][1]:
                stack[-1], stack[-2] = stack[-2], stack[-1]
            else:
                return False
        for kind in wanted:
            _, opener = stack.pop()
            toggles.setdefault(opener.index, []).append((kind, True))
            toggles.setdefault(delim.index, []).append((kind, False))
        return True

    for token in tokens:
        if not isinstance(token, _Delim):
            continue
        if token.can_close and close(token):
            continue
        if token.can_open:
            for kind in _KINDS[token.length]:
                stack.append((kind, token))
        elif token.can_close:
            unmatched.append(token)
        # neither: a lone "*" between spaces, printed as is
    left: dict[int, tuple[_Delim, int]] = {}  # openers never closed: delimiter, unmatched length
    for kind, opener in stack:
        _, length = left.get(opener.index, (opener, 0))
        left[opener.index] = (opener, length + {"i": 1, "b": 2}[kind])
    unbalanced = [Unbalanced(d.offset, "*" * d.length) for d in unmatched]
    unbalanced += [Unbalanced(d.offset, "*" * length) for d, length in left.values()]
    unbalanced.sort(key=lambda u: u.offset)
    return _Parsed(tokens, toggles, unbalanced)


def spans(text: str) -> list[Span]:
    """The spans of ``text``; markers without a partner stay as literal characters."""
    parsed = _parse(text)
    out: list[Span] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            piece = "".join(buffer)
            if out and out[-1].bold == bold and out[-1].italic == italic and out[-1].note is None:
                out[-1] = Span(out[-1].text + piece, bold, italic)
            else:
                out.append(Span(piece, bold, italic))
            buffer.clear()

    for token in parsed.tokens:
        if isinstance(token, str):
            buffer.append(token)
            continue
        if isinstance(token, Note):
            flush()
            out.append(Span("", bold, italic, note=token.id))
            continue
        changes = parsed.toggles.get(token.index)
        if not changes:
            buffer.append("*" * token.length)
            continue
        literal = token.length - sum({"i": 1, "b": 2}[kind] for kind, _ in changes)
        flush()
        for kind, opening in changes:
            if kind == "b":
                bold = opening
            else:
                italic = opening
        if literal > 0:  # the unmatched part of a half-closed "***"
            buffer.append("*" * literal)
    flush()
    return out


def plain(text: str) -> str:
    """``text`` without its emphasis markers and footnote references (escapes resolved)."""
    return "".join(span.text for span in spans(text))


def unbalanced(text: str) -> list[Unbalanced]:
    """The markers of ``text`` that have no partner."""
    return _parse(text).unbalanced


def notes(text: str) -> list[Note]:
    """The footnote references of ``text``, in order."""
    if "[^" not in text:
        return []
    return [token for token in _tokenize(text) if isinstance(token, Note)]


def escape(text: str) -> str:
    """``text`` with its asterisks, backslashes and "[^" escaped: printed literally, never as
    emphasis or a footnote reference."""
    out = "".join("\\" + c if c in "*\\" else c for c in text)
    return out.replace("[^", "\\[^")
