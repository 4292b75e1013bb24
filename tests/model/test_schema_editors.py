"""The JSON Schema as editors use it (yaml-language-server): committed where the examples' modeline
points, one title per hover, no literal ``null`` in completion, ``number: 05`` accepted."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest

from kehoach.cli.commands.schema import schema_text
from kehoach.source.loader import load_path
from tests.model.test_schema import as_json

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal_plan.yaml"


def _nodes(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{path}/{index}")


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(schema_text())


def test_the_committed_schema_is_what_kehoach_schema_prints():
    # Every example's modeline names ../kehoach.schema.json: the file at the repository's root.
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        first = example.read_text("utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../kehoach.schema.json", example.name
    committed = (ROOT / "kehoach.schema.json").read_text("utf-8")
    assert committed == schema_text(), "run: kehoach schema -o kehoach.schema.json"


def test_no_default_is_a_literal_null(schema):
    # yaml-language-server completes `key: ${1:null}` from "default": null.
    assert [path for path, node in _nodes(schema) if "default" in node and node["default"] is None] == []


def test_no_anyof_repeats_its_title_on_hover(schema):
    # yaml-language-server joins the title of every anyOf member with " || " when every member
    # compares equal (title, description, properties) to a schema that matched; an untitled member
    # borrows the field's title. No anyOf may have two members that compare equal.
    def key(member):
        return member.get("title"), member.get("description"), json.dumps(member.get("properties"), sort_keys=True)

    repeated = []
    for path, node in _nodes(schema):
        members = [m for m in node.get("anyOf", []) if "$ref" not in m]
        if len({key(m) for m in members}) < len(members):
            repeated.append(path)
    assert repeated == []


def test_a_description_never_only_repeats_its_title(schema):
    same = [path for path, node in _nodes(schema)
            if isinstance(node.get("title"), str) and isinstance(node.get("description"), str)
            and node["description"].rstrip(".").casefold() == node["title"].rstrip(".").casefold()]
    assert same == []


def test_number_05_is_accepted_as_an_editor_reads_it(schema, tmp_path):
    validator = jsonschema.Draft202012Validator(schema)
    data = as_json(load_path(MINIMAL).data)
    assert data["letterhead"]["number"] == "05"  # kehoach keeps the zero
    data["letterhead"]["number"] = 5  # an editor's YAML parser reads `number: 05` as 5
    assert list(validator.iter_errors(data)) == []
    data["letterhead"]["number"] = ["05"]
    assert not validator.is_valid(data)


YAML_LS = os.environ.get("KEHOACH_YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")


@pytest.mark.skipif(YAML_LS is None, reason="needs yaml-language-server (npm); set KEHOACH_YAML_LANGUAGE_SERVER")
def test_in_yaml_language_server(tmp_path):
    """The real thing: hover titles once, completion without null, no error on `number: 05`."""
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    (tmp_path / "kehoach.schema.json").write_text(schema_text(), "utf-8")
    text = "# yaml-language-server: $schema=./kehoach.schema.json\n" + MINIMAL.read_text("utf-8").replace(
        'number: "05"', "number: 05")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, "utf-8")
    uri = from_fs_path(str(plan))
    lines = text.splitlines()

    async def scenario():
        client = LanguageClient("kehoach-tests", "1")
        published: asyncio.Queue = asyncio.Queue()
        client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: published.put_nowait(params))
        client.feature(types.WORKSPACE_CONFIGURATION)(
            lambda params: [{"validate": True, "hover": True, "completion": True} for _ in params.items])
        command = ["node", YAML_LS] if YAML_LS.endswith(".js") else [YAML_LS]
        await client.start_io(*command, "--stdio")
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(
            text_document=types.TextDocumentClientCapabilities(
                hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                completion=types.CompletionClientCapabilities(
                    completion_item=types.ClientCompletionItemOptions(snippet_support=True))),
            workspace=types.WorkspaceClientCapabilities(configuration=True))))
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text)))
        diagnostics = (await asyncio.wait_for(published.get(), 60)).diagnostics
        hovers = {}
        for key in ("issuer", "number", "authority", "date"):
            row = next(i for i, line in enumerate(lines) if line.strip().startswith(key + ":"))
            result = await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(row, lines[row].index(key) + 1)))
            hovers[key] = result.contents.value
        row = next(i for i, line in enumerate(lines) if line.startswith("signature:"))
        changed = "\n".join([*lines[:row + 1], "  ", *lines[row + 1:]]) + "\n"
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=changed)]))
        completion = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(row + 1, 2)))
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return diagnostics, hovers, completion.items

    diagnostics, hovers, items = asyncio.run(scenario())
    assert list(diagnostics) == []  # number: 05 included
    assert hovers["issuer"].startswith("#### Cơ quan ban hành\n") and "||" not in hovers["issuer"]
    assert hovers["authority"].startswith("#### Quyền hạn ký\n") and "||" not in hovers["authority"]
    assert hovers["date"].startswith("#### Ngày ban hành\n") and "||" not in hovers["date"]
    assert hovers["number"].startswith("#### Số văn bản\n")
    inserted = {item.label: item.insert_text or (item.text_edit.new_text if item.text_edit else "") for item in items}
    assert inserted and all("null" not in text for text in inserted.values()), inserted
