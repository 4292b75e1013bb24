"""Heavy libraries stay off the start-up path of commands that do not need them (issue 21: cold
``check`` and ``build`` no slower). Counted, not timed: which modules a cold process has imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests" / "fixtures" / "minimal_plan.yaml"
PROBE = """
import json, sys
from kehoach.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.__stdout__.write("\\n" + json.dumps(sorted({m.split(".")[0] for m in sys.modules} | {m for m in sys.modules if m.startswith("kehoach.")})))
"""


def imported(*args: str) -> set[str]:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    env.pop("KEHOACH_LANG", None)
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    return set(json.loads(proc.stdout.rsplit("\n", 1)[1]))


@pytest.mark.parametrize("args", [("check", str(PLAN)), ("rules",), ("--help",)])
def test_commands_that_write_no_document_load_no_writer(args):
    modules = imported(*args)
    assert "kehoach.pipeline.check" in modules or args != ("check", str(PLAN))
    assert not {"docx", "jinja2", "lxml", "pikepdf"} & modules
    assert not {m for m in modules if m.startswith(("kehoach.compose", "kehoach.writers"))}


def test_a_text_build_loads_no_docx_and_a_docx_build_no_pdf(tmp_path):
    text = imported("build", str(PLAN), "-o", str(tmp_path / "out.txt"))
    assert "kehoach.writers.text" in text and not {"docx", "lxml", "pikepdf"} & text
    assert "kehoach.writers.html" not in text and "kehoach.writers.docx" not in text
    docx = imported("build", str(PLAN), "-o", str(tmp_path / "out.docx"))
    assert "kehoach.writers.docx" in docx and not {"pikepdf", "kehoach.writers.pdf"} & docx
    # the base document ships built (templates/docx/base.docx): python-docx is not imported
    assert "docx" not in docx and "kehoach.writers.docx.base_maker" not in docx


def test_a_check_and_a_build_load_neither_urllib_nor_the_schema_messages(tmp_path):
    # xml.sax.saxutils (for one escape) pulled urllib.request, http.client and ssl into every
    # .docx build; the messages that explain schema errors are needed only when a plan has some.
    for args in (("check", str(PLAN)), ("build", str(PLAN), "-o", str(tmp_path / "out.docx"))):
        modules = imported(*args)
        assert not {"http", "ssl", "xml"} & modules, args
        assert "kehoach.source.messages" not in modules, args


BUILT_MODELS = """
import json, sys
from pydantic import BaseModel
from kehoach.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)
built = {c.__name__ for c in subclasses(BaseModel) if c.__module__.startswith("kehoach.") and c.__pydantic_complete__}
sys.__stdout__.write("\\n" + json.dumps(sorted(built)))
"""


def test_a_cold_check_compiles_the_validators_of_the_plan_and_the_configuration_only():
    # defer_build: the nested models' validators are inside Plan's; the profile models are built
    # only when a profile is named (issue 21: cold start-up).
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    proc = subprocess.run([sys.executable, "-c", BUILT_MODELS, "check", str(PLAN)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert set(json.loads(proc.stdout.rsplit("\n", 1)[1])) == {"Plan", "Config", "Agency"}
