"""Plan text made safe for formats that cannot carry every character.

YAML's double-quoted escapes ("\x01", "\0", "\uFFFE") let a plan hold characters that XML 1.0 and
RFC 5545 forbid; ``check`` has no reason to refuse them in a .docx paragraph, so the writers of
stricter formats drop them here instead of producing a file another program cannot read.
"""

from __future__ import annotations

import re

# XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# RFC 5545 §3.3.11 TEXT: no control characters but HTAB (line breaks are written as "\n")
_NOT_ICS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def xml_chars(text: str) -> str:
    """``text`` with the characters XML 1.0 does not allow removed."""
    return _NOT_XML.sub("", text)


def ics_chars(text: str) -> str:
    """``text`` with CR LF and bare CR as LF, and the other control characters removed."""
    return _NOT_ICS.sub("", xml_chars(text.replace("\r\n", "\n").replace("\r", "\n")))
