"""The language server's input is bounded (issue 26.8): a Content-Length that is negative, huge or
malformed ends the session with a message on stderr — no MemoryError, no wait for bytes that never
come — and an open document over the plan size limit gets one finding instead of a check."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("pygls")

from kehoach.cli.lsp.framing import MAX_MESSAGE, BoundedStdin  # noqa: E402

GUARD = 120  # seconds: only a guard against a hung test run, never an assertion


def _frame(payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


INITIALIZE = _frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": None, "rootUri": None, "capabilities": {}}})


@pytest.mark.parametrize("length", [b"-5", b"2147483648", b"1000000000000", b"12abc", b"\xd9\xa3"])
def test_a_bad_content_length_closes_the_session_cleanly(length):
    proc = subprocess.Popen([sys.executable, "-m", "kehoach", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "KEHOACH_NO_SERVER": "1"})
    assert proc.stdin is not None
    # A good message first (answered), then the hostile header; stdin stays open: the server must
    # end the session by itself.
    proc.stdin.write(INITIALIZE + b"Content-Length: " + length + b"\r\n\r\n{}")
    proc.stdin.flush()
    try:
        proc.wait(GUARD)  # stdin still open: only the server can end the session
        out, err = proc.stdout.read(), proc.stderr.read()
    finally:
        proc.kill()
        proc.stdin.close()
    assert b'"id": 1' in out or b'"id":1' in out  # the first message was served
    assert b"Content-Length" in err and b"closing the connection" in err
    assert b"MemoryError" not in err and b"Traceback" not in err


def test_the_reader_never_asks_for_more_than_the_limit():
    stream = io.BytesIO(b"Content-Length: 5\r\n\r\nhello")
    reader = BoundedStdin(stream, log=io.BytesIO())
    assert reader.readline() == b"Content-Length: 5\r\n"
    assert reader.readline() == b"\r\n"
    assert reader.read(5) == b"hello"
    assert reader.read(MAX_MESSAGE + 1) == b"" and reader.closed
    long_line = BoundedStdin(io.BytesIO(b"X" * 100_000), log=io.BytesIO())
    assert long_line.readline() == b"" and long_line.closed  # a header line without end is refused


def test_an_oversized_document_gets_one_finding_not_a_check():
    from kehoach.cli.lsp.server import MAX_DOCUMENT_CHARS, make_server

    from lsprotocol import types
    from pygls.workspace import Workspace

    server = make_server("en")
    server.protocol._workspace = Workspace(None)  # what `initialize` sets up
    uri = "file:///tmp/huge.yaml"

    server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="yaml", version=1,
                                                              text="title: x\n" + "#" * MAX_DOCUMENT_CHARS))
    published = []
    server.text_document_publish_diagnostics = published.append  # type: ignore[method-assign]
    server.publish(uri)
    assert len(published) == 1
    diagnostics = published[0].diagnostics
    assert len(diagnostics) == 1 and diagnostics[0].code == "KH005" and "too large" in diagnostics[0].message
