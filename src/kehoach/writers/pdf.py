"""PDF output: the .docx converted by LibreOffice headless, the converter officers actually have.

Two ways in:
- ``convert_docx_bytes_to_pdf`` / ``convert_docx_file_to_pdf`` (``pdf_once``): one ``soffice
  --convert-to`` run (about 1.5 s, mostly start-up), for a single ``kehoach build -o plan.pdf``.
- ``Converter``: one LibreOffice kept running per batch worker, driven over UNO by
  ``uno_worker.py``, so start-up is paid once, not per document. Where no Python can import
  ``uno`` it falls back to converting a whole ``convert_many`` list in one ``soffice`` run.

Every LibreOffice gets its own temporary user profile (concurrent runs would otherwise fight over
the profile lock), runs in its own process group (a timeout kills all of it), and its output is
shown when it fails (``soffice``). PDFs are produced in a private temporary folder and then written
to their destination with ``write_atomic``: no partial PDF after a failure.

Diagnostic codes (all exit 2): KH070 LibreOffice not found (in soffice.py), KH071 no Times New Roman /
Liberation Serif (in fonts.py), KH072 the conversion failed (with LibreOffice's own output), KH073 timeout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import secrets
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from ..common.diagnostics import Code, KehoachError
from ..common.fileio import make_scratch, remove_scratch, write_atomic
from ..common.i18n import tr
from .fonts import require_serif_font
from .pdf_once import DEFAULT_TIMEOUT, PDF_A_OPTIONS, DocxSource, convert_in_one_run, finished, stage
from .pdf_once import convert_docx_bytes_to_pdf, convert_docx_file_to_pdf  # noqa: F401  (PDF output's door)
from ..common.process import kill_tree
from .soffice import clean_output, failure, find_uno_python, popen, profile_arg, with_output
from .soffice import find_soffice  # the CLI hands it to the importer; a test replaces it here

# The codes raised here and in ``pdf_once``, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH072", "error", "Chuyển PDF thất bại", "PDF conversion failed",
         "LibreOffice không chạy được hoặc không chuyển được tệp .docx; không tệp PDF nào được ghi.",
         "LibreOffice could not run or could not convert the .docx; no PDF was written."),
    Code("KH073", "error", "Chuyển PDF quá thời gian", "PDF conversion timed out",
         "LibreOffice không chuyển xong trong thời gian cho phép nên đã bị dừng; không tệp PDF nào được ghi.",
         "LibreOffice did not finish within the time allowed and was stopped; no PDF was written."),
)

START_TIMEOUT = 60.0  # seconds for a warm LibreOffice to accept connections
_WORKER_SCRIPT = Path(__file__).with_name("uno_worker.py")


class Converter:
    """One LibreOffice kept warm for many conversions (one per batch worker).

    ``mode`` is "listener" (a LibreOffice accepting UNO connections on a private pipe, driven by
    uno_worker.py) when a Python with ``uno`` exists, else "batch" (each ``convert_many`` call is
    one ``soffice --convert-to`` run, which still pays start-up once per call, not per document).

        with Converter() as converter:
            converter.convert_many([(docx_bytes, Path("out/a.pdf")), ...])
    """

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, start_timeout: float = START_TIMEOUT,
                 use_listener: bool = True, pdf_a: bool = False, created: dt.datetime | None = None,
                 profile_setup: Callable[[Path], object] | None = None, office_options: dict | None = None) -> None:
        self.timeout = timeout
        self._profile_setup = profile_setup  # writes settings into the fresh profile before LibreOffice starts
        self._office_options = office_options or {}  # for LibreOffice's Popen: env, preexec_fn
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
        if self._profile_setup is not None:
            self._profile_setup(profile)
        options = dict(self._office_options)
        if "env" in options:
            options["env"] = {**options["env"], "TZ": "UTC"}
        self._office_log = self._tmp / f"{profile.name}.log"
        with open(self._office_log, "wb") as log:
            self._office = popen([str(self._soffice), "--headless", "--invisible", "--norestore", "--nolockcheck",
                                  "--nodefault", "--nologo", profile_arg(profile),
                                  f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                                 stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, **options)
            self._worker = popen([self._python, str(_WORKER_SCRIPT), pipe, str(self.start_timeout)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                 text=True, encoding="utf-8")
        self._replies = queue.Queue()
        threading.Thread(target=self._read_replies, args=(self._worker, self._replies), daemon=True).start()
        reply = self._next_reply(self.start_timeout + 10)
        if not reply or not reply.get("ready"):
            detail = (reply or {}).get("error", "")
            output = clean_output("\n".join(filter(None, [detail, self._log_text()])))
            self._stop()
            raise failure("KH072", with_output(tr("không khởi động được LibreOffice", "LibreOffice did not start"),
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
                kill_tree(worker)
        if office is not None:
            kill_tree(office, signal.SIGTERM)
            if office.poll() is None:
                kill_tree(office)

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
            return convert_in_one_run(pairs, timeout=self.timeout * max(1, len(pairs)), protect=protect,
                                      pdf_a=self.pdf_a, created=created or self.created)
        return [self._convert_warm(source, pdf, protect, created or self.created) for source, pdf in pairs]

    def _ask(self, request: dict) -> dict | None:
        """Send one request to the worker; its reply, None when it died; queue.Empty on timeout."""
        if self._worker is None:  # first use after a failure: start a fresh LibreOffice
            self._start()
        try:
            self._worker.stdin.write(json.dumps(request) + "\n")  # type: ignore[union-attr]
            self._worker.stdin.flush()  # type: ignore[union-attr]
        except OSError:  # the worker's stdin is closed: it died
            return None
        return self._next_reply(self.timeout)

    def to_docx(self, source: Path, data: bytes) -> bytes | None:
        """The .docx bytes LibreOffice saves of a foreign document (``data``, read from ``source``),
        opened with its macros and links never run; None when the warm LibreOffice cannot do it (the
        caller then converts it on its own, and says why)."""
        assert self._tmp is not None and self.mode == "listener"
        self._count += 1
        staged = self._tmp / f"{self._count:06d}{source.suffix.lower()}"
        produced = self._tmp / f"{self._count:06d}.docx"
        staged.write_bytes(data)
        try:
            reply = self._ask({"src": str(staged), "dst": str(produced), "filter": "MS Word 2007 XML",
                               "untrusted": True})
            if reply is None or reply.get("fatal"):
                self._stop()
            return produced.read_bytes() if reply and reply.get("ok") and produced.is_file() else None
        except (queue.Empty, KehoachError):  # too slow, or it would not start: the caller converts alone
            self._stop()
            return None
        finally:
            staged.unlink(missing_ok=True)
            produced.unlink(missing_ok=True)

    def _convert_warm(self, source: DocxSource, pdf_path: Path, protect: tuple[Path, ...],
                      created: dt.datetime | None) -> Path:
        assert self._tmp is not None
        self._count += 1
        staged = stage([(source, pdf_path)], self._tmp / "in")[0]
        staged = staged.rename(staged.with_name(f"{self._count:06d}.docx"))
        produced = self._tmp / f"{self._count:06d}.pdf"
        try:
            reply = self._ask({"src": str(staged), "dst": str(produced),
                               "filter_data": PDF_A_OPTIONS if self.pdf_a else {}})
        except queue.Empty:
            self._stop()
            raise failure("KH073", tr(
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
                raise failure("KH072", with_output(tr("LibreOffice không tạo được PDF", "LibreOffice did not produce the PDF"),
                                                   clean_output("\n".join(filter(None, [detail, self._log_text()])))),
                              pdf_path)
            return write_atomic(pdf_path, finished(produced.read_bytes(), created, self.pdf_a), protect=protect)
        finally:
            staged.unlink(missing_ok=True)
            produced.unlink(missing_ok=True)
