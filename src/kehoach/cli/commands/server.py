"""``kehoach server start|stop|status``: a warm build server that makes each command start fast."""

from __future__ import annotations

import time

import typer

from ...common.i18n import tr
from ..app import app
from ..failures import reported
from ..server import DEFAULT_IDLE_MINUTES

server_app = typer.Typer(
    help="Máy chủ dựng chạy nền: giữ sẵn thư viện đã nạp để mỗi lệnh kehoach (build, check, …) chạy ngay, "
    "không mất thời gian khởi động. Chỉ người dùng hiện tại dùng được; tự dừng khi lâu không dùng.",
    no_args_is_help=True,
)
app.add_typer(server_app, name="server")


def _describe(status: dict) -> str:
    minutes = status["idle_seconds"] / 60
    return tr("Máy chủ dựng đang chạy: pid {pid}, phiên bản {v}, đã chạy {n} lệnh, chạy được {up}; tự dừng "
              "sau {m:g} phút không dùng. Ổ cắm: {s}",
              "The build server is running: pid {pid}, version {v}, {n} command(s) run, up {up}; it stops "
              "after {m:g} idle minute(s). Socket: {s}",
              pid=status["pid"], v=status["version"], n=status["served"], m=minutes, s=status["socket"],
              up=_duration(time.time() - status["started"]))


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


@server_app.command()
def start(
    idle: float = typer.Option(DEFAULT_IDLE_MINUTES, "--idle", min=0.01, help="Tự dừng sau chừng ấy phút không có lệnh nào."),
    foreground: bool = typer.Option(False, "--foreground", help="Chạy ngay trong cửa sổ này (Ctrl-C để dừng), "
                                    "không chạy nền; dùng cho systemd hoặc để xem lỗi."),
) -> None:
    """Khởi động máy chủ dựng (chạy nền, nếu chưa chạy)."""
    from .. import server

    with reported():
        if foreground:
            try:
                server.serve(idle)
            except KeyboardInterrupt:
                pass
            return
        running = server.ask("status")
        if running is not None:
            typer.echo(_describe(running))
            return
        typer.echo(_describe(server.start_detached(idle)))


@server_app.command()
def stop() -> None:
    """Dừng máy chủ dựng."""
    from .. import server

    if server.stop():
        typer.echo(tr("Đã dừng máy chủ dựng.", "The build server has stopped."))
    else:
        typer.echo(tr("Máy chủ dựng không chạy.", "The build server is not running."))


@server_app.command()
def status() -> None:
    """Cho biết máy chủ dựng có đang chạy không (mã thoát 0 nếu có, 1 nếu không)."""
    from .. import server

    running = server.ask("status")
    if running is None:
        typer.echo(tr("Máy chủ dựng không chạy. Khởi động: kehoach server start",
                      "The build server is not running. Start it: kehoach server start"))
        raise typer.Exit(1)
    typer.echo(_describe(running))
