"""Help pages and usage errors in the user's language, written by kehoach rather than by typer/click.

typer's help shows type names (``<bool>``, ``<list[Path]>``, ``<int range>``) and click's own words
("Usage:", "Options", "Show this message and exit.", "Missing argument") are English only, with no
translation hook in the click that typer vendors. So:

- every help text is written in both languages with ``H("vi", "en")`` (it returns the Vietnamese text
  and remembers the English one);
- ``localize(group)`` replaces ``format_usage``/``format_help`` of every command of the click tree
  with ones that write the page from the parameters themselves, in the current language, with a
  metavar per option (``--jobs N``) and none for flags;
- ``usage_error(exc)`` turns one of click's usage errors into the same usage line, a hint and the
  message translated from click's English (exit code 2, as click).
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import Any

import typer

from ..common.i18n import get_lang, tr

# click's base class of printable errors, whichever click typer uses (its own copy since typer 0.28,
# the click package before).
CLICK_EXCEPTION: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

_ENGLISH: dict[str, str] = {}
_GENERATED: dict[str, Callable[[], tuple[str, str]]] = {}


def H(vi: str, en: str) -> str:  # noqa: N802 - reads like tr() at the call site
    """A help text: ``vi`` now, ``en`` on an English help page."""
    _ENGLISH[vi] = en
    return vi


def HG(make: Callable[[], tuple[str, str]]) -> str:  # noqa: N802 - as H
    """A help text generated from a table (formats, readers): ``make()`` gives (vi, en), called each time
    a help page is written, so that the page lists what the table holds then."""
    vi = make()[0]
    _GENERATED[vi.strip()] = make
    return vi


def text(help_text: str | None) -> str:
    """A help text in the current language."""
    from .help_en import ENGLISH, VIETNAMESE

    if not help_text:
        return ""
    help_text = help_text.strip()
    if help_text in _GENERATED:
        return tr(*_GENERATED[help_text]())
    if get_lang() == "en":
        return _ENGLISH.get(help_text) or ENGLISH.get(help_text, help_text)
    return VIETNAMESE.get(help_text, help_text)


# ------------------------------------------------------------------------------------------------
# help pages
# ------------------------------------------------------------------------------------------------

def metavar(param: Any) -> str:
    """``PATHS...`` for an argument, ``FILE`` for an option with a value, "" for a flag."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    name = getattr(param, "metavar", None) or (param.name or "").upper()
    return f"{name}..." if param.nargs == -1 or getattr(param, "multiple", False) and not param.metavar else name


def _default(param: Any) -> str | None:
    if not getattr(param, "show_default", False) or getattr(param, "is_flag", False):
        return None
    default = param.default
    if default is None or default == [] or default == () or callable(default):
        return None
    return str(default)


def _option_row(param: Any) -> tuple[str, str]:
    names = ", ".join(sorted([*param.opts, *param.secondary_opts], key=lambda o: (o.startswith("--"), o)))
    var = metavar(param)
    first = f"{names} {var}" if var else names
    if param.name == "help" or param.help == "Show this message and exit.":
        body = tr("Hiện hướng dẫn này rồi thoát.", "Show this message and exit.")
    else:
        body = text(param.help)
    extra = []
    default = _default(param)
    if default is not None:
        extra.append(tr("mặc định: {d}", "default: {d}", d=default))
    if getattr(param, "envvar", None):
        extra.append(tr("biến môi trường: {e}", "env var: {e}", e=param.envvar))
    if param.required:
        extra.append(tr("bắt buộc", "required"))
    return first, " ".join([body, *(f"[{e}]" for e in extra)]).strip()


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces = [tr("[TÙY CHỌN]", "[OPTIONS]")]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            var = metavar(param)
            pieces.append(var if param.required else f"[{var}]")
    if hasattr(command, "list_commands"):
        pieces.append(tr("LỆNH [ĐỐI SỐ]...", "COMMAND [ARGS]..."))
    return pieces


def _format_usage(self: Any, ctx: Any, formatter: Any) -> None:
    formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self, ctx)), prefix=tr("Cách dùng: ", "Usage: "))


def _format_help(self: Any, ctx: Any, formatter: Any) -> None:
    _format_usage(self, ctx, formatter)
    if self.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text(self.help))
    params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [(metavar(p), text(getattr(p, "help", None))) for p in params if p.param_type_name == "argument"]
    options = [_option_row(p) for p in params if p.param_type_name == "option"]
    for title, rows in ((tr("Đối số", "Arguments"), arguments), (tr("Tùy chọn", "Options"), options)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)
    if hasattr(self, "list_commands"):
        rows = []
        for name in self.list_commands(ctx):
            sub = self.get_command(ctx, name)
            if sub is not None and not getattr(sub, "hidden", False):
                rows.append((name, text(sub.help).split("\n\n")[0].strip()))
        if rows:
            with formatter.section(tr("Lệnh", "Commands")):
                formatter.write_dl(rows)


def localize(command: Any) -> Any:
    """Give ``command`` and every command below it kehoach's help pages; returns ``command``."""
    command.format_usage = types.MethodType(_format_usage, command)
    command.format_help = types.MethodType(_format_help, command)
    for sub in getattr(command, "commands", {}).values():
        localize(sub)
    return command


# ------------------------------------------------------------------------------------------------
# usage errors
# ------------------------------------------------------------------------------------------------

# click's English messages (the same in the click typer vendors and in click 8.x) → Vietnamese.
_MESSAGES = [
    (r"Missing argument (.*)\.", "thiếu đối số {0}."),
    (r"Missing option (.*)\.", "thiếu tùy chọn {0}."),
    (r"Missing parameter(?::)? ?(.*)\.?", "thiếu tham số {0}."),
    (r"Missing command\.", "thiếu tên lệnh."),
    (r"No such option: (\S+)(?: \(Possible options: (.*)\))?", "không có tùy chọn {0}.{1}"),
    (r"No such command (\S+)\.(?: Did you mean (.*)\?)?", "không có lệnh {0}.{1}"),
    (r"Did you mean (.*)\?", "Có phải ý bạn là {0}?"),
    (r"Got unexpected extra arguments? \((.*)\)", "thừa đối số ({0})."),
    (r"Option (.*) requires an argument\.", "tùy chọn {0} cần một giá trị."),
    (r"(\S+) option requires an argument\.?", "tùy chọn {0} cần một giá trị."),
    (r"Option (.*) does not take a value\.", "tùy chọn {0} không nhận giá trị."),
    (r"Invalid value for (.*?): (.*)", "giá trị không hợp lệ cho {0}: {1}"),
    (r"Invalid value: (.*)", "giá trị không hợp lệ: {0}"),
    (r"(.*) is not a valid integer\.", "{0} không phải số nguyên."),
    (r"(.*) is not a valid float\.", "{0} không phải số."),
    (r"(.*) is not in the range (.*)\.", "{0} nằm ngoài khoảng {1}."),
    (r"(.*) is not one of (.*)\.", "{0} không thuộc các giá trị {1}."),
    (r"(.*) is not a valid boolean\.", "{0} không phải giá trị đúng/sai."),
    (r"Input should be greater than or equal to (.*)", "giá trị phải lớn hơn hoặc bằng {0}"),
    (r"Input should be less than or equal to (.*)", "giá trị phải nhỏ hơn hoặc bằng {0}"),
    (r"Input should be a valid integer.*", "cần một số nguyên"),
    (r"Input should be a valid number.*", "cần một số"),
]


def translate(message: str) -> str:
    """click's English message in Vietnamese (unchanged in English, or when it is not click's)."""
    if get_lang() == "en":
        return message
    lines = []
    for line in message.split("\n"):
        for pattern, vi in _MESSAGES:
            match = re.fullmatch(pattern, line.strip())
            if match:
                groups = [g or "" for g in match.groups()]
                if pattern.startswith(("No such option", "No such command")) and groups[1]:
                    groups[1] = f" Có phải ý bạn là {groups[1]}?"
                if pattern.startswith("Invalid value"):
                    groups[-1] = translate(groups[-1])
                line = vi.format(*groups)
                break
        lines.append(line)
    return "\n".join(lines)


def usage_error(exc: Any) -> str:
    """The text click would print for a usage error, in the current language."""
    ctx = getattr(exc, "ctx", None)
    parts = []
    if ctx is not None:
        parts.append(ctx.get_usage())
        help_name = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        parts.append(tr("Xem '{c} {h}' để biết cách dùng.", "Try '{c} {h}' for help.", c=ctx.command_path, h=help_name))
        parts.append("")
    parts.append(tr("Lỗi: {m}", "Error: {m}", m=translate(exc.format_message())))
    return "\n".join(parts) + "\n"
