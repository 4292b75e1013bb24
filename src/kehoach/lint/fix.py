"""Fixes (sửa tự động): what ``kehoach check --fix`` / ``--diff`` / ``--unsafe-fixes`` change.

Rules declare a ``Fix`` on a finding (``old`` → ``new`` inside the finding's text, safe or not).
Safe fixes cannot change what the plan says: NFC, the majority's tone-mark placement (KH302), a
typed ";" or "." at the end of a recipient (KH207), an agency name's capitals (KH303), the
zero-padding of the issue date (KH203). Unsafe ones might, and need ``--unsafe-fixes``: an unknown
key renamed to the nearest known key (KH102), a place name, a cited date, two fused words split …

How the YAML is edited: each fix is spliced into the file's own text at the position the loader
(ruamel.yaml) reports for the value, so comments, key order, quoting, indentation and line folding
stay byte for byte; an edit may cross a folded line break (the words are matched across it). The
result is parsed again with ruamel and validated: it must have the same structure (the same keys in
the same order, lists of the same length, renamed keys aside) and still validate, or nothing is
written. (A ruamel round-trip *dump* was tried and rejected: it re-indents nested sequences, as in
the Nghệ An example's table rows, so it would rewrite lines no fix touched.) Writing is atomic, and
a file that changed on disk since it was read is left alone (KH013).
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..common.diagnostics import Code, Diagnostic, Severity
from ..common.fileio import write_atomic
from ..common.i18n import tr
from ..model import Plan
from ..source.loader import Loaded, Source, parse_yaml, validate
from ..source.messages import unknown_keys
from . import run_rules


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH013", "error", "Tệp đã đổi trong lúc sửa", "File changed while fixing",
         "`check --fix` không ghi đè một tệp kế hoạch đã thay đổi trên đĩa kể từ lúc đọc; chạy lại --fix.",
         "`check --fix` does not overwrite a plan file that changed on disk since it was read; run --fix again."),
    Code("KH014", "warning", "Không sửa tự động được", "Not fixed automatically",
         "Kết quả sửa tự động sẽ làm hỏng cấu trúc tệp (YAML hay lược đồ) nên tệp được giữ nguyên; sửa tay theo các "
         "phát hiện.",
         "The automatic fix would break the file's structure (YAML or schema), so the file is left as it was; fix "
         "the findings by hand."),
)

BOM = "\ufeff"
MAX_ROUNDS = 3


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the file's text
    end: int
    new: str
    code: str
    safe: bool = True
    at: tuple[int | None, int | None] = (None, None)  # (line, column) of the finding it fixes


@dataclass
class FixResult:
    """The fixes of one file: its bytes as read, the fixed bytes (None: nothing to change)."""

    path: str
    original: bytes
    mtime_ns: int
    fixed: bytes | None = None
    applied: list[str] = field(default_factory=list)  # the codes fixed, one per edit
    problems: list[Diagnostic] = field(default_factory=list)

    def diff(self) -> str:
        if self.fixed is None:
            return ""
        before = self.original.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        after = self.fixed.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        return "".join(difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}"))


def _offsets(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def _words_pattern(old: str) -> re.Pattern[str]:
    """``old`` with any run of white space (a folded line break and its indentation) between words."""
    return re.compile(r"\s+".join(re.escape(word) for word in old.split()))


def _splice(matched: str, old: str, new: str) -> str | None:
    """``new`` laid over ``matched`` (``old`` as written in the file, maybe folded across lines): the
    file's own white space between words is kept when the fix keeps the number of words."""
    if matched == old:
        return new
    old_words, new_words = old.split(), new.split()
    if len(old_words) != len(new_words):
        return None  # a fix that changes the words of a folded text: not done by hand here
    gaps = re.split(r"\S+", matched)[1:-1]
    return "".join(word + (gaps[i] if i < len(gaps) else "") for i, word in enumerate(new_words))


def _rule_edits(loaded: Loaded, text: str, unsafe: bool, profile: str | None, config: Any) -> list[Edit]:
    starts = _offsets(text)
    edits: list[Edit] = []
    taken: set[int] = set()
    for rule, finding, diag in run_rules(loaded, profile=profile, config=config):
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe) or diag.line is None or fix.old == fix.new:
            continue
        position = starts[diag.line - 1] + (diag.col or 1) - 1
        pattern = _words_pattern(fix.old)
        match = pattern.match(text, position)
        while match and match.start() in taken:  # the same words again in the same text: the next one
            match = pattern.search(text, match.end(), match.end() + 20000)
        if match is None:
            continue
        new = _splice(match.group(0), fix.old, fix.new)
        if new is None:
            continue
        taken.add(match.start())
        edits.append(Edit(match.start(), match.end(), new, rule.code, fix.safe, (diag.line, diag.col)))
    return edits


def fix_edits(loaded: Loaded, *, unsafe: bool = False, profile: str | None = None, config: Any = None) -> list[Edit]:
    """The edits ``check --fix`` (``unsafe``: ``--unsafe-fixes``) would splice into the loaded text in
    its first round, one per fixable finding, each with its rule's code and the finding's place: what
    an editor offers as quick fixes (cli/lsp/fixes.py), so that both fix the same way."""
    text = loaded.source.text
    edits = _rule_edits(loaded, text, unsafe, profile, config)
    return edits + (_key_edits(loaded, text) if unsafe else [])


def _key_edits(loaded: Loaded, text: str) -> list[Edit]:
    """Unknown keys renamed to the nearest known key (unsafe: a guess at what was meant)."""
    if loaded.plan is not None or not isinstance(loaded.data, dict):
        return []
    try:
        Plan.model_validate(loaded.data)
        return []
    except ValidationError as exc:
        renames = unknown_keys(exc.errors(include_url=False), loaded.data)
    starts = _offsets(text)
    edits = []
    for loc, suggestion in renames:
        position = loaded.source.positions.get(loc)
        key = str(loc[-1])
        if position is None:
            continue
        start = starts[position[0] - 1] + position[1] - 1
        if text.startswith(key, start):
            edits.append(Edit(start, start + len(key), suggestion, "KH102", False, position))
    return edits


def _shape(data: Any, renamed: dict[str, str] | None = None) -> Any:
    """The structure of loaded data without its text: keys in order, list lengths, value kinds."""
    if isinstance(data, dict):
        return [(renamed.get(k, k) if renamed else k, _shape(v, renamed)) for k, v in data.items()]
    if isinstance(data, list):
        return [_shape(v, renamed) for v in data]
    return type(data).__name__


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    kept: list[Edit] = []
    end = -1
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start >= end:
            kept.append(edit)
            end = edit.end
    for edit in reversed(kept):
        text = text[: edit.start] + edit.new + text[edit.end:]
    return text, kept


def plan_fixes(loaded: Loaded, *, unsafe: bool = False, profile: str | None = None,
               config: Any = None) -> FixResult:
    """The fixes for one loaded plan file, not written (see ``write_fixed``)."""
    path = Path(loaded.source.path)
    raw = path.read_bytes()
    result = FixResult(str(path), raw, os.stat(path).st_mtime_ns)
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return result  # a legacy encoding: KH007 already says how to convert it
    bom = BOM if decoded.startswith(BOM) else ""
    text = decoded[len(bom):]
    fixed = unicodedata.normalize("NFC", text)
    if fixed != text:
        result.applied.append("NFC")
    if fixed != loaded.source.text:
        return _done(result, bom, text, fixed)  # the loader's positions do not hold in this text
    for _ in range(MAX_ROUNDS):  # a renamed key makes the plan valid: its rules then have fixes too
        edits = _rule_edits(loaded, fixed, unsafe, profile, config)
        if unsafe:
            edits += _key_edits(loaded, fixed)
        candidate, kept = _apply(fixed, edits)
        if not kept:
            break
        if not _still_sound(loaded, candidate, kept):
            result.problems.append(Diagnostic("KH014", tr(
                "không sửa tự động được: kết quả sẽ làm hỏng cấu trúc tệp; sửa tay theo các phát hiện",
                "not fixed automatically: the result would break the file's structure; fix the findings by hand"),
                Severity.warning, str(path)))
            break
        fixed = candidate
        result.applied += [edit.code for edit in kept]
        loaded = _reload(loaded, fixed)
    return _done(result, bom, text, fixed)


def _done(result: FixResult, bom: str, text: str, fixed: str) -> FixResult:
    if fixed != text:
        result.fixed = (bom + fixed).encode("utf-8")
    return result


def _reload(loaded: Loaded, text: str) -> Loaded:
    source = Source(loaded.source.path, text)
    data = parse_yaml(source)
    plan, errors = validate(data, source)
    return Loaded(source, data, plan, errors)


def _still_sound(loaded: Loaded, candidate: str, edits: list[Edit]) -> bool:
    """The fixed text parses (ruamel), has the structure the original had and validates no worse."""
    source = Source(loaded.source.path, candidate)
    try:
        data = parse_yaml(source)
    except Exception:  # noqa: BLE001 - any failure to read it back means: do not write it
        return False
    renamed = {loaded.source.text[e.start: e.end]: e.new for e in edits if e.code == "KH102"}
    if _shape(data) != _shape(loaded.data, renamed):
        return False
    plan, _ = validate(data, source)
    return plan is not None or loaded.plan is None


def write_fixed(result: FixResult) -> Diagnostic | None:
    """Write the fixed bytes in place, atomically, unless the file changed since it was read
    (KH013: then it is left as it is). Keeps the file's permissions."""
    if result.fixed is None:
        return None
    path = Path(result.path)
    try:
        status = os.stat(path)
        unchanged = status.st_mtime_ns == result.mtime_ns and path.read_bytes() == result.original
    except OSError:
        unchanged = False
    if not unchanged:
        return Diagnostic("KH013", tr("tệp đã thay đổi trong lúc kiểm tra: không ghi đè, chạy lại --fix",
                                      "the file changed during the run: not overwritten, run --fix again"),
                          Severity.error, str(path))
    # --fix edits the file the user named: through a link, its target is the plan (and the link stays)
    write_atomic(Path(os.path.realpath(path)), result.fixed)
    os.chmod(path, status.st_mode & 0o7777)
    return None
