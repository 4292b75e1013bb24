""".doc, .odt (and .rtf) to .docx bytes with LibreOffice headless, the converter the PDF output uses.

The caller passes how to find soffice (the CLI passes ``writers.pdf.find_soffice``, which honours
KEHOACH_SOFFICE and the usual install folders and says how to install LibreOffice); without one,
PATH is searched. LibreOffice runs with a private temporary profile, in its own process group, and
is killed with its children when it overruns the timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from ..i18n import tr
from .errors import import_error

TIMEOUT = 120.0


def _default_soffice() -> Path:
    found = shutil.which("soffice") or shutil.which("libreoffice") or os.environ.get("KEHOACH_SOFFICE")
    if not found:
        raise import_error("KH070", tr(
            "không tìm thấy LibreOffice (soffice), cần để đọc tệp .doc/.odt. Cài đặt: Debian/Ubuntu "
            "`sudo apt-get install libreoffice-writer`; Windows `winget install TheDocumentFoundation."
            "LibreOffice`; macOS `brew install --cask libreoffice`; hoặc lưu văn bản thành .docx",
            "LibreOffice (soffice) was not found; it is needed to read .doc/.odt files. Install it: "
            "Debian/Ubuntu `sudo apt-get install libreoffice-writer`; Windows `winget install "
            "TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`; or save the "
            "document as .docx"), None)
    return Path(found)


def convert_to_docx(path: Path, soffice: Callable[[], Path] | None = None, *, timeout: float = TIMEOUT,
                    data: bytes | None = None) -> bytes:
    """The .docx bytes of the document at ``path`` (its ``data`` when already read and checked)."""
    program = (soffice or _default_soffice)()
    with tempfile.TemporaryDirectory(prefix="kehoach-import-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        staged = folder / f"input{path.suffix.lower()}"
        if data is not None:
            staged.write_bytes(data)
        else:
            shutil.copyfile(path, staged)
        out = folder / "out"
        args = [str(program), "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", str(out), str(staged)]
        kwargs = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32" \
            else {"start_new_session": True}
        try:
            proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, **kwargs)
        except OSError as exc:
            raise import_error("KH506", tr("không chạy được LibreOffice ({p}): {e}", "cannot run LibreOffice ({p}): {e}",
                                           p=program, e=exc.strerror or exc), path) from None
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise import_error("KH506", tr("LibreOffice chưa chuyển xong sau {t:g} giây nên đã bị dừng",
                                           "LibreOffice did not finish within {t:g} seconds and was stopped",
                                           t=timeout), path) from None
        except BaseException:
            _kill(proc)
            raise
        produced = out / "input.docx"
        if proc.returncode != 0 or not produced.is_file():
            said = output.decode("utf-8", "replace").strip()
            raise import_error("KH506", tr(
                "LibreOffice không mở được tệp (tệp hỏng, có mật khẩu hoặc không phải văn bản){o}",
                "LibreOffice could not open the file (corrupt, password-protected or not a document){o}",
                o=(": " + said) if said else ""), path)
        return produced.read_bytes()


def _kill(proc: subprocess.Popen) -> None:
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
        else:
            os.killpg(proc.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
