"""Writing outputs safely: a temporary file in the destination folder, then a rename.

A failure or Ctrl-C never leaves a partial file, and the input is never overwritten.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .diagnostics import Diagnostic, KehoachError, Severity
from .i18n import tr


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes, *, protect: tuple[Path, ...] = ()) -> Path:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``.

    ``protect`` lists inputs that must never be overwritten (the plan file itself).
    Raises KehoachError (exit 2) when the destination cannot be written.
    """
    path = Path(path)
    for guarded in protect:
        try:
            if path.resolve() == Path(guarded).resolve():
                raise KehoachError([Diagnostic("KH011", tr(
                    "tệp đầu ra trùng với tệp đầu vào; không ghi đè", "the output is the input file; not overwriting it"),
                    Severity.error, str(path))])
        except OSError:
            pass
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates 0600; give the output the permissions a plain open() would.
        os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise KehoachError([Diagnostic("KH012", tr(
            "không ghi được tệp đầu ra: {e}", "cannot write the output file: {e}", e=exc.strerror or exc),
            Severity.error, str(path))]) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path
