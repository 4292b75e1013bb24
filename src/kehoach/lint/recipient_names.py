"""Recipients (nơi nhận) as rules read them: the entries of a plan's Nơi nhận in printed order, and
when a recipient line covers a body given duties — by name, abbreviation ("BTT Ủy ban MTTQ VN xã"),
group ("Các tổ chức thành viên", "Các cơ quan chuyên môn thuộc UBND tỉnh"), or because the body is
the issuer's own officer or standing body. The equivalences are data: ``templates/recipients.toml``.
"""

from __future__ import annotations

import difflib
import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Recipient
from ..common.resources import templates_dir
from ..source.loader import Loc
from .rules.text import fold_tones

if TYPE_CHECKING:
    from .rules.registry import Context


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


@dataclass(frozen=True)
class Equivalences:
    abbreviations: dict[str, tuple[str, ...]]
    fields: dict[str, str]
    groups: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    described: re.Pattern[str]
    not_agencies: re.Pattern[str]
    officers: re.Pattern[str]


@lru_cache(maxsize=1)
def equivalences() -> Equivalences:
    with open(templates_dir() / "recipients.toml", "rb") as handle:
        data = tomllib.load(handle)
    abbreviations = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in data["abbreviations"].items()}
    groups = tuple((re.compile(g["recipient"]), re.compile("(?:" + "|".join(g["covers"]) + ")"))
                   for g in data["group"])
    officers = sorted(data["officers"], key=len, reverse=True)
    return Equivalences(abbreviations, data["fields"], groups, re.compile(data["described"]),
                        re.compile(data["not_agencies"]),
                        re.compile(r"(?:đề nghị\s+)?(?:" + "|".join(map(re.escape, officers)) + r")\b\s*"))


def _folded(name: str) -> str:
    return fold_tones(name.lower().strip())


# "Sở: Nội vụ, Y tế, KHCN" / "Các phòng: ĐTKT, NNMT": one recipient line naming several bodies of a kind.
_GROUPED = re.compile(r"(?i)^(?:các\s+)?(sở|phòng|ban|bộ|cục|chi cục|vụ|hội|đoàn thể)\s*:\s*(.+)$")


def expand_grouped(name: str) -> list[str]:
    """The bodies one recipient line names: "Các Sở: NNMT, TC" → ["Sở nông nghiệp và môi trường",
    "Sở tài chính"]; any other line → [name]."""
    match = _GROUPED.match(name.strip().rstrip(";.,"))
    if not match:
        return [name]
    head, fields = match.group(1), equivalences().fields
    return [f"{head} {fields.get(fold_tones(part.lower()), part)}"
            for part in re.split(r"\s*,\s*|\s+và\s+", match.group(2)) if part]


_DROP = {"các", "đề", "nghị", "và", "những", "tỉnh", "huyện", "thị", "xã", "thành", "phố", "quận", "cấp",
         "phường", "đặc", "khu", "thôn", "ấp", "bản", "tổ", "dân", "đ/c", "đồng", "chí"}
MAX_FORMS = 4  # readings of a name with ambiguous abbreviations ("TT": trung tâm, thường trực)


def name_forms(name: str, directory: dict[str, str]) -> list[str]:
    """The readings of a name, abbreviations expanded, as its core words ("các", "tỉnh", "xã" … left
    out): "BTT Ủy ban MTTQ VN xã" → ["ban thường trực ủy ban mặt trận tổ quốc việt nam"]."""
    text = _folded(name)
    for short, full in directory.items():
        text = text.replace(short, full)
    text = re.sub(r"[;:,.()\-–/]", " ", text)
    choices = [equivalences().abbreviations.get(word, (word,)) for word in text.split()]
    forms = []
    for combination in itertools.islice(itertools.product(*choices), MAX_FORMS):
        words = " ".join(combination).split()
        forms.append(" ".join(w for w in words if w not in _DROP))
    return [f for f in forms if f]


# The types of body: two names of different types never cover each other (a ministry is not a department).
_BODY_TYPES = {"bộ", "sở", "phòng", "cục", "vụ", "ban", "ủy", "chi", "hội", "trung", "ngân", "văn"}


def _covers_form(r: str, b: str) -> bool:
    r_type, b_type = r.split()[0], b.split()[0]
    if r_type != b_type and r_type in _BODY_TYPES and b_type in _BODY_TYPES:
        return False  # "Bộ Khoa học và Công nghệ" does not cover "Sở Khoa học và Công nghệ"
    if r in b or b in r:
        return True
    matcher = difflib.SequenceMatcher(None, r, b)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def covers(recipient: list[str], body: list[str]) -> bool:
    """Whether a recipient's readings cover a body's (``name_forms`` of each)."""
    return any(_covers_form(r, b) for r in recipient for b in body)


def group_covers(recipient: str, body: str) -> bool:
    """Whether a group line ("Sở, ban, ngành tỉnh", "Các tổ chức thành viên MTTQ xã") covers the body
    by its kind, or the body is a description of several bodies ("Các cơ quan, đơn vị được kiểm tra")."""
    r, b = _folded(recipient), re.sub(r"^đề nghị\s+", "", _folded(body))
    found = False
    for pattern, reached in equivalences().groups:
        if pattern.match(r):
            found = True
            if reached.match(b):
                return True
    return found and bool(equivalences().described.match(b))


def is_not_agency(body: str) -> bool:
    """"Các cơ sở sản xuất giống", "Công ty …": not a state body, not a recipient of the plan."""
    return bool(equivalences().not_agencies.match(_folded(body)))


def issuers_own(body: str, issuer: list[str], directory: dict[str, str]) -> bool:
    """Whether the body is the issuer's own officer or standing body: a title ("Ban Thường trực",
    "Các Phó Chủ tịch") followed by nothing or by the issuer's name (``issuer``: its readings)."""
    folded = _folded(body)
    match = equivalences().officers.match(folded)
    if not match:
        return False
    rest = folded[match.end():].strip(" ,;:.")
    if not rest:
        return True
    forms = name_forms(rest, directory)
    return bool(forms) and any(b in i or i in b for b in forms for i in issuer)
