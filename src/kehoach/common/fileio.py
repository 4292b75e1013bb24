"""Writing outputs safely: a temporary file in the destination folder, then a rename.

A failure or Ctrl-C never leaves a partial file, and the input is never overwritten. Nothing at the
output path is ever opened for writing: a symlink there is replaced by the new file (the link's
target is left alone: a link planted in a shared folder cannot redirect the write), and a device,
FIFO or socket there is refused (a FIFO would block the writer for good). Only names that stand for
this process's own output are written as streams: ``-`` (standard output), ``/dev/stdout``,
``/dev/stderr``, ``/dev/fd/N`` and the null device. The destination folder must exist: a mistyped
folder is an error, not silently created (callers that own a tree, such as a batch, create it).
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from .diagnostics import Code, Diagnostic, KehoachError, Severity
from .i18n import tr


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH011", "error", "Không ghi đè", "Not overwriting",
         "Tệp đầu ra là chính tệp đầu vào, hoặc (với `kehoach init`) tệp đã có: kehoach không ghi đè.",
         "The output file is the input itself, or (for `kehoach init`) already exists: kehoach does not "
         "overwrite it."),
    Code("KH012", "error", "Không ghi được tệp đầu ra", "Cannot write the output file",
         "Không ghi được tệp đầu ra (thư mục không có, không có quyền, đĩa đầy, đường dẫn là thư mục, thiết bị hay "
         "FIFO…). Không tệp dở dang nào được để lại. Một liên kết tượng trưng (symlink) ở đường dẫn đầu ra được thay "
         "bằng tệp mới, không bao giờ ghi theo liên kết.",
         "The output file could not be written (missing folder, no permission, disk full, the path is a folder, a "
         "device or a FIFO…). No partial file is left behind. A symbolic link at the output path is replaced by the "
         "new file; the write never follows the link."),
)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


STDOUT = "-"
# Names that stand for an open descriptor of this process: written to, never renamed over, even
# when the descriptor is a regular file (``kehoach build -o /dev/stdout > out.txt``).
_DESCRIPTOR_NAME = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|\d+)/fd/\d+")
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".kh-", ".tmp"  # short: any name the filesystem allows fits


def is_stdout(path: str | Path) -> bool:
    return str(path) == STDOUT


def is_stream(path: str | Path) -> bool:
    """True when ``path`` names this process's own output, written in place: ``-``, a descriptor's
    name (/dev/stdout, /dev/fd/N) or the null device."""
    if is_stdout(path) or _DESCRIPTOR_NAME.fullmatch(os.path.abspath(path)):
        return True
    return os.path.abspath(path) == os.devnull and _is_device(os.devnull)


def _is_device(path: str) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def _write_stream(path: Path, data: bytes) -> None:
    if is_stdout(path):
        sys.stdout.flush()
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)  # no O_CREAT: it exists, and stays what it is
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _cannot_write(path: Path, reason: object) -> KehoachError:
    return KehoachError([Diagnostic("KH012", tr(
        "không ghi được tệp đầu ra: {e}", "cannot write the output file: {e}", e=reason),
        Severity.error, str(path))])


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(path: str | Path, data: bytes, *, protect: tuple[Path, ...] = (),
                 make_parents: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``; a stream (see
    ``is_stream``) is written in place. A symlink at ``path`` is replaced, never followed; a
    device, FIFO or socket there is refused.

    ``protect`` lists inputs that must never be overwritten (the plan file itself).
    ``make_parents`` creates missing folders (for trees the caller owns, such as a batch output).
    Raises KehoachError (exit 2) when the destination cannot be written.
    """
    path = Path(path)
    if is_stream(path):
        try:
            _write_stream(path, data)
        except OSError as exc:
            raise _cannot_write(path, exc.strerror or exc) from None
        return path
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(path, exc.strerror or exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _cannot_write(path, tr("đây là một thư mục", "it is a folder"))
    if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        raise _cannot_write(path, tr(
            "đường dẫn là thiết bị, FIFO hoặc socket, không phải tệp thường; không ghi vào đó (dùng `-o -` "
            "để in ra màn hình)",
            "the path is a device, FIFO or socket, not a regular file; not writing into it (use `-o -` "
            "for standard output)"))
    for guarded in protect:
        # The file itself (a hard path or a link to the input): replacing it would lose the input.
        if _same_file(path, Path(guarded)) or (info is not None and stat.S_ISREG(info.st_mode)
                                               and path.resolve() == Path(guarded).resolve()):
            raise KehoachError([Diagnostic("KH011", tr(
                "tệp đầu ra trùng với tệp đầu vào; không ghi đè", "the output is the input file; not overwriting it"),
                Severity.error, str(path))])
    folder = path.parent
    if not folder.is_dir():
        if make_parents:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _cannot_write(path, exc.strerror or exc) from None
        else:
            raise _cannot_write(path, tr(
                "thư mục {d} không tồn tại (hãy tạo nó trước)",
                "the folder {d} does not exist (create it first)", d=str(folder) or "."))
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates 0600; give the output the permissions a plain open() would: the existing
        # regular file's, or the umask's for a new one (a replaced link's target says nothing).
        if info is not None and stat.S_ISREG(info.st_mode):
            mode = stat.S_IMODE(info.st_mode) & 0o777
        else:
            mode = 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)  # rename replaces a symlink itself, never what it points to
        tmp_name = None
    except OSError as exc:
        raise _cannot_write(path, exc.strerror or exc) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path


# ------------------------------------------------------------------------------------------------
# scratch folders (LibreOffice's input, output and profile): in a per-user root where the next run
# removes what a killed one left
# ------------------------------------------------------------------------------------------------

STALE_SECONDS = 600  # a scratch folder of a dead process, untouched this long, is removed


def _scratch_root() -> Path | None:
    """$TMPDIR/kehoach-tmp-<uid>, a real folder of this user that nobody else may enter; None when
    it cannot be that (no uid on this system, or someone else's folder in the way)."""
    if not hasattr(os, "getuid"):
        return None
    root = Path(tempfile.gettempdir()) / f"kehoach-tmp-{os.getuid()}"
    try:
        root.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    info = os.lstat(root)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return root


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists
        return True
    return True


def _sweep(root: Path) -> None:
    """Remove the scratch folders of processes that died (SIGKILL, power loss) without cleaning up."""
    import shutil
    import time

    now = time.time()
    for entry in root.iterdir():
        pid = entry.name.split("-", 1)[0]
        try:
            old = now - entry.lstat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if pid.isdigit() and int(pid) != os.getpid() and old and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def make_scratch(kind: str) -> Path:
    """A new private folder for temporary files, named <pid>-<kind>-<random>; remove it with
    ``remove_scratch``. Folders left by dead processes are removed first."""
    for _attempt in range(3):
        root = _scratch_root()
        if root is None:
            return Path(tempfile.mkdtemp(prefix=f"kehoach-{kind}-"))
        _sweep(root)
        try:
            return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-{kind}-", dir=root))
        except FileNotFoundError:  # another run removed the empty root just now
            continue
    return Path(tempfile.mkdtemp(prefix=f"kehoach-{kind}-"))


def remove_scratch(folder: Path) -> None:
    """Remove a folder of ``make_scratch``, and the per-user root when nothing else is in it."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    if folder.parent.name.startswith("kehoach-tmp-"):
        try:
            folder.parent.rmdir()
        except OSError:  # other runs' folders are in it
            pass
