"""Whether a name begins with a vowel or a consonant, as its own letters say.

A comparison of consonants alone (Arabic and Hebrew write no short vowels, and Latin
spellings add any) cannot tell `Arbel` (`ארבל`) from `Rubel`, nor `Ipiros` from `Pireus`:
the brands differ by the vowel they begin with. Both scripts do write a word's first
vowel, with a letter that carries it (`א`, `ע`, `ا`, `أ`, `إ`, `آ`, `ع`): a name read by
its consonants is the same name only when both begin with a vowel or both with a
consonant. Some first letters say either: `י`, `ו`, `ي`, `و` are consonants or vowels
(`ישראל` Israel, `ירדן` Yarden), and a Latin `y` or `w` is either too, as is a Latin `s`
before a consonant, to which Arabic and Persian add a vowel (`اسنپ` Snapp, `استوديو`
Studio).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Onset(StrEnum):
    VOWEL = "vowel"
    CONSONANT = "consonant"
    EITHER = "either"


_CARRIERS = frozenset("אעاأإآعٱ")
_SEMIVOWELS = frozenset("יוيوىیئؤ")
# The Arabic article and the prepositions written onto it (`للتجارة`, for the trade).
_OWN_ARTICLE = re.compile(r"^(?:وال|بال|لل|ال)(?=\w{2})")
_LATIN_ARTICLE = re.compile(r"^(?:al|el)[-\s]?(?=\w{3})")
_VOWELS = frozenset("aeiou")
_DIGRAPH_SECOND = frozenset("hy")


def own_onset(word: str) -> Onset:
    """How an Arabic, Persian or Hebrew word begins, its article aside."""
    bare = _OWN_ARTICLE.sub("", word)
    if not bare:
        return Onset.EITHER
    if bare[0] in _CARRIERS:
        return Onset.VOWEL
    if bare[0] in _SEMIVOWELS:
        return Onset.EITHER
    return Onset.CONSONANT


def latin_onset(word: str) -> Onset:
    """How a word in Latin letters begins, an Arabic article (`al-`, `el`) aside."""
    bare = _LATIN_ARTICLE.sub("", word.casefold())
    letters = [ch for ch in bare if ch.isalpha()]
    if not letters:
        return Onset.EITHER
    first = letters[0]
    if first in _VOWELS:
        return Onset.VOWEL
    if first in "yw":
        return Onset.EITHER
    second = letters[1] if len(letters) > 1 else ""
    if first == "s" and second and second not in _VOWELS and second not in _DIGRAPH_SECOND:
        return Onset.EITHER
    return Onset.CONSONANT


def agree(one: Onset, other: Onset) -> bool:
    """The two onsets can be one name's."""
    return Onset.EITHER in (one, other) or one is other
