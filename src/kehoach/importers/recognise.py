"""Neutral blocks → a validated ``Plan`` and the notes of what to check, keyed by plan path and by
their place in the original.

The document is cut where its frame says: letterhead up to the type name (KẾ HOẠCH, QUYẾT ĐỊNH …),
the trích yếu (``head``), the preamble up to the first section heading (``preamble``), the body up to
Nơi nhận and the signature, then the appendices. A decision that issues a plan is two such parts; the
first becomes ``decision``. The parts are gathered as plain data in the schema's key order and
validated into a ``Plan`` here, where they are made: what does not fit is KH507 (nothing written),
never a traceback. Whatever is unsure gets a note (``notes``: its code, "kiểm tra (KH5nn): …") at its
place; no text is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, Severity
from ..common.i18n import tr
from ..model import Plan
from . import captions, frame, legal, outline, tables, tasks
from .appendices import AppendixReader
from .blocks import Break, Para, Source, Table
from .closing import ClosingReader, signature_start
from .common import (
    PERIOD,
    clean,
    is_closing_para,
    is_closing_table,
    text_of,
    unmark,
)
from .decision import DecisionReader
from .emphasis import plan_styles
from .errors import import_error
from .head import HeadReader
from .notes import Note, about, placed, said
from .plain import plain
from .preamble import PreambleReader

CODES = (
    Code("KH507", "error", "Kế hoạch nhận ra không hợp lược đồ", "The recognised plan does not fit the schema",
         "Trình nhập đã nhận ra các phần của văn bản nhưng chúng không tạo thành một kế hoạch hợp lệ; thông báo "
         "nêu từng chỗ (đường dẫn trong kế hoạch). Đây là lỗi của kehoach: hãy báo kèm văn bản. Mã thoát 2, không "
         "ghi tệp nào.",
         "The importer recognised the document's parts but they do not make a valid plan; the message names each "
         "place (its path in the plan). This is a bug of kehoach: please report it with the document. Exit code 2, "
         "nothing written."),
    Code("KH520", "info", "Đoạn văn trước mục đầu tiên", "Paragraphs before the first section",
         "Các đoạn không số thứ tự trước mục I được ghi là đoạn dẫn của phần mở đầu. Ghi trong tệp YAML là '# kiểm "
         "tra (KH520): …' ngay trên mục liên quan.",
         "Unnumbered paragraphs before section I are kept as the preamble's paragraphs. Written in the YAML as '# "
         "kiểm tra (KH520): …' right above the entry."),
    Code("KH527", "info", "Không tìm thấy chữ ký", "No signature found",
         "Không tìm thấy Nơi nhận và khối chữ ký (hay chức vụ và họ tên người ký); điền 'signature'. Ghi trong tệp "
         "YAML là '# kiểm tra (KH527): …' ngay trên mục liên quan.",
         "No Nơi nhận and signature block (or no signer's title and name) found; fill in 'signature'. Written in "
         "the YAML as '# kiểm tra (KH527): …' right above the entry."),
)


@dataclass
class Recognised:
    """What the recognisers made of a document: the plan, the notes, the summary lines."""

    plan: Plan
    notes: list[Note] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    @property
    def data(self) -> dict:
        """The plan as plan.yaml writes it (``plain``)."""
        return plain(self.plan)


class _Unlocated:
    """What ``source.messages`` asks of a source, for data that has no file lines yet."""

    def diagnostic(self, loc: tuple, code: str, message: str, severity: Severity = Severity.error) -> Diagnostic:
        return Diagnostic(code, message, severity)


def validated(data: dict, path: Path) -> Plan:
    """``data`` as a Plan; KH507 (exit 2) naming each place that does not fit the schema, in the words
    ``kehoach check`` uses for a plan file (source/messages)."""
    from pydantic import ValidationError

    from ..source.messages import describe_all

    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(d.message for d in describe_all(error.errors(), data, _Unlocated())[:10])
        raise import_error("KH507", tr(
            "các phần nhận ra không tạo thành kế hoạch hợp lệ (lỗi của kehoach, hãy báo kèm văn bản; không ghi "
            "tệp nào): {p}", "the recognised parts do not make a valid plan (a bug of kehoach, please report it "
            "with the document; nothing written): {p}", p=problems), path) from None


class Recogniser(HeadReader, AppendixReader, DecisionReader, ClosingReader, PreambleReader):
    def __init__(self, source: Source, path: Path) -> None:
        self.path = path
        self.blocks = list(source.blocks)
        self.notes: list[tuple[tuple, str]] = []
        self.summary: list[str] = list(source.notes)
        self.footnotes = dict(source.footnotes)
        # Each block's place as the original shows it: ("paragraph", n) or ("table", n), from 1.
        counts = {"paragraph": 0, "table": 0}
        self.places: dict[int, tuple[str, int]] = {}
        for block in self.blocks:
            kind = "table" if isinstance(block, Table) else "paragraph" if isinstance(block, Para) else None
            if kind:
                counts[kind] += 1
                self.places[id(block)] = (kind, counts[kind])

    def about_since(self, count: int, index: int) -> None:
        """The notes said after the first ``count`` are about block ``index`` when they name no block
        (a part read as lines, such as the signature and Nơi nhận, is about the block it starts at)."""
        self.notes[count:] = [(path, about(message, self.blocks[index])) for path, message in self.notes[count:]]

    def note(self, path: tuple, message: str, block: object = None) -> None:
        """A note at ``path`` of the plan, about ``block`` of the original (a block or its index)."""
        if isinstance(block, int):
            block = self.blocks[block] if 0 <= block < len(self.blocks) else None
        self.notes.append((path, about(message, block)))

    # -- parts --------------------------------------------------------------------------------

    def type_names(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if isinstance(b, Para) and frame.kind_name(b.text)]

    def run(self) -> Recognised:
        if not any(text_of(b).strip() for b in self.blocks):
            raise import_error("KH504", tr("văn bản trống: không có chữ nào để nhập",
                                           "the document is empty: there is no text to import"), self.path)
        names = self.type_names()
        if not names:
            frame.refuse_other_kind([line for b in self.blocks[:80] for line in text_of(b).split("\n")], self.path)
            raise import_error("KH505", tr(
                "không phải một kế hoạch: không tìm thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH, CHƯƠNG "
                "TRÌNH …) trên một dòng riêng",
                "not a plan: no type name (KẾ HOẠCH, QUYẾT ĐỊNH, CHƯƠNG TRÌNH …) on a line of its own"),
                self.path)
        first = names[0]
        kind = frame.kind_name(self.blocks[first].text)
        data: dict = {}
        second = None
        if kind == "QUYẾT ĐỊNH":
            closing = next((i for i in range(first, len(self.blocks)) if is_closing_table(self.blocks[i])
                            or is_closing_para(self.blocks[i])), None)
            if closing is not None:
                second = next((i for i in names if i > closing), None)
                if second is None:  # "CHƯƠNG TRÌNH CÔNG TÁC": the type name and the trích yếu on one line
                    second = next((i for i in range(closing, len(self.blocks)) if isinstance(self.blocks[i], Para)
                                   and frame.kind_prefix(self.blocks[i].text)), None)
        if second is not None:
            decision_end = self._closing_end(closing)
            head = self.letterhead(self.blocks[:first], numbered=True)
            decision = self.decision(first, decision_end)
            plan_kind = frame.kind_name(self.blocks[second].text) or frame.kind_prefix(self.blocks[second].text)[0]
            if plan_kind != "KẾ HOẠCH":
                data["kind"] = plan_kind
            data["letterhead"] = head
            data["decision"] = decision
            self.plan_part(second, data, standalone=False)
            self._fix_authority_name(data)
            between = " ".join(clean(text_of(b)) for b in self.blocks[decision_end:second])
            if not re.search(frame.NATIONAL.pattern.lstrip("^"), between, re.I):
                # the attached part starts at its type name, with no letterhead of its own (r13)
                data.setdefault("generated", {})["attachment_letterhead"] = False
        else:
            if kind != "KẾ HOẠCH":
                data["kind"] = kind
            data["letterhead"] = self.letterhead(self.blocks[:first], numbered=True)
            self.plan_part(first, data, standalone=True)
        self._order(data)
        self.summary += tasks.lift(data, self.notes)
        self.summary += tables.summary(data)
        plan = validated(data, self.path)
        return Recognised(plan, placed(self.notes, self.places), self.summary)

    def _part_start(self, type_index: int) -> int:
        """Where the part whose type name is at ``type_index`` starts: its letterhead blocks."""
        start = type_index
        while start > 0 and not isinstance(self.blocks[start - 1], Break) \
                and not is_closing_table(self.blocks[start - 1]):
            start -= 1
        return start

    # -- the plan -----------------------------------------------------------------------------

    def plan_part(self, index: int, data: dict, standalone: bool) -> None:
        title, i, note = self.title(index)
        data["title"] = title
        if note and standalone:  # a plan issued by a decision the file does not hold: its line, verbatim
            data["title_note"] = note
        period = PERIOD.search(title.replace("\n", " "))
        if period and int(period.group(1)) <= int(period.group(2)):
            data["period"] = {"start": int(period.group(1)), "end": int(period.group(2))}
        end = next((j for j in range(i, len(self.blocks))
                    if is_closing_table(self.blocks[j]) or is_closing_para(self.blocks[j])), None)
        appendix_start = next((j for j in range(i, len(self.blocks)) if self._is_appendix(j)), len(self.blocks))
        if end is not None and end <= appendix_start and is_closing_para(self.blocks[end]):
            end = signature_start(self.blocks, end, i)
        if end is None or end > appendix_start:
            end = appendix_start
            if standalone:
                self.note(("signature",), said("KH527", "không tìm thấy Nơi nhận và chữ ký", "no Nơi nhận and signature found"))
        body = [b for b in self.blocks[i:end] if not isinstance(b, Break)]
        body = [b for b in body if not (isinstance(b, Para) and not b.full_text.strip())]
        if data.get("kind") in ("QUY ĐỊNH", "QUY CHẾ") or legal.has_structure(body):
            body = legal.label_structure(body)  # Chương, Mục, Điều as labels of the outline
        preamble, rest = self.split_preamble(body)
        if preamble:
            data["preamble"] = self.preamble(preamble, data)
        root, tree_notes = outline.build_tree(captions.attach(rest))
        converter = outline.Converter()
        converter.pending = tree_notes
        sections, closing, before = converter.sections(root)
        self.notes += converter.notes
        if before:
            pre = data.setdefault("preamble", {})
            pre.setdefault("paragraphs", []).extend(before)
            self.note(("preamble", "paragraphs"), said("KH520", "đoạn văn trước mục đầu tiên được ghi là đoạn dẫn",
                                                       "paragraphs before the first section are kept as preamble "
                                                       "paragraphs"), rest[0] if rest else None)
        if not sections:
            raise import_error("KH505", tr(
                "không phải một kế hoạch: không tìm thấy mục nào (I., II., … hoặc 1., 2., …)",
                "not a plan: no section found (I., II., … or 1., 2., …)"), self.path)
        data["sections"] = sections
        styles = plan_styles(sections)
        if styles:
            data["styles"] = styles
        if closing:
            closing = list(closing)
            if unmark(closing[-1]) == closing[-1]:
                data.setdefault("generated", {})["end_mark"] = False  # the original ends without "./."
            closing[-1] = unmark(closing[-1])
            data["closing"] = closing
        elif standalone:
            # No closing paragraph in the original: kehoach adds none either (generated.closing).
            generated = data.setdefault("generated", {})
            generated["closing"] = False
            if not self._unmark_last(sections[-1]):
                generated["end_mark"] = False  # nor a "./." the original does not have
        else:
            self._unmark_last(sections[-1])
        if standalone and end < len(self.blocks) and end < appendix_start:
            said_before = len(self.notes)
            self.closing(end, appendix_start, data)
            self.about_since(said_before, end)
        elif standalone:  # the schema needs a signer: placeholders the officer fills in
            data["signature"] = {"title": "…", "name": "…"}
        appendices = self.appendices(appendix_start, data)
        if appendices:
            data["appendices"] = appendices
        self.summary.append(tr("{s} mục, {i} khoản/điểm, {a} phụ lục", "{s} sections, {i} items, {a} appendices",
                               s=len(sections), i=_count_items(sections), a=len(appendices)))
        free = _count_free(sections)
        if free:
            self.summary.append(tr(
                "{n} đoạn văn không số thứ tự sau các khoản được giữ nguyên chỗ (label: \"\")",
                "{n} unnumbered paragraphs after items kept where they stood (label: \"\")", n=free))
        literal = _count_literal(sections)
        if literal:
            self.summary.append(tr(
                "{n} số thứ tự ghi nguyên văn vì khác cách đánh số của kehoach (label)",
                "{n} labels kept literally because they differ from kehoach's numbering (label)", n=literal))

    def _unmark_last(self, section: dict) -> bool:
        """The composer adds "./." to the last paragraph: take it off where the document has it
        (True when it had it)."""
        target = section
        key = "closing" if section.get("closing") else "items" if section.get("items") else "text"
        values = target.get(key)
        while key == "items" and values:
            last = values[-1]
            if isinstance(last, str):
                values[-1] = unmark(last)
                return values[-1] != last
            if last.get("items"):
                values = last["items"]
                continue
            if last.get("text"):
                before = last["text"][-1]
                last["text"][-1] = unmark(before)
                return last["text"][-1] != before
            return False
        if values:
            before = values[-1]
            values[-1] = unmark(before)
            return values[-1] != before
        return False


    # -- appendices ---------------------------------------------------------------------------

    def _order(self, data: dict) -> None:
        if self.footnotes:
            data["footnotes"] = self.footnotes
        order = ["profile", "kind", "letterhead", "title", "title_note", "period", "styles", "generated", "preamble", "sections",
                 "closing", "signature", "recipients", "appendices", "footnotes", "decision"]
        items = {k: data[k] for k in order if k in data}
        data.clear()
        data.update(items)
        lh_order = ["parent", "issuer", "issuer_name", "abbreviation", "number", "symbol", "place", "date"]
        lh = data["letterhead"]
        data["letterhead"] = {k: lh[k] for k in lh_order if k in lh}
        pre = data.get("preamble")
        if pre:
            p_order = ["bases", "bases_italic", "paragraphs", "proposal", "enacting"]
            data["preamble"] = {k: pre[k] for k in p_order if k in pre}
        self._issuer_name_from_notes(data)

def _count_items(entries) -> int:
    total = 0
    for entry in entries:
        for item in (entry.get("items", []) if isinstance(entry, dict) else []):
            total += 1 + _count_items([item])
    return total


def _walk_items(entries):
    for entry in entries:
        for item in (entry.get("items", []) if isinstance(entry, dict) else []):
            yield item
            yield from _walk_items([item])


def _count_free(sections) -> int:
    return sum(1 for item in _walk_items(sections) if isinstance(item, dict) and item.get("label") == "")


def _count_literal(sections) -> int:
    return sum(1 for item in _walk_items(sections) if isinstance(item, dict) and item.get("label"))


def recognise(source: Source, path: Path) -> Recognised:
    return Recogniser(source, path).run()
