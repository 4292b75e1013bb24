"""Vietnamese words (từ vựng), offline: the syllables and syllable pairs of a real word list.

The list is derived from underthesea's Viet74K and a running text shipped with it (see
``templates/spelling/README.md``): 8,983 syllables, 89,346 pairs of neighbouring syllables ("chủ
tịch", "kinh phí" inside words; "của người" as met in running text) and how often 1,662 syllables
occur there. It is read once, on first use, and only by the rules that judge words: from its packed
form ``templates/spelling/vi-words.pack`` (about 5 ms cold; made by ``pack.py`` beside it; 23 ms from the text).

Everything here works on lower-case syllables with the old tone placement ("hòa", "thủy"); ``split_key``
takes a syllable apart into its letters without the tone and the tone, so that a tone typed on the
wrong vowel ("tóan") or by Telex keys ("toans") finds the syllable it was meant to be.
"""

from __future__ import annotations

import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, repeat
from operator import is_, mul

from ..common.resources import templates_dir

IN_WORD, MET = 1, 2  # how a pair of syllables is known (flags)
MAGIC = b"kehoach word pack 1\n"  # the first bytes of templates/spelling/vi-words.pack
PAIR_MEMO = 100_000  # pairs remembered (all 8 examples: 7,900; a long language-server session starts again past it)
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
UNTONE = str.maketrans({c: b for c, (b, _) in _TONED.items()})
_PLAIN = dict(zip("ăâđêôơư", "aadeoou"))
_BARE = str.maketrans({**{c: _PLAIN.get(b, b) for c, (b, _) in _TONED.items()}, **_PLAIN})
# Keeps only the tone key of each toned letter (and the line breaks between syllables).
TONE_ONLY = {**{ord(c): None for c in "abcdđeghiklmnopqrstuvxyăâêôơư"}, **{ord(c): k for c, (_, k) in _TONED.items()}}


@lru_cache(maxsize=65536)
def split_key(syllable: str) -> tuple[str, str]:
    """(letters without the tone, tone key or "") of a lower-case NFC syllable: "toán" → ("toan", "s").
    (A table of the 60 toned letters, not Unicode decomposition: called for every word judged.)"""
    tone = next((_TONED[c][1] for c in syllable if c in _TONED), "")
    return (syllable.translate(UNTONE) if tone else syllable), tone


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
    """Pairs of syllables and how each is known, by syllable number (the syllables' sorted order):
    the pairs that begin with syllable ``a`` are ``rights[starts[a]:starts[a + 1]]``, sorted, with one
    flag byte each (``templates/spelling/pack.py``). Loaded as arrays: no 90,000 strings to make
    and no hashing at a cold start; a lookup is two dict lookups and a bisection of a short range."""

    def __init__(self, number: dict[str, int], starts: array, rights: array, flags: bytes) -> None:
        self.number, self.starts, self.rights, self.flags = number, starts, rights, flags

        # A plan's 13,000 words make some 4,000 pairs: each is looked up once (a bounded memo).
        memo: dict[tuple[str | None, str | None], int] = {}

        def get(left: str | None, right: str | None) -> int:
            flag = memo.get((left, right))
            if flag is None:
                a, b = number.get(left), number.get(right)  # type: ignore[arg-type]
                flag = 0
                if a is not None and b is not None:
                    low, high = starts[a], starts[a + 1]
                    index = bisect_left(rights, b, low, high)
                    flag = flags[index] & 3 if index < high and rights[index] == b else 0
                if len(memo) >= PAIR_MEMO:
                    memo.clear()
                memo[left, right] = flag
            return flag

        def along(words: list[str | None], joined: list[bool]) -> list[int]:
            """``get`` of each word of ``words`` and the next where ``joined`` says they stand together, 0
            elsewhere: the pairs remembered are read by a C loop (``map``), only the others looked up."""
            found = list(map(memo.get, zip(words, words[1:])))
            for i in compress(range(len(found)), map(is_, found, repeat(None))):
                found[i] = get(words[i], words[i + 1]) if joined[i] else 0
            return list(map(mul, found, joined))

        self.get = get  # a plain function over local names: called for every word of a plan
        self.along = along
        self.remembered = memo  # (seen by the tests)

    def begun(self, left: str) -> int:
        """How many words of ``vi-words.txt.gz`` (the pack's bits 2-3) have ``left`` then another syllable."""
        a = self.number.get(left)
        if a is None:
            return 0
        return sum(1 for flag in self.flags[self.starts[a]: self.starts[a + 1]] if flag >> 2 & IN_WORD)


@dataclass(frozen=True)
class Lexicon:
    syllables: AbstractSet[str]  # the keys of ``pairs.number``: one table for both, built once
    # (left, right) → IN_WORD (inside a word of the list: "chủ tịch") | MET (side by side in running
    # text: "của người"), or both ("xây dựng").
    pairs: Pairs
    counts: dict[str, int]  # how often a syllable occurs in the running text (absent: rare)
    function: frozenset[str]  # function words ("của", "để", "từ"): alone by nature
    unmarked: tuple[str, str]  # skeletons ("truong …") and their syllables ("trương trường …"), lines
    respelt: tuple[str, str]  # respelling keys ("toan s" …) and the syllables they give ("toán" …), lines
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def by_key(self) -> dict[str, str]:
        """"letters tone" → the syllable as the list writes it (the more written of the list's
        spellings, "của" not "cuả"; computed by ``templates/spelling/pack.py``). String keys: a
        dictionary of 9,000 pairs of strings is built in a third of the time of one keyed by tuples."""
        keys, spelt = self.respelt
        return dict(zip(keys.split("\n"), spelt.split("\n")))

    @cached_property
    def by_skeleton(self) -> dict[str, str]:
        """Skeleton → the syllables typed so without Vietnamese marks, one string ("trương trường …")."""
        plain, spelt = self.unmarked
        return dict(zip(plain.split("\n"), spelt.split("\n")))

    def spelt_as(self, skeleton: str) -> tuple[str, ...]:
        """The syllables typed ``skeleton`` without Vietnamese marks ("truong" → "trường", "trương" …)."""
        found = self.by_skeleton.get(skeleton)
        return tuple(found.split()) if found else ()

    def spell(self, bare: str, tone: str) -> str | None:
        """The attested syllable of these letters and tone, its mark where the list places it."""
        return self.by_key.get(f"{bare} {tone}")

    def pair(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is (part of) a word of the list."""
        return bool(self.pairs.get(left, right) & IN_WORD)

    def common_pair(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is a word of the list also met in running text ("xây dựng")."""
        return self.pairs.get(left, right) == IN_WORD | MET

    def seen(self, left: str | None, right: str | None) -> bool:
        """Whether ``left right`` is a word of the list or met side by side in running text."""
        return self.pairs.get(left, right) != 0

    def productive(self, syllable: str) -> int:
        """How many words of the list ``syllable`` begins (pairs "syllable …" inside a word): "mới"
        begins 40, "moi" 4."""
        key = ("productive", syllable)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self.pairs.begun(syllable)
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
        spelt = self.by_key.get  # (``spell`` inlined: some 30 shapes per syllable)
        found = tuple(sorted({s for b, t in shapes if (s := spelt(f"{b} {t}")) and s != syllable}))
        self._cache[syllable] = found
        return found


PACK = "vi-words.pack"  # made by templates/spelling/pack.py from the lists beside it


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = (templates_dir() / "spelling" / PACK).read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError(f"{PACK}: not a word pack of this version of kehoach")
    head = data.index(b"\n", len(MAGIC))
    size, count, paired = map(int, data[len(MAGIC): head].split())
    at = head + 1
    text = data[at: at + size].decode("utf-8").split("\0")
    at += size
    starts, rights = array("I"), array("H")
    starts.frombytes(data[at: at + 4 * (count + 1)])
    at += 4 * (count + 1)
    rights.frombytes(data[at: at + 2 * paired])
    if sys.byteorder == "big":
        starts.byteswap()
        rights.byteswap()
    flags = data[at + 2 * paired:]
    syllables, counted, counts, function, skeletons, unmarked, keys, spelt = text
    number = dict(zip(syllables.split("\n"), range(count)))
    return Lexicon(number.keys(), Pairs(number, starts, rights, flags),
                   dict(zip(counted.split("\n"), map(int, counts.split("\n")))), frozenset(function.split()),
                   (skeletons, unmarked), (keys, spelt))


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
