"""KH307 words, offline: a typo that is no word of the list or makes no word with its neighbours,
or a word typed twice (see ``lint/lexicon.py``): the words of each text and their neighbours here,
the judgement of one word in ``word_judge.py``. KH308, official names with a word missing, is in
``official_names.py``.

Every judgement is a warning with a suggestion. Names are names: words of an official unit name, of
the agency directory, of the plan's own letterhead and signature, and capitalised words next to
another capitalised word (a person, a place abroad) are never reported, unless the neighbouring pair
corrected is an official name ("cảu Chỉnh Phủ": "Chính phủ").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import or_

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ..admin_units import in_unit_name
from ..lexicon import IN_WORD, lexicon
from ..unmarked import numbered
from .registry import Context, Finding, Fix, rule
from .text import fold_tones
from .word_judge import CONTEXT, MARKS, REPEATED, TELEX, TONE_PLACE, UNKNOWN, capitals, judge

_WORD = re.compile(r"[^\W\d_]+")
LONGEST_TELEX = 10  # "nghieengx": a syllable typed in Telex takes up to three more keys
LONGEST_SYLLABLE = 7  # "nghiêng": a longer token is no syllable (and is KH305/KH306's)


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


def _is_name(tokens: list[str], gaps: list[str], index: int) -> bool:
    """Whether word ``index`` is capitalised beside another capitalised word (``gaps[i]`` is the
    text before word ``i``): a name."""
    if not tokens[index][0].isupper():
        return False
    if index and gaps[index].strip(" -") == "" and tokens[index - 1][0].isupper():
        return True
    return index + 1 < len(tokens) and gaps[index + 1].strip(" -") == "" and tokens[index + 1][0].isupper()


_WORD_CUT = re.compile(r"([^\W\d_]+)")  # _WORD kept by the split: text, word, text, word, …, text


@lru_cache(maxsize=16384)
def text_suspects(text: str) -> tuple[tuple[re.Match[str], str, str, str | None], ...]:
    """(word match, the words at fault as written, kind, suggestion) of each word of one text the
    lexicon judges; names are left to the caller (``suspects``), which knows the plan. Cached by
    text: after an edit only the texts that changed are read again.

    (A plan has some 13,000 words and most of them make a known pair with a neighbour: the words,
    the spaces between them and those pairs are made by C loops — ``re.split``, ``map`` — and only
    the others reach the Python loop; a word's position is counted only for the few that need it.)"""
    if text.isascii():
        return ()  # no Vietnamese letter at all: a name, a code, a foreign phrase
    # The words with the old tone placement (a letter for a letter: the words and the text between them
    # stay where the text has them), lowered together: one "\n" between two words stands for the text
    # between them, so each word lowers as in the whole text (bar a final sigma: "Σ" is cut from the text).
    folded = fold_tones(text)
    parts = _WORD_CUT.split(folded)
    cased, gaps = parts[1::2], parts[0::2]  # gaps[i]: the text before word i (and after the last one)
    if not cased:
        return ()
    words = "\n".join(cased)
    low = words.lower()
    if len(low) != len(words):
        return ()  # a letter whose lower case is longer ("İ")
    if "Σ" not in text:
        folded_words = low.split("\n")
    else:
        ends, whole = list(accumulate(map(len, parts))), folded.lower()
        folded_words = [whole[ends[2 * i]: ends[2 * i + 1]] for i in range(len(cased))]
    # An acronym or a Roman numeral ("UBND", "quý I") is no word to pair with: None.
    lowered: list[str | None] = list(folded_words)
    for i in compress(range(len(cased)), map(str.isupper, cased)):
        if len(cased[i]) > 1 or cased[i] in "IVX":
            lowered[i] = None
    # joined[i]: words i and i + 1 are parted by spaces only (no punctuation mark between them)
    joined = [*map(str.isspace, gaps[1:len(cased)]), False]
    lex = lexicon()
    syllables = lex.syllables
    # ties[i]: how words i and i + 1 are known as a pair (0 when parted; the last 0 is also ties[-1])
    ties = [*lex.pairs.along(lowered, joined), 0]
    either = map(or_, [0, *ties[:-1]], ties)  # how word i is tied to a neighbour
    # The common case, decided without a look at the word's place: a word of the list that makes a known
    # pair with a neighbour and is not the neighbour repeated. (A word without marks met beside a neighbour
    # only in running text is judged: "Xây dung cơ sở" — "dung cơ" is met, "xây dựng" is a word.)
    judged = [i for i, word, tie in zip(count(), lowered, either)
              if not (tie and word in syllables and (tie & IN_WORD or not word.isascii()))
              or (i and joined[i - 1] and lowered[i - 1] == word)]
    out = []
    start = counted = 0  # where word i starts: the lengths of parts[:2i + 1] added up, in order
    for i in judged:
        word = lowered[i]
        start += sum(map(len, parts[counted: 2 * i + 1]))
        counted = 2 * i + 1
        end = start + len(cased[i])
        token = text[start:end]
        if word is None:
            if len(token) <= LONGEST_SYLLABLE:
                # In capitals: an acronym ("HĐND") or a heading's word ("TRUYỂN THÔNG"), judged alone.
                verdict = capitals(folded_words[i])
                if verdict is not None:
                    out.append((_WORD.match(text, start), token, *verdict))
            continue  # (a longer one: a ký hiệu, "QĐ-TTg")
        if len(word) > (LONGEST_TELEX if word.isascii() else LONGEST_SYLLABLE):
            continue  # very long tokens
        if not (token.islower() or token[1:].islower()):
            continue
        prev = lowered[i - 1] if i and joined[i - 1] else None
        nxt = lowered[i + 1] if joined[i] else None
        if word.isascii() and word in syllables:
            beside_number = numbered(text, start, end, word)
            if beside_number is not None:
                if beside_number:
                    out.append((_WORD.match(text, start), token, MARKS, beside_number))
                continue
            if prev is None and nxt is None and not token.islower():
                continue  # "Cu, Pb, Zn": symbols between commas
        before = lowered[i - 2] if prev and i > 1 and joined[i - 2] else None
        after = lowered[i + 2] if nxt and joined[i + 1] else None
        verdict = judge(before, prev, word, nxt, after, _is_name(cased, gaps, i))
        if verdict is not None:
            first = start - len(gaps[i]) - len(cased[i - 1]) if verdict[0] == REPEATED else start
            out.append((_WORD.match(text, start), text[first: end], *verdict))
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
