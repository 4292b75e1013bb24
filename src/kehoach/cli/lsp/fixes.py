"""Quick fixes: the edits ``kehoach check --fix`` makes, offered on the findings they fix.

Each fix comes from the finding's own ``Fix`` (``lint.fix.fix_edits``: the same splice as
``check --fix``, safe ones preferred, unsafe ones offered too since a person chooses), matched to an
editor diagnostic by code and start position; no rule is special-cased here. A buffer that is not
NFC gets one more action: normalise it whole.
"""

from __future__ import annotations

import functools

from lsprotocol import types

from ...common.i18n import tr
from .analysis import nfc_edit


def _position(starts: list[int], offset: int) -> types.Position:
    line = max(i for i, start in enumerate(starts) if start <= offset) if starts else 0
    return types.Position(line, offset - starts[line])


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    return starts


def _action(title: str, uri: str, edits: list[types.TextEdit], diagnostic: types.Diagnostic | None,
            preferred: bool = True) -> types.CodeAction:
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred,
        diagnostics=[diagnostic] if diagnostic else None,
        edit=types.WorkspaceEdit(changes={uri: edits}))


@functools.lru_cache(maxsize=2)  # an editor asks again as the cursor moves over the same buffer
def finding_fixes(text: str, path: str) -> tuple:
    """Every fix ``check --fix --unsafe-fixes`` would make in ``text`` (the buffer of ``path``), as
    ``lint.fix.Edit`` offsets in the text; none when the text is not NFC (the NFC action comes first)."""
    import unicodedata

    from ...lint.fix import fix_edits
    from ...pipeline.check import check_text

    if not unicodedata.is_normalized("NFC", text):
        return ()
    checked = check_text(text, path)
    if checked.config is None and checked.plan is not None:
        return ()  # a broken configuration: its finding says so
    return tuple(fix_edits(checked.loaded, unsafe=True, config=checked.config))


def code_actions(params: types.CodeActionParams, text: str, path: str) -> list[types.CodeAction]:
    uri = params.text_document.uri
    wanted = [d for d in params.context.diagnostics if d.source == "kehoach"]
    actions = []
    if any(d.code != "KH009" for d in wanted):
        starts = _line_starts(text)
        edits = finding_fixes(text, path)
        for diagnostic in wanted:
            start = diagnostic.range.start
            for edit in edits:
                line, col = edit.at
                if edit.code != diagnostic.code or line is None or (line - 1, (col or 1) - 1) != (start.line,
                                                                                                 start.character):
                    continue
                old = text[edit.start:edit.end]
                rng = types.Range(_position(starts, edit.start), _position(starts, edit.end))
                actions.append(_action(tr("Sửa {c}: `{a}` → `{b}`", "Fix {c}: `{a}` → `{b}`", c=edit.code, a=old,
                                          b=edit.new), uri, [types.TextEdit(rng, edit.new)], diagnostic,
                                       preferred=edit.safe))
    edit = nfc_edit(text)
    if edit is not None:
        nfd = [d for d in params.context.diagnostics if d.code == "KH009"]
        actions.append(_action(tr("Chuẩn hóa toàn bộ tệp sang Unicode dựng sẵn (NFC)",
                                  "Normalise the whole file to composed Unicode (NFC)"), uri, [edit],
                               nfd[0] if nfd else None))
    return actions
