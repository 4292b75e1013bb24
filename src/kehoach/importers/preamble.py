"""The preamble of a plan: its bases ("Căn cứ …", "Thực hiện …"), lead paragraphs, the proposal line
("Theo đề nghị …") and the enacting sentence that ends it ("… ban hành Kế hoạch … như sau:").

``split_preamble`` cuts the body before its first section heading; ``preamble`` reads what is before
it. A table there has no place (the preamble holds no table): its rows become paragraphs, with a note.
"""

from __future__ import annotations

import re
from ..common.diagnostics import Code
from ..common.vn import inline_title, sentence_case, strip_end
from collections.abc import Callable

from . import outline
from .blocks import Para, Table
from .common import PREAMBLE_BASIS, PROPOSAL, basis_marks, clean, text_of
from .emphasis import para_marked
from .notes import said

# The enacting sentence ends the preamble with a colon: "… ban hành Kế hoạch … như sau:", "… với những
# nội dung cụ thể như sau:", "… các nội dung sau đây:".
ENACTING = re.compile(r"ban hành|như sau|sau đây|các nội dung|những nội dung", re.I)


class PreambleReader:
    """Mixed into ``Recogniser``: reads the blocks it is given and says notes with ``self.note``."""

    # what the recogniser it is mixed into holds (declared for the type checker, not set here)
    note: Callable[..., None]  # (plan path, message, block of the original it is about)

    def split_preamble(self, body: list) -> tuple[list, list]:
        def section_start(block) -> bool:
            if not isinstance(block, Para):
                return False
            label, _rest = (block.label, block.text) if block.label else outline.labels.split_label(block.text)
            return bool(label) and outline.labels.kind_of(label) in (("roman",), ("upper",), ("chapter",))
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
        texts = [(b, clean(text_of(b))) for b in blocks if clean(text_of(b)) and not isinstance(b, Table)]
        loose = [line for b in blocks if isinstance(b, Table) for line in outline.table_lines(b)]
        if loose:  # the preamble holds no table: its rows are paragraphs, and the officer is told
            table = next(b for b in blocks if isinstance(b, Table))
            self.note(("preamble", "paragraphs"), said("KH521",
                "bảng trước mục đầu tiên: phần mở đầu không chứa bảng, các dòng được ghi thành đoạn văn",
                "a table before the first section: the preamble holds no table, its rows are kept as paragraphs"),
                block=table)
        base_blocks: list = []
        proposal_block = enacting_block = None

        def written(block, base=(False, False)) -> str:  # the text with its inline emphasis
            return para_marked(block, base) if isinstance(block, Para) else clean(text_of(block))

        for index, (block, text) in enumerate(texts):
            last = index == len(texts) - 1
            if last and text.endswith(":") and ENACTING.search(text):
                enacting, enacting_block = text, block
            elif PREAMBLE_BASIS.match(text) and not paragraphs and proposal is None:
                base_blocks.append(block)
                italic = italic and isinstance(block, Para) and block.italic
            elif PROPOSAL.match(text) and proposal is None and index >= len(texts) - 2:
                proposal, proposal_block = text, block
            else:
                if proposal is not None:
                    paragraphs.append(written(proposal_block))
                    proposal = None
                paragraphs.append(written(block))
        switches = basis_marks([clean(text_of(b)) for b in base_blocks])
        bases = [written(b, (False, italic)) for b in base_blocks]
        if switches.get("basis_marks") != "keep":
            bases = [strip_end(b) for b in bases]
        if switches:
            data.setdefault("generated", {}).update(switches)
        if proposal is not None:
            proposal_italic = isinstance(proposal_block, Para) and proposal_block.italic
            proposal = written(proposal_block, (False, proposal_italic))
            if proposal_italic:
                data.setdefault("generated", {})["proposal_italic"] = True
        if bases:
            result["bases"] = bases
            if not italic:
                result["bases_italic"] = False
        paragraphs += loose
        if paragraphs:
            result["paragraphs"] = paragraphs
        if proposal:
            result["proposal"] = proposal
        if enacting:
            title = " ".join(data.get("title", "").split())
            kind = data.get("kind", "KẾ HOẠCH")
            kind_name = sentence_case(kind)
            body, sep, _ = enacting.partition(" ban hành ")
            # templates/enacting.j2's default sentence: one the build prints again keeps only its body
            if sep and enacting == f"{body} ban hành {kind_name} {inline_title(title)} như sau:":
                result["enacting"] = {"body": body}
            else:  # as written, with its bold and italic runs
                result["enacting"] = {"text": written(enacting_block)}
        else:
            self.note(("preamble",), said("KH519", "không tìm thấy câu ban hành ('… ban hành Kế hoạch … như sau:')", "no enacting sentence ('… ban hành Kế hoạch … như sau:') found"))
        return result


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH519", "info", "Không tìm thấy câu ban hành", "No enacting sentence found",
         "Phần mở đầu không kết thúc bằng câu '… ban hành Kế hoạch … như sau:'; kehoach sẽ in câu mặc định. Ghi "
         "trong tệp YAML là '# kiểm tra (KH519): …' ngay trên mục liên quan.",
         "The preamble does not end with '… ban hành Kế hoạch … như sau:'; kehoach prints its default one. Written "
         "in the YAML as '# kiểm tra (KH519): …' right above the entry."),
    Code("KH521", "info", "Bảng trước mục đầu tiên", "A table before the first section",
         "Phần mở đầu không chứa bảng: các dòng của bảng được ghi thành đoạn văn (ô cách nhau bằng '|'). Ghi trong "
         "tệp YAML là '# kiểm tra (KH521): …' ngay trên mục liên quan.",
         "The preamble holds no table: the table's rows are kept as paragraphs (cells joined by '|'). Written in "
         "the YAML as '# kiểm tra (KH521): …' right above the entry."),
)
