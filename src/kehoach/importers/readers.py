"""The document readers of ``kehoach import``: one line per kind of file, as pandoc's ``Readers.hs``.

A reader turns a file's bytes into neutral ``blocks`` (``Source``). ``read`` is ``"module:function"``
under ``kehoach`` (imported when used) or a callable ``(data: bytes, path: Path) -> Source``; a reader
``through_libreoffice`` gets the .docx LibreOffice converts the file to. The import command's help,
the KH501 message and ``kehoach rules KH501`` list ``shown`` (the suffixes people know) from here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: str | Callable[..., Any]  # "module:function" (data, path) -> Source, or the function
    shown: tuple[str, ...] = ()  # the suffixes named in help and messages (default: the first)
    through_libreoffice: bool = False  # converted to .docx by LibreOffice first (.doc, .odt)

    def function(self) -> Callable[..., Any]:
        if callable(self.read):
            return self.read
        module, _, name = self.read.partition(":")
        return getattr(importlib.import_module(f"kehoach.{module}"), name)


READERS: list[Reader] = [
    Reader("docx", (".docx", ".docm", ".dotx"), "importers.docx:read_docx", (".docx",)),
    Reader("libreoffice", (".doc", ".odt", ".rtf", ".dot"), "importers.docx:read_docx", (".doc", ".odt"),
           through_libreoffice=True),
    Reader("text", (".txt", ".md", ".markdown"), "importers.text:read_text", (".txt", ".md")),
]


def reader_for(suffix: str) -> Reader | None:
    suffix = suffix.lower()
    return next((reader for reader in READERS if suffix in reader.suffixes), None)


def shown_suffixes() -> list[str]:
    """.docx, .doc, .odt, .txt, .md: what help texts and messages list."""
    return [s for reader in READERS for s in (reader.shown or reader.suffixes[:1])]


def suffix_list(last: str) -> str:
    """".docx, .doc, .odt, .txt {last} .md" with ``last`` the language's "and"/"or"."""
    shown = shown_suffixes()
    return ", ".join(shown[:-1]) + f" {last} {shown[-1]}" if len(shown) > 1 else "".join(shown)
