"""A Latin name of a Georgian or Armenian company spelled back in its own letters, to
search for a site that writes only those (`Bazaleti Samsheneblo` as `ბაზალეთი
სამშენებლო`).

The Latin spellings people type drop the apostrophes that tell Georgian ejectives from
aspirates (`t'` ტ, `t` თ) and Armenian's aspirated stops from plain ones, so a letter
that could be either is spelled as the national romanisations spell the plain Latin
letter: one guess among a few, searched beside the name as typed.
"""

from __future__ import annotations

import re

_GEORGIAN = {
    "sh": "შ", "ch": "ჩ", "zh": "ჟ", "gh": "ღ", "kh": "ხ", "ts": "ც", "dz": "ძ", "th": "თ",
    "ph": "ფ", "tz": "წ", "a": "ა", "b": "ბ", "g": "გ", "d": "დ", "e": "ე", "v": "ვ",
    "w": "ვ", "z": "ზ", "t": "თ", "i": "ი", "y": "ი", "k": "ქ", "l": "ლ", "m": "მ",
    "n": "ნ", "o": "ო", "p": "პ", "f": "ფ", "r": "რ", "s": "ს", "u": "უ", "q": "ყ",
    "c": "ც", "j": "ჯ", "h": "ჰ", "x": "ხ",
}  # fmt: skip
_ARMENIAN = {
    "sh": "շ", "ch": "չ", "zh": "ժ", "gh": "ղ", "kh": "խ", "ts": "ց", "dz": "ձ", "th": "թ",
    "ph": "փ", "ou": "ու", "ev": "և", "a": "ա", "b": "բ", "g": "գ", "d": "դ", "e": "ե",
    "z": "զ", "t": "տ", "i": "ի", "l": "լ", "k": "կ", "h": "հ", "m": "մ", "y": "յ",
    "n": "ն", "o": "ո", "p": "պ", "j": "ջ", "r": "ր", "s": "ս", "v": "վ", "u": "ու",
    "f": "ֆ", "q": "ք", "c": "կ", "x": "քս", "w": "վ",
}  # fmt: skip


def _spell(word: str, letters: dict[str, str]) -> str | None:
    out = []
    at = 0
    while at < len(word):
        pair = letters.get(word[at : at + 2])
        if pair:
            out.append(pair)
            at += 2
        elif word[at] in letters:
            out.append(letters[word[at]])
            at += 1
        else:
            return None
    return "".join(out)


def _armenian_word(word: str) -> str | None:
    spelled = _spell(word, _ARMENIAN)
    if spelled and word[0] == "o":
        spelled = "օ" + spelled[1:]  # a word's first `o` is written `օ`
    return spelled


_SPELLERS = {"GE": lambda word: _spell(word, _GEORGIAN), "AM": _armenian_word}


def native_spelling(key: str, country: str | None) -> str | None:
    """The name key (lower-case Latin words) in the letters of the country's script, or
    None: not Georgia or Armenia, or a word holding letters those spellings lack."""
    speller = _SPELLERS.get(country or "")
    if speller is None or not key or not re.fullmatch(r"[a-z ]+", key):
        return None
    words = [speller(word) for word in key.split()]
    if any(word is None for word in words):
        return None
    return " ".join(word for word in words if word)
