"""``kehoach preview``: the page in a real browser (headless Chromium), live updates, and what it refuses."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM, Browser, png_pixels

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal_plan.yaml"
NGHE_AN = ROOT / "examples" / "nghe-an-980-kh-ubnd.yaml"


class Preview:
    """``kehoach preview PLAN --no-open`` in a subprocess; ``url`` and ``port`` once it listens."""

    def __init__(self, plan: Path, *extra: str) -> None:
        env = {**os.environ, "KEHOACH_NO_SERVER": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kehoach", *extra, "preview", str(plan), "--no-open"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=plan.parent)
        line = self.process.stdout.readline()
        if "http://127.0.0.1:" not in line:
            self.process.kill()
            raise AssertionError(line + self.process.stderr.read())
        self.url = next(word for word in line.split() if word.startswith("http://"))
        parts = urlsplit(self.url)
        self.port = parts.port
        self.prefix = parts.path.rstrip("/")  # /TOKEN: the session's secret

    def stop(self) -> tuple[int, str, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out, err

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def _request(port: int, path: str, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        conn.endheaders()
        reply = conn.getresponse()
        return reply.status, reply.read() if not path.endswith("/events") else b""
    finally:
        conn.close()


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL, target)
    return target


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # The watcher compares mtime, size and inode; a same-size edit within the clock's resolution
    # would be invisible, so make sure the mtime moves.
    later = time.time_ns() + 10_000_000
    os.utime(path, ns=(later, later))


def test_serves_only_its_two_routes_and_only_to_its_own_host(plan):
    with Preview(plan) as preview:
        port, secret = preview.port, preview.prefix
        assert len(secret) > 30  # a per-session token in the URL (issue 26.4)
        status, body = _request(port, secret + "/")
        assert status == 200 and "Phòng, chống lao động trẻ em".encode() in body
        assert _request(port, secret + "/", host=f"localhost:{port}")[0] == 200
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}", ""):
            assert _request(port, secret + "/", host=host)[0] == 403, host
        for path in ("/plan.yaml", "/../plan.yaml", "/%2e%2e/plan.yaml", "/etc/passwd", "//plan.yaml",
                     "/events/../plan.yaml", "/index.html"):
            status, body = _request(port, secret + path)
            assert status == 404 and b"Nguy" not in body, path
        assert _request(port, secret + "/", method="POST")[0] == 405
        # A page that missed a save (it asks for what came after the version it shows) gets it at once.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", secret + "/events?since=0")
        reply = conn.getresponse()
        assert reply.status == 200 and reply.getheader("Content-Type").startswith("text/event-stream")
        assert reply.readline() == b"event: update\n" and reply.readline().startswith(b'data: {"version": 1')
        conn.close()
        code, out, err = preview.stop()
    assert code == 0 and "Traceback" not in err and err == ""
    assert "Đã dừng" in out


def test_without_the_session_secret_nothing_is_served(plan):
    with Preview(plan) as preview:
        port, secret = preview.port, preview.prefix
        wrong = secret[:-1] + ("A" if secret[-1] != "A" else "B")
        for path in ("/", "/events", "/events?since=0", wrong + "/", wrong + "/events", secret, secret[:10] + "/",
                     "/" + secret.strip("/")[::-1] + "/"):
            status, body = _request(port, path)
            assert status == 403 and "Phòng".encode() not in body and b"data:" not in body, path
        assert _request(port, "/", method="POST")[0] == 403
        preview.stop()


def test_listens_on_loopback_only(plan):
    with Preview(plan) as preview:
        assert preview.url.startswith("http://127.0.0.1:")
        if shutil.which("ss"):  # the local address of every listening socket on that port
            out = subprocess.run(["ss", "-Hltn", f"sport = :{preview.port}"], capture_output=True, text=True).stdout
            assert [line.split()[3] for line in out.splitlines()] == [f"127.0.0.1:{preview.port}"]
        else:
            import socket

            with pytest.raises(OSError):  # not reachable on another address of this machine
                socket.create_connection((socket.gethostbyname(socket.gethostname()), preview.port), 2).close()
        preview.stop()


@pytest.mark.parametrize("template", ["x://{file}", "{line:>999999999999}", "{path.__class__}", "{line!r}",
                                      "{line:{col}}", "x://{"])
def test_a_bad_editor_url_is_a_usage_error(plan, template):
    result = subprocess.run([sys.executable, "-m", "kehoach", "preview", str(plan), "--no-open", "--editor-url",
                             template], capture_output=True, text=True, env={**os.environ, "KEHOACH_NO_SERVER": "1"},
                            timeout=60)
    assert result.returncode == 2 and "--editor-url" in result.stderr and "Traceback" not in result.stderr
    assert "MemoryError" not in result.stderr


def test_a_busy_port_is_a_located_message_and_exit_2(plan):
    with Preview(plan) as first:
        result = subprocess.run([sys.executable, "-m", "kehoach", "preview", str(plan), "--no-open", "--port",
                                 str(first.port)], capture_output=True, text=True,
                                env={**os.environ, "KEHOACH_NO_SERVER": "1"}, timeout=60)
        first.stop()
    assert result.returncode == 2 and "KH090" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
def test_the_page_follows_the_file_in_a_real_browser(plan):
    original = plan.read_text("utf-8")
    with Preview(plan) as preview, Browser(preview.url) as browser:
        browser.wait_for("document.body.dataset.version && document.querySelectorAll('.sheet').length > 0")
        text = browser.evaluate("document.getElementById('pages').innerText")
        assert "KẾ HOẠCH" in text and "Phòng, chống lao động trẻ em" in text
        assert "Năm 2020, toàn tỉnh có 120 trẻ em" in text
        assert "Nguyễn Văn An" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert browser.evaluate("document.querySelectorAll('li.finding').length") == 0

        # Save a new paragraph, with one word in the other tone-mark style (KH302, a warning).
        edited = original.replace("Năm 2020, toàn tỉnh có 120 trẻ em",
                                  "Đến cuối năm 2024, Ủy ban ghi nhận 87 trẻ em, phần lớn ở vùng thuỷ sản,")
        assert edited != original
        _save(plan, edited)
        browser.wait_for("document.getElementById('pages').innerText.includes('Đến cuối năm 2024, Ủy ban ghi nhận 87')")
        browser.wait_for("document.querySelector('li.finding[data-code=KH302]') !== null")
        finding = browser.evaluate("document.querySelector('li.finding[data-code=KH302]').innerText")
        line = next(n for n, text in enumerate(edited.splitlines(), 1) if "thuỷ" in text)
        col = edited.splitlines()[line - 1].index("thuỷ") + 1
        assert f"dòng {line}:{col}" in finding and "thuỷ" in finding
        link = browser.evaluate("document.querySelector('li.finding[data-code=KH302] a.loc').href")
        assert link.startswith("vscode://file/") and link.endswith(f"plan.yaml:{line}:{col}")
        assert "Năm 2020" not in browser.evaluate("document.getElementById('pages').innerText")

        # A plan with an error keeps the last good pages, with the error above them.
        broken = edited.replace("signature:", "signatur:")
        _save(plan, broken)
        browser.wait_for("document.querySelector('#banner li.finding[data-code=KH102]') !== null")
        banner = browser.evaluate("document.getElementById('banner').innerText")
        assert "signatur" in banner and "bản hợp lệ gần nhất" in banner
        assert "Đến cuối năm 2024, Ủy ban ghi nhận 87" in browser.evaluate("document.getElementById('pages').innerText")

        # Fixed: the banner goes away.
        _save(plan, edited)
        browser.wait_for("document.getElementById('banner').innerText.trim() === ''")
        code, _, err = preview.stop()
    assert code == 0 and "Traceback" not in err


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium")
def test_a_long_plan_is_a_stack_of_a4_sheets_and_the_screenshot_shows_them(tmp_path):
    plan = tmp_path / "nghe-an.yaml"
    shutil.copy(NGHE_AN, plan)
    with Preview(plan) as preview, Browser(preview.url, width=1400, height=1100) as browser:
        browser.wait_for("document.body.dataset.sheets && Number(document.body.dataset.sheets) > 0")
        sheets = browser.evaluate("""Array.from(document.querySelectorAll('.sheet')).map(s => {
            const r = s.getBoundingClientRect(); const c = s.querySelector('.content');
            return {top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height,
                    landscape: s.classList.contains('landscape'), no: (s.querySelector('.page-no') || {}).textContent,
                    overflow: c.scrollHeight - c.clientHeight, blocks: c.children.length}; })""")
        side = browser.evaluate("(() => { const r = document.getElementById('side').getBoundingClientRect();"
                                " return {right: r.right}; })()")
        text = browser.evaluate("document.getElementById('pages').innerText")
        shot = browser.screenshot()
        first = sheets[0]
        clip = {"x": first["left"], "y": first["top"], "width": first["width"], "height": first["height"],
                "scale": 0.25}
        sheet_shot = browser.call("Page.captureScreenshot", format="png", clip=clip)
        preview.stop()
    # Pages: several portrait A4 sheets for the plan, then the landscape appendix, stacked in order.
    assert len(sheets) >= 4
    portrait = [s for s in sheets if not s["landscape"]]
    landscape = [s for s in sheets if s["landscape"]]
    assert portrait and landscape and sheets.index(landscape[0]) == len(portrait)
    for s in portrait:
        assert s["height"] / s["width"] == pytest.approx(29.7 / 21, rel=0.01)
    for s in landscape:
        assert s["width"] / s["height"] == pytest.approx(29.7 / 21, rel=0.01)
    assert all(a["bottom"] <= b["top"] for a, b in zip(sheets, sheets[1:]))
    assert all(s["left"] >= side["right"] for s in sheets)  # the findings panel is beside the pages
    # Nothing is cut off at the foot of a sheet (a single block taller than a page may overflow).
    assert all(s["overflow"] <= 1 or s["blocks"] == 1 for s in sheets)
    # Page numbers from the second sheet of the plan; the appendix numbers its own sheets.
    assert portrait[0].get("no") is None and portrait[1]["no"] == "2"
    assert landscape[0].get("no") is None and (len(landscape) == 1 or landscape[1]["no"] == "2")
    # The text of the document, first and last words included; the appendix table's header repeats.
    assert "THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTg" in text and "Nguyễn Văn Đệ" in text and "PHỤ LỤC" in text
    # The screenshot: a PNG of the window, and the first sheet in it is white paper with lines of text.
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    import base64

    width, height, rows = png_pixels(base64.b64decode(sheet_shot["data"]))
    assert abs(height / width - 29.7 / 21) < 0.03
    pixels = [row[i:i + 3] for row in rows for i in range(0, len(row), 3)]
    white = sum(1 for p in pixels if min(p) > 235)
    dark = sum(1 for p in pixels if max(p) < 110)
    assert white > 0.6 * len(pixels) and dark > 0.005 * len(pixels)
    inked_rows = [y for y, row in enumerate(rows) if any(max(row[i:i + 3]) < 110 for i in range(0, len(row), 3))]
    assert inked_rows and inked_rows[0] < height * 0.2 and inked_rows[-1] > height * 0.5  # letterhead to body


def _updates(port: int, prefix: str, since: int):
    """The snapshots the page would receive from ``since`` on (server-sent events)."""
    import json

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)  # a guard, not an assertion
    conn.request("GET", f"{prefix}/events?since={since}")
    reply = conn.getresponse()
    assert reply.status == 200
    try:
        while True:
            line = reply.readline()
            assert line, "the event stream ended"
            if line.startswith(b"data: "):
                yield json.loads(line[6:])
    finally:
        conn.close()


def test_the_watcher_survives_the_plan_replaced_by_anything(plan):
    good = plan.read_text(encoding="utf-8")

    def fifo(path: Path) -> None:
        os.mkfifo(path)

    def folder(path: Path) -> None:
        path.mkdir()

    def loop(path: Path) -> None:
        path.symlink_to(path.name)  # a link to itself: ELOOP

    def huge(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(6 * 1024 * 1024)  # over the 5 MB plan limit

    with Preview(plan) as preview:
        updates = _updates(preview.port, preview.prefix, 1)
        for replace, code in ((fifo, "KH010"), (folder, "KH010"), (loop, "KH010"), (huge, "KH005")):
            if plan.is_dir() and not plan.is_symlink():
                plan.rmdir()
            else:
                plan.unlink()
            replace(plan)
            snapshot = next(updates)
            assert code in snapshot["findings"], (replace.__name__, snapshot["findings"])
            assert "KH000" not in snapshot["findings"]
        plan.unlink()
        _save(plan, good.replace("Phòng, chống lao động trẻ em", "Phòng, chống lao động trẻ em (sửa)"))
        snapshot = next(updates)
        assert "KH010" not in snapshot["findings"] and "(sửa)" in snapshot["pages"]
        code, _out, err = preview.stop()
    assert code == 0 and "Traceback" not in err
