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
import unicodedata
from enum import StrEnum

# A name whose brand cannot begin as the other's does matches at most this: below the
# line at which a candidate is even held for review.
APART = 0.6


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


def latin_onset(word: str, article: bool = True) -> Onset:
    """How a word in Latin letters begins; with `article`, an Arabic article (`al-`, `el`,
    `Alborz` for `البرز`) aside (a Hebrew name has none: `Elbit`, `אלביט`)."""
    bare = _LATIN_ARTICLE.sub("", word.casefold()) if article else word.casefold()
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


# The first sound of a Latin spelling, by classes Latin renderings of other scripts
# spell either way: voiced and voiceless stops (`Dacheng`, Tacheng), `r` and `l`
# (Korean), the affricates and sibilants pinyin, Wade-Giles and the Indic
# transliterations spell apart (`Qingdao`, Tsingtao, Ching). Letters that are often
# written or left out, or read two ways, say nothing: `h` (which Belarusian and
# Ukrainian `г` is too), `y`, `w`, `c` (a `k` or an `s`), and `ch`, `kh`, `gh`, which some
# spellings write as `h`.
_FIRST_CLASSES = {
    **dict.fromkeys("pbfv", "p"),
    **dict.fromkeys("td", "t"),
    **dict.fromkeys("kgq", "k"),
    **dict.fromkeys("szjx", "s"),
    **dict.fromkeys("rl", "r"),
    "m": "m",
    "n": "n",
}
_SILENT_PAIRS = ("ch", "kh", "gh")
_SAY_NOTHING = frozenset("hywc")


def first_sound(word: str) -> str | None:
    """The class of a Latin word's first sound: `v` for a vowel, a consonant class, or
    None when its spellings vary too much to tell."""
    bare = unicodedata.normalize("NFKD", word.casefold())
    letters = "".join(ch for ch in bare if ch.isalpha())
    if not letters or not letters[0].isascii():
        return None  # a letter of its own (`Østervang`, `Łódź`), read many ways
    letters = "".join(ch for ch in letters if ch.isascii())
    if letters.startswith(_SILENT_PAIRS) or letters[0] in _SAY_NOTHING:
        return None
    if letters[0] in _VOWELS:
        return "v"
    return _FIRST_CLASSES.get(letters[0])


def same_first_sound(one: str, other: str) -> bool:
    """Two Latin spellings can begin with one sound (`Armada` cannot be `Narmada`, nor
    `Koka` `Oka`)."""
    a, b = first_sound(one), first_sound(other)
    return a is None or b is None or a == b
