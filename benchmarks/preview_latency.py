"""Save → page: how long ``kehoach preview`` takes to show an edit in a real browser.

    .venv/bin/python benchmarks/preview_latency.py               # examples/002 (the largest), 20 saves
    .venv/bin/python benchmarks/preview_latency.py --plan PLAN -n 30

Starts ``kehoach preview`` on a copy of the plan and headless Chromium on its page (the test
helper ``tests/browser.py``, DevTools protocol). For each save, a promise in the page waits for the
update to be painted (``document.body.dataset.version`` changes after the sheets are re-poured) and
returns ``Date.now()``; the time is that minus the wall clock just before the file was written. It
includes the watcher's poll (every 50 ms, so 25 ms on average), the check, compose and paged HTML,
the server-sent event, and the browser's pagination of every sheet.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import Browser  # noqa: E402

WAIT_FOR_PAINT = """new Promise(resolve => {
  const before = document.body.dataset.version;
  const observer = new MutationObserver(() => {
    if (document.body.dataset.version !== before) { observer.disconnect(); resolve(Date.now()); }
  });
  observer.observe(document.body, {attributes: true, attributeFilter: ['data-version']});
})"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml")
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-preview-bench-"))
    plan = folder / args.plan.name
    shutil.copyfile(args.plan, plan)
    text = plan.read_text("utf-8")
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    server = subprocess.Popen([sys.executable, "-m", "kehoach", "preview", str(plan), "--no-open"],
                              stdout=subprocess.PIPE, text=True, env=env)
    url = next(word for word in server.stdout.readline().split() if word.startswith("http://"))
    times = []
    try:
        with Browser(url) as browser:
            browser.wait_for("document.body.dataset.version && document.querySelectorAll('.sheet').length > 0")
            sheets = browser.evaluate("document.querySelectorAll('.sheet').length")
            for index in range(args.n + 3):
                ident = next(browser.ids)
                browser.ws.send(json.dumps({"id": ident, "method": "Runtime.evaluate", "params": {
                    "expression": WAIT_FOR_PAINT, "awaitPromise": True, "returnByValue": True}}))
                time.sleep(0.3)  # the promise is in place; then save as an editor would
                changed = text.replace("năm", f"năm {index}", 1)
                start = time.time() * 1000
                plan.write_text(changed, encoding="utf-8")
                while True:
                    message = json.loads(browser.ws.recv())
                    if message.get("id") == ident:
                        break
                if index >= 3:  # 3 warm-up saves
                    times.append(message["result"]["result"]["value"] - start)
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    p90 = statistics.quantiles(times, n=10)[-1]
    print(f"plan: {args.plan.name} ({len(text.splitlines())} lines, {sheets} A4 sheets), {args.n} saves")
    print(f"save → painted page: median {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, "
          f"min {min(times):.0f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
