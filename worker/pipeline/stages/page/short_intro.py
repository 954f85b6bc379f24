"""A small site's one-sentence introduction: shorter than a paragraph is expected to be,
and still the best description the site gives of its owner.

"HMT i Göteborg har sedan 1988 arbetat med marinteknik och service." is 66 characters: a
description, where a line of 66 characters on a larger site is more often a caption, an
address or a slogan. Such a sentence is read only when a page has no full paragraph.

A sentence that names the site's own name (its title, its site name) introduces its owner
whatever its length: "1994 жылы құрылған Ақмола Ұн (Шымкент) бидай ұнын тартады." is 57
characters on a site titled `Ақмола Ұн`, and says who it is, when and what it does. Such a
sentence needs only MIN_NAMED_INTRO."""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.pipeline.stages.page.reading_length import reading_length

MIN_INTRO = 60  # in Latin-character equivalents; a paragraph needs MIN_PARAGRAPH
MIN_NAMED_INTRO = 40  # a sentence naming the site's own name
# Full stops and marks of the scripts: Latin, CJK, Devanagari and Bengali (।), Armenian
# (։), Arabic (؟, ۔ in Urdu), Ethiopic (።), Burmese (။), Khmer (។ ៕).
_SENTENCE_END = tuple(".!?。！？।։؟۔።။។៕")
_MIN_WORDS = 6  # in scripts that space their words
_NOT_INTRO = re.compile(
    r"©|\(c\)|copyright|all rights|rights reserved|cookie|javascript|alle rechte"
    r"|tous droits|todos los derechos|tutti i diritti|wszelkie prawa|все права",
    re.IGNORECASE,
)


def is_intro(text: str, names: Sequence[str] = ()) -> bool:
    """Whether a short block of text reads as a sentence about the company: long enough,
    ended as a sentence ends, made of words rather than numbers, and not a footer line.
    `names`: the site's own names; a sentence naming one may be shorter."""
    folded = text.casefold()
    named = any(name.casefold() in folded for name in names)
    least = MIN_NAMED_INTRO if named else MIN_INTRO
    if not text.endswith(_SENTENCE_END) or reading_length(text) < least:
        return False
    if " " in text and len(text.split()) < _MIN_WORDS:
        return False
    if sum(char.isdigit() for char in text) * 6 > len(text):
        return False  # an address, a phone number, opening hours
    return not _NOT_INTRO.search(text)
