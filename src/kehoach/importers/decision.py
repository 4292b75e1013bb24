"""The decision wrapper: a Quyết định whose Điều 1 issues the plan attached to it."""

from __future__ import annotations

import re

from ..common import vn
from ..common.diagnostics import Code
from ..common.vn import strip_end
from .blocks import Break, Para, Table
from .common import (
    ARTICLE,
    PREAMBLE_BASIS,
    PROPOSAL,
    clean,
    is_closing_para,
    is_closing_table,
    text_of,
    unmark,
)
from .emphasis import drop_chars, marked, para_marked
from .notes import said


class DecisionReader:
    """Mixed into ``Recogniser``: reads ``self.blocks`` and adds to ``self.notes``."""

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
            text = clean(block.full_text)
            if text[:1] in "-–+•" or text.endswith(":") or text[:1].islower():
                continue
            if text == vn.upper(text):
                seen_upper = True
            elif seen_upper:
                return index + 1
        return len(self.blocks)

    def decision(self, index: int, end: int) -> dict:
        title, i, _note = self.title(index)
        result: dict = {"title": title}
        closing = next((j for j in range(i, end) if is_closing_table(self.blocks[j])
                        or is_closing_para(self.blocks[j])), end)
        body = [b for b in self.blocks[i:closing] if isinstance(b, Para) and clean(b.full_text)]
        for table in (b for b in self.blocks[i:closing] if isinstance(b, Table)):  # an article holds no table
            self.note(("decision", "articles"), said("KH525", "bảng trong quyết định không được nhập: {t}",
                                                   "a table in the decision is not imported: {t}",
                                                   t=" ".join(text_of(table).split())[:80]), table)
        # A legal document of the 2025 law has no authority line and no "QUYẾT ĐỊNH:" line: its
        # bases end with an enacting sentence ("Ủy ban nhân dân tỉnh ban hành Quyết định …").
        old_form = any(re.fullmatch(r"QUYẾT ĐỊNH\s*:", clean(b.text)) for b in body)
        if body and not PREAMBLE_BASIS.match(clean(body[0].text)):
            result["authority"] = clean(body.pop(0).text)
        elif "\n" in title:  # plain text: no rule under the trích yếu, the authority line ran into it
            result["title"], result["authority"] = title.rsplit("\n", 1)
        elif old_form:
            result["authority"] = "…"
            self.note(("decision", "authority"), said("KH526", "không tìm thấy dòng thẩm quyền ban hành", "no authority line found"))
        bases: list[str] = []
        articles: list[dict] = []
        while body and not re.fullmatch(r"QUYẾT ĐỊNH\s*:", clean(body[0].text)) \
                and not ARTICLE.match(clean(body[0].full_text)):
            para = body.pop(0)
            text = clean(para.full_text)
            # the bases print in italic: the emphasis inside them is what differs from the paragraph's own
            written = strip_end(clean(para_marked(para, (False, para.italic))))
            if PROPOSAL.match(text):
                # Kept as printed: "Theo đề nghị ….", as Mẫu 1.2/1.3 print it, or "…," (compose prints it as typed)
                result["proposal"] = text.rstrip()
            elif not old_form and body and ARTICLE.match(clean(body[0].full_text)) and " ban hành " in text:
                result["enacting"] = written
            else:
                bases.append(written)
        if body and not ARTICLE.match(clean(body[0].full_text)):
            body.pop(0)
        for para in body:
            text = clean(para.full_text)
            match = ARTICLE.match(text)
            if match and para.bold:
                articles.append({"heading": match.group("rest")})
            elif match:  # the text after "Điều 1." with its own bold and italic
                rest = drop_chars(para.runs, len(text) - len(match.group("rest"))) if not para.label else []
                articles.append({"text": [clean(marked(rest)) if rest else match.group("rest")]})
            elif articles:
                articles[-1].setdefault("text", []).append(clean(para_marked(para)))
            else:
                bases.append(text)
        if bases:
            result["bases"] = bases
            first = [k for k in ("title", "authority", "bases", "proposal", "enacting") if k in result]
            result = {k: result[k] for k in [*first, *[k for k in result if k not in first]]}
        if articles:
            last = articles[-1]
            if last.get("text"):
                last["text"][-1] = unmark(last["text"][-1])
        result["articles"] = articles or [{"text": ["…"]}]
        if closing < end:
            said_before = len(self.notes)
            self.closing(closing, end, {}, target=result)
            self.about_since(said_before, closing)
        else:
            result["signature"] = {"title": "…", "name": "…"}
            self.note(("decision", "signature"), said("KH527", "không tìm thấy chữ ký của quyết định", "no signature of the decision found"))
        return result

    def _fix_authority_name(self, data: dict) -> None:
        """Keep the plan's '(Ban hành kèm theo Quyết định … của X)' line: X becomes authority_name
        when it is not the issuer's name."""
        title_note = None
        for block in self.blocks:
            if not isinstance(block, Para):
                continue
            line = next((clean(part) for part in block.text.split("\n")
                         if clean(part).startswith("(Ban hành kèm theo")), None)
            if line:
                title_note = line
                break
        if not title_note:
            return
        match = re.search(r" của (.+)\)$", title_note)
        issuer = data["letterhead"].get("issuer_name") or " ".join(data["letterhead"].get("issuer", []))
        if match and match.group(1) != issuer:
            decision = data["decision"]
            ordered = {}
            after = "authority" if "authority" in decision else "title"
            for key, value in decision.items():
                ordered[key] = value
                if key == after:
                    ordered["authority_name"] = match.group(1)
            data["decision"] = ordered


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH525", "info", "Bảng trong quyết định không được nhập", "A table in the decision is not imported",
         "Các điều của quyết định không chứa bảng; nội dung bảng phải được chép lại bằng tay. Ghi trong tệp YAML "
         "là '# kiểm tra (KH525): …' ngay trên mục liên quan.",
         "A decision's articles hold no table; its content must be copied by hand. Written in the YAML as '# kiểm "
         "tra (KH525): …' right above the entry."),
    Code("KH526", "info", "Không tìm thấy dòng thẩm quyền", "No authority line found",
         "Quyết định không có dòng thẩm quyền ban hành (CHỦ TỊCH ỦY BAN NHÂN DÂN …); điền 'authority'. Ghi trong "
         "tệp YAML là '# kiểm tra (KH526): …' ngay trên mục liên quan.",
         "The decision has no authority line (CHỦ TỊCH ỦY BAN NHÂN DÂN …); fill in 'authority'. Written in the "
         "YAML as '# kiểm tra (KH526): …' right above the entry."),
)
