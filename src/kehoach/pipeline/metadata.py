"""The e-office metadata beside a built document (``build --metadata``): Phụ lục VI fields as
.metadata.json and an edXML header, checked before anything is written."""

from __future__ import annotations

from pathlib import Path

from ..common.diagnostics import Code, Diagnostic, Severity
from ..common.i18n import tr
from ..source.config import Config, config_for
from ..source.loader import Loaded


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH057", "warning", "Văn bản mật: không tạo .edxml", "Secret document: no .edxml",
         "Kế hoạch có độ mật (classification). Văn bản điện tử có nội dung bí mật nhà nước chỉ được gửi, nhận qua "
         "hệ thống quản lý văn bản điện tử bí mật nhà nước, trên máy không nối mạng Internet (Luật Bảo vệ bí mật "
         "nhà nước 2018, Điều 5; Nghị định 63/2026/NĐ-CP), không qua trục liên thông văn bản thông thường, nên "
         "--metadata không tạo tệp .edxml. Tệp .metadata.json vẫn được ghi để đăng ký; với độ Tuyệt mật không ghi "
         "trích yếu.",
         "The plan has a classification. Electronic documents holding state secrets are sent and received only "
         "through the state-secret document system, on machines not connected to the Internet (Law on Protection "
         "of State Secrets 2018, Article 5; Decree 63/2026/NĐ-CP), not over the ordinary document exchange, so "
         "--metadata writes no .edxml file. The .metadata.json is still written for registration; a Tuyệt mật "
         "document has no trích yếu there."),
)


def metadata_paths(output: Path) -> tuple[Path, Path]:
    """Where ``--metadata`` writes, beside the document: plan.metadata.json and plan.edxml."""
    return output.with_name(output.stem + ".metadata.json"), output.with_name(output.stem + ".edxml")


def check_metadata(loaded: Loaded, config: Config | None = None) -> tuple[dict, list[Diagnostic]]:
    """The e-office metadata of the loaded plan and its findings (KH054 errors, KH055 warnings);
    the agency directory comes from ``config`` (default: the plan's configuration)."""
    from ..exporters.metadata import outgoing

    config = config or config_for(loaded.source.path)
    data, problems = outgoing(loaded.plan, config.agencies)  # type: ignore[arg-type]
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


def write_metadata(data: dict, output: Path, written: Path) -> list[Path]:
    """Write the metadata of the document just written to ``written`` (its page count when a PDF)."""
    from ..common.fileio import write_atomic
    from ..exporters.metadata import edxml_header, metadata_json, pdf_page_count

    if written.suffix.lower() == ".pdf" and written.is_file():
        pdf = written.read_bytes()
        data = {**data, "PageAmount": pdf_page_count(pdf)}
        from ..writers.pdf_fields import read_fields

        fields = read_fields(pdf)
        if fields:  # a PDF/A's signing fields: names and places for signing tools
            data["PdfFields"] = [field.as_json() for field in fields]
    json_path, edxml_path = metadata_paths(output)
    written_paths = [write_atomic(json_path, metadata_json(data))]
    if not data.get("Classification"):  # a secret document is not sent over the exchange (KH057)
        written_paths.append(write_atomic(edxml_path, edxml_header(data)))
    return written_paths
