"""The language server's input, bounded: a hostile or broken client cannot exhaust memory or hang it.

pygls reads a header line with ``readline()`` and then ``read(Content-Length)``: a length of 10**12
asks for a terabyte (MemoryError), 2**31 for two gigabytes, and a negative or malformed length
does not match pygls' pattern, so the body is then read as header lines and the server waits for
good. ``BoundedStdin`` stands between pygls and stdin: header lines are read at most
MAX_HEADER_LINE bytes at a time, and a Content-Length that is not a number of 0..MAX_MESSAGE bytes
ends the session cleanly (a message on stderr, then end of input, which pygls treats as the client
leaving).
"""

from __future__ import annotations

import re
import sys
from typing import BinaryIO

MAX_MESSAGE = 16 * 1024 * 1024  # one JSON-RPC message: a plan (5 MB at most) with JSON escaping
MAX_HEADER_LINE = 4096
_LENGTH = re.compile(rb"content-length\s*:\s*(.*?)\s*", re.IGNORECASE | re.DOTALL)


class BoundedStdin:
    def __init__(self, stream: BinaryIO, log: BinaryIO | None = None) -> None:
        self.stream = stream
        self.log = log if log is not None else sys.stderr.buffer
        self.closed = False
        self.pending = 0  # the body length announced by the last Content-Length header

    def _refuse(self, why: str) -> bytes:
        self.closed = True
        try:
            self.log.write(f"kehoach lsp: {why}; closing the connection\n".encode())
            self.log.flush()
        except (OSError, ValueError):
            pass
        return b""

    def readline(self) -> bytes:
        if self.closed:
            return b""
        line = self.stream.readline(MAX_HEADER_LINE + 1)
        if len(line) > MAX_HEADER_LINE:
            return self._refuse(f"a header line longer than {MAX_HEADER_LINE} bytes")
        match = _LENGTH.fullmatch(line)
        if match:
            value = match[1]
            if not (value.isascii() and value.isdigit()) or len(value) > 12 or int(value) > MAX_MESSAGE:
                return self._refuse(f"Content-Length {value[:24]!r} is not a size from 0 to {MAX_MESSAGE} bytes")
            self.pending = int(value)
            # pygls matches exactly "Content-Length: N\r\n": give it the canonical form
            return b"Content-Length: %d\r\n" % self.pending
        return line

    def read(self, size: int = -1) -> bytes:
        if self.closed or size < 0 or size > MAX_MESSAGE:
            return self._refuse(f"a read of {size} bytes") if not self.closed else b""
        data = self.stream.read(size)
        self.pending = 0
        return data
