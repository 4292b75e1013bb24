"""Appendices after the signature: label, title, "(Kèm theo …)" note, tables and text."""

from __future__ import annotations

import re

from .. import nd30, vn
from ..i18n import tr
from . import tables
from .blocks import Para, Table
from .common import APPENDIX, NOTE, clean


class AppendixReader:
    """Mixed into ``Recogniser``: reads ``self.blocks`` and adds to ``self.notes``."""

    def _is_appendix(self, index: int) -> bool:
        block = self.blocks[index]
        return isinstance(block, Para) and bool(APPENDIX.match(clean(block.text))) and \
            len(clean(block.text)) < 30

    def appendices(self, start: int, data: dict) -> list[dict]:
        starts = [i for i in range(start, len(self.blocks)) if self._is_appendix(i)]
        out: list[dict] = []
        for number, begin in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(self.blocks)
            out.append(self.appendix(begin, end, number, len(starts), data))
        return out

    def appendix(self, begin: int, end: int, number: int, count: int, data: dict) -> dict:
        label = clean(self.blocks[begin].text)
        result: dict = {}
        if label != nd30.appendix_label(number, count):
            result["label"] = label
        i = begin + 1
        titles: list[str] = []
        note = None
        while i < end and isinstance(self.blocks[i], Para):
            text = clean(self.blocks[i].text)
            i += 1
            if not text:
                continue
            if NOTE.match(text):
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
            elif isinstance(block, Para) and clean(block.full_text):
                if pending_title:
                    texts.append(pending_title)
                text = clean(block.full_text)
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
        from ..model import date_parts, KINDS
        number = lh.get("number") or ""
        number = f"0{number}" if number.isdigit() and len(number) == 1 else (number or "     ")
        kind = data.get("kind", "KẾ HOẠCH")
        parent = "Quyết định" if data.get("decision") else kind[:1] + kind[1:].lower()
        symbol = lh.get("symbol") or f"{KINDS['QUYẾT ĐỊNH' if data.get('decision') else kind]}-{lh['abbreviation']}"
        issuer = lh.get("issuer_name") or " ".join(lh.get("issuer", []))
        words = vn.date_words(*date_parts(lh.get("date")))
        return f"(Kèm theo {parent} số {number}/{symbol} {words} của {issuer})"

    # -- the decision wrapper -----------------------------------------------------------------

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
