"""A one-shot command leaves through ``os._exit`` once its exit handlers have run (``cli/launcher``):
its output, files and exit code are those of a normal exit, without the interpreter's teardown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml"
ENV = {**os.environ, "KEHOACH_NO_SERVER": "1", "KEHOACH_LANG": "en"}


def kehoach(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True, env=ENV,
                          cwd=cwd, timeout=120)


def test_a_long_output_through_a_pipe_is_whole():
    out = kehoach("schema")
    assert out.returncode == 0
    assert len(out.stdout) > 50_000 and json.loads(out.stdout)["title"]


@pytest.mark.parametrize(("args", "code"), [
    (("check", str(EXAMPLE)), 0),  # warnings only
    (("check", str(EXAMPLE), "--strict"), 1),
    (("check", "missing.yaml"), 2),
    (("--no-such-option",), 2),
])
def test_exit_codes_are_those_of_the_command(args, code, tmp_path):
    out = kehoach(*args, cwd=tmp_path)
    assert out.returncode == code, out.stderr
    assert out.stdout or out.stderr


def test_a_build_writes_its_file_and_says_so(tmp_path):
    out = kehoach("build", str(EXAMPLE), "-o", str(tmp_path / "x.docx"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "x.docx").read_bytes()[:2] == b"PK" and "x.docx" in out.stdout


PROBE = """
import atexit, os, sys
import kehoach.cli.main as cli_main
from kehoach.cli import launcher

class Witness:
    def __del__(self, write=os.write):  # bound now: the module's globals are cleared by then
        write(2, b"torn down\\n")

witness = Witness()  # a module global: released only when the interpreter tears its modules down
run = cli_main.main

def main(*args, **kwargs):
    atexit.register(lambda: sys.stderr.write("handler ran\\n"))  # a handler the command registers
    run(*args, **kwargs)

cli_main.main = main
sys.argv = ["kehoach", *sys.argv[1:]]
launcher.main()
"""


@pytest.mark.parametrize(("args", "code"), [(("rules", "KH307"), 0), (("check", "missing.yaml"), 2)])
def test_the_command_s_exit_handlers_run_and_the_teardown_does_not(args, code):
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=ENV,
                         cwd=ROOT, timeout=120)
    assert out.returncode == code
    assert "handler ran" in out.stderr and "torn down" not in out.stderr


def test_long_running_commands_keep_python_s_own_exit():
    # preview, lsp and server own their process: a normal exit, teardown included.
    out = subprocess.run([sys.executable, "-c", PROBE, "server", "status"], capture_output=True, text=True,
                         env={**ENV, "KEHOACH_SERVER_DIR": "/nonexistent/kehoach-test"}, cwd=ROOT, timeout=120)
    assert "torn down" in out.stderr


PLUGINS = """
import os, sys
import kehoach.cli.main as cli_main
from kehoach.cli import launcher

def main(*args, **kwargs):
    os.write(2, f"plugins={os.environ.get('PYDANTIC_DISABLE_PLUGINS')}\\n".encode())

cli_main.main = main
sys.argv = ["kehoach", "check", "plan.yaml"]
launcher.main()
"""


@pytest.mark.parametrize(("given", "seen"), [(None, "__all__"), ("logfire", "logfire")])
def test_a_one_shot_command_does_not_look_for_pydantic_plugins_unless_told(given, seen):
    # pydantic scans every installed distribution's entry points for plugins on its first validator.
    env = {k: v for k, v in ENV.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    out = subprocess.run([sys.executable, "-c", PLUGINS], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert f"plugins={seen}" in out.stderr
