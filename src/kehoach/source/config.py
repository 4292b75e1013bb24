"""Project configuration (cấu hình): ``kehoach.toml`` or ``[tool.kehoach]`` in ``pyproject.toml``.

Found by walking up from the plan's folder; the nearest file wins. It is resolved once per plan
(``config_for``) and handed to every stage that needs it: lint (select, ignore, severity, titles,
profile), the PDF writer (pdf_a), the e-office metadata (agencies), discovery (include, exclude).
The command line's ``--select``/``--ignore``/``--extend-select`` apply on top (``Selection``).
Every key is documented in docs/configuration.md. Example::

    profile = "ldte-2021"            # default profile for plans that name none
    select = ["KH"]                  # codes or prefixes to run (default: all)
    ignore = ["KH211", "KH3"]        # codes or prefixes to skip
    titles = ["TRƯỞNG ĐOÀN"]          # extra signer titles accepted by KH206
    exclude = ["drafts", "old/**"]   # files and folders `check FOLDER` skips (see lint.discovery)
    include = ["plans/**/*.yaml"]    # which files are plans (default: recognised by name and content)
    pdf_a = true                     # PDF output as PDF/A-2b (for ký số), as `build --pdf-a`
    templates = "mau-loi-van"        # wording templates (.j2) replacing the defaults, as `--templates`
    lang = "en"                      # messages in English, as `--lang en` (read from the working folder)

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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr

CONFIG_FILE = "kehoach.toml"

# The code raised here, explained by ``kehoach rules KH020`` (cli/codes.py gathers it).
CODES = (
    Code("KH020", "error", "Cấu hình sai", "Invalid configuration",
         "kehoach.toml hoặc [tool.kehoach] trong pyproject.toml không đọc được hoặc có khóa, giá trị sai: lỗi cú pháp "
         "TOML, khóa không có (kèm khóa gần nhất), các khóa bị bọc trong bảng `[kehoach]`, giá trị sai kiểu. Mã "
         "thoát 2. Mọi khóa có ví dụ trong docs/configuration.md.",
         "kehoach.toml or [tool.kehoach] in pyproject.toml cannot be read or has a wrong key or value: a TOML syntax "
         "error, an unknown key (with the nearest known one), keys wrapped in a `[kehoach]` table, a value of the "
         "wrong type. Exit code 2. Every key has an example in docs/configuration.md."),
)


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
    include: list[str] | None = None
    exclude: list[str] = Field(default_factory=list)
    pdf_a: bool = False
    templates: str | None = None  # a folder of wording templates (.j2), relative to this file
    lang: Literal["vi", "en"] | None = None  # the messages' language (the working folder's file, see cli/main.py)
    path: str | None = Field(default=None, exclude=True)  # where it was read from

    def enabled(self, code: str) -> bool:
        """Selected and not ignored; the longer (more specific) prefix wins a tie."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def templates_dir(self) -> Path | None:
        """``templates`` as a folder: relative to the configuration file's folder."""
        if not self.templates:
            return None
        return (Path(self.path).parent if self.path else Path.cwd()) / self.templates

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
        raise KehoachError([Diagnostic("KH020", _explain(exc, data, table is not None), Severity.error,
                                       str(path))]) from None
    config.path = str(path)
    return config


def _explain(exc: ValidationError, data: dict, in_pyproject: bool) -> str:
    """The first problem of an invalid configuration, said plainly: a ``[kehoach]`` table wrapping
    the keys, an unknown key (with the nearest known one), or the value at fault."""
    from .messages import nearest_key  # the schema's messages: only for a broken file

    first = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"])
    if first["type"] == "extra_forbidden" and len(first["loc"]) == 1:
        key = str(first["loc"][0])
        if key in ("kehoach", "tool") and isinstance(data.get(key), dict):
            return tr("các khóa của kehoach.toml ghi ở cấp ngoài cùng, không trong bảng `[{k}]` (bỏ dòng `[{k}]`; "
                      "trong pyproject.toml thì dùng `[tool.kehoach]`)",
                      "kehoach.toml keys go at the top level, not inside a `[{k}]` table (remove the `[{k}]` "
                      "line; in pyproject.toml use `[tool.kehoach]`)", k=key if key == "kehoach" else "tool")
        suggestion = nearest_key(key, [name for name in Config.model_fields if name != "path"])
        hint = tr(" (có phải ý bạn là `{s}`?)", " (did you mean `{s}`?)", s=suggestion) if suggestion else ""
        return tr("khóa cấu hình không có: `{k}`{h}; xem docs/configuration.md",
                  "unknown configuration key `{k}`{h}; see docs/configuration.md", k=key, h=hint)
    if first["type"] == "extra_forbidden" and len(first["loc"]) == 3 and first["loc"][0] == "agencies":
        key = str(first["loc"][2])
        suggestion = nearest_key(key, list(Agency.model_fields))
        hint = tr(" (có phải ý bạn là `{s}`?)", " (did you mean `{s}`?)", s=suggestion) if suggestion else ""
        return tr("khóa không có ở `{w}`{h}", "unknown key at `{w}`{h}", w=where, h=hint)
    return tr("cấu hình sai ở `{w}`: {m}", "invalid configuration at `{w}`: {m}", w=where, m=first["msg"])


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


@dataclass(frozen=True)
class Selection:
    """The command line's rule selection, a layer over the configuration's (as in ruff):
    ``--select`` starts afresh (the configuration's ``select`` and ``ignore`` no longer apply),
    ``--extend-select`` adds to ``select``, ``--ignore`` adds to ``ignore``."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.select is not None or bool(self.extend_select or self.ignore)

    def apply(self, config: Config) -> Config:
        if not self:
            return config
        fresh = self.select is not None
        select = list(self.select) if fresh else list(config.select)  # type: ignore[arg-type]
        ignore = [] if fresh else list(config.ignore)
        return config.model_copy(update={"select": select + list(self.extend_select),
                                         "ignore": ignore + list(self.ignore)})


def config_for(plan_path: str | Path | None, selection: Selection | None = None) -> Config:
    """The configuration governing the plan at ``plan_path`` (standard input, ``-`` or None: the
    working folder), with the command line's selection applied. KehoachError (exit 2) when broken."""
    base = Path(plan_path).parent if plan_path and str(plan_path) != "-" else Path.cwd()
    config = find_config(base)
    return selection.apply(config) if selection else config
