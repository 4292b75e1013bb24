"""Dependency floors: each dependency declares one, and CI proves them by running the CLI tests with
the lowest versions allowed (``uv pip install --resolution lowest-direct``) after the README tests."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_dependency_has_a_floor():
    requirements = PROJECT["dependencies"] + [r for extra in PROJECT["optional-dependencies"].values() for r in extra]
    for requirement in requirements:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+>=[0-9][0-9.]*", requirement), requirement


def test_typer_floor_is_one_that_works():
    # typer before 0.26.8 fails the CLI tests (typer.exceptions missing, help options built otherwise)
    assert "typer>=0.26.8" in PROJECT["dependencies"]


def test_ci_runs_the_cli_tests_at_the_lowest_versions_after_the_readme_tests():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme_tests = script.index('bash -c "$cmd"')
    lowest = script.index("--resolution lowest-direct")
    assert readme_tests < lowest
    assert re.search(r"pytest .*tests/cli tests/test_api\.py", script[lowest:])
