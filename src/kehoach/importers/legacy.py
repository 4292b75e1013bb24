"""Text typed in the legacy Vietnamese fonts (TCVN3/ABC ``.VnTime``, VNI ``VNI-Times``) to Unicode.

Such documents store 8-bit codes that only the special font draws as Vietnamese: a Word file typed in
``.VnTime`` holds "Së Tµi chÝnh" for "Sở Tài chính". The reader converts a run by its font name; the
result is NFC. Fonts whose name ends in "H" (``.VnTimeH``, ``.VnArialH``) draw every letter in upper
case, so their text is upper-cased after conversion.
"""

from __future__ import annotations

import unicodedata

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

# TCVN3 (TCVN 5712:1993, "ABC"): byte -> letter.
_TCVN3_LETTERS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}
_TCVN3_TONED = {  # base letter -> bytes for grave, hook, tilde, acute, dot (in that order)
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tcvn3_table() -> dict[str, str]:
    table = {chr(code): letter for code, letter in _TCVN3_LETTERS.items()}
    for base, codes in _TCVN3_TONED.items():
        for code, mark in zip(codes, (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)):
            table[chr(code)] = _nfc(base + mark)
    return table


TCVN3 = _tcvn3_table()
# Word keeps 8-bit font text as Windows-1252 characters: 0x80-0x9F arrive as “ ” … not as C1 codes.
_CP1252_BACK = {bytes([b]).decode("cp1252", "ignore"): chr(b) for b in range(0x80, 0xA0)
                if bytes([b]).decode("cp1252", "ignore")}


def from_tcvn3(text: str, upper: bool = False) -> str:
    out = "".join(TCVN3.get(_CP1252_BACK.get(ch, ch), ch) for ch in text)
    return _nfc(out.upper() if upper else out)


# VNI: a vowel followed by one mark character (the tone, or circumflex/breve with its tone).
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT, "": ""}
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_SINGLE = {"ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ", "ô": "ơ", "ö": "ư"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, letter in (("a", "a"), ("e", "e"), ("i", "i"), ("o", "o"), ("u", "u"), ("y", "y"),
                         ("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            if mark:
                table[base + mark] = _nfc(letter + tone)
        if base in "aeo":
            for mark, tone in _VNI_CIRC.items():
                table[base + mark] = _nfc(letter + _CIRC + tone)
        if base == "a":
            for mark, tone in _VNI_BREVE.items():
                table[base + mark] = _nfc(letter + _BREVE + tone)
    table.update(_VNI_SINGLE)
    for key, value in list(table.items()):
        table[key.upper()] = value.upper()
    return table


VNI = _vni_table()


def from_vni(text: str, upper: bool = False) -> str:
    out = []
    index = 0
    while index < len(text):
        pair = text[index:index + 2]
        if len(pair) == 2 and pair in VNI:
            out.append(VNI[pair])
            index += 2
            continue
        out.append(VNI.get(text[index], text[index]))
        index += 1
    result = "".join(out)
    return _nfc(result.upper() if upper else result)


def legacy_of(font: str | None) -> str | None:
    """'TCVN3' or 'VNI' when ``font`` is one of the legacy Vietnamese fonts."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "TCVN3"
    if name.startswith("vni"):
        return "VNI"
    return None


def convert(text: str, font: str | None) -> str:
    """``text`` typed in ``font`` as Unicode (unchanged when the font is not a legacy one)."""
    encoding = legacy_of(font)
    if encoding is None:
        return text
    upper = font.strip().lower().endswith("h")
    return from_tcvn3(text, upper) if encoding == "TCVN3" else from_vni(text, upper)
