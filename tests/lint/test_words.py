"""KH307 (word spelling against the Viet74K list) and KH308 (official names with a word missing),
on lines from real plans (public administrative texts; sources named) and the misses of issue 23."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.lexicon import lexicon, split_key, telex_readings
from kehoach.lint.rules.registry import complete_example
from kehoach.lint.rules.words import text_suspects
from kehoach.source.loader import load_path


def judged(text: str) -> list[tuple[str, str, str | None]]:
    return [(written, kind, suggestion) for _, written, kind, suggestion in text_suspects(text)]


@pytest.mark.parametrize(("line", "expected"), [
    # Issue 23's misses, found by reading real plans.
    ("Ông Nguyễn Văn A, chỉ tịch Ủy ban nhân dân xã, chủ trì.", [("chỉ", "context", "chủ")]),
    ("Bố trí kính phí thực hiện từ ngân sách.", [("kính", "context", "kinh")]),
    ("Thực hiện theo chỉ đạo cảu Chỉnh Phủ về cải cách hành chính.",
     [("cảu", "context", "của"), ("Chỉnh", "context", "chính")]),
    ("Sở Tư pháp avf Sở Nội vụ phối hợp thực hiện.", [("avf", "telex", "và")]),
    ("Báo cáo kết quả tóan bộ kế hoạch.", [("tóan", "tone", "toán")]),
    ("Thực hiện nhiệm vụ cuả Chương trình.", [("cuả", "tone", "của")]),  # the list holds "cuả" too
    ("Trẻ em cos hoàn cảnh đặc biệt; bảo vệ môi truowngf.", [("cos", "telex", "có"), ("truowngf", "telex", "trường")]),
    ("Nâng cao chất lượng giáo dục truong học.", [("truong", "marks", "trường")]),
    ("Thực hiện Chỉ thị số số 46-CT/TW của Ban Bí thư.", [("số số", "repeated", "số")]),
    # UBND tỉnh Lâm Đồng, Kế hoạch phòng, chống ma túy 2026 (draft as sent for signing).
    # "phố" is a word, and "biến chủ" is met in running text: "phố" was let pass until a valid syllable
    # tied to neither neighbour was tried with its other tones ("phổ biến" is a common word).
    ("tuyên truyên, phố biến chủ trương của Đảng", [("truyên", "unknown", "truyền"), ("phố", "context", "phổ")]),
    ("Tăng cường tuyên truyền phố biến pháp luật.", [("phố", "context", "phổ")]),
    # The class on other words: An Giang (example 003) "Tạo sự chuyên biến mạnh mẽ"; a function word
    # never met in running text, met beside both neighbours with another tone.
    ("Tạo sự chuyên biến mạnh mẽ về nhận thức.", [("chuyên", "context", "chuyển")]),
    ("Các cơ quán đại diện ở nước ngoài.", [("quán", "context", "quan")]),
    ("Tổ chức thực hiện cạc nhiệm vụ được giao.", [("cạc", "context", "các")]),
    ("trong chương trình chính khóa và tổ chức nồng ghép tuyên truyền, phổ biến giáo dục",
     [("nồng", "context", "lồng")]),
    ("xuất ma túy tống hợp.", [("tống", "context", "tổng")]),
    # Issue 23's valid-syllable miss: "vốn đầu" is met in running text, yet "tống" (never met
    # there) makes no word and "tổng vốn" does.
    ("Tống vốn đầu tư của dự án là 1.536 tỷ đồng.", [("Tống", "context", "tổng")]),
    ("Nguồn vốn: tống vốn đầu tư 71 tỷ đồng.", [("tống", "context", "tổng")]),
    # UBND tỉnh Đắk Lắk, 0134/KH-UBND (2025), Phụ lục II.
    ("(theo đơn Đơn giá quan trắc và phân tích chất lượng nước biển của của Quyết định số 66/2018/QĐ-UBND)",
     [("đơn Đơn", "repeated", "đơn"), ("của của", "repeated", "của")]),
    # In capitals, judged alone ("SỞ THÔNG TIN VÀ TRUYỂN THÔNG", Phú Thọ 2011; acronyms left alone).
    ("II. TỔ CHỨC TUYÊN TRUYỂN VÀ BÁO CÁO TÓAN BỘ, HĐND, UBND", [("TRUYỂN", "unknown", "truyền"),
                                                              ("TÓAN", "tone", "toán")]),
    # Spelt like no syllable at all ("c" takes sắc or nặng; "nn" ends nothing): KH306's, with the word.
    ("Ứng dụng công nghệ thông tin vào quản lý nhà nươc.", []),
    ("Tổ chức tập huấn chuyênn môn cho cán bộ.", []),
])
def test_real_typos_are_found_with_their_word(line: str, expected: list) -> None:
    assert judged(line) == expected


@pytest.mark.parametrize("line", [
    "Dịch vụ trông giữ xe được đầu tư bằng nguồn vốn ngân sách nhà nước",  # Thái Nguyên 07/2025/QĐ-UBND
    "Thực hiện một số nội dung chi, mức chi đặc thù trong nội dung chi ngân sách",  # Nghệ An 980/KH-UBND
    "Phát hiện, ngăn chặn, điều tra, xử lý các hành vi vi phạm pháp luật",  # An Giang (example 003)
    "Số lượng điểm quan trắc: 03 điểm; mỗi điểm thu mẫu, phân tích theo 02 tầng nước",  # Đắk Lắk 0134
    "Phát động phong trào người người, nhà nhà thi đua; dần dần nâng cao chất lượng",
    "Hợp tác với Hồng Kông, Ma Cao trong đào tạo nghề; ứng dụng AI, IoT, Big Data trên website",
    "Kinh phí thực hiện kế hoạch chi từ kinh phí thuộc Chương trình mục tiêu quốc gia",  # Lâm Đồng KMT 2026
    "tổng hợp thông tin vào kho dữ liệu dùng chung của tỉnh",  # Lâm Đồng CCHC 2026-2030
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK; KRÔNG ANA; HĐND, UBND, MTTQVN",
    # Valid syllables tied to no neighbour whose other tone would make a word: a function word
    # ("mỗi trường" is no "môi trường", Lâm Đồng KMT 2026), one neighbour only for a function word
    # ("sổ quy tắc" is no "số quy").
    "đảm bảo mỗi năm tại mỗi trường tổ chức ít nhất 1 buổi",
    "Ghi vào sổ quy tắc ứng xử của cơ quan",
])
def test_clean_real_lines_have_no_finding(line: str) -> None:
    assert judged(line) == []


@pytest.mark.parametrize(("line", "expected"), [
    # Words typed without their marks in lines of the examples' real plans (the spelling probe's class).
    ("Xây dung cơ sở dữ liệu, tiêu chí", [("dung", "marks", "dựng")]),  # "dung cơ" is met in running text
    ("thực hiện quyền tự chủ, tự chiu trách nhiệm của đơn vị", [("chiu", "marks", "chịu")]),
    ("xây dựng nông thôn moi; mở rộng hình thức dạy nghề", [("moi", "marks", "mới")]),
    ("hiệu quả giữa các sở, nganh, tổ chức chính trị - xã hội", [("nganh", "marks", "ngành")]),
    ("Phát hiện, điều tra, xu lý nghiêm các hành vi", [("xu", "marks", "xử")]),
    ("nâng cao năng lực, hiệu quả quản ly nhà nước", [("ly", "marks", "lý")]),  # the list writes "quản lí"
    ("ngày 08/01/2024 của UBND tinh Bắc Kạn về việc", [("tinh", "marks", "tỉnh")]),
    ("tổng hợp báo cáo đánh giá kết qua thực hiện", [("qua", "marks", "quả")]),
    # Beside a number: "ngay 27/4/2022", "Kế hoạch so 0134", "1.364.329.243 dong"; a unit stays ("10 ha").
    ("theo Nghị quyết 59/NQ-CP ngay 27/4/2022 của Chính phủ", [("ngay", "marks", "ngày")]),
    ("(Kèm theo Kế hoạch so 0134/KH-UBND)", [("so", "marks", "số")]),
    ("Thu và phân tích mẫu: 1.364.329.243 dong/năm.", [("dong", "marks", "đồng")]),
])
def test_words_typed_without_their_marks(line: str, expected: list) -> None:
    assert judged(line) == expected


@pytest.mark.parametrize("line", [
    # Real plans' own bare words, meant as typed.
    "Trang thông tin điện tử ngay sau khi ban hành",  # Lâm Đồng, tuyên truyền CCHC 2026
    "sử dụng trong dự toán giao cho các cơ quan, đơn vị",  # Lâm Đồng, kiểm tra CCHC 2026
    "Trong đó: - Chi đầu tư phát triển (không bao gồm các khoản chi từ nguồn năm trước",  # Lâm Đồng 2025
    "việc thẩm định phương án giá do Sở, ngành quản lý ngành, lĩnh vực thực hiện",  # Thái Nguyên 07/2025
    "quy định việc quản lý nhà nước về giá thuộc thẩm quyền của các cơ quan",  # the same
    "chứng thư chữ ký số chuyên dùng công vụ, thiết bị lưu khóa bí mật",  # Lâm Đồng, Báo cáo CCHC 2025
    "được ban hành đầy đủ, kịp thời, khắc phục dần sự chồng chéo, trùng lắp nhiệm vụ",  # the same
    "Vùng nuôi có diện tích từ 10 ha trở lên; sulfur tổng số, Cu, Pb, Zn, Cd, As, Hg",  # Đắk Lắk 0134
    "vận động thanh niên tránh xa ma túy, mại dâm",  # Bộ LĐTBXH 224/QĐ (example 002)
    "Cục Việc làm tổng hợp chung vào văn kiện Chương trình",  # the same
])
def test_bare_words_meant_as_typed_are_left_alone(line: str) -> None:
    assert judged(line) == []


def test_names_are_never_judged(tmp_path: Path) -> None:
    """The letterhead's issuer and the signer are names even when the list would read them as typos."""
    text = complete_example("signature: {title: GIÁM ĐỐC, name: Nguyễn Văn Tống}\n"
                            "preamble:\n  paragraphs: [Ông Tống hợp đồng với Sở Tư pháp.]\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert [d for d in lint(load_path(path), config=Config()) if d.code == "KH307"] == []


def test_tone_placement_fix_is_safe_and_the_others_are_not(tmp_path: Path) -> None:
    text = complete_example("preamble:\n  paragraphs: [Báo cáo kết quả tóan bộ kế hoạch; bố trí kính phí.]\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    from kehoach.lint import run_rules

    fixes = {f.fix.old: f.fix for rule, f, _ in run_rules(load_path(path), config=Config()) if rule.code == "KH307"}
    assert fixes["tóan"].new == "toán" and fixes["tóan"].safe
    assert fixes["kính"].new == "kinh" and not fixes["kính"].safe


def test_the_word_list_and_its_helpers() -> None:
    lex = lexicon()
    assert {"chủ", "tịch", "kinh", "phí"} <= lex.syllables and lex.pair("chủ", "tịch") and not lex.pair("chỉ", "tịch")
    assert lex.seen("của", "người") and "và" in lex.function
    assert split_key("toán") == ("toan", "s") and lex.spell("toan", "s") == "toán"
    assert ("va", "f") in telex_readings("avf") and telex_readings("truowngf")[0] == ("trương", "f")
    assert "của" in lex.variants("cảu") and "chủ" in lex.variants("chỉ")


@pytest.mark.parametrize(("line", "name"), [
    ("Ủy ban nhân tỉnh ban hành Kế hoạch.", "Ủy ban nhân dân"),  # issue 23: a real plan's slip
    ("Giao Hội đồng nhân huyện giám sát.", "Hội đồng nhân dân"),
    ("Phối hợp với Ủy ban Mặt trận Tổ Việt Nam tỉnh.", "Mặt trận Tổ quốc Việt Nam"),
])
def test_kh308_official_name_with_a_word_missing(tmp_path: Path, line: str, name: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(f"preamble:\n  paragraphs: [{line}]\n"), encoding="utf-8")
    [found] = [d for d in lint(load_path(path), config=Config()) if d.code == "KH308"]
    assert f"'{name}'" in found.message


def test_kh308_points_at_the_name_with_the_word_missing(tmp_path: Path) -> None:
    """The whole name earlier in the same line is not where the slip is."""
    line = "Ủy ban nhân dân tỉnh ban hành kế hoạch; Ủy ban nhân tỉnh chỉ đạo."
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(f"preamble:\n  paragraphs: [{line}]\n"), encoding="utf-8")
    [found] = [d for d in lint(load_path(path), config=Config()) if d.code == "KH308"]
    assert found.col == len("  paragraphs: [") + line.index("Ủy ban nhân tỉnh") + 1


def test_kh308_leaves_real_shorter_names(tmp_path: Path) -> None:
    line = "Ủy ban nhân dân tỉnh, Ủy ban Dân tộc, Công an tỉnh, Sở Tài nguyên và Môi trường, Bộ Chính trị."
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(f"preamble:\n  paragraphs: [{line}]\n"), encoding="utf-8")
    assert [d for d in lint(load_path(path), config=Config()) if d.code == "KH308"] == []


def test_kh306_suggests_the_word(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example("preamble:\n  paragraphs: [Quản lý nhà nươc; tập huấn chuyênn môn.]\n"),
                    encoding="utf-8")
    found = {d.message.split("'")[1]: d.message for d in lint(load_path(path), config=Config()) if d.code == "KH306"}
    assert "'nước'" in found["nươc"] and "'chuyên'" in found["chuyênn"]


def test_kh306_leaves_a_listed_loanword_typed_with_a_tone(tmp_path: Path) -> None:
    """UBND tỉnh Lâm Đồng, Báo cáo CCHC 2025: "lắp đặt Kiốt thông minh" (the list writes "kiôt")."""
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example("preamble:\n  paragraphs: [Hoàn thành lắp đặt Kiốt thông minh tại Trung "
                                     "tâm; quản lý nhà nươc.]\n"), encoding="utf-8")
    found = [d.message.split("'")[1] for d in lint(load_path(path), config=Config()) if d.code == "KH306"]
    assert found == ["nươc"]
