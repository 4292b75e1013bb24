"""Quick fixes, offered only where the fix is certain.

- KH102 unknown key with a nearest valid key: rename the key;
- KH207 a recipient typed with its own ";" or ".": drop it (kehoach adds the punctuation);
- KH302 a word in the document's minority tone-mark style: rewrite it in the other style;
- text that is not NFC (KH009, or any buffer pasted from macOS or a PDF): normalise the buffer.
"""

from __future__ import annotations

from lsprotocol import types

from ...i18n import tr
from ...lint.rules.text import fold_tones, unfold_tones
from .analysis import nfc_edit


def _text_in(lines: list[str], rng: types.Range) -> str:
    if rng.start.line != rng.end.line or rng.start.line >= len(lines):
        return ""
    return lines[rng.start.line][rng.start.character: rng.end.character]


def _action(title: str, uri: str, edits: list[types.TextEdit], diagnostic: types.Diagnostic | None,
            preferred: bool = True) -> types.CodeAction:
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred,
        diagnostics=[diagnostic] if diagnostic else None,
        edit=types.WorkspaceEdit(changes={uri: edits}))


def fix_for(diagnostic: types.Diagnostic, lines: list[str], uri: str) -> types.CodeAction | None:
    """The certain fix of one kehoach diagnostic, or None."""
    code = diagnostic.code
    rng = diagnostic.range
    current = _text_in(lines, rng)
    if code == "KH102" and isinstance(diagnostic.data, dict) and diagnostic.data.get("replace"):
        new = diagnostic.data["replace"]
        if current and current != new:
            return _action(tr("Đổi `{a}` thành `{b}`", "Rename `{a}` to `{b}`", a=current, b=new), uri,
                           [types.TextEdit(rng, new)], diagnostic)
    if code == "KH207" and current.rstrip() != current.rstrip().rstrip(";."):
        new = current.rstrip().rstrip(";.").rstrip()
        return _action(tr("Bỏ dấu cuối của `{a}` (kehoach tự thêm)", "Drop the punctuation of `{a}` (kehoach adds it)",
                          a=current), uri, [types.TextEdit(rng, new)], diagnostic)
    if code == "KH302" and current:
        folded, unfolded = fold_tones(current), unfold_tones(current)
        new = folded if folded != current else unfolded
        if new != current:
            return _action(tr("Viết `{a}` thành `{b}`", "Write `{a}` as `{b}`", a=current, b=new), uri,
                           [types.TextEdit(rng, new)], diagnostic)
    return None


def code_actions(params: types.CodeActionParams, text: str) -> list[types.CodeAction]:
    lines = text.splitlines()
    uri = params.text_document.uri
    actions = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "kehoach":
            continue
        action = fix_for(diagnostic, lines, uri)
        if action is not None:
            actions.append(action)
    edit = nfc_edit(text)
    if edit is not None:
        nfd = [d for d in params.context.diagnostics if d.code == "KH009"]
        actions.append(_action(tr("Chuẩn hóa toàn bộ tệp sang Unicode dựng sẵn (NFC)",
                                  "Normalise the whole file to composed Unicode (NFC)"), uri, [edit],
                               nfd[0] if nfd else None))
    return actions
