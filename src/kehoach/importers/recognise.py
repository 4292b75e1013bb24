"""Neutral blocks → the data of a plan file (a dict in the schema's key order) and notes.

The document is cut where its frame says: letterhead up to the type name (KẾ HOẠCH, QUYẾT ĐỊNH …),
the trích yếu, the preamble up to the first section heading, the body up to Nơi nhận and the
signature, then the appendices. A decision that issues a plan is two such parts; the first becomes
``decision``. Whatever is unsure gets a note ("kiểm tra: …") at its place; no text is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import vn
from ..i18n import tr
from . import frame, outline, tables
from .blocks import Break, Para, Run, Source, Table
from .errors import import_error
from .frame import Line

_PREAMBLE_BASIS = re.compile(r"^(Căn cứ|Thực hiện)\b")
_PROPOSAL = re.compile(r"^(Theo|Xét) đề nghị\b")
_NOTE = re.compile(r"^\((Ban hành )?[Kk]èm theo\b")
_APPENDIX = re.compile(r"^PHỤ LỤC\b", re.I)
_ARTICLE = re.compile(r"^Điều\s+\d+\s*[.:]\s*(?P<rest>.*)$", re.S)
_PERIOD = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.I)


@dataclass
class Result:
    data: dict
    notes: list[tuple[tuple, str]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def segments(para: Para) -> list[tuple[int, Line]]:
    """(column, line) pieces of a paragraph: split at line breaks, then at tabs (a tab-aligned
    letterhead puts the right column after one or more tabs)."""
    out: list[tuple[int, Line]] = []
    lines: list[list[tuple[str, Run]]] = [[]]
    for run in para.runs:
        parts = run.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            lines[-1].append((part, run))
    for pieces in lines:
        column = 0
        current: list[tuple[str, Run]] = []
        text = "".join(p for p, _ in pieces)
        leading_tab = text[:1] == "\t" or text.startswith(" " * 8)
        chunks: list[list[tuple[str, Run]]] = [[]]
        for part, run in pieces:
            sub = re.split(r"\t+| {8,}", part)
            for index, piece in enumerate(sub):
                if index:
                    chunks.append([])
                chunks[-1].append((piece, run))
        for index, chunk in enumerate(chunks):
            text = "".join(p for p, _ in chunk).strip()
            if not text:
                continue
            visible = [r for p, r in chunk if p.strip()]
            column = 1 if (index > 0 or leading_tab) else 0
            out.append((column, Line(text, all(r.bold for r in visible), all(r.italic for r in visible))))
        del current
    return out


def _lines_of(blocks: list) -> tuple[list[Line], list[Line]]:
    left: list[Line] = []
    right: list[Line] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for index, cell in enumerate(row):
                    for para in cell.paras:
                        for column, line in segments(para):
                            (left if index == 0 and column == 0 else right).append(line)
        elif isinstance(block, Para):
            for column, line in segments(block):
                (left if column == 0 else right).append(line)
    return left, right


def _text_of(block) -> str:
    if isinstance(block, Para):
        return block.full_text
    if isinstance(block, Table):
        return " ".join(p.full_text for p in block.all_paras())
    return ""


def _is_closing_table(block) -> bool:
    return isinstance(block, Table) and any(
        re.match(r"^\s*Nơi\s+nhận\s*:?", p.text, re.I) for p in block.all_paras())


def _is_closing_para(block) -> bool:
    return isinstance(block, Para) and bool(re.match(r"^\s*Nơi\s+nhận\s*:?", block.text, re.I))


class Recogniser:
    def __init__(self, source: Source, path: Path) -> None:
        self.path = path
        self.blocks = [b for b in source.blocks if not isinstance(b, Para) or b.text or b.label
                       or True]
        self.notes: list[tuple[tuple, str]] = []
        self.summary: list[str] = list(source.notes)

    def note(self, path: tuple, message: str) -> None:
        self.notes.append((path, message))

    # -- parts --------------------------------------------------------------------------------

    def type_names(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if isinstance(b, Para) and frame.kind_name(b.text)]

    def run(self) -> Result:
        if not any(_text_of(b).strip() for b in self.blocks):
            raise import_error("KH093", tr("văn bản trống: không có chữ nào để nhập",
                                           "the document is empty: there is no text to import"), self.path)
        names = self.type_names()
        if not names:
            raise import_error("KH094", tr(
                "không phải một kế hoạch: không tìm thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH, CHƯƠNG "
                "TRÌNH …) trên một dòng riêng",
                "not a plan: no type name (KẾ HOẠCH, QUYẾT ĐỊNH, CHƯƠNG TRÌNH …) on a line of its own"),
                self.path)
        first = names[0]
        kind = frame.kind_name(self.blocks[first].text)
        data: dict = {}
        second = None
        if kind == "QUYẾT ĐỊNH":
            closing = next((i for i in range(first, len(self.blocks)) if _is_closing_table(self.blocks[i])
                            or _is_closing_para(self.blocks[i])), None)
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
        else:
            if kind != "KẾ HOẠCH":
                data["kind"] = kind
            data["letterhead"] = self.letterhead(self.blocks[:first], numbered=True)
            self.plan_part(first, data, standalone=True)
        self._order(data)
        return Result(data, self.notes, self.summary)

    def _closing_end(self, start: int) -> int:
        """The index after a Nơi nhận/signature block: the next block after a closing table, or after
        the signer's name (the first line in ordinary case after the upper-case signature lines)."""
        if isinstance(self.blocks[start], Table):
            return start + 1
        seen_upper = False
        for index in range(start + 1, len(self.blocks)):
            block = self.blocks[index]
            if isinstance(block, Break):
                return index
            if not isinstance(block, Para) or not block.text.strip():
                continue
            text = _clean(block.full_text)
            if text[:1] in "-–+•" or text.endswith(":") or text[:1].islower():
                continue
            if text == vn.upper(text):
                seen_upper = True
            elif seen_upper:
                return index + 1
        return len(self.blocks)

    def _part_start(self, type_index: int) -> int:
        """Where the part whose type name is at ``type_index`` starts: its letterhead blocks."""
        start = type_index
        while start > 0 and not isinstance(self.blocks[start - 1], Break) \
                and not _is_closing_table(self.blocks[start - 1]):
            start -= 1
        return start

    # -- letterhead and title -----------------------------------------------------------------

    def letterhead(self, blocks: list, numbered: bool) -> dict:
        left, right = _lines_of(blocks)
        found = frame.letterhead(left + right, numbered=numbered)
        self.notes += found.notes
        return found.data

    def title(self, index: int) -> tuple[str, int, str | None]:
        """(trích yếu, index after the title, the note line under it if any)."""
        lines: list[str] = []
        prefixed = frame.kind_prefix(self.blocks[index].text) if not frame.kind_name(self.blocks[index].text) else None
        if prefixed:
            lines.append(prefixed[1])
        i = index + 1
        while i < len(self.blocks):
            block = self.blocks[i]
            if not isinstance(block, Para):
                break
            text = _clean(block.text)
            if not text or frame.is_rule(text):
                i += 1
                if lines:
                    break
                continue
            if _NOTE.match(text) or (lines and (_PREAMBLE_BASIS.match(text) or _PROPOSAL.match(text)
                                                or block.label)):
                break
            upper = text == vn.upper(text)
            if lines and not (block.align == "center" or block.bold or upper):
                break
            lines.append(text)
            i += 1
            if not (block.align == "center" or block.bold or upper):
                break
        note = None
        while i < len(self.blocks) and isinstance(self.blocks[i], Para) and not _clean(self.blocks[i].text):
            i += 1
        if i < len(self.blocks) and isinstance(self.blocks[i], Para) and _NOTE.match(_clean(self.blocks[i].text)):
            note = _clean(self.blocks[i].text)
            i += 1
        if not lines:
            self.note(("title",), tr("không tìm thấy trích yếu dưới tên loại văn bản", "no trích yếu under the type name"))
            lines = ["…"]
        return "\n".join(lines), i, note

    # -- the plan -----------------------------------------------------------------------------

    def plan_part(self, index: int, data: dict, standalone: bool) -> None:
        title, i, note = self.title(index)
        data["title"] = title
        period = _PERIOD.search(title.replace("\n", " "))
        if period and int(period.group(1)) <= int(period.group(2)):
            data["period"] = {"start": int(period.group(1)), "end": int(period.group(2))}
        end = next((j for j in range(i, len(self.blocks))
                    if _is_closing_table(self.blocks[j]) or _is_closing_para(self.blocks[j])), None)
        appendix_start = next((j for j in range(i, len(self.blocks)) if self._is_appendix(j)), len(self.blocks))
        if end is None or end > appendix_start:
            end = appendix_start
            if standalone:
                self.note(("signature",), tr("không tìm thấy Nơi nhận và chữ ký", "no Nơi nhận and signature found"))
        body = [b for b in self.blocks[i:end] if not isinstance(b, Break)]
        body = [b for b in body if not (isinstance(b, Para) and not b.full_text.strip())]
        preamble, rest = self.split_preamble(body)
        if preamble:
            data["preamble"] = self.preamble(preamble, data)
        root, tree_notes = outline.build_tree(rest)
        converter = outline.Converter()
        converter.pending = tree_notes
        sections, closing, before = converter.sections(root)
        self.notes += converter.notes
        if before:
            pre = data.setdefault("preamble", {})
            pre.setdefault("paragraphs", []).extend(before)
            self.note(("preamble", "paragraphs"), tr("đoạn văn trước mục đầu tiên được ghi là đoạn dẫn", "paragraphs before the first section are kept as preamble paragraphs"))
        if not sections:
            raise import_error("KH094", tr(
                "không phải một kế hoạch: không tìm thấy mục nào (I., II., … hoặc 1., 2., …)",
                "not a plan: no section found (I., II., … or 1., 2., …)"), self.path)
        data["sections"] = sections
        if closing:
            closing = [c for c in closing]
            closing[-1] = _unmark(closing[-1])
            data["closing"] = closing
        elif standalone:
            last = sections[-1]
            self._unmark_last(last)
            self.note(("sections",), tr("không có đoạn kết riêng: kehoach sẽ thêm câu kết mặc định; xóa hoặc sửa", "no closing paragraph: kehoach will add its default closing sentence; remove or edit it"))
        else:
            self._unmark_last(sections[-1])
        if standalone and end < len(self.blocks) and end < appendix_start:
            self.closing(end, appendix_start, data)
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

    def _unmark_last(self, section: dict) -> None:
        """The composer adds "./." to the last paragraph: take it off where the document has it."""
        target = section
        key = "closing" if section.get("closing") else "items" if section.get("items") else "text"
        values = target.get(key)
        while key == "items" and values:
            last = values[-1]
            if isinstance(last, str):
                values[-1] = _unmark(last)
                return
            if last.get("items"):
                values = last["items"]
                continue
            if last.get("text"):
                last["text"][-1] = _unmark(last["text"][-1])
            return
        if values:
            values[-1] = _unmark(values[-1])

    def split_preamble(self, body: list) -> tuple[list, list]:
        def section_start(block) -> bool:
            if not isinstance(block, Para):
                return False
            label, _rest = (block.label, block.text) if block.label else outline.labels.split_label(block.text)
            return bool(label) and outline.labels.kind_of(label) in (("roman",), ("upper",))
        index = next((i for i, b in enumerate(body) if section_start(b)), None)
        if index is None:
            index = next((i for i, b in enumerate(body) if isinstance(b, Para) and
                          (b.label or outline.labels.split_label(b.text)[0])), len(body))
        return body[:index], body[index:]

    def preamble(self, blocks: list, data: dict) -> dict:
        result: dict = {}
        bases: list[str] = []
        paragraphs: list[str] = []
        proposal = None
        enacting = None
        italic = True
        texts = [(b, _clean(_text_of(b))) for b in blocks if _clean(_text_of(b))]
        for index, (block, text) in enumerate(texts):
            last = index == len(texts) - 1
            if last and text.endswith(":") and "ban hành" in text:
                enacting = text
            elif _PREAMBLE_BASIS.match(text) and not paragraphs and proposal is None:
                bases.append(_strip_end(text))
                italic = italic and isinstance(block, Para) and block.italic
            elif _PROPOSAL.match(text) and proposal is None and index >= len(texts) - 2:
                proposal = text
            else:
                if proposal is not None:
                    paragraphs.append(proposal)
                    proposal = None
                paragraphs.append(text)
        if bases:
            result["bases"] = bases
            if not italic:
                result["bases_italic"] = False
        if paragraphs:
            result["paragraphs"] = paragraphs
        if proposal:
            result["proposal"] = proposal
        if enacting:
            title = " ".join(data.get("title", "").split())
            kind = data.get("kind", "KẾ HOẠCH")
            kind_name = kind[:1] + kind[1:].lower()
            body, sep, _ = enacting.partition(" ban hành ")
            if sep and enacting == f"{body} ban hành {kind_name} {_inline(title)} như sau:":
                result["enacting"] = {"body": body}
            else:
                result["enacting"] = {"text": enacting}
        else:
            self.note(("preamble",), tr("không tìm thấy câu ban hành ('… ban hành Kế hoạch … như sau:')", "no enacting sentence ('… ban hành Kế hoạch … như sau:') found"))
        return result

    # -- closing: recipients and signature ----------------------------------------------------

    def closing(self, start: int, end: int, data: dict, target: dict | None = None) -> None:
        target = data if target is None else target
        block = self.blocks[start]
        if isinstance(block, Table):
            left: list[Line] = []
            right: list[Line] = []
            for row in block.rows:
                for index, cell in enumerate(row):
                    for para in cell.paras:
                        for column, line in segments(para):
                            (left if index == 0 and column == 0 else right).append(line)
            extra = [b for b in self.blocks[start + 1:end] if isinstance(b, Para) and b.text.strip()]
        else:
            left, right = [], []
            in_signature = False
            for b in self.blocks[start:end]:
                if not isinstance(b, Para):
                    continue
                if b.label:  # a list item whose "-" comes from automatic numbering
                    b = Para([Run(b.label + " "), *b.runs], align=b.align, style=b.style)
                for column, line in segments(b):
                    if re.match(r"Nơi\s+nhận", line.text):
                        left.append(line)
                    elif line.text[:1].islower() and left and not in_signature:
                        left[-1] = Line(left[-1].text + " " + line.text, left[-1].bold, left[-1].italic)
                    elif column == 1:
                        right.append(line)
                    elif in_signature or not (line.text[:1] in "-–+•" or re.match(r"Nơi\s+nhận", line.text)
                                              or line.text.endswith(":")):
                        in_signature = True
                        right.append(line)
                    else:
                        left.append(line)
            extra = []
        sig_lines = right + [Line(_clean(p.text), p.bold, p.italic) for p in extra]
        sig = frame.signature(sig_lines)
        rec = frame.recipients(left)
        prefix = () if target is data else ("decision",)
        self.notes += [(prefix + ("signature",) + p, m) for p, m in sig.notes]
        self.notes += [(prefix + ("recipients",) + p, m) for p, m in rec.notes]
        target["signature"] = sig.data
        if rec.data:
            target["recipients"] = rec.data

    # -- appendices ---------------------------------------------------------------------------

    def _is_appendix(self, index: int) -> bool:
        block = self.blocks[index]
        return isinstance(block, Para) and bool(_APPENDIX.match(_clean(block.text))) and \
            len(_clean(block.text)) < 30

    def appendices(self, start: int, data: dict) -> list[dict]:
        starts = [i for i in range(start, len(self.blocks)) if self._is_appendix(i)]
        out: list[dict] = []
        for number, begin in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(self.blocks)
            out.append(self.appendix(begin, end, number, len(starts), data))
        return out

    def appendix(self, begin: int, end: int, number: int, count: int, data: dict) -> dict:
        label = _clean(self.blocks[begin].text)
        result: dict = {}
        default = "PHỤ LỤC" if count == 1 else f"PHỤ LỤC {vn.roman(number + 1)}"
        if label != default:
            result["label"] = label
        i = begin + 1
        titles: list[str] = []
        note = None
        while i < end and isinstance(self.blocks[i], Para):
            text = _clean(self.blocks[i].text)
            i += 1
            if not text:
                continue
            if _NOTE.match(text):
                note = text
                break
            titles.append(text)
            if not (self.blocks[i - 1].bold or text == vn.upper(text)):
                break
        result["title"] = " ".join(titles) or "…"
        if note and note != self._default_note(data):
            result["note"] = note
        texts: list[str] = []
        found_tables: list[dict] = []
        pending_title = None
        for block in self.blocks[i:end]:
            if isinstance(block, Table):
                table = tables.convert(block)
                if pending_title:
                    table = {"title": pending_title, **table}
                    pending_title = None
                found_tables.append(table)
            elif isinstance(block, Para) and _clean(block.full_text):
                if pending_title:
                    texts.append(pending_title)
                text = _clean(block.full_text)
                if block.align == "center" and block.bold:
                    pending_title = text
                else:
                    pending_title = None
                    texts.append(text)
                    if found_tables:
                        self.note(("appendices", number, "text"), tr("đoạn văn sau bảng được đưa lên trước bảng", "a paragraph after the table is moved before it"))
        if pending_title:
            texts.append(pending_title)
        if texts:
            result["text"] = texts
        if found_tables:
            result["tables"] = found_tables
        return result

    def _default_note(self, data: dict) -> str:
        lh = data["letterhead"]
        from ..model import date_parts, KINDS  # noqa: F401  (date parts of the plan's date)
        number = lh.get("number") or ""
        number = f"0{number}" if number.isdigit() and len(number) == 1 else (number or "     ")
        kind = data.get("kind", "KẾ HOẠCH")
        parent = "Quyết định" if data.get("decision") else kind[:1] + kind[1:].lower()
        symbol = lh.get("symbol") or f"{KINDS['QUYẾT ĐỊNH' if data.get('decision') else kind]}-{lh['abbreviation']}"
        issuer = lh.get("issuer_name") or " ".join(lh.get("issuer", []))
        words = vn.date_words(*date_parts(lh.get("date")))
        return f"(Kèm theo {parent} số {number}/{symbol} {words} của {issuer})"

    # -- the decision wrapper -----------------------------------------------------------------

    def decision(self, index: int, end: int) -> dict:
        title, i, _note = self.title(index)
        result: dict = {"title": title}
        closing = next((j for j in range(i, end) if _is_closing_table(self.blocks[j])
                        or _is_closing_para(self.blocks[j])), end)
        body = [b for b in self.blocks[i:closing] if isinstance(b, Para) and _clean(b.full_text)]
        if body and not _PREAMBLE_BASIS.match(_clean(body[0].text)):
            result["authority"] = _clean(body.pop(0).text)
        elif "\n" in title:  # plain text: no rule under the trích yếu, the authority line ran into it
            result["title"], result["authority"] = title.rsplit("\n", 1)
        else:
            result["authority"] = "…"
            self.note(("decision", "authority"), tr("không tìm thấy dòng thẩm quyền ban hành", "no authority line found"))
        bases: list[str] = []
        articles: list[dict] = []
        while body and not re.fullmatch(r"QUYẾT ĐỊNH\s*:", _clean(body[0].text)):
            text = _clean(body.pop(0).full_text)
            if _PROPOSAL.match(text):
                result["proposal"] = _strip_end(text)
            else:
                bases.append(_strip_end(text))
        if body:
            body.pop(0)
        for para in body:
            text = _clean(para.full_text)
            match = _ARTICLE.match(text)
            if match:
                articles.append({"text": [match.group("rest")]} if not para.bold else {"heading": match.group("rest")})
            elif articles:
                articles[-1].setdefault("text", []).append(text)
            else:
                bases.append(text)
        if bases:
            result["bases"] = bases
            keys = list(result)
            result = {k: result[k] for k in ["title", "authority", "bases", *[k for k in keys if k not in
                                                                              ("title", "authority", "bases")]]}
        if articles:
            last = articles[-1]
            if last.get("text"):
                last["text"][-1] = _unmark(last["text"][-1])
        result["articles"] = articles or [{"text": ["…"]}]
        if closing < end:
            self.closing(closing, end, {}, target=result)
        else:
            result["signature"] = {"title": "…", "name": "…"}
            self.note(("decision", "signature"), tr("không tìm thấy chữ ký của quyết định", "no signature of the decision found"))
        return result

    def _fix_authority_name(self, data: dict) -> None:
        """Keep the plan's '(Ban hành kèm theo Quyết định … của X)' line: X becomes authority_name
        when it is not the issuer's name."""
        title_note = None
        for block in self.blocks:
            if isinstance(block, Para) and _clean(block.text).startswith("(Ban hành kèm theo"):
                title_note = _clean(block.text)
                break
        if not title_note:
            return
        match = re.search(r" của (.+)\)$", title_note)
        issuer = data["letterhead"].get("issuer_name") or " ".join(data["letterhead"].get("issuer", []))
        if match and match.group(1) != issuer:
            decision = data["decision"]
            ordered = {}
            for key, value in decision.items():
                ordered[key] = value
                if key == "authority":
                    ordered["authority_name"] = match.group(1)
            data["decision"] = ordered

    def _order(self, data: dict) -> None:
        order = ["profile", "kind", "letterhead", "title", "period", "preamble", "sections", "closing",
                 "signature", "recipients", "appendices", "decision"]
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

    def _issuer_name_from_notes(self, data: dict) -> None:
        """An appendix note '(Kèm theo … của UBND tỉnh Nghệ An)' names the issuer as sentences do."""
        for appendix in data.get("appendices", []):
            note = appendix.get("note")
            match = re.search(r" của (.+)\)$", note or "")
            if not match:
                continue
            lh = data["letterhead"]
            trial = {**data, "letterhead": {**lh, "issuer_name": match.group(1)}}
            if self._default_note(trial) == note:
                lh_new = {}
                for key, value in lh.items():
                    lh_new[key] = value
                    if key == "issuer":
                        lh_new["issuer_name"] = match.group(1)
                data["letterhead"] = lh_new
                for other in data.get("appendices", []):
                    if other.get("note") == note:
                        del other["note"]
            return


def _strip_end(text: str) -> str:
    text = text.rstrip()
    while text.endswith((";", ",")) or (text.endswith(".") and not text.endswith("..")):
        text = text[:-1].rstrip()
    return text


def _unmark(text: str) -> str:
    """'… thực hiện./.' → '… thực hiện.' (the composer adds the end mark again)."""
    text = text.rstrip()
    if text.endswith("./."):
        return text[:-2]
    if text.endswith("/."):
        return text[:-2]
    return text


def _inline(title: str) -> str:
    if len(title) > 1 and title[1].islower():
        return title[0].lower() + title[1:]
    return title


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


def recognise(source: Source, path: Path) -> Result:
    return Recogniser(source, path).run()
