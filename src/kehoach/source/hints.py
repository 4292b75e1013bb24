"""YAML that parses but does not say what the author meant, and YAML errors in the author's words.

Warnings on plain (unquoted) text scalars, from the composed nodes:

- KH030 `` #`` inside unquoted text starts a YAML comment: the rest of the sentence silently
  disappears ("toàn tỉnh có #120 trẻ em" keeps "toàn tỉnh có");
- KH031 two paragraphs pasted on consecutive lines are folded into one ("… pháp luật." then
  "Năm 2021, …" on the next line become one paragraph).

And ``explain_yaml_error``: the parser's English message turned into what to do, at the line the
author sees (a paragraph pasted at column 0 is reported where it is, not on the line after it).
"""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import ScalarNode

from ..common.diagnostics import Code, Diagnostic, Severity
from ..common.i18n import tr


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH030", "warning", "' #' cắt mất phần sau của văn bản", "' #' cuts the text short",
         "Trong văn bản không đặt trong ngoặc, ' #' bắt đầu một chú thích YAML nên phần sau bị bỏ khỏi văn bản. Đặt "
         "cả văn bản trong ngoặc kép, hoặc bỏ dấu cách trước '#'.",
         "In unquoted text, ' #' starts a YAML comment, so the rest is dropped from the text. Put the whole text "
         "in double quotes, or remove the space before '#'."),
    Code("KH031", "warning", "Hai dòng bị YAML nối thành một đoạn", "Two lines joined into one paragraph",
         "YAML nối dòng này vào đoạn ở dòng trên. Nếu là hai đoạn, viết mỗi đoạn một mục danh sách (`- `); một dòng "
         "trống giữa hai dòng cũng không tách đoạn.",
         "YAML joins this line to the paragraph above. If these are two paragraphs, write each as a list item "
         "(`- `); a blank line between them does not split them either."),
)

# A comment that reads like the rest of a sentence: "#120", "#tag", or "# trên báo chí." (lower case
# on, and a sentence's end); a comment set off from the value by two spaces or more is a comment.
_COMMENT = re.compile(r"^ #(?P<body>.*)$")
_SENTENCE_END = re.compile(r"[.;]\s*$")
_PARAGRAPH_END = re.compile(r"[.;:!?…]\s*$")


def _is_text(node: ScalarNode) -> bool:
    tag = node.tag if isinstance(node.tag, str) else node.tag.value  # type: ignore[attr-defined]
    return not node.style and tag.endswith(":str")


def scalar_hints(node: ScalarNode, lines: list[str], path: str | None) -> list[Diagnostic]:
    """KH030 and KH031 for one value scalar (keys are not text)."""
    if not _is_text(node):
        return []
    found = []
    end_line, end_col = node.end_mark.line, node.end_mark.column
    if end_line < len(lines):
        line = lines[end_line]
        match = _COMMENT.match(line[end_col:])
        body = match.group("body") if match else ""
        if match and not body.strip().startswith("kehoach:") and (
                body[:1] not in ("", " ") or (body.strip()[:1].islower() and _SENTENCE_END.search(body))):
            col = end_col + 2  # 1-based column of '#'
            found.append(Diagnostic("KH030", tr(
                "' #' trong văn bản không đặt trong ngoặc bắt đầu một chú thích YAML: phần '#{r}' bị bỏ "
                "khỏi văn bản. Đặt cả văn bản trong ngoặc kép (\"…\"), hoặc bỏ dấu cách trước '#'",
                "' #' inside unquoted text starts a YAML comment: '#{r}' is dropped from the text. Put the "
                "whole text in double quotes (\"…\"), or remove the space before '#'",
                r=body.strip()), Severity.warning, path, end_line + 1, col, line))
    start_line = node.start_mark.line
    rows = [i for i in range(start_line, min(end_line, len(lines) - 1) + 1) if lines[i].strip()]
    for index, below in zip(rows, rows[1:]):
        here = _without_comment(lines[index]) if index > start_line else lines[index][node.start_mark.column:]
        following = lines[below].strip()
        if _PARAGRAPH_END.search(here) and following[:1].isupper():
            col = len(lines[below]) - len(lines[below].lstrip()) + 1
            found.append(Diagnostic("KH031", tr(
                "dòng này được YAML nối vào đoạn ở dòng trên thành một đoạn. Nếu là hai đoạn, viết mỗi "
                "đoạn một mục danh sách (một dòng trống giữa hai dòng cũng không tách đoạn):\n"
                "    text:\n      - Đoạn thứ nhất.\n      - Đoạn thứ hai.",
                "YAML joins this line to the paragraph on the line above. If these are two paragraphs, "
                "write each as a list item (a blank line between them does not split them either):\n"
                "    text:\n      - First paragraph.\n      - Second paragraph."),
                Severity.warning, path, below + 1, col, lines[below]))
    return found


def _without_comment(line: str) -> str:
    return re.split(r"\s#", line, maxsplit=1)[0].rstrip()


def explain_yaml_error(exc: MarkedYAMLError, lines: list[str]) -> tuple[str, int | None, int | None]:
    """(message, 1-based line, column) of a parser error, in words that say what to do."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    if "mapping values are not allowed" in problem and line is not None:
        text = lines[line - 1] if line <= len(lines) else ""
        key = text[: (col or 1) - 1].strip()
        return tr(
            "dấu ':' trong văn bản không đặt trong ngoặc (sau '{k}'): YAML hiểu nó là một khóa mới. Đặt cả "
            "văn bản trong ngoặc kép (\"…\"), hoặc viết `>-` sau khóa rồi xuống dòng, thụt lề và viết văn bản",
            "a ':' inside unquoted text (after '{k}'): YAML reads it as a new key. Put the whole text in double "
            "quotes (\"…\"), or write `>-` after the key and the text on the next lines, indented",
            k=key[-40:]), line, col
    if "could not find expected ':'" in problem and "simple key" in context and exc.context_mark:
        # The parser notices only on the next line; the culprit is where the "key" started.
        start = exc.context_mark
        return tr(
            "dòng này không phải 'khóa: giá trị' (thiếu ':'): có phải một đoạn văn dán ở đầu dòng? Thụt lề nó "
            "như dòng văn bản phía trên (hoặc viết thành một mục '- ' của danh sách)",
            "this line is not 'key: value' (no ':'): a paragraph pasted at the start of the line? Indent it "
            "like the text above it (or write it as a '- ' list item)"), start.line + 1, start.column + 1
    words = " ".join(filter(None, [context, problem]))
    return tr("YAML không hợp lệ: {p}", "invalid YAML: {p}", p=words), line, col
