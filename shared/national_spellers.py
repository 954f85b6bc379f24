"""Latin names of companies in Mongolia and Belarus spelled back in their own Cyrillic,
for searches: a site in Mongolian or Belarusian writes its name only so.

The Russian reading (`shared.transliteration.to_cyrillic`) writes `Tenger Lojistik` as
Тенгер Лоджистик and `Braslavsky Tekstil` as Браславский Текстил; the companies write
Тэнгэр Ложистик and Браслаўскі Тэкстыль. Mongolian writes a plain `e` as `э` and `j` as
`ж`; with an `e` in the word its `o` and `u` are the front `ө` and `ү` (vowel harmony), and
a final `i` after a consonant is the soft sign (`Govi` Говь). Belarusian has no `и` (`i`
is `і`, and `ы` after the consonants that are never soft: т, д, р, ж, ш, ч, and `y`
after a consonant, except `к`, `г`, `х`), writes `э` after those hard consonants and at a
word's start, `ў` for `v`, `w` or `u` after a vowel before a consonant or at a word's end
(`Braslau` Браслаў), and keeps the soft sign of a loanword's final `-il` (Тэкстыль).
"""

from __future__ import annotations

import re

_LETTER = re.compile(r"shch|sch|kh|zh|ch|sh|ts|dz|y[aeou]|i[aeou]|[a-zöü]", re.IGNORECASE)
_COMMON = {
    "kh": "х", "zh": "ж", "ch": "ч", "sh": "ш", "ts": "ц", "a": "а", "b": "б", "c": "ц",
    "d": "д", "f": "ф", "g": "г", "i": "и", "k": "к", "l": "л", "m": "м", "n": "н",
    "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в",
    "w": "в", "x": "кс", "z": "з", "ya": "я", "yu": "ю", "yo": "ё", "ye": "е",
}  # fmt: skip
_MONGOLIAN = {**_COMMON, "j": "ж", "e": "э", "h": "х", "y": "ы", "ö": "ө", "ü": "ү"}
_BELARUSIAN = {
    **_COMMON, "shch": "шч", "sch": "шч", "dz": "дз", "j": "й", "h": "г", "i": "і", "e": "е",
    "ia": "я", "iu": "ю", "io": "ё", "ie": "е",
}  # fmt: skip
_VOWEL = set("aeiouyöü")
_HARD = set("тдржшч")


def _letters(word: str) -> list[str]:
    letters = [match.group(0) for match in _LETTER.finditer(word.lower())]
    # A `c` of a loanword (`Capitron`, `Beltelecom`) is `к`, before `e`, `i`, `y` `ц`.
    return [
        "ts"
        if each == "c" and letters[index + 1 : index + 2] in (["e"], ["i"], ["y"])
        else "k"
        if each == "c"
        else each
        for index, each in enumerate(letters)
    ]


def _mongolian_word(word: str) -> str:
    letters = _letters(word)
    front = any(each in ("e", "ö", "ü") for each in letters)
    out: list[str] = []
    for index, each in enumerate(letters):
        previous = letters[index - 1] if index else ""
        if each == "i" and previous and (previous[-1] in "aeouy" or previous == "i"):
            out.append("й")  # `Khangai` Хангай, `Ulzii` Өлзий
        elif each == "i" and index == len(letters) - 1 and previous and previous not in _VOWEL:
            out.append("ь")  # `Govi` Говь
        elif front and each in ("o", "u"):
            out.append("ө" if each == "o" else "ү")
        else:
            out.append(_MONGOLIAN.get(each, each))
    return "".join(out)


def _belarusian_word(word: str) -> str:
    letters = _letters(word)
    out: list[str] = []
    for index, each in enumerate(letters):
        previous = out[-1][-1] if out else ""
        after_vowel = bool(index) and letters[index - 1][-1] in _VOWEL
        following = letters[index + 1] if index + 1 < len(letters) else ""
        closes = not following or following[0] not in _VOWEL
        last = index == len(letters) - 1
        if each in ("y", "i") and previous in "кгх" and previous:
            out.append("і")
        elif each == "y" and after_vowel:
            out.append("й")
        elif each in ("y", "i") and previous and (each == "y" or previous in _HARD):
            out.append("ы")
        elif each == "e" and (not previous or previous in _HARD):
            out.append("э")
        elif each in ("v", "w", "u") and after_vowel and closes:
            out.append("ў")
        elif each == "l" and last and letters[index - 1] in ("i", "y"):
            out.append("ль")
        else:
            out.append(_BELARUSIAN.get(each, each))
    return "".join(out)


def cyrillic_spelling(key: str, country: str | None) -> str | None:
    """A Latin name key of a company in Mongolia (`tenger lojistik` -> тэнгэр ложистик) or
    Belarus (`braslavsky tekstil` -> браслаўскі тэкстыль) in its own Cyrillic; None for
    other countries and for names not in plain Latin letters."""
    speller = {"MN": _mongolian_word, "BY": _belarusian_word}.get(country or "")
    if speller is None or not key or not all(ch.isascii() or ch in "öü" for ch in key):
        return None
    words = re.findall(r"[a-zöü]+|\d+", key.lower())
    if not any(word.isalpha() for word in words):
        return None
    return " ".join(speller(word) if word.isalpha() else word for word in words)


# Uzbek's Latin alphabet (1995) letter for letter in its Cyrillic one: `oʻ` ў, `gʻ` ғ,
# `q` қ, `x` х, `h` ҳ, `j` ж, `y` й, `e` э at a word's start; the apostrophe after a vowel
# (the tutuq belgisi) ъ.
_UZBEK_LETTER = re.compile(r"[og][ʻʼ'’‘`]|sh|ch|y[aeou](?![ʻʼ'’‘`])|[ʻʼ'’‘`]|[a-z]")
_UZBEK = {
    "sh": "ш", "ch": "ч", "ya": "я", "yu": "ю", "yo": "ё", "ye": "е", "a": "а", "b": "б",
    "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "х", "y": "й", "z": "з",
}  # fmt: skip
# Letters only Uzbek's Latin alphabet writes so: a Latin name with one is Uzbek, not an
# English or Russian name a company in Uzbekistan goes by.
_UZBEK_MARK = re.compile(r"[og][ʻʼ'’‘`]|q|x", re.IGNORECASE)


def _uzbek_word(word: str) -> str:
    out = []
    for index, match in enumerate(_UZBEK_LETTER.finditer(word)):
        each = match.group(0)
        if each[0] in "og" and len(each) == 2:
            out.append("ў" if each[0] == "o" else "ғ")
        elif each in "ʻʼ'’‘`":
            out.append("ъ")
        elif each == "e" and index == 0:
            out.append("э")
        else:
            out.append(_UZBEK[each])
    return "".join(out)


def uzbek_cyrillic(name: str, country: str | None) -> str | None:
    """A company in Uzbekistan's Latin name in Uzbek's Cyrillic letters (`Fargʻona Meva`
    Фарғона Мева, `Buxoro Qurilish` Бухоро Қурилиш), which its site may write alone; None
    elsewhere, and for a name no letter of which tells it is Uzbek (`Caspian Trade`)."""
    if (
        country != "UZ"
        or not _UZBEK_MARK.search(name)
        or not all(ch.isascii() or ch in "ʻʼ’‘" for ch in name)
    ):
        return None
    words = re.findall(r"[a-zʻʼ'’‘`]+|\d+", name.lower())
    return " ".join(_uzbek_word(word) if not word.isdigit() else word for word in words)
