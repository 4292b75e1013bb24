"""``kehoach preview PLAN``: a local page of the document's A4 sheets and its findings, live on save."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ...common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ...common.i18n import tr
from ..app import app
from ..failures import reported


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH090", "error", "kehoach preview không mở được cổng", "kehoach preview cannot listen",
         "`kehoach preview` không mở được cổng đã chọn trên 127.0.0.1 (đang bận?); bỏ --port để dùng một cổng trống.",
         "`kehoach preview` cannot listen on the chosen 127.0.0.1 port (in use?); leave out --port for a free one."),
)


def _open_browser(url: str) -> None:
    import webbrowser

    try:
        webbrowser.open(url)
    except Exception:  # noqa: BLE001 - no browser is not an error: the URL is printed
        pass


@app.command()
def preview(
    plan: Path = typer.Argument(..., help="Tệp kế hoạch YAML.", show_default=False),
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Cổng trên 127.0.0.1 (mặc định: một cổng trống)."),
    no_open: bool = typer.Option(False, "--no-open", help="Không mở trình duyệt; chỉ in địa chỉ."),
    templates: Path | None = typer.Option(None, "--templates", help="Thư mục mẫu câu chữ thay cho mẫu có sẵn."),
    editor_url: str = typer.Option(
        "vscode://file/{path}:{line}:{col}", "--editor-url",
        help="Liên kết mở dòng của phát hiện trong trình soạn thảo ({path}, {line}, {col})."),
) -> None:
    """Xem trước văn bản theo trang A4 trong trình duyệt, kèm các phát hiện; tự cập nhật khi lưu tệp."""
    from ..preview.server import PreviewServer, watch
    from ..preview.state import PreviewState, editor_url_problem

    problem = editor_url_problem(editor_url)
    if problem:
        raise typer.BadParameter(problem, param_hint="--editor-url")
    with reported():
        if not plan.is_file():
            raise KehoachError([Diagnostic("KH010", tr("không đọc được tệp", "cannot read the file"),
                                           Severity.error, str(plan))], 2)
        state = PreviewState(plan, templates=templates, editor_url=editor_url)
        state.refresh()
        try:
            server = PreviewServer(state, port)
        except OSError as exc:
            raise KehoachError([Diagnostic("KH090", tr(
                "không mở được cổng {p} trên 127.0.0.1: {e} (bỏ --port để dùng một cổng trống)",
                "cannot listen on 127.0.0.1 port {p}: {e} (leave out --port for a free port)",
                p=port, e=exc.strerror or exc), Severity.error)], 2) from None
    typer.echo(tr("Xem trước {f} tại {u} (Ctrl-C để dừng)", "Previewing {f} at {u} (Ctrl-C to stop)",
                  f=plan, u=server.url))
    sys.stdout.flush()
    watch(server)
    if not no_open:
        _open_browser(server.url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        typer.echo(tr("Đã dừng xem trước.", "Preview stopped."))
    finally:
        server.stop()
        server.server_close()
    raise typer.Exit(0)
