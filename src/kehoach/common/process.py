"""A child process in its own process group: started so, and killed with its children.

LibreOffice starts soffice.bin as a child of soffice; a kill that reached only the first would leave
the second running. Both directions run it this way: ``kehoach import``'s .doc/.odt conversion
(importers/convert) and the PDF output (writers/soffice).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

_SIGKILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def popen_group(args: list[str], **kwargs) -> subprocess.Popen:
    """Start ``args`` in a process group of its own (``kwargs`` as ``subprocess.Popen`` takes them)."""
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(args, **kwargs)


def kill_tree(proc: subprocess.Popen, sig: int = _SIGKILL) -> None:
    """Signal the process's whole group, then reap it (a process already gone is no error)."""
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
        else:
            os.killpg(proc.pid, sig)
    except OSError:  # ProcessLookupError, PermissionError among them
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
