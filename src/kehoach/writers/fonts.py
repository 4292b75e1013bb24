"""Is Times New Roman, or its metric-compatible substitute Liberation Serif, installed?

LibreOffice lays out the PDF with whatever fonts the machine has. Without Times New Roman or
Liberation Serif (same glyph widths) it falls back to another serif, so line and page breaks would
differ from the .docx in Word. The PDF path therefore refuses to run without one of them.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH071", "warning", "Thiếu phông chữ cùng kích thước", "Metric-compatible font missing",
         "Không có Times New Roman hay Liberation Serif nên bản PDF sẽ ngắt dòng, ngắt trang khác bản .docx; "
         "thông báo nêu cách cài.",
         "Neither Times New Roman nor Liberation Serif is installed, so the PDF would break lines and pages "
         "differently from the .docx; the message says how to install one."),
)

# Families accepted for the PDF, preferred first.
SERIF_FAMILIES = ("Times New Roman", "Liberation Serif")

# Regular-weight file names of those families, for machines without fontconfig (Windows, bare macOS).
_FONT_FILES = {
    "times.ttf": "Times New Roman",
    "times new roman.ttf": "Times New Roman",
    "timesnewroman.ttf": "Times New Roman",
    "liberationserif-regular.ttf": "Liberation Serif",
}


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
            home / "Library/Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft/Windows/Fonts"]
    return dirs


def _families_from_fc_list(fc_list: str) -> set[str] | None:
    """Family names fontconfig knows, or None when it cannot be asked."""
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=30,
                             check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # One font per line; a font with localized names lists them comma-separated.
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def _families_from_font_dirs(dirs: list[Path]) -> set[str]:
    found: set[str] = set()
    for folder in dirs:
        if not folder.is_dir():
            continue
        for _root, _dirs, files in os.walk(folder):
            found.update(_FONT_FILES[name.lower()] for name in files if name.lower() in _FONT_FILES)
    return found


@functools.cache
def installed_serif_family() -> str | None:
    """The first of SERIF_FAMILIES installed on this machine, or None. Asked once per process."""
    fc_list = shutil.which("fc-list")
    families = _families_from_fc_list(fc_list) if fc_list else None
    if families is None:
        families = _families_from_font_dirs(_font_dirs())
    return next((family for family in SERIF_FAMILIES if family in families), None)


def require_serif_font() -> str:
    """The family the PDF will use; KehoachError (exit 2) with install instructions when none is."""
    family = installed_serif_family()
    if family is None:
        raise KehoachError([Diagnostic("KH071", tr(
            "không có phông Times New Roman hoặc Liberation Serif (cùng kích thước chữ) nên bản PDF sẽ "
            "ngắt dòng, ngắt trang khác với bản .docx. Cài một trong hai: Debian/Ubuntu "
            "`sudo apt-get install fonts-liberation` (hoặc `sudo apt-get install ttf-mscorefonts-installer` "
            "để có Times New Roman); Windows và macOS đã có sẵn Times New Roman",
            "neither Times New Roman nor Liberation Serif (same glyph widths) is installed, so the PDF "
            "would break lines and pages differently from the .docx. Install one: Debian/Ubuntu "
            "`sudo apt-get install fonts-liberation` (or `sudo apt-get install ttf-mscorefonts-installer` "
            "for Times New Roman); Windows and macOS ship Times New Roman"),
            Severity.error)], exit_code=2)
    return family
