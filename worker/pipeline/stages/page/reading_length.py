"""How long a text reads, whatever its script.

Length limits on paragraphs and descriptions are set in Latin characters. A Chinese or
Japanese character holds about as much as two or three Latin ones (a word is one or two
characters, against five or six letters and a space), and a Korean syllable block two or
three, so a limit counted in characters would turn away every short Japanese paragraph
that says in 30 characters what English says in 90. Hebrew and Arabic write few of their
vowels: a sentence takes about three letters where English takes four, and a Hebrew
company's one-sentence introduction would fall short of a limit an English one meets.
Ethiopic (Amharic, Tigrinya) writes a syllable, a consonant and its vowel, in one
character, where Latin letters take two.
"""

from __future__ import annotations

import unicodedata

# Latin characters one wide (East Asian Wide or Fullwidth) character counts for.
WIDE = 3
HANGUL = 2.5
ABJAD = 1.35
SYLLABLE = 2


def reading_length(text: str) -> float:
    """The length of `text` in Latin-character equivalents."""
    if text.isascii():
        return float(len(text))
    total = 0.0
    for char in text:
        if char < "\u0590":  # Latin, Greek, Cyrillic, Armenian: one each
            total += 1
        elif char <= "\u08ff":  # Hebrew, Arabic, Syriac, Thaana
            total += ABJAD if char.isalpha() else 1
        elif char < "\u1100":  # Indic, Thai...: one each
            total += 1
        elif "\uac00" <= char <= "\ud7a3":
            total += HANGUL
        elif "\u1200" <= char <= "\u137f" or "\u2d80" <= char <= "\u2ddf":
            total += SYLLABLE if char.isalpha() else 1
        elif "\ufb1d" <= char <= "\ufefc":  # Hebrew and Arabic presentation forms
            total += ABJAD if char.isalpha() else 1
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            total += WIDE
        else:
            total += 1
    return total
