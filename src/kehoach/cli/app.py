"""The typer application and its global options; command modules under ``commands/`` add themselves."""

from __future__ import annotations

import typer

from .. import __version__
from ..common.i18n import set_lang
from .usage import H

app = typer.Typer(
    name="kehoach",
    help=H("Soạn kế hoạch hành chính (Nghị định 30/2020/NĐ-CP) từ YAML: kiểm tra, dựng .docx/.pdf, tạo hàng loạt.",
           "Write administrative plans (Decree 30/2020/ND-CP) in YAML: check them, build .docx/.pdf, batch them."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    lang: str = typer.Option("vi", "--lang", metavar="vi|en", envvar="KEHOACH_LANG",
                             help=H("Ngôn ngữ thông báo: vi hoặc en (đặt trước hay sau tên lệnh đều được).",
                                    "Language of messages: vi or en (before or after the command name).")),
    version: bool = typer.Option(False, "--version", "-V", is_eager=True, callback=_version,
                                 help=H("In phiên bản rồi thoát.", "Show the version and exit.")),
) -> None:
    if lang not in ("vi", "en"):
        raise typer.BadParameter("vi | en", param_hint="--lang")
    set_lang(lang)  # type: ignore[arg-type]
