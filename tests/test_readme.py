"""The README's tour runs, in order, on a fresh copy of the repository, and each command exits as
the README says (``exit N`` in its comment; 0 otherwise). The showcase build prints no warning.
Lines whose comment says "runs until Ctrl-C" (preview, lsp) are servers: left out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tour() -> list[tuple[str, int]]:
    """(command, expected exit code) for each line of the sh block after <!-- tour -->."""
    block = re.search(r"<!-- tour -->\s*```sh\n(.*?)```", README, re.S)
    assert block, "README.md has no <!-- tour --> block"
    steps = []
    for line in block.group(1).splitlines():
        command, _, comment = line.partition("  #")
        expected = re.search(r"\bexit (\d)\b", comment)
        if "runs until Ctrl-C" in comment:
            continue
        steps.append((command.strip(), int(expected.group(1)) if expected else 0))
    return steps


def test_the_tour_is_in_a_runnable_order():
    commands = [c for c, _ in tour()]
    assert commands[0].startswith(". .venv/bin/activate")
    created = commands.index("cp examples/003-an-giang-xkld.yaml plan.yaml")
    assert all(" plan.yaml" not in c for c in commands[:created])
    assert commands.index("kehoach init draft.yaml") < commands.index("kehoach check draft.yaml")
    assert commands[-1] == "kehoach server stop" and "kehoach server start" in commands


def test_exit_codes_in_the_readme_match_the_tool():
    assert "warnings and notes are printed but pass" in README
    assert "1 when a\nplan has errors (warnings too with `--strict`)" in README


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is needed")
def test_the_tour_runs_in_order_on_a_fresh_copy(tmp_path):
    copy = tmp_path / "kehoach"
    shutil.copytree(ROOT / "examples", copy / "examples")
    shutil.copy(ROOT / "README.md", copy / "README.md")
    (copy / ".venv").symlink_to(Path(sys.prefix))  # the set-up's .venv: this test's environment
    server = Path(os.environ.get("TMPDIR", "/tmp")) / f"kehoach-readme-{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEHOACH_", "VIRTUAL_ENV"))}
    env.update(KEHOACH_SERVER_DIR=str(server), NO_COLOR="1")
    steps = tour()
    script = ["set -u"]
    for i, (command, _) in enumerate(steps):
        script += [f"{command} >out.{i} 2>err.{i}", f"echo $? >rc.{i}"]
    try:
        subprocess.run(["bash", "-c", "\n".join(script)], cwd=copy, env=env, timeout=1200, check=False)
    finally:
        if (copy / ".venv" / "bin" / "kehoach").exists():
            subprocess.run([str(copy / ".venv" / "bin" / "kehoach"), "server", "stop"], env=env,
                           capture_output=True, timeout=60)
        shutil.rmtree(server, ignore_errors=True)
    for i, (command, expected) in enumerate(steps):
        code = int((copy / f"rc.{i}").read_text())
        err = (copy / f"err.{i}").read_text(encoding="utf-8")
        assert code == expected, f"{command}: exit {code}, README says {expected}\n{err}"
    showcase = [c for c, _ in steps].index("kehoach build plan.yaml")  # plan.yaml is example 003
    assert (copy / f"err.{showcase}").read_text(encoding="utf-8") == ""  # no warning about our own example
    assert (copy / "plan.docx").stat().st_size > 10_000 and (copy / "report.sarif").exists()
    assert (copy / "out-2").is_dir() and (copy / "tasks.csv").exists() and (copy / "plan.pdf").exists()
    assert (copy / "out").is_dir() and len(list((copy / "out").glob("*.docx"))) > 50
    check = [c for c, _ in steps].index("kehoach check plan.yaml")
    assert (copy / f"out.{check}").read_text("utf-8") == "1 tệp: không có lỗi.\n"


def _yaml_blocks(section: str) -> list[str]:
    part = README.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", part, re.S)


def test_the_ci_section_has_a_pre_commit_snippet_and_a_workflow():
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config, workflow = (YAML(typ="safe").load(block) for block in _yaml_blocks("Trong CI"))
    repo = config["repos"][0]
    assert repo["repo"] and repo["rev"]
    assert [hook["id"] for hook in repo["hooks"]] == [hooks[0]["id"]] == ["kehoach-check"]
    steps = workflow["jobs"]["check"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any(c.startswith("kehoach check") and "--output-format github" in c for c in commands)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)


def test_the_set_up_installs_what_the_tour_runs():
    main = re.search(r"<!-- main-command -->\s*```sh\n(.*?)\n", README).group(1)
    assert "'.[lsp]'" in main  # the tour's `kehoach lsp` needs pygls
    assert "kehoach lsp" in README.split("<!-- tour -->", 1)[1].split("```", 2)[1]
    pytest.importorskip("pygls")  # the extra, installed here as the set-up installs it
    done = subprocess.run([sys.executable, "-c", "import kehoach.cli.lsp.server"], capture_output=True)
    assert done.returncode == 0, done.stderr  # what `kehoach lsp` imports before serving


def test_the_readme_counts_the_metadata_warnings_truly(tmp_path):
    assert "KH055 warning (the\nAn Giang example prints nine" in README
    done = subprocess.run([sys.executable, "-m", "kehoach", "build", str(ROOT / "examples" / "003-an-giang-xkld.yaml"),
                           "-o", str(tmp_path / "p.docx"), "--metadata"], capture_output=True, text=True,
                          env={**os.environ, "KEHOACH_NO_SERVER": "1"}, cwd=tmp_path)
    assert done.returncode == 0
    assert (done.stdout + done.stderr).count("KH055") == 9
