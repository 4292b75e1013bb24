"""The one place the command line turns a failure into a message and an exit code.

``reported(path)`` wraps a command's work: a ``KehoachError`` prints its diagnostics (stderr) and
exits with its code; any other exception becomes KH000 located at ``path`` (exit 2), never a
traceback; typer's own exits and usage errors pass through untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from .usage import CLICK_EXCEPTION

# The code raised here, explained by ``kehoach rules KH000`` (cli/codes.py gathers it).
CODES = (
    Code("KH000", "error", "Lỗi nội bộ của kehoach", "kehoach internal error",
     "kehoach gặp một lỗi lập trình khi xử lý tệp này. Lệnh dừng với mã thoát 2 và không ghi tệp dở dang. "
     "Xin báo lỗi kèm tệp kế hoạch và dòng lệnh đã chạy.",
     "kehoach hit a programming error on this file. The command stops with exit code 2 and writes no partial "
     "file. Please report it with the plan file and the command line."),
)


def internal_error(path: str | None, exc: BaseException) -> Diagnostic:
    """KH000: a bug in kehoach, said as a finding with a request to report it."""
    return Diagnostic("KH000", tr(
        "lỗi nội bộ của kehoach ({t}: {e}); xin báo lỗi kèm tệp này",
        "kehoach internal error ({t}: {e}); please report it with this file",
        t=type(exc).__name__, e=exc), Severity.error, path)


def _reader_left() -> None:
    """The reader of our output went away (`kehoach check | head`): end quietly with 0, as ruff does.
    Standard output is pointed at the null device so that the final flush cannot fail again."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    raise typer.Exit(0)


@contextmanager
def reported(path: object = None) -> Iterator[None]:
    """Run the block; map a KehoachError (or a bug, as KH000 at ``path``) to its message and exit code."""
    from .report import print_text

    try:
        yield
    except (typer.Exit, typer.Abort, CLICK_EXCEPTION):  # typer prints usage errors itself (exit 2)
        raise
    except BrokenPipeError:
        _reader_left()
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic, not a traceback
        print_text([internal_error(None if path is None else str(path), exc)])
        raise typer.Exit(2) from None
