"""KH207–KH209, KH224 Nơi nhận (ô 9b; Phụ lục I, Mục II.9.d) and KH402: bodies with duties receive the plan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...source.loader import Loc
from ...common.vn import roman_value
from ..recipient_names import (  # noqa: F401
    Entry,
    covers,
    entries,
    expand_grouped,
    group_covers,
    is_not_agency,
    issuers_own,
    name_forms,
)
from .registry import Context, Finding, Fix, rule, walk_items
from .text import fold_tones

_TYPED = (";", ".", ",")


@rule("KH207", "recipient-punctuation-typed", Severity.warning, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dấu cuối dòng nơi nhận do công cụ thêm", "the tool adds the recipients' punctuation"), fix="safe")
def punctuation_typed(ctx: Context) -> Iterator[Finding]:
    """Each Nơi nhận line ends with ";" and the "Lưu: VT, …" line with "."; kehoach adds them, so a
    name typed with its own ";" or "." would print it twice.

    Tiếng Việt:

        Mỗi dòng Nơi nhận kết thúc bằng ";" và dòng "Lưu: VT, …" bằng "."; kehoach tự thêm các dấu này,
        nên tên gõ kèm ";" hoặc "." sẽ bị in hai lần.

    Passes:

        recipients:
          items: [Sở Tài chính, Sở Tư pháp]

    Fails:

        recipients:
          items: [Sở Tài chính;, Sở Tư pháp]

    Fixed:

        recipients:
          items: [Sở Tài chính, Sở Tư pháp]
    """
    for entry in entries(ctx):
        name = entry.recipient.name
        if name.endswith(_TYPED):
            yield Finding(entry.loc, tr(
                "bỏ dấu '{p}' cuối nơi nhận '{n}': công cụ tự thêm ';' (dòng cuối 'Lưu: …' thêm '.')",
                "drop the '{p}' after recipient '{n}': the tool adds ';' (and '.' after 'Lưu: …')",
                p=name[-1], n=name), snippet=name, fix=Fix(name, name.rstrip(";.,").rstrip()))
    if ctx.plan.recipients:
        units = ctx.plan.recipients.archive.units
        if units and units[-1].endswith(_TYPED):
            yield Finding(("recipients", "archive", "units", len(units) - 1), tr(
                "bỏ dấu '{p}' sau '{u}': công cụ tự thêm '.' cuối dòng 'Lưu: …'",
                "drop the '{p}' after '{u}': the tool ends the 'Lưu: …' line with '.'",
                p=units[-1][-1], u=units[-1]), snippet=units[-1], fix=Fix(units[-1], units[-1].rstrip(";.,").rstrip()))


@rule("KH208", "recipient-semicolon", Severity.warning, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dòng nơi nhận thiếu dấu ';'", "a recipient line lacks its ';'"))
def missing_semicolon(ctx: Context) -> Iterator[Finding]:
    """Every Nơi nhận line but the last ("Lưu: …") ends with ";". When the author types the
    punctuation (as transcribed from a paper document), a line without it is the paper's mistake. A warning: the
    built document ends every line with its ";" whatever was typed.

    Tiếng Việt:

        Mọi dòng Nơi nhận trừ dòng cuối ("Lưu: …") kết thúc bằng ";". Khi người soạn tự gõ dấu (chép từ
        văn bản giấy), dòng thiếu dấu là lỗi của bản giấy. Là cảnh báo: bản dựng ra luôn in ";" cuối dòng.

    Passes:

        recipients:
          items: [Sở Tài chính;, Sở Tư pháp;]

    Fails:

        recipients:
          items: [Sở Tài chính;, Công TTĐT tỉnh, Sở Tư pháp;]
    """
    found = entries(ctx)
    if not any(e.recipient.name.endswith(";") for e in found):
        return  # punctuation left to the tool
    for entry in found:
        name = entry.recipient.name
        if not name.endswith(";") and not name.rstrip(".").lower().startswith("lưu"):
            yield Finding(entry.loc, tr("nơi nhận '{n}' thiếu dấu ';' ở cuối dòng",
                                        "recipient '{n}' lacks the ';' that ends its line", n=name), snippet=name)


@rule("KH209", "archive-vt", Severity.warning, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dòng 'Lưu:' phải có VT", "the 'Lưu:' line must include VT"))
def archive_vt(ctx: Context) -> Iterator[Finding]:
    """The last line is "Lưu: VT, <drafting unit>." — the văn thư (VT) keeps a copy. A warning, not
    an error: the line the author wrote is printed as written and the văn thư, who stamps the plan,
    adds VT if the office's practice differs (an error would refuse a real office's own draft).

    Tiếng Việt:

        Dòng cuối là "Lưu: VT, <đơn vị soạn thảo>." — văn thư (VT) lưu một bản. Là cảnh báo, không
        phải lỗi: dòng người soạn ghi được in nguyên văn và văn thư, người đóng dấu ban hành, thêm VT
        nếu cần.

    Passes:

        recipients:
          items: [Sở Tài chính]
          archive: {units: [VT, TP]}

    Fails:

        recipients:
          items: [Sở Tài chính]
          archive: {units: [VP, TG-NC]}
    """
    recipients = ctx.plan.recipients
    if recipients is None:
        return
    if "VT" not in [u.strip().rstrip(".,;").upper() for u in recipients.archive.units]:
        yield Finding(("recipients", "archive", "units"), tr(
            "dòng 'Lưu:' phải có VT (văn thư) đứng đầu: 'Lưu: VT, …'",
            "the 'Lưu:' line must start with VT (the registry): 'Lưu: VT, …'"))


@rule("KH224", "archive-as-recipient", Severity.error, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dòng 'Lưu:' ghi như một nơi nhận", "the 'Lưu:' line written as a recipient"))
def archive_as_recipient(ctx: Context) -> Iterator[Finding]:
    """The "Lưu: VT, …" line is written under ``archive:``, not as a recipient: a recipient line
    would print "- Lưu: …;" among the recipients and the archive line again after it, two "Lưu"
    lines the plan cannot be issued with. A group may keep its own "Lưu:" line among its items
    ("- UBND tỉnh: + CT, các PCT; + Lưu: VT."), printed with its full stop.

    Tiếng Việt:

        Dòng "Lưu: VT, …" ghi ở `archive:`, không ghi như một nơi nhận: nếu không, bản in có dòng
        "- Lưu: …;" giữa các nơi nhận rồi lại một dòng Lưu nữa, hai dòng Lưu thì không ban hành được.
        Một nhóm có thể có dòng "Lưu:" riêng trong các nơi nhận con ("- UBND tỉnh: + CT, các PCT;
        + Lưu: VT.").

    Passes:

        recipients:
          items: [Sở Tài chính]
          archive: {units: [VT, TP]}

    Fails:

        recipients:
          items: [Sở Tài chính, "Lưu: VT, TP"]
    """
    for entry in entries(ctx):
        # A group's own "Lưu: VT" ("- UBND tỉnh: + CT, các PCT; + Lưu: VT.") is printed as written;
        # only a top-level one belongs under ``archive:``.
        nested = entry.loc.count("items") > 1 or "groups" in entry.loc
        if re.match(r"(?i)lưu\s*:", entry.recipient.name) and not nested:
            yield Finding(entry.loc, tr(
                "dòng 'Lưu:' ghi ở `archive:` (units, copies), không ghi như một nơi nhận",
                "write the 'Lưu:' line under `archive:` (units, copies), not as a recipient"))


# --------------------------------------------------------------------------------------------
# KH402: every body with duties is among the recipients
# --------------------------------------------------------------------------------------------

def _section_number(text: str) -> int | None:
    """The section a recipient points at: "Như Mục IV", or a bare "Mục IV"."""
    match = re.search(r"(?i)^(?:như\s+)?mục\s+([IVXLC]+)\b", text.strip())
    if not match:
        return None
    return roman_value(match.group(1).upper())


@rule("KH402", "duty-recipients", Severity.warning, "NĐ 30, Phụ lục I, Mục II.9.d (nơi nhận)",
      ("cơ quan được giao nhiệm vụ không có trong nơi nhận", "a body with duties is not among the recipients"))
def duty_recipients(ctx: Context) -> Iterator[Finding]:
    """Every body given duties in the organisation section receives the plan: named among the
    recipients (abbreviations such as UBND, MTTQVN, BTT, MT and the configuration's agency directory
    are understood), or reached through "Như trên", "Như Mục IV" or "Mục IV", a group such as "Sở,
    ban, ngành tỉnh", "Các cơ quan chuyên môn thuộc UBND tỉnh", "Các tổ chức thành viên" or "Các
    Sở: Nội vụ, Y tế, KHCN", or a recipient whose ``ref`` points at the section or item. A ministry
    does not stand for a department of the same field ("Bộ Y tế" ≠ "Sở Y tế"); establishments,
    enterprises and households given tasks, and the issuer's own officers and standing bodies, are
    not sent the plan. The equivalences are data (templates/recipients.toml).

    Tiếng Việt:

        Mọi cơ quan được giao nhiệm vụ ở phần tổ chức thực hiện đều nhận kế hoạch: có tên trong nơi
        nhận (hiểu các chữ viết tắt như UBND, MTTQVN, BTT, MT, TT và danh mục cơ quan của cấu hình),
        hoặc được gồm trong "Như trên", "Như Mục IV", một nhóm như "Sở, ban, ngành tỉnh", "Các cơ
        quan chuyên môn thuộc UBND tỉnh", "Các tổ chức thành viên", hoặc một nơi nhận có `ref` trỏ
        tới mục hay khoản đó. Bộ không thay cho Sở cùng lĩnh vực; cơ sở, doanh nghiệp, hộ gia đình
        và cán bộ, bộ phận thường trực của chính cơ quan ban hành không phải nơi nhận. Các tương
        đương là dữ liệu (templates/recipients.toml).

    Passes:

        sections:
          - role: assignments
            items:
              - {body: Sở Tài chính, text: Bố trí kinh phí.}
              - body: Ủy ban nhân dân các huyện, thị xã, thành phố
                text: Triển khai.
        recipients:
          items:
            - Sở Tài chính
            - UBND huyện, thị xã, thành phố

    Fails:

        sections:
          - role: assignments
            items:
              - {body: Sở Tài chính, text: Bố trí kinh phí.}
              - {body: Công an tỉnh, text: Phối hợp.}
        recipients:
          items: [Sở Tài chính]
    """
    duties = ctx.duties
    found = entries(ctx)
    if not duties or not found:
        return
    directory: dict[str, str] = {}
    for agency in ctx.config.agencies:
        for short in [*agency.short, *([agency.abbreviation] if agency.abbreviation else [])]:
            directory[fold_tones(short.lower())] = fold_tones(agency.name.lower())
    names = [e.recipient.name.rstrip(";.,") for e in found]
    if any(re.match(r"(?i)như\s+trên\b", n) for n in names):
        return
    reached: set[Loc] = set()  # locs of the sections and items that recipients point to
    ids = {}
    for s, section in enumerate(ctx.plan.sections):
        if section.id:
            ids[section.id] = ("sections", s)
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            if item.id:
                ids[item.id] = loc
    for entry, name in zip(found, names):
        if entry.recipient.ref in ids:
            reached.add(ids[entry.recipient.ref])
        number = _section_number(name)
        if number is not None and number <= len(ctx.plan.sections):
            reached.add(("sections", number - 1))
    recipient_forms = [name_forms(part, directory) for n in names for part in expand_grouped(n)]
    lh = ctx.plan.letterhead
    issuer_lines = lh.issuer if isinstance(lh.issuer, list) else [lh.issuer]
    issuer = name_forms(" ".join(issuer_lines), directory) + name_forms(lh.abbreviation or "", directory)
    for loc, body in duties:
        if any(loc[: len(r)] == r for r in reached):
            continue
        if is_not_agency(body) or issuers_own(body, issuer, directory):
            continue  # "Các cơ sở sản xuất giống", "Ban Thường trực Ủy ban MTTQ xã" (the issuer's own)
        body_forms = name_forms(body, directory)
        if any(covers(r, body_forms) for r in recipient_forms):
            continue
        if any(group_covers(n, body) for n in names):
            continue
        yield Finding(loc, tr(
            "'{b}' được giao nhiệm vụ nhưng không có trong nơi nhận (ghi tên, 'Như trên' hoặc `ref:` tới mục)",
            "'{b}' has duties but is not among the recipients (name it, write 'Như trên' or a `ref:` to the section)",
            b=body))
