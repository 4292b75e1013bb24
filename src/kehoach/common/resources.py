"""Where the data shipped with kehoach lives: the ``templates/`` folder (wording, profiles, starter)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # kehoach/, above common/


def templates_dir() -> Path:
    """``kehoach/templates`` inside the wheel, else the repository's ``templates/``."""
    packaged = importlib.resources.files("kehoach") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return PACKAGE_DIR.parents[1] / "templates"
