"""The seeds' real mistakes, transcribed faithfully in tests/fixtures/seeds/, are reported with
their code on the line that holds them."""

from __future__ import annotations

from pathlib import Path

from kehoach.lint.config import Config
from kehoach.common.diagnostics import Severity
from kehoach.source.loader import load_path
from kehoach.lint import lint

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _line_of(path: Path, needle: str) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def _findings(path: Path) -> list:
    loaded = load_path(path)
    assert loaded.plan is not None and loaded.diagnostics == []
    return lint(loaded, config=Config())


def test_seed_000_citation_and_signer_title() -> None:
    path = SEEDS / "000_molisa_2178.yaml"
    found = {(d.code, d.line): d for d in _findings(path)}
    note = _line_of(path, "Kèm theo Công văn số 217/LĐTBXH-TE")
    citation = found[("KH401", note)]
    assert "217/LĐTBXH-TE" in citation.message and "2178/LĐTBXH-TE" in citation.message
    assert citation.severity is Severity.warning  # two numbers may be two documents: a warning (issue 23)
    assert citation.col == path.read_text(encoding="utf-8").splitlines()[note - 1].index("Công văn số 217") + 1
    title = found[("KH206", _line_of(path, "title: THỊ TRƯỞNG"))]
    assert "THỊ TRƯỞNG" in title.message and '"THỨ TRƯỞNG"' in title.message
    # nothing else: the transcription is otherwise clean, and the công văn ký hiệu is silenced
    assert set(found) == {("KH401", note), ("KH206", _line_of(path, "title: THỊ TRƯỞNG"))}


def test_seed_003_recipient_semicolon_heading_case_and_tone_style() -> None:
    path = SEEDS / "003_an_giang_xkld.yaml"
    found = _findings(path)
    by_code: dict[str, list] = {}
    for d in found:
        by_code.setdefault(d.code, []).append(d)
    [semicolon] = by_code["KH208"]
    assert semicolon.line == _line_of(path, '- "Công TTĐT tỉnh"') and "Công TTĐT tỉnh" in semicolon.message
    assert semicolon.severity is Severity.warning  # the built document prints every ';' itself
    [heading] = by_code["KH211"]
    assert heading.line == _line_of(path, 'heading: "Mục đích, yêu cầu"')
    assert '"MỤC ĐÍCH, YÊU CẦU"' in heading.message
    [tone] = by_code["KH302"]
    assert tone.line == _line_of(path, "Cụ thể hoá các mục tiêu") and "'hoá'" in tone.message
    # the seven other recipient lines carry their typed ';' (the tool adds it): warnings, one per line
    assert len(by_code["KH207"]) == 7 and all(d.severity is Severity.warning for d in by_code["KH207"])
    # "Tạo sự chuyên biến" in the seed: "chuyển biến", a valid syllable typed with another tone
    [retoned] = by_code["KH307"]
    assert retoned.line == _line_of(path, "Tạo sự chuyên biến") and "'chuyển'" in retoned.message
    assert set(by_code) == {"KH207", "KH208", "KH211", "KH302", "KH307"}


def test_ignore_comment_is_what_silences_the_cong_van_symbol(tmp_path: Path) -> None:
    text = (SEEDS / "000_molisa_2178.yaml").read_text(encoding="utf-8")
    plain = tmp_path / "plan.yaml"
    plain.write_text(text.replace("  # kehoach: ignore[KH202]", ""), encoding="utf-8")
    [symbol] = [d for d in lint(load_path(plain), config=Config()) if d.code == "KH202"]
    assert symbol.line == _line_of(plain, "symbol: LĐTBXH-TE") and '"KH-LĐTBXH"' in symbol.message
