"""Mistakes real originals contain that nothing caught before issue 16: each planted in a small plan
and reported with its code, on its line, with a message that says what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint import lint
from kehoach.lint.config import Agency, Config
from kehoach.lint.rules.registry import complete_example
from kehoach.lint.syllables import is_syllable, split_fused
from kehoach.source.loader import load_path


def found(tmp_path: Path, fragment: str, config: Config | None = None) -> list:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return lint(loaded, config=config or Config())


def of(diagnostics: list, code: str) -> list:
    return [d for d in diagnostics if d.code == code]


def test_kh210_literal_label_repeating_a_computed_one(tmp_path: Path) -> None:
    fragment = """\
sections:
  - {role: purpose, items: [Nâng cao nhận thức.]}
  - {role: solutions, items: [Tổ chức hội nghị.]}
  - {role: budget, text: [Ngân sách tỉnh.]}
  - {role: rewards, heading: KHEN THƯỞNG, text: [Khen thưởng kịp thời.]}
  - {label: "V.", role: reporting, heading: CHẾ ĐỘ BÁO CÁO, text: [Báo cáo hằng năm.]}
  - {role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
"""
    [repeat] = of(found(tmp_path, fragment), "KH210")
    assert repeat.line == 7 and "'V.'" in repeat.message  # the numbered section after the typed "V."


def test_kh305_foreign_letters_and_fused_words(tmp_path: Path) -> None:
    fragment = """\
preamble:
  paragraphs:
    - Phát triển lâm nghiệpngư nghiệp.
    - Căn cứ kết quả năm 2021của tỉnh.
    - Các trǜờng học thực hiện.
"""
    messages = [(d.line, d.message) for d in of(found(tmp_path, fragment), "KH305")]
    assert [line for line, _ in messages] == [3, 4, 5]
    assert "'nghiệp ngư'" in messages[0][1]
    assert "'2021 của'" in messages[1][1]
    assert "'ǜ'" in messages[2][1]


@pytest.mark.parametrize("word", ["ngiệp", "tưởg", "hoạchh", "kêt", "màt", "ghà", "nghá"])
def test_kh306_misspelt_syllables(word: str, tmp_path: Path) -> None:
    fragment = f"preamble:\n  paragraphs: [Ủy ban nhân dân tỉnh {word} vụ.]\n"
    [typo] = of(found(tmp_path, fragment), "KH306")
    assert f"'{word}'" in typo.message and typo.line == 2


def test_kh306_never_flags_unit_names_directory_names_acronyms_or_foreign_names(tmp_path: Path) -> None:
    fragment = """\
preamble:
  paragraphs:
    - >-
      Xã Đàm Thuỷ, tỉnh Đắk Lắk, sông Krông Ana, thủy điện Srêpốk 3, nước Ôxtrâylia, HĐND,
      Quyết định số 1899/QĐ-TTg; Trung tâm Ngiệp vụ Ýt phối hợp.
"""
    directory = Config(agencies=[Agency(name="Trung tâm Ngiệp vụ Ýt")])
    assert of(found(tmp_path, fragment, directory), "KH306") == []
    assert {d.message.split("'")[1] for d in of(found(tmp_path, fragment), "KH306")} == {"Ngiệp", "Ýt"}


def test_syllable_structure_tables() -> None:
    for word in "quyết quỳnh gì giữa giếng thuở khuya xoong nghiêng khoẻ hoà uỷ người ương oằn".split():
        assert is_syllable(word), word
    for word in "nge ngi cê gế cuốcc quư".split():
        assert not is_syllable(word), word
    assert split_fused("nghiệpngư") == ("nghiệp", "ngư")


def test_kh401_spacing_variants_of_one_citation(tmp_path: Path) -> None:
    fragment = """\
preamble:
  bases:
    - Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
    - Thực hiện Nghị quyết số 57- NQ/TW ngày 22/12/2024 của Bộ Chính trị
"""
    [variant] = of(found(tmp_path, fragment), "KH401")
    assert variant.line == 4 and "57- NQ/TW" in variant.message and "57-NQ/TW" in variant.message


def test_kh219_points_skipping_d_stroke(tmp_path: Path) -> None:
    fragment = """\
sections:
  - role: solutions
    items:
      - text: [a) Rà soát., b) Tập huấn., c) Truyền thông., d) Kiểm tra., e) Tổng kết.]
"""
    [skip] = of(found(tmp_path, fragment), "KH219")
    assert "\"e)\"" in skip.message and "\"đ)\"" in skip.message


def test_kh220_group_without_rows_and_rows_from_two(tmp_path: Path) -> None:
    fragment = """\
appendices:
  - title: Danh mục nhiệm vụ
    tables:
      - columns: [{title: TT}, {title: Nội dung}]
        rows:
          - group: I. KIỆN TOÀN TỔ CHỨC
          - group: II. TUYÊN TRUYỀN
          - ["2", Tổ chức hội nghị]
          - ["3", Phát tờ rơi]
"""
    empty, numbered = of(found(tmp_path, fragment), "KH220")
    assert empty.line == 6 and "I. KIỆN TOÀN" in empty.message
    assert numbered.line == 8 and "2" in numbered.message


def test_kh218_cited_article_capital(tmp_path: Path) -> None:
    fragment = "preamble:\n  paragraphs: [Thực hiện theo khoản 2 điều 5 Quyết định này.]\n"
    [case] = of(found(tmp_path, fragment), "KH218")
    assert '"Điều 5"' in case.message


def test_kh215_title_in_capitals(tmp_path: Path) -> None:
    [caps] = of(found(tmp_path, "title: PHỔ BIẾN PHÁP LUẬT NĂM 2024\n"), "KH215")
    assert caps.line == 1
    assert of(found(tmp_path, "title: Thực hiện Quyết định số 1899/QĐ-TTg của Thủ tướng\n"), "KH215") == []


def test_kh216_proposal_ending_in_a_comma(tmp_path: Path) -> None:
    [comma] = of(found(tmp_path, "preamble:\n  proposal: Xét đề nghị của Giám đốc Sở Tư pháp,\n"), "KH216")
    assert "','" in comma.message


def test_kh216_a_legal_decisions_proposal_before_its_enacting_sentence(tmp_path: Path) -> None:
    """Thái Nguyên 07/2025/QĐ-UBND (the 2025 law's form): "Theo đề nghị … ngày 14 tháng 8 năm 2025;"
    then "Ủy ban nhân dân tỉnh ban hành Quyết định …": the ";" is the form's."""
    decision = """decision:
  title: Ban hành Quy định quản lý nhà nước về giá
  bases: [Căn cứ Luật Giá ngày 19 tháng 6 năm 2023]
  proposal: Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 1666/TTr-STC ngày 14 tháng 8 năm 2025;
  enacting: Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá
  articles:
    - text: [Ban hành kèm theo Quyết định này Quy định quản lý nhà nước về giá.]
  signature: {on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Lê Văn A}
"""
    assert of(found(tmp_path, decision), "KH216") == []
    plain = decision.replace("  enacting: Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá\n", "")
    assert len(of(found(tmp_path, plain), "KH216")) == 1


def test_kh217_place_name_with_its_kind(tmp_path: Path) -> None:
    fragment = """\
letterhead:
  issuer: ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN
  abbreviation: UBND
  number: "12"
  place: TP. Bắc Kạn
  date: 2024-03-05
"""
    [place] = of(found(tmp_path, fragment), "KH217")
    assert place.line == 5 and '"Bắc Kạn"' in place.message
    assert of(found(tmp_path, fragment.replace("TP. Bắc Kạn", "Phường 12")), "KH217") == []


def test_kh217_a_unit_named_after_a_person_keeps_its_kind_in_full(tmp_path: Path) -> None:
    # The decree's own example (Phụ lục I, Mục II.4.a): "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019".
    fragment = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, THÀNH PHỐ HỒ CHÍ MINH]
  abbreviation: UBND
  number: "12"
  place: Thành phố Hồ Chí Minh
  date: 2025-11-18
"""
    assert of(found(tmp_path, fragment), "KH217") == []
    [short] = of(found(tmp_path, fragment.replace("place: Thành phố", "place: TP.")), "KH217")
    assert '"Thành phố Hồ Chí Minh"' in short.message


def test_kh403_kh404_ids_unique_and_refs_resolve(tmp_path: Path) -> None:
    fragment = """\
sections:
  - {id: muc-dich, role: purpose, items: [{id: y-1, text: Nâng cao nhận thức.}, {id: y-1, text: Khác.}]}
  - {role: solutions, items: [Tổ chức hội nghị.]}
  - {id: to-chuc, role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
recipients:
  items:
    - {name: Như Mục III, ref: to_chuc}
  archive: {units: [VT]}
"""
    diagnostics = found(tmp_path, fragment)
    [twice] = of(diagnostics, "KH403")
    assert twice.line == 2 and "`y-1`" in twice.message
    [unresolved] = of(diagnostics, "KH404")
    assert unresolved.line == 7 and "`to-chuc`" in unresolved.message  # the nearest id is suggested


def test_kh130_required_value_empty(tmp_path: Path) -> None:
    fragment = 'signature: {title: PHÓ GIÁM ĐỐC, name: "", authority: KT, head_title: GIÁM ĐỐC}\n'
    [empty] = of(found(tmp_path, fragment), "KH130")
    assert empty.line == 1 and "signature.name" in empty.message


def test_kh405_plan_dated_before_its_basis(tmp_path: Path) -> None:
    # the base letterhead is dated 2024-03-05
    fragment = "preamble:\n  bases: [Căn cứ Quyết định số 15/QĐ-UBND ngày 10/3/2024 của UBND tỉnh]\n"
    [early] = of(found(tmp_path, fragment), "KH405")
    assert "15/QĐ-UBND" in early.message and "05/3/2024" in early.message


def test_kh220_numbered_groups_nest_by_their_numbers(tmp_path: Path) -> None:
    """Numbered group rows (the number in the TT column) nest by that number: "1" under "I", "1.1"
    under "1", "a" under "1.1.1"; a group row with its own figures (a costed line, a total) is an
    entry; a group followed by one of its own level or above still has no rows."""
    fragment = """\
appendices:
  - title: Dự toán
    tables:
      - columns: [{title: TT}, {title: Nội dung}, {title: Thành tiền}]
        rows:
          - {number: I, group: Quan trắc}
          - {number: "1", group: Thường xuyên}
          - {number: "1.1", group: Vùng nuôi tôm}
          - {number: "1.1.1", group: Mẫu nước nguồn cấp}
          - {number: a, group: Thủy lý}
          - ["-", Nhiệt độ, "10"]
          - {number: "1.1.2", group: Mẫu nước ao nuôi}
          - {number: "1.2", group: Vùng nuôi cá}
          - ["1", Nhiệt độ, "10"]
          - {number: II, group: Tin nhắn, cells: ["50"]}
          - {group: Tổng, cells: ["70"]}
"""
    [empty] = of(found(tmp_path, fragment), "KH220")
    assert empty.line == 12 and "Mẫu nước ao nuôi" in empty.message


def test_kh131_leaves_a_run_of_four_dots_alone(tmp_path: Path) -> None:
    """"Luật Bảo vệ môi trường,...." (the Đắk Lắk plan's own "etc.") is text, not a placeholder."""
    text = "sections:\n  - role: content\n    items: [\"Phổ biến Luật Thủy sản, Luật Bảo vệ môi trường,....\"]\n"
    assert of(found(tmp_path, text), "KH131") == []
    assert of(found(tmp_path, "title: Thực hiện ... giai đoạn 2026\n"), "KH131") != []


def test_kh131_never_reports_an_authors_ellipsis(tmp_path: Path) -> None:
    """Issue 23: the author's own "etc." in every form, from real plans (Mặt trận xã, Đồng Tháp,
    a province's digital plan), is text; only the starter's values left as written are reported."""
    real = [
        "Tổ chức hội nghị tiếp xúc cử tri vận động bầu cử,...)",
        "Treo băng rôn trên các trục đường chính,...",
        "Ứng dụng AI, IoT, Big Data,... để nâng cao hiệu quả",
        "Phát triển sản phẩm chủ lực (xoài, nhãn, hoa kiểng, thuỷ sản,…)",
        "Hoàn thành trong năm 2025...",
        "Hỗ trợ doanh nghiệp ... tham gia",
        "Sở ... phối hợp",  # not a value of the starter as it stands: the author's text
    ]
    items = "".join(f"      - \"{line}\"\n" for line in real)
    text = f"sections:\n  - role: content\n    items:\n{items}"
    assert of(found(tmp_path, text), "KH131") == []
    assert of(found(tmp_path, "letterhead:\n  parent: UBND TỈNH ...\n  issuer: SỞ ...\n  abbreviation: S...\n"
                              "  number: '1'\n  place: An Giang\n  date: 2024-01-02\n"), "KH131") != []


def test_kh206_accepts_the_head_of_a_sub_committee(tmp_path: Path) -> None:
    """"TRƯỞNG TIỂU BAN" signs a real election sub-committee's plan (issue 23); "THỊ TRƯỞNG" is a typo."""
    good = "signature: {title: TRƯỞNG TIỂU BAN, name: Lê Văn A}\n"
    assert of(found(tmp_path, good), "KH206") == []
    [typo] = of(found(tmp_path, "signature: {title: THỊ TRƯỞNG, name: Lê Văn A}\n"), "KH206")
    assert typo.severity.value == "warning" and "TRƯỞNG\"?" in typo.message


def test_spelling_tries_no_cut_of_a_very_long_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 26.2: every cut of a 16,000-letter word was tried as two syllables (quadratic). A word
    longer than two fused syllables is judged without cuts; KH305 expands each word once."""
    from kehoach.lint.rules import spelling

    calls: list[int] = []
    real = spelling.split_fused
    monkeypatch.setattr(spelling, "split_fused", lambda word: calls.append(len(word)) or real(word))
    spelling.verdict.cache_clear()
    long_word = "ạ" * 16000
    assert spelling.verdict(long_word) == (spelling.MISSPELT, None)
    assert spelling.verdict("nghiệpngư") == (spelling.FUSED, ("nghiệp", "ngư"))
    assert calls == [9]  # the long word was never cut
    text = f"preamble:\n  paragraphs: [\"{'aǜ' * 8000}\", \"{'a1' * 8000}\"]\n"
    assert [d.code for d in found(tmp_path, text) if d.code == "KH305"] == ["KH305"]


def test_kh202_reads_a_normative_decisions_year(tmp_path: Path) -> None:
    """Thái Nguyên's Quyết định 07/2025/QĐ-UBND (a legal normative decision) is rightly numbered."""
    lh = ("letterhead:\n  issuer: [ỦY BAN NHÂN DÂN, TỈNH THÁI NGUYÊN]\n  abbreviation: UBND\n  number: '07'\n"
          "  symbol: {s}\n  place: Thái Nguyên\n  date: 2025-09-10\nkind: QUYẾT ĐỊNH\n")
    assert of(found(tmp_path, lh.format(s="2025/QĐ-UBND")), "KH202") == []
    assert of(found(tmp_path, lh.format(s="2025/KH-UBND")), "KH202") != []


def test_kh131_leaves_a_printed_blank_alone(tmp_path: Path) -> None:
    """Nghệ An 980/KH-UBND prints a dotted blank to fill in by hand ("…......"): text, not the starter's."""
    text = "sections:\n  - role: content\n    items: [\"….................................\", \"…\"]\n"
    assert of(found(tmp_path, text), "KH131") == []


@pytest.mark.parametrize(("items", "reported"), [
    # Issue 23: "1, 2, 3, 5, 6" where 1–3 are numbered by the tool and "5." is typed.
    (["A.", "B.", "C.", "{label: '5.', text: D.}", "{label: '6.', text: E.}"], ["'5.'"]),
    (["{label: '1.', text: A.}", "{label: '2.', text: B.}", "{label: '4.', text: C.}"], ["'4.'"]),
    (["A.", "B.", "{label: '3.', text: C.}"], []),
    # a computed item after a typed one prints the number the typed label already took
    (["{label: '1.', text: A.}", "B."], ["'1.'"]),
])
def test_kh212_reads_the_printed_sequence(tmp_path: Path, items: list[str], reported: list[str]) -> None:
    text = "sections:\n  - role: solutions\n    items:\n" + "".join(f"      - {i}\n" for i in items)
    labels = of(found(tmp_path, text), "KH212")
    assert [f.message.split(" ")[3] for f in labels] == reported


def test_kh212_letters_after_a_computed_d(tmp_path: Path) -> None:
    """"d)" numbered by the tool, then a typed "g)": reported; a typed "e)" after "d)" is not (many
    offices letter a) b) c) d) e) without đ)."""
    text = ("sections:\n  - role: solutions\n    numbering: ['a)']\n    items:\n"
            "      - A.\n      - B.\n      - C.\n      - D.\n      - {{label: '{l}', text: E.}}\n")
    assert [f.message for f in of(found(tmp_path, text.format(l="g)")), "KH212")] != []
    assert of(found(tmp_path, text.format(l="e)")), "KH212") == []
    assert of(found(tmp_path, text.format(l="đ)")), "KH212") == []


@pytest.mark.parametrize(("line", "right"), [
    # Issue 23: "Ủy ban nhân dân Tỉnh" with a capital T, 32 times in one real plan.
    ("Ủy ban nhân dân Tỉnh chỉ đạo các sở, ngành triển khai.", "Ủy ban nhân dân tỉnh"),
    ("Báo cáo Hội đồng nhân dân Huyện Chợ Mới.", "Hội đồng nhân dân huyện"),
    # Sở TT&TT Phú Thọ, Kế hoạch số …/KH-STTTT (2011): "Sở thông tin và Truyền thông".
    ("Sở thông tin và Truyền thông tổ chức lớp đào tạo.", "Sở Thông tin và Truyền thông"),
])
def test_kh303_administrative_names(tmp_path: Path, line: str, right: str) -> None:
    [finding] = of(found(tmp_path, f"preamble:\n  paragraphs: [{line}]\n"), "KH303")
    assert f'"{right}"' in finding.message


def test_kh303_leaves_city_and_numbered_ward_names(tmp_path: Path) -> None:
    line = "Ủy ban nhân dân Thành phố Hồ Chí Minh và Ủy ban nhân dân Phường 12 phối hợp; ỦY BAN NHÂN DÂN TỈNH."
    assert of(found(tmp_path, f"preamble:\n  paragraphs: [{line}]\n"), "KH303") == []


def test_kh401_a_citation_in_capitals_keeps_its_symbol(tmp_path: Path) -> None:
    """Nghệ An 980/KH-UBND: the title in capitals cites "QUYẾT ĐỊNH SỐ 1899/QĐ-TTG", the text
    "Quyết định số 1899/QĐ-TTg ngày 04/9/2025": one document."""
    text = ("title: THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
            "preamble:\n  bases: [Căn cứ Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ]\n")
    assert of(found(tmp_path, text), "KH401") == []
    wrong = text.replace("bases: [Căn cứ Quyết định số 1899/QĐ-TTg", "bases: [Căn cứ Quyết định số 1899/QĐ-BTC")
    assert of(found(tmp_path, wrong), "KH401") != []


def test_kh401_two_documents_with_one_number(tmp_path: Path) -> None:
    """Numbers start again each year, and two offices may both send a Công văn số 123: not one
    document mistyped (issue 23: no false errors)."""
    text = ("preamble:\n  paragraphs:\n"
            "    - Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2023 và Kế hoạch số 45/KH-UBND ngày 02/4/2024.\n"
            "    - Theo Công văn số 123/UBND-VX ngày 05/01/2024 và Công văn số 123/SYT-NV ngày 20/02/2024.\n")
    assert of(found(tmp_path, text), "KH401") == []
    same_day = text.replace("123/SYT-NV ngày 20/02/2024", "123/UBND-VP ngày 05/01/2024")
    [finding] = of(found(tmp_path, same_day), "KH401")
    assert finding.severity.value == "warning"


def test_kh401_one_days_run_of_documents(tmp_path: Path) -> None:
    """UBND tỉnh Lâm Đồng, Báo cáo CCHC 2025: "Quyết định số 304/QĐ-STC, 306/QĐ-STC, 307/QĐ-STC ngày
    04/10/2025" and two resolutions of one session are several documents; a number far off on the same
    day is still a slip (seed 000)."""
    text = ("preamble:\n  paragraphs:\n"
            "    - Sở Tài chính ban hành Quyết định số 304/QĐ-STC ngày 04/10/2025, Quyết định số 306/QĐ-STC "
            "ngày 04/10/2025 và Quyết định số 307/QĐ-STC ngày 04/10/2025.\n"
            "    - HĐND tỉnh ban hành Nghị quyết 14/NQ-HĐND ngày 28/8/2025 và Nghị quyết 19/NQ-HĐND ngày 28/8/2025.\n")
    assert of(found(tmp_path, text), "KH401") == []
    far = text.replace("306/QĐ-STC", "3004/QĐ-STC")
    assert len(of(found(tmp_path, far), "KH401")) == 1
