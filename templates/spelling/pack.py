"""Pack the word list of the spelling rules into ``vi-words.pack``, the form read at run time.

Run by a maintainer after changing ``vi-words.txt.gz`` (see ``derive.py``), ``extra-words.txt`` or
``function-words.txt``; ``tests/lint/test_word_pack.py`` fails while the pack is out of date:

    python templates/spelling/pack.py

Why: reading the text list cost every cold ``kehoach check`` ~22 ms (gunzip, decoding, a split
into 90,000 pair strings) and building its respelling table 9 ms more. The pack holds the same data,
the two small lists merged in, in the form the lookups use: syllables numbered in sorted order, the
pairs as one sorted array of right-hand numbers per left-hand syllable with a flag byte each, and the
respelling table computed here. It ships with kehoach (read-only, no cache to write, the same bytes
on every machine). Layout: ``MAGIC``, a line "text-bytes syllables pairs", UTF-8 text sections
parted by NUL (syllables, counted syllables, their counts, function words, skeletons, the
syllables each stands for, respelling keys "letters tone", the syllables they give), then little-endian arrays: where
each syllable's pairs start (uint32, one more than the syllables), the pairs' right syllables
(uint16), one flag byte per pair: bits 0-1 how the pair is known (``IN_WORD``, ``MET``; both for
a pair of ``extra-words.txt``), bits 2-3 how ``vi-words.txt.gz`` alone knows it (what
``Lexicon.productive`` counts: the words of Viet74K a syllable begins).
"""

from __future__ import annotations

import gzip
import sys
from array import array
from pathlib import Path

from kehoach.lint.lexicon import IN_WORD, MAGIC, MET, TONE_ONLY, UNTONE

HERE = Path(__file__).resolve().parent


def sources(folder: Path) -> dict:
    """What ``vi-words.txt.gz`` and the two small lists of ``folder`` say, merged."""
    raw = gzip.decompress((folder / "vi-words.txt.gz").read_bytes()).decode("utf-8")
    syllables, known, flags, counts, function, skeletons = raw.split("\n\n", 5)
    frequency = {s: int(n) for s, _, n in (line.partition(" ") for line in counts.split("\n") if line)}
    extra = (folder / "extra-words.txt").read_text(encoding="utf-8").splitlines()
    extra_words = [w.split() for w in extra if w.strip() and not w.startswith("#")]
    grammar = (folder / "function-words.txt").read_text(encoding="utf-8")
    function_words = {w for line in grammar.splitlines() if not line.startswith("#") for w in line.split()}
    listed = dict(zip(known.split("\n"), (ord(f) - 48 for f in flags)))
    merged = {pair: flag | flag << 2 for pair, flag in listed.items()}
    for words in extra_words:
        for left, right in zip(words, words[1:]):
            pair = f"{left} {right}"
            merged[pair] = IN_WORD | MET | listed.get(pair, 0) << 2
    return {"syllables": sorted(set(syllables.split("\n")) | {s for w in extra_words for s in w}),
            "pairs": merged, "counts": frequency,
            "function": sorted(frozenset(function.split()) | function_words), "skeletons": skeletons.strip()}


def respellings(ordered: list[str], counts: dict[str, int]) -> dict[tuple[str, str], str]:
    """(toneless letters, tone keys) → the syllable as the list writes it; the list holds a few
    misplaced spellings beside the right one ("cuả" and "của"): the more written one is the
    syllable (the first in order on a tie)."""
    out: dict[tuple[str, str], str] = {}
    for syllable in ordered:
        key = (syllable.translate(UNTONE), syllable.translate(TONE_ONLY))
        if key not in out or counts.get(syllable, 0) > counts.get(out[key], 0):
            out[key] = syllable
    return out


def pack(folder: Path = HERE) -> bytes:
    """The bytes of ``vi-words.pack`` made from the sources in ``folder``."""
    data = sources(folder)
    ordered: list[str] = data["syllables"]
    number = {s: i for i, s in enumerate(ordered)}
    pairs = sorted((number[left], number[right], flag)
                   for (left, _, right), flag in ((key.partition(" "), flag) for key, flag in data["pairs"].items()))
    starts = array("I", [0] * (len(ordered) + 1))
    for left, _, _ in pairs:
        starts[left + 1] += 1
    for i in range(len(ordered)):
        starts[i + 1] += starts[i]
    rights = array("H", [right for _, right, _ in pairs])
    flags = bytes(flag for _, _, flag in pairs)
    counted = sorted(data["counts"].items())
    spelt = sorted(respellings(ordered, data["counts"]).items())
    skeletons = [line.partition(" ") for line in data["skeletons"].split("\n")]
    sections = ["\n".join(ordered), "\n".join(s for s, _ in counted), "\n".join(str(n) for _, n in counted),
                " ".join(data["function"]), "\n".join(plain for plain, _, _ in skeletons),
                "\n".join(spellings for _, _, spellings in skeletons),
                "\n".join(f"{letters} {tone}" for (letters, tone), _ in spelt), "\n".join(s for _, s in spelt)]
    text = "\0".join(sections).encode("utf-8")
    if sys.byteorder == "big":
        starts.byteswap()
        rights.byteswap()
    head = f"{len(text)} {len(ordered)} {len(pairs)}\n".encode("ascii")
    return MAGIC + head + text + starts.tobytes() + rights.tobytes() + flags


if __name__ == "__main__":
    target = HERE / "vi-words.pack"
    target.write_bytes(pack())
    print(target, target.stat().st_size)
