"""KH308: an official name with one word missing ("Ủy ban nhân tỉnh" for "Ủy ban nhân dân tỉnh")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...common.diagnostics import Severity
from ...common.i18n import tr
from .registry import Context, Finding, rule
from .text import fold_tones

# The names whose near-misses are looked for, and the words that may follow a name of a level
# ("Ủy ban nhân dân tỉnh"): a name cut short before one of them lost its last word.
NEAR_MISS_NAMES = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc",
                   "Hội Liên hiệp Phụ nữ", "Ngân hàng Chính sách xã hội", "Hội Cựu chiến binh")
_LEVELS = r"(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã|đặc khu|cấp|các)\b"
# Real names that read like a shortened one: never a near-miss.
_REAL_SHORTER = ("ủy ban dân tộc", "hội đồng dân tộc", "ủy ban mặt trận", "ban nhân dân", "hội phụ nữ")


_NEXT_WORD = re.compile(r"[ \t]+[^\W\d_]+")


@lru_cache(maxsize=1)
def _near_misses() -> tuple[re.Pattern[str], list[str]]:
    """One pattern with a group per word a name can lose (a middle word anywhere, the last one
    before a level), and the name each group stands for: one pass over the plan's text."""
    branches, names, firsts = [], [], set()
    for name in NEAR_MISS_NAMES:
        words = fold_tones(name.lower()).split()
        firsts.add(words[0][0])  # every branch keeps the first word (only a later one is dropped)
        for drop in range(1, len(words)):
            short = r"\s+".join(map(re.escape, words[:drop] + words[drop + 1:]))
            after = rf"(?=\s+{_LEVELS})" if drop == len(words) - 1 else r"(?!\w)"
            branches.append(f"({short}{after})")
            names.append(name)
    # The look-ahead for a branch's first letter lets the engine pass most positions at once,
    # instead of trying every branch there (the scan of a 28-page plan took three times as long).
    first = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    return re.compile(rf"(?={first})(?<!\w)(?:" + "|".join(branches) + ")"), names


@rule("KH308", "official-name-near-miss", Severity.warning, "NĐ 30, Phụ lục II, IV.1 (tên cơ quan, tổ chức)",
      ("tên cơ quan thiếu một chữ", "an official name with a word missing"))
def official_name_near_miss(ctx: Context) -> Iterator[Finding]:
    """An official name is written whole: "Ủy ban nhân tỉnh" lacks the "dân" of "Ủy ban nhân dân",
    "Hội đồng nhân tỉnh" and "Mặt trận Tổ Việt Nam" a word of theirs. A real shorter name ("Ủy ban
    Dân tộc") is not one.

    Tiếng Việt:

        Tên cơ quan viết đủ: "Ủy ban nhân tỉnh" thiếu chữ "dân" của "Ủy ban nhân dân", "Hội đồng
        nhân tỉnh" và "Mặt trận Tổ Việt Nam" thiếu một chữ. Tên thật ngắn hơn ("Ủy ban Dân tộc")
        không bị báo.

    Passes:

        preamble:
          paragraphs: [Ủy ban nhân dân tỉnh phối hợp với Ủy ban Dân tộc.]

    Fails:

        preamble:
          paragraphs: [Ủy ban nhân tỉnh phối hợp với các sở.]
    """
    # One pass per pattern over the joined texts: the patterns hold words and spaces only, and no
    # space matches the NUL between two texts, so a match never spans two texts.
    corpus = ctx.corpus
    folded = fold_tones(corpus.text).lower()
    if len(folded) != len(corpus.text):
        return
    pattern, names = _near_misses()
    for match in pattern.finditer(folded):
        start, end = match.span()
        if folded.startswith(_REAL_SHORTER, start):
            continue
        name = names[match.lastindex - 1]
        written = corpus.text[start:end]
        # The snippet runs on to the next word: "Ủy ban nhân" alone would be found at the start of a
        # whole "Ủy ban nhân dân" earlier in the same text.
        following = _NEXT_WORD.match(corpus.text, end)
        yield Finding(corpus.where(start)[0], tr("'{w}' thiếu một chữ của tên '{n}'",
                                                 "'{w}' lacks a word of the name '{n}'", w=written, n=name),
                      snippet=corpus.text[start: following.end()] if following else written)
