"""Every code kehoach can print is explained by ``kehoach rules CODE``, in Vietnamese and in English,
and each code has one meaning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.codes import CODES
from kehoach.cli.main import _register, app
from kehoach.lint import RULES

SRC = Path(__file__).parents[2] / "src" / "kehoach"
CODE = re.compile(r"""["']?(KH\d{3})["']""")


def emitted_codes() -> dict[str, set[str]]:
    """Each code written as a string literal in the source, with the modules that write it."""
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name == "codes.py":  # the documentation itself
            continue
        for code in CODE.findall(path.read_text("utf-8")):
            found.setdefault(code, set()).add(str(path.relative_to(SRC)))
    return found


EMITTED = emitted_codes()
_register()


def rules(*args: str):
    result = CliRunner().invoke(app, ["rules", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_the_source_is_searched():
    assert {"KH000", "KH010", "KH040", "KH065", "KH073", "KH080", "KH104", "KH203"} <= set(EMITTED)


@pytest.mark.parametrize("code", sorted(EMITTED))
def test_every_emitted_code_is_documented(code):
    assert code in CODES or code in RULES, f"{code} (in {sorted(EMITTED[code])}) is not documented"
    vi = rules(code)
    assert vi.exit_code == 0 and vi.stdout.startswith(code), vi.stdout
    en = CliRunner().invoke(app, ["--lang", "en", "rules", code])
    assert en.exit_code == 0 and en.stdout.startswith(code)
    assert vi.stdout != en.stdout


def test_one_meaning_per_code():
    assert not set(CODES) & set(RULES)
    # KH100 is the lint rule "unknown profile"; a plan file that is not a mapping is KH104
    assert RULES["KH100"].name == "unknown-profile"
    assert EMITTED["KH100"] == {"lint/rules/profile.py"}
    assert CODES["KH104"].title_en == "Plan file is not a mapping"


def test_documented_codes_are_emitted():
    assert set(CODES) <= set(EMITTED), set(CODES) - set(EMITTED)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_explanations_in_both_languages(code):
    explanation = RULES[code].explanation_vi  # beside the rule, in its docstring (``Tiếng Việt:``)
    assert explanation and explanation != RULES[code].explanation_en
    vi = rules(code).stdout
    assert explanation.splitlines()[0] in vi
    en = CliRunner().invoke(app, ["--lang", "en", "rules", code]).stdout
    assert RULES[code].doc.splitlines()[0] in en


def test_unknown_code_exits_2():
    result = rules("KH999")
    assert result.exit_code == 2 and "không có mã `KH999`" in result.stderr


def test_a_code_declared_where_it_is_raised_is_written_once():
    from importlib import import_module

    from kehoach.cli.codes import _TABLE, DECLARED_IN, _declared

    declared = [code.code for code in _declared()]
    assert {"KH000", "KH020", "KH050", "KH051"} <= set(declared) and len(declared) == len(set(declared))
    assert not set(declared) & {row[0] for row in _TABLE}
    for module in DECLARED_IN:  # each module raises the codes it declares
        source = (SRC / (module.removeprefix("kehoach.").replace(".", "/") + ".py")).read_text("utf-8")
        for code in import_module(module).CODES:
            assert source.count(f'"{code.code}"') >= 2, f"{module} declares {code.code} but does not raise it"
