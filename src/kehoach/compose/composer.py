"""Compose (dựng văn bản): a ``Plan`` becomes the ``Document`` block tree every writer reads.

Structure is decided here, in Python: labels computed from the tree, punctuation the decree asks for
(";" after each căn cứ and "." after the last, "./." at the end of the body, ";" after each Nơi nhận
and "." after the "Lưu" line), tables with merged header cells, the decision wrapper. Wording
(default headings, set sentences) comes from the templates through ``Wording``.

Choices worth knowing:

- A literal ``label`` replaces the computed one and does not take a number: in items
  ``[a, {label: "*"}, b]`` the computed labels are "1.", "*", "2.". ``label: ""`` prints no label.
- A run-in heading joins its first paragraph with ": " (or a space when the heading already ends
  with ":" or "."): "1. Sở Tài chính: Chủ trì …".
- A task's lead, partners, deadline and product are printed as "- Cơ quan chủ trì: …" lines under
  it only when its heading and text do not already contain that value; a section's ``lead`` is not
  printed (it is for the lint rules). Labels, lines and end marks follow ``task_labels``; a section
  with ``tasks: table`` prints no task, they go to the generated "Danh mục nhiệm vụ" appendix
  (``compose.tasks``) and take no number (``model/numbering``, the labels lint judges too).
- Table cells: integers of five digits or more get the Vietnamese thousands separator ("1.500.000");
  shorter ones (years, counts) are printed as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import model as m
from ..common import nd30, vn
from ..common.textwidth import break_letterhead_line
from ..common.vn import inline_title, money, number_text, sentence_case, strip_end
from ..model.numbering import Numbered, appendix_items, article_items, section_items, section_labels
from . import document as doc
from . import emphasis, footnotes
from . import tasks as t
from .closing import recipient_lines, signature_block
from .figures import reporting_values, target_value
from .paragraphs import body, para, styled
from .tables import needs_landscape, table
from .text import end_mark, proposal_line
from .wording import Wording, wording


def compose(plan: m.Plan, *, templates: Path | None = None) -> doc.Document:
    """The Document of ``plan``; wording templates from ``templates`` shadow the defaults."""
    return _Composer(plan, wording(templates)).document()


class _Composer:
    def __init__(self, plan: m.Plan, wording: Wording) -> None:
        self.plan = plan
        self.wording = wording
        self.kind_name = sentence_case(plan.kind)
        lh = plan.letterhead
        self.number = number_text(lh.number)
        self.date_words = vn.date_words(*m.date_parts(lh.date))  # blanks where a draft leaves them
        self.styles = plan.styles or m.Styles()
        self.generated = plan.generated or m.Generated()
        self.plan_labels = plan.task_labels or m.TaskLabels()
        self.labels = self.plan_labels  # the section being composed: its task labels and form
        self.section_now: m.Section | None = None

    def heading_style(self, own: str | None, level: int, default: str) -> str:
        return own or self.styles.headings.get(level) or default

    def label_style(self, own: str | None, level: int, default: str) -> str:
        return own or self.styles.labels.get(level) or default

    def document(self) -> doc.Document:
        plan = self.plan
        if plan.decision is None:
            parts = [self.plan_part(standalone=True)]
        else:
            parts = [self.decision_part(plan.decision), self.plan_part(standalone=False)]
        document = doc.Document(parts=parts, title=plan.title, author=plan.issuer_name,
                                date=m.date_parts(plan.letterhead.date))
        footnotes.number(document, plan.footnotes)
        return document

    # -- letterhead, title, signature, recipients -------------------------------------------

    def letterhead(self, numbered: bool) -> doc.Letterhead:
        lh = self.plan.letterhead
        # A name too wide for its column breaks where a reader expects it, before the unit
        # ("ỦY BAN NHÂN DÂN" / "PHƯỜNG BA ĐÌNH"), not wherever the width runs out.
        return doc.Letterhead(
            parent=[part for line in lh.parent for part in break_letterhead_line(vn.upper(line), bold=False)],
            issuer=[part for line in lh.issuer for part in break_letterhead_line(vn.upper(line), bold=True)],
            number_line=f"Số: {self.number}/{self.plan.symbol}" if numbered else None,
            place_date=f"{lh.place}, {self.date_words}" if numbered else None,
            stamps=[vn.upper(level) for level in (self.plan.classification, self.plan.urgency) if level and numbered],
        )

    # -- the plan ----------------------------------------------------------------------------

    def plan_part(self, standalone: bool) -> doc.Part:
        plan = self.plan
        note = None if standalone or not self.generated.issued_with_note else self.wording.render(
            "issued_with_note.j2", **self.reference_values())
        if plan.title_note:  # the line as the plan gives it, blanks of a draft's reference kept
            note = plan.title_note
        title = doc.Title(kind=plan.kind, lines=plan.title.splitlines() or [plan.title], note=note)
        blocks: list[doc.Block] = []
        if plan.preamble:
            blocks += self.preamble(plan.preamble)
        for section, label in zip(plan.sections, section_labels(plan)):
            blocks += self.section(section, label)
        closing_texts = list(plan.closing)
        if not closing_texts and standalone and self.generated.closing:
            closing_texts = [self.wording.render("closing.j2", **self.sentence_values())]
        blocks += [para(doc.ParaKind.closing, text) for text in closing_texts]
        if self.generated.end_mark:
            self.finish_body(blocks)
        closing = None
        if plan.signature is not None or (standalone and plan.status == "draft"):
            # A draft not signed yet still shows its Nơi nhận, with the signature space left empty.
            signature = signature_block(plan.signature) if plan.signature else None
            closing = doc.Closing(recipient_lines(plan.recipients, archive_line=self.generated.archive_line), signature)
        appendices = self.appendices()
        letterhead = self.letterhead(numbered=standalone and plan.status != "attachment")
        if not standalone and not self.generated.attachment_letterhead:
            letterhead = None
        return doc.Part(letterhead, title, blocks, closing, appendices)

    def sentence_values(self) -> dict[str, str]:
        plan = self.plan
        title = " ".join(plan.title.split())  # a trích yếu typed over several lines reads as one
        return {"kind_name": self.kind_name, "title": title, "title_inline": inline_title(title),
                "issuer_name": plan.issuer_name}

    def reference_values(self) -> dict[str, str]:
        """What an attachment note cites: the decision when one issues the plan, else the plan."""
        plan = self.plan
        issuer_name = (plan.decision and plan.decision.authority_name) or plan.issuer_name
        return {"parent_kind": "Quyết định" if plan.decision else self.kind_name, "number": self.number,
                "symbol": plan.symbol, "date_words": self.date_words, "issuer_name": issuer_name,
                "title": plan.title}

    def preamble(self, preamble: m.Preamble) -> list[doc.Block]:
        generated = self.generated
        blocks: list[doc.Block] = self.bases(preamble.bases, italic=preamble.bases_italic,
                                             last=generated.last_basis_mark)
        blocks += [body(text) for text in preamble.paragraphs]
        proposal = preamble.proposal
        in_enacting = bool(proposal and preamble.enacting and generated.proposal_place == "enacting")
        if proposal and not in_enacting:
            blocks.append(body(proposal, italic=generated.proposal_italic))
        if preamble.enacting:
            enacting = preamble.enacting
            text = enacting.text or self.wording.render(
                "enacting.j2", body=enacting.body, **self.sentence_values())
            if in_enacting:
                # "Theo đề nghị của Sở Y tế, Ủy ban nhân dân tỉnh ban hành …": one sentence.
                lead = strip_end(proposal) + ","
                if generated.proposal_italic:
                    lead = f"*{lead}*"
                text = f"{lead} {text}"
            blocks.append(body(text))
        return blocks

    def bases(self, lines: list[str], *, italic: bool, last: str) -> list[doc.Block]:
        count = len(lines)
        blocks: list[doc.Block] = []
        for i, line in enumerate(lines):
            mark = last if i == count - 1 else ";"
            block = para(doc.ParaKind.basis, line, italic=italic)
            if self.generated.basis_marks == "auto":
                block.runs = emphasis.retail(block.runs, lambda text, mark=mark: strip_end(text) + mark)  # type: ignore[misc]
            blocks.append(block)
        return blocks

    def section(self, section: m.Section, label: str) -> list[doc.Block]:
        heading = section.heading or self.wording.render("heading.j2", role=section.role.value)
        text_style = self.heading_style(section.heading_style, 0, "bold")
        upper = section.heading_case == "upper"  # an italic note after the heading keeps its case
        blocks: list[doc.Block] = [styled(doc.ParaKind.heading, heading, label=label, level=0, text_style=text_style,
                                          label_style=self.label_style(section.label_style, 0, text_style),
                                          upper=upper)]
        if label.startswith("Chương "):  # a Quy định's chapter: "Chương I" over its name, both centred
            blocks = [para(doc.ParaKind.centered, label, bold=True),
                      para(doc.ParaKind.centered, heading, bold=True, upper=upper)]
        blocks += [body(text, 1) for text in section.text]
        self.section_now, self.labels = section, self.plan_labels.merged(section.task_labels)
        try:
            blocks += self.items(section_items(self.plan, section), 1)
        finally:
            self.section_now, self.labels = None, self.plan_labels
        if section.budget:
            blocks += self.budget(section.budget)
        blocks += [body(self.reporting(rule), 1) for rule in section.reporting]
        blocks += [body(text, 1, italic=section.closing_italic) for text in section.closing]
        return blocks

    # -- items -------------------------------------------------------------------------------

    def items(self, items: list[Numbered], level: int) -> list[doc.Block]:
        """``items`` at ``level`` with the labels they print (``model/numbering``), each followed by
        its children one level down."""
        blocks: list[doc.Block] = []
        for node in items:
            blocks += self.item(node.item, node.label, level)
            blocks += self.items(node.children, level + 1)
        return blocks

    def item(self, item: m.Item, label: str, level: int) -> list[doc.Block]:
        heading = item.heading
        if heading is None and item.body:
            heading = item.body
            if item.request and not heading.startswith("Đề nghị"):
                heading = f"Đề nghị {heading}"
        texts = list(item.text)
        if not texts and item.is_target:
            texts = [self.target(item)]
        in_section = self.section_now is not None
        # "- Nội dung thực hiện: …": the task's text moves into its labelled content line.
        content_line = bool(item.is_task and heading and not item.run_in and texts and self.labels.content
                            and "content" in self.labels.lines and self.generated.task_lines and in_section)
        if content_line:
            texts = []
        blocks: list[doc.Block] = []
        if heading and item.run_in:
            first = texts.pop(0) if texts else ""
            joiner = " " if heading.endswith((":", ".")) else ": "
            text_style = self.heading_style(item.heading_style, level, "bold")
            bold, italic = m.emphasis_flags(text_style)
            label_bold, label_italic = m.emphasis_flags(self.label_style(item.label_style, level, text_style))
            runs = emphasis.runs(heading + (joiner if first else ""), bold=bold, italic=italic)
            if first:
                runs += emphasis.runs(first)
            blocks.append(doc.Paragraph(doc.ParaKind.item, runs, label=label, level=level,
                                        label_bold=label_bold, label_italic=label_italic))
        elif heading:
            text_style = self.heading_style(item.heading_style, level, "bold" if level == 1 else "plain")
            blocks.append(styled(doc.ParaKind.heading, heading, label=label, level=level, text_style=text_style,
                                 label_style=self.label_style(item.label_style, level, text_style)))
        elif texts:
            first = texts.pop(0)
            kind = doc.ParaKind.item if label else doc.ParaKind.body
            blocks.append(styled(kind, first, label=label, level=level, text_style=item.heading_style or "plain",
                                 label_style=self.label_style(item.label_style, level, "plain")))
        blocks += [body(text, level) for text in texts]
        blocks += [table(t) for t in item.tables]
        if item.is_task and self.generated.task_lines:
            labels = self.labels if in_section else self.plan_labels
            blocks += [para(doc.ParaKind.item, line, label="-", level=level + 1)
                       for line in t.task_lines(item, labels, self.wording, content=content_line)]
        if item.assigned_tasks and item.body:
            blocks += [para(doc.ParaKind.item, line, label="-", level=level + 1)
                       for line in t.assigned_lines(self.plan, item.body)]
        blocks += [body(self.reporting(rule, within=True), level) for rule in item.reporting]
        return blocks

    def target(self, item: m.Item) -> str:
        milestones = [(year, target_value(value, item.unit)) for year, value in sorted(item.milestones.items())]
        return self.wording.render("target.j2", indicator=item.indicator or "", milestones=milestones,
                                   value=target_value(item.value, item.unit), unit=item.unit, owner=item.owner)

    def reporting(self, rule: m.ReportingRule, *, within: bool = False) -> str:
        return rule.text or self.wording.render("reporting.j2", **reporting_values(rule, within=within))

    def budget(self, budget: m.Budget) -> list[doc.Block]:
        blocks: list[doc.Block] = [body(text, 1) for text in budget.text]

        def lines(entries: list[m.BudgetLine], level: int) -> Iterator[doc.Paragraph]:
            for entry in entries:
                text = strip_end(entry.name)
                if entry.amount is not None:
                    text += f": {money(entry.amount)} {budget.currency}"
                if entry.note:
                    text += f" ({entry.note})"
                yield para(doc.ParaKind.item, text, label="-" if level == 2 else "+", level=level)
                yield from lines(entry.lines, level + 1)

        blocks += lines(budget.lines, 2)
        if budget.total is not None:
            blocks.append(para(doc.ParaKind.body, f"Tổng cộng: {money(budget.total)} {budget.currency}.",
                               level=1, bold=True))
        return blocks

    @staticmethod
    def finish_body(blocks: list[doc.Block]) -> None:
        """End the last paragraph with "./."."""
        for block in reversed(blocks):
            if isinstance(block, doc.Paragraph) and block.runs:
                block.runs = emphasis.retail(block.runs, end_mark)
                return

    # -- appendices and tables ---------------------------------------------------------------

    def appendices(self) -> list[doc.AppendixPart]:
        """The plan's appendices, with the generated "Danh mục nhiệm vụ" at its ``position``."""
        entries: list[m.Appendix] = list(self.plan.appendices)
        generated = t.task_table(self.plan, self.section_heading, self.target)
        if generated is not None:
            config = self.plan.task_table or m.TaskTable()
            entries.insert(min(config.position - 1, len(entries)), m.Appendix(
                label=config.label, title=config.title, note=config.note, tables=[generated],
                landscape=config.landscape))
        return [self.appendix(a, index, len(entries)) for index, a in enumerate(entries)]

    def section_heading(self, section: m.Section) -> str:
        return section.heading or self.wording.render("heading.j2", role=section.role.value)

    def appendix(self, appendix: m.Appendix, index: int, count: int) -> doc.AppendixPart:
        # Phụ lục I, III.1.b writes the label "Phụ lục I" (bold, 14 pt); a plan may print its own.
        label = appendix.label or nd30.appendix_label(index, count)
        note = appendix.note
        if note is None and self.generated.appendix_notes:
            note = self.wording.render("attachment_note.j2", **self.reference_values())
        blocks: list[doc.Block] = [body(text) for text in appendix.text]
        blocks += self.items(appendix_items(self.plan, appendix), 1)
        blocks += [table(t) for t in appendix.tables]
        landscape = appendix.landscape
        if landscape is None:
            landscape = any(needs_landscape(t) for t in appendix.tables)
        return doc.AppendixPart(label, vn.upper(appendix.title), note, blocks, landscape)

    # -- the decision wrapper ----------------------------------------------------------------

    def decision_part(self, decision: m.Decision) -> doc.Part:
        blocks: list[doc.Block] = []
        if decision.authority:
            blocks.append(para(doc.ParaKind.centered, vn.upper(decision.authority), bold=True))
        # With a "Xét đề nghị …," line after them the căn cứ lines all end with ";" (seed 002).
        # A legal document of the 2025 law ends them all with ";" before its enacting sentence.
        enacting = decision.enacting
        blocks += self.bases(decision.bases, italic=True, last=";" if decision.proposal or enacting else ".")
        if decision.proposal:
            blocks.append(body(proposal_line(decision.proposal), italic=bool(enacting)))
        if enacting:
            blocks.append(body(strip_end(enacting) + ".", italic=True))
        else:
            blocks.append(para(doc.ParaKind.centered, "QUYẾT ĐỊNH:", bold=True))
        for number, article in enumerate(decision.articles, 1):
            label = f"Điều {number}."
            texts = list(article.text)
            if article.heading:
                blocks.append(para(doc.ParaKind.article, article.heading, label=label, bold=True))
            elif texts:
                blocks.append(doc.Paragraph(doc.ParaKind.article, emphasis.runs(texts.pop(0)), label=label,
                                            label_bold=True))
            blocks += [body(text) for text in texts]
            blocks += self.items(article_items(self.plan, article), 1)
        self.finish_body(blocks)
        title = doc.Title(kind="QUYẾT ĐỊNH", lines=decision.title.splitlines() or [decision.title])
        closing = doc.Closing(recipient_lines(decision.recipients, archive_line=self.generated.archive_line),
                              signature_block(decision.signature))
        return doc.Part(self.letterhead(numbered=True), title, blocks, closing)
