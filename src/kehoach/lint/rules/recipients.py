"""KH207–KH209 Nơi nhận (ô 9b; Phụ lục I, Mục II.9.d) and KH402: bodies with duties receive the plan."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...diagnostics import Severity
from ...i18n import tr
from ...source.loader import Loc
from ...model import Recipient
from ...vn import roman
from .registry import Context, Finding, Fix, rule, walk_items
from .text import fold_tones


@dataclass(frozen=True)
class Entry:
    loc: Loc  # of the name
    recipient: Recipient


def entries(ctx: Context) -> list[Entry]:
    """The recipients in printed order, nested ones and groups included."""
    out: list[Entry] = []
    recipients = ctx.plan.recipients
    if recipients is None:
        return out

    def visit(items: list[Recipient], loc: Loc) -> None:
        for i, recipient in enumerate(items):
            out.append(Entry((*loc, i, "name"), recipient))
            visit(recipient.items, (*loc, i, "items"))

    visit(recipients.items, ("recipients", "items"))
    for g, group in enumerate(recipients.groups):
        visit(group.items, ("recipients", "groups", g, "items"))
    return out


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


@rule("KH208", "recipient-semicolon", Severity.error, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dòng nơi nhận thiếu dấu ';'", "a recipient line lacks its ';'"))
def missing_semicolon(ctx: Context) -> Iterator[Finding]:
    """Every Nơi nhận line but the last ("Lưu: …") ends with ";". When the author types the
    punctuation (as transcribed from a paper document), a line without it is the paper's mistake.

    Tiếng Việt:

        Mọi dòng Nơi nhận trừ dòng cuối ("Lưu: …") kết thúc bằng ";". Khi người soạn tự gõ dấu (chép từ
        văn bản giấy), dòng thiếu dấu là lỗi của bản giấy.

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


@rule("KH209", "archive-vt", Severity.error, "NĐ 30, Phụ lục I, Mục II.9.d",
      ("dòng 'Lưu:' phải có VT", "the 'Lưu:' line must include VT"))
def archive_vt(ctx: Context) -> Iterator[Finding]:
    """The last line is "Lưu: VT, <drafting unit>." — the văn thư (VT) keeps a copy. Write it
    under ``archive:``, not as a recipient.

    Tiếng Việt:

        Dòng cuối là "Lưu: VT, <đơn vị soạn thảo>." — văn thư (VT) lưu một bản. Ghi ở `archive:`, không
        ghi như một nơi nhận.

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
    for entry in entries(ctx):
        if re.match(r"(?i)lưu\s*:", entry.recipient.name):
            yield Finding(entry.loc, tr(
                "dòng 'Lưu:' ghi ở `archive:` (units, copies), không ghi như một nơi nhận",
                "write the 'Lưu:' line under `archive:` (units, copies), not as a recipient"))
    if "VT" not in [u.strip().rstrip(".,;").upper() for u in recipients.archive.units]:
        yield Finding(("recipients", "archive", "units"), tr(
            "dòng 'Lưu:' phải có VT (văn thư) đứng đầu: 'Lưu: VT, …'",
            "the 'Lưu:' line must start with VT (the registry): 'Lưu: VT, …'"))


# --------------------------------------------------------------------------------------------
# KH402: every body with duties is among the recipients
# --------------------------------------------------------------------------------------------

# Abbreviations expanded before names are compared (agency directory short forms come on top).
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttqvn": "mặt trận tổ quốc việt nam",
    "mttq": "mặt trận tổ quốc", "ubmttq": "ủy ban mặt trận tổ quốc", "lđtbxh": "lao động thương binh và xã hội",
    "lđ-tb&xh": "lao động thương binh và xã hội", "tb&xh": "thương binh và xã hội", "lđtb&xh": "lao động thương binh và xã hội",
    "tttt": "thông tin và truyền thông", "gdđt": "giáo dục và đào tạo", "gd&đt": "giáo dục và đào tạo",
    "khđt": "kế hoạch và đầu tư", "csxh": "chính sách xã hội", "tp": "thành phố", "tx": "thị xã",
    "lđlđ": "liên đoàn lao động", "bhxh": "bảo hiểm xã hội", "vhttdl": "văn hóa thể thao và du lịch",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn", "tn&mt": "tài nguyên và môi trường",
    "nh": "ngân hàng", "nhnn": "ngân hàng nhà nước", "khcn": "khoa học và công nghệ",
    "kh&cn": "khoa học và công nghệ", "nnmt": "nông nghiệp và môi trường", "nn&mt": "nông nghiệp và môi trường",
    "tt": "trung tâm", "cn": "chi nhánh", "cntt": "công nghệ thông tin", "ct": "chủ tịch", "pct": "phó chủ tịch", "vp": "văn phòng",
    "vpubnd": "văn phòng ủy ban nhân dân", "bchqs": "bộ chỉ huy quân sự", "chqs": "chỉ huy quân sự",
}
# Inside a grouped recipient ("Các Sở: NNMT, TC, CT, KHCN") the short forms are departments' fields.
_FIELDS = {
    "tc": "tài chính", "ct": "công thương", "nv": "nội vụ", "yt": "y tế", "tp": "tư pháp",
    "xd": "xây dựng", "gdđt": "giáo dục và đào tạo", "gd&đt": "giáo dục và đào tạo",
    "vhttdl": "văn hóa thể thao và du lịch", "vh,tt&dl": "văn hóa thể thao và du lịch",
    "ng": "ngoại vụ", "dttg": "dân tộc và tôn giáo", "khcn": "khoa học và công nghệ",
    "nnmt": "nông nghiệp và môi trường", "tn&mt": "tài nguyên và môi trường", "tnmt": "tài nguyên và môi trường",
    "lđtbxh": "lao động thương binh và xã hội", "khđt": "kế hoạch và đầu tư", "tttt": "thông tin và truyền thông",
    "gtvt": "giao thông vận tải",
}
# "Sở: Nội vụ, Y tế, KHCN" / "Các phòng: ĐTKT, NNMT": one recipient line naming several bodies of a kind.
_GROUPED = re.compile(r"(?i)^(?:các\s+)?(sở|phòng|ban|bộ|cục|chi cục|vụ|hội|đoàn thể)\s*:\s*(.+)$")
# The types of body: two names of different types never cover each other (a ministry is not a department).
_BODY_TYPES = {"bộ", "sở", "phòng", "cục", "vụ", "ban", "ủy", "chi", "hội", "trung", "ngân", "văn"}
# Bodies with duties that are not state bodies: a plan is not sent to them.
_NOT_AGENCIES = re.compile(r"(?i)^(?:các\s+)?(?:cơ sở|doanh nghiệp|hộ|người|tổ chức, cá nhân|cá nhân|chủ)\b")


def expand_grouped(name: str) -> list[str]:
    """The bodies one recipient line names: "Các Sở: NNMT, TC" → ["Sở NNMT", "Sở TC"] (fields
    expanded: "Sở nông nghiệp và môi trường", "Sở tài chính"); any other line → [name]."""
    match = _GROUPED.match(name.strip().rstrip(";.,"))
    if not match:
        return [name]
    head = match.group(1)
    out = []
    for part in re.split(r"\s*,\s*|\s+và\s+", match.group(2)):
        if part:
            out.append(f"{head} {_FIELDS.get(fold_tones(part.lower()), part)}")
    return out

_DROP = {"các", "đề", "nghị", "và", "những", "tỉnh", "huyện", "thị", "xã", "thành", "phố", "quận", "cấp"}
_GENERIC_HEADS = ("sở", "ban", "ngành", "đoàn thể", "cơ quan", "đơn vị")


def _words(name: str, directory: dict[str, str]) -> list[str]:
    text = fold_tones(name.lower())
    for short, full in directory.items():
        text = text.replace(short, full)
    text = re.sub(r"[;:,.()\-–/]", " ", text)
    words = []
    for word in text.split():
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return words


def _core(words: list[str]) -> str:
    return " ".join(w for w in words if w not in _DROP)


def _covers(recipient: list[str], body: list[str]) -> bool:
    r, b = _core(recipient), _core(body)
    if not r or not b:
        return False
    r_type, b_type = r.split()[0], b.split()[0]
    if r_type != b_type and r_type in _BODY_TYPES and b_type in _BODY_TYPES:
        return False  # "Bộ Khoa học và Công nghệ" does not cover "Sở Khoa học và Công nghệ"
    if r in b or b in r:
        return True
    matcher = difflib.SequenceMatcher(None, r, b)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _generic_covers(recipient: str, body: str) -> bool:
    """'Sở, ban, ngành tỉnh' covers each department, board and provincial agency by its head word."""
    r = fold_tones(recipient.lower())
    if not re.match(r"^(các\s+)?(sở|ban|ngành|cơ quan|đơn vị)\s*,", r) and not r.startswith("các sở"):
        return False
    b = re.sub(r"^(đề nghị\s+)", "", fold_tones(body.lower()))
    if "ngành" in r or "cơ quan" in r or "đơn vị" in r:
        return not b.startswith(("ủy ban nhân dân", "ubnd", "hội đồng nhân dân"))
    return any(b.startswith(head + " ") for head in _GENERIC_HEADS if head in r) or \
        ("đoàn thể" in r and b.startswith(("hội ", "liên đoàn", "tỉnh đoàn", "đoàn ", "ủy ban mặt trận")))


def _section_number(text: str) -> int | None:
    """The section a recipient points at: "Như Mục IV", or a bare "Mục IV"."""
    match = re.search(r"(?i)^(?:như\s+)?mục\s+([IVXLC]+)\b", text.strip())
    if not match:
        return None
    numerals = {roman(n): n for n in range(1, 40)}
    return numerals.get(match.group(1).upper())


@rule("KH402", "duty-recipients", Severity.warning, "NĐ 30, Phụ lục I, Mục II.9.d (nơi nhận)",
      ("cơ quan được giao nhiệm vụ không có trong nơi nhận", "a body with duties is not among the recipients"))
def duty_recipients(ctx: Context) -> Iterator[Finding]:
    """Every body given duties in the organisation section receives the plan: named among the
    recipients (abbreviations such as UBND, MTTQVN and the configuration's agency directory are
    understood), or reached through "Như trên", "Như Mục IV" or "Mục IV", a group such as "Sở, ban,
    ngành tỉnh" or "Các Sở: Nội vụ, Y tế, KHCN", or a recipient whose ``ref`` points at the section
    or item. A ministry does not stand for a department of the same field ("Bộ Y tế" ≠ "Sở Y tế");
    establishments, enterprises and households given tasks are not recipients of a plan.

    Tiếng Việt:

        Mọi cơ quan được giao nhiệm vụ ở phần tổ chức thực hiện đều nhận kế hoạch: có tên trong nơi nhận
        (hiểu các chữ viết tắt như UBND, MTTQVN và danh mục cơ quan của cấu hình), hoặc được gồm trong
        "Như trên", "Như Mục IV", một nhóm như "Sở, ban, ngành tỉnh", hoặc một nơi nhận có `ref` trỏ tới
        mục hay khoản đó.

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
    recipient_words = [_words(part, directory) for n in names for part in expand_grouped(n)]
    for loc, body in duties:
        if any(loc[: len(r)] == r for r in reached):
            continue
        if _NOT_AGENCIES.match(body):
            continue  # "Các cơ sở sản xuất giống": not a state body, not a recipient of the plan
        body_words = _words(body, directory)
        if any(_covers(r, body_words) for r in recipient_words):
            continue
        if any(_generic_covers(n, body) for n in names):
            continue
        yield Finding(loc, tr(
            "'{b}' được giao nhiệm vụ nhưng không có trong nơi nhận (ghi tên, 'Như trên' hoặc `ref:` tới mục)",
            "'{b}' has duties but is not among the recipients (name it, write 'Như trên' or a `ref:` to the section)",
            b=body))

