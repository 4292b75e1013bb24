"""Build (dựng): a plan file → one output file (.docx, .html, .txt or .pdf).

``render`` turns a validated ``Plan`` into the bytes of one format; ``build_file`` loads and lints a
plan file, refuses one with errors, and writes the output atomically (never the input, never a
partial file, also not after Ctrl-C).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .compose.composer import compose
from .diagnostics import Diagnostic, KehoachError, Severity, has_errors
from .i18n import tr
from .source.loader import Loaded, load_path
from .model import Plan

FORMATS = ("docx", "html", "txt", "pdf")
SUFFIX_FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".txt": "txt", ".pdf": "pdf"}


def render(plan: Plan, fmt: str, *, templates: Path | None = None) -> bytes:
    """The bytes of ``plan`` written as ``fmt`` (docx, html or txt)."""
    document = compose(plan, templates=templates)
    if fmt == "docx":
        from .writers.docx import write_docx

        return write_docx(document)
    if fmt == "html":
        from .writers.html import write_html

        return write_html(document)
    if fmt == "txt":
        from .writers.text import write_text

        return write_text(document)
    raise KehoachError([Diagnostic("KH050", tr(
        "định dạng không hỗ trợ: {f} (chọn một trong: {all})", "unsupported format: {f} (choose one of: {all})",
        f=fmt, all=", ".join(FORMATS)), Severity.error)])


def output_format(output: Path, fmt: str | None) -> str:
    """The format asked for, or the one the output's suffix names; exit 2 when neither is known."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise KehoachError([Diagnostic("KH050", tr(
                "định dạng không hỗ trợ: {f} (chọn một trong: {all})",
                "unsupported format: {f} (choose one of: {all})", f=fmt, all=", ".join(FORMATS)), Severity.error)])
        return fmt
    if str(output) == "-":
        raise KehoachError([Diagnostic("KH051", tr(
            "ghi ra màn hình (-o -) cần chọn định dạng: --format docx | html | txt | pdf",
            "writing to standard output (-o -) needs a format: --format docx | html | txt | pdf"),
            Severity.error, "-")])
    suffix = output.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise KehoachError([Diagnostic("KH051", tr(
            "không biết định dạng của tệp đầu ra theo đuôi '{s}' (dùng .docx, .html, .txt hoặc .pdf, "
            "hoặc --format)",
            "cannot tell the output format from the suffix '{s}' (use .docx, .html, .txt or .pdf, or --format)",
            s=output.suffix or "(none)"), Severity.error, str(output))])
    return SUFFIX_FORMATS[suffix]


def load_checked(plan_path: Path) -> tuple[Plan, list[Diagnostic]]:
    """The plan of ``plan_path`` and its non-error findings; KehoachError (exit 1/2) on errors."""
    loaded, diagnostics = load_checked_source(plan_path)
    return loaded.plan, diagnostics  # type: ignore[return-value]


def load_checked_source(plan_path: Path) -> tuple[Loaded, list[Diagnostic]]:
    """As ``load_checked``, keeping the ``Loaded`` file (its text and positions) for later findings."""
    from .lint import lint  # imported here: the rule modules are many and build may not need them

    loaded = load_path(plan_path)
    diagnostics = list(loaded.diagnostics)
    if loaded.plan is not None:
        diagnostics += lint(loaded)
    if loaded.plan is None or has_errors(diagnostics):
        # As ``check``: a file (or profile, configuration) that cannot be read is exit 2 (KH0xx);
        # a readable plan with errors is exit 1.
        unreadable = any(d.code.startswith("KH0") for d in diagnostics if d.severity is Severity.error)
        raise KehoachError(diagnostics, exit_code=2 if unreadable else 1)
    return loaded, diagnostics


def resolve_output(plan_path: Path, output: str | Path | None, fmt: str | None) -> tuple[Path, str]:
    """The output path (default: the plan's name with .docx, or ``fmt``'s suffix, beside it) and format."""
    if output is None:
        output = plan_path.with_suffix(f".{fmt}" if fmt else ".docx")
    output = Path(output)
    return output, output_format(output, fmt)


def build_file(plan_path: str | Path, output: str | Path | None = None, *, fmt: str | None = None,
               templates: Path | None = None) -> Path:
    """Build ``plan_path`` into ``output``; KehoachError when the plan has errors or cannot be written."""
    plan_path = Path(plan_path)
    output, fmt = resolve_output(plan_path, output, fmt)
    plan, _ = load_checked(plan_path)
    return write_output(plan, output, fmt, templates=templates, protect=(plan_path,))


def write_output(plan: Plan, output: Path, fmt: str, *, templates: Path | None = None,
                 protect: tuple[Path, ...] = (), pdf_a: bool = False) -> Path:
    """Render ``plan`` as ``fmt`` and write it to ``output`` atomically (a PDF as PDF/A-2b with
    ``pdf_a``, dated with the plan's date so that the same plan gives the same bytes)."""
    from .fileio import write_atomic

    if fmt == "pdf":
        try:
            from .writers.pdf import convert_docx_bytes_to_pdf
        except ImportError:  # pragma: no cover - the module ships with the package
            raise KehoachError([Diagnostic("KH052", tr(
                "không xuất được PDF: thiếu mô-đun chuyển đổi", "PDF output is unavailable: converter missing"),
                Severity.error, str(output))]) from None
        from .writers.pdf_stamp import stamp_time

        day = plan.letterhead.date if isinstance(plan.letterhead.date, dt.date) else None
        return convert_docx_bytes_to_pdf(render(plan, "docx", templates=templates), output, protect=protect,
                                         pdf_a=pdf_a, created=stamp_time(day))
    return write_atomic(output, render(plan, fmt, templates=templates), protect=protect)


def metadata_paths(output: Path) -> tuple[Path, Path]:
    """Where ``--metadata`` writes, beside the document: plan.metadata.json and plan.edxml."""
    return output.with_name(output.stem + ".metadata.json"), output.with_name(output.stem + ".edxml")


def check_metadata(loaded: Loaded) -> tuple[dict, list[Diagnostic]]:
    """The e-office metadata of the loaded plan and its findings (KH054 errors, KH055 warnings)."""
    from .lint.config import find_config
    from .writers.metadata import outgoing

    base = Path(loaded.source.path).parent if loaded.source.path else Path.cwd()
    data, problems = outgoing(loaded.plan, find_config(base).agencies)  # type: ignore[arg-type]
    findings = [loaded.source.diagnostic(p.loc, p.code, tr(p.vi, p.en, **p.values),
                                         Severity.error if p.code == "KH054" else Severity.warning)
                for p in problems]
    if loaded.plan.classification:  # type: ignore[union-attr]
        findings.append(loaded.source.diagnostic(("classification",), "KH057", tr(
            "văn bản {c}: không tạo tệp .edxml (văn bản có nội dung bí mật nhà nước không gửi qua trục liên thông "
            "văn bản thông thường)", "a {c} document: no .edxml file is written (documents holding state secrets "
            "do not travel over the ordinary document exchange)",
            c=loaded.plan.classification), Severity.warning))  # type: ignore[union-attr]
    return data, findings
    return data, findings


def write_metadata(data: dict, output: Path, written: Path) -> list[Path]:
    """Write the metadata of the document just written to ``written`` (its page count when a PDF)."""
    from .fileio import write_atomic
    from .writers.metadata import edxml_header, metadata_json, pdf_page_count

    if written.suffix.lower() == ".pdf" and written.is_file():
        pdf = written.read_bytes()
        data = {**data, "PageAmount": pdf_page_count(pdf)}
        from .writers.pdf_fields import read_fields

        fields = read_fields(pdf)
        if fields:  # a PDF/A's signing fields: names and places for signing tools
            data["PdfFields"] = [field.as_json() for field in fields]
    json_path, edxml_path = metadata_paths(output)
    written_paths = [write_atomic(json_path, metadata_json(data))]
    if not data.get("Classification"):  # a secret document is not sent over the exchange (KH057)
        written_paths.append(write_atomic(edxml_path, edxml_header(data)))
    return written_paths
