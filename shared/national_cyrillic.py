"""Mongolian and Belarusian names in Cyrillic, read as their companies spell them in Latin.

The Russian romanisation (`shared.transliteration.to_latin`) reads `Хөвсгөл` as Khovsgol,
`Говь` as Gov and `Белавежа` as Belavezha. Companies in Mongolia write the first two
Khuvsgul (`ө` and `ү` both as `u`, the habit of English-language Mongolia) or Khovsgol
(MNS 5217 without its marks), `ж` as `j` and the soft sign as `i` (Govi); companies in
Belarus write `г` as `h`, `ў` as `u` and a soft `е` as `ie` (Bielaviezha, the national
system typed without marks), or as BGN/PCGN does (`ye`, `ў` as `w`: Byelavyezha), or as the
Russian form of the name is spelled (`Браслаў` as Braslav). Each is one more reading,
beside the Russian one; with the name's trade words in English too
(`shared.cyrillic_trades`).

The language is told by its letters (`ө`, `ү` without the Kazakh and Kyrgyz ones; `ў`, or
`і` beside `ы`, `э` or `ё` and without `и`, `ї`, `є`, `ґ`) or by a trade word only it
writes so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from shared.cyrillic_trades import (
    BELARUSIAN_TRADES,
    LEGAL_FORMS,
    MONGOLIAN_TRADES,
    SHARED_WITH_RUSSIAN,
)

_MONGOLIAN_LETTERS = re.compile(r"[өүӨҮ]")
# Kazakh's and Kyrgyz's own letters: a name with one is neither language.
_KAZAKH_KYRGYZ = re.compile(r"[қғңұәһҚҒҢҰӘҺ]")
_BELARUSIAN_LETTERS = re.compile(r"[ўЎ]")
_I_LETTER = re.compile(r"[іІ]")
_UKRAINIAN_OR_RUSSIAN = re.compile(r"[иїєґщъИЇЄҐЩЪ]")
# Beside `і`, a letter Ukrainian does not have (a name with `і` alone reads the Ukrainian
# way, close to the Belarusian national one).
_NOT_UKRAINIAN = re.compile(r"[ыэёЫЭЁ]")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+")
_VOWELS = frozenset("аеёиоуыэюяіөү")
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}


@dataclass(frozen=True)
class _Scheme:
    letters: dict[str, str]
    # Before an iotated vowel (`е`, `ё`, `ю`, `я`) after a consonant: for `е`, for the rest.
    soft_e: str
    soft_other: str


# Mongolian as companies in Mongolia spell it: `ө`/`ү` as `u`, `ж` as `j`, `й`, `ъ`, `ь`
# as `i` (`Хангай` Khangai, `Өлзий` Ulzii, `Говь` Govi).
_MONGOLIAN_LETTERS_AS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "u", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "i", "ы": "y", "ь": "i", "э": "e",
}  # fmt: skip
_MONGOLIAN = _Scheme(_MONGOLIAN_LETTERS_AS, "", "y")
# MNS 5217 with its marks dropped: `ө` is `o` (Khovsgol, Orkhon), `ү` is `u`.
_MONGOLIAN_O = _Scheme({**_MONGOLIAN_LETTERS_AS, "ө": "o"}, "", "y")
# Belarusian in the national system typed without marks: `г` is `h`, `ў` is `u`, `х` is
# `kh`, and an iotated vowel after a consonant is `i` + vowel (`Нёман` Nioman).
_BELARUSIAN_LETTERS_AS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "ж": "zh", "з": "z",
    "і": "i", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "", "э": "e", "'": "", "’": "",
    "ʼ": "",
}  # fmt: skip
_BELARUSIAN = _Scheme(_BELARUSIAN_LETTERS_AS, "i", "i")
# BGN/PCGN: `ў` is `w`, iotated vowels `y` + vowel everywhere (`Віцебск` Vitsyebsk).
_BELARUSIAN_BGN = _Scheme({**_BELARUSIAN_LETTERS_AS, "ў": "w"}, "y", "y")
# The Russian form lists often write: `г` is `g`, `ў` is `v`, `е` is `e` (`Браслаў` Braslav).
_BELARUSIAN_RUSSIAN = _Scheme({**_BELARUSIAN_LETTERS_AS, "г": "g", "ў": "v"}, "", "y")


def language_of(text: str) -> str | None:
    """`mn` or `be` when the Cyrillic text is written in Mongolian or Belarusian, else None."""
    if _KAZAKH_KYRGYZ.search(text):
        return None
    if _MONGOLIAN_LETTERS.search(text):
        return None if _I_LETTER.search(text) else "mn"
    if _BELARUSIAN_LETTERS.search(text) or (
        _I_LETTER.search(text)
        and _NOT_UKRAINIAN.search(text)
        and not _UKRAINIAN_OR_RUSSIAN.search(text)
    ):
        return "be"
    words = set(_WORD.findall(text.casefold())) - SHARED_WITH_RUSSIAN
    if words & MONGOLIAN_TRADES.keys():
        return "mn"
    if words & BELARUSIAN_TRADES.keys():
        return "be"
    return None


def _spell(word: str, scheme: _Scheme) -> str:
    out: list[str] = []
    previous = ""
    for ch in word:
        if ch in _IOTATED:
            soft = bool(previous) and previous not in _VOWELS and previous not in "ьъўй'’ʼ"
            glide = (scheme.soft_e if ch == "е" else scheme.soft_other) if soft else "y"
            out.append(glide + _IOTATED[ch])
        else:
            out.append(scheme.letters.get(ch, ch))
        previous = ch
    return "".join(out)


def _read(words: list[str], scheme: _Scheme, trades: dict[str, str] | None = None) -> str:
    return " ".join((trades or {}).get(word) or _spell(word, scheme) for word in words)


@functools.lru_cache(maxsize=4096)
def readings(text: str) -> tuple[str, ...]:
    """The Latin spellings a Mongolian or Belarusian company likely uses for its Cyrillic
    name, most likely first (none for another language): `Хөвсгөл Аялал` -> khuvsgul
    ayalal, khuvsgul travel, khovsgol ayalal; `Белавежа Мэбля` -> bielaviezha meblia,
    bielaviezha furniture, byelavyezha meblya, belavezha meblya."""
    language = language_of(text)
    if language is None:
        return ()
    words = _WORD.findall(LEGAL_FORMS.sub(" ", text.casefold()))
    if not words:
        return ()
    if language == "mn":
        found = [
            _read(words, _MONGOLIAN),
            _read(words, _MONGOLIAN, MONGOLIAN_TRADES),
            _read(words, _MONGOLIAN_O),
        ]
    else:
        found = [
            _read(words, _BELARUSIAN),
            _read(words, _BELARUSIAN, BELARUSIAN_TRADES),
            _read(words, _BELARUSIAN_BGN),
            _read(words, _BELARUSIAN_RUSSIAN),
        ]
    return tuple(dict.fromkeys(each for each in found if each))
