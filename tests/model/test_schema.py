"""``kehoach schema``: a JSON Schema a real validator accepts the examples with."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app
from kehoach.source.loader import load_path

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures"
# Every plan under examples/ (batch templates hold Jinja placeholders and are checked by batch's tests).
PLANS = sorted(p for p in (ROOT / "examples").glob("*.y*ml")) + [FIXTURES / "minimal_plan.yaml"]

_register()


def as_json(value):
    """Loaded YAML data as JSON sees it: dates as ISO strings, mapping keys as strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_draft_2020_12_with_vietnamese_help(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    signature = schema["$defs"]["Signature"]["properties"]
    assert signature["name"]["title"] == "Họ và tên"
    date = schema["$defs"]["Letterhead"]["properties"]["date"]["anyOf"][0]
    assert (date["format"], date["type"]) == ("date", "string")
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_plans_validate(validator, plan):
    loaded = load_path(plan)
    assert loaded.plan is not None, loaded.diagnostics
    errors = sorted(validator.iter_errors(as_json(loaded.data)), key=lambda e: list(e.absolute_path))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_schema_rejects_what_check_rejects(validator):
    loaded = load_path(FIXTURES / "bad" / "unknown_key.yaml")
    messages = [e.message for e in validator.iter_errors(as_json(loaded.data))]
    assert any("'signatur' was unexpected" in m for m in messages)


def test_bad_date_is_rejected_by_format(validator):
    data = as_json(load_path(FIXTURES / "minimal_plan.yaml").data)
    data["letterhead"]["date"] = "2025-02-30"
    assert not validator.is_valid(data)
    data["letterhead"]["date"] = "2025-02"
    assert validator.is_valid(data)


def test_schema_to_a_file(tmp_path):
    out = tmp_path / "kehoach.schema.json"
    result = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Plan"
