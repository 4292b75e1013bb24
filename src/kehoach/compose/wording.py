"""Wording (lời văn): the Jinja templates that supply default headings and set sentences.

Structure is built in Python (``compose``); only wording comes from templates: the default heading
of a section role, the enacting and closing sentences, attachment notes, and the sentences composed
for targets, tasks and reporting rules. The defaults live in the repository's ``templates/`` folder
(shipped inside the wheel as ``kehoach/templates``); ``--templates DIR`` puts a folder in front of
them, so a file there with the same name replaces the default.

Templates run in a ``SandboxedEnvironment`` with ``StrictUndefined``. Plan values reach them only as
variables, so text such as ``{{ x }}`` written in a plan is printed as it is and never evaluated.

A template from ``--templates`` is the user's code, so its work is bounded (KH045 past a bound):
loop iterations per rendering (every ``for`` is rewritten to count its items), the size of the text
it writes and of ``*``/``**`` results, and recursion (a template that includes itself, a macro that
calls itself).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from ..common.resources import templates_dir


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH040", "error", "Thư mục mẫu không tồn tại", "Templates folder missing",
         "Thư mục ghi ở --templates (của `build` hay `batch`) không tồn tại.",
         "The folder given to --templates (of `build` or `batch`) does not exist."),
    Code("KH041", "error", "Không tìm thấy mẫu lời văn", "Wording template not found",
         "Một mẫu lời văn (.j2) cần cho văn bản không có trong thư mục mẫu hay mẫu mặc định.",
         "A wording template (.j2) the document needs is neither in the templates folder nor among the defaults."),
    Code("KH042", "error", "Lỗi cú pháp mẫu", "Template syntax error",
         "Mẫu lời văn (.j2) có lỗi cú pháp Jinja; vị trí là tệp mẫu và dòng.",
         "A wording template (.j2) has a Jinja syntax error; the position is the template file and line."),
    Code("KH043", "error", "Mẫu làm thao tác bị cấm", "Forbidden template operation",
         "Mẫu lời văn chạy trong môi trường cách ly và đã thử một thao tác không được phép (truy cập thuộc tính "
         "nội bộ…).",
         "Wording templates run sandboxed, and this one attempted a forbidden operation (an internal attribute…)."),
    Code("KH044", "error", "Lỗi khi dùng mẫu", "Template error",
         "Mẫu lời văn gặp lỗi khi chạy (biến không có, phép tính sai…).",
         "A wording template failed while running (an undefined variable, a failing operation…)."),
    Code("KH045", "error", "Mẫu lời văn làm quá nhiều việc", "Wording template does too much work",
         "Một mẫu lời văn (.j2) của --templates vượt giới hạn công việc: tự gọi lại mình (đệ quy), vòng lặp quá "
         "dài hoặc kết quả quá lớn.",
         "A wording template (.j2) from --templates went past its work bound: it includes itself (recursion), "
         "loops too long or produces too much text."),
)

MAX_LOOP_ITEMS = 1_000_000  # loop iterations in one rendering (the defaults use a few dozen)
MAX_OUTPUT_CHARS = 1_000_000  # text written by one rendering, and any string or list built by * or **
_COUNTER = "_kehoach_loop_items"


class TooMuchWork(Exception):
    """A template went past one of the bounds above."""


_budget = threading.local()


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    for item in iterable:
        _budget.left -= 1
        if _budget.left < 0:
            raise TooMuchWork(tr("hơn {n} vòng lặp", "more than {n} loop iterations", n=f"{MAX_LOOP_ITEMS:,}"))
        yield item


class _BoundedEnvironment(SandboxedEnvironment):
    """The sandbox, plus bounds on loops and on the size of ``*`` and ``**`` results."""

    intercepted_binops = frozenset(["*", "**"])

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):  # for x in ITER → for x in _kehoach_loop_items(ITER)
            loop.iter = nodes.Call(nodes.Name(_COUNTER, "load"), [loop.iter], [], None, None,
                                   lineno=loop.iter.lineno)
            loop.iter.set_lineno(loop.lineno)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 \
                and abs(left) > 1 and abs(left).bit_length() * right > 8 * MAX_OUTPUT_CHARS:
            raise TooMuchWork(tr("số quá lớn ({a} ** {b})", "number too large ({a} ** {b})", a=left, b=right))
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if isinstance(sized, (str, list, tuple)) and isinstance(count, int) \
                        and len(sized) * count > MAX_OUTPUT_CHARS:
                    raise TooMuchWork(tr("kết quả phép nhân quá lớn", "the result of * is too large"))
        return super().call_binop(context, operator, left, right)


@functools.lru_cache(maxsize=8)
def _environment(search: tuple[Path, ...]) -> SandboxedEnvironment:
    """One environment per search path, so each template is compiled once per process, not once per
    document (a batch composes thousands); the loader still reloads a template file that changes."""
    environment = _BoundedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in search]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals[_COUNTER] = _counted
    return environment


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
            _budget.left = MAX_LOOP_ITEMS
            written, size = [], 0
            for chunk in template.generate(**values):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise TooMuchWork(tr("hơn {n} ký tự", "more than {n} characters", n=f"{MAX_OUTPUT_CHARS:,}"))
                written.append(chunk)
            return "".join(written).strip()
        except (TooMuchWork, RecursionError, MemoryError) as exc:
            path, line = self._locate(name, exc.__traceback__)
            reason = str(exc) if isinstance(exc, TooMuchWork) else tr(
                "tự gọi lại chính nó quá sâu (include hoặc macro đệ quy)",
                "recursion too deep (a template including itself, or a recursive macro)") \
                if isinstance(exc, RecursionError) else tr("hết bộ nhớ", "out of memory")
            raise KehoachError([Diagnostic("KH045", tr(
                "mẫu lời văn làm quá nhiều việc: {m}", "the wording template does too much work: {m}", m=reason),
                Severity.error, path, line)]) from None
        except TemplateNotFound as exc:
            missing = exc.name if isinstance(exc.name, str) else name
            if missing == name:
                raise KehoachError([Diagnostic("KH041", tr(
                    "không tìm thấy mẫu lời văn {n}", "wording template {n} not found", n=name),
                    Severity.error, name)]) from None
            # An {% include %} / {% import %} of a name outside the templates folders (an absolute
            # path such as /etc/passwd, or '..'): said where the including template asks for it.
            path, line = self._locate(name, exc.__traceback__)
            raise KehoachError([Diagnostic("KH041", tr(
                "mẫu dùng '{m}' nhưng không có mẫu đó trong các thư mục mẫu (chỉ tên tệp trong thư mục mẫu, "
                "không đường dẫn tuyệt đối hay '..')", "the template uses '{m}', which is not a template of the "
                "templates folders (only names inside them, no absolute path or '..')", m=str(missing)[:200]),
                Severity.error, path, line)]) from None
        except (UnicodeDecodeError, OSError) as exc:  # a template file that is not UTF-8 text, or unreadable
            path, line = self._locate(name, exc.__traceback__)
            reason = tr("không phải văn bản UTF-8", "not UTF-8 text") if isinstance(exc, UnicodeDecodeError) \
                else (exc.strerror or str(exc))
            raise KehoachError([Diagnostic("KH044", tr(
                "không đọc được mẫu lời văn: {m}", "cannot read the wording template: {m}", m=reason),
                Severity.error, getattr(exc, "filename", None) or path, line)]) from None
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
        except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
            # A user template's own mistake at run time ({{ 1 / 0 }}, {{ "a" + 1 }}, "%d" % "x" …)
            path, line = self._locate(name, exc.__traceback__)
            raise KehoachError([Diagnostic("KH044", tr(
                "lỗi khi dùng mẫu: {t}: {m}", "template error: {t}: {m}", t=type(exc).__name__,
                m=str(exc)[:300]), Severity.error, path, line)]) from None

    def _locate(self, name: str, tb: TracebackType | None) -> tuple[str, int | None]:
        """File and line of the template frame nearest the error (Jinja rewrites its frames)."""
        try:
            filename = self.env.get_template(name).filename or name
        except (TemplateError, UnicodeDecodeError, OSError):
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
