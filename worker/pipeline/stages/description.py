"""The company description: grounded LLM summary, or the best extractive text on the site."""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.page.reading_length import reading_length

MAX_EXTRACTIVE = 600
_ERRORISH = re.compile(
    r"(\b404\b|not found|access denied|forbidden|just a moment|enable javascript|"
    r"checking your browser|an error occurred|internal server error|service unavailable|"
    r"page (cannot|can't) be (found|displayed)|cookies? (policy|settings|consent)|"
    r"(we|this (web)?site) (uses?|stores?) cookies|cookies are used|"
    r"(web)?site (was )?(designed|built|created|made) (with|on|using) |website builder|"
    r"create your (own )?(free )?website)",
    re.IGNORECASE,
)

SCHEMA = {
    "type": "object",
    "properties": {
        "description": {"type": "string"},
        "enough_information": {"type": "boolean"},
    },
    "required": ["description", "enough_information"],
    "additionalProperties": False,
}
SYSTEM = (
    "You write concise, factual company descriptions (2-3 sentences, under 80 words) for "
    "sales researchers. Use ONLY facts stated in the provided website text; never add "
    "outside knowledge or guesses. Where the research context names aspects of interest, "
    "mention what the text says about them. If the text does not say what the company "
    "does, set enough_information to false and leave description empty."
)


@dataclass(frozen=True)
class Description:
    text: str
    source: str  # jsonld, opengraph, meta, page_text, llm, hubspot
    url: str


def looks_like_error(text: str) -> bool:
    return reading_length(text) < 25 or bool(_ERRORISH.search(text[:300]))


def _trim(text: str) -> str:
    if len(text) <= MAX_EXTRACTIVE:
        return text
    cut = text[:MAX_EXTRACTIVE]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > 200 else cut.rstrip() + "…"


def extractive(pages: list[PageFacts]) -> Description | None:
    """JSON-LD > OpenGraph > meta > first substantial paragraph, over the pages in order."""
    for source in ("jsonld", "opengraph", "meta", "page_text"):
        for facts in pages:
            candidates = {
                "jsonld": [facts.organization.description if facts.organization else ""],
                "opengraph": [facts.og_description],
                "meta": [facts.meta_description],
                "page_text": list(facts.paragraphs),
            }[source]
            for text in candidates:
                if text and not looks_like_error(text):
                    return Description(_trim(text), source, facts.url)
    return None


def grounding_text(pages: list[PageFacts], limit: int) -> str:
    parts: list[str] = []
    for facts in pages:
        org = facts.organization
        parts.append(
            "\n".join(
                line
                for line in (
                    f"URL: {facts.url}",
                    f"Title: {facts.title}",
                    f"JSON-LD description: {org.description}" if org and org.description else "",
                    f"OpenGraph description: {facts.og_description}"
                    if facts.og_description
                    else "",
                    f"Meta description: {facts.meta_description}" if facts.meta_description else "",
                    f"Text: {facts.main_text}",
                )
                if line
            )
        )
    return "\n\n".join(parts)[:limit]


async def from_llm(
    llm: LlmClient,
    name: str,
    pages: list[PageFacts],
    context_text: str,
    limit: int,
    about: str = "",
) -> Description | None:
    """None when the text says too little; raises LlmUnavailable on outages. `about` is
    what the row's own columns say (place, industry)."""
    user = (
        f"Company: {name}\n"
        + (f"From the user's list: {about}\n" if about else "")
        + f"Research context: {context_text.strip() or '(none)'}\n\n"
        f"Website text:\n{grounding_text(pages, limit)}"
    )
    answer = await llm.structured(SYSTEM, user, "company_description", SCHEMA)
    text = str(answer.get("description", "")).strip()
    if not answer.get("enough_information") or not text or looks_like_error(text):
        return None
    return Description(text, "llm", pages[0].url)
