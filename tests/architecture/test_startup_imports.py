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
