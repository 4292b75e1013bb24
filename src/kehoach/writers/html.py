"""HTML writer: a standalone page that previews the document in a browser.

Everything from the document is escaped. The CSS approximates the Decree 30 layout (letterhead in
two columns, centred title, justified body with a first-line indent, signature beside Nơi nhận);
the .docx writer, not this one, is the reference for the exact figures.

Footnotes: a reference is a superscript number linking to its note; the notes follow the document
as a numbered list under a short rule (a browser page has no page foot; the .docx puts them there).
"""

from __future__ import annotations

from html import escape

from ..compose import document as doc

# The document's own styles; the paged preview (paged_html.py) sets them inside A4 sheets.
DOCUMENT_CSS = """
table.letterhead, table.closing { width: 100%; border-collapse: collapse; }
table.letterhead td, table.closing td { vertical-align: top; text-align: center; padding: 0; }
table.letterhead td.left { width: 40%; } table.closing td.left { width: 50%; text-align: left; }
.parent { text-transform: none; } .issuer, .national, .motto { font-weight: bold; }
.national { font-size: 13pt; } .parent, .issuer, .number { font-size: 13pt; }
hr.rule { width: 35%; border: 0; border-top: 1px solid #000; margin: 2pt auto 6pt; }
.place-date { font-style: italic; }
.number, .place-date, .title .note, .appendix-head .note { white-space: pre-wrap; } /* a draft's blanks */
.title { text-align: center; font-weight: bold; margin-top: 12pt; }
.title .note { font-weight: normal; font-style: italic; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
p.basis.italic, p.italic { font-style: italic; }
p.heading.bold, p.bold, strong { font-weight: bold; }
p.centered { text-align: center; text-indent: 0; }
.recipients { font-size: 11pt; } .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.recipients div.nested { padding-left: 1em; } .recipients div.group { font-style: italic; }
.signature { font-weight: bold; } .signature .name { margin-top: 3cm; }
section.part + section.part, section.appendix { break-before: page; margin-top: 2cm; }
section.appendix.landscape { max-width: 25cm; }
.appendix-head { text-align: center; font-weight: bold; } .appendix-head .note { font-weight: normal; font-style: italic; }
table.data { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 12pt; }
table.data td, table.data th { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
table.data p { text-indent: 0; margin: 0; text-align: inherit; }
sup.fn { font-size: 0.7em; line-height: 0; } sup.fn a { color: inherit; text-decoration: none; }
section.footnotes { font-size: 12pt; margin-top: 12pt; } section.footnotes hr { width: 30%; margin: 0; border: 0; border-top: 1px solid #000; }
section.footnotes ol { margin: 4pt 0 0; padding-left: 1.5em; } section.footnotes li p { text-indent: 0; margin: 0; }
"""
CSS = """
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3;
       max-width: 16.5cm; margin: 2cm auto; color: #000; }
""" + DOCUMENT_CSS


def write_html(document: doc.Document) -> bytes:
    body = "\n".join(part_html(part) for part in document.parts)
    if document.footnotes:
        body += "\n" + footnotes_html(document.footnotes)
    page = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n"
        f'<meta name="author" content="{escape(document.author)}">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
    return doc.without_controls(page).encode("utf-8")


def lines(texts: list[str], cls: str) -> str:
    return "".join(f'<div class="{cls}">{escape(text)}</div>' for text in texts)


def part_html(part: doc.Part) -> str:
    out = ['<section class="part">']
    if part.letterhead:
        lh = part.letterhead
        left = lines(lh.parent, "parent") + lines(lh.issuer, "issuer") + '<hr class="rule">'
        if lh.number_line:
            left += lines([lh.number_line], "number")
        right = lines([lh.national_name], "national") + lines([lh.motto], "motto") + '<hr class="rule">'
        if lh.place_date:
            right += lines([lh.place_date], "place-date")
        out.append(f'<table class="letterhead"><tr><td class="left">{left}</td><td>{right}</td></tr></table>')
    title = lines([part.title.kind], "kind") + lines(part.title.lines, "line")
    if part.title.note:
        title += lines([part.title.note], "note")
    out.append(f'<div class="title">{title}<hr class="rule"></div>')
    out += [block_html(block) for block in part.blocks]
    if part.closing:
        out.append(closing_html(part.closing))
    for appendix in part.appendices:
        out.append(appendix_html(appendix))
    out.append("</section>")
    return "\n".join(out)


def block_html(block: doc.Block) -> str:
    if isinstance(block, doc.Table):
        return table_html(block)
    classes = [block.kind.value] + [name for name in ("bold", "italic") if getattr(block, name)]
    label = ""
    if block.label:
        label = escape(block.label) + " "
        if block.label_bold and not block.bold:
            label = f"<strong>{label}</strong>"
        if block.label_italic and not block.italic:
            label = f"<em>{label}</em>"
    runs = "".join(run_html(run) for run in block.runs)
    return f'<p class="{" ".join(classes)}" data-level="{block.level}">{label}{runs}</p>'


def footnotes_html(notes: list[doc.Footnote]) -> str:
    items = "".join(f'<li id="fn-{note.number}" value="{note.number}"><p>{runs_html(note.runs)}</p></li>'
                    for note in notes)
    return f'<section class="footnotes" role="doc-endnotes"><hr><ol>{items}</ol></section>'


def run_html(run: doc.Run) -> str:
    if run.note:
        return f'<sup class="fn"><a href="#fn-{run.note}" role="doc-noteref">{run.note}</a></sup>'
    text = escape(run.text)
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    return text


def runs_html(runs: list[doc.Run]) -> str:
    return "".join(run_html(run) for run in runs)


def closing_html(closing: doc.Closing) -> str:
    recipients = "" if not closing.recipients else '<div class="label">Nơi nhận:</div>' + "".join(
        f'<div class="{"group" if line.heading else "nested" if line.level else "line"}">{runs_html(line.spans())}</div>'
        for line in closing.recipients)
    signature = ""
    if closing.signature:
        sig = closing.signature
        signature = lines([*sig.authority_lines, sig.title], "authority") + lines([sig.name], "name")
    return (f'<table class="closing"><tr><td class="left recipients">{recipients}</td>'
            f'<td class="signature">{signature}</td></tr></table>')


def appendix_html(appendix: doc.AppendixPart) -> str:
    head = lines([appendix.label, appendix.title], "head")
    if appendix.note:
        head += lines([appendix.note], "note")
    classes = "appendix landscape" if appendix.landscape else "appendix"
    blocks = "\n".join(block_html(block) for block in appendix.blocks)
    return f'<section class="{classes}"><div class="appendix-head">{head}</div>\n{blocks}</section>'


def table_html(table: doc.Table) -> str:
    def cell(tag: str, c: doc.TableCell) -> str:
        spans = (f' colspan="{c.col_span}"' if c.col_span > 1 else "") + (
            f' rowspan="{c.row_span}"' if c.row_span > 1 else "")
        style = f' style="text-align:{c.align}' + (';font-weight:bold"' if c.bold else '"')
        body = "".join(f"<p>{runs_html(runs)}</p>" for runs in c.lines())
        return f"<{tag}{spans}{style}>{body}</{tag}>"

    caption = f"<caption>{escape(table.title)}</caption>" if table.title else ""
    head = "".join("<tr>" + "".join(cell("th", c) for c in row) + "</tr>" for row in table.header)
    rows = "".join("<tr>" + "".join(cell("td", c) for c in row) + "</tr>" for row in table.rows)
    return f'<table class="data">{caption}<thead>{head}</thead><tbody>{rows}</tbody></table>'
