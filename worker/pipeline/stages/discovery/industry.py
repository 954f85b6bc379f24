"""Does a candidate website belong to a company of the row's industry?

A CRM's industry column is written in English labels ("Accounting", "Facilities
Services", "Interior Design"); the company's site says what it does in its own words and
language ("bokföring och deklarationer", "commercial cleaning"). Each known industry is a
list of lower-case word stems in the major languages, schema.org business types included;
a label the list does not know is matched by its own words. Two namesakes of one city are
often told apart by nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.pipeline.stages.discovery.industry_words import INDUSTRIES
from worker.pipeline.stages.page.page_facts import PageFacts

# Words of a label that say nothing of what a company does.
_GENERIC = frozenset(
    {"services", "service", "industry", "industries", "products", "production", "and", "the"}
    | {"manufacturing", "management", "solutions", "company", "other", "general", "design"}
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_PUNCTUATION = re.compile(r"[^\w\s-]")
# The page read for the industry: what it says first says what it does.
_TEXT = 4_000
_TOO_LITTLE = 40  # characters: a page that says less cannot tell
AGREES, DIFFERS = 0.05, 0.15


@dataclass(frozen=True)
class IndustryEvidence:
    verdict: int = 0  # 1 the page speaks of the row's industry, -1 it does not, 0 unknown
    score: float = 0.0
    detail: str = ""


def _known_stems(label: str) -> tuple[str, ...]:
    """What a page of the industry `label` says, when `label` names a known industry."""
    return tuple(
        stem
        for marks, stems in INDUSTRIES
        if any(mark in label for mark in marks)
        for stem in stems
    )


def _own_stems(label: str) -> tuple[str, ...]:
    """The label's own words, for an industry the list may not know."""
    return tuple(word[:6] for word in _WORD.findall(label) if word not in _GENERIC)


def industry_evidence(industry: str, facts: PageFacts) -> IndustryEvidence:
    """How far the page agrees with the row's industry cell."""
    label = " ".join(_PUNCTUATION.sub(" ", industry.casefold()).split())
    known = _known_stems(f" {label} ") if label else ()
    stems = known + _own_stems(label)
    if not stems:
        return IndustryEvidence()
    org = facts.organization
    parts = [facts.title, facts.meta_description, facts.og_description, facts.main_text[:_TEXT]]
    if org is not None:
        parts += [org.type, org.description]
    text = " ".join(parts).casefold()
    if len(text) < _TOO_LITTLE:
        return IndustryEvidence()  # too little said to tell
    found = next((stem for stem in stems if stem in text), None)
    if found is not None:
        return IndustryEvidence(1, AGREES, f"industry agrees ('{found}')")
    if not known and not _reads_english(text):
        # A label known only by its own English words cannot be missed on a page in
        # another language (`cría de abejas` for Beekeeping): that says nothing.
        return IndustryEvidence()
    return IndustryEvidence(-1, -DIFFERS, f"industry differs (no word of '{industry}')")


# Words nearly every English text has, and few texts in other languages do.
_ENGLISH = frozenset(
    {"the", "and", "of", "for", "with", "our", "we", "to", "in", "is", "are", "from", "since"}
)
_LATIN_WORD = re.compile(r"[a-z]+")


def _reads_english(text: str) -> bool:
    words = _LATIN_WORD.findall(text)
    common = sum(word in _ENGLISH for word in words)
    return common >= 2 and common >= 0.05 * len(words)
