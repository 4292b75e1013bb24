"""Derive ``vi-words.txt.gz`` (the word list of lint rule KH307) from underthesea's Viet74K.

Run by a maintainer when the source changes, not at install or run time:

    pip download --no-deps underthesea==9.5.0 -d /tmp/ut
    python templates/spelling/derive.py /tmp/ut/underthesea-9.5.0-py3-none-any.whl

The list keeps every entry of ``underthesea/corpus/data/Viet74K.txt`` whose syllables are written in
Vietnamese letters, lower-cased, hyphens read as spaces, tone marks placed in the old style ("hòa",
"thủy", as Decree 30 writes), and stores what the rule looks up, ready to load: the syllables, a
blank line, every pair of neighbouring syllables inside a word ("chủ tịch", "tịch thu"), one a
line, with the pairs of neighbouring syllables of the running text below ("của người"), sorted; a
blank line, one digit per pair saying how it is known (1 inside a word, 2 in running text, 3 both);
a blank line, how often each syllable occurs in that running text; a blank line, the
one-syllable function words of underthesea's stop-word list; a blank line, each skeleton (the letters
without marks) followed by the syllables it stands for ("truong trương trường trưởng …"). Gzip,
fixed mtime.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

SOURCE = "underthesea/corpus/data/Viet74K.txt"
# Running text (VLSP 2013 part-of-speech test set: legal and news prose, one word a line, a blank
# line between sentences) shipped in the same wheel: how often each syllable is written, and which
# syllables follow each other across words ("của người", "các cơ").
STOPWORDS = "underthesea/datasets/stopwords/stopwords.txt"  # function words ("của", "các", "để")
RUNNING = "underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
_NEW_PAIR = re.compile(r"(?:(o)([àáảãạèéẻẽẹ])|(u)([ỳýỷỹỵ]))(?![a-zà-ỹđ])")  # "hoà", "thuỷ" (not "cuả")
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
LETTERS = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]+$")


def old_style(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if match.start() and match.string[match.start() - 1] == "q":
            return match.group(0)
        for base, forms in _TONED.items():
            if second in forms:
                return _TONED[first][forms.index(second)] + base
        return match.group(0)

    return _NEW_PAIR.sub(swap, text)


_MARKS = str.maketrans("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
                       "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy")


def skeleton(syllable: str) -> str:
    return syllable.translate(_MARKS)


def _running(raw: str) -> tuple[dict[str, int], set[str]]:
    counts: dict[str, int] = {}
    pairs: set[str] = set()
    previous = None
    for line in raw.splitlines():
        word = line.split("\t", 1)[0]
        if not word.strip():
            previous = None  # a sentence ends
            continue
        syllables = [old_style(unicodedata.normalize("NFC", s).lower()) for s in word.replace("_", " ").split()]
        for syllable in syllables:
            if LETTERS.match(syllable):
                counts[syllable] = counts.get(syllable, 0) + 1
                if previous:
                    pairs.add(f"{previous} {syllable}")
                previous = syllable
            else:
                previous = None  # a number or a punctuation mark parts its neighbours
    return counts, pairs


def derive(wheel: Path) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(SOURCE).decode("utf-8")
        counts, running_pairs = _running(archive.read(RUNNING).decode("utf-8"))
        stop = {old_style(unicodedata.normalize("NFC", w.strip()).lower())
                for w in archive.read(STOPWORDS).decode("utf-8").splitlines()}
    words = set()
    for line in raw.splitlines():
        word = " ".join(unicodedata.normalize("NFC", line).lower().replace("-", " ").split())
        if word and LETTERS.match(word):
            words.add(old_style(word))
    syllables = {s for w in words for s in w.split()}
    pairs = {f"{a} {b}" for w in words for a, b in zip(w.split(), w.split()[1:])}
    running = {p for p in running_pairs if all(s in syllables for s in p.split())}
    frequent = "\n".join(f"{s} {n}" for s, n in sorted(counts.items()) if s in syllables)
    function = "\n".join(sorted(w for w in stop if w in syllables))
    known = sorted(pairs | running)
    flags = "".join(str((p in pairs) * 1 + (p in running) * 2) for p in known)
    plain: dict[str, list[str]] = {}
    for syllable in sorted(syllables):
        plain.setdefault(skeleton(syllable), []).append(syllable)
    skeletons = "\n".join(" ".join([k, *v]) for k, v in sorted(plain.items()))
    sections = ["\n".join(sorted(syllables)), "\n".join(known), flags, frequent, function, skeletons]
    body = ("\n\n".join(sections) + "\n").encode("utf-8")
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as handle:
        handle.write(body)
    return out.getvalue()


if __name__ == "__main__":
    target = Path(__file__).with_name("vi-words.txt.gz")
    target.write_bytes(derive(Path(sys.argv[1])))
    print(target, target.stat().st_size)
