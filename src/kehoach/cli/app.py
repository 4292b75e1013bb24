"""The typer application and its global options; command modules under ``commands/`` add themselves."""

from __future__ import annotations

import typer

from ..i18n import set_lang

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
