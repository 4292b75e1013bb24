"""Lint precision on real plans, and a spelling probe (issue 23).

    .venv/bin/python benchmarks/lint_precision.py                              # examples/ only
    .venv/bin/python benchmarks/lint_precision.py PLANS_FOLDER WORD_FILES_FOLDER   # folders of real plans
    .venv/bin/python benchmarks/lint_precision.py --probe-only --per-class 400

Precision: every plan of examples/ and of the folders given (plan .yaml files are checked as they
are; .txt, .md, .docx, .doc and .odt files are first imported with ``kehoach import`` into a
temporary folder) is checked with the default configuration. Each finding is matched against
``lint_known_real.toml`` beside this script: "real" (a mistake of the original), "artefact" (caused by
the transcription or the import, not by the rule), "note" (an information note that is true and
asks for nothing, such as KH230 on a draft's blank number) or, when no entry matches, a false alarm.
Precision = real ÷ (real + false alarms), overall and without KH302 (tone-mark style).

Spelling probe: each typo class is injected, one word at a time, into the examples' own words
(lower-case Vietnamese words of their texts, a fixed random sample per class); a typo is caught when
KH305, KH306 or KH307 reports the word changed. The clean texts give the false positives. Classes:
doubled letters, Telex leftovers, tone on the wrong vowel, missing diacritics, regional swaps
(tr/ch, s/x, n/ng), another tone that still spells a valid syllable ("phố biến" for "phổ biến").
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.lexicon import TONES, lexicon, split_key
from kehoach.lint.rules.registry import walk_texts
from kehoach.lint.rules.spelling import FUSED, MISSPELT, verdict
from kehoach.lint.rules.text import fold_tones
from kehoach.lint.rules.words import text_suspects
from kehoach.source.loader import load_path

ROOT = Path(__file__).resolve().parent.parent
KNOWN = Path(__file__).with_name("lint_known_real.toml")
IMPORTABLE = {".txt", ".md", ".docx", ".doc", ".odt"}
SPELLING = {"KH305", "KH306", "KH307"}


# --------------------------------------------------------------------------------------------
# Precision
# --------------------------------------------------------------------------------------------

def plans(folders: list[Path], work: Path) -> list[Path]:
    """The plan files to check: .yaml as they are, other documents imported into ``work``."""
    from kehoach.importers import import_plan

    found: list[Path] = sorted((ROOT / "examples").glob("*.yaml"))
    for folder in folders:
        for path in sorted(folder.iterdir() if folder.is_dir() else [folder]):
            if path.suffix == ".yaml":
                found.append(path)
            elif path.suffix in IMPORTABLE and path.name.lower() != "readme.md":
                target = work / f"{path.stem}.yaml"
                try:
                    result = import_plan(path)
                except Exception as exc:  # a document kehoach cannot import: say so, go on
                    print(f"  (not imported: {path.name}: {exc})", file=sys.stderr)
                    continue
                text = result if isinstance(result, str) else getattr(result, "yaml", None) or getattr(result, "text")
                target.write_text(text, encoding="utf-8")
                found.append(target)
    return found


def classify(plan: Path, code: str, message: str, known: list[dict]) -> str:
    for entry in known:
        if entry["code"] == code and entry["plan"] in plan.name and entry["match"] in message:
            return entry["kind"]
    return "false"


def precision(folders: list[Path]) -> None:
    known = tomllib.loads(KNOWN.read_text(encoding="utf-8")).get("finding", [])
    per_code: dict[str, Counter] = {}
    false_alarms: list[str] = []
    errors: Counter = Counter()  # error-level findings (they stop `kehoach build`), by kind
    with tempfile.TemporaryDirectory() as work:
        paths = plans(folders, Path(work))
        for path in paths:
            loaded = load_path(path)
            if loaded.plan is None:
                print(f"  (does not validate: {path.name})", file=sys.stderr)
                continue
            for diag in lint(loaded, config=Config()):
                kind = classify(path, diag.code, diag.message, known)
                per_code.setdefault(diag.code, Counter())[kind] += 1
                if diag.severity.value == "error":
                    errors[kind] += 1
                if kind == "false":
                    false_alarms.append(f"{path.name}:{diag.line}: {diag.code} {diag.message[:110]}")
    print(f"\nPrecision over {len(paths)} plans\n")
    print(f"{'code':7}{'findings':>9}{'real':>6}{'artefact':>10}{'note':>6}{'false':>7}")
    totals = Counter()
    for code in sorted(per_code):
        c = per_code[code]
        totals += c
        print(f"{code:7}{sum(c.values()):>9}{c['real']:>6}{c['artefact']:>10}{c['note']:>6}{c['false']:>7}")
    no_tone = totals - per_code.get("KH302", Counter())
    for label, c in (("all", totals), ("without KH302", no_tone)):
        judged = c["real"] + c["false"]
        share = 100 * c["real"] / judged if judged else 100.0
        print(f"precision ({label}): {c['real']}/{judged} = {share:.1f} %")
    print(f"error-level findings: {sum(errors.values())} ({errors['false']} false)")
    if false_alarms:
        print("\nfalse alarms:")
        for line in false_alarms:
            print("  " + line)


# --------------------------------------------------------------------------------------------
# Spelling probe
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_TELEX = {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
_PLAIN = str.maketrans("ăâđêôơư", "aadeoou")


def doubled(word: str, rng: random.Random) -> str | None:
    i = rng.randrange(len(word))
    return word[:i] + word[i] + word[i:]


def telex(word: str, rng: random.Random) -> str | None:
    bare, tone = split_key(word)
    typed = bare.replace("ươ", "uow")
    typed = "".join(_TELEX.get(c, c) for c in typed) + tone
    return typed if typed != word else None


def wrong_vowel(word: str, rng: random.Random) -> str | None:
    bare, tone = split_key(word)
    if not tone:
        return None
    positions = [i for i, c in enumerate(bare) if unicodedata.normalize("NFD", c)[0] in "aeiouy"]
    if len(positions) < 2:
        return None
    mark = next(k for k, v in TONES.items() if v == tone)
    options = []
    for i in positions:
        moved = unicodedata.normalize("NFC", bare[:i] + unicodedata.normalize("NFC", bare[i] + mark) + bare[i + 1:])
        if moved != word:
            options.append(moved)
    lex = lexicon()
    # The other placement style ("hoá" for "hóa", "thuỷ" for "thủy") is no typo.
    options = [o for o in options if fold_tones(o) not in lex.syllables]
    return rng.choice(options) if options else None


def wrong_tone(word: str, rng: random.Random) -> str | None:
    """Another tone that still spells a syllable of the list ("phổ" → "phố"): no syllable rule can see it."""
    bare, tone = split_key(word)
    lex = lexicon()
    options = [s for t in ("", *TONES.values()) if t != tone and (s := lex.spell(bare, t)) and s != word]
    return rng.choice(sorted(options)) if options else None


def no_marks(word: str, rng: random.Random) -> str | None:
    plain = split_key(word)[0].translate(_PLAIN)
    return plain if plain != word else None


def regional(word: str, rng: random.Random) -> str | None:
    swaps = []
    for a, b in (("tr", "ch"), ("ch", "tr"), ("s", "x"), ("x", "s")):
        if word.startswith(a):
            swaps.append(b + word[len(a):])
    if word.endswith("ng"):
        swaps.append(word[:-1])
    elif word.endswith("n"):
        swaps.append(word + "g")
    return rng.choice(swaps) if swaps else None


CLASSES = {"doubled letters": doubled, "Telex leftovers": telex, "tone on the wrong vowel": wrong_vowel,
           "missing diacritics": no_marks, "regional swaps (tr/ch, s/x, n/ng)": regional,
           "wrong tone, valid syllable (phố biến)": wrong_tone}


def reported(text: str, start: int, end: int) -> bool:
    """Whether KH305/KH306/KH307 report a word overlapping text[start:end] (without the plan's names)."""
    for match, _, _, _ in text_suspects(text):
        if match.start() < end and start < match.end():
            return True
    for match in _WORD.finditer(text, max(0, start - 1), min(len(text), end + 1)):
        if match.start() < end and start < match.end() and (v := verdict(match.group(0))) and v[0] in (FUSED, MISSPELT):
            return True
    return False


def probe(per_class: int, seed: int) -> None:
    texts = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        loaded = load_path(path)
        if loaded.plan is not None:
            texts += [text for _, text in walk_texts(loaded.plan)]
    sites = [(t, m) for t in texts for m in _WORD.finditer(t)
             if m.group(0).islower() and m.group(0) in lexicon().syllables and len(m.group(0)) >= 2]
    clean_words = len(sites)
    false_positive = sum(len(text_suspects(t)) for t in texts)
    print(f"\nSpelling probe over the examples' {clean_words} lower-case words ({len(texts)} texts), seed {seed}\n")
    print(f"{'class':38}{'injected':>9}{'caught':>8}{'recall':>9}")
    for name, make in CLASSES.items():
        rng = random.Random(f"{seed}:{name}")
        order = sites[:]
        rng.shuffle(order)
        injected = caught = 0
        for text, match in order:
            if injected >= per_class:
                break
            typo = make(match.group(0), rng)
            if not typo:
                continue
            changed = text[: match.start()] + typo + text[match.end():]
            injected += 1
            caught += reported(changed, match.start(), match.start() + len(typo))
        print(f"{name:38}{injected:>9}{caught:>8}{100 * caught / max(injected, 1):>8.1f}%")
    print(f"findings on the clean texts (KH307): {false_positive}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders (or files) of real plans to add")
    parser.add_argument("--per-class", type=int, default=300, help="typos injected per class")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--probe-only", action="store_true")
    args = parser.parse_args()
    if not args.probe_only:
        precision(args.folders)
    probe(args.per_class, args.seed)


if __name__ == "__main__":
    main()
