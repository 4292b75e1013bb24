"""Every code kehoach prints that is not a lint rule, gathered from where each is declared.

A module that raises a code declares it beside the code raising it, with its severity and its title and
explanation in both languages (a module-level ``CODES`` of ``common.diagnostics.Code``); this index only
reads the modules named in ``DECLARED_IN`` and writes nothing of its own. ``kehoach rules``, the language
server's hover and the SARIF report read it; lint rules (``lint.RULES``) explain themselves.

The declarations are read from the modules' source rather than imported: explaining a code must not load
the PDF writer, the wording templates' jinja or the batch runner (tests/architecture/test_startup_imports.py).
A module is imported only to generate an explanation from a registry (KH050, KH051, KH501), when its
source is not installed, or when its declarations are built by a helper rather than written as literals.
tests/cli/test_codes.py finds every code the source can print and fails when one is explained nowhere,
declared twice, declared by a module missing here, or read otherwise than imported.

Families: KH00x–KH01x reading and writing files, KH02x configuration and profiles, KH03x YAML
hints, KH04x wording templates, KH05x output formats and metadata, KH06x batches, KH07x PDF, KH08x
build server, KH09x preview and lsp, KH10x schema, KH16x batch placeholders, KH50x `kehoach import`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..common.diagnostics import Code

# The modules declaring codes, in pipeline order.
DECLARED_IN = (
    "kehoach.common.fileio",
    "kehoach.source.encoding",
    "kehoach.source.loader",
    "kehoach.source.hints",
    "kehoach.source.messages",
    "kehoach.source.config",
    "kehoach.importers.errors",
    "kehoach.importers.notes",  # the importer's notes KH510–KH529, each beside the recogniser that says it
    "kehoach.importers.head",
    "kehoach.importers.frame",
    "kehoach.importers.preamble",
    "kehoach.importers.outline",
    "kehoach.importers.tables",
    "kehoach.importers.tasks",
    "kehoach.importers.decision",
    "kehoach.importers.recognise",  # and KH507: recognised parts that do not make a plan
    "kehoach.lint.fix",
    "kehoach.lint.profiles",
    "kehoach.compose.wording",
    "kehoach.writers.fonts",
    "kehoach.writers.soffice",
    "kehoach.writers.pdf",
    "kehoach.writers.pdf_issue",
    "kehoach.exporters.metadata",
    "kehoach.pipeline.formats",
    "kehoach.pipeline.metadata",
    "kehoach.batch.units",
    "kehoach.batch.runner",
    "kehoach.batch.shards",
    "kehoach.batch.placeholders",
    "kehoach.batch.worker",
    "kehoach.cli.failures",
    "kehoach.cli.server",
    "kehoach.cli.commands.build",
    "kehoach.cli.commands.tasks",
    "kehoach.cli.commands.preview",
    "kehoach.cli.commands.lsp",
)

PACKAGE = Path(__file__).resolve().parents[1]
# A declaration: ``CODES = (`` at the start of a line, to the ``)`` alone on its line.
_DECLARATION = re.compile(r"^CODES = \(\n.*?^\)$", re.MULTILINE | re.DOTALL)


def _generated(module: str, code: str) -> Callable[[], tuple[str, str]]:
    """An explanation the module generates from a registry: the module is imported when it is shown."""

    def explain() -> tuple[str, str]:
        (entry,) = (c for c in import_module(module).CODES if c.code == code)
        assert entry.generated is not None
        return entry.generated()

    return explain


def _literal(call: ast.expr) -> bool:
    """``Code(code, severity, title_vi, title_en, explanation_vi, explanation_en[, generated])`` written as
    six literals: what the index can read without importing the module."""
    return (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Code"
            and len(call.args) >= 6 and all(isinstance(arg, ast.Constant) for arg in call.args[:6]))


def read(module: str) -> list[Code]:
    """The codes ``module`` declares, read from its source; imported when the source is not there or
    a declaration is not six literals (a helper that builds the ``Code``)."""
    try:
        source = PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py").read_text("utf-8")
    except OSError:
        return list(import_module(module).CODES)
    found = _DECLARATION.search(source)
    node = ast.parse(found.group()).body[0] if found else None
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple)
            and all(_literal(call) for call in node.value.elts)):
        return list(import_module(module).CODES)
    codes = []
    for call in node.value.elts:
        assert isinstance(call, ast.Call)
        code, severity, title_vi, title_en, explanation_vi, explanation_en = (
            ast.literal_eval(arg) for arg in call.args[:6])
        generated = _generated(module, code) if len(call.args) > 6 or call.keywords else None
        codes.append(Code(code, severity, title_vi, title_en, explanation_vi, explanation_en, generated))
    return codes


def declared() -> list[Code]:
    """Every declaration, module by module in the order of ``DECLARED_IN``."""
    return [code for module in DECLARED_IN for code in read(module)]


CODES: dict[str, Code] = {code.code: code for code in declared()}
