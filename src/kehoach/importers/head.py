"""The head of a document as the recogniser reads it: the letterhead's lines (``frame.letterhead``,
whatever their layout) and the trích yếu under the type name, with the "(Ban hành kèm theo …)" line
that may stand under it."""

from __future__ import annotations

from collections.abc import Callable

from ..common import vn
from ..common.diagnostics import Code
from ..common.textwidth import join_balanced_title_lines
from . import frame, legal
from .blocks import Para
from .common import NOTE, PREAMBLE_BASIS, PROPOSAL, clean, clean_keeping_slots, lines_of
from .notes import about, said


class HeadReader:
    """Mixed into ``Recogniser``: reads ``self.blocks`` and says notes with ``self.note``."""

    # what the recogniser it is mixed into holds (declared for the type checker, not set here)
    blocks: list
    notes: list[tuple[tuple, str]]
    note: Callable[..., None]  # (plan path, message, block of the original it is about)

    def letterhead(self, blocks: list, numbered: bool) -> dict:
        left, right = lines_of(blocks)
        found = frame.letterhead(left + right, numbered=numbered)
        self.notes += [(path, about(message, blocks[0] if blocks else None)) for path, message in found.notes]
        return found.data

    def title(self, index: int) -> tuple[str, int, str | None]:
        """(trích yếu, index after the title, the note line under it if any)."""
        lines: list[str] = []
        note = None
        prefixed = frame.kind_prefix(self.blocks[index].text) if not frame.kind_name(self.blocks[index].text) else None
        if prefixed:
            lines.append(prefixed[1])
        i = index + 1
        while i < len(self.blocks):
            block = self.blocks[i]
            if not isinstance(block, Para):
                break
            text = clean(block.text)
            if not text or frame.is_rule(text):
                i += 1
                if lines:
                    break
                continue
            if legal.is_legal_label(text) and lines:
                break  # "Chương I" under the trích yếu of a Quy định
            parts = [clean(part) for part in block.text.split("\n") if clean(part)]
            at_note = next((k for k, part in enumerate(parts) if k and NOTE.match(part)), None)
            if at_note is not None:  # "TRÍCH YẾU" + a soft break + "(Ban hành kèm theo …)"
                lines += parts[:at_note]
                note = clean_keeping_slots(" ".join([p for p in block.text.split("\n") if clean(p)][at_note:]))
                i += 1
                break
            if NOTE.match(text) or (lines and (PREAMBLE_BASIS.match(text) or PROPOSAL.match(text)
                                                or block.label)):
                break
            upper = text == vn.upper(text)
            if lines and not (block.align == "center" or block.bold or upper):
                break
            lines.append(text)
            i += 1
            if not (block.align == "center" or block.bold or upper):
                break
        while i < len(self.blocks) and isinstance(self.blocks[i], Para) and not clean(self.blocks[i].text):
            i += 1
        if note is None and i < len(self.blocks) and isinstance(self.blocks[i], Para) \
                and NOTE.match(clean(self.blocks[i].text)):
            raw = [self.blocks[i].text]
            i += 1
            while clean(" ".join(raw)).count("(") > clean(" ".join(raw)).count(")") and len(raw) < 4 \
                    and i < len(self.blocks) and isinstance(self.blocks[i], Para) and clean(self.blocks[i].text):
                raw.append(self.blocks[i].text)  # the line wraps onto the next paragraph
                i += 1
            note = clean_keeping_slots(" ".join(raw))  # a draft's blank number and day stay blank
        if not lines:
            self.note(("title",), said("KH517", "không tìm thấy trích yếu dưới tên loại văn bản",
                                       "no trích yếu under the type name"), index)
            lines = ["…"]
        # A line the writer balanced over several lines is one line of the plan again.
        return "\n".join(join_balanced_title_lines(lines)), i, note


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH517", "info", "Không tìm thấy trích yếu", "No trích yếu found",
         "Không có dòng trích yếu dưới tên loại văn bản; 'title' được để '…'. Ghi trong tệp YAML là '# kiểm tra "
         "(KH517): …' ngay trên mục liên quan.",
         "No trích yếu line under the type name; 'title' is left as '…'. Written in the YAML as '# kiểm tra "
         "(KH517): …' right above the entry."),
)
