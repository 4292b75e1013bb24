"""Where a title line breaks (issue 24): never inside a compound of two syllables ("DOANH / NGHIỆP",
"SẢN / PHẨM") when another break fits."""

from __future__ import annotations


def test_title_lines_never_break_inside_a_compound() -> None:
    """"DOANH / NGHIỆP", "SẢN / PHẨM" at a line end read as two words (issue 24): the balanced
    breaking of a long trích yếu takes another break that fits, even if a little less even."""
    from kehoach.common.textwidth import balanced_title_lines, splits_compound

    assert splits_compound("DOANH", "NGHIỆP") and splits_compound("sản", "phẩm")
    assert not splits_compound("nghiệp,", "sản")  # a comma already ends the phrase
    for title in ["Hỗ trợ phát triển hợp tác xã, doanh nghiệp nhỏ và vừa, sản phẩm OCOP và sản phẩm "
                  "công nghiệp nông thôn tiêu biểu trên địa bàn tỉnh Lâm Đồng giai đoạn 2026 - 2030"]:
        lines = balanced_title_lines(title)
        assert len(lines) >= 2 and " ".join(lines) == title
        for left, right in zip(lines, lines[1:]):
            assert not splits_compound(left.split()[-1], right.split()[0]), lines
    # Where no break that fits keeps every compound, the lines still fit the page.
    tight = ("Tuyên truyền, phổ biến, giáo dục pháp luật cho người lao động và người sử dụng lao động "
             "trong các doanh nghiệp trên địa bàn thành phố năm 2026")
    assert len(balanced_title_lines(tight)) == 2



def test_appendix_titles_break_in_balanced_lines_keeping_compounds() -> None:
    """Đắk Lắk 0134's appendix titles are wider than the landscape page: they print as balanced
    lines (line breaks in the one title paragraph) and never as "… TRÊN ĐỊA / BÀN TỈNH …"."""
    from pathlib import Path

    from docx.oxml.ns import qn

    from docx_read import open_docx
    from kehoach.build import render
    from kehoach.source.loader import load_path
    from kehoach.common.textwidth import splits_compound

    example = Path(__file__).parents[2] / "examples" / "daklak-0134-kh-ubnd.yaml"
    doc = open_docx(render(load_path(example).plan, "docx"))
    titles = [p for p in doc.element.body.iter(qn("w:p"))
              if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "KHAppendixTitle"]
    assert len(titles) == 2
    for p in titles:
        lines, current = [], []
        for el in p.iter(qn("w:t"), qn("w:br")):
            if el.tag == qn("w:br"):
                lines.append("".join(current))
                current = []
            else:
                current.append(el.text or "")
        lines.append("".join(current))
        assert len(lines) == 2, lines
        assert not splits_compound(lines[0].split()[-1], lines[1].split()[0]), lines
        assert abs(len(lines[0]) - len(lines[1])) < 25  # balanced, not a full line and a remnant
