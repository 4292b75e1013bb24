"""The official list of administrative units (danh mục đơn vị hành chính), for the lint rules.

Names of provinces and communes are names, not style: a rule never asks to respell "Xã Đàm Thuỷ".
The list is the one the ``vietnam-provinces`` package ships (the state after 1 July 2025: 34
provinces, 3,321 communes, wards and special zones); it is read once, on first use, and only by a
rule that needs it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ")


def bare(name: str) -> str:
    """A unit's name without its kind: "Xã Đàm Thuỷ" → "Đàm Thuỷ", "Thành phố Huế" → "Huế"."""
    for prefix in PREFIXES:
        if name.startswith(prefix) and not name[len(prefix):].isdigit():
            return name[len(prefix):]
    return name


@lru_cache(maxsize=1)
def list_version() -> str:
    from importlib.metadata import version

    return version("vietnam-provinces")


@lru_cache(maxsize=1)
def provinces() -> frozenset[str]:
    """Current provinces and centrally-run cities, bare names ("Đắk Lắk", "Hà Nội")."""
    from vietnam_provinces import Province

    return frozenset(unicodedata.normalize("NFC", bare(p.name)) for p in Province.iter_all())


@lru_cache(maxsize=1)
def communes() -> frozenset[str]:
    """Current communes, wards and special zones, bare names ("Đàm Thuỷ", "Ea Kao")."""
    from vietnam_provinces import Ward

    return frozenset(unicodedata.normalize("NFC", bare(w.name)) for w in Ward.iter_all())


_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0309\u0303\u0323"))


def key(name: str) -> str:
    """A name compared without case or tone marks: the list itself writes "Tuy Hòa" and "Đàm Thuỷ"
    (both placements), and a plan may use the other placement for the same name."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name.lower()).translate(_TONES))


@lru_cache(maxsize=1)
def all_names() -> frozenset[str]:
    return frozenset(key(n) for n in provinces() | communes())


_WORD = re.compile(r"[^\W\d_]+|\d+")


def in_unit_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is part of an official unit name written there
    ("Thuỷ" in "xã Đàm Thuỷ"): runs of one to four capitalised words around it are looked up in
    the list ("hòa bình" in lower case is a word, "Hòa Bình" may be a name)."""
    if not text[start: start + 1].isupper():
        return False  # a name is capitalised: a word in lower case is a word
    before = list(_WORD.finditer(text, max(0, start - 40), start))[-3:]
    after = list(_WORD.finditer(text, end, end + 40))[:3]
    words = [m.group(0) for m in before] + [text[start:end]] + [m.group(0) for m in after]
    here = len(before)
    names = all_names()
    for first in range(max(0, here - 3), here + 1):
        for last in range(here, min(len(words), first + 4)):
            run = words[first: last + 1]
            if all(w[0].isupper() or w.isdigit() for w in run) and key(" ".join(run)) in names:
                return True
    return False


def is_current_place(name: str) -> bool:
    """Whether ``name`` (an địa danh: "Đắk Lắk", "Ea Kao", "Phường 1") is a current province or commune."""
    text = unicodedata.normalize("NFC", name.strip())
    return key(text) in all_names() or key(bare(text)) in all_names()
