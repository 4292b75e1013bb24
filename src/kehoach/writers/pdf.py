"""PDF output: the .docx converted by LibreOffice headless, the converter officers actually have.

Two ways in:
- ``convert_docx_bytes_to_pdf`` / ``convert_docx_file_to_pdf``: one ``soffice --convert-to`` run
  (about 1.5 s, mostly start-up), for a single ``kehoach build -o plan.pdf``.
- ``Converter``: one LibreOffice kept running per batch worker, driven over UNO by
  ``uno_worker.py``, so start-up is paid once, not per document. Where no Python can import
  ``uno`` it falls back to converting a whole ``convert_many`` list in one ``soffice`` run.

Every LibreOffice gets its own temporary user profile (concurrent runs would otherwise fight over
the profile lock), runs in its own process group (a timeout kills all of it), and its output is
shown when it fails. PDFs are produced in a private temporary folder and then written to their
destination with ``write_atomic``: no partial PDF after a failure.

Diagnostic codes (all exit 2): KH070 LibreOffice not found, KH071 no Times New Roman / Liberation
Serif (in fonts.py), KH072 the conversion failed (with LibreOffice's own output), KH073 timeout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.fileio import make_scratch, remove_scratch, write_atomic
from ..common.i18n import tr
from .fonts import require_serif_font
from .pdf_stamp import reproducible, stamp_time


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH070", "error", "Không tìm thấy LibreOffice", "LibreOffice not found",
         "Xuất PDF cần LibreOffice (soffice); thông báo nêu lệnh cài cho từng hệ điều hành.",
         "PDF output needs LibreOffice (soffice); the message gives the install command for each system."),
    Code("KH072", "error", "Chuyển PDF thất bại", "PDF conversion failed",
         "LibreOffice không chạy được hoặc không chuyển được tệp .docx; không tệp PDF nào được ghi.",
         "LibreOffice could not run or could not convert the .docx; no PDF was written."),
    Code("KH073", "error", "Chuyển PDF quá thời gian", "PDF conversion timed out",
         "LibreOffice không chuyển xong trong thời gian cho phép nên đã bị dừng; không tệp PDF nào được ghi.",
         "LibreOffice did not finish within the time allowed and was stopped; no PDF was written."),
)

DEFAULT_TIMEOUT = 120.0  # seconds for one document (or one soffice run)
START_TIMEOUT = 60.0  # seconds for a warm LibreOffice to accept connections
PDF_FILTER = "writer_pdf_Export"
# PDF/A-2b (ISO 19005-2, level B) for signing and archiving: LibreOffice embeds every font, writes
# the sRGB output intent and the XMP identification. Tagged PDF helps screen readers. The docx's
# bookmarks become named destinations: where writers/pdf_fields puts the signing fields.
PDF_A_OPTIONS = {"SelectPdfVersion": 2, "UseTaggedPDF": True, "ExportBookmarksToPDFDestination": True}
_WORKER_SCRIPT = Path(__file__).with_name("uno_worker.py")
_NOISE = ("failed to launch javaldx",)  # harmless LibreOffice chatter kept out of error messages

DocxSource = bytes | Path


def _error(code: str, message: str, path: str | Path | None = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path else None)], exit_code=2)


def _install_candidates() -> list[Path]:
    """Where the installers put soffice when it is not on PATH."""
    if sys.platform == "win32":
        roots = {os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")}
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in sorted(r for r in roots if r)]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return [Path("/usr/lib/libreoffice/program/soffice"), Path("/snap/bin/libreoffice"),
            *sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)]


def find_soffice() -> Path:
    """The LibreOffice executable: $KEHOACH_SOFFICE, then PATH, then the usual install folders."""
    override = os.environ.get("KEHOACH_SOFFICE")
    if override:
        return Path(override)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _install_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise _error("KH070", tr(
        "không tìm thấy LibreOffice (soffice), cần để xuất PDF. Cài đặt: Debian/Ubuntu "
        "`sudo apt-get install libreoffice-writer fonts-liberation`; Windows "
        "`winget install TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`. "
        "Hoặc đặt biến KEHOACH_SOFFICE trỏ tới tệp soffice",
        "LibreOffice (soffice) was not found; it is needed for PDF output. Install it: Debian/Ubuntu "
        "`sudo apt-get install libreoffice-writer fonts-liberation`; Windows "
        "`winget install TheDocumentFoundation.LibreOffice`; macOS `brew install --cask libreoffice`. "
        "Or set KEHOACH_SOFFICE to the soffice executable"))


def _profile_arg(folder: Path) -> str:
    from ..importers.convert import write_profile  # offline: fetches nothing, no macro, no link update
    return f"-env:UserInstallation={write_profile(folder).as_uri()}"


def _filter_arg(pdf_a: bool) -> str:
    """The --convert-to argument; filter options as JSON (LibreOffice 7.4 and later)."""
    if not pdf_a:
        return f"pdf:{PDF_FILTER}"
    options = {name: {"type": "boolean" if isinstance(value, bool) else "long", "value": str(value).lower()
                      if isinstance(value, bool) else str(value)} for name, value in PDF_A_OPTIONS.items()}
    return f"pdf:{PDF_FILTER}:{json.dumps(options, separators=(',', ':'))}"


def _finished(pdf: bytes, created: dt.datetime | None, pdf_a: bool = False) -> bytes:
    """Reproducible bytes; a PDF/A also gets its signing fields (writers/pdf_fields)."""
    return reproducible(pdf, created or stamp_time(None), fields=pdf_a)


def _popen(args: list[str], **kwargs) -> subprocess.Popen:
    """Start a process in its own process group, so that a kill reaches its children too.

    LibreOffice runs in UTC: the dates it stamps then have one shape in every time zone, and
    ``pdf_stamp`` replaces them with the plan's date.
    """
    kwargs.setdefault("env", {**os.environ, "TZ": "UTC"})
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(args, **kwargs)


_SIGKILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def _kill_tree(proc: subprocess.Popen, sig: int = _SIGKILL) -> None:
    """Signal the process's whole group (LibreOffice starts soffice.bin as a child), then reap it."""
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
        else:
            os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _clean_output(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    lines = [line for line in text.splitlines() if line.strip() and not any(n in line for n in _NOISE)]
    return "\n".join(lines).strip()


def _with_output(message: str, output: str) -> str:
    if not output:
        return message + tr(" (LibreOffice không in thông báo nào)", " (LibreOffice printed nothing)")
    return message + tr("; LibreOffice báo:\n", "; LibreOffice said:\n") + output


def _stage(items: list[tuple[DocxSource, Path]], folder: Path) -> list[Path]:
    """Copy the inputs under unique names, so that two documents called plan.docx cannot collide."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for index, (source, _pdf) in enumerate(items):
        target = folder / f"{index:05d}.docx"
        if isinstance(source, bytes):
            target.write_bytes(source)
        else:
            try:
                shutil.copyfile(source, target)
            except OSError as exc:
                raise _error("KH072", tr("không đọc được tệp .docx: {e}", "cannot read the .docx file: {e}",
                                         e=exc.strerror or exc), source) from None
        staged.append(target)
    return staged


def _convert_in_one_run(items: list[tuple[DocxSource, Path]], *, timeout: float,
                        protect: tuple[Path, ...] = (), pdf_a: bool = False,
                        created: dt.datetime | None = None) -> list[Path]:
    """Convert every item with a single ``soffice --convert-to`` run; write all PDFs or none."""
    if not items:
        return []
    require_serif_font()
    soffice = find_soffice()
    tmp_dir = make_scratch("pdf")
    try:
        staged = _stage(items, tmp_dir / "in")
        out_dir = tmp_dir / "out"
        args = [str(soffice), "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                _profile_arg(tmp_dir / "profile"), "--convert-to", _filter_arg(pdf_a),
                "--outdir", str(out_dir), *map(str, staged)]
        try:
            proc = _popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as exc:
            raise _error("KH072", tr("không chạy được LibreOffice ({p}): {e}", "cannot run LibreOffice ({p}): {e}",
                                     p=soffice, e=exc.strerror or exc)) from None
        try:
            raw, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(proc)
            raise _error("KH073", tr(
                "LibreOffice chưa chuyển xong sang PDF sau {t:g} giây nên đã bị dừng; không ghi tệp PDF nào",
                "LibreOffice did not finish the PDF conversion within {t:g} seconds and was stopped; "
                "no PDF was written", t=timeout), items[0][1]) from None
        except BaseException:  # Ctrl-C: never leave a LibreOffice behind
            _kill_tree(proc)
            raise
        output = _clean_output(raw)
        produced = [out_dir / f"{path.stem}.pdf" for path in staged]
        missing = [pdf for (_src, pdf), made in zip(items, produced) if not made.is_file()]
        if proc.returncode != 0 or missing:
            raise _error("KH072", _with_output(tr(
                "LibreOffice không tạo được PDF (mã thoát {rc})", "LibreOffice did not produce the PDF (exit code {rc})",
                rc=proc.returncode), output), (missing or [items[0][1]])[0])
        return [write_atomic(pdf, _finished(made.read_bytes(), created, pdf_a), protect=protect)
                for (_src, pdf), made in zip(items, produced)]
    finally:
        remove_scratch(tmp_dir)


def convert_docx_bytes_to_pdf(docx_bytes: bytes, pdf_path: str | Path, *, timeout: float = DEFAULT_TIMEOUT,
                              protect: tuple[Path, ...] = (), pdf_a: bool = False,
                              created: dt.datetime | None = None) -> Path:
    """Convert one .docx (as bytes) to ``pdf_path`` with a one-off LibreOffice run; ``created`` is the
    date stamped in the PDF (default: SOURCE_DATE_EPOCH or a fixed date), ``pdf_a`` asks for PDF/A-2b."""
    return _convert_in_one_run([(docx_bytes, Path(pdf_path))], timeout=timeout, protect=protect, pdf_a=pdf_a,
                               created=created)[0]


def convert_docx_file_to_pdf(docx_path: str | Path, pdf_path: str | Path, *, timeout: float = DEFAULT_TIMEOUT,
                             protect: tuple[Path, ...] = ()) -> Path:
    """Convert one .docx file to ``pdf_path`` with a one-off LibreOffice run."""
    return _convert_in_one_run([(Path(docx_path), Path(pdf_path))], timeout=timeout,
                               protect=(Path(docx_path), *protect))[0]


def _uno_python_candidates(soffice: Path) -> list[str]:
    program = soffice.resolve().parent
    candidates = [os.environ.get("KEHOACH_UNO_PYTHON"),
                  str(program / "python.exe"), str(program / "python"),  # bundled on Windows
                  str(program.parent / "Resources" / "python"),  # bundled on macOS
                  "/usr/bin/python3", sys.executable]
    return [c for c in dict.fromkeys(candidates) if c and Path(c).is_file()]


def find_uno_python(soffice: Path) -> str | None:
    """A Python that can ``import uno`` for this LibreOffice (Debian: python3-uno), or None."""
    for python in _uno_python_candidates(soffice):
        try:
            probe = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return python
    return None


class Converter:
    """One LibreOffice kept warm for many conversions (one per batch worker).

    ``mode`` is "listener" (a LibreOffice accepting UNO connections on a private pipe, driven by
    uno_worker.py) when a Python with ``uno`` exists, else "batch" (each ``convert_many`` call is
    one ``soffice --convert-to`` run, which still pays start-up once per call, not per document).

        with Converter() as converter:
            converter.convert_many([(docx_bytes, Path("out/a.pdf")), ...])
    """

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, start_timeout: float = START_TIMEOUT,
                 use_listener: bool = True, pdf_a: bool = False, created: dt.datetime | None = None) -> None:
        self.timeout = timeout
        self.pdf_a = pdf_a
        self.created = created
        self.start_timeout = start_timeout
        self._use_listener = use_listener
        self.mode: str | None = None
        self._soffice: Path | None = None
        self._python: str | None = None
        self._tmp: Path | None = None
        self._office: subprocess.Popen | None = None
        self._worker: subprocess.Popen | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._count = 0

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Converter:
        require_serif_font()
        self._soffice = find_soffice()
        self._python = find_uno_python(self._soffice) if self._use_listener else None
        self.mode = "listener" if self._python else "batch"
        self._tmp = make_scratch("pdf")
        if self.mode == "listener":
            self._start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._stop()
        if self._tmp is not None:
            remove_scratch(self._tmp)
            self._tmp = None

    def _start(self) -> None:
        assert self._tmp is not None and self._soffice is not None and self._python is not None
        pipe = f"kehoach-{os.getpid()}-{secrets.token_hex(6)}"
        profile = Path(tempfile.mkdtemp(prefix="profile-", dir=self._tmp))
        self._office_log = self._tmp / f"{profile.name}.log"
        with open(self._office_log, "wb") as log:
            self._office = _popen([str(self._soffice), "--headless", "--invisible", "--norestore", "--nolockcheck",
                                   "--nodefault", "--nologo", _profile_arg(profile),
                                   f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                                  stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            self._worker = _popen([self._python, str(_WORKER_SCRIPT), pipe, str(self.start_timeout)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                  text=True, encoding="utf-8")
        self._replies = queue.Queue()
        threading.Thread(target=self._read_replies, args=(self._worker, self._replies), daemon=True).start()
        reply = self._next_reply(self.start_timeout + 10)
        if not reply or not reply.get("ready"):
            detail = (reply or {}).get("error", "")
            output = _clean_output("\n".join(filter(None, [detail, self._log_text()])))
            self._stop()
            raise _error("KH072", _with_output(tr("không khởi động được LibreOffice", "LibreOffice did not start"),
                                               output))

    @staticmethod
    def _read_replies(worker: subprocess.Popen, replies: queue.Queue) -> None:
        assert worker.stdout is not None
        for line in worker.stdout:
            replies.put(line)
        replies.put(None)  # the worker has exited

    def _next_reply(self, timeout: float) -> dict | None:
        """The worker's next JSON reply; None when it exited; raises queue.Empty on timeout."""
        line = self._replies.get(timeout=timeout)
        return json.loads(line) if line is not None else None

    def _log_text(self) -> str:
        try:
            return self._office_log.read_text("utf-8", "replace")
        except (OSError, AttributeError):
            return ""

    def _stop(self) -> None:
        worker, office = self._worker, self._office
        self._worker = self._office = None
        if worker is not None:
            try:
                worker.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
            try:
                worker.wait(timeout=5)
            except subprocess.TimeoutExpired:
                _kill_tree(worker)
        if office is not None:
            _kill_tree(office, signal.SIGTERM)
            if office.poll() is None:
                _kill_tree(office)

    # -- conversions -----------------------------------------------------------------------------
    def convert(self, docx: DocxSource, pdf_path: str | Path, *, protect: tuple[Path, ...] = (),
                created: dt.datetime | None = None) -> Path:
        """Convert one .docx (bytes or a path) to ``pdf_path``, dated ``created`` (default: the
        converter's)."""
        return self.convert_many([(docx, Path(pdf_path))], protect=protect, created=created)[0]

    def convert_file(self, docx_path: str | Path, pdf_path: str | Path) -> Path:
        return self.convert(Path(docx_path), pdf_path, protect=(Path(docx_path),))

    def convert_many(self, items: Iterable[tuple[DocxSource, str | Path]], *,
                     protect: tuple[Path, ...] = (), created: dt.datetime | None = None) -> list[Path]:
        """Convert each (docx bytes or path, pdf path); returns the PDF paths in order.

        Stops at the first failure (KehoachError, exit 2); PDFs already written stay, each complete.
        """
        if self.mode is None:
            raise RuntimeError("Converter must be used as a context manager")
        pairs = [(source, Path(pdf)) for source, pdf in items]
        if self.mode == "batch":
            return _convert_in_one_run(pairs, timeout=self.timeout * max(1, len(pairs)), protect=protect,
                                       pdf_a=self.pdf_a, created=created or self.created)
        return [self._convert_warm(source, pdf, protect, created or self.created) for source, pdf in pairs]

    def _convert_warm(self, source: DocxSource, pdf_path: Path, protect: tuple[Path, ...],
                      created: dt.datetime | None) -> Path:
        assert self._tmp is not None
        if self._worker is None:  # first use after a failure: start a fresh LibreOffice
            self._start()
        self._count += 1
        staged = _stage([(source, pdf_path)], self._tmp / "in")[0]
        staged = staged.rename(staged.with_name(f"{self._count:06d}.docx"))
        produced = self._tmp / f"{self._count:06d}.pdf"
        try:
            request = {"src": str(staged), "dst": str(produced), "filter_data": PDF_A_OPTIONS if self.pdf_a else {}}
            self._worker.stdin.write(json.dumps(request) + "\n")  # type: ignore[union-attr]
            self._worker.stdin.flush()  # type: ignore[union-attr]
            reply = self._next_reply(self.timeout)
        except queue.Empty:
            self._stop()
            raise _error("KH073", tr(
                "LibreOffice chưa chuyển xong sang PDF sau {t:g} giây nên đã bị dừng; không ghi tệp PDF",
                "LibreOffice did not finish the PDF conversion within {t:g} seconds and was stopped; "
                "no PDF was written", t=self.timeout), pdf_path) from None
        except OSError:  # the worker's stdin is closed: it died
            reply = None
        except BaseException:
            self._stop()
            raise
        try:
            if reply is None or not reply.get("ok") or not produced.is_file():
                detail = (reply or {}).get("error", "")
                if reply is None or reply.get("fatal"):
                    self._stop()
                raise _error("KH072", _with_output(tr("LibreOffice không tạo được PDF", "LibreOffice did not produce the PDF"),
                                                   _clean_output("\n".join(filter(None, [detail, self._log_text()])))),
                             pdf_path)
            return write_atomic(pdf_path, _finished(produced.read_bytes(), created, self.pdf_a), protect=protect)
        finally:
            staged.unlink(missing_ok=True)
            produced.unlink(missing_ok=True)
