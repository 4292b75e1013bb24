"""Every code kehoach can print is explained by ``kehoach rules CODE``, in Vietnamese and in English,
and each code has one meaning."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.codes import CODES, DECLARED_IN
from kehoach.cli.main import _register, app
from kehoach.lint import RULES

SRC = Path(__file__).parents[2] / "src" / "kehoach"
CODE = re.compile(r"""["']?(KH\d{3})["']""")
# A module's declarations: its ``CODES = (`` … ``)`` block, each entry a call whose first argument is the
# code (``Code("KH070", …)`` or a helper building one). A declaration explains a code; it does not print it.
BLOCK = re.compile(r"^CODES = \(\n.*?^\)$", re.MULTILINE | re.DOTALL)


def modules() -> dict[str, str]:
    """The package's source, by path under src/kehoach."""
    return {str(path.relative_to(SRC)): path.read_text("utf-8") for path in sorted(SRC.rglob("*.py"))}


SOURCE = modules()


def emitted_codes() -> dict[str, set[str]]:
    """Each code written as a string literal in the source outside a declaration, with the modules that
    write it: every code kehoach can print."""
    found: dict[str, set[str]] = {}
    for name, text in SOURCE.items():
        for code in CODE.findall(BLOCK.sub("", text)):
            found.setdefault(code, set()).add(name)
    return found


def declarations() -> dict[str, list[str]]:
    """Each code declared in the source, with every module declaring it."""
    found: dict[str, list[str]] = {}
    for name, text in SOURCE.items():
        for block in BLOCK.findall(text):
            for entry in ast.parse(block).body[0].value.elts:  # type: ignore[attr-defined]
                found.setdefault(entry.args[0].value, []).append(name)
    return found


EMITTED = emitted_codes()
DECLARED = declarations()
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


def test_the_scan_sees_declarations_apart_from_raise_sites():
    # The scans above would pass on anything if they saw nothing: KH070 is declared once, where
    # LibreOffice is looked for, and printed there and by the importer's LibreOffice conversion.
    assert DECLARED["KH070"] == ["writers/soffice.py"]
    assert {"writers/soffice.py", "importers/convert.py"} <= EMITTED["KH070"]
    assert "cli/codes.py" not in {name for names in EMITTED.values() for name in names}


def test_every_code_is_declared_in_exactly_one_place():
    twice = {code: names for code, names in DECLARED.items() if len(names) > 1}
    assert not twice, twice
    assert set(DECLARED) == set(CODES)  # the index holds every declaration and nothing of its own
    assert not BLOCK.search(SOURCE["cli/codes.py"])
    assert not set(DECLARED) & set(RULES), "a lint rule explains itself; it is not declared as a Code"


def test_the_index_reads_every_declaring_module():
    declaring = {name for names in DECLARED.values() for name in names}
    assert {"kehoach." + name.removesuffix(".py").replace("/", ".") for name in declaring} == set(DECLARED_IN)
    for name in declaring:
        assert re.search(r"^CODES = \(", SOURCE[name], re.MULTILINE), f"{name} declares codes outside its CODES"


@pytest.mark.parametrize("code", sorted(DECLARED))
def test_a_code_is_declared_where_it_is_raised(code):
    (module,) = DECLARED[code]
    if module == "importers/errors.py":  # the importers raise theirs through its ``import_error``
        assert any(name.startswith("importers/") for name in EMITTED[code]), EMITTED.get(code)
    else:
        assert module in EMITTED.get(code, set()), f"{module} declares {code} but does not raise it"


@pytest.mark.parametrize("code", sorted(DECLARED))
def test_a_declaration_is_whole_in_both_languages(code):
    entry = CODES[code]
    assert entry.severity in {"error", "warning", "info"}
    assert entry.title_vi and entry.title_en and entry.title_vi != entry.title_en
    explained = [entry.generated()] if entry.generated else [(entry.explanation_vi, entry.explanation_en)]
    vi, en = explained[0]
    assert vi and en and vi != en


@pytest.mark.parametrize("module", DECLARED_IN)
def test_the_index_reads_each_declaration_as_importing_it_would(module):
    # The index reads the source so that `kehoach rules` loads no writer; it must see what Python sees.
    from importlib import import_module

    from kehoach.cli.codes import read

    imported = import_module(module).CODES
    assert [(c.code, c.severity, c.title_vi, c.title_en, c.explanation_vi, c.explanation_en) for c in read(module)] \
        == [(c.code, c.severity, c.title_vi, c.title_en, c.explanation_vi, c.explanation_en) for c in imported]
    for entry, original in zip(read(module), imported, strict=True):
        assert (entry.generated is None) == (original.generated is None)
        if original.generated is not None:
            assert entry.generated() == original.generated()


def test_the_editor_hover_and_the_sarif_report_read_the_declarations():
    pytest.importorskip("lsprotocol")
    from kehoach.cli.lsp.assist import _rule_help
    from kehoach.cli.report import code_title
    from kehoach.common.i18n import set_lang
    from kehoach.source.messages import CODES as RAISED_THERE

    (entry,) = (code for code in RAISED_THERE if code.code == "KH102")
    assert _rule_help("KH102") == f"**KH102** {entry.title_vi}\n\n{entry.explanation_vi}"
    assert code_title("KH102") == entry.title_vi
    set_lang("en")
    try:
        assert _rule_help("KH102") == f"**KH102** {entry.title_en}\n\n{entry.explanation_en}"
        assert code_title("KH102") == entry.title_en
    finally:
        set_lang("vi")
