"""The output formats (định dạng đầu ra): one line per writer, as pandoc's ``Writers.hs``.

Help texts (both languages), the KH050/KH051 messages, ``kehoach rules KH050``, the build server's
warm-up and batch read this table; a new format is its writer module plus one line here. A writer
is ``"module:function"`` under ``kehoach`` (imported when used, so a command that writes only .txt
never loads python-docx) or a callable; it turns a composed ``Document`` into bytes. A format with
``after`` is rendered as that format first and then converted (PDF: the .docx through LibreOffice,
stamped with the plan's date, see ``render.write_pdf``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr


@dataclass(frozen=True)
class Writer:
    name: str
    suffixes: tuple[str, ...]
    write: str | Callable[..., bytes] | None  # "module:function" (Document -> bytes); None with ``after``
    after: str | None = None  # rendered as this format, then converted (PDF after docx)
    warm: bool = True  # the build server renders its starter plan in it when it starts

    def function(self) -> Callable[..., bytes]:
        if callable(self.write):
            return self.write
        assert self.write is not None, f"{self.name} is converted from {self.after}"
        module, _, name = self.write.partition(":")
        return getattr(importlib.import_module(f"kehoach.{module}"), name)


WRITERS: dict[str, Writer] = {writer.name: writer for writer in (
    Writer("docx", (".docx",), "writers.docx:write_docx"),
    Writer("html", (".html", ".htm"), "writers.html:write_html"),
    Writer("txt", (".txt",), "writers.text:write_text"),
    Writer("pdf", (".pdf",), None, after="docx", warm=False),
)}


def names() -> list[str]:
    return list(WRITERS)


def suffixes() -> list[str]:
    """The first suffix of each format (.docx, .html, …): what the help and the messages list."""
    return [writer.suffixes[0] for writer in WRITERS.values()]


def suffix_list(last: str) -> str:
    """".docx, .html, .txt {last} .pdf" with ``last`` the language's "or"."""
    shown = suffixes()
    return ", ".join(shown[:-1]) + f" {last} {shown[-1]}" if len(shown) > 1 else "".join(shown)


def _or(items: list[str], word: str) -> str:
    return ", ".join(items[:-1]) + f" {word} {items[-1]}" if len(items) > 1 else "".join(items)


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py reads them), listing the table.
CODES = (
    Code("KH050", "error", "Định dạng không hỗ trợ", "Unsupported format", "", "", lambda: (
        f"--format chỉ nhận {_or(names(), 'hoặc')}.", f"--format takes {_or(names(), 'or')} only.")),
    Code("KH051", "error", "Không biết định dạng đầu ra", "Unknown output format", "", "", lambda: (
        f"Đuôi tệp đầu ra không phải {suffix_list('hay')}; đổi đuôi hoặc thêm --format.",
        f"The output file's suffix is not {suffix_list('or')}; change it or add --format.")),
)


def unsupported(fmt: str, where: str | None = None) -> KehoachError:
    """KH050: a format no writer has."""
    return KehoachError([Diagnostic("KH050", tr(
        "định dạng không hỗ trợ: {f} (chọn một trong: {all})", "unsupported format: {f} (choose one of: {all})",
        f=fmt, all=", ".join(WRITERS)), Severity.error, where)])


def output_format(output: Path, fmt: str | None) -> str:
    """The format asked for, or the one the output's suffix names; exit 2 when neither is known."""
    if fmt is not None:
        if fmt not in WRITERS:
            raise unsupported(fmt)
        return fmt
    if str(output) == "-":
        choices = " | ".join(WRITERS)
        raise KehoachError([Diagnostic("KH051", tr(
            "ghi ra màn hình (-o -) cần chọn định dạng: --format {c}",
            "writing to standard output (-o -) needs a format: --format {c}", c=choices), Severity.error, "-")])
    suffix = output.suffix.lower()
    for writer in WRITERS.values():
        if suffix in writer.suffixes:
            return writer.name
    raise KehoachError([Diagnostic("KH051", tr(
        "không biết định dạng của tệp đầu ra theo đuôi '{s}' (dùng {l}, hoặc --format)",
        "cannot tell the output format from the suffix '{s}' (use {e}, or --format)",
        s=output.suffix or "(none)", l=suffix_list("hoặc"), e=suffix_list("or")), Severity.error, str(output))])


def resolve_output(plan_path: Path, output: str | Path | None, fmt: str | None) -> tuple[Path, str]:
    """The output path (default: the plan's name with .docx, or ``fmt``'s suffix, beside it) and format."""
    if output is None:
        suffix = WRITERS[fmt].suffixes[0] if fmt in WRITERS else f".{fmt}"
        output = plan_path.with_suffix(suffix if fmt else ".docx")
    output = Path(output)
    return output, output_format(output, fmt)
