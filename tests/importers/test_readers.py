"""Readers: automatic numbering labels, text paragraphs and crawled tables, summary of a run."""

from pathlib import Path

from lxml import etree

from kehoach.importers import import_plan
from kehoach.importers.blocks import Para, Table
from kehoach.importers.numbering import Numbering
from kehoach.importers.text import read_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(levels, overrides=""):
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, start) in enumerate(levels))
    xml = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{lvls}</w:abstractNum>'
           f'<w:num w:numId="3"><w:abstractNumId w:val="1"/>{overrides}</w:num></w:numbering>')
    return Numbering(etree.fromstring(xml), W)


def test_numbering_counts_levels_and_restarts_deeper_ones():
    n = numbering([("upperRoman", "%1.", 1), ("decimal", "%1.%2.", 1), ("lowerLetter", "%3)", 1),
                   ("bullet", "–", 1)])
    seen = [n.label("3", level) for level in (0, 1, 1, 2, 2, 3, 0, 1, 2)]
    assert seen == ["I.", "I.1.", "I.2.", "a)", "b)", "-", "II.", "II.1.", "a)"]
    assert n.label("9", 0) == ""  # an unknown list: no label


def test_numbering_start_override():
    n = numbering([("decimal", "%1.", 1)], '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>')
    assert [n.label("3", 0), n.label("3", 0)] == ["4.", "5."]


def test_wrapped_text_joins_into_paragraphs():
    text = ("**KẾ HOẠCH**\nTHỰC\nHIỆN ĐỀ ÁN\nCăn cứ Luật Tổ chức chính quyền địa\nphương;\n\n"
            "**1. Mục đích**\n- Bảo đảm sự chỉ đạo; sự phối hợp\nchặt chẽ.\n- Kịp thời.\n")
    blocks = read_text(text.encode(), Path("x.txt")).blocks
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert texts == ["KẾ HOẠCH", "THỰC HIỆN ĐỀ ÁN", "Căn cứ Luật Tổ chức chính quyền địa phương;",
                     "1. Mục đích", "- Bảo đảm sự chỉ đạo; sự phối hợp chặt chẽ.", "- Kịp thời."]
    assert blocks[0].bold and blocks[3].bold and not blocks[2].bold


def test_crawled_cells_and_pipe_tables():
    crawl = "|\n**TT**\n|\n**Nội dung**\n|\n|\n1\n|\nTuyên truyền,\nphổ biến\n|\n\nSau bảng.\n"
    blocks = read_text(crawl.encode(), Path("x.txt")).blocks
    table = blocks[0]
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["TT", "Nội dung"], ["1", "Tuyên truyền, phổ biến"]]
    assert blocks[1].text == "Sau bảng."
    piped = "| TT | Nội dung |\n|---|---|\n| 1 | Họp |\n"
    table = read_text(piped.encode(), Path("x.md")).blocks[0]
    assert table.header_rows == 1 and [c.text for c in table.rows[1]] == ["1", "Họp"]


def test_summary_says_what_was_kept_literally(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "**ỦY BAN NHÂN DÂN**\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 7/KH-UBND\n\nHà Nội, ngày 02 tháng 3 năm 2025\n\n"
        "**KẾ HOẠCH**\n\n**Tổ chức hội nghị**\n\nỦy ban nhân dân ban hành Kế hoạch như sau:\n\n"
        "**I. NỘI DUNG**\n\n1. Họp.\n\n- Chuẩn bị.\n\nĐoạn văn sau các ý.\n\n3. Tổng kết.\n\n"
        "Nơi nhận:\n\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n", "utf-8")
    result = import_plan(source)
    # "3." where "2." comes next breaks the scheme: kept literally, and said so
    assert any(line.startswith("1 số thứ tự ghi nguyên văn") for line in result.summary)
    section = result.data["sections"][0]
    assert section["items"][1] == {"label": "3.", "text": ["Tổng kết."]}
    # "-" right under "1." is the section's numbering ("1." then "-"), not a literal label
    assert section["numbering"] == "1."
    item = section["items"][0]["items"][0]
    assert item == {"text": ["Chuẩn bị.", "Đoạn văn sau các ý."]}  # text stays where it stood


def test_a_repeated_roman_numeral_stays_literal(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "**ỦY BAN NHÂN DÂN XÃ AN BÌNH**\n\nSố: 12/KH-UBND\n\nAn Bình, ngày 02 tháng 3 năm 2025\n\n**KẾ HOẠCH**\n\n"
        "**Trồng cây**\n\nỦy ban nhân dân xã ban hành Kế hoạch như sau:\n\n**I. MỤC ĐÍCH**\n\nMột.\n\n"
        "**II. NỘI DUNG**\n\nHai.\n\n**II. KINH PHÍ**\n\nBa.\n\n**III. TỔ CHỨC THỰC HIỆN**\n\nBốn.\n\n"
        "Nơi nhận:\n\n- Lưu: VT.\n\nCHỦ TỊCH\n\nTrần Văn C\n", "utf-8")
    result = import_plan(source)
    sections = result.data["sections"]
    assert [s.get("label") for s in sections] == [None, None, "II.", None]
    assert [s["role"] for s in sections] == ["purpose", "content", "budget", "assignments"]
    lines = result.yaml.splitlines()
    assert lines[lines.index('  - label: II.') - 1] == "  # kiểm tra (KH522): số mục khác thứ tự (ghi nguyên văn)"


def _docx_with_body(tmp_path, body_xml: str) -> Path:
    import io
    import zipfile

    import docx as python_docx

    buffer = io.BytesIO()
    python_docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
                        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                        f'<w:body>{body_xml}</w:body></w:document>').encode()
            archive.writestr(name, data)
    path = tmp_path / "doc.docx"
    path.write_bytes(out.getvalue())
    return path


def test_word_revisions_links_fields_and_content_controls(tmp_path):
    from kehoach.importers.docx import read_docx

    body = (
        '<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>thêm vào</w:t></w:r></w:ins></w:p>'
        '<w:p><w:hyperlink r:id="x"><w:r><w:t>Cổng thông tin</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> và </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Trong ô nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:tab/><w:t>cột phải</w:t></w:r></w:p>'
    )
    blocks = read_docx(_docx_with_body(tmp_path, body).read_bytes(), Path("doc.docx")).blocks
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert texts == ["Giữ thêm vào", "Cổng thông tin và 3", "Trong ô nội dung", "Dòng một\ndòng hai\tcột phải"]
    assert blocks[2].bold
