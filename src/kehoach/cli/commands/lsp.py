"""``kehoach lsp``: the language server for editors, over stdin/stdout (needs the ``lsp`` extra)."""

from __future__ import annotations

import typer

from ...common.diagnostics import Code, Diagnostic, Severity
from ...common.i18n import get_lang, set_lang, tr
from ..app import app


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH091", "error", "kehoach lsp thiếu gói pygls", "kehoach lsp needs pygls",
         "Máy chủ ngôn ngữ cần gói pygls: pip install 'kehoach[lsp]'.",
         "The language server needs the pygls package: pip install 'kehoach[lsp]'."),
)


@app.command()
def lsp(
    lang: str | None = typer.Option(None, "--lang", help="Ngôn ngữ thông báo: vi hoặc en (mặc định: theo "
                                    "--lang chung, hoặc tiếng Anh khi trình soạn thảo báo ngôn ngữ 'en')."),
) -> None:
    """Máy chủ ngôn ngữ (LSP, qua stdio) cho trình soạn thảo: phát hiện, gợi ý, giải thích, sửa nhanh."""
    if lang is not None:
        if lang not in ("vi", "en"):
            raise typer.BadParameter("vi | en", param_hint="--lang")
        set_lang(lang)  # type: ignore[arg-type]
    try:
        from ..lsp.server import serve
    except ImportError:
        # stderr: stdout belongs to the protocol.
        typer.echo(str(Diagnostic("KH091", tr(
            "`kehoach lsp` cần gói pygls: pip install 'kehoach[lsp]'",
            "`kehoach lsp` needs the pygls package: pip install 'kehoach[lsp]'"), Severity.error)), err=True)
        raise typer.Exit(2) from None
    try:
        serve(get_lang())
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
