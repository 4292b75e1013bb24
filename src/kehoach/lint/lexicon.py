"""Vietnamese words (từ vựng), offline: the syllables and syllable pairs of a real word list.

The list is derived from underthesea's Viet74K and a running text shipped with it (see
``templates/spelling/README.md``): 8,983 syllables, 89,346 pairs of neighbouring syllables ("chủ
tịch", "kinh phí" inside words; "của người" as met in running text) and how often 1,662 syllables
occur there. It is read once, on first use (about 22 ms), and only by the rules that judge words.

Everything here works on lower-case syllables with the old tone placement ("hòa", "thủy"); ``split_key``
takes a syllable apart into its letters without the tone and the tone, so that a tone typed on the
wrong vowel ("tóan") or by Telex keys ("toans") finds the syllable it was meant to be.
"""

from __future__ import annotations

import gzip
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..common.resources import templates_dir

IN_WORD, MET = 1, 2  # how a pair of syllables is known (flags)
TONES = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}  # Telex keys
_TONE_OF_KEY = {v: k for k, v in TONES.items()}
VOWELS = set("aăâeêioôơuưy")
# Edits that stand for typos a person makes: neighbouring vowels, and the regional confusions of
# onset and coda (tr/ch, s/x, d/gi/r, l/n; n/ng, c/t) the probe in benchmarks/ measures.
_VOWEL_SWAPS = {"a": "ăâo", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "i": "u", "o": "ôơa",
                "ô": "oơ", "ơ": "oô", "u": "ưi", "ư": "u"}  # (i/y: "sỹ", "sĩ" are both written)
_ONSET_SWAPS = {"tr": ("ch",), "ch": ("tr",), "s": ("x",), "x": ("s",), "d": ("gi", "r"), "gi": ("d", "r"),
                "r": ("d", "gi"), "l": ("n",), "n": ("l",), "v": ("d",)}
_CODA_SWAPS = {"n": ("ng",), "ng": ("n",), "c": ("t",), "t": ("c",), "nh": ("n",), "ch": ("t",)}
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")


def _toned_letters() -> dict[str, tuple[str, str]]:
    """Each precomposed letter with a tone mark → (the letter without it, the tone key)."""
    out = {}
    for base in "aăâeêioôơuưy":
        for mark, key in TONES.items():
            out[unicodedata.normalize("NFC", base + mark)] = (base, key)
    return out


_TONED = _toned_letters()
_UNTONE = str.maketrans({c: b for c, (b, _) in _TONED.items()})
_PLAIN = dict(zip("ăâđêôơư", "aadeoou"))
_BARE = str.maketrans({**{c: _PLAIN.get(b, b) for c, (b, _) in _TONED.items()}, **_PLAIN})
# Keeps only the tone key of each toned letter (and the line breaks between syllables).
_TONE_ONLY = {**{ord(c): None for c in "abcdđeghiklmnopqrstuvxyăâêôơư"}, **{ord(c): k for c, (_, k) in _TONED.items()}}


@lru_cache(maxsize=65536)
def split_key(syllable: str) -> tuple[str, str]:
    """(letters without the tone, tone key or "") of a lower-case NFC syllable: "toán" → ("toan", "s").
    (A table of the 60 toned letters, not Unicode decomposition: called for every word judged.)"""
    tone = next((_TONED[c][1] for c in syllable if c in _TONED), "")
    return (syllable.translate(_UNTONE) if tone else syllable), tone


def skeleton(word: str) -> str:
    """``word`` with every Vietnamese mark removed: "trường" → "truong"."""
    return word.translate(_BARE)


def onset_rhyme(bare: str) -> tuple[str, str, str]:
    """(onset, vowels, coda) of a toneless syllable: "nghiêng" → ("ngh", "iê", "ng")."""
    onset = next((o for o in _ONSETS if bare.startswith(o) and len(bare) > len(o)), "")
    rest = bare[len(onset):]
    coda = next((c for c in _CODAS if rest.endswith(c) and len(rest) > len(c)), "")
    return onset, rest[: len(rest) - len(coda)], coda


class Pairs:
    """Pairs of syllables and how each is known: a sorted list searched by bisection and one flag
    digit per pair. Loading is a split of the file's text, with no hashing of 90,000 strings at
    every cold start."""

    def __init__(self, ordered: list[str], flags: str, extra: frozenset[str]) -> None:
        self.ordered, self.flags, self.extra = ordered, flags, extra

    def get(self, key: str, default: int = 0) -> int:
        if key in self.extra:
            return IN_WORD | MET
        index = bisect_left(self.ordered, key)
        if index < len(self.ordered) and self.ordered[index] == key:
            return ord(self.flags[index]) - 48
        return default

    def __contains__(self, key: str) -> bool:
        return self.get(key) != 0

    @cached_property
    def known(self):
        """``key in self`` as a plain function over local names (called for every word of a plan)."""
        ordered, extra, size, search = self.ordered, self.extra, len(self.ordered), bisect_left

        def known(key: str) -> bool:
            index = search(ordered, key)
            return (index < size and ordered[index] == key) or key in extra

        return known


@dataclass(frozen=True)
class Lexicon:
    syllables: frozenset[str]
    # "left right" → IN_WORD (inside a word of the list: "chủ tịch") | MET (side by side in running
    # text: "của người"), or both ("xây dựng").
    pairs: Pairs
    counts: dict[str, int]  # how often a syllable occurs in the running text (absent: rare)
    function: frozenset[str]  # function words ("của", "để", "từ"): alone by nature
    skeletons: str  # "truong trương trường …" lines, read into ``by_skeleton`` on first use
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _ordered(self) -> tuple[list[str], str]:
        ordered = sorted(self.syllables)
        return ordered, "\n".join(ordered)

    @cached_property
    def by_key(self) -> dict[tuple[str, str], str]:
        """(toneless letters, tone) → the syllable as the list writes it. (Built with str.translate
        over all syllables at once: this runs at every cold start that meets an unknown word.)"""
        ordered, joined = self._ordered
        keys = zip(joined.translate(_UNTONE).split("\n"), joined.translate(_TONE_ONLY).split("\n"))
        out: dict[tuple[str, str], str] = {}
        first = out.setdefault
        # The list holds a few misplaced spellings beside the right one ("cuả" and "của"): the
        # more written one is the syllable (the first in order on a tie). setdefault keeps the first
        # of each key in one pass; only the few clashes are compared.
        clashes = [(key, syllable) for key, syllable in zip(keys, ordered) if first(key, syllable) is not syllable]
        counts = self.counts
        for key, syllable in clashes:
            if counts.get(syllable, 0) > counts.get(out[key], 0):
                out[key] = syllable
        return out

    @cached_property
    def by_skeleton(self) -> dict[str, tuple[str, ...]]:
        """Skeleton → the syllables typed so without Vietnamese marks ("truong" → "trường", "trương" …)."""
        out = {}
        for line in self.skeletons.split("\n"):
            plain, *spelt = line.split()
            out[plain] = tuple(spelt)
        return out

    def spell(self, bare: str, tone: str) -> str | None:
        """The attested syllable of these letters and tone, its mark where the list places it."""
        return self.by_key.get((bare, tone))

    def pair(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is (part of) a word of the list."""
        return bool(left and right) and bool(self.pairs.get(f"{left} {right}", 0) & IN_WORD)

    def common_pair(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is a word of the list also met in running text ("xây dựng")."""
        return bool(left and right) and self.pairs.get(f"{left} {right}", 0) == IN_WORD | MET

    def seen(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is a word of the list or met side by side in running text."""
        return bool(left and right) and f"{left} {right}" in self.pairs

    def productive(self, syllable: str) -> int:
        """How many words of the list ``syllable`` begins (pairs "syllable …" inside a word): "mới"
        begins 40, "moi" 4. (The pairs are sorted: one bisection and a scan of that range.)"""
        key = ("productive", syllable)
        cached = self._cache.get(key)
        if cached is None:
            ordered, flags = self.pairs.ordered, self.pairs.flags
            start, end = bisect_left(ordered, syllable + " "), bisect_left(ordered, syllable + "!")
            cached = self._cache[key] = sum(1 for i in range(start, end) if (ord(flags[i]) - 48) & IN_WORD)
        return cached

    def variants(self, syllable: str) -> tuple[str, ...]:
        """Attested syllables one typo away from ``syllable``: another tone, a neighbouring vowel,
        a regional onset or coda swap, two letters swapped ("cảu" → "của"), a letter doubled or lost."""
        cached = self._cache.get(syllable)
        if cached is not None:
            return cached
        bare, tone = split_key(syllable)
        shapes: set[tuple[str, str]] = {(bare, t) for t in ("", *TONES.values())}
        onset, vowels, coda = onset_rhyme(bare)
        for i, v in enumerate(vowels):
            for other in _VOWEL_SWAPS.get(v, ""):
                shapes.add((onset + vowels[:i] + other + vowels[i + 1:] + coda, tone))
        for other in _ONSET_SWAPS.get(onset, ()):
            shapes.add((other + vowels + coda, tone))
        for other in _CODA_SWAPS.get(coda, ()):
            shapes.add((onset + vowels + other, tone))
        for i in range(len(bare) - 1):
            shapes.add((bare[:i] + bare[i + 1] + bare[i] + bare[i + 2:], tone))
        for i in range(len(bare)):
            shapes.add((bare[:i] + bare[i + 1:], tone))
        found = tuple(sorted({s for b, t in shapes if (s := self.spell(b, t)) and s != syllable}))
        self._cache[syllable] = found
        return found


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = gzip.decompress((templates_dir() / "spelling" / "vi-words.txt.gz").read_bytes()).decode("utf-8")
    syllables, known, flags, counts, function, skeletons = raw.split("\n\n", 5)
    frequency = {s: int(n) for s, _, n in (line.partition(" ") for line in counts.split("\n") if line)}
    extra = (templates_dir() / "spelling" / "extra-words.txt").read_text(encoding="utf-8").splitlines()
    extra_words = [w.split() for w in extra if w.strip() and not w.startswith("#")]
    grammar = (templates_dir() / "spelling" / "function-words.txt").read_text(encoding="utf-8")
    function_words = {w for line in grammar.splitlines() if not line.startswith("#") for w in line.split()}
    extra_pairs = frozenset(f"{a} {b}" for w in extra_words for a, b in zip(w, w[1:]))
    pairs = Pairs(known.split("\n"), flags, extra_pairs)
    return Lexicon(frozenset(syllables.split("\n")) | {s for w in extra_words for s in w}, pairs,
                   frequency, frozenset(function.split()) | function_words, skeletons.strip())


def telex(word: str) -> tuple[str, str] | None:
    """(letters, tone) a Telex typist meant by ``word`` typed with the input method off ("vaf" →
    ("va", "f"), "truowngf" → ("trương", "f")), or None when ``word`` holds no Telex key."""
    if not word.isascii():
        return None
    tone = ""
    if len(word) > 1 and word[-1] in _TONE_OF_KEY and any(c in "aeiouy" for c in word[:-1]):
        word, tone = word[:-1], word[-1]
    letters = word
    if letters.startswith("dd"):
        letters = "đ" + letters[2:]
    for typed, meant in (("uwow", "ươ"), ("uow", "ươ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"),
                         ("ow", "ơ"), ("uw", "ư"), ("w", "ư")):
        letters = letters.replace(typed, meant)
    if letters == word and not tone:
        return None
    return letters, tone


def telex_readings(word: str) -> list[tuple[str, str]]:
    """``telex(word)`` and, for a slip of two keys ("avf" for "vaf" = "và"), the readings with two
    neighbouring letters swapped."""
    readings = [r for r in [telex(word)] if r]
    if readings and readings[0][1]:
        letters, tone = readings[0]
        readings += [(letters[:i] + letters[i + 1] + letters[i] + letters[i + 2:], tone) for i in range(len(letters) - 1)]
    return readings
