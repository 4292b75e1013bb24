"""LibreOffice as a process: where soffice is, the offline profile it runs with, starting it in its own
process group (common/process, which also kills the whole group) in UTC, its output cleaned for a
message, and a Python that can drive it over UNO. The PDF conversions (``pdf_once``, ``pdf.Converter``) and ``kehoach import``'s
.doc/.odt conversion (``importers/convert``, handed ``find_soffice``) run it through here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from ..common.process import popen_group

# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH070", "error", "Không tìm thấy LibreOffice", "LibreOffice not found",
         "Xuất PDF cần LibreOffice (soffice); thông báo nêu lệnh cài cho từng hệ điều hành.",
         "PDF output needs LibreOffice (soffice); the message gives the install command for each system."),
)

_NOISE = ("failed to launch javaldx",)  # harmless LibreOffice chatter kept out of error messages


def failure(code: str, message: str, path: str | Path | None = None) -> KehoachError:
    """A conversion's KH070/KH072/KH073: exit 2, located at the PDF (or nowhere) when ``path`` is given."""
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path else None)], exit_code=2)


def _install_candidates() -> list[Path]:
    """Where the installers put soffice when it is not on PATH."""
    if sys.platform == "win32":
        roots = {os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")}
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in sorted(r for r in roots if r)]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return [Path("/usr/lib/libreoffice/program/soffice"), Path("/snap/bin/libreoffice"),
            *sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)]


def find_soffice() -> Path:
    """The LibreOffice executable: $KEHOACH_SOFFICE, then PATH, then the usual install folders."""
    override = os.environ.get("KEHOACH_SOFFICE")
    if override:
        return Path(override)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _install_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise failure("KH070", tr(
        "không tìm thấy LibreOffice (soffice), cần để xuất PDF. Cài đặt: Debian/Ubuntu "
        "`sudo apt-get install libreoffice-writer fonts-liberation`; Windows "
        "`winget install TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`. "
        "Hoặc đặt biến KEHOACH_SOFFICE trỏ tới tệp soffice",
        "LibreOffice (soffice) was not found; it is needed for PDF output. Install it: Debian/Ubuntu "
        "`sudo apt-get install libreoffice-writer fonts-liberation`; Windows "
        "`winget install TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`. "
        "Or set KEHOACH_SOFFICE to the soffice executable"))


def profile_arg(folder: Path) -> str:
    """A private user profile in ``folder``: concurrent runs would otherwise fight over the profile lock."""
    from ..importers.convert import write_profile  # offline: fetches nothing, no macro, no link update
    return f"-env:UserInstallation={write_profile(folder).as_uri()}"


def popen(args: list[str], **kwargs) -> subprocess.Popen:
    """Start a process in its own process group, so that a kill reaches its children too.

    LibreOffice runs in UTC: the dates it stamps then have one shape in every time zone, and
    ``pdf_stamp`` replaces them with the plan's date.
    """
    kwargs.setdefault("env", {**os.environ, "TZ": "UTC"})
    return popen_group(args, **kwargs)


def clean_output(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    lines = [line for line in text.splitlines() if line.strip() and not any(n in line for n in _NOISE)]
    return "\n".join(lines).strip()


def with_output(message: str, output: str) -> str:
    if not output:
        return message + tr(" (LibreOffice không in thông báo nào)", " (LibreOffice printed nothing)")
    return message + tr("; LibreOffice báo:\n", "; LibreOffice said:\n") + output


def _uno_python_candidates(soffice: Path) -> list[str]:
    program = soffice.resolve().parent
    candidates = [os.environ.get("KEHOACH_UNO_PYTHON"),
                  str(program / "python.exe"), str(program / "python"),  # bundled on Windows
                  str(program.parent / "Resources" / "python"),  # bundled on macOS
                  "/usr/bin/python3", sys.executable]
    return [c for c in dict.fromkeys(candidates) if c and Path(c).is_file()]


def find_uno_python(soffice: Path) -> str | None:
    """A Python that can ``import uno`` for this LibreOffice (Debian: python3-uno), or None."""
    for python in _uno_python_candidates(soffice):
        try:
            probe = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return python
    return None
