"""A user's --templates are code: a template that includes itself, recurses or loops without end
stops with KH045 (exit 2, located), never KH000 or a hang."""

from __future__ import annotations

import pytest

from kehoach.compose.composer import compose
from kehoach.common.diagnostics import KehoachError
from tests.compose.test_compose import plan

ATTACKS = {
    "self-include": '{% include "closing.j2" %}\n',
    "recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}\n",
    "nested loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
    "loops over a list": "{% set xs = range(100000) | list %}\n"
                         "{% for a in xs %}{% for b in xs %}{{ '' }}{% endfor %}{% endfor %}\n",
    "output flood": "{% for a in range(100000) %}{{ 'lời văn ' * 100 }}{% endfor %}\n",
    "string repeat": "{{ 'x' * 10 ** 9 }}\n",
    "huge power": "{{ 10 ** (10 ** 8) }}\n",
}


@pytest.mark.parametrize("name", ATTACKS)
def test_runaway_templates_stop_with_a_located_kh045(tmp_path, name) -> None:
    (tmp_path / "closing.j2").write_text("Đoạn kết\n" + ATTACKS[name], encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=tmp_path)
    d = caught.value.diagnostics[0]
    assert caught.value.exit_code == 2
    assert d.code == "KH045", d.message
    assert d.path == str(tmp_path / "closing.j2")


def test_ordinary_loops_and_repeats_are_allowed(tmp_path) -> None:
    (tmp_path / "closing.j2").write_text(
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ '-' * 3 }} {{ 2 ** 10 }}\n", encoding="utf-8")
    document = compose(plan(), templates=tmp_path)
    texts = [b.text for p in document.parts for b in p.blocks if hasattr(b, "text")]
    assert any("012 --- 1024" in t for t in texts)
