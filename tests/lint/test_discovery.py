"""Which files ``kehoach check FOLDER`` takes for plans: name and content recognition, include and
exclude from kehoach.toml, default exclusions, and .gitignore inside a git work tree."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest

from kehoach.lint.config import find_config
from kehoach.lint.discovery import looks_like_plan, matches, named_file_selected, plans_in

ROOT = Path(__file__).parents[2]
PLAN = (ROOT / "tests" / "fixtures" / "minimal_plan.yaml").read_text(encoding="utf-8")
WORKFLOW = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n"
PRE_COMMIT = "repos:\n  - repo: local\n    hooks: []\n"


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    find_config.cache_clear()
    yield
    find_config.cache_clear()


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def names(found: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in found]


@pytest.mark.parametrize("example", sorted((ROOT / "examples").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_example_plan_is_recognised(example):
    assert looks_like_plan(example)


@pytest.mark.parametrize("name,text,expected", [
    ("ci.yml", WORKFLOW, False),
    (".pre-commit-config.yaml", PRE_COMMIT, False),
    ("profile.yaml", (ROOT / "templates" / "profiles" / "ke-hoach.yaml").read_text("utf-8"), False),
    ("compose.yaml", "services:\n  web:\n    image: nginx\n", False),
    ("nested.yaml", "meta:\n  letterhead: x\n", False),  # only a top-level key counts
    ("plan.yaml", PLAN, True),
    ("quoted.yaml", '"letterhead":\n  issuer: X\n', True),
    ("empty.kehoach.yaml", "", True),  # the naming convention alone is enough
    ("draft.kehoach.yml", "{", True),
    ("new.yaml", "# yaml-language-server: $schema=./kehoach.schema.json\ntitle: x\n", True),
    ("plan.txt", PLAN, False),
])
def test_plan_recognition(tmp_path, name, text, expected):
    write(tmp_path, {name: text})
    assert looks_like_plan(tmp_path / name) is expected


@pytest.mark.parametrize("path,patterns,expected", [
    ("a/drafts/x.yaml", ["drafts"], True),
    ("drafts.yaml", ["drafts"], False),
    ("a/b/old-1.yaml", ["old-*.yaml"], True),
    ("plans/2024/x.yaml", ["plans/**"], True),
    ("other/plans/x.yaml", ["plans/**"], False),  # a pattern with '/' is anchored at the config
    ("plans/2024/x.yaml", ["plans/**/*.yaml"], True),
    ("plans/x.yaml", ["plans/**/*.yaml"], True),
    ("plans/x.yml", ["plans/*.yaml"], False),
    ("docs/", ["docs/"], True),
])
def test_patterns(path, patterns, expected):
    assert matches(PurePosixPath(path), patterns) is expected


def test_walk_skips_tool_folders_and_non_plans(tmp_path):
    write(tmp_path, {
        "plans/a.yaml": PLAN, "plans/b.kehoach.yml": PLAN, ".github/workflows/ci.yml": WORKFLOW,
        ".pre-commit-config.yaml": PRE_COMMIT, "node_modules/pkg/plan.yaml": PLAN, "build/plan.yaml": PLAN,
        "dist/plan.yaml": PLAN, ".venv/lib/plan.yaml": PLAN, "ci.yml": WORKFLOW,
    })
    assert names(plans_in(tmp_path), tmp_path) == ["plans/a.yaml", "plans/b.kehoach.yml"]


def test_config_exclude_and_include(tmp_path):
    write(tmp_path, {"a.yaml": PLAN, "drafts/b.yaml": PLAN, "old/2019/c.yaml": PLAN, "other.yaml": "x: 1\n",
                     "kehoach.toml": 'exclude = ["drafts", "old/**"]\n'})
    assert names(plans_in(tmp_path), tmp_path) == ["a.yaml"]
    # include replaces recognition by content: exactly the files it names are plans
    (tmp_path / "kehoach.toml").write_text('include = ["*.yaml"]\nexclude = ["drafts", "old"]\n', "utf-8")
    find_config.cache_clear()
    assert names(plans_in(tmp_path), tmp_path) == ["a.yaml", "other.yaml"]
    # patterns are relative to the configuration's folder, also when a subfolder is searched
    (tmp_path / "kehoach.toml").write_text('exclude = ["old/2019"]\n', "utf-8")
    find_config.cache_clear()
    assert names(plans_in(tmp_path / "old"), tmp_path) == []
    assert names(plans_in(tmp_path / "drafts"), tmp_path) == ["drafts/b.yaml"]


def test_pyproject_table(tmp_path):
    write(tmp_path, {"a.yaml": PLAN, "skip/b.yaml": PLAN, "pyproject.toml": '[tool.kehoach]\nexclude = ["skip"]\n'})
    assert names(plans_in(tmp_path), tmp_path) == ["a.yaml"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignored_folders_are_skipped_in_a_work_tree(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, {".gitignore": "generated/\n*.local.yaml\n", "a.yaml": PLAN, "generated/b.yaml": PLAN,
                     "c.local.yaml": PLAN, "sub/d.yaml": PLAN})
    assert names(plans_in(tmp_path), tmp_path) == ["a.yaml", "sub/d.yaml"]
    assert names(plans_in(tmp_path / "sub"), tmp_path) == ["sub/d.yaml"]
    # a folder that git ignores but that is named on the command line is searched all the same
    assert names(plans_in(tmp_path / "generated"), tmp_path) == ["generated/b.yaml"]


def test_named_files_are_filtered_only_when_forced(tmp_path, monkeypatch):
    write(tmp_path, {"plan.yaml": PLAN, ".pre-commit-config.yaml": PRE_COMMIT, ".github/workflows/ci.yml": WORKFLOW,
                     "drafts/x.yaml": PLAN, "kehoach.toml": 'exclude = ["drafts"]\n'})
    monkeypatch.chdir(tmp_path)
    assert named_file_selected(Path("plan.yaml"))
    for name in (".pre-commit-config.yaml", ".github/workflows/ci.yml", "drafts/x.yaml"):
        assert not named_file_selected(Path(name)), name
    assert os.path.isfile(".github/workflows/ci.yml")
