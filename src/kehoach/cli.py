"""The ``kehoach`` command line. Each command lives in its own module under ``commands/``."""

from __future__ import annotations

import functools
import sys

import typer

from .i18n import set_lang
from .launcher import command_name

app = typer.Typer(
    name="kehoach",
    help="Soạn kế hoạch hành chính (Nghị định 30/2020/NĐ-CP) từ YAML: kiểm tra, dựng .docx/.pdf, tạo hàng loạt.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    lang: str = typer.Option("vi", "--lang", help="Ngôn ngữ thông báo: vi hoặc en.", envvar="KEHOACH_LANG"),
) -> None:
    if lang not in ("vi", "en"):
        raise typer.BadParameter("vi | en", param_hint="--lang")
    set_lang(lang)  # type: ignore[arg-type]


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
