"""Checking a source (kiểm tra): read, validate, resolve the configuration once, lint.

Every door (the ``kehoach.check`` API, ``check``, ``build``, ``tasks``, batch units, the preview,
the language server, the build server's warm-up) checks a plan through ``check_loaded`` and its two
front doors ``check_path`` / ``check_text``, so they agree on what a plan's findings are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..common.diagnostics import Diagnostic, KehoachError, Severity, has_errors
from ..model import Plan
from ..source.config import Config, Selection, config_for, find_config
from ..source.loader import Loaded, load_path, load_text


@dataclass
class Checked:
    """A checked source: the loaded file, every finding (reading, schema, configuration, lint) and
    the configuration that governed it (None when the plan did not load or the configuration is broken)."""

    loaded: Loaded
    findings: list[Diagnostic] = field(default_factory=list)
    config: Config | None = None
    broken_setup: bool = False  # the configuration or a profile file could not be read: exit 2

    @property
    def plan(self) -> Plan | None:
        return self.loaded.plan

    @property
    def unreadable(self) -> bool:
        """The file (or the configuration, a profile) could not be read: KH0xx errors, exit 2."""
        return self.broken_setup or any(d.severity is Severity.error and d.code.startswith("KH0")
                                        for d in self.findings)

    def templates(self, given: Path | None = None) -> Path | None:
        """The wording templates: ``given`` (``--templates``), else the configuration's ``templates``."""
        if given is not None or self.config is None:
            return given
        return self.config.templates_dir()

    def require_clean(self) -> Checked:
        """This check, when the plan can be built; else KehoachError with every finding (exit 2 when
        something could not be read, 1 for a readable plan with errors)."""
        if self.loaded.plan is None or has_errors(self.findings):
            raise KehoachError(self.findings, exit_code=2 if self.unreadable else 1)
        return self


def check_loaded(loaded: Loaded, *, profile: str | None = None, selection: Selection | None = None,
                 config: Config | None = None) -> Checked:
    """Lint a loaded plan with its configuration (``config``, or the one found from its path with the
    command line's ``selection``). A broken configuration or profile file is a finding, not a raise."""
    from ..lint import lint  # the rule modules are many: only doors that check import them

    checked = Checked(loaded, list(loaded.diagnostics))
    if loaded.plan is None:
        return checked
    try:
        checked.config = config or config_for(loaded.source.path, selection)
        checked.findings += lint(loaded, profile=profile, config=checked.config)
    except KehoachError as exc:
        checked.findings += exc.diagnostics
        checked.config, checked.broken_setup = None, True
    return checked


def check_path(path: str | Path, **options) -> Checked:
    """``check_loaded`` of the plan file at ``path`` (``-``: standard input)."""
    return check_loaded(load_path(path), **options)


def check_text(text: str, path: str, **options) -> Checked:
    """``check_loaded`` of ``text`` as the content of ``path`` (an editor's buffer)."""
    return check_loaded(load_text(text, path), **options)


def forget_configuration(*, profiles: bool = False) -> None:
    """Empty the cache of configuration files (and of profile files with ``profiles``): a
    long-running process (preview, language server, build server) sees them as they are now."""
    find_config.cache_clear()
    if profiles:
        from ..lint.profiles import load_file

        load_file.cache_clear()


def rules() -> dict:
    """The lint rules by code (``lint.RULES``, every family registered): what ``kehoach rules``, the
    report formats and the editor's hover explain."""
    from ..lint import RULES

    return RULES
