"""Project configuration (cấu hình): ``kehoach.toml`` or ``[tool.kehoach]`` in ``pyproject.toml``.

Found by walking up from the checked file's folder; the nearest file wins. Example::

    profile = "ldte-2021"            # default profile for plans that name none
    select = ["KH"]                  # codes or prefixes to run (default: all)
    ignore = ["KH211", "KH3"]        # codes or prefixes to skip
    titles = ["TRƯỞNG ĐOÀN"]          # extra signer titles accepted by KH206
    pdf_a = true                     # PDF output as PDF/A-2b (for ký số), as `build --pdf-a`

    [severity]                       # severity overrides
    KH402 = "error"

    [[agencies]]                     # the agency directory: one body, one way of writing it
    name = "Sở Lao động - Thương binh và Xã hội"
    short = ["Sở LĐTBXH", "Sở LĐ-TB&XH"]
    abbreviation = "SLĐTBXH"
    code = "000.00.16.H30"           # mã định danh (for e-office metadata, `build --metadata`)
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..diagnostics import Diagnostic, KehoachError, Severity
from ..i18n import tr

CONFIG_FILE = "kehoach.toml"


class Agency(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    short: list[str] = Field(default_factory=list)
    abbreviation: str | None = None
    # Mã định danh điện tử (QĐ 20/2020/QĐ-TTg): four groups, 13 characters, e.g. 000.00.00.H43.
    code: str | None = Field(default=None, pattern=r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: str | None = None
    select: list[str] = Field(default_factory=lambda: ["KH"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    titles: list[str] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    pdf_a: bool = False
    path: str | None = Field(default=None, exclude=True)  # where it was read from

    def enabled(self, code: str) -> bool:
        """Selected and not ignored; the longer (more specific) prefix wins a tie."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def severity_of(self, code: str, default: Severity) -> Severity:
        value = self.severity.get(code)
        return Severity(value) if value else default


def _read(path: Path, table: dict | None) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KehoachError([Diagnostic("KH020", tr("không đọc được cấu hình: {e}", "cannot read configuration: {e}",
                                                   e=exc), Severity.error, str(path))]) from None
    if table is not None:
        data = data.get("tool", {}).get("kehoach", {})
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KehoachError([Diagnostic("KH020", tr("cấu hình sai ở `{w}`: {m}", "invalid configuration at `{w}`: {m}",
                                                   w=where, m=first["msg"]), Severity.error, str(path))]) from None
    config.path = str(path)
    return config


@lru_cache(maxsize=64)
def find_config(start: Path) -> Config:
    """The configuration governing files in ``start`` (a folder); defaults when there is none.

    Raises KehoachError (exit code 2) for an unreadable or invalid file.
    """
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return _read(candidate, None)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                has_table = "kehoach" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                has_table = False
            if has_table:
                return _read(pyproject, {})
    return Config()
