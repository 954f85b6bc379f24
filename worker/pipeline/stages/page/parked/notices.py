"""Sale, lease and lapse notices in any of the major languages, by their plain words: a
word for the domain and, close to it, a word of selling or of expiry; or a registrar's
expiry notice by the words only such notices use. The precise phrases of `wording` come
first; these are what a page is read for when none of them is there."""

from __future__ import annotations

from worker.pipeline.stages.page.parked import lexicon
from worker.pipeline.stages.page.parked.wording import Words

NOUNS = Words(*lexicon.DOMAIN_NOUNS)
# Most pages are in ASCII: the nouns in other scripts are not looked for on them.
ASCII_NOUNS = Words(*(noun for noun in lexicon.DOMAIN_NOUNS if noun.isascii()))
SALE = lexicon.SALE_TERMS
LAPSE = lexicon.LAPSE_TERMS
LIFECYCLE = lexicon.LIFECYCLE_TERMS
# Landers say it in their first sentences and say little else: the notices are read in the
# first characters of pages of few words, a few mentions of the domain are enough, and the
# words of one sentence lie within these many characters of it.
NOTICE_TEXT = 1_500
NOTICE_WORDS = 300
_NOUNS_READ = 6
_BEFORE, _AFTER = 60, 100


def first_of(terms: tuple[str, ...], text: str) -> str | None:
    """The first of `terms` (lower-case substrings) that `text` holds."""
    return next((term for term in terms if term in text), None)


def around(text: str, start: int, end: int) -> str:
    """The words of the sentence around `text[start:end]`."""
    return text[max(0, start - _BEFORE) : end + _AFTER]


def windows(text: str) -> list[str]:
    """The text around the first mentions of a word for the domain."""
    nouns = ASCII_NOUNS if text.isascii() else NOUNS
    return [around(text, s, e) for s, e in nouns.spans(text, _NOUNS_READ)]


def said_of_domain(terms: tuple[str, ...], around: list[str]) -> tuple[str, str, str] | None:
    """(the word for the domain, the term, the text around them) of the first mention of
    the domain (`around`, from `windows`) with one of `terms` close to it."""
    for window in around:
        found = first_of(terms, window)
        if found is not None:
            noun = first_of(NOUNS.words, window) or "its own name"
            return noun, found, window
    return None


def lifecycle(text: str) -> list[str]:
    """The distinct expiry and renewal words of a registrar's notice that `text` holds."""
    return [term for term in LIFECYCLE if term in text]
