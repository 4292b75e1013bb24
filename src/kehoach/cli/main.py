"""Run a ``kehoach`` command line in this process: register the command it names, then let click run it."""

from __future__ import annotations

import functools
import sys

import typer

from .app import app
from .argv import command_name


def _register(command: str | None = None) -> None:
    # Each command module adds itself to ``app`` on import.
    from .commands import register

    register(command)


@functools.lru_cache(maxsize=1)
def _click_command(registered: int) -> typer.core.TyperGroup:
    # Built once per set of registered commands: the build server reuses it for every request.
    return typer.main.get_command(app)  # type: ignore[return-value]


def main(args: list[str] | None = None) -> None:
    """Run the command line ``args`` (default: this process's arguments); exits like click does."""
    args = sys.argv[1:] if args is None else list(args)
    _register(command_name(args))
    click_command()(args=args, prog_name="kehoach")


def click_command() -> typer.core.TyperGroup:
    """The click group of the commands registered so far."""
    return _click_command(len(app.registered_commands) + len(app.registered_groups))
