"""Paged HTML: the document as A4 sheets in a browser (``kehoach preview``).

The server side writes each part and each appendix as a *flow*, the blocks in document order (the
letterhead, the title, every paragraph and table, Nơi nhận with the signature), using the same
markup as the .html writer. A small script (``PAGINATE_JS``) then pours each flow into A4 sheets
with the Decree 30 margins (``nd30.py``): a block that does not fit moves to a new sheet, a table
is split between rows and repeats its header, pages from the second on carry their number at the
top, and an appendix (landscape when the .docx is) starts its own sheets and numbering. Page breaks
are the browser's approximation of Word's, not the .docx's exact ones.
"""

from __future__ import annotations

from html import escape

from ..common import nd30
from ..compose import document as doc
from .html import DOCUMENT_CSS, appendix_html, block_html, closing_html, footnotes_html, lines


def _cm(mm: float) -> str:
    return f"{mm / 10:g}cm"


PAGE_CSS = f"""
.sheet {{ width: 21cm; height: 29.7cm; box-sizing: border-box; background: #fff; color: #000;
          padding: {_cm(nd30.MARGIN_TOP_MM)} {_cm(nd30.MARGIN_RIGHT_MM)} {_cm(nd30.MARGIN_BOTTOM_MM)}
          {_cm(nd30.MARGIN_LEFT_MM)}; margin: 0 auto 0.8cm; position: relative; overflow: hidden;
          box-shadow: 0 1px 4px rgba(0,0,0,.35);
          font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 14pt; line-height: 1.3; }}
.sheet.landscape {{ width: 29.7cm; height: 21cm; }}
.sheet .content {{ height: 100%; overflow: hidden; }}
.sheet .page-no {{ position: absolute; top: {_cm(nd30.HEADER_DISTANCE_MM)}; left: 0; right: 0;
                   text-align: center; font-size: 13pt; }}
""" + DOCUMENT_CSS

# Pours every .flow of a <template> into .sheet elements inside a target element.
PAGINATE_JS = r"""
function kehoachPaginate(template, target) {
  target.textContent = '';
  let total = 0;
  const flows = template.content.querySelectorAll('.flow');
  for (const flow of flows) {
    const landscape = flow.dataset.landscape === '1';
    let number = 0, page = null;
    const newPage = () => {
      number += 1; total += 1;
      const sheet = document.createElement('div');
      sheet.className = 'sheet' + (landscape ? ' landscape' : '');
      sheet.dataset.page = String(total);
      if (number > 1) {
        const no = document.createElement('div');
        no.className = 'page-no'; no.textContent = String(number);
        sheet.appendChild(no);
      }
      const content = document.createElement('div');
      content.className = 'content';
      sheet.appendChild(content);
      target.appendChild(sheet);
      page = content;
      return content;
    };
    const full = () => page.scrollHeight > page.clientHeight + 1;
    newPage();
    for (const block of Array.from(flow.children)) {
      const node = document.importNode(block, true);
      page.appendChild(node);
      if (!full()) continue;
      if (node.matches('table.data')) {
        splitTable(node);
      } else if (page.children.length > 1) {
        page.removeChild(node);
        newPage().appendChild(node);
      }
    }
    function splitTable(table) {
      const rows = Array.from(table.tBodies[0] ? table.tBodies[0].rows : []);
      const head = table.tHead ? table.tHead.cloneNode(true) : null;
      let body = table.tBodies[0];
      rows.forEach(row => row.remove());
      if (full() && page.children.length > 1) {  // not even the header fits here
        page.removeChild(table); newPage().appendChild(table);
      }
      // Rows bound by a cell merged down (rowspan) move together: a sheet never cuts a merged cell.
      const bands = [];
      let bound = 0;
      for (const row of rows) {
        if (bound > 0) { bands[bands.length - 1].push(row); bound -= 1; } else { bands.push([row]); }
        for (const cell of row.cells) bound = Math.max(bound, (cell.rowSpan || 1) - 1);
      }
      for (const band of bands) {
        band.forEach(row => body.appendChild(row));
        if (full() && body.rows.length > band.length) {
          band.forEach(row => row.remove());
          const next = document.createElement('table');
          next.className = table.className;
          next.setAttribute('style', table.getAttribute('style') || '');
          if (table.dataset.valign) next.dataset.valign = table.dataset.valign;
          if (head) next.appendChild(head.cloneNode(true));
          body = document.createElement('tbody');
          next.appendChild(body);
          newPage().appendChild(next);
          band.forEach(row => body.appendChild(row));
        }
      }
    }
  }
  return total;
}
"""


def flows_html(document: doc.Document) -> str:
    """Every part and appendix of ``document`` as a ``<div class="flow">`` of its blocks, in order."""
    out = []
    for part in document.parts:
        blocks = []
        if part.letterhead:
            blocks.append(_letterhead_html(part.letterhead))
        title = lines([part.title.kind], "kind") + lines(part.title.lines, "line")
        if part.title.note:
            title += lines([part.title.note], "note")
        blocks.append(f'<div class="title">{title}<hr class="rule"></div>')
        blocks += [block_html(block) for block in part.blocks]
        if part.closing:
            blocks.append(closing_html(part.closing))
        out.append('<div class="flow" data-landscape="0">' + "\n".join(blocks) + "</div>")
        for appendix in part.appendices:
            # The appendix head and each block are separate children so that they can be poured.
            head_and_blocks = appendix_html(appendix)
            landscape = "1" if appendix.landscape else "0"
            out.append(f'<div class="flow" data-landscape="{landscape}">{_unwrap(head_and_blocks)}</div>')
    if document.footnotes and out:
        # The notes follow the last block, as in the .html (the .docx sets them at each page's foot).
        out[-1] = out[-1][:-len("</div>")] + footnotes_html(document.footnotes) + "</div>"
    return "\n".join(out)


def _letterhead_html(lh: doc.Letterhead) -> str:
    left = lines(lh.parent, "parent") + lines(lh.issuer, "issuer") + '<hr class="rule">'
    if lh.number_line:
        left += lines([lh.number_line], "number")
    left += lines(lh.stamps, "stamp")  # ô 10a, 10b
    right = lines([lh.national_name], "national") + lines([lh.motto], "motto") + '<hr class="rule">'
    if lh.place_date:
        right += lines([lh.place_date], "place-date")
    return f'<table class="letterhead"><tr><td class="left">{left}</td><td>{right}</td></tr></table>'


def _unwrap(section: str) -> str:
    """The children of an appendix ``<section>``: its head and its blocks."""
    inner = section[section.index(">") + 1: section.rindex("</section>")]
    return inner


def write_paged_html(document: doc.Document) -> bytes:
    """A standalone page of A4 sheets (the preview's pages without the findings)."""
    page = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n"
        f"<style>body {{ background: #888; margin: 0; padding: 1cm 0; }}{PAGE_CSS}</style>\n</head>\n<body>\n"
        f'<template id="flows">{flows_html(document)}</template>\n<main id="pages"></main>\n'
        f"<script>{PAGINATE_JS}\ndocument.fonts.ready.then(() => kehoachPaginate("
        "document.getElementById('flows'), document.getElementById('pages')));</script>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
