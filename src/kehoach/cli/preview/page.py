"""The preview page: findings on the left, A4 sheets on the right, updated by server-sent events."""

from __future__ import annotations

import json
from html import escape

from ...common.i18n import get_lang, tr
from ...pipeline.render import page_assets
from .state import Snapshot

SHELL_CSS = """
html, body { margin: 0; height: 100%; }
body { display: flex; background: #8a8a8a; font-family: system-ui, sans-serif; font-size: 10.5pt; }
#side { width: 26rem; flex: none; overflow-y: auto; background: #f6f6f6; border-right: 1px solid #bbb;
        padding: .6rem .8rem; box-sizing: border-box; }
#side h1 { font-size: 1.05rem; margin: .2rem 0 .6rem; word-break: break-all; }
#main { flex: auto; overflow-y: auto; padding: 1cm 0; }
#status { font-size: .85rem; color: #555; margin-bottom: .6rem; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.finding { padding: .35rem .4rem; margin-bottom: .3rem; border-left: 4px solid #999; background: #fff; }
li.finding.error { border-color: #c62828; } li.finding.warning { border-color: #ef8f00; }
li.finding.info { border-color: #1e6fd9; }
li.finding .code { margin: 0 .25rem; } li.finding pre.src { margin: .25rem 0 0; white-space: pre-wrap;
  font-size: .8rem; color: #444; }
a.loc { color: #1e4fa0; }
#banner .errors { width: 21cm; margin: 0 auto .6cm; background: #fff3f3; border: 2px solid #c62828;
                  padding: .5rem .8rem; box-sizing: border-box; }
#banner .errors p { margin: 0 0 .4rem; font-weight: bold; color: #a11; }
.clean { color: #2e7d32; }
"""

SHELL_JS = r"""
(function () {
  const flows = document.getElementById('flows');
  const pages = document.getElementById('pages');
  const state = JSON.parse(document.getElementById('initial').textContent);
  let pagesVersion = state.pages_version;
  function paint() {
    const top = document.getElementById('main').scrollTop;
    const count = kehoachPaginate(flows, pages);
    document.getElementById('main').scrollTop = top;
    document.body.dataset.sheets = String(count);
  }
  function apply(update) {
    document.getElementById('findings').innerHTML = update.findings;
    document.getElementById('banner').innerHTML = update.banner;
    if (update.pages !== null && update.pages_version !== pagesVersion) {
      flows.innerHTML = update.pages;
      pagesVersion = update.pages_version;
      paint();
    }
    document.body.dataset.version = String(update.version);
  }
  document.fonts.ready.then(() => {
    paint();
    document.body.dataset.version = String(state.version);
    const events = new EventSource('events?since=' + state.version);
    events.addEventListener('update', (e) => apply(JSON.parse(e.data)));
    events.addEventListener('open', () => { document.getElementById('status').textContent = LIVE; });
    events.addEventListener('error', () => { document.getElementById('status').textContent = LOST; });
  });
})();
"""


def shell_html(title: str, plan_name: str, snapshot: Snapshot) -> bytes:
    """The whole page, with the current snapshot in it (the first paint needs no event)."""
    page_css, paginate_js = page_assets()
    initial = json.dumps({"version": snapshot.version, "pages_version": snapshot.pages_version},
                         ensure_ascii=True).replace("<", "\\u003c")
    words = json.dumps({"LIVE": tr("Tự cập nhật khi lưu tệp.", "Updates when the file is saved."),
                        "LOST": tr("Mất kết nối với kehoach preview.", "Lost the connection to kehoach preview.")},
                       ensure_ascii=True).replace("<", "\\u003c")
    page = (
        f'<!DOCTYPE html>\n<html lang="{get_lang()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} — kehoach preview</title>\n"
        f"<style>{SHELL_CSS}{page_css}</style>\n</head>\n<body>\n"
        f'<aside id="side"><h1>{escape(plan_name)}</h1><div id="status"></div>'
        f'<div id="findings">{snapshot.findings}</div></aside>\n'
        f'<div id="main"><div id="banner">{snapshot.banner}</div><main id="pages"></main></div>\n'
        f'<template id="flows">{snapshot.pages or ""}</template>\n'
        f'<script type="application/json" id="initial">{initial}</script>\n'
        f"<script>const {{LIVE, LOST}} = {words};\n{paginate_js}\n{SHELL_JS}</script>\n"
        "</body>\n</html>\n"
    )
    return page.encode("utf-8")
