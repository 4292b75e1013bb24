"""A Tờ trình or a Công văn is refused with a message that names its type and says what kehoach
builds; the command writes nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kehoach.cli.main import app
from kehoach.common.diagnostics import KehoachError
from kehoach.importers import import_plan

from realshapes import plan_docx


@pytest.mark.parametrize(("kind", "title", "named"), [
    ("TỜ TRÌNH", "Về việc ban hành Kế hoạch kiểm tra năm 2026", "Tờ trình"),
    ("V/v triển khai thực hiện Công văn số 5689/BCA-C04", "Kính gửi: Công an tỉnh", "Công văn"),
])
def test_another_type_is_refused_by_name(tmp_path, kind, title, named):
    path = plan_docx(tmp_path / "doc.docx", kind=kind, title=title,
                     body=["Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét./."])
    with pytest.raises(KehoachError) as error:
        import_plan(path)
    message = error.value.diagnostics[0].message
    assert error.value.diagnostics[0].code == "KH505"
    assert named in message and "kế hoạch" in message and "quyết định ban hành" in message
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(tmp_path / "doc.yaml")])
    assert result.exit_code == 2
    assert not (tmp_path / "doc.yaml").exists()
