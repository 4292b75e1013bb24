"""Wording (lời văn): the Jinja templates that supply default headings and set sentences.

Structure is built in Python (``compose``); only wording comes from templates: the default heading
of a section role, the enacting and closing sentences, attachment notes, and the sentences composed
for targets, tasks and reporting rules. The defaults live in the repository's ``templates/`` folder
(shipped inside the wheel as ``kehoach/templates``); ``--templates DIR`` puts a folder in front of
them, so a file there with the same name replaces the default.

Templates run in a ``SandboxedEnvironment`` with ``StrictUndefined``. Plan values reach them only as
variables, so text such as ``{{ x }}`` written in a plan is printed as it is and never evaluated.
"""

from __future__ import annotations

import functools
import functools
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..diagnostics import Diagnostic, KehoachError, Severity
from ..i18n import tr
from ..resources import templates_dir


@functools.lru_cache(maxsize=8)
def _environment(search: tuple[Path, ...]) -> SandboxedEnvironment:
    """One environment per search path, so each template is compiled once per process, not once per
    document (a batch composes thousands); the loader still reloads a template file that changes."""
    return SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in search]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Wording:
    """Renders the named wording templates; every failure becomes a located KehoachError (exit 2)."""

    def __init__(self, override: Path | None = None) -> None:
        search: list[Path] = []
        if override is not None:
            override = Path(override)
            if not override.is_dir():
                raise KehoachError([Diagnostic("KH040", tr(
                    "thư mục mẫu không tồn tại: {d}", "templates folder does not exist: {d}", d=override),
                    Severity.error, str(override))])
            search.append(override)
        search.append(templates_dir())
        self.env = _environment(tuple(search))

    def render(self, name: str, **values: Any) -> str:
        """The text of template ``name`` with ``values``, whitespace at both ends removed."""
        try:
            template = self.env.get_template(name)
            return template.render(**values).strip()
        except TemplateNotFound:
            raise KehoachError([Diagnostic("KH041", tr(
                "không tìm thấy mẫu lời văn {n}", "wording template {n} not found", n=name),
                Severity.error, name)]) from None
        except TemplateSyntaxError as exc:
            raise KehoachError([Diagnostic("KH042", tr(
                "lỗi cú pháp mẫu: {m}", "template syntax error: {m}", m=exc.message),
                Severity.error, exc.filename or name, exc.lineno)]) from None
        except SecurityError as exc:
            path, line = self._locate(name, exc.__traceback__)
            raise KehoachError([Diagnostic("KH043", tr(
                "mẫu thực hiện thao tác không được phép: {m}", "template attempted a forbidden operation: {m}",
                m=exc), Severity.error, path, line)]) from None
        except TemplateError as exc:  # undefined variables and other rendering errors
            path, line = self._locate(name, exc.__traceback__)
            raise KehoachError([Diagnostic("KH044", tr(
                "lỗi khi dùng mẫu: {m}", "template error: {m}", m=exc.message or exc),
                Severity.error, path, line)]) from None

    def _locate(self, name: str, tb: TracebackType | None) -> tuple[str, int | None]:
        """File and line of the template frame nearest the error (Jinja rewrites its frames)."""
        try:
            filename = self.env.get_template(name).filename or name
        except TemplateError:
            filename = name
        path, line = filename, None
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename.endswith(".j2"):
                path, line = code.co_filename, tb.tb_lineno
            tb = tb.tb_next
        return path, line


@functools.lru_cache(maxsize=8)
def _cached(override: Path | None) -> Wording:
    return Wording(override)


def wording(override: Path | None = None) -> Wording:
    """A shared ``Wording`` per templates folder: a batch composes many plans with one environment.

    Jinja's loader still notices edited template files (it checks their modification time).
    """
    return _cached(Path(override).resolve() if override is not None else None)
