"""A company's custom fields: one model call over its pages, each value typed and kept
only when its quote is found on the page it names."""

from __future__ import annotations

from dataclasses import dataclass, field

import structlog

from shared.fields.model import FieldAnswer, FieldSpec
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.stages.fields.asking import FieldClaim, ask
from worker.pipeline.stages.fields.values import typed
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.qualification.quotes import PageText
from worker.pipeline.stages.qualification.sources import Source, page_text, url_key


@dataclass
class FieldOutcome:
    answers: list[FieldAnswer]
    # Values dropped because their quote was not on the page named, or was not of the type.
    dropped: list[str] = field(default_factory=list)


class FieldAnswerer:
    def __init__(self, llm: LlmClient, text_limit: int, max_pages: int) -> None:
        self._llm = llm
        self._limit = text_limit
        self._max_pages = max_pages
        self._log = structlog.get_logger("dossier.pipeline").bind(channel="pipeline")

    def sources(self, pages: list[PageFacts]) -> list[Source]:
        unique: dict[str, Source] = {}
        for facts in pages:
            text = page_text(facts)
            if text:
                unique.setdefault(url_key(facts.url), Source(facts.url, text))
        return list(unique.values())[: self._max_pages]

    async def answer(
        self, company: str, website: str, specs: list[FieldSpec], pages: list[PageFacts]
    ) -> FieldOutcome:
        """Raises LlmUnavailable when the model cannot answer."""
        sources = self.sources(pages)
        if not sources:
            return FieldOutcome([FieldAnswer(name=s.name) for s in specs])
        claims = await ask(self._llm, company, website, specs, sources, self._limit)
        texts = {url_key(s.url): (s, PageText(s.text)) for s in sources}
        outcome = FieldOutcome([])
        for spec in specs:
            claim = claims.get(spec.name)
            answer = _checked(spec, claim, texts)
            if claim is not None and answer.value is None:
                outcome.dropped.append(spec.name)
                self._log.info(
                    "fields.answer_dropped", field=spec.name, source_url=claim.source_url
                )
            outcome.answers.append(answer)
        return outcome


def _checked(
    spec: FieldSpec, claim: FieldClaim | None, texts: dict[str, tuple[Source, PageText]]
) -> FieldAnswer:
    """The claim when its value has the field's type and its quote is on the page it
    names; otherwise no value: an answer needs evidence."""
    empty = FieldAnswer(name=spec.name)
    if claim is None:
        return empty
    value = typed(spec, claim.value)
    found = texts.get(url_key(claim.source_url))
    if value is None or found is None or not found[1].holds(claim.quote):
        return empty
    return FieldAnswer(
        name=spec.name,
        value=value,
        quote=claim.quote.strip(),
        source_url=found[0].url,
        confidence=claim.confidence,
    )
