"""Run a ``kehoach`` command line in this process: register the command it names, then let click run it.

click is run with ``standalone_mode=False`` so that its usage errors are printed by kehoach, in the
user's language (see ``usage``); exit codes stay click's (2 for usage errors).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import typer

from ..common.i18n import set_lang
from .app import app
from .argv import command_name, hoist_lang, language
from .usage import CLICK_EXCEPTION, localize, usage_error


def _register(command: str | None = None) -> None:
    # Each command module adds itself to ``app`` on import.
    from .commands import register

    register(command)


@functools.lru_cache(maxsize=1)
def _click_command(registered: int) -> typer.core.TyperGroup:
    # Built once per set of registered commands: the build server reuses it for every request.
    return localize(typer.main.get_command(app))  # type: ignore[return-value]


def _configured_language(args: list[str]) -> list[str]:
    """``args`` with ``--lang`` of the working folder's configuration (``lang =`` in kehoach.toml) in
    front, when neither ``--lang`` nor KEHOACH_LANG chooses: messages are chosen before any plan is read.
    A configuration that cannot be read is reported by the command itself, in the default language."""
    if os.environ.get("KEHOACH_LANG") or any(a == "--lang" or a.startswith("--lang=") for a in args):
        return args
    try:
        from ..source.config import find_config

        lang = find_config(Path.cwd()).lang
    except Exception:  # noqa: BLE001 - a broken or unreadable configuration: the command says so
        return args
    return ["--lang", lang, *args] if lang else args


def main(args: list[str] | None = None) -> None:
    """Run the command line ``args`` (default: this process's arguments); exits like click does."""
    args = _configured_language(hoist_lang(sys.argv[1:] if args is None else list(args)))
    lang = language(args)
    set_lang("en" if lang == "en" else "vi")  # for help pages shown before the --lang callback runs
    _register(command_name(args))
    try:
        code = click_command().main(args=args, prog_name="kehoach", standalone_mode=False)
    except CLICK_EXCEPTION as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `kehoach` alone: the help page
            sys.stdout.write(exc.format_message() + "\n")  # type: ignore[attr-defined]
        else:
            sys.stderr.write(usage_error(exc))
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    except typer.Abort:
        sys.stderr.write(("Đã hủy." if lang != "en" else "Aborted.") + "\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def click_command() -> typer.core.TyperGroup:
    """The click group of the commands registered so far."""
    return _click_command(len(app.registered_commands) + len(app.registered_groups))
