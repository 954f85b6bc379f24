"""Cyrillic <-> Latin for company names: search in the other script, match across scripts.

Companies write their name one way and lists another: `Яндекс` / `Yandex`, `Ростелеком` /
`Rostelecom`, `Лаборатория Касперского` / `Kaspersky Lab`. Cyrillic is romanised with the
Wikipedia scheme (closest to how companies spell themselves, see docs/performance.md);
names are compared by a `skeleton` that folds the usual informal spelling differences
(`ks`/`x`, `kh`/`h`, `c`/`k`, `y`/`i`, doubled letters), so the romanisation scheme a
company chose does not matter.
"""

from __future__ import annotations

import re
import unicodedata

import iuliia

from shared.national_cyrillic import readings as national_readings

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
# Russian adjectives in the genitive ("Лаборатория Касперского") name the brand in the
# nominative ("Kaspersky"): put the ending back before romanising.
_ADJECTIVE = re.compile(r"(ск|цк)(ого|ому|им|ом|ой|ая|ое|ие|их)\b", re.IGNORECASE)
# Applied in order to lower-case ASCII; each folds two common spellings of one sound.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"q", "k"), (r"dzh|dj", "j"), (r"zh", "j"), (r"kh", "h"), (r"ks|cks|kc", "x"),
        (r"shch|sch", "w"),
        (r"ts|tz", "c"), (r"ch", "q"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"),
        (r"ph", "f"), (r"w", "v"), (r"(?<=[aeiou])y(?=[aeiou])", ""), (r"[yj]", "i"),
        (r"ie\b", "i"), (r"ee", "i"), (r"oo", "u"), (r"'", ""), (r"(.)\1+", r"\1"),
    )
)  # fmt: skip
# Latin to Cyrillic for search queries: longest spellings first.
_TO_CYRILLIC: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("iya", "ия"), ("iyu", "ию"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iy", "ий"),
    ("yy", "ый"), ("ck", "к"), ("ph", "ф"), ("x", "кс"), ("ce", "це"), ("ci", "ци"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("y", "й"), ("z", "з"),
)  # fmt: skip
_CONSONANT = "bcdfghjklmnpqrstvwxz"
_Y_READINGS = (
    (re.compile(r"(?<=[aeiou])y\b", re.IGNORECASE), "й"),
    (re.compile(r"(?<=[kgh])y\b", re.IGNORECASE), "ий"),
    (re.compile(rf"(?<=[{_CONSONANT}])y(?=[{_CONSONANT}]|\b)", re.IGNORECASE), "ы"),
)
_LATIN_RUN = re.compile("|".join(re.escape(latin) for latin, _ in _TO_CYRILLIC), re.IGNORECASE)
_CYRILLIC_OF = dict(_TO_CYRILLIC)


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def has_latin(text: str) -> bool:
    return bool(_LATIN.search(text))


# Ukrainian is romanised by its own letters' values (`и` is `y`, `г` is `h`), as
# Ukrainian companies spell themselves; its own letters tell a Ukrainian text.
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_NOT_UKRAINIAN = re.compile(r"[ёыэъқғңұүөәһЁЫЭЪҚҒҢҰҮӨӘҺ]")
_UKRAINIAN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ye",
            "zh",
            "z",
            "y",
            "i",
            "yi",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "yu",
            "ya",
            "-",
            "-",
        ],
        strict=True,
    )
)
# Letters of Kazakh (and of Belarusian) the Russian schemes do not know, as written in
# Latin letters informally; the rest of the word is Russian Cyrillic.
_OTHER_LETTERS = str.maketrans(
    {"қ": "к", "Қ": "К", "ғ": "г", "Ғ": "Г", "ң": "н", "Ң": "Н", "ұ": "у", "Ұ": "У",
     "ү": "у", "Ү": "У", "ө": "о", "Ө": "О", "ә": "а", "Ә": "А", "һ": "х", "Һ": "Х",
     "і": "и", "І": "И", "ў": "у", "Ў": "У"}
)  # fmt: skip


def _ukrainian_latin(text: str) -> str:
    def letter(ch: str) -> str:
        spelled = _UKRAINIAN.get(ch.lower())
        if spelled is None:
            return ch
        spelled = spelled.replace("-", "")
        return spelled.capitalize() if ch.isupper() else spelled

    return "".join(letter(ch) for ch in text)


# Serbian and Macedonian are romanised letter for letter into their own Latin alphabets
# (`Градња` is `Gradnja`, `Ћирић` is `Ćirić`), as their companies spell themselves; their
# own letters tell them, unless a Russian-only letter says otherwise.
_SERBIAN_ONLY = re.compile(r"[ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ]")
_NOT_SERBIAN = re.compile(r"[ёыэъйщюяєіїґЁЫЭЪЙЩЮЯЄІЇҐ]")
_SERBIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz",
}  # fmt: skip


def _serbian_latin(text: str) -> str:
    def letter(ch: str) -> str:
        spelled = _SERBIAN.get(ch.lower())
        if spelled is None:
            return ch
        return spelled.capitalize() if ch.isupper() else spelled

    return "".join(letter(ch) for ch in text)


def to_latin(text: str) -> str:
    """`Лаборатория Касперского` -> `Laboratoriya Kaspersky`, `Верховина Меблі` ->
    `Verkhovyna Mebli`, `Морава Градња` -> `Morava Gradnja`, `Сарыарқа` -> `Saryarka`;
    Latin text is kept."""
    if not has_cyrillic(text):
        return text
    if _UKRAINIAN_ONLY.search(text) and not _NOT_UKRAINIAN.search(text):
        return _ukrainian_latin(text)
    if _SERBIAN_ONLY.search(text) and not _NOT_SERBIAN.search(text):
        return _serbian_latin(text)
    # Names are usually romanised from `е` even where `ё` is meant ("Pyaterochka").
    plain = _ADJECTIVE.sub(r"\1ий", text).replace("ё", "е").replace("Ё", "Е")
    return str(iuliia.WIKIPEDIA.translate(plain.translate(_OTHER_LETTERS)))


def to_cyrillic(text: str) -> str:
    """`Rostelecom` -> `Ростелеком`: a Russian reading of a Latin name, for searches."""

    def letter(match: re.Match[str]) -> str:
        # Case-insensitive matching also takes letters whose case pairs with an ASCII one
        # (Turkish `ı` and `İ`, the long `ſ`, the Kelvin sign): read them as that letter.
        cyrillic = _CYRILLIC_OF[_ascii_lower(match.group(0))]
        return cyrillic.capitalize() if match.group(0)[0].isupper() else cyrillic

    # A `y` is `й` after a vowel (`Tolstoy`), `ий` closing an adjective in -ky/-gy/-khy
    # (`Kaspersky`), and `ы` between consonants or closing a word after one (`Taymyr`,
    # `Stroymaterialy`): how the usual romanisations write those letters.
    for pattern, cyrillic in _Y_READINGS:
        text = pattern.sub(lambda m, c=cyrillic: c.upper() if m.group(0).isupper() else c, text)  # type: ignore[misc]
    return _LATIN_RUN.sub(letter, text)


def _ascii_lower(text: str) -> str:
    lowered = unicodedata.normalize("NFKD", text.upper().lower())
    return "".join(ch for ch in lowered if ch.isascii())


# Latin to Ukrainian Cyrillic, the reverse of `_ukrainian_latin`: longest spellings first.
_TO_UKRAINIAN: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("ye", "є"), ("yi", "ї"), ("a", "а"), ("b", "б"), ("v", "в"),
    ("h", "г"), ("g", "ґ"), ("d", "д"), ("e", "е"), ("z", "з"), ("y", "и"), ("i", "і"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "к"), ("w", "в"), ("x", "кс"),
)  # fmt: skip
_UKRAINIAN_RUN = re.compile("|".join(latin for latin, _ in _TO_UKRAINIAN), re.IGNORECASE)
_UKRAINIAN_OF = dict(_TO_UKRAINIAN)


def to_ukrainian(text: str) -> str:
    """`Dnister Bud` -> `Дністер Буд`: a Ukrainian reading of a Latin name, for searches
    of a company in Ukraine (the Russian reading would write `Днистер`)."""

    def letter(match: re.Match[str]) -> str:
        cyrillic = _UKRAINIAN_OF[_ascii_lower(match.group(0))]
        return cyrillic.capitalize() if match.group(0)[0].isupper() else cyrillic

    return _UKRAINIAN_RUN.sub(letter, text)


def skeleton(text: str) -> str:
    """Script- and spelling-insensitive form: `Яндекс`, `Yandex` and `Jandeks` share one."""
    return fold(to_latin(text))


# Latin letters that do not decompose to an ASCII one: the dotless `ı` (Turkish, Kazakh
# `і`), `ş` and `ç` (`ш`, `ч` in Kazakh and Turkish), the schwa of older Kazakh Latin,
# and Serbian and Croatian `đ`.
_SPELLED_OUT = str.maketrans({"ı": "i", "ş": "sh", "ç": "ch", "ə": "a", "ŋ": "n", "đ": "dj"})


def plain_letters(latin: str) -> str:
    """Latin text without diacritics (`Kızılırmak` -> `kizilirmak`), lower case."""
    decomposed = unicodedata.normalize("NFKD", latin.casefold().translate(_SPELLED_OUT))
    return "".join(ch for ch in decomposed if ch.isascii())


def fold(latin: str) -> str:
    """Latin text folded over the usual spelling differences (see `skeleton`); Kazakh in
    the 2021 Latin alphabet (`Saryarqa`, `Şymkent`) folds with its informal spellings."""
    decomposed = unicodedata.normalize("NFKD", latin.casefold().translate(_SPELLED_OUT))
    ascii_text = "".join(ch for ch in decomposed if ch.isascii())
    words = []
    for word in re.findall(r"[a-z0-9']+", ascii_text):
        for pattern, repl in _FOLDS:
            word = pattern.sub(repl, word)
        if word:
            words.append(word)
    return " ".join(words)


_INITIAL_YE = re.compile(r"\b[ЕЁеё]")


def latin_readings(text: str) -> list[str]:
    """`to_latin`, and for a name with `ё` also the reading people type (`Ёлка` is Yelka
    by the scheme, Yolka as typed), and for a word starting with `е` or `ё` the plain `E`
    many companies write (`Ёжик` as Ezhik): which one a company chose cannot be told.
    Mongolian and Belarusian names also in their own conventions, trade words in English."""
    readings = [to_latin(text)]
    if "ё" in text.casefold():
        plain = _ADJECTIVE.sub(r"\1ий", text).translate(_OTHER_LETTERS)
        readings.append(str(iuliia.WIKIPEDIA.translate(plain)))
    if _INITIAL_YE.search(text) and not _UKRAINIAN_ONLY.search(text):
        plain = _INITIAL_YE.sub(lambda m: "E" if m.group(0).isupper() else "e", text)
        readings.append(to_latin(plain.replace("ё", "е").replace("Ё", "Е")))
    # A Mongolian or Belarusian name as its company spells it (`Хөвсгөл` Khuvsgul,
    # `Белавежа` Bielaviezha), which the Russian scheme does not (see shared.national_cyrillic).
    folded = {fold(each) for each in readings}
    readings += [each for each in national_readings(text) if fold(each) not in folded]
    return list(dict.fromkeys(readings))


def other_script(name: str) -> str | None:
    """The name in the other script, when it is written in only one of them."""
    if has_cyrillic(name) and not has_latin(name):
        return to_latin(name)
    if has_latin(name) and not has_cyrillic(name):
        return to_cyrillic(name)
    return None


# Letters that look alike in the two scripts: a word typed with a stray one of the other
# script ("Тeхнопарк" with a Latin e) reads as one word to people, not to searches.
_LOOKALIKE_LATIN = "AaBCcEeHKMOoPpTXxYy"
_LOOKALIKE_CYRILLIC = "АаВСсЕеНКМОоРрТХхУу"
_TO_CYRILLIC_LOOK = str.maketrans(_LOOKALIKE_LATIN, _LOOKALIKE_CYRILLIC)
_TO_LATIN_LOOK = str.maketrans(_LOOKALIKE_CYRILLIC, _LOOKALIKE_LATIN)
_WORD = re.compile(r"\w+")


def _unmix_word(word: str) -> str:
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    if cyrillic >= latin:
        fixed = word.translate(_TO_CYRILLIC_LOOK)
        return fixed if not has_latin(fixed) else word
    fixed = word.translate(_TO_LATIN_LOOK)
    return fixed if not has_cyrillic(fixed) else word


def unmix(name: str) -> str:
    """Each word in one script: look-alike letters of the other script inside a word
    (`Тeхнопарк`, `Yandеx`) replaced by the word's own; words that mix scripts otherwise,
    and names whose words are in different scripts (`Яндекс Yandex`), are left as they are."""
    return _WORD.sub(lambda match: _unmix_word(match.group(0)), name)


# The 2021 Kazakh Latin alphabet's letters that Russian spelling does not have, and the
# letters whose value differs from English (`i` is `и`, `ı` is `і`, `j` is `ж`, `y` is `ы`).
KAZAKH_LATIN = re.compile(r"[äğqñöūüışÄĞQÑÖŪÜŞ]")
_KAZAKH_OF = str.maketrans(
    {"ä": "ә", "ğ": "ғ", "q": "қ", "ñ": "ң", "ö": "ө", "ū": "ұ", "ü": "ү", "ı": "і",
     "ş": "ш", "ç": "ч", "i": "и", "j": "ж", "y": "ы", "h": "х", "c": "ц", "w": "у",
     "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "k": "к", "l": "л",
     "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у",
     "v": "в", "z": "з", "x": "кс"}
)  # fmt: skip


# Kazakh Cyrillic as Kazakh companies spell it in plain Latin letters (`Құрылыс` qurylys,
# `Ақжол` Aqzhol): `қ` is `q`, `ғ` `gh`, `ұ`, `ү` `u`, `ы` `y`, `і` `i`.
_KAZAKH_ONLY_LETTERS = re.compile(r"[қғұәһіҚҒҰӘҺІ]")
_KAZAKH_SPELLED = str.maketrans(
    {"қ": "q", "ғ": "gh", "ң": "ng", "ұ": "u", "ү": "u", "ә": "a", "ө": "o", "і": "i",
     "һ": "h", "ы": "y", "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e",
     "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
     "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
     "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "э": "e",
     "ю": "yu", "я": "ya"}
)  # fmt: skip


def kazakh_reading(text: str) -> str | None:
    """`Алатау Құрылыс` -> `alatau qurylys`: a Kazakh name (one with letters only Kazakh
    writes) as its companies spell it in Latin letters, `қ` as `q`; None for another."""
    if not _KAZAKH_ONLY_LETTERS.search(text):
        return None
    return text.lower().translate(_KAZAKH_SPELLED)


# Letters of the Kazakh Latin alphabet that Turkish (`ı`, `ş`, `ö`, `ü`, `ğ`), German and
# Swedish (`ä`) and Spanish (`ñ`) do not use: `ū`, and a `q` English would follow with `u`.
_ONLY_KAZAKH = re.compile(r"ū|q(?!u)", re.IGNORECASE)


def is_kazakh_latin(text: str) -> bool:
    """Written in the 2021 Kazakh Latin alphabet, not in Turkish or English."""
    return bool(_ONLY_KAZAKH.search(text))


def to_kazakh(text: str) -> str | None:
    """`Saryarqa Agro` -> `сарыарқа агро`: a Latin name read in the 2021 Kazakh alphabet,
    for searches of a company in Kazakhstan; None when the name has none of its own
    letters (an informal spelling is read the Russian way)."""
    if not KAZAKH_LATIN.search(text):
        return None
    lowered = text.replace("İ", "i").replace("I", "ı").lower()
    return lowered.translate(_KAZAKH_OF)
