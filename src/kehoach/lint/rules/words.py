"""KH307 words, offline: a typo that is no word of the list or makes no word with its neighbours,
or a word typed twice (see ``lint/lexicon.py``). KH308, official names with a word missing, is in
``official_names.py``.

Every judgement is a warning with a suggestion. Names are names: words of an official unit name, of
the agency directory, of the plan's own letterhead and signature, and capitalised words next to
another capitalised word (a person, a place abroad) are never reported, unless the neighbouring pair
corrected is an official name ("cảu Chỉnh Phủ": "Chính phủ").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ..admin_units import in_unit_name
from ..lexicon import IN_WORD, lexicon, split_key, telex_readings
from ..retoned import other_tone
from ..unmarked import FREQUENT, bare, numbered
from ..syllables import is_syllable
from .agencies import AGENCY_NAMES
from .registry import Context, Finding, Fix, rule
from .text import fold_tones

_WORD = re.compile(r"[^\W\d_]+")
COMMONER = 3  # how much more often a correction must be written than the word typed
RARE = 3  # a word met at most this often in the running text is rarely meant as typed
LONGEST_TELEX = 10  # "nghieengx": a syllable typed in Telex takes up to three more keys
LONGEST_SYLLABLE = 7  # "nghiêng": a longer token is no syllable (and is KH305/KH306's)
REPEATED, CONTEXT, TELEX, MARKS, TONE_PLACE, UNKNOWN = "repeated", "context", "telex", "marks", "tone", "unknown"
# Pairs of official names: a capitalised word is judged only against these ("Chỉnh Phủ" → "Chính phủ").
_OFFICIAL_EXTRA = ["Chính phủ", "Thủ tướng", "Quốc hội", "Tỉnh ủy", "Trung ương", "Chủ tịch", "Phó Chủ tịch",
                   "Ban Chấp hành", "Ban Thường vụ", "Nhà nước", "Tổ quốc", "Đảng ủy", "Bộ trưởng", "Giám đốc"]


@lru_cache(maxsize=1)
def official_pairs() -> frozenset[str]:
    out = set()
    for name in AGENCY_NAMES + _OFFICIAL_EXTRA:
        words = [fold_tones(w.lower()) for w in _WORD.findall(name)]
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return frozenset(out)


def _fits(prev: str | None, candidate: str, nxt: str | None, official: bool, running: str = "") -> int:
    """How many neighbours ``candidate`` makes a word with: official pairs only for a name; with
    ``running`` "or", pairs met in running text count too; with "and", only a word of the list also
    met in running text (a common word, not a rare entry of the list)."""
    if official:
        pairs = official_pairs()
        return (f"{prev} {candidate}" in pairs) + (f"{candidate} {nxt}" in pairs)
    lex = lexicon()
    if running == "or":
        return lex.seen(prev, candidate) + lex.seen(candidate, nxt)
    if running == "and":
        return lex.common_pair(prev, candidate) + lex.common_pair(candidate, nxt)
    return lex.pair(prev, candidate) + lex.pair(candidate, nxt)


def _best(word: str, candidates: tuple[str, ...], prev: str | None, nxt: str | None, official: bool,
          fallback: bool = False, running: str = "") -> str | None:
    """The candidate that makes a word with more neighbours; on a tie the one that differs from
    ``word`` only by its tone (the commonest slip: "nối lên" for "nổi lên"), then the more written
    one. With ``fallback`` the best is returned even when no candidate makes a word."""
    if not candidates:
        return None
    counts = lexicon().counts
    letters = split_key(word)[0]
    fits, _, _, best = max((_fits(prev, c, nxt, official, running), split_key(c)[0] == letters,
                            counts.get(c, 0), c) for c in candidates)
    return best if fits or fallback else None


@lru_cache(maxsize=262144)
def judge(before: str | None, prev: str | None, word: str, nxt: str | None, after: str | None,
          name: bool) -> tuple[str, str | None] | None:
    """What is wrong with ``word`` (lower case, old tone placement) between ``prev`` and ``nxt``
    (the same, or None at a punctuation mark; ``before`` and ``after`` one word further): (kind,
    suggestion) or None. ``name``: the word is capitalised inside a run of capitalised words, judged
    only against official names. Cached across plans: an edit re-judges only the words around it."""
    if word in lexicon().syllables:
        return _listed(before, prev, word, nxt, after, name)
    return _unlisted(prev, word, nxt, name)


def _listed(before: str | None, prev: str | None, word: str, nxt: str | None, after: str | None,
            name: bool) -> tuple[str, str | None] | None:
    """``judge`` for a word of the list: repeated, a misplaced or Telex spelling the list holds too,
    a word without its marks, or a valid syllable that breaks the word around it."""
    lex = lexicon()
    # A word doubled on purpose is a word of the list met in running text ("dần dần", "từ từ", "người người")
    # or a rare one ("chôm chôm"); "số số", "của của" are typos.
    if prev == word and not name:
        doubled = lex.common_pair(word, word) or (lex.pair(word, word) and lex.counts.get(word, 0) <= FREQUENT)
        if not doubled and not (lex.pair(before, prev) and lex.pair(word, nxt)):  # "hành vi vi phạm"
            return REPEATED, word
    if not word.isascii() and lex.counts.get(word, 0) <= RARE:
        # A misplaced spelling the list holds too ("cuả"): the syllable it is written for.
        placed = lex.spell(*split_key(word))
        if placed and placed != word and lex.counts.get(placed, 0) >= FREQUENT:
            return TONE_PLACE, placed
    if word.isascii() and not name and lex.counts.get(word, 0) <= RARE:
        # A rare word of the list that is Telex for a common one ("cos" → "có", "coong" → "công").
        for typed in telex_readings(word):
            meant = lex.spell(*typed)
            if meant and meant != word and lex.counts.get(meant, 0) >= FREQUENT:
                return TELEX, meant
    if prev is None and nxt is None and word.isascii() and not name:
        # Alone between punctuation ("các sở, nganh, tổ chức"): only a word never met in running text.
        best = bare(word, tuple(c for c in lex.spelt_as(word) if c != word), None, None, (False, False))
        return (MARKS, best) if best else None
    if (prev is None and nxt is None) or lex.pair(prev, word) or lex.pair(word, nxt):
        return None
    if word in lex.function and word.isascii():
        # A bare function word ("do", "qua") heads what follows it: only the word before tells that it was
        # meant with marks ("kết qua" → "quả"; "giá do Sở" stays).
        nxt = after = None
    # (Met beside a neighbour in running text is weaker evidence: a word without its marks may still be
    # meant as the marked one that makes a word of the list, "Xây dung cơ sở".)
    met = lex.seen(prev, word) or lex.seen(word, nxt)
    if met and not word.isascii():
        return None
    if name and (f"{prev} {word}" in official_pairs() or f"{word} {nxt}" in official_pairs()):
        return None
    # A broken word leaves both its syllables alone: a neighbour that makes a word on its other side ("của
    # hàng triệu") is no half of a broken one. (Met on its other side only is enough for a word typed that
    # is never met itself: "tống vốn đầu tư" — "vốn đầu" is met, but "tổng vốn" is a word and "tống" is rare.)
    bound = lex.pair if lex.counts.get(word, 0) <= RARE else lex.seen
    left = prev if prev and prev not in lex.function and not bound(before, prev) else None
    right = nxt if nxt and nxt not in lex.function and not bound(nxt, after) else None
    if word.isascii() and not name and met:
        best = bare(word, tuple(c for c in lex.spelt_as(word) if c != word), prev, nxt,
                     (lex.pair(before, prev), lex.pair(nxt, after)))
        return (MARKS, best) if best else None
    if word.isascii() and not name:
        # A word typed without its marks ("Xã hoi", "lao dong") is often itself a word ("hoi", "dong"): the
        # marked word that makes a common word (of the list and met in running text) with a lone neighbour …
        marked = tuple(c for c in lex.spelt_as(word) if c != word)
        best = _best(word, marked, left, right, False, running="and")
        if best is None and not met:
            # When the marked word is clearly the more written one: a word of the list with a lone neighbour,
            # or a common word with any ("Xây dung cơ sở" → "dựng"; "nội dung chi" stays).
            common = tuple(c for c in marked
                           if lex.counts.get(c, 0) + 1 >= COMMONER * (lex.counts.get(word, 0) + 1))
            best = _best(word, common, left, right, False) or _best(word, common, prev, nxt, False, running="and")
            # A function word ("và", "với", "của") makes no word of the list: met beside the
            # neighbour in running text is its evidence, when the word as typed is rare.
            if lex.counts.get(word, 0) <= RARE:
                best = best or _best(word, tuple(c for c in common if c in lex.function), prev, nxt, False,
                                     running="or")
        if best:
            return MARKS, best
        best = bare(word, marked, prev, nxt, (lex.pair(before, prev), lex.pair(nxt, after)))
        if best:
            return MARKS, best
    if lex.counts.get(word, 0) == 0 and not name:
        # A word never met in running text beside a function word it is a slip of, which is met there with
        # the neighbour: "chỉ đạo cảu Chính phủ" → "của". (Two keys swapped: the same letters and marks, reordered.)
        slips = tuple(c for c in lex.variants(word) if c in lex.function and lex.counts.get(c, 0) >= FREQUENT
                      and sorted(unicodedata.normalize("NFD", c)) == sorted(unicodedata.normalize("NFD", word)))
        best = _best(word, slips, prev, nxt, False, running="or")
        if best:
            return CONTEXT, best
    if not met and not name and (retoned := other_tone(before, prev, word, nxt, after)):
        return CONTEXT, retoned  # "phố biến": a valid syllable tied to nothing, another tone makes a word
    if left is None and right is None or met:
        return None
    variants = lex.variants(word)
    if lex.counts.get(word, 0) > RARE:  # a common word is no other with a letter put before it
        variants = tuple(v for v in variants if v != word[1:])  # ("lưu khóa bí mật" is no "lưu hóa")
    # A common word ("của", "các") is not taken for a rarer one ("cửa", "cát"): the correction must be
    # clearly the more written of the two (asked first: then no neighbour is looked up).
    enough = COMMONER * (lex.counts.get(word, 0) + 1) - 1
    best = _best(word, variants, left, right, official=name) if any(
        lex.counts.get(v, 0) >= enough for v in variants) else None
    return (CONTEXT, best) if best and lex.counts.get(best, 0) >= enough else None


def _unlisted(prev: str | None, word: str, nxt: str | None, name: bool) -> tuple[str, str | None] | None:
    """``judge`` for a word the list lacks: Telex, a doubled letter, missing marks, a misplaced tone,
    or a spelling one letter away from a word of the list."""
    lex = lexicon()
    if name:
        return None  # a name the list does not hold ("Kông")
    for typed in telex_readings(word):
        if meant := lex.spell(*typed):
            return TELEX, meant
    if word.isascii():
        undoubled = {word[:i] + word[i + 1:] for i in range(len(word) - 1) if word[i] == word[i + 1]}
        meant = sorted(w for w in undoubled if w in lex.syllables)
        if meant:
            return UNKNOWN, meant[0]  # "caoo", "binhh", "qquan": a letter typed twice
        candidates = lex.spelt_as(word)
        if not candidates:
            return None  # a foreign word ("online", "email"): not judged
        return MARKS, _best(word, candidates, prev, nxt, False, fallback=True)
    placed = lex.spell(*split_key(word))
    if placed:
        return TONE_PLACE, placed
    if not is_syllable(word):
        return None  # not spelt like a syllable at all: KH306's (with a suggestion)
    meant = likely(word, prev, nxt)
    return (UNKNOWN, meant) if meant else None  # a rare word the list lacks: not reported


_MARKED_VOWEL = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@lru_cache(maxsize=65536)
def capitals(word: str) -> tuple[str, str | None] | None:
    """A word typed in capitals (lower-cased here), judged alone — headings and letterheads have no
    neighbours to go by: a syllable spelt right but not in the list, with a marked vowel (so not an
    acronym such as "HĐND"), is a slip of the listed one ("TRUYỂN" → "truyền")."""
    lex = lexicon()
    if word in lex.syllables or not _MARKED_VOWEL.search(word) or not is_syllable(word):
        return None
    placed = lex.spell(*split_key(word))
    if placed:
        return TONE_PLACE, placed
    meant = likely(word)
    return (UNKNOWN, meant) if meant else None


def likely(word: str, prev: str | None = None, nxt: str | None = None) -> str | None:
    """The word ``word`` (not in the list) was most likely meant to be: the variant that makes a
    word with a neighbour, else the most written variant."""
    return _best(word, lexicon().variants(word), prev, nxt, False, fallback=True)


def _known_names(ctx: Context) -> set[str]:
    """Words of the plan's own letterhead and signature and of the agency directory: names."""
    if "name_words" in ctx.memo:
        return ctx.memo["name_words"]
    lh = ctx.plan.letterhead
    texts = [*lh.issuer, *(lh.parent or []), lh.place or ""] if isinstance(lh.issuer, list) else []
    if ctx.plan.signature:
        texts.append(ctx.plan.signature.name or "")
    texts += [agency.name for agency in ctx.config.agencies]
    ctx.memo["name_words"] = {fold_tones(w.lower()) for t in texts if isinstance(t, str) for w in _WORD.findall(t)}
    return ctx.memo["name_words"]


def _is_name(text: str, match: re.Match[str], words: list[re.Match[str]], index: int) -> bool:
    if not match.group(0)[0].isupper():
        return False
    for other in (index - 1, index + 1):
        if 0 <= other < len(words):
            w = words[other]
            gap = text[w.end(): match.start()] if other < index else text[match.end(): w.start()]
            if gap.strip(" -") == "" and w.group(0)[0].isupper():
                return True
    return False


@lru_cache(maxsize=16384)
def text_suspects(text: str) -> tuple[tuple[re.Match[str], str, str, str | None], ...]:
    """(word match, the words at fault as written, kind, suggestion) of each word of one text the
    lexicon judges; names are left to the caller (``suspects``), which knows the plan. Cached by
    text: after an edit only the texts that changed are read again."""
    if text.isascii():
        return ()  # no Vietnamese letter at all: a name, a code, a foreign phrase
    words = list(_WORD.finditer(text))
    folded = fold_tones(text).lower()  # once per text: same length, so a word's slice is its folded form
    if len(folded) != len(text):
        return ()
    # An acronym or a Roman numeral ("UBND", "quý I") is no word to pair with: None.
    lowered = [folded[m.start(): m.end()] if not (m.group(0).isupper() and
               (len(m.group(0)) > 1 or m.group(0) in "IVX")) else None for m in words]
    # joined[i]: words i and i + 1 are parted by spaces only (no punctuation mark between them)
    joined = [text[words[i].end(): words[i + 1].start()].isspace() for i in range(len(words) - 1)] + [False]
    lex = lexicon()
    syllables, tied = lex.syllables, lex.pairs.get
    # ties[i]: how words i and i + 1 are known as a pair (0 when parted; the last 0 is also ties[-1])
    ties = [tied(left, right) if together else 0 for left, right, together in zip(lowered, lowered[1:], joined)] + [0]
    out = []
    for i, match in enumerate(words):
        word = lowered[i]
        if word is None and match.end() - match.start() <= LONGEST_SYLLABLE:
            # In capitals: an acronym ("HĐND") or a heading's word ("TRUYỂN THÔNG"), judged alone.
            verdict = capitals(folded[match.start(): match.end()])
            if verdict is not None:
                out.append((match, match.group(0), *verdict))
            continue
        prev = lowered[i - 1] if i and joined[i - 1] else None
        # The common case, decided here without a call: a word of the list that makes a known pair with a
        # neighbour and is not the neighbour repeated. (A word without marks met beside a neighbour only in
        # running text is judged: "Xây dung cơ sở" — "dung cơ" is met, "xây dựng" is a word.)
        if word in syllables and prev != word:
            tie = ties[i - 1] | ties[i]
            if tie and (tie & IN_WORD or not word.isascii()):
                continue
        if word is None or len(word) > (LONGEST_TELEX if word.isascii() else LONGEST_SYLLABLE):
            continue  # ký hiệu ("QĐ-TTg"), very long tokens
        token = match.group(0)
        if not (token.islower() or token[1:].islower()):
            continue
        nxt = lowered[i + 1] if joined[i] else None
        if word.isascii() and word in syllables:
            beside_number = numbered(text, match, word)
            if beside_number is not None:
                if beside_number:
                    out.append((match, token, MARKS, beside_number))
                continue
            if prev is None and nxt is None and not token.islower():
                continue  # "Cu, Pb, Zn": symbols between commas
        before = lowered[i - 2] if prev and i > 1 and joined[i - 2] else None
        after = lowered[i + 2] if nxt and joined[i + 1] else None
        verdict = judge(before, prev, word, nxt, after, _is_name(text, match, words, i))
        if verdict is not None:
            start = words[i - 1].start() if verdict[0] == REPEATED else match.start()
            out.append((match, text[start: match.end()], *verdict))
    return tuple(out)


def suspects(ctx: Context) -> list[tuple[tuple, str, str, str | None]]:
    """(loc, word as typed, kind, suggestion) of every word the lexicon judges, names left out;
    computed once per plan."""
    if "word_suspects" in ctx.memo:
        return ctx.memo["word_suspects"]
    out = []
    names = None
    for loc, text in ctx.texts:
        for match, written, kind, suggestion in text_suspects(text):
            names = _known_names(ctx) if names is None else names
            word = match.group(0)
            if fold_tones(word.lower()) in names or (word[0].isupper() and in_unit_name(text, match.start(), match.end())):
                continue
            out.append((loc, written, kind, suggestion))
    ctx.memo["word_suspects"] = out
    return out


def _cased(suggestion: str, typed: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return suggestion.upper()
    return suggestion[0].upper() + suggestion[1:] if typed[0].isupper() else suggestion


_MESSAGES = {
    REPEATED: ("từ '{w}' gõ hai lần liền nhau", "the word '{w}' is typed twice in a row"),
    CONTEXT: ("'{w}' có thể gõ nhầm '{s}' (không ghép thành từ với chữ bên cạnh)",
              "'{w}' may be a typo for '{s}' (it makes no word with its neighbours)"),
    TELEX: ("'{w}' là chữ gõ Telex khi tắt bộ gõ: viết '{s}'", "'{w}' is Telex typed with the input method off: write '{s}'"),
    MARKS: ("'{w}' thiếu dấu tiếng Việt{h}", "'{w}' lacks its Vietnamese marks{h}"),
    TONE_PLACE: ("'{w}': dấu thanh đặt sai nguyên âm, viết '{s}'", "'{w}': the tone mark is on the wrong vowel, write '{s}'"),
    UNKNOWN: ("'{w}' không phải từ tiếng Việt{h}", "'{w}' is no Vietnamese word{h}"),
}


@rule("KH307", "word-spelling", Severity.warning, "NĐ 30, Phụ lục II (chính tả); từ điển Viet74K (underthesea)",
      ("từ có thể gõ sai chính tả", "a word that may be misspelt"), fix="sometimes")
def word_spelling(ctx: Context) -> Iterator[Finding]:
    """Each word is a word of the Vietnamese word list (underthesea's Viet74K, offline) and makes a
    word with one of its neighbours: "chỉ tịch" (chủ tịch), "kính phí" (kinh phí), "phố biến" (phổ
    biến), "cảu" (của), Telex typed with the input method off ("avf" for và), a tone on the wrong
    vowel ("tóan"), a word without its marks ("truong"), a word typed twice ("số số"). A warning with
    the likely word; the tone placement is fixed safely, the rest only with --unsafe-fixes. Names —
    the official units, the agency directory, the plan's letterhead and signer, capitalised runs — are
    not judged.

    Tiếng Việt:

        Mỗi từ là một từ trong danh sách từ tiếng Việt (Viet74K của underthesea, ngoại tuyến) và
        ghép được thành từ với chữ bên cạnh: "chỉ tịch" (chủ tịch), "kính phí" (kinh phí), "phố biến"
        (phổ biến), "cảu" (của), chữ gõ Telex khi tắt bộ gõ ("avf" thay "và"), dấu thanh đặt sai nguyên
        âm ("tóan"), từ thiếu dấu ("truong"), từ gõ hai lần liền nhau ("số số"). Là cảnh báo kèm từ gợi
        ý; sửa chỗ đặt dấu là an toàn, các sửa khác chỉ áp dụng với --unsafe-fixes. Tên riêng — đơn vị
        hành chính, danh mục cơ quan, cơ quan ban hành và người ký của kế hoạch, các chữ viết hoa liền
        nhau — không bị xét.

    Passes:

        preamble:
          paragraphs: [Chủ tịch Ủy ban nhân dân tỉnh bố trí kinh phí phổ biến pháp luật theo Chỉ thị số 46-CT/TW.]

    Fails:

        preamble:
          paragraphs: [Chỉ tịch Ủy ban nhân dân tỉnh bố trí kính phí phố biến pháp luật theo Chỉ thị số số 46-CT/TW.]

    Fixed:

        preamble:
          paragraphs: [Chủ tịch Ủy ban nhân dân tỉnh bố trí kinh phí phổ biến pháp luật theo Chỉ thị số 46-CT/TW.]
    """
    for loc, written, kind, suggestion in suspects(ctx):
        word = written.split()[-1]
        right = _cased(suggestion, word) if suggestion else None
        hint = tr(": có phải '{s}'?", ": did you mean '{s}'?", s=right) if right else ""
        message = tr(*_MESSAGES[kind], w=word, s=right or "", h=hint)
        if kind == REPEATED:
            message = tr(*_MESSAGES[kind], w=written.split()[0], s="", h="")
            yield Finding(loc, message, snippet=written, fix=Fix(written, written.split()[0], safe=False))
        else:
            fix = Fix(word, right, safe=kind == TONE_PLACE) if right else None
            yield Finding(loc, message, snippet=word, fix=fix)
