"""The word pack the spelling rules read (``templates/spelling/vi-words.pack``) is what
``templates/spelling/pack.py`` makes from the lists beside it, and answers as they do."""

from __future__ import annotations

import gzip
import importlib.util

from kehoach.common.resources import templates_dir
from kehoach.lint.lexicon import IN_WORD, MET, lexicon

SPELLING = templates_dir() / "spelling"


def _packer():
    spec = importlib.util.spec_from_file_location("word_pack", SPELLING / "pack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_pack_is_up_to_date_with_its_sources() -> None:
    # Fails after an edit of vi-words.txt.gz, extra-words.txt or function-words.txt until
    # `python templates/spelling/pack.py` is run again.
    assert (SPELLING / "vi-words.pack").read_bytes() == _packer().pack(SPELLING)


def test_the_pack_answers_every_pair_of_the_sources_as_they_say() -> None:
    raw = gzip.decompress((SPELLING / "vi-words.txt.gz").read_bytes()).decode("utf-8")
    syllables, known, flags, *_ = raw.split("\n\n", 5)
    lex = lexicon()
    assert set(syllables.split("\n")) <= lex.syllables
    extra = {line for line in (SPELLING / "extra-words.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    extra_pairs = {f"{a} {b}" for w in extra for a, b in zip(w.split(), w.split()[1:])}
    for pair, flag in zip(known.split("\n"), flags):
        left, right = pair.split(" ")
        assert lex.pairs.get(left, right) == (IN_WORD | MET if pair in extra_pairs else int(flag)), pair
    for pair in extra_pairs:
        assert lex.pairs.get(*pair.split(" ")) == IN_WORD | MET
    # Pairs the list lacks, and words it lacks, are unknown.
    assert lex.pairs.get("của", "của") == 0
    assert lex.pairs.get("xyzzy", "của") == lex.pairs.get("của", None) == 0


def test_a_syllable_begins_the_words_of_the_list_only() -> None:
    # "tổng vốn" is an extra word (known both ways), but not a word of Viet74K: "productive" counts
    # the list's words, as it did when it read vi-words.txt.gz.
    lex = lexicon()
    assert lex.pair("tổng", "vốn")
    raw = gzip.decompress((SPELLING / "vi-words.txt.gz").read_bytes()).decode("utf-8")
    _, known, flags, *_ = raw.split("\n\n", 5)
    begun = sum(1 for pair, flag in zip(known.split("\n"), flags) if pair.startswith("tổng ") and int(flag) & IN_WORD)
    assert lex.productive("tổng") == begun > 0
    assert lex.spell("cua", "r") == "của"  # the more written of "của" and "cuả"


def test_a_full_pair_memo_starts_again_with_the_same_answers(monkeypatch) -> None:
    from kehoach.lint import lexicon as lexicon_module
    from kehoach.lint.rules.word_judge import judge
    from kehoach.lint.rules.words import text_suspects

    line = "Chỉ tịch Ủy ban nhân dân tỉnh bố trí kính phí cảu Chính phủ, xây dung cơ sở số số 46."
    text_suspects.cache_clear()
    expected = [(m.span(), *rest) for m, *rest in text_suspects(line)]
    assert expected  # the line holds typos
    monkeypatch.setattr(lexicon_module, "PAIR_MEMO", 3)
    lexicon().pairs.remembered.clear()
    text_suspects.cache_clear()
    judge.cache_clear()
    assert [(m.span(), *rest) for m, *rest in text_suspects(line)] == expected
    assert len(lexicon().pairs.remembered) <= 3
    text_suspects.cache_clear()
