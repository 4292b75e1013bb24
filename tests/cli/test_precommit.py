"""The pre-commit hook, run by the real ``pre-commit try-repo`` against a throwaway git repository.

try-repo installs kehoach from this repository at HEAD into its own environment (a first run
takes ~20 s); both runs share one PRE_COMMIT_HOME and one revision, so the second reuses it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PLAN = (Path(__file__).parents[1] / "fixtures" / "minimal_plan.yaml").read_text(encoding="utf-8")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def head() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("the source tree is not a git checkout: try-repo needs one")
    return git("rev-parse", "HEAD", cwd=ROOT).strip()


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(project: Path, head: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "kehoach-check", "--ref", head, "--all-files"],
        cwd=project, env={**os.environ, "PRE_COMMIT_HOME": str(home)}, capture_output=True, text=True,
        timeout=600)


def project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    git("init", "-q", cwd=tmp_path)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "plans", cwd=tmp_path)
    return tmp_path


def test_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for line in ("- id: kehoach-check", "  entry: kehoach check --force-exclude", "  language: python",
                 r"  files: \.ya?ml$"):
        assert line in text.splitlines()


def test_valid_plan_passes(tmp_path, head, home):
    project = project_with(tmp_path, {"plan.yaml": PLAN, "README.md": "signatur: not yaml\n"})
    result = try_repo(project, head, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kehoach check" in result.stdout and "Passed" in result.stdout


def test_broken_plan_fails_with_its_code(tmp_path, head, home):
    project = project_with(tmp_path, {"good.yaml": PLAN, "bad.yml": PLAN.replace("signature:", "signatur:")})
    result = try_repo(project, head, home)
    assert result.returncode == 1
    assert "Failed" in result.stdout
    assert "bad.yml:33:1: KH102 khóa `signatur` không hợp lệ; có phải ý bạn là `signature`?" in result.stdout
    assert "good.yaml:" not in result.stdout


# What any repository that uses pre-commit has next to its plans.
CI_FILES = {
    ".github/workflows/ci.yml": "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                                "    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
    ".pre-commit-config.yaml": "repos:\n  - repo: https://example.org/kehoach\n    rev: v0.1.0\n    hooks:\n"
                               "      - id: kehoach-check\n",
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
    "templates/profile.yaml": "name: p\ntitle: t\nsections: [goals]\n",
}


def test_ci_and_tool_files_are_not_taken_for_plans(tmp_path, head, home):
    project = project_with(tmp_path, {"plans/plan.yaml": PLAN, "plans/new.kehoach.yml": PLAN, **CI_FILES})
    result = try_repo(project, head, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_excluded_and_broken_plans_in_a_repository_with_ci_files(tmp_path, head, home):
    broken = PLAN.replace("signature:", "signatur:")
    project = project_with(tmp_path, {"plans/bad.yaml": broken, "drafts/wip.yaml": broken,
                                      "kehoach.toml": 'exclude = ["drafts"]\n', **CI_FILES})
    result = try_repo(project, head, home)
    assert result.returncode == 1
    assert "plans/bad.yaml:33:1: KH102" in result.stdout
    for name in ("drafts/wip.yaml", "ci.yml", "pre-commit-config", "docker-compose", "profile.yaml"):
        assert name not in result.stdout, name
