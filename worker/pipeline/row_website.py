"""A row's website: the given one checked, or one searched for when missing or dead."""

from __future__ import annotations

from shared.company_keys import registered_domain
from shared.rows import RowStatus
from worker.pipeline.clients.search.provider import SearchUnavailable
from worker.pipeline.confidence.verdict import Score, review_entry
from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.draft import RowDraft
from worker.pipeline.protocol import SessionContext
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.website_search import Candidate
from worker.pipeline.stages.normalize import website_url
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.website import WebsiteOutcome
from worker.pipeline.toolkit import Toolkit


async def find_website(
    kit: Toolkit, session: SessionContext, place: RowPlace, draft: RowDraft, discover: bool
) -> tuple[list[PageFacts], bool]:
    """The pages read of the row's website, and whether the site is down (or parked)."""
    step = _WebsiteStep(kit, session, place)
    pages = await step.run(draft, discover)
    return pages, step.down


class _WebsiteStep:
    def __init__(self, kit: Toolkit, session: SessionContext, place: RowPlace) -> None:
        self._kit = kit
        self._session = session
        self._place = place
        self.down = False

    async def run(self, draft: RowDraft, discover: bool) -> list[PageFacts]:
        """The website checked; with `discover`, searched for when missing or dead."""
        row, kit = draft.row, self._kit
        given = website_url(row.website)
        if not kit.has("website"):
            draft.website = given or ""
            if kit.stages != {"normalize"}:
                draft.note("website not checked (stage disabled)")
            return []
        if given and not row.domain:
            draft.note(f"'{row.website}' is not a web address; looked for the website instead")
            given = None
        if given and kit.validator is not None:
            check = await kit.validator.check(given, row.name)
            if check.outcome is WebsiteOutcome.BLOCKED:
                draft.website, draft.website_source = given, WebsiteSource.GIVEN
                draft.fail(RowStatus.BLOCKED_URL, check.reason)
                return []
            if check.outcome is WebsiteOutcome.DISALLOWED:
                unread = website_score(row.name, None, WebsiteSource.GIVEN)
                draft.found_website(check.url, WebsiteSource.GIVEN, unread.confidence)
                draft.note(check.reason)
                return []
            if check.outcome is WebsiteOutcome.REVIEW and check.score is not None:
                draft.for_review(review_entry("website", check.url, check.score), check.reason)
                return []
            if check.outcome is WebsiteOutcome.DEAD_URL:
                # A parked domain is nobody's website.
                draft.website = "" if check.parked else given
                draft.website_source = "" if check.parked else WebsiteSource.GIVEN
                self.down = check.down or check.parked
                rediscover = discover and kit.settings.rediscover_dead_websites
                if kit.discovery is not None and rediscover:
                    return await self._replace_dead(draft, given, check.reason)
                draft.fail(RowStatus.DEAD_URL, check.reason)
                return []
            confidence = check.score.confidence if check.score else None
            draft.found_website(check.url, check.source, confidence or 0.0)
            draft.source(check.url)
            if check.outcome is WebsiteOutcome.REDIRECTED:
                draft.note(check.reason)
            return [check.facts] if check.facts and kit.has("page") else []
        if not discover:
            draft.fail(RowStatus.NOT_FOUND, "no website given")
            return []
        if kit.discovery is None:
            draft.fail(RowStatus.NOT_FOUND, "no website given and no search provider configured")
            return []
        try:
            found = await kit.discovery.discover(row.name, self._session.context_text, self._place)
        except SearchUnavailable as error:
            draft.fail(RowStatus.FAILED, str(error))
            return []
        for note in found.skipped:
            draft.note(note)
        if found.review is not None:
            self._review_candidate(draft, found.review, found.reason)
            return []
        if found.best is None:
            draft.fail(RowStatus.NOT_FOUND, found.reason)
            return []
        return self._found_by_search(draft, found.best, WebsiteSource.SEARCH)

    async def _replace_dead(self, draft: RowDraft, given: str, reason: str) -> list[PageFacts]:
        """Companies move and rebrand: a dead given website starts a search for the current one."""
        assert self._kit.discovery is not None
        try:
            found = await self._kit.discovery.discover(
                draft.row.name,
                self._session.context_text,
                self._place,
                old_domain=draft.row.domain or "",
            )
        except SearchUnavailable as error:
            draft.fail(RowStatus.DEAD_URL, reason)
            draft.note(f"no other website looked for: {error}")
            return []
        for note in found.skipped:
            draft.note(note)
        best = found.best
        if found.review is not None and registered_domain(found.review.url) != draft.row.domain:
            draft.website = ""
            draft.note(f"the given website {given} is dead ({reason})")
            self._review_candidate(draft, found.review, found.reason)
            return []
        if best is None or registered_domain(best.url) == draft.row.domain:
            draft.fail(RowStatus.DEAD_URL, reason)
            draft.note(f"no other website found by search: {found.reason or 'the same site'}")
            return []
        draft.note(f"the given website {given} is dead ({reason})")
        return self._found_by_search(draft, best, WebsiteSource.REDISCOVERED)

    def _review_candidate(self, draft: RowDraft, candidate: Candidate, reason: str) -> None:
        score = Score(candidate.confidence, (candidate.evidence,))
        draft.for_review(review_entry("website", candidate.url, score), reason)

    def _found_by_search(
        self, draft: RowDraft, best: Candidate, source: WebsiteSource
    ) -> list[PageFacts]:
        draft.found_website(best.url, source, best.confidence)
        draft.source(best.url)
        draft.note(f"website found by search: {best.evidence}")
        return [best.facts] if best.facts and self._kit.has("page") else []
