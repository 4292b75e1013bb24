"""``kehoach lsp`` driven by a real LSP client (pygls' client) over stdio, in a subprocess."""

from __future__ import annotations

import asyncio
import os
import sys
import unicodedata
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal_plan.yaml").read_text("utf-8")
TIMEOUT = 60


class Session:
    """A client connected to ``python -m kehoach [args] lsp``; diagnostics collected per version."""

    def __init__(self, *args: str, locale: str | None = None) -> None:
        self.args = args
        self.locale = locale
        self.client = LanguageClient("kehoach-tests", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def __aenter__(self) -> Session:
        env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
        await self.client.start_io(sys.executable, "-m", "kehoach", *self.args, env=env)
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), locale=self.locale)), TIMEOUT)
        self.capabilities = result.capabilities
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str, version: int) -> list[types.Diagnostic]:
        while True:
            params = await asyncio.wait_for(self.published.get(), TIMEOUT)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)))

    def replace(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def hover(self, uri: str, line: int, character: int) -> str | None:
        result = await asyncio.wait_for(self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(line, character))), TIMEOUT)
        return result.contents.value if result else None

    async def complete(self, uri: str, line: int, character: int) -> list[types.CompletionItem]:
        result = await asyncio.wait_for(self.client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(line, character))), TIMEOUT)
        return result.items if isinstance(result, types.CompletionList) else result

    async def fixes(self, uri: str, diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
        rng = diagnostics[0].range if diagnostics else types.Range(types.Position(0, 0), types.Position(0, 0))
        result = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), rng, types.CodeActionContext(diagnostics=diagnostics))), TIMEOUT)
        return result or []


def run(scenario) -> None:
    asyncio.run(scenario())


def _at(text: str, needle: str) -> tuple[int, int]:
    for row, line in enumerate(text.splitlines()):
        if needle in line:
            return row, line.index(needle)
    raise AssertionError(needle)


def test_diagnostics_follow_the_buffer_with_codes_and_ranges(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, "utf-8")
    uri = from_fs_path(str(plan))

    async def scenario():
        async with Session("lsp") as session:
            session.open(uri, MINIMAL)
            assert await session.diagnostics(uri, 1) == []

            # An unknown key (schema, KH102) and a word in the other tone-mark style (lint, KH302).
            edited = MINIMAL.replace("signature:", "signatur:").replace(
                "Năm 2020, toàn tỉnh", "Năm 2020, Ủy ban ghi nhận vùng thuỷ sản, toàn tỉnh")
            session.replace(uri, edited, 2)
            found = await session.diagnostics(uri, 2)
            assert [d.code for d in found] == ["KH102"]  # an invalid plan is not linted
            key = found[0]
            row, col = _at(edited, "signatur:")
            assert (key.range.start.line, key.range.start.character) == (row, col)
            assert key.range.end.character == col + len("signatur")
            assert key.severity == types.DiagnosticSeverity.Error and key.source == "kehoach"
            assert "không hợp lệ" in key.message and "`signature`" in key.message

            # The key fixed: the lint rule's warning, on the very word.
            edited = edited.replace("signatur:", "signature:")
            session.replace(uri, edited, 3)
            found = await session.diagnostics(uri, 3)
            assert [d.code for d in found] == ["KH302"]
            row, col = _at(edited, "thuỷ")
            assert found[0].severity == types.DiagnosticSeverity.Warning
            assert (found[0].range.start.line, found[0].range.start.character, found[0].range.end.character) \
                == (row, col, col + len("thuỷ"))

            # YAML that does not parse: KH001 at the line the user sees.
            broken = edited.replace("title: Phòng, chống", "title: [Phòng, chống")
            session.replace(uri, broken, 4)
            found = await session.diagnostics(uri, 4)
            assert found and found[0].code == "KH001"

    run(scenario)


def test_configuration_and_profile_are_part_of_the_check(tmp_path):
    plan = tmp_path / "plan.yaml"
    (tmp_path / "kehoach.toml").write_text('ignore = ["KH302"]\n', "utf-8")
    text = MINIMAL.replace("Năm 2020, toàn tỉnh", "Năm 2020, Ủy ban ghi nhận vùng thuỷ sản, toàn tỉnh")
    plan.write_text(text, "utf-8")
    uri = from_fs_path(str(plan))

    async def scenario():
        async with Session("lsp") as session:
            session.open(uri, text)
            assert [d.code for d in await session.diagnostics(uri, 1)] == []
            with_profile = "profile: ldte-2021\n" + text
            session.replace(uri, with_profile, 2)
            codes = {d.code for d in await session.diagnostics(uri, 2)}
            assert codes and all(code.startswith("KH1") for code in codes)  # the profile's own rules

    run(scenario)


@pytest.mark.parametrize(("args", "locale"), [(("lsp", "--lang", "en"), None), (("lsp",), "en-US")])
def test_english_with_the_client_locale_or_lang_en(tmp_path, args, locale):
    plan = tmp_path / "plan.yaml"
    uri = from_fs_path(str(plan))

    async def scenario():
        async with Session(*args, locale=locale) as session:
            session.open(uri, MINIMAL.replace("signature:", "signatur:"))
            found = await session.diagnostics(uri, 1)
            assert found[0].message.startswith("unknown key `signatur`; did you mean `signature`?")
            hover = await session.hover(uri, *_at(MINIMAL, "signature:"))
            assert "Unknown key" in hover or "KH102" in hover

    run(scenario)


def test_hover_completion_and_quick_fixes(tmp_path):
    plan = tmp_path / "plan.yaml"
    uri = from_fs_path(str(plan))
    text = MINIMAL.replace("  authority: KT\n", "  authority: KT\n  \n").replace(
        "    - Sở Lao động - Thương binh và Xã hội\n", "    - Sở Lao động - Thương binh và Xã hội;\n")

    async def scenario():
        async with Session("lsp") as session:
            session.open(uri, text)
            found = await session.diagnostics(uri, 1)
            assert "KH207" in [d.code for d in found]  # (KH208 also asks the other lines for a ";")
            found = [d for d in found if d.code == "KH207"]

            # Hover on a key: the field's Vietnamese title once, and its description.
            shown = await session.hover(uri, *_at(text, "abbreviation"))
            assert shown.startswith("**Chữ viết tắt cơ quan ban hành** (`abbreviation`)")
            assert shown.count("Chữ viết tắt cơ quan ban hành") == 1 and "dùng trong ký hiệu văn bản" in shown
            # Hover on a finding's line: the rule's explanation.
            row, col = _at(text, "Sở Lao động - Thương binh và Xã hội;")
            shown = await session.hover(uri, row, col)
            assert "KH207" in shown and "Nơi nhận" in shown

            # Completion: the keys of the mapping under the cursor (not those already written) ...
            row, _ = _at(text, "  authority: KT")
            labels = {item.label: item for item in await session.complete(uri, row + 1, 2)}
            assert set(labels) == {"on_behalf_of"}  # the other keys of Signature are written
            assert labels["on_behalf_of"].insert_text == "on_behalf_of: "
            assert labels["on_behalf_of"].detail == "Thay mặt (TM.)"

            # ... and the values a field allows.
            row, col = _at(text, "authority: KT")
            values = {item.label for item in await session.complete(uri, row, col + len("authority: "))}
            assert values == {"KT", "Q", "TL", "TUQ"}

            # Quick fix: drop the recipient's typed ";".
            fixes = await session.fixes(uri, found)
            assert len(fixes) == 1
            (edit,) = fixes[0].edit.changes[uri]
            assert edit.new_text == "Sở Lao động - Thương binh và Xã hội"
            assert edit.range == found[0].range

            # Quick fix: rename an unknown key to the nearest valid one.
            renamed = text.replace("signature:", "signatur:")
            session.replace(uri, renamed, 2)
            found = await session.diagnostics(uri, 2)
            unknown = [d for d in found if d.code == "KH102"]
            (fix,) = await session.fixes(uri, unknown)
            (edit,) = fix.edit.changes[uri]
            assert edit.new_text == "signature" and edit.range == unknown[0].range

            # Quick fix: NFC normalisation of a buffer pasted in decomposed form.
            nfd = unicodedata.normalize("NFD", MINIMAL)
            session.replace(uri, nfd, 3)
            found = await session.diagnostics(uri, 3)
            assert "KH009" in [d.code for d in found]
            fixes = await session.fixes(uri, [d for d in found if d.code == "KH009"])
            (edit,) = fixes[-1].edit.changes[uri]
            assert edit.new_text == MINIMAL

    run(scenario)
