"""What the preview shows: the pages of the last plan without errors, and the findings of the current one.

``PreviewState.refresh`` runs the whole check (reading, schema, lint rules, profile, configuration)
on the file as it is on disk, and composes the pages when the plan has no errors; a plan with errors
keeps the pages of the last good version, and the page shows the errors above them.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

from ...common.diagnostics import Diagnostic, KehoachError, Severity, has_errors
from ...common.i18n import tr
from ..failures import internal_error

DEFAULT_EDITOR_URL = "vscode://file/{path}:{line}:{col}"


@dataclass
class Snapshot:
    version: int
    pages: str | None  # the flows of the last good plan (None: no good version yet)
    pages_version: int  # bumps only when ``pages`` changes
    findings: str  # HTML of the findings panel
    banner: str  # HTML shown above the pages when the current plan has errors ("" when none)
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"version": self.version, "pages_version": self.pages_version, "pages": self.pages,
                "findings": self.findings, "banner": self.banner, "counts": self.counts}


def stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:  # gone, a symlink loop, a folder we may not enter …
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_mode


def _require_regular(path: Path) -> None:
    """The watched plan must still be a regular file: replaced by a FIFO, opening it would block the
    watcher for good; a folder, a device or a symlink loop is said, not read. Opened without
    blocking, then checked on the open file."""
    import os
    import stat

    def refuse(why: str) -> KehoachError:
        return KehoachError([Diagnostic("KH010", why, Severity.error, str(path))], 2)

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise refuse(tr("là một thư mục, không phải tệp kế hoạch", "is a folder, not a plan file")) from None
    except OSError as exc:
        raise refuse(tr("không đọc được tệp: {e}", "cannot read the file: {e}", e=exc.strerror or exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise refuse(tr("là một thư mục, không phải tệp kế hoạch", "is a folder, not a plan file"))
        if not stat.S_ISREG(mode):
            raise refuse(tr("không phải tệp thường (FIFO, thiết bị…): không đọc",
                            "not a regular file (a FIFO, a device…): not read"))
    finally:
        os.close(fd)


EDITOR_FIELDS = ("path", "line", "col")
_SPEC = re.compile(r"[<>^]?[0-9]{0,2}")  # e.g. "{line:>4}": a width of 99 at most


def editor_url_problem(template: str) -> str | None:
    """Why ``template`` cannot be the --editor-url (None when it can): only {path}, {line} and {col},
    with at most a short alignment/width (a width of 10**12 would take all the memory)."""
    from string import Formatter

    if len(template) > 2000:
        return tr("quá dài (hơn 2000 ký tự)", "too long (more than 2000 characters)")
    try:
        fields = list(Formatter().parse(template))
    except ValueError as exc:
        return str(exc)
    for _text, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in EDITOR_FIELDS or conversion is not None or not _SPEC.fullmatch(spec or ""):
            shown = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            return tr("{f} không dùng được: chỉ {{path}}, {{line}}, {{col}} (có thể kèm độ rộng tới 99, ví dụ "
                      "{{line:>4}})", "{f} cannot be used: only {{path}}, {{line}}, {{col}} (optionally with a "
                      "width up to 99, e.g. {{line:>4}})", f=shown[:40])
    return None


def _check(path: Path, templates: Path | None) -> tuple[list[Diagnostic], str | None, str]:
    """(findings, flows HTML when the plan has no errors, the document title)."""
    from ...pipeline.check import check_path, forget_configuration
    from ...pipeline.render import paged_flows

    forget_configuration()  # a long-running process: kehoach.toml may have been edited since
    _require_regular(path)
    checked = check_path(path)
    if checked.plan is None or has_errors(checked.findings):
        return checked.findings, None, ""
    pages, title = paged_flows(checked.plan, templates=checked.templates(templates))
    return checked.findings, pages, title


def finding_html(diag: Diagnostic, editor_url: str) -> str:
    """One finding: its severity, code, message and a link to its line in the editor."""
    where = tr("dòng {l}", "line {l}", l=diag.line) if diag.line else tr("tệp", "file")
    if diag.line and diag.col:
        where += f":{diag.col}"
    link = escape(where)
    if diag.path and diag.line:
        url = editor_url.format(path=quote(str(Path(diag.path).resolve())), line=diag.line, col=diag.col or 1)
        link = f'<a class="loc" href="{escape(url)}">{link}</a>'
    source = f'<pre class="src">{escape(diag.source_line)}</pre>' if diag.source_line else ""
    return (f'<li class="finding {diag.severity.value}" data-code="{escape(diag.code)}" '
            f'data-line="{diag.line or 0}">{link} <b class="code">{escape(diag.code)}</b> '
            f'<span class="msg">{escape(diag.message)}</span>{source}</li>')


class PreviewState:
    """The preview of one plan file, refreshed when the file changes; safe to read from any thread."""

    def __init__(self, path: Path, *, templates: Path | None = None, editor_url: str = DEFAULT_EDITOR_URL) -> None:
        self.path = path
        self.templates = templates
        self.editor_url = editor_url
        self.title = path.name
        self.stamp: tuple[int, int, int, int] | None = None
        self._lock = threading.Condition()
        self._pages: str | None = None
        self._pages_version = 0
        self._snapshot = Snapshot(0, None, 0, "", "")

    def refresh(self) -> Snapshot:
        self.stamp = stamp(self.path)  # before reading: a save during the check triggers another refresh
        try:
            diagnostics, pages, title = _check(self.path, self.templates)
        except KehoachError as exc:
            diagnostics, pages, title = exc.diagnostics, None, ""
        except Exception as exc:  # noqa: BLE001 - the preview stays up; the finding says what failed
            diagnostics, pages, title = [internal_error(str(self.path), exc)], None, ""
        with self._lock:
            if pages is not None and pages != self._pages:
                self._pages = pages
                self._pages_version += 1
            if title:
                self.title = title
            self._snapshot = Snapshot(self._snapshot.version + 1, self._pages, self._pages_version,
                                      self._findings_html(diagnostics), self._banner(diagnostics),
                                      {s.value: sum(d.severity is s for d in diagnostics) for s in Severity})
            self._lock.notify_all()
            return self._snapshot

    def _findings_html(self, diagnostics: list[Diagnostic]) -> str:
        if not diagnostics:
            return '<p class="clean">' + escape(tr("Không có phát hiện nào.", "No findings.")) + "</p>"
        items = "".join(finding_html(d, self.editor_url) for d in diagnostics)
        return f'<ol class="findings">{items}</ol>'

    def _banner(self, diagnostics: list[Diagnostic]) -> str:
        errors = [d for d in diagnostics if d.severity is Severity.error]
        if not errors:
            return ""
        if self._pages is None:
            shown = tr("chưa dựng được trang nào", "no pages could be built yet")
        else:
            shown = tr("đang hiển thị bản hợp lệ gần nhất", "showing the last version without errors")
        head = tr("Kế hoạch có {n} lỗi; {s}.", "The plan has {n} error(s); {s}.", n=len(errors), s=shown)
        items = "".join(finding_html(d, self.editor_url) for d in errors)
        return f'<div class="errors"><p>{escape(head)}</p><ol class="findings">{items}</ol></div>'

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    def wait_newer(self, version: int, timeout: float) -> Snapshot:
        """The snapshot once its version passes ``version``, or the current one after ``timeout``."""
        with self._lock:
            self._lock.wait_for(lambda: self._snapshot.version > version, timeout)
            return self._snapshot

    def wake(self) -> None:
        with self._lock:
            self._lock.notify_all()
