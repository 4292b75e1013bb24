"""Text rules stay linear: `check` on a plan holding one very long word (issue 26.2).

    .venv/bin/python benchmarks/long_word.py            # 4,000 / 8,000 / 16,000 letters, 5 shapes

Each shape is a paragraph of one word of N letters (Vietnamese marks, foreign letters, digits
glued to letters, fused syllables, mixed case); the time is the whole lint of the plan in process,
median of 3. Goal: a 16,000-letter word in under 0.5 s (it took 38 s before the fix).
"""

from __future__ import annotations

import json
import statistics
import time

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_text

SHAPES = {"marks": "ạ", "foreign letters": "aǜ", "digits": "a1", "fused syllables": "nghiệp", "mixed case": "Ạb"}


def main() -> None:
    print(f"{'shape':18}" + "".join(f"{n:>12,}" for n in (4000, 8000, 16000)) + "   (seconds)")
    for name, unit in SHAPES.items():
        row = []
        for letters in (4000, 8000, 16000):
            word = (unit * (letters // len(unit) + 1))[:letters]
            loaded = load_text(complete_example(f"preamble:\n  paragraphs: [{json.dumps(word, ensure_ascii=False)}]\n"),
                               "plan.yaml")
            times = []
            for _ in range(3):
                start = time.perf_counter()
                lint(loaded, config=Config())
                times.append(time.perf_counter() - start)
            row.append(statistics.median(times))
        print(f"{name:18}" + "".join(f"{t:>12.3f}" for t in row))


if __name__ == "__main__":
    main()
