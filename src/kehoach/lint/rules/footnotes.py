"""KH407, KH408 footnotes: every reference ``[^id]`` has its note in ``footnotes:``, and every note
is referenced.

The syntax is described in ``model/markup.py``. A reference to a missing note is printed as typed
("[^x]"); a note never referenced is not printed at all. Both are almost always a typo in the id.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import markup
from .markup import marked_texts
from .registry import Context, Finding, Loc, rule


def references(ctx: Context) -> list[tuple[Loc, str, markup.Note]]:
    """(loc, text, reference) of every footnote reference outside the notes themselves, in order."""
    if "footnote_refs" not in ctx.memo:
        ctx.memo["footnote_refs"] = [
            (loc, text, note) for loc, text in marked_texts(ctx)
            if loc[0] != "footnotes" for note in markup.notes(text)]
    return ctx.memo["footnote_refs"]


@rule("KH407", "footnote-undefined", Severity.error, "kehoach: chú thích (footnotes)",
      ("tham chiếu chú thích không có nội dung", "a footnote reference without its note"))
def footnote_undefined(ctx: Context) -> Iterator[Finding]:
    """A footnote reference ``[^id]`` names a note of the plan's ``footnotes:`` mapping; a reference
    to an id with no note is printed as typed. Add the note, correct the id, or write ``\\[^`` for a
    literal "[^".

    Tiếng Việt:

        Chú thích cuối trang viết `[^mã]` trong lời văn, nội dung ở `footnotes: {mã: nội dung}` của kế
        hoạch. Một `[^mã]` không có nội dung tương ứng được in nguyên ("[^mã]"): thêm nội dung, sửa mã
        cho đúng, hoặc viết `\\[^` nếu muốn in dấu "[^" thật.

    Passes:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Triển khai tại các xã[^xa] theo số liệu \\\\[^ chưa có]."]
        footnotes:
          xa: Gồm 40 xã vùng khó khăn.

    Fails:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Triển khai tại các xã[^xã]."]
        footnotes:
          xa: Gồm 40 xã vùng khó khăn.
    """
    defined = ctx.plan.footnotes
    for loc, text, note in references(ctx):
        if note.id not in defined:
            yield Finding(loc, tr(
                "chú thích '[^{id}]' không có nội dung trong `footnotes:` nên được in nguyên: thêm "
                "`footnotes: {{{id}: …}}` hoặc sửa mã",
                "footnote '[^{id}]' has no text under `footnotes:` and is printed as typed: add "
                "`footnotes: {{{id}: …}}` or correct the id", id=note.id),
                snippet=text[note.offset: note.offset + note.length])


@rule("KH408", "footnote-unused", Severity.warning, "kehoach: chú thích (footnotes)",
      ("chú thích không được tham chiếu", "a footnote nothing refers to"))
def footnote_unused(ctx: Context) -> Iterator[Finding]:
    """Each note under ``footnotes:`` is referenced somewhere in the text with ``[^id]``; a note
    nothing refers to is not printed.

    Tiếng Việt:

        Mỗi chú thích trong `footnotes:` phải được dẫn ít nhất một lần bằng `[^mã]` trong lời văn; chú
        thích không được dẫn sẽ không được in. Thường là do gõ sai mã ở chỗ dẫn.

    Passes:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Triển khai tại các xã[^xa]."]
        footnotes:
          xa: Gồm 40 xã vùng khó khăn.

    Fails:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Triển khai tại các xã."]
        footnotes:
          xa: Gồm 40 xã vùng khó khăn.
    """
    used = {note.id for _, _, note in references(ctx)}
    positions = ctx.loaded.source.positions
    for key in ctx.plan.footnotes:
        if key not in used:
            loc: Loc = ("footnotes", key)
            if loc not in positions and key.isdigit() and ("footnotes", int(key)) in positions:
                loc = ("footnotes", int(key))  # YAML read the key `1:` as a number
            yield Finding(loc, tr(
                "chú thích '{id}' không được dẫn ở đâu nên không được in: viết '[^{id}]' ở chỗ cần "
                "chú thích, hoặc xóa nó",
                "footnote '{id}' is referenced nowhere and is not printed: write '[^{id}]' where it "
                "belongs, or delete it", id=key))
