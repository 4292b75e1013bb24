"""Fidelity: each seed example, rendered as text, says what its seed document says.

The seed (``tests/fixtures/seeds/*.txt``, plain text as received) is cut to its body: from the first
paragraph that starts with the given marker up to the Nơi nhận. Every line there is one paragraph;
at least 98% of them must appear, in order, as whole paragraphs of the rendered text.

Normalisation, the same on both sides and nothing more:
- Unicode NFC, runs of whitespace collapsed, markdown emphasis from the crawl (``*text*``) unwrapped
  (a lone "* " label stays);
- the body's end mark "./." counts as "." (kehoach adds it where the decree wants it; some seeds
  dropped it);
- a line kehoach printed in upper case (a section heading, upper-cased by the decree's rule) matches
  the seed's line case-insensitively; no other line does;
- a seed paragraph broken by a page break (a line ending without punctuation, continued on the next)
  matches when the lines joined with a space equal one rendered paragraph.

``ERRATA`` lists the seed mistakes an example corrects on purpose (each marked "Corrected" in the
example's YAML); they are applied to the seed text first, and each must still occur in the seed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kehoach.compose.composer import compose
from kehoach.source.loader import load_path
from kehoach.writers.text import write_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
THRESHOLD = 0.98
MAX_JOIN = 3  # a paragraph split over at most this many lines by page breaks

# example → (seed file, [(first body paragraph starts with, body ends before the paragraph starting with)])
CASES = {
    "001-tra-vinh-ldld.yaml": ("001_efbbb4c7741c7348.txt", [("Thực hiện Kế hoạch số 124/KH-TLĐ", "Nơi nhận")]),
    "002-bo-ldtbxh-qd-224.yaml": ("002_580adc5e3e93c63e.txt", [
        ("BỘ TRƯỞNG BỘ LAO ĐỘNG", "Nơi nhận"),  # the decision
        ("Triển khai thực hiện nhiệm vụ năm 2012", None),  # the programme it issues
    ]),
    "003-an-giang-xkld.yaml": ("003_2deff35be5e7443c.txt", [("Căn cứ Nghị quyết số 225/NQ-CP", "Nơi nhận")]),
    "004-bac-kan-pbgdpl.yaml": ("004_97fe64320d14530e.txt", [("Thực hiện Kế hoạch số 60/KH-UBND", "Nơi nhận")]),
}

# example → [(seed text, as the example corrects it)]
ERRATA = {
    "001-tra-vinh-ldld.yaml": [("viên chúc", "viên chức"), ("đến năn 2025", "đến năm 2025")],
    "002-bo-ldtbxh-qd-224.yaml": [("ngay trong tháng 2 năm 2012", "ngay trong tháng 02 năm 2012")],  # KH203 padding
    "003-an-giang-xkld.yaml": [("hợp đồng lao động của các ngành chức năng\n",
                                "hợp đồng lao động của các ngành chức năng.\n")],  # missing final "."
    "004-bac-kan-pbgdpl.yaml": [("cấp thành phố .", "cấp thành phố.")],
}
EMPHASIS = re.compile(r"\*{1,2}(\S(?:[^*\n]*\S)?)\*{1,2}")


def normalise(text: str) -> str:
    text = EMPHASIS.sub(r"\1", unicodedata.normalize("NFC", text))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:-2] if text.endswith("./.") else text


def seed_body(seed: Path, ranges: list[tuple[str, str | None]], errata: list[tuple[str, str]] = ()) -> list[str]:
    text = seed.read_text(encoding="utf-8")
    for wrong, right in errata:
        assert wrong in text, f"erratum {wrong!r} no longer occurs in {seed.name}"
        text = text.replace(wrong, right)
    lines = [normalise(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    body: list[str] = []
    for start, end in ranges:
        first = next(i for i, line in enumerate(lines) if line.startswith(start))
        last = next((i for i in range(first, len(lines)) if end and lines[i].startswith(end)), len(lines))
        body += lines[first:last]
    return body


def rendered_paragraphs(example: Path) -> list[str]:
    loaded = load_path(example)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    text = write_text(compose(loaded.plan)).decode("utf-8")
    return [normalise(line) for line in text.splitlines() if line.strip()]


def same(seed: str, rendered: str) -> bool:
    if seed == rendered:
        return True
    return rendered == rendered.upper() != rendered.lower() and seed.casefold() == rendered.casefold()


def match_in_order(seed: list[str], rendered: list[str]) -> tuple[int, list[str]]:
    """(paragraphs found, paragraphs missing): each seed paragraph is looked for after the last match."""
    found, missing, position, i = 0, [], 0, 0
    while i < len(seed):
        hit = None
        for span in range(1, min(MAX_JOIN, len(seed) - i) + 1):
            if span > 1 and re.search(r"[.;:!?]$", seed[i + span - 2]):
                break  # only a line ending mid-sentence continues on the next one
            candidate = " ".join(seed[i:i + span])
            hit = next((j for j in range(position, len(rendered)) if same(candidate, rendered[j])), None)
            if hit is not None:
                found, position, i = found + span, hit + 1, i + span
                break
        if hit is None:
            missing.append(seed[i])
            i += 1
    return found, missing


@pytest.mark.parametrize("example", sorted(CASES))
def test_seed_body_paragraphs_appear_in_order(example: str) -> None:
    seed_file, ranges = CASES[example]
    path = ROOT / "examples" / example
    seed = seed_body(SEEDS / seed_file, ranges, ERRATA.get(example, []))
    found, missing = match_in_order(seed, rendered_paragraphs(path))
    assert len(seed) > 10
    ratio = found / len(seed)
    report = "\n".join(f"  - {text[:160]}" for text in missing)
    assert ratio >= THRESHOLD, f"{found}/{len(seed)} seed paragraphs found ({ratio:.1%}); missing:\n{report}"


def test_matching_is_strict() -> None:
    rendered = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức của cán bộ trong các", "Đoạn cuối."]
    # Case is forgiven only on a line printed in upper case; order matters; page-break joins work.
    assert match_in_order(["I. Mục đích, yêu cầu", "1. Mục đích"], rendered) == (2, [])
    assert match_in_order(["1. MỤC ĐÍCH"], rendered) == (0, ["1. MỤC ĐÍCH"])
    assert match_in_order(["1. Mục đích", "I. Mục đích, yêu cầu"], rendered) == (1, ["I. Mục đích, yêu cầu"])
    assert match_in_order(["Nâng cao nhận thức", "của cán bộ trong các"], rendered) == (2, [])
    assert match_in_order(["Nâng cao nhận thức.", "của cán bộ trong các"], rendered)[0] == 0
    assert normalise("báo cáo Tỉnh ủy./.") == "báo cáo Tỉnh ủy."
    assert normalise(" (*qua  Phòng*) ") == "(qua Phòng)"
    assert normalise("* Hỗ trợ đầu tư") == "* Hỗ trợ đầu tư"
