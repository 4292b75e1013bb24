"""What can be read off a command line before click parses it (the launcher runs before click)."""

from __future__ import annotations

import os


def command_name(args: list[str]) -> str | None:
    """The command named on a command line (after the global ``--lang``), or None."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def in_language(args: list[str], vi: str, en: str) -> str:
    """``vi`` or ``en`` as ``--lang`` / KEHOACH_LANG ask, read before i18n is set up."""
    lang = os.environ.get("KEHOACH_LANG", "vi")
    for arg, value in zip(args, [*args[1:], ""]):
        if arg == "--lang":
            lang = value
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return en if lang == "en" else vi
