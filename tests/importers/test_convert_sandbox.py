"""LibreOffice converting a foreign .odt/.doc is sandboxed (issue 26.4): it fetches nothing a document
links (a test server counts the requests: 0), runs with a private profile that blocks untrusted links,
macros and link updates, every proxy pointing nowhere, a time limit and an address-space limit."""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import shutil
import stat
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach.common.diagnostics import KehoachError
from kehoach.importers import convert
from kehoach.importers.convert import MEMORY_LIMIT, convert_to_docx

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def linking_odt(path: Path, base: str) -> Path:
    """An .odt whose image and section are links to ``base`` (nothing embedded)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
               '<office:body><office:text><text:p>KẾ HOẠCH thử</text:p><text:p>'
               '<draw:frame draw:name="i1" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm">'
               f'<draw:image xlink:href="{base}/pixel.png" xlink:type="simple" xlink:show="embed" '
               'xlink:actuate="onLoad"/></draw:frame></text:p><text:section text:name="s">'
               f'<text:section-source xlink:href="{base}/part.odt" xlink:type="simple"/></text:section>'
               '</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


@contextlib.contextmanager
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that answers 404 to everything and records each request: (its base URL,
    the requests so far)."""
    requests: list[str] = []

    class Counting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(f"{self.command} {self.path}")
            self.send_response(404)
            self.end_headers()

        do_HEAD = do_PROPFIND = do_OPTIONS = do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def _without_proxies(profile: str) -> str:
    return re.sub(r'<item oor:path="/org.openoffice.Inet/Settings">.*?</item>\n', "", profile, flags=re.S)


def _without_blocking(profile: str) -> str:
    return profile.replace('"BlockUntrustedRefererLinks" oor:op="fuse"><value>true',
                           '"BlockUntrustedRefererLinks" oor:op="fuse"><value>false')


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("layers", ["both", "blocking only", "proxies only"])
def test_linked_images_are_never_fetched(tmp_path, monkeypatch, layers):
    """Each of the two layers holds on its own: LibreOffice's BlockUntrustedRefererLinks, and every
    proxy (its own settings and the environment's) pointing at a port where nothing listens."""
    if layers == "blocking only":
        monkeypatch.setattr(convert, "OFFICE_PROFILE", _without_proxies(convert.OFFICE_PROFILE))
        monkeypatch.setattr(convert, "offline_environment",
                            lambda: {k: v for k, v in os.environ.items() if "proxy" not in k.lower()})
    elif layers == "proxies only":
        monkeypatch.setattr(convert, "OFFICE_PROFILE", _without_blocking(convert.OFFICE_PROFILE))
    with counting_server() as (base, requests):
        docx = convert_to_docx(linking_odt(tmp_path / "links.odt", base))
    assert docx.startswith(b"PK")  # the document itself was converted
    assert requests == []


def test_the_profile_limits_and_environment_given_to_libreoffice(tmp_path, monkeypatch):
    report = tmp_path / "seen.txt"
    fake = tmp_path / "soffice"
    fake.write_text('#!/bin/sh\n'
                    'for a in "$@"; do case "$a" in -env:UserInstallation=file://*) p="${a#*file://}";; esac; done\n'
                    f'{{ ulimit -v; echo "proxy=$http_proxy"; cat "$p/user/registrymodifications.xcu"; }} > "{report}"\n'
                    'exit 1\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    document = tmp_path / "x.odt"
    document.write_bytes(b"PK not really")
    with pytest.raises(KehoachError) as caught:
        convert_to_docx(document, lambda: fake)
    assert caught.value.diagnostics[0].code == "KH506"
    seen = report.read_text()
    limit_kb, proxy = seen.splitlines()[:2]
    assert int(limit_kb) * 1024 == MEMORY_LIMIT
    assert proxy == "proxy=http://127.0.0.1:9"
    for setting in ('"BlockUntrustedRefererLinks" oor:op="fuse"><value>true', '"DisableMacrosExecution" '
                    'oor:op="fuse"><value>true', '"ooInetProxyType" oor:op="fuse"><value>1'):
        assert setting in seen


def test_a_conversion_over_its_time_limit_is_stopped(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexec sleep 600\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    document = tmp_path / "x.doc"
    document.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(KehoachError) as caught:
        convert_to_docx(document, lambda: fake, timeout=0.5)
    assert caught.value.diagnostics[0].code == "KH506"
    assert "0.5" in caught.value.diagnostics[0].message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_without_both_layers_the_test_server_is_reached(tmp_path, monkeypatch):
    """The counting server does see LibreOffice when nothing blocks it: the 0 above is not a test
    that cannot fail."""
    monkeypatch.setattr(convert, "OFFICE_PROFILE", _without_blocking(_without_proxies(convert.OFFICE_PROFILE)))
    monkeypatch.setattr(convert, "offline_environment",
                        lambda: {k: v for k, v in os.environ.items() if "proxy" not in k.lower()})
    with counting_server() as (base, requests):
        convert_to_docx(linking_odt(tmp_path / "links.odt", base))
    assert requests
