"""A user's --templates that fail at run time end as a located KH04x naming the right template
(issue 26.9): never KH000, never the name of another template; batch placeholders never print a
memory address."""

from __future__ import annotations

import pytest

from kehoach.compose.composer import compose
from kehoach.common.diagnostics import KehoachError
from kehoach.common.i18n import set_lang
from tests.compose.test_compose import plan


def _failure(folder, text: str | bytes) -> tuple[str, str, str | None, int | None]:
    target = folder / "closing.j2"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=folder)
    assert caught.value.exit_code == 2
    d = caught.value.diagnostics[0]
    return d.code, d.message, d.path, d.line


@pytest.mark.parametrize("text", ["Đoạn kết\n{{ 1 / 0 }}\n", "Đoạn kết\n{{ 'a' + 1 }}\n",
                                  "Đoạn kết\n{{ '%d' % 'x' }}\n", "Đoạn kết\n{{ [1][5] }}\n",
                                  "Đoạn kết\n{{ {}['k'] }}\n"])
def test_run_time_errors_are_located_kh044(tmp_path, text):
    code, message, path, line = _failure(tmp_path, text)
    assert code == "KH044" and path == str(tmp_path / "closing.j2") and line == 2, message


def test_a_template_that_is_not_utf8_is_kh044(tmp_path):
    code, message, path, _line = _failure(tmp_path, b"\xd0o\xf2n k\xea\xcc\xf5t {{ x }}")  # cp1258 bytes
    assert code == "KH044" and "UTF-8" in message and path.endswith("closing.j2")


@pytest.mark.parametrize("included", ["/etc/passwd", "../../../../etc/passwd", "khong-co.j2"])
def test_an_include_outside_the_templates_names_the_including_template(tmp_path, included):
    set_lang("en")
    try:
        code, message, path, line = _failure(tmp_path, f'Đoạn kết\n{{% include "{included}" %}}\n')
    finally:
        set_lang("vi")
    assert code == "KH041" and included in message and "closing.j2 not found" not in message
    assert path == str(tmp_path / "closing.j2") and line == 2
    assert "root:" not in message


def test_placeholders_never_print_a_memory_address():
    from kehoach.batch.placeholders import _environment

    env = _environment()
    for template in ("{{ unit.keys }}", "{{ range }}", "{{ unit.name.format }}"):
        with pytest.raises(TypeError) as caught:
            env.from_string(template).render(unit={"name": "A"})
        assert "0x" not in str(caught.value)
    assert env.from_string("{{ unit.name | upper }}").render(unit={"name": "a"}) == "A"
