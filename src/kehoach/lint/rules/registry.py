"""The rule registry (sổ quy tắc): what a rule is, how it is registered, and what it is given.

A rule is a small function ``check(ctx) -> Iterable[Finding]`` registered with :func:`rule`: one
room, as a ruff rule. Its docstring explains the rule in English, then in Vietnamese under
``Tiếng Việt:``, and carries two YAML examples, under ``Passes:`` and ``Fails:``, that the
test-suite runs (and, for a rule that fixes, the failing example fixed, under ``Fixed:``); the
decorator says whether its findings carry a ``Fix`` and how safe it is
(``fix=``), which ``kehoach rules`` shows and tests/lint/test_rule_fixes.py holds true. Everything
a rule needs about the plan — the free texts, the tasks, the bodies with duties — is computed once
per plan in :class:`Context` so that rules stay cheap.
"""

from __future__ import annotations

import bisect
import inspect
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import Figure, Item, Plan, Role, SpanCell
from ...model.walk import Task, reporting_rules, tables_of, tasks_of, walk_items  # noqa: F401  (rules import them from here)
from ...source.loader import Loaded, Loc

if TYPE_CHECKING:
    from ...source.config import Config
    from ..profiles import Profile


@dataclass(frozen=True)
class Fix:
    """How to fix a finding: ``old`` (as written, inside the finding's text) becomes ``new``.

    A safe fix cannot change what the plan means (a tone-mark placement, a typed ";", a capital);
    an unsafe one might, and is applied only with ``--unsafe-fixes``. See ``lint/fix.py``.
    """

    old: str
    new: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: where (a model loc), what, and optionally the exact text at fault.

    ``snippet`` lets the engine point at the line and column of the offending words inside a
    multi-line text instead of at the key that holds it.
    """

    loc: Loc
    message: str
    snippet: str | None = None
    fix: Fix | None = None


Check = Callable[["Context"], Iterable[Finding]]

# A rule's fix availability (ruff's FixAvailability): "safe" (applied by --fix), "unsafe" (only with
# --unsafe-fixes), "sometimes" (safe for some findings, unsafe for others), None: no fix.
FIX_SAFETY = ("safe", "unsafe", "sometimes")
_VIETNAMESE = re.compile(r"^Tiếng Việt:\s*\n(.*?)(?=^Passes:\s*$)", re.M | re.S)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    locator: str  # the decree locator or profile item the rule enforces
    summary: tuple[str, str]  # (Vietnamese, English)
    check: Check = field(repr=False)
    needs_profile: bool = False
    fix: str | None = None  # one of FIX_SAFETY, or None

    @property
    def fix_label(self) -> str:
        """How ``kehoach rules`` says whether and how the rule fixes."""
        return {None: tr("không", "no"), "safe": tr("có", "yes"), "unsafe": tr("không an toàn", "unsafe"),
                "sometimes": tr("có (một số không an toàn)", "yes (some unsafe)")}[self.fix]

    @property
    def title(self) -> str:
        return tr(*self.summary)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def explanation_en(self) -> str:
        """The docstring before its Vietnamese text and examples."""
        return re.split(r"^(?:Tiếng Việt|Passes):\s*$", self.doc, maxsplit=1, flags=re.M)[0].strip()

    @property
    def explanation_vi(self) -> str | None:
        """The docstring's ``Tiếng Việt:`` section, each paragraph on one line (explain_vi.py is a
        fallback for a rule written before explanations moved beside the rules)."""
        match = _VIETNAMESE.search(self.doc)
        if match is None:
            from .explain_vi import EXPLANATIONS

            return EXPLANATIONS.get(self.code)
        paragraphs = textwrap.dedent(match.group(1)).strip().split("\n\n")
        return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)

    @property
    def explanation(self) -> str:
        """In Vietnamese, or in English (the docstring without its examples)."""
        english = self.explanation_en
        return tr(self.explanation_vi or english, english)

    @property
    def examples(self) -> tuple[str, str]:
        """(passing, failing) YAML examples from the docstring."""
        match = re.search(r"^Passes:\s*\n(.*?)^Fails:\s*\n(.*?)(?:^Fixed:\s*$.*)?\Z", self.doc, flags=re.M | re.S)
        if not match:
            raise ValueError(f"rule {self.code} has no Passes:/Fails: examples")
        return textwrap.dedent(match.group(1)).strip("\n"), textwrap.dedent(match.group(2)).strip("\n")

    @property
    def fixed_example(self) -> str | None:
        """The failing example as ``check --fix`` (with ``--unsafe-fixes``) leaves it: the docstring's
        ``Fixed:`` section, which a rule with a fix has (tests/lint/test_rule_fixes.py)."""
        match = re.search(r"^Fixed:\s*\n(.*)\Z", self.doc, flags=re.M | re.S)
        return textwrap.dedent(match.group(1)).strip("\n") if match else None


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, locator: str, summary: tuple[str, str],
         *, needs_profile: bool = False, fix: str | None = None) -> Callable[[Check], Check]:
    """Register ``check`` as rule ``code``; ``fix`` says whether its findings carry a Fix (FIX_SAFETY)."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        if fix is not None and fix not in FIX_SAFETY:
            raise ValueError(f"rule {code}: fix must be one of {FIX_SAFETY}")
        RULES[code] = Rule(code, name, severity, locator, summary, check, needs_profile, fix)
        return check

    return register


# --------------------------------------------------------------------------------------------
# What a rule sees
# --------------------------------------------------------------------------------------------


class Corpus:
    """Texts joined by a separator no pattern crosses ("\\n\\0\\n": \\s does not match NUL), with a
    way back from a position in the joined string to the text (and its loc) it falls in."""

    SEPARATOR = "\n\0\n"

    def __init__(self, texts: list[tuple[Loc, str]]) -> None:
        self.texts = texts
        self.starts: list[int] = []
        position = 0
        for _, text in texts:
            self.starts.append(position)
            position += len(text) + len(self.SEPARATOR)
        self.text = self.SEPARATOR.join(text for _, text in texts)

    @cached_property
    def lowered(self) -> str:
        """The joined text in lower case, same positions (lets patterns drop re.IGNORECASE)."""
        lowered = self.text.lower()
        # Vietnamese letters lower to one letter; a rare letter that does not (İ) would shift positions.
        return lowered if len(lowered) == len(self.text) else self.text

    def where(self, position: int) -> tuple[Loc, str, int]:
        """(loc, text, offset in that text) of a position in the joined string."""
        index = bisect.bisect_right(self.starts, position) - 1
        loc, text = self.texts[index]
        return loc, text, position - self.starts[index]

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[Loc, re.Match[str]]]:
        for match in pattern.finditer(self.text):
            yield self.where(match.start())[0], match


@dataclass
class Context:
    loaded: Loaded
    config: Config
    profile: Profile | None = None
    profile_error: str | None = None  # the profile the plan names but that does not exist
    memo: dict = field(default_factory=dict, repr=False)  # what several rules compute once per plan

    @property
    def plan(self) -> Plan:
        assert self.loaded.plan is not None
        return self.loaded.plan

    @cached_property
    def texts(self) -> list[tuple[Loc, str]]:
        """Every free text of the plan with its loc, walked once."""
        return list(walk_texts(self.plan))

    @cached_property
    def corpus(self) -> Corpus:
        """All free texts joined into one string, so a pattern scans a plan in one call."""
        return Corpus(self.texts)

    @cached_property
    def tasks(self) -> list[Task]:
        return list(tasks_of(self.plan))

    @cached_property
    def duties(self) -> list[tuple[Loc, str]]:
        """Bodies with duties: the ``body`` of each item in an assignments section."""
        out = []
        for s, section in enumerate(self.plan.sections):
            if section.role is not Role.assignments:
                continue
            for loc, item in walk_items(section.items, ("sections", s, "items")):
                if item.body:
                    out.append(((*loc, "body"), item.body))
        return out


def is_placeholder(value: str | None) -> bool:
    """A batch template's value ("{{ unit.title | upper }}"): known only once a unit fills it in."""
    return bool(value) and ("{{" in value or "{%" in value)  # type: ignore[operator]


def _paragraphs(values: list[str], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for i, value in enumerate(values):
        yield (*loc, i), value


def _item_texts(items: list[Item], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for here, item in walk_items(items, loc):
        for key in ("heading", "lead", "product", "indicator", "body", "owner"):
            value = getattr(item, key)
            if value:
                yield (*here, key), value
        if isinstance(item.deadline, str):
            yield (*here, "deadline"), item.deadline
        elif isinstance(item.deadline, list):
            yield from ((loc, v) for loc, v in _paragraphs(item.deadline, (*here, "deadline")) if isinstance(v, str))
        yield from _paragraphs(item.text, (*here, "text"))
        yield from _paragraphs(item.partners, (*here, "partners"))
        for year, value in item.milestones.items():
            yield from _figure_texts(value, (*here, "milestones", year))
        yield from _figure_texts(item.value, (*here, "value"))
        for r, report in enumerate(item.reporting):
            if report.text:
                yield (*here, "reporting", r, "text"), report.text


def _figure_texts(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """The typed words of a target's value: a string, or a figure's value, unit, indicator and area."""
    if isinstance(value, list):
        for i, one in enumerate(value):
            yield from _figure_texts(one, (*loc, i))
    elif isinstance(value, str):
        yield loc, value
    elif isinstance(value, Figure):
        for key in ("value", "unit", "indicator", "area"):
            if isinstance(getattr(value, key), str):
                yield (*loc, key), getattr(value, key)


def walk_texts(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """(loc, text) for every free text a person typed: the shared walk all text rules use."""
    yield ("title",), plan.title
    if plan.preamble:
        pre = plan.preamble
        yield from _paragraphs(pre.bases, ("preamble", "bases"))
        yield from _paragraphs(pre.paragraphs, ("preamble", "paragraphs"))
        if pre.proposal:
            yield ("preamble", "proposal"), pre.proposal
        if pre.enacting and pre.enacting.text:
            yield ("preamble", "enacting", "text"), pre.enacting.text
    for s, section in enumerate(plan.sections):
        here = ("sections", s)
        if section.heading:
            yield (*here, "heading"), section.heading
        if section.lead:
            yield (*here, "lead"), section.lead
        yield from _paragraphs(section.text, (*here, "text"))
        yield from _item_texts(section.items, (*here, "items"))
        if section.budget:
            yield from _paragraphs(section.budget.text, (*here, "budget", "text"))
        for r, report in enumerate(section.reporting):
            if report.text:
                yield (*here, "reporting", r, "text"), report.text
        yield from _paragraphs(section.closing, (*here, "closing"))
    yield from _paragraphs(plan.closing, ("closing",))
    for a, appendix in enumerate(plan.appendices):
        here = ("appendices", a)
        yield (*here, "title"), appendix.title
        if appendix.note:
            yield (*here, "note"), appendix.note
        yield from _paragraphs(appendix.text, (*here, "text"))
        yield from _item_texts(appendix.items, (*here, "items"))
    for here, table in tables_of(plan):
        for r, row in enumerate(table.rows):
            cells = row if isinstance(row, list) else [row.group]
            for c, cell in enumerate(cells):
                # A merged cell's text sits under its "value" key.
                loc = (*here, "rows", r) + ((c,) if isinstance(row, list) else ("group",))
                if isinstance(cell, SpanCell):
                    cell, loc = cell.value, (*loc, "value")
                if isinstance(cell, str) and cell:
                    yield loc, cell
    for key, note in plan.footnotes.items():
        yield ("footnotes", key), note
    if plan.decision:
        dec = plan.decision
        yield ("decision", "title"), dec.title
        yield from _paragraphs(dec.bases, ("decision", "bases"))
        if dec.proposal:
            yield ("decision", "proposal"), dec.proposal
        for a, article in enumerate(dec.articles):
            here = ("decision", "articles", a)
            if article.heading:
                yield (*here, "heading"), article.heading
            yield from _paragraphs(article.text, (*here, "text"))
            yield from _item_texts(article.items, (*here, "items"))


# --------------------------------------------------------------------------------------------
# Docstring examples
# --------------------------------------------------------------------------------------------

# A small plan that passes every rule: a docstring example states only the top-level keys it is
# about, the others come from here (so each example stays a few lines long).
BASE_EXAMPLE: dict[str, str] = {
    "letterhead": """\
letterhead:
  parent: UBND TỈNH AN GIANG
  issuer: SỞ TƯ PHÁP
  abbreviation: STP
  number: "12"
  place: An Giang
  date: 2024-03-05
""",
    "title": "title: Phổ biến pháp luật năm 2024\n",
    "sections": """\
sections:
  - role: purpose
    items:
      - Nâng cao nhận thức pháp luật của người dân.
  - role: solutions
    items:
      - Tổ chức hội nghị phổ biến pháp luật.
  - role: assignments
    items:
      - body: Phòng Phổ biến, giáo dục pháp luật
        text: Chủ trì thực hiện Kế hoạch.
""",
    "signature": """\
signature:
  authority: KT
  head_title: GIÁM ĐỐC
  title: PHÓ GIÁM ĐỐC
  name: Nguyễn Văn An
""",
    "recipients": """\
recipients:
  items:
    - Phòng Phổ biến, giáo dục pháp luật
  archive:
    units: [VT, PBGDPL]
""",
}

_TOP_KEY = re.compile(r"^([A-Za-z_]+):", re.M)


def complete_example(fragment: str) -> str:
    """A whole plan: the example's top-level keys, the others from ``BASE_EXAMPLE``."""
    present = set(_TOP_KEY.findall(fragment))
    rest = "".join(block for key, block in BASE_EXAMPLE.items() if key not in present)
    return fragment.rstrip("\n") + "\n" + rest
