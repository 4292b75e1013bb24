"""Appendix profiles (hồ sơ hướng dẫn): what a superior agency's guidance requires of a plan.

A profile is a YAML data file: required section roles in order, the solution groups tasks must
cover, target years, whether a focal agency and a lead per task are required, and the reporting
deadline. Shipped profiles live in ``templates/profiles/``; a user may pass a path instead of a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml.error import YAMLError

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from ..model import Role
from ..common.resources import templates_dir
from ..source.config import Config, find_config
from ..source.loader import Loaded, safe_yaml
from ..common.vn import roman


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH021", "error", "Hồ sơ hướng dẫn không đọc được", "Profile cannot be read",
         "Tệp hồ sơ hướng dẫn (--profile hoặc `profile:`) không tìm thấy hoặc sai cấu trúc. Mã thoát 2. (Tên hồ sơ "
         "không có thật trong kế hoạch là KH100.)",
         "The profile file (--profile or `profile:`) is not found or malformed. Exit code 2. (An unknown profile "
         "name in a plan is KH100.)"),
)


class _Strict(BaseModel):
    # defer_build: validators are built when a profile is read, not on every check that has none.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Group(_Strict):
    """A solution group (nhóm giải pháp) that tasks must cover."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str


class Targets(_Strict):
    """Target years the goals must state."""

    annual: bool = False  # yearly targets (mục tiêu hằng năm)
    years: list[int] = Field(default_factory=list)  # e.g. [2025]
    outlook: int | None = None  # orientation year, e.g. 2030


class Report(_Strict):
    """The reporting deadline: an annual report due by ``due_day``/``due_month``."""

    due_month: int = Field(ge=1, le=12)
    due_day: int = Field(ge=1, le=31)
    text: str  # how the guidance says it, for messages


class Profile(_Strict):
    name: str
    title: str
    source: str | None = None  # the guidance document the profile transcribes
    # Each entry is a role, or alternatives joined by "|" ("solutions|content").
    sections: list[str] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    targets: Targets = Field(default_factory=Targets)
    focal_required: bool = False
    lead_required: bool = False
    report: Report | None = None

    def model_post_init(self, __context: Any) -> None:
        for entry in self.sections:
            for role in entry.split("|"):
                Role(role)  # raises ValueError on an unknown role

    def required_roles(self) -> list[tuple[Role, ...]]:
        return [tuple(Role(r) for r in entry.split("|")) for entry in self.sections]

    @property
    def group_ids(self) -> list[str]:
        return [g.id for g in self.groups]


def profiles_dir() -> Path:
    return templates_dir() / "profiles"


def available() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def _is_path(reference: str) -> bool:
    return reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference


class UnknownProfile(LookupError):
    pass


def resolve(reference: str, base: Path | None = None) -> Path:
    """The file of a profile given by name (``ldte-2021``) or path (relative to ``base``)."""
    if _is_path(reference):
        path = Path(reference)
        if not path.is_absolute() and base is not None:
            path = base / path
        if path.is_file():
            return path
        raise UnknownProfile(reference)
    path = profiles_dir() / f"{reference}.yaml"
    if path.is_file():
        return path
    raise UnknownProfile(reference)


@lru_cache(maxsize=32)
def load_file(path: Path) -> Profile:
    """A validated profile; raises KehoachError (exit 2) for a broken profile file."""
    def fail(message: str) -> KehoachError:
        return KehoachError([Diagnostic("KH021", message, Severity.error, str(path))])

    try:
        text = path.read_text(encoding="utf-8")
        data = safe_yaml(text).load(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise fail(tr("không đọc được hồ sơ: {e}", "cannot read profile: {e}", e=exc)) from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(root)"
        raise fail(tr("hồ sơ sai ở `{w}`: {m}", "invalid profile at `{w}`: {m}", w=where, m=first["msg"])) from None


def load(reference: str, base: Path | None = None) -> Profile:
    return load_file(resolve(reference, base).resolve())


# --------------------------------------------------------------------------------------------
# Coverage: which required solution groups each task covers
# --------------------------------------------------------------------------------------------


@dataclass
class TaskCoverage:
    label: str  # where the task is: "III.1.a"
    text: str  # its first words
    line: int | None
    covers: list[str]


@dataclass
class Coverage:
    profile: str | None
    groups: list[Group] = field(default_factory=list)
    tasks: list[TaskCoverage] = field(default_factory=list)

    def tasks_for(self, group_id: str) -> list[TaskCoverage]:
        return [t for t in self.tasks if group_id in t.covers]

    @property
    def uncovered(self) -> list[Group]:
        return [g for g in self.groups if not self.tasks_for(g.id)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "groups": [{"id": g.id, "title": g.title, "tasks": [t.label for t in self.tasks_for(g.id)]}
                       for g in self.groups],
            "uncovered": [g.id for g in self.uncovered],
            "tasks": [{"label": t.label, "text": t.text, "line": t.line, "covers": t.covers} for t in self.tasks],
        }

    def render_text(self) -> str:
        if self.profile is None:
            return tr("Kế hoạch không theo hồ sơ nào: không có nhóm giải pháp bắt buộc.",
                      "The plan follows no profile: no required solution groups.")
        lines = [tr("Hồ sơ {p}: nhóm giải pháp bắt buộc", "Profile {p}: required solution groups", p=self.profile)]
        for group in self.groups:
            covering = self.tasks_for(group.id)
            mark = "✓" if covering else "✗"
            where = ", ".join(t.label for t in covering) or tr("chưa có nhiệm vụ", "no task")
            lines.append(f"  {mark} {group.id} — {group.title}: {where}")
        lines.append(tr("Nhiệm vụ", "Tasks"))
        for task in self.tasks:
            groups = ", ".join(task.covers) or "—"
            at = tr(" (dòng {n})", " (line {n})", n=task.line) if task.line else ""
            lines.append(f"  {task.label} {task.text}{at}: {groups}")
        uncovered = self.uncovered
        if uncovered:
            lines.append(tr("Chưa được thực hiện: {g}", "Uncovered: {g}", g=", ".join(g.id for g in uncovered)))
        else:
            lines.append(tr("Mọi nhóm giải pháp đều có nhiệm vụ.", "Every solution group has a task."))
        return "\n".join(lines)


def _label(loc: tuple) -> str:
    """A human label for an item loc: section roman numeral then item numbers ("III.1.2")."""
    parts = [roman(loc[1] + 1)]
    parts += [str(p + 1) for p in loc[2:] if isinstance(p, int)]
    return ".".join(parts)


def select(loaded: Loaded, profile: str | None = None, config: Config | None = None) -> Profile | None:
    """The profile that governs ``loaded``: the argument, else the plan's, else the configuration's
    (``config``, or the one found from the plan's folder).

    Raises UnknownProfile for a name that matches no profile.
    """
    base = Path(loaded.source.path).parent if loaded.source.path else Path.cwd()
    if profile:  # named on the command line: relative to the working folder
        return load(profile, Path.cwd())
    if loaded.plan and loaded.plan.profile:  # named in the plan: relative to the plan
        return load(loaded.plan.profile, base)
    config = config or find_config(base)  # the configuration's default: relative to the configuration file
    if config.profile:
        return load(config.profile, Path(config.path).parent if config.path else base)
    return None


def coverage(loaded: Loaded, profile: str | None = None) -> Coverage:
    """Which required solution groups each task covers (``kehoach check --coverage``)."""
    from ..model.walk import tasks_of

    chosen = select(loaded, profile)
    result = Coverage(chosen.name if chosen else None, list(chosen.groups) if chosen else [])
    if loaded.plan is None:
        return result
    for task in tasks_of(loaded.plan):
        text = (task.item.heading or next(iter(task.item.text), "") or task.item.body or "").strip()
        short = text if len(text) <= 60 else text[:57].rstrip() + "…"
        line, _ = loaded.source.locate(task.loc)
        result.tasks.append(TaskCoverage(_label(task.loc), short, line, sorted(task.covers)))
    return result
