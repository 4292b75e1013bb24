"""Nơi nhận and the signature block as Word really holds them: soft breaks and runs of spaces inside
one cell, wrapped recipients, the TM./KT. lines, text after the block that is an attachment's."""

from __future__ import annotations

from kehoach.importers import import_plan

from realshapes import plan_docx


def _closing(tmp_path, **shape):
    imported = import_plan(plan_docx(tmp_path / "plan.docx", **shape))
    return imported, imported.data["signature"], imported.data.get("recipients", {})


def test_recipients_joined_by_soft_breaks_and_spaces_in_one_cell(tmp_path):
    """r07: one cell holds 'Nơi nhận:' + a soft break, two recipients on one line separated by a run
    of spaces, and pairs of recipients joined by soft breaks; the signature sits in a third column."""
    left = [
        [("Nơi nhận:\n", True, True), ("- V01, C04 - Bộ Công an;                                     "
                                        "- Thường trực Tỉnh ủy;", False, False)],
        "- Thường trực HĐND tỉnh;",
        "- Chủ tịch, PCT. UBND tỉnh (Đ/c Minh);\n- Chi cục Hải quan khu vực XIII;",
        "- Chánh, các PCVP UBND tỉnh;\n- Lưu: VT, NC.Châu",
    ]
    right = [[(" KT. CHỦ TỊCH", True, False)], [("PHÓ CHỦ TỊCH", True, False)], "", "", [("   Nguyễn Minh", True, False)]]
    imported, sig, rec = _closing(tmp_path, closing_left=left, closing_right=right)
    assert sig == {"authority": "KT", "head_title": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Minh"}
    names = [r if isinstance(r, str) else r["name"] for r in rec["items"]]
    assert names == ["V01, C04 - Bộ Công an", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, PCT. UBND tỉnh",
                     "Chi cục Hải quan khu vực XIII", "Chánh, các PCVP UBND tỉnh"]
    assert rec["archive"] == {"units": ["VT", "NC.Châu"]}
    # the ";" typed after each recipient is a normalisation the summary names
    assert any("6 nơi nhận" in line and "';'" in line for line in imported.summary)


def test_a_wrapped_recipient_is_one_recipient(tmp_path):
    left = [[("Nơi nhận:", True, True)], "- Ban Chỉ đạo cải cách hành chính", "tỉnh (để báo cáo);",
            "- Các sở, ban,\nngành thuộc tỉnh;", "- Lưu: VT, NC."]
    _imported, _sig, rec = _closing(tmp_path, closing_left=left)
    assert rec["items"] == [{"name": "Ban Chỉ đạo cải cách hành chính tỉnh", "purpose": "để báo cáo"},
                            "Các sở, ban, ngành thuộc tỉnh"]


def test_on_behalf_lines_are_kept(tmp_path):
    right = [[("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\n", True, False), ("Phạm Hoàng Sơn", True, False)]]
    _imported, sig, _rec = _closing(tmp_path, closing_right=right)
    assert sig == {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Phạm Hoàng Sơn"}


def test_text_after_the_block_is_not_the_signers_name(tmp_path):
    """The signer's name under the table is the signature's; the attachment after it is not."""
    right = [[("KT. CHỦ TỊCH", True, False)], [("PHÓ CHỦ TỊCH", True, False)]]
    after = [[("Nguyễn Ngọc Phúc", True, False)], [("QUY ĐỊNH", True, False)],
             "Trường hợp các văn bản viện dẫn có sửa đổi thì thực hiện theo văn bản sửa đổi./."]
    imported, sig, _rec = _closing(tmp_path, closing_right=right, after=after)
    assert sig["name"] == "Nguyễn Ngọc Phúc"
    assert sig["title"] == "PHÓ CHỦ TỊCH"
    notes = [message for path, message in imported.notes if path[:1] == ("signature",)]
    assert any("Trường hợp" in n or "QUY ĐỊNH" in n for n in notes), notes


def test_a_line_after_the_archive_is_not_a_recipient(tmp_path):
    left = [[("Nơi nhận:", True, True)], "- Bộ Tài chính;\n- Lưu: VT, KT, TH.\nSonnk/QĐ06.T9/50b"]
    imported, _sig, rec = _closing(tmp_path, closing_left=left)
    assert rec["items"] == ["Bộ Tài chính"]
    assert any("Sonnk" in message for _path, message in imported.notes)


def test_a_recipient_naming_a_section_refers_to_it(tmp_path):
    """"- Mục II;" in Nơi nhận: the bodies assigned in section II; the recipient gets a `ref`."""
    left = [[("Nơi nhận:", True, True)], "- Bộ Nội vụ;", "- Như Mục II;", "- Lưu: VT, NC."]
    imported, _sig, rec = _closing(tmp_path, closing_left=left)
    section = imported.data["sections"][1]
    assert section["id"] == "muc-ii" and list(section)[0] == "id"
    assert rec["items"] == ["Bộ Nội vụ", {"name": "Như Mục II", "ref": "muc-ii"}]
    import kehoach
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    assert not [d for d in kehoach.check(plan_file) if d.code in ("KH403", "KH404")]


def test_a_wrapped_recipient_in_paragraphs_is_not_the_signature(tmp_path):
    """Nơi nhận and signature as paragraphs (no table): a recipient wrapped onto a line that starts
    with a capital stays a recipient."""
    import docx

    from kehoach.importers import import_plan as do_import

    path = plan_docx(tmp_path / "plan.docx", closing_left=[""], closing_right=[""])
    document = docx.Document(path)
    document._body._body.remove(document.tables[-1]._tbl)
    for text in ["Nơi nhận:", "- Ban Chỉ đạo cải cách hành chính", "Trung ương (để báo cáo);",
                 "- Lưu: VT, NC.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]:
        document.add_paragraph(text)
    document.save(path)
    data = do_import(path).data
    assert data["recipients"]["items"] == [{"name": "Ban Chỉ đạo cải cách hành chính Trung ương",
                                            "purpose": "để báo cáo"}]
    assert data["signature"] == {"authority": "KT", "head_title": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                                 "name": "Nguyễn Ngọc Phúc"}


def test_a_signature_typed_as_paragraphs_above_noi_nhan(tmp_path):
    """No closing table: the signature's lines are indented paragraphs after the closing sentence and
    Nơi nhận follows them (older and commune files). They are the signature, not closing text."""
    right = [[("TM. ỦY BAN NHÂN DÂN", True, False)], [("KT. CHỦ TỊCH", True, False)],
             [("PHÓ CHỦ TỊCH", True, False)], "", [("Nguyễn Văn Bình", True, False)]]
    left = [[("Nơi nhận:", True, True)], "- UBND tỉnh (b/c);", "- Công an xã;", "- Lưu: VT."]
    imported, sig, rec = _closing(tmp_path, closing_left=left, closing_right=right, closing_as_paragraphs=True)
    assert sig == {"on_behalf_of": "ỦY BAN NHÂN DÂN", "authority": "KT", "head_title": "CHỦ TỊCH",
                   "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Bình"}
    assert rec["items"] == [{"name": "UBND tỉnh", "purpose": "b/c"}, "Công an xã"]
    assert not any("TM." in line or "Nguyễn Văn Bình" in line for line in imported.data.get("closing", []))


def test_upper_case_lines_that_are_no_signature_stay_body():
    """Upper-case lines above Nơi nhận without a title or authority line (TM., KT., CHỦ TỊCH…), or
    numbered like a heading, are not taken for a signature typed as paragraphs."""
    from kehoach.importers.blocks import Para, Run
    from kehoach.importers.closing import signature_start

    def paras(*texts):
        return [Para([Run(text)]) for text in texts]

    plain = paras("Nội dung.", "LƯU Ý CHUNG", "BAN CHỈ ĐẠO", "Nơi nhận:")
    assert signature_start(plain, 3, 0) == 3
    heading = paras("Nội dung.", "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:")
    assert signature_start(heading, 2, 0) == 2
    signed = paras("Nội dung./.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Phạm Văn An", "Nơi nhận:")
    assert signature_start(signed, 5, 0) == 1
