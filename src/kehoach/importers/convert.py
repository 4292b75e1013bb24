""".doc, .odt (and .rtf) to .docx bytes with LibreOffice headless, the converter the PDF output uses.

The caller passes how to find soffice (the CLI passes ``writers.pdf.find_soffice``, which honours
KEHOACH_SOFFICE and the usual install folders and says how to install LibreOffice); without one,
PATH is searched. LibreOffice runs with a private temporary profile, in its own process group, and
is killed with its children when it overruns the timeout.

A foreign document is untrusted: LibreOffice must not fetch what it links (an image at
``http://10.0.0.1/…`` tells the sender when the file was opened, or reaches internal addresses), run
its macros, or update its links. The private profile is written before LibreOffice starts with
settings that refuse all of that (``OFFICE_PROFILE``), every proxy (LibreOffice's own and the
environment's) points at a port where nothing listens, and on POSIX the process gets an
address-space limit (MEMORY_LIMIT) besides the time limit. Each of the two network layers
(BlockUntrustedRefererLinks, the proxies) stops a linked image on its own (tests/importers/
test_convert_sandbox.py); the Writer link-update setting is a further guard for linked sections.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..common.i18n import tr
from ..common.process import kill_tree, popen_group
from .errors import import_error

TIMEOUT = 120.0
MEMORY_LIMIT = 2 * 1024 ** 3  # address space of soffice.bin (a .doc conversion runs within 512 MB)
_NOWHERE = "127.0.0.1", 9  # the discard port: a proxy there answers nothing
# Values from LibreOffice's Common.xcs / Writer.xcs / Inet.xcs (registrymodifications.xcu format).
OFFICE_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop>\
<prop oor:name="DisableActiveContent" oor:op="fuse"><value>true</value></prop>\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">\
<prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update">\
<prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings">\
<prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop>\
<prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop>\
<prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>{host}</value></prop>\
<prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>{port}</value></prop>\
<prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>{host}</value></prop>\
<prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>{port}</value></prop>\
<prop oor:name="ooInetFTPProxyName" oor:op="fuse"><value>{host}</value></prop>\
<prop oor:name="ooInetFTPProxyPort" oor:op="fuse"><value>{port}</value></prop></item>
</oor:items>
""".format(host=_NOWHERE[0], port=_NOWHERE[1])


def write_profile(folder: Path) -> Path:
    """A LibreOffice user profile that fetches nothing, runs no macro and updates no link."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(OFFICE_PROFILE, encoding="utf-8")
    return folder


def offline_environment() -> dict[str, str]:
    """The environment for LibreOffice: every proxy variable pointing nowhere, no exemptions."""
    nowhere = f"http://{_NOWHERE[0]}:{_NOWHERE[1]}"
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy",)}
    for name in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"):
        env[name] = env[name.upper()] = nowhere
    return env


def _limit_memory() -> None:  # runs in the child between fork and exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def sandbox_options() -> dict:
    """What a warm LibreOffice kept for several foreign documents needs to be as closed as a one-off
    conversion: the offline environment and, on POSIX, the same memory limit (the profile is
    ``write_profile``'s)."""
    options: dict = {"env": offline_environment()}
    if sys.platform != "win32":
        options["preexec_fn"] = _limit_memory
    return options


def _default_soffice() -> Path:
    found = shutil.which("soffice") or shutil.which("libreoffice") or os.environ.get("KEHOACH_SOFFICE")
    if not found:
        raise import_error("KH070", tr(
            "không tìm thấy LibreOffice (soffice), cần để đọc tệp .doc/.odt. Cài đặt: Debian/Ubuntu "
            "`sudo apt-get install libreoffice-writer`; Windows `winget install TheDocumentFoundation."
            "LibreOffice`; macOS `brew install --cask libreoffice`; hoặc lưu văn bản thành .docx",
            "LibreOffice (soffice) was not found; it is needed to read .doc/.odt files. Install it: "
            "Debian/Ubuntu `sudo apt-get install libreoffice-writer`; Windows `winget install "
            "TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`; or save the "
            "document as .docx"), None)
    return Path(found)


def convert_to_docx(path: Path, soffice: Callable[[], Path] | None = None, *, timeout: float = TIMEOUT,
                    data: bytes | None = None) -> bytes:
    """The .docx bytes of the document at ``path`` (its ``data`` when already read and checked)."""
    program = (soffice or _default_soffice)()
    with tempfile.TemporaryDirectory(prefix="kehoach-import-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        staged = folder / f"input{path.suffix.lower()}"
        if data is not None:
            staged.write_bytes(data)
        else:
            shutil.copyfile(path, staged)
        out = folder / "out"
        profile = write_profile(folder / "profile")
        args = [str(program), "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", str(out), str(staged)]
        try:
            proc = popen_group(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               **sandbox_options())
        except OSError as exc:
            raise import_error("KH506", tr("không chạy được LibreOffice ({p}): {e}", "cannot run LibreOffice ({p}): {e}",
                                           p=program, e=exc.strerror or exc), path) from None
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_tree(proc)
            raise import_error("KH506", tr("LibreOffice chưa chuyển xong sau {t:g} giây nên đã bị dừng",
                                           "LibreOffice did not finish within {t:g} seconds and was stopped",
                                           t=timeout), path) from None
        except BaseException:
            kill_tree(proc)
            raise
        produced = out / "input.docx"
        if proc.returncode != 0 or not produced.is_file():
            said = output.decode("utf-8", "replace").strip()
            raise import_error("KH506", tr(
                "LibreOffice không mở được tệp (tệp hỏng, có mật khẩu hoặc không phải văn bản){o}",
                "LibreOffice could not open the file (corrupt, password-protected or not a document){o}",
                o=(": " + said) if said else ""), path)
        return produced.read_bytes()
