"""ASCII file names from Vietnamese unit names: "Xã Vĩnh Hòa" → "xa-vinh-hoa".

Names come from data (a units table), so a slug can never contain a path separator, a dot-dot or
anything but ``[a-z0-9-]``, and ``confined`` checks the final path is still inside the output folder.
Names Windows keeps for devices (``CON``, ``NUL``, ``COM1``, ...: a file ``con.docx`` cannot be
created or copied there, and unzipping one fails) get a ``-file`` suffix, so a batch built on Linux
can be shared with Windows users.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_LENGTH = 80
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Windows device names, reserved whatever the case and extension ("nul.docx" is the device NUL).
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})
DEVICE_SUFFIX = "-file"


def slugify(text: object, fallback: str = "unit") -> str:
    """Lower-case ASCII words joined by '-'; ``fallback`` when nothing is left."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_ALNUM.sub("-", ascii_text).strip("-")
    slug = slug[:MAX_LENGTH].rstrip("-") or fallback
    return slug + DEVICE_SUFFIX if slug in WINDOWS_DEVICES else slug


class UniqueSlugs:
    """Hands out slugs that are unique within one batch: the second "xa-an-phu" is "xa-an-phu-2"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, slug: str) -> str:
        candidate, n = slug, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{slug}-{n}"
        self._taken.add(candidate)
        return candidate


def confined(folder: Path, name: str) -> Path:
    """``folder / name``, refusing a name that would land outside ``folder`` (a separator, '..').
    The name itself is not resolved: a symlink planted there is the file's place, which the
    writer replaces (fileio), not a way out of the folder."""
    base = folder.resolve()
    target = base / name
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name or target.parent != base:
        raise ValueError(f"{name!r} escapes {folder}")
    return target
