"""E-office hand-off (thông tin văn bản đi): Decree 30 Phụ lục VI metadata and an edXML header.

An e-office system registers an outgoing document with the fields of Phụ lục VI, Phần II, Mục I
(văn bản đi) and passes it between agencies in an edXML envelope (QCVN 102:2016/BTTTT) whose
``MessageHeader`` carries the same facts. Both are read off the ``Plan`` (the issued document is the
decision when a decision issues the plan). Agency codes (mã định danh, 13 characters such as
``000.00.00.H43``) come from the configuration's agency directory: a body without a code there is
reported, never invented. A value longer than its field allows is an error at the plan's key.

A draft for the e-office system (no number or date: Decree 30, Điều 15.3, the system assigns them)
is marked ``draft`` and leaves those fields empty.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..common import vn
from ..common.diagnostics import Code
from ..model import Plan, Recipient, Recipients, Signature
from ..model.marks import priority
from ..model.walk import Loc
from ..writers.xmltext import xml_chars


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH054", "error", "Thông tin văn bản đi quá dài", "Outgoing metadata field too long",
         "Một trường của thông tin văn bản đi (--metadata, Phụ lục VI Nghị định 30) dài hơn số ký tự cho phép.",
         "A field of the outgoing-document metadata (--metadata, Decree 30 Appendix VI) is longer than allowed."),
    Code("KH055", "warning", "Thiếu mã định danh cơ quan", "Agency code missing",
         "Thông tin văn bản đi cần mã định danh của cơ quan ban hành và nơi nhận; thêm `code` cho cơ quan đó trong "
         "danh mục cơ quan (`[[agencies]]` của kehoach.toml).",
         "The outgoing-document metadata needs the agency codes of the issuer and recipients; add a `code` for "
         "that agency in the agency directory (`[[agencies]]` of kehoach.toml)."),
)

# Phụ lục VI, Phần II, Mục I: (field, Vietnamese name, maximum length; None for numbers/dates).
FIELDS: dict[str, tuple[str, int | None]] = {
    "OrganId": ("Mã định danh cơ quan ban hành", 13),
    "OrganName": ("Tên cơ quan, tổ chức ban hành", 200),
    "CodeNumber": ("Số văn bản", 11),
    "CodeNotation": ("Ký hiệu văn bản", 30),
    "IssuedDate": ("Ngày, tháng, năm văn bản", 10),
    "TypeName": ("Tên loại văn bản", 100),
    "Subject": ("Trích yếu nội dung", 500),
    "Position": ("Chức vụ người ký", 100),
    "FullName": ("Họ tên người ký", 50),
    "PageAmount": ("Số trang văn bản", 3),
    "IssuedAmount": ("Số lượng bản phát hành", 3),
    "Language": ("Ngôn ngữ", 30),
}
# edXML 2016 (TT 01/2022 kept the envelope). The standard's text was not at hand; this is the URI that
# independent public e-office integrations write (checked against several of them).
NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


@dataclass(frozen=True)
class Problem:
    """Something the metadata cannot say truthfully: where in the plan, and why."""

    loc: Loc
    code: str  # KH054: a value too long for its field (error); KH055: a body without a code (warning)
    vi: str
    en: str
    values: dict


def _one_line(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _type_name(kind: str) -> str:
    """'KẾ HOẠCH' → 'Kế hoạch', as the type is named in a sentence."""
    return vn.nfc(vn.sentence_case(kind))


def _codes(agencies: list) -> dict[str, str]:
    """Every way the directory writes a body (name and short forms), case-folded → its code."""
    out: dict[str, str] = {}
    for agency in agencies:
        code = getattr(agency, "code", None)
        if code:
            for name in [agency.name, *agency.short]:
                out[_one_line(name).casefold()] = code
    return out


def _recipients(recipients: Recipients | None, base: Loc) -> list[tuple[Loc, Recipient]]:
    if recipients is None:
        return []
    out: list[tuple[Loc, Recipient]] = []

    def visit(items: list[Recipient], loc: Loc) -> None:
        for i, item in enumerate(items):
            if item.items:  # a heading such as "Các sở, ngành:" names no single body
                visit(item.items, (*loc, i, "items"))
            elif not item.name.strip().lower().startswith(("như", "lưu")):
                out.append(((*loc, i, "name"), item))

    visit(recipients.items, (*base, "items"))
    for g, group in enumerate(recipients.groups):
        visit(group.items, (*base, "groups", g, "items"))
    return out


def outgoing(plan: Plan, agencies: list, *, page_amount: int | None = None) -> tuple[dict, list[Problem]]:
    """The Phụ lục VI fields of the document ``plan`` issues, and what could not be filled in."""
    head = plan.letterhead
    issued = plan.decision or plan
    signature: Signature = plan.decision.signature if plan.decision else plan.signature  # type: ignore[assignment]
    sig_base: Loc = ("decision", "signature") if plan.decision else ("signature",)
    recipients = plan.decision.recipients if plan.decision else plan.recipients
    rec_base: Loc = ("decision", "recipients") if plan.decision else ("recipients",)
    codes = _codes(agencies)
    organ = _one_line(plan.issuer_name)
    date = head.date.isoformat() if isinstance(head.date, dt.date) else ""
    draft = not head.number or not isinstance(head.date, dt.date)
    competence = None
    if signature.on_behalf_of:
        competence = f"TM. {_one_line(signature.on_behalf_of)}"
    elif signature.authority:
        competence = f"{signature.authority}. {_one_line(signature.head_title or '')}".strip()
    data = {
        "OrganId": codes.get(organ.casefold(), ""),
        "OrganName": organ,
        "CodeNumber": head.number or "",
        "CodeNotation": plan.symbol,
        "IssuedDate": date,
        "TypeName": _type_name("QUYẾT ĐỊNH" if plan.decision else plan.kind),
        "Subject": _one_line(issued.title),
        "Competence": competence,
        "Position": _one_line(signature.title),
        "FullName": _one_line(signature.name),
        "Place": _one_line(head.place),
        "PageAmount": page_amount,
        "IssuedAmount": recipients.archive.copies if recipients else None,
        "Language": "vi",
        "Recipients": [],
        "Appendixes": [_one_line(f"{a.label or 'Phụ lục'} {a.title or ''}") for a in plan.appendices],
        "Priority": priority(plan.urgency),
        "Classification": plan.classification,
        "draft": draft,
    }
    if plan.classification == "Tuyệt mật":
        # NĐ 63/2026 (hướng dẫn Luật Bảo vệ bí mật nhà nước): a Tuyệt mật document is registered
        # without its trích yếu; the titles of its appendices say as much, so they go too.
        data["Subject"] = ""
        data["Appendixes"] = []
    where = {"OrganName": ("letterhead", "issuer"), "CodeNumber": ("letterhead", "number"),
             "CodeNotation": ("letterhead", "symbol"), "Subject": ("decision", "title") if plan.decision else ("title",),
             "Position": (*sig_base, "title"), "FullName": (*sig_base, "name"), "TypeName": ("kind",)}
    problems: list[Problem] = []
    for key, (name, limit) in FIELDS.items():
        value = data.get(key)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            problems.append(Problem(where.get(key, ("letterhead",)), "KH054",
                                    "{f} dài {n} ký tự, quá {m} ký tự Phụ lục VI cho phép",
                                    "{f} is {n} characters long, more than the {m} Phụ lục VI allows",
                                    {"f": name, "n": len(value), "m": limit}))
    if not data["OrganId"]:
        problems.append(Problem(("letterhead", "issuer"), "KH055",
                                "chưa có mã định danh của cơ quan ban hành '{a}' trong danh mục cơ quan (kehoach.toml)",
                                "no agency code for the issuer '{a}' in the agency directory (kehoach.toml)",
                                {"a": organ}))
    for loc, item in _recipients(recipients, rec_base):
        name = _one_line(item.name).rstrip(";.,")
        code = codes.get(name.casefold())
        data["Recipients"].append({"OrganId": code or "", "OrganName": name})
        if not code:
            problems.append(Problem(loc, "KH055",
                                    "chưa có mã định danh của nơi nhận '{a}' trong danh mục cơ quan (kehoach.toml)",
                                    "no agency code for the recipient '{a}' in the agency directory (kehoach.toml)",
                                    {"a": name}))
    return data, problems


def metadata_json(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _el(name: str, value: object, indent: int) -> str:
    pad = "  " * indent
    text = "" if value is None else escape(xml_chars(str(value)))  # XML 1.0 characters only
    return f"{pad}<edXML:{name}>{text}</edXML:{name}>"


def edxml_header(data: dict) -> bytes:
    """The edXML MessageHeader of the document (no Content: the signed PDF travels as an attachment)."""
    date = data["IssuedDate"]
    shown_date = f"{date[8:10]}/{date[5:7]}/{date[:4]}" if date else ""  # the standard's dd/MM/yyyy
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<edXML:edXMLEnvelope xmlns:edXML="{NAMESPACE}">', "  <edXML:edXMLHeader>", "    <edXML:MessageHeader>",
             "      <edXML:From>", _el("OrganId", data["OrganId"], 4), _el("OrganName", data["OrganName"], 4),
             "      </edXML:From>"]
    seen: set[str] = set()
    for to in data["Recipients"]:
        # Systems route by OrganId: a body without a code is left out here (and reported), and the
        # standard forbids a repeated OrganId.
        if not to["OrganId"] or to["OrganId"] in seen:
            continue
        seen.add(to["OrganId"])
        lines += ["      <edXML:To>", _el("OrganId", to["OrganId"], 4), _el("OrganName", to["OrganName"], 4),
                  "      </edXML:To>"]
    lines += ["      <edXML:Code>", _el("CodeNumber", data["CodeNumber"], 4), _el("CodeNotation", data["CodeNotation"], 4),
              "      </edXML:Code>", "      <edXML:PromulgationInfo>", _el("Place", data["Place"], 4),
              _el("PromulgationDate", shown_date, 4), "      </edXML:PromulgationInfo>",
              "      <edXML:DocumentType>", _el("Type", 1, 4), _el("TypeName", data["TypeName"], 4),
              "      </edXML:DocumentType>", _el("Subject", data["Subject"], 3),
              "      <edXML:SignerInfo>", _el("Competence", data["Competence"] or "", 4),
              _el("Position", data["Position"], 4), _el("FullName", data["FullName"], 4), "      </edXML:SignerInfo>",
              "      <edXML:OtherInfo>", _el("Priority", data.get("Priority", 0), 4),
              _el("PromulgationAmount", data["IssuedAmount"] or "", 4),
              _el("PageAmount", data["PageAmount"] or "", 4), "        <edXML:Appendixes>"]
    lines += [_el("Appendix", title, 5) for title in data["Appendixes"]]
    lines += ["        </edXML:Appendixes>", "      </edXML:OtherInfo>", "    </edXML:MessageHeader>",
              "  </edXML:edXMLHeader>", "</edXML:edXMLEnvelope>", ""]
    return "\n".join(lines).encode("utf-8")


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF LibreOffice wrote (each page object says /Type /Page)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
