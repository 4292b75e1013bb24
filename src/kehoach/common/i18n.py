"""User-facing language: Vietnamese by default, English with ``--lang en``.

Messages are written at their call site in both languages, ``tr("…", "…")``, so that a message and
its translation never drift apart in two files.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Literal

Lang = Literal["vi", "en"]
_current: ContextVar[Lang] = ContextVar("kehoach_lang", default="vi")


def set_lang(lang: Lang) -> None:
    _current.set(lang)


def get_lang() -> Lang:
    return _current.get()


def tr(vi: str, en: str, **values: object) -> str:
    """The message in the current language, with ``{name}`` fields filled from ``values``."""
    text = vi if _current.get() == "vi" else en
    return text.format(**values) if values else text
