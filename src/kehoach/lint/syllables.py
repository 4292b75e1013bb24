"""Vietnamese syllable structure (cấu trúc âm tiết), offline: onset + rhyme + one tone.

A written Vietnamese syllable is an optional onset (b, ch, gh, ngh, qu …), a rhyme from a closed set
(a, oai, uyên, ương …) and at most one tone mark; a rhyme ending in c, ch, p or t takes only the
sắc or nặng tone, and c/k, g/gh, ng/ngh follow the vowel after them. The tables below are the
standard orthography (Quy định chính tả tiếng Việt, QĐ 240/QĐ-BGDĐT 1984 and the textbooks' rhyme
tables); nothing is downloaded and no dictionary is read: a syllable that fits the structure is a
possible Vietnamese syllable, one that does not is a typo, a fused pair of words, or a foreign word.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# The toneless letters of the Vietnamese alphabet, and the five tone marks as combining characters.
LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")
TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
VIETNAMESE_CHARS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")

RHYMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oen oeo oet
uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ
""".split())
# After "qu" (q + the medial u) the rhyme is written without its u: "quả", "quyết", "quỳnh".
QU_RHYMES = (RHYMES - {r for r in RHYMES if r[0] in "uư"}) | {"ynh", "yt", "ych", "yn", "yp", "ya", "yu", "ơ"}
_ONSET_SET = frozenset(ONSETS)
STOP_CODAS = ("c", "ch", "p", "t")
FRONT = "eêi"  # vowels that take k, gh, ngh


# Each precomposed lower-case letter with a tone mark → the letter without it, and → its tone's
# number in TONE_MARKS; every other Vietnamese letter → nothing (the tables of ``split_tone``).
_TONED = {unicodedata.normalize("NFC", base + mark): (base, str(n))
          for base in "aăâeêioôơuưy" for n, mark in enumerate(TONE_MARKS)}
_UNTONE = str.maketrans({c: base for c, (base, _) in _TONED.items()})
_TONE_NUMBER = str.maketrans({c: _TONED[c][1] if c in _TONED else None for c in [*LETTERS, *_TONED]})
_LETTER = str.maketrans(dict.fromkeys([*LETTERS, *_TONED]))
_TONE_NAMES = tuple(TONE_MARKS.values())


def split_tone(syllable: str) -> tuple[str, str | None, int]:
    """(toneless syllable, tone name or None, number of tone marks) of a lower-case syllable.
    (Precomposed Vietnamese letters, what the loader's NFC gives, by two translations; anything
    else through Unicode decomposition: the same answer, tests/lint/test_fast_scans.py.)"""
    if syllable.translate(_LETTER):
        return _split_tone_decomposed(syllable)
    tones = syllable.translate(_TONE_NUMBER)
    return syllable.translate(_UNTONE), (_TONE_NAMES[int(tones[0])] if tones else None), len(tones)


def _split_tone_decomposed(syllable: str) -> tuple[str, str | None, int]:
    decomposed = unicodedata.normalize("NFD", syllable)
    marks = [c for c in decomposed if c in TONE_MARKS]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return bare, (TONE_MARKS[marks[0]] if marks else None), len(marks)


def _fits(onset: str, rhyme: str, tone: str | None) -> bool:
    if onset == "qu":
        if rhyme not in QU_RHYMES:
            return False
    elif rhyme not in RHYMES:
        return False
    if onset in ("k", "gh", "ngh") and rhyme[0] not in FRONT and not (onset == "k" and rhyme[0] == "y"):
        return False
    if onset in ("c", "ng") and rhyme[0] in FRONT + "y":
        return False
    if onset == "g" and rhyme[0] in "eê":
        return False
    if onset == "gi" and rhyme[0] == "i":
        return False
    if rhyme.endswith(STOP_CODAS) and tone not in ("sắc", "nặng"):
        return False
    return True


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (one syllable, any case) is spelt like a Vietnamese syllable."""
    lowered = word.lower()
    bare, tone, marks = split_tone(lowered)
    if marks > 1 or not bare or not set(bare) <= LETTERS:
        return False
    # The onsets it begins with, longest first (ONSETS' order): at most one of each length.
    for size in (3, 2, 1, 0):
        onset = bare[:size]
        if len(onset) == size and onset in _ONSET_SET:
            rhyme = bare[size:]
            if rhyme and _fits(onset, rhyme, tone):
                return True
            if onset == "gi" and not rhyme:  # "gì": gi + the rhyme i
                return _fits("g", "i", tone)
    return False


def split_fused(word: str) -> tuple[str, str] | None:
    """Two syllables typed without the space between them ("nghiệpngư" → ("nghiệp", "ngư")), or None."""
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if is_syllable(left) and is_syllable(right) and has_vietnamese_marks(left + right):
            return left, right
    return None


def has_vietnamese_marks(word: str) -> bool:
    """Whether ``word`` carries a letter only Vietnamese writes (a tone mark, đ, ă, â, ê, ô, ơ, ư)."""
    return not _MARKED_LETTERS.isdisjoint(word.lower())


_MARKED_LETTERS = VIETNAMESE_CHARS - set("abcdefghijklmnopqrstuvwxyz")
