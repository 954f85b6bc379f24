"""A company against every chosen product: evidence gathered once, one model call per
product, every quote checked on its page, then the product rules."""

from __future__ import annotations

from dataclasses import dataclass, field

import structlog

from shared.criteria.model import Criterion, CriterionResult, ProductResult, Verdict
from shared.criteria.rules import decide
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.qualification.asking import Claim, ask, prompt
from worker.pipeline.stages.qualification.quotes import PageText
from worker.pipeline.stages.qualification.sources import EvidenceFinder, Source, url_key


@dataclass
class Qualification:
    products: list[ProductResult]
    # The URLs of the quotes that were found on their pages.
    sources: list[str] = field(default_factory=list)
    # Claims whose quote was not on the page they named, so they count as no data.
    unverified: int = 0
    # False when criteria wanted a search and no search provider is configured.
    searched: bool = True


class Qualifier:
    def __init__(self, llm: LlmClient, finder: EvidenceFinder, text_limit: int) -> None:
        self._llm = llm
        self._finder = finder
        self._limit = text_limit
        self._log = structlog.get_logger("dossier.pipeline").bind(channel="pipeline")

    async def qualify(
        self,
        company: str,
        website: str,
        domain: str,
        pages: list[PageFacts],
        chosen: list[tuple[str, list[Criterion]]],
        context_text: str,
    ) -> Qualification:
        """Raises SearchUnavailable or LlmUnavailable when a provider is down."""
        every = [c for _, criteria in chosen for c in criteria]
        evidence = await self._finder.gather(company, domain, pages, every)
        outcome = Qualification([], searched=evidence.searched)
        for product, criteria in chosen:
            sources = evidence.for_criteria(criteria)
            user = prompt(company, website, product, criteria, sources, context_text, self._limit)
            claims = await ask(self._llm, user, criteria)
            texts = {url_key(s.url): (s, PageText(s.text)) for s in sources}
            results: dict[str, CriterionResult] = {}
            for criterion in criteria:
                claim = claims.get(criterion.id)
                result = _checked(criterion, claim, texts)
                if claim is not None and claim.verdict is not result.verdict:
                    outcome.unverified += 1
                    self._log.info(
                        "qualification.quote_unverified",
                        product=product,
                        criterion=criterion.id,
                        source_url=claim.source_url,
                    )
                if result.source_url and result.source_url not in outcome.sources:
                    outcome.sources.append(result.source_url)
                results[criterion.id] = result
            outcome.products.append(decide(product, criteria, results))
        return outcome


def _checked(
    criterion: Criterion, claim: Claim | None, texts: dict[str, tuple[Source, PageText]]
) -> CriterionResult:
    """The claim when its quote is on the page it names; otherwise no data: a verdict
    either way needs evidence."""
    no_data = CriterionResult(criterion_id=criterion.id, verdict=Verdict.NO_DATA)
    if claim is None or claim.verdict is Verdict.NO_DATA:
        return no_data
    found = texts.get(url_key(claim.source_url))
    if found is None or not found[1].holds(claim.quote):
        return no_data
    return CriterionResult(
        criterion_id=criterion.id,
        verdict=claim.verdict,
        quote=claim.quote.strip(),
        source_url=found[0].url,
    )
