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


def language(args: list[str]) -> str:
    """The language ``--lang`` (anywhere before ``--``) or KEHOACH_LANG asks for; "vi" by default."""
    lang = os.environ.get("KEHOACH_LANG", "vi")
    for arg, value in zip(args, [*args[1:], ""]):
        if arg == "--":
            break
        if arg == "--lang":
            lang = value
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


def in_language(args: list[str], vi: str, en: str) -> str:
    """``vi`` or ``en`` as ``--lang`` / KEHOACH_LANG ask, read before i18n is set up."""
    return en if language(args) == "en" else vi


def hoist_lang(args: list[str]) -> list[str]:
    """``--lang X`` moved to the front wherever it was written (``kehoach check --lang en f.yaml``):
    click knows it only as an option of ``kehoach`` itself."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang" and i + 1 < len(args):
            front += args[i:i + 2]
            i += 2
            continue
        (front if arg.startswith("--lang=") else rest).append(arg)
        i += 1
    return front + rest
