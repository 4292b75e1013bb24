"""Appendices after the signature: label, title, "(Kèm theo …)" note, tables and text."""

from __future__ import annotations

import re

from ..common import nd30, vn
from . import captions, tables
from .blocks import Para, Table
from .common import APPENDIX, NOTE, clean, clean_keeping_slots
from .notes import about


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
                # a note that wraps onto the next paragraphs ends at its closing parenthesis; its
                # blanks (a draft's number and day) stay blank
                parts = [self.blocks[i - 1].text]
                while text.count("(") > text.count(")") and i < end and isinstance(self.blocks[i], Para) \
                        and clean(self.blocks[i].text) and len(parts) < 4:
                    parts.append(self.blocks[i].text)
                    text = clean(" ".join(parts))
                    i += 1
                note = clean_keeping_slots(" ".join(parts))
                break
            lines = [line for line in self.blocks[i - 1].text.split("\n") if clean(line)]
            at_note = next((k for k, line in enumerate(lines) if k and NOTE.match(clean(line))), None)
            if at_note is not None:  # "TÊN PHỤ LỤC" + a soft break + "(Kèm theo …)" in one paragraph
                titles += [clean(line) for line in lines[:at_note]]
                note = clean_keeping_slots(" ".join(lines[at_note:]))
                break
            titles.append(text)
            if not (self.blocks[i - 1].bold or text == vn.upper(text)):
                break
        result["title"] = " ".join(titles) or "…"
        if note and note != self._default_note(data):
            result["note"] = note
        # In order: the text before the first table, then (text, tables) runs; an appendix prints its
        # text, then its items, then its tables, so text after a table needs items to keep its place.
        runs: list[tuple[list[str], list[dict]]] = [([], [])]
        problems: list[tuple[int, int, str]] = []  # (run, table in the run, what could not be kept)
        for block in captions.attach(self.blocks[i:end]):
            if isinstance(block, Table):
                found: list[str] = []
                runs[-1][1].append(tables.convert(block, found))
                found = [about(problem, block) for problem in found]
                problems += [(len(runs) - 1, len(runs[-1][1]) - 1, problem) for problem in found]
            elif isinstance(block, Para) and clean(block.full_text):
                if runs[-1][1]:
                    runs.append(([], []))
                runs[-1][0].append(clean(block.full_text))
        texts, found_tables = runs[0]
        if texts:
            result["text"] = texts
        if len(runs) == 1:
            if found_tables:
                result["tables"] = found_tables
            for _run, index, problem in problems:
                self.note(("appendices", number, "tables", index), problem)
            return result
        items: list[dict] = []
        if found_tables:
            items.append({"label": "", "tables": found_tables})
        for more_texts, more_tables in runs[1:]:
            item: dict = {"label": "", "text": more_texts}
            if more_tables:
                item["tables"] = more_tables
            items.append(item)
        result["items"] = items
        first = 0 if found_tables else 1  # the item each run became
        for run, index, problem in problems:
            self.note(("appendices", number, "items", run - first, "tables", index), problem)
        return result

    def _default_note(self, data: dict) -> str:
        """The note templates/attachment_note.j2 prints by default (its values from common/vn, as compose
        gives them): a note equal to it is left for the build to print again."""
        lh = data["letterhead"]
        from ..model import KINDS, date_parts
        number = vn.number_text(lh.get("number"))
        kind = data.get("kind", "KẾ HOẠCH")
        parent = "Quyết định" if data.get("decision") else vn.sentence_case(kind)
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
