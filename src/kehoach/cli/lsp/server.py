"""``kehoach lsp``: a language server (stdio, pygls) with kehoach's own diagnostics, hover, completion
and quick fixes. Vietnamese by default; English when the client's locale is English or ``--lang en``.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from ... import __version__
from ...common.i18n import Lang, get_lang, set_lang
from ...source.encoding import MAX_BYTES
from .analysis import Checked, analyse, path_of, too_large
from .assist import completion, hover
from .fixes import code_actions

MAX_DOCUMENT_CHARS = MAX_BYTES  # characters: a plan file is refused above MAX_BYTES bytes


class KehoachServer(LanguageServer):
    def __init__(self, lang: Lang) -> None:
        super().__init__("kehoach", __version__)
        self.lang: Lang = lang
        self.checked: dict[str, Checked] = {}

    def language(self) -> None:
        """Every handler runs in its own context: set the language of its messages first."""
        set_lang(self.lang)

    def publish(self, uri: str) -> None:
        self.language()
        document = self.workspace.get_text_document(uri)
        if len(document.source) > MAX_DOCUMENT_CHARS:  # the same bound as a plan file on disk
            checked = too_large(document.source, path_of(uri), MAX_DOCUMENT_CHARS)
        else:
            checked = analyse(document.source, path_of(uri))
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=checked.diagnostics))


def make_server(lang: Lang | None = None) -> KehoachServer:
    server = KehoachServer(lang or get_lang())
    explicit = lang is not None and lang != "vi"

    @server.feature(types.INITIALIZE)
    def _initialize(ls: KehoachServer, params: types.InitializeParams) -> None:
        locale = (params.locale or "").lower()
        if not explicit and locale.startswith("en"):
            ls.lang = "en"

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def _open(ls: KehoachServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def _change(ls: KehoachServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def _save(ls: KehoachServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)  # a saved kehoach.toml or profile may change the findings

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def _close(ls: KehoachServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def _hover(ls: KehoachServer, params: types.HoverParams) -> types.Hover | None:
        ls.language()
        document = ls.workspace.get_text_document(params.text_document.uri)
        checked = ls.checked.get(params.text_document.uri)
        return hover(document.source, params.position, checked.findings if checked else [])

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[":", " "]))
    def _complete(ls: KehoachServer, params: types.CompletionParams) -> types.CompletionList:
        ls.language()
        document = ls.workspace.get_text_document(params.text_document.uri)
        return completion(document.source, params.position)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def _actions(ls: KehoachServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        ls.language()
        document = ls.workspace.get_text_document(params.text_document.uri)
        return code_actions(params, document.source, path_of(params.text_document.uri))

    return server


def serve(lang: Lang | None = None) -> None:
    import sys

    from .framing import BoundedStdin

    make_server(lang).start_io(BoundedStdin(sys.stdin.buffer), sys.stdout.buffer)  # type: ignore[arg-type]
