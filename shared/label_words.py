"""A domain label written without hyphens split into the words of a name's reading.

A Hebrew or Arabic name has no reading with its vowels (`אופק מערכות` reads `ofk
mrchot`), so no search can spell it; the domain the company chose spells it with them
(`ofekmaarachot.co.il`), but as one word. Aligned with the reading word by word, by
consonants (the letters both write), the label gives the name as the company spells it
in Latin letters (`ofek maarachot`), which its LinkedIn page most likely uses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from shared import other_scripts
from shared.transliteration import plain_letters

_MAX_WORDS = 4
# Each word of the split must be this like its reading, and the words together more so.
_WORD_FLOOR = 0.6
_MEAN_FLOOR = 0.8
_ARTICLE = re.compile(r"^(al|el)(?=[a-z]{3})")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def _alike(part: str, word: str) -> float:
    """A part of the label against one word of the reading: by consonants, or by letters
    for a word the reading has in English (`tourism`)."""
    bones_part, bones_word = other_scripts.consonants(part), other_scripts.consonants(word)
    if not bones_part or not bones_word:
        return 0.0
    return max(fuzz.ratio(bones_part, bones_word), fuzz.ratio(part, word)) / 100


def _best_split(label: str, words: list[str]) -> tuple[float, list[str]]:
    best: tuple[int, float, float, list[str]] = (0, 0.0, 0.0, [])
    for cuts in itertools.combinations(range(1, len(label)), len(words) - 1):
        bounds = (0, *cuts, len(label))
        parts = [label[a:b] for a, b in itertools.pairwise(bounds)]
        scores = [_alike(part, word) for part, word in zip(parts, words, strict=True)]
        if min(scores) < _WORD_FLOOR:
            continue
        mean = sum(scores) / len(scores)
        # A part that is a word of the reading letter for letter (a trade read in English,
        # `logistics`) places its boundary for sure: `ayeyarwady|logistics`, not
        # `ayeyarwad|ylogistics`, though a `y` between consonants counts as no consonant.
        exact = sum(part == word for part, word in zip(parts, words, strict=True))
        # Splits alike by consonants (`margan|etourism`, `margane|tourism`): the one
        # whose letters are likest the reading's.
        letters = sum(fuzz.ratio(p, w) for p, w in zip(parts, words, strict=True))
        if (exact, mean, letters) > best[:3]:
            best = (exact, mean, letters, parts)
    return best[1], best[3]


def label_words(own: str, label: str, spellings: Sequence[str] | None = None) -> str:
    """The label's words as the reading of `own` (a name in an abjad or other script)
    divides it (`ofekmaarachot` -> `ofek maarachot`); empty when the label does not spell
    a reading of the name word for word, or already has its hyphens. `spellings`: the
    name's Latin spellings to align with instead of its readings (a Latin or Cyrillic
    name: `tengerlogistics` as `tenger logistics` for Tenger Lojistik)."""
    label = label.lower()
    if "-" in label or not label.isascii() or not label.isalpha():
        return ""
    article = ""
    if other_scripts.script_of(own) is other_scripts.Script.ARABIC and own.strip().startswith("ال"):
        found = _ARTICLE.match(label)
        if found:
            article, label = found.group(1), label[found.end() :]
    best: tuple[float, list[str]] = (0.0, [])
    for reading in other_scripts.readings(own) if spellings is None else spellings:
        words = (
            other_scripts.latin_key(reading)
            if spellings is None
            else " ".join(_LATIN_WORD.findall(plain_letters(reading)))
        ).split()
        if not 2 <= len(words) <= _MAX_WORDS or len(words) > len(label) // 2:
            continue
        best = max(best, _best_split(label, words), key=lambda pair: pair[0])
    if best[0] < _MEAN_FLOOR:
        return ""
    return " ".join(filter(None, [article, *best[1]]))
