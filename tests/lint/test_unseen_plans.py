"""Misses and a wrong message seen on plans the rules had not been tuned on: the "Xét đề nghị" line's
end (KH216) says what compose really prints, TM. before a name in lower case or a single-head agency
(KH205), KT. above a signer who is no deputy (KH204), a valid syllable typed with the wrong tone
("phố biến", KH307)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.compose.composer import compose
from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.fix import plan_fixes
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path, load_text


def found(tmp_path: Path, fragment: str, code: str) -> list:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return [d for d in lint(loaded, config=Config()) if d.code == code]


def printed(text: str) -> list[str]:
    """Every paragraph of the composed document, as printed."""
    loaded = load_text(text, "/nonexistent/plan.yaml")
    assert loaded.plan is not None
    return [block.text for part in compose(loaded.plan).parts for block in part.blocks if hasattr(block, "text")]


# -- KH216: the proposal line's end -----------------------------------------------------------------

PREAMBLE = "preamble:\n  bases: [Căn cứ Luật Tổ chức chính quyền địa phương]\n  proposal: Xét đề nghị của Giám đốc Sở Tư pháp{end}\n"
DECISION = """decision:
  title: Ban hành Kế hoạch phổ biến pháp luật
  bases: [Căn cứ Luật Tổ chức chính quyền địa phương]
  proposal: Xét đề nghị của Giám đốc Sở Tư pháp{end}
  articles:
    - text: [Ban hành kèm theo Quyết định này Kế hoạch.]
  signature: {{on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Lê Văn A}}
"""


def _proposal_printed(text: str) -> str:
    [line] = [p for p in printed(text) if "đề nghị của Giám đốc" in p]
    return line


@pytest.mark.parametrize(("fragment", "adds_stop"), [(PREAMBLE, False), (DECISION, True)], ids=["plan", "decision"])
def test_kh216_says_what_compose_prints_and_its_fix_ends_the_line_with_a_full_stop(
        fragment: str, adds_stop: bool, tmp_path: Path) -> None:
    """The message once said kehoach adds the full stop to every proposal line: compose prints a
    plan's line as typed (a comma dropped left no mark at all) and adds "." only to a decision's line
    typed without a mark."""
    [finding] = found(tmp_path, fragment.format(end=","), "KH216")
    assert ("công cụ tự thêm dấu chấm" in finding.message) is adds_stop
    assert ("đúng như đã gõ" in finding.message) is not adds_stop
    # What the message claims, read from the composed document.
    assert _proposal_printed(complete_example(fragment.format(end=""))).endswith(".") is adds_stop
    assert _proposal_printed(complete_example(fragment.format(end=","))).endswith(",")
    # The fix leaves a line that prints with its full stop, and nothing more to say.
    result = plan_fixes(load_path(tmp_path / "plan.yaml"), unsafe=True, config=Config(select=["KH216"]))
    fixed = result.fixed.decode("utf-8")
    assert _proposal_printed(fixed) == "Xét đề nghị của Giám đốc Sở Tư pháp."
    (tmp_path / "plan.yaml").write_text(fixed, encoding="utf-8")
    assert [d for d in lint(load_path(tmp_path / "plan.yaml"), config=Config()) if d.code == "KH216"] == []


def test_kh216_english_message(tmp_path: Path) -> None:
    from kehoach.common.i18n import set_lang

    set_lang("en")
    try:
        [plan] = found(tmp_path, PREAMBLE.format(end=","), "KH216")
        [decision] = found(tmp_path, DECISION.format(end=";"), "KH216")
    finally:
        set_lang("vi")
    assert "prints this line as typed" in plan.message and "adds" not in plan.message
    assert "';'" in decision.message and "the tool then adds the full stop" in decision.message


@pytest.mark.parametrize("place", ["line", "enacting"])
def test_kh216_a_plans_proposal_before_its_enacting_sentence_is_not_judged(place: str, tmp_path: Path) -> None:
    """"Xét đề nghị …," then "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" is one sentence (what
    the importer reads from a real plan); in the enacting place compose writes the comma itself."""
    fragment = (f"generated: {{proposal_place: {place}}}\n" + PREAMBLE.format(end=",")
                + "  enacting: {body: Ủy ban nhân dân tỉnh}\n")
    assert found(tmp_path, fragment, "KH216") == []
    sentence = [p for p in printed(complete_example(fragment)) if "đề nghị" in p or "ban hành Kế hoạch" in p]
    assert sentence[0].startswith("Xét đề nghị của Giám đốc Sở Tư pháp, ") or (
        sentence == ["Xét đề nghị của Giám đốc Sở Tư pháp,", sentence[1]] and sentence[1].startswith("Ủy ban"))


# -- KH225, KH226, KH227: the signature's authority lines -------------------------------------------

def _signed(**fields: str) -> str:
    return "signature:\n" + "".join(f"  {k}: {v}\n" for k, v in fields.items()) + "  name: Lê Văn A\n"


@pytest.mark.parametrize("title", ["ỦY VIÊN", "Ủy viên", "THÀNH VIÊN", "ỦY VIÊN THƯỜNG TRỰC"])
def test_kh225_ky_thay_above_a_member(title: str, tmp_path: Path) -> None:
    """"KT. CHỦ TỊCH" over "ỦY VIÊN" passed every rule (KH206 only said the title is not in its list)."""
    fragment = _signed(on_behalf_of="ỦY BAN NHÂN DÂN", authority="KT", head_title="CHỦ TỊCH", title=title)
    [member] = found(tmp_path, fragment, "KH225")
    assert f"'{title}'" in member.message and "PHÓ CHỦ TỊCH" in member.message
    assert member.severity.value == "warning"
    assert found(tmp_path, fragment, "KH204") == []


@pytest.mark.parametrize(("head", "title"), [("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("BỘ TRƯỞNG", "THỨ TRƯỞNG"),
                                             ("TRƯỞNG BAN", "PHÓ TRƯỞNG BAN TỔ CHỨC"), ("GIÁM ĐỐC", "Phó Giám đốc"),
                                             ("CHỦ TỊCH", "CHỦ TỊCH"), ("BỘ TRƯỞNG", "THỊ TRƯỞNG")])
def test_kh225_a_deputy_or_a_known_title_is_not_its_concern(head: str, title: str, tmp_path: Path) -> None:
    """A deputy passes; a known title that is no deputy's stays KH204's error, a typo of one KH206's."""
    fragment = _signed(authority="KT", head_title=head, title=title)
    assert found(tmp_path, fragment, "KH225") == []
    assert len(found(tmp_path, fragment, "KH204")) == (title == "CHỦ TỊCH")


@pytest.mark.parametrize(("body", "head"), [("Sở Tư pháp", "GIÁM ĐỐC"), ("SỞ TƯ PHÁP", "GIÁM ĐỐC"),
                                            ("Phòng Tư pháp", "TRƯỞNG PHÒNG"), ("Chi cục Thủy lợi", "CHI CỤC TRƯỞNG"),
                                            ("Văn phòng Ủy ban nhân dân tỉnh", "CHÁNH VĂN PHÒNG")])
def test_kh226_tm_before_an_agency_run_by_its_head(body: str, head: str, tmp_path: Path) -> None:
    """"TM. Sở Tư pháp" passed KH205 (a name, not a person's title): a Sở is run by its Giám đốc."""
    [single] = found(tmp_path, _signed(on_behalf_of=body, title="PHÓ GIÁM ĐỐC"), "KH226")
    assert f"'{body}'" in single.message and f"'KT. {head}'" in single.message
    assert single.severity.value == "warning"


@pytest.mark.parametrize("body", ["ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG VỤ",
                                  "BAN CHỈ ĐẠO", "ĐOÀN ĐẠI BIỂU QUỐC HỘI", "BAN GIÁM ĐỐC", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"])
def test_kh226_collectives_pass(body: str, tmp_path: Path) -> None:
    assert found(tmp_path, _signed(on_behalf_of=body, title="CHỦ TỊCH"), "KH226") == []


def test_kh205_and_kh226_on_a_name_typed_in_lower_case(tmp_path: Path) -> None:
    """Compose prints the name after TM. in capitals: a name typed in lower case is no wrong form."""
    fragment = _signed(on_behalf_of="Ủy ban nhân dân", title="Chủ tịch")
    assert found(tmp_path, fragment, "KH205") == found(tmp_path, fragment, "KH226") == []
    assert "TM. ỦY BAN NHÂN DÂN" in printed_closing(complete_example(fragment))


def printed_closing(text: str) -> list[str]:
    loaded = load_text(text, "/nonexistent/plan.yaml")
    assert loaded.plan is not None
    return [line for part in compose(loaded.plan).parts if part.closing and part.closing.signature
            for line in part.closing.signature.authority_lines]


@pytest.mark.parametrize(("fields", "twice", "once"), [
    ({"on_behalf_of": "TM. Ủy ban nhân dân", "title": "CHỦ TỊCH"}, "TM. TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
    ({"on_behalf_of": "tm.ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"}, "TM. TM.ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
    ({"authority": "KT", "head_title": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH"}, "KT. KT. CHỦ TỊCH", "KT. CHỦ TỊCH"),
])
def test_kh227_an_authority_typed_in_its_field_prints_twice(fields: dict, twice: str, once: str, tmp_path: Path) -> None:
    fragment = _signed(**fields)
    assert twice in printed_closing(complete_example(fragment))  # what the finding says, as composed
    [typed] = found(tmp_path, fragment, "KH227")
    assert f"'{twice.split('. ', 1)[0]}." in typed.message
    result = plan_fixes(load_path(tmp_path / "plan.yaml"), config=Config(select=["KH227"]))  # a safe fix
    lines = printed_closing(result.fixed.decode("utf-8"))
    assert twice not in lines and once in lines


def test_kh227_a_different_authority_typed_is_not_twice(tmp_path: Path) -> None:
    assert found(tmp_path, _signed(authority="KT", head_title="TL. CHỦ TỊCH", title="PHÓ CHỦ TỊCH"), "KH227") == []
