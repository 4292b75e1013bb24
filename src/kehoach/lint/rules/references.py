"""KH130, KH403–KH405: what a careful reviewer checks across the plan — required values are filled
in, ids are unique and every reference resolves, and the plan is not older than what it cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...source.loader import Loc
from ...common.vn import pad_day, pad_month
from .citations import citations
from .dates import own_date
from .recipients import entries
from .registry import Context, Finding, rule, walk_items


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


_PLANS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _plan_of(cls: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required text fields, fields that may hold such a field further down) of a model class,
    worked out once per class so that the walk skips the many items and cells with none."""
    if cls in _PLANS:
        return _PLANS[cls]
    required = tuple(name for name, info in cls.model_fields.items()
                     if info.is_required() and info.annotation is str)
    _PLANS[cls] = (required, ())  # for a class that contains itself (Recipient.items)
    nested = tuple(name for name, info in cls.model_fields.items()
                   if any(any(_plan_of(m)) for m in _models_in(info.annotation)))
    _PLANS[cls] = (required, nested)
    return _PLANS[cls]


def _empty_required(model: BaseModel, loc: Loc) -> Iterator[Loc]:
    required, nested = _plan_of(type(model))
    for name in required:
        value = getattr(model, name)
        if isinstance(value, str) and not value.strip():
            yield (*loc, name)
    for name in nested:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _empty_required(value, (*loc, name))
        elif isinstance(value, list):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _empty_required(element, (*loc, name, i))


@rule("KH130", "required-empty", Severity.warning, "schema",
      ("giá trị bắt buộc để trống", "a required value is empty"))
def required_empty(ctx: Context) -> Iterator[Finding]:
    """A value the schema requires (the trích yếu, the signer's name and title, a recipient's name,
    an appendix's title …) is not just present but filled in: "" or spaces print an empty line.
    A warning, not an error: a draft may leave the signer's name for the signer; a batch template's
    value that a unit leaves blank (``{{ unit.leader | default('') }}``) is blank on purpose.

    Tiếng Việt:

        Giá trị bắt buộc (trích yếu, tên và chức vụ người ký, tên nơi nhận, tên phụ lục…) không chỉ có
        mặt mà phải có chữ: "" hay toàn dấu cách sẽ in ra một dòng trống. Là cảnh báo, không phải lỗi:
        bản dự thảo có thể để trống tên người ký; giá trị mà một đơn vị trong lô để trống là cố ý.

    Passes:

        title: Phổ biến pháp luật năm 2024

    Fails:

        title: "  "
    """
    source = ctx.loaded.source
    for loc in _empty_required(ctx.plan, ()):
        if "{{" in (source.line_text(source.locate(loc)[0]) or ""):
            continue  # a batch template's value ("{{ unit.leader | default('') }}"): blank on purpose
        yield Finding(loc, tr("giá trị bắt buộc `{k}` để trống", "the required value `{k}` is empty",
                              k=".".join(str(part) for part in loc)))


def _ids(ctx: Context) -> list[tuple[Loc, str]]:
    plan = ctx.plan
    out: list[tuple[Loc, str]] = []
    for s, section in enumerate(plan.sections):
        if section.id:
            out.append((("sections", s, "id"), section.id))
        out += [((*loc, "id"), item.id) for loc, item in walk_items(section.items, ("sections", s, "items"))
                if item.id]
    for a, appendix in enumerate(plan.appendices):
        if appendix.id:
            out.append((("appendices", a, "id"), appendix.id))
        out += [((*loc, "id"), item.id) for loc, item in walk_items(appendix.items, ("appendices", a, "items"))
                if item.id]
    return out


@rule("KH403", "unique-ids", Severity.error, "kehoach: id",
      ("mã (id) dùng hai lần", "an id is used twice"))
def unique_ids(ctx: Context) -> Iterator[Finding]:
    """Every ``id:`` of a section, item or appendix is unique in the plan: a reference to it must
    reach one place.

    Tiếng Việt:

        Mỗi `id:` của mục, khoản hay phụ lục là duy nhất trong kế hoạch: một tham chiếu phải trỏ tới
        đúng một chỗ.

    Passes:

        sections:
          - {id: muc-dich, role: purpose, items: [Nâng cao nhận thức.]}
          - {id: giai-phap, role: solutions, items: [Tổ chức hội nghị.]}
          - {role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}

    Fails:

        sections:
          - {id: muc-dich, role: purpose, items: [Nâng cao nhận thức.]}
          - {id: muc-dich, role: solutions, items: [Tổ chức hội nghị.]}
          - {role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
    """
    seen: dict[str, Loc] = {}
    for loc, ident in _ids(ctx):
        if ident in seen:
            yield Finding(loc, tr("mã `{i}` đã dùng ở `{w}`", "id `{i}` is already used at `{w}`",
                                  i=ident, w=".".join(str(p) for p in seen[ident][:-1])))
        else:
            seen[ident] = loc


@rule("KH404", "unresolved-ref", Severity.error, "kehoach: ref",
      ("tham chiếu tới mã không có", "a reference to an id that does not exist"))
def unresolved_ref(ctx: Context) -> Iterator[Finding]:
    """A recipient's ``ref:`` names the ``id:`` of a section, item or appendix of the plan.

    Tiếng Việt:

        `ref:` của một nơi nhận ghi `id:` của một mục, khoản hoặc phụ lục có trong kế hoạch.

    Passes:

        sections:
          - {role: purpose, items: [Nâng cao nhận thức.]}
          - {role: solutions, items: [Tổ chức hội nghị.]}
          - {id: to-chuc, role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
        recipients:
          items:
            - {name: Như Mục III, ref: to-chuc}
          archive: {units: [VT]}

    Fails:

        sections:
          - {role: purpose, items: [Nâng cao nhận thức.]}
          - {role: solutions, items: [Tổ chức hội nghị.]}
          - {id: to-chuc, role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
        recipients:
          items:
            - {name: Như Mục III, ref: tochuc}
          archive: {units: [VT]}
    """
    known = {ident for _, ident in _ids(ctx)}
    for entry in entries(ctx):
        ref = entry.recipient.ref
        if ref and ref not in known:
            yield Finding((*entry.loc[:-1], "ref"), tr("`ref: {r}` không trỏ tới mã nào của kế hoạch{h}",
                                                       "`ref: {r}` names no id of the plan{h}", r=ref,
                                                       h=_hint(ref, known)))


def _hint(ref: str, known: set[str]) -> str:
    import difflib

    near = difflib.get_close_matches(ref, sorted(known), n=1)
    return tr(" (có phải `{n}`?)", " (did you mean `{n}`?)", n=near[0]) if near else ""


def _as_date(parts: Any) -> dt.date | None:
    try:
        day, month, year = parts
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


@rule("KH405", "dated-before-basis", Severity.warning, "NĐ 30, Phụ lục I, Mục II.4.b",
      ("kế hoạch ghi ngày trước văn bản mà nó dẫn", "the plan is dated before a document it cites"))
def dated_before_basis(ctx: Context) -> Iterator[Finding]:
    """A plan cannot be issued before the documents it is based on or cites: a cited date later
    than the issue date is a typo in one of them (often the year). A warning: which of the two
    dates is wrong is for a person to judge (a real decision's appendix dated it 12/9 for 10/9).

    Tiếng Việt:

        Kế hoạch không thể ban hành trước văn bản mà nó căn cứ hay dẫn: ngày của văn bản được dẫn muộn
        hơn ngày ban hành là lỗi gõ ở một trong hai (thường là năm). Là cảnh báo: ngày nào sai do người
        soạn xét.

    Passes:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 04/3/2024 của Ủy ban nhân dân tỉnh

    Fails:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 04/3/2025 của Ủy ban nhân dân tỉnh
    """
    issued = _as_date(own_date(ctx))
    if issued is None:
        return
    for citation in citations(ctx):
        cited = _as_date(citation.date)
        if citation.type is not None and cited is not None and cited > issued:
            yield Finding(citation.loc, tr(
                "'{w}' mang ngày sau ngày ban hành kế hoạch ({d}): kiểm tra lại ngày",
                "'{w}' is dated after the plan's issue date ({d}): check the date",
                w=citation.written, d=f"{pad_day(issued.day)}/{pad_month(issued.month)}/{issued.year}"),
                snippet=citation.written)
