"""One row through the stages; each step records its findings, sources and reasons."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import TypeVar

import structlog

from shared.company_keys import registered_domain
from shared.rows import PlannedRow, RowStatus, StepStatus
from shared.transliteration import unmix
from worker.pipeline.clients.fetch.fetcher import FetchError
from worker.pipeline.clients.hubspot.company_records import Company
from worker.pipeline.clients.llm import LlmUnavailable
from worker.pipeline.clients.search.provider import SearchUnavailable
from worker.pipeline.draft import RowDraft
from worker.pipeline.protocol import SessionContext
from worker.pipeline.row_place import RowPlace, row_place
from worker.pipeline.row_website import find_website
from worker.pipeline.stages import description as describe
from worker.pipeline.stages.deep_search import render
from worker.pipeline.stages.fields.row_step import answer_fields
from worker.pipeline.stages.hubspot.sync import HubSpotSync
from worker.pipeline.stages.linkedin_row import find_linkedin
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts
from worker.pipeline.stages.qualification.row_step import qualify_row
from worker.pipeline.toolkit import Toolkit

_THIN_TEXT = 400
T = TypeVar("T")


class RowFlow:
    def __init__(
        self,
        kit: Toolkit,
        session: SessionContext,
        hubspot: HubSpotSync | None,
        questions: list[str],
        log: structlog.typing.FilteringBoundLogger,
        questions_error: str = "",
    ) -> None:
        self._kit = kit
        self._session = session
        self._hubspot = hubspot
        self._questions = questions
        self._questions_error = questions_error
        self._log = log
        self._place = RowPlace()
        # Result pages deep search read: custom fields may quote them too.
        self._deep_pages: list[PageFacts] = []
        self._down = False

    async def run(self, row: PlannedRow) -> RowDraft:
        plain = unmix(row.name)
        mixed = plain != row.name
        if mixed:
            # A stray look-alike letter of the other script hides the name from searches.
            row = row.model_copy(update={"name": plain})
        draft = RowDraft(row)
        if mixed:
            draft.note(f"the name mixes Latin and Cyrillic letters in a word; read as '{plain}'")
        self._place = row_place(row.facts)
        for note in self._place.ignored:
            draft.note(note)
        # Rows of a finished session: their website is known, only qualification is asked.
        only = self._session.qualify_only
        qualifying = self._session.options.qualification is not None
        asking = qualifying or bool(self._session.options.custom_fields)
        find = find_website(self._kit, self._session, self._place, draft, discover=not only)
        pages, self._down = await self._timed("website", find)
        if draft.stopped:
            # A company whose site is down, for sale, not found or in doubt still may have
            # a LinkedIn page; the search's results must then agree with the row's columns.
            homeless = self._down or draft.status in (RowStatus.NOT_FOUND, RowStatus.NEEDS_REVIEW)
            if homeless and not only and self._kit.has("linkedin"):
                await self._timed("linkedin", self._linkedin(draft, []))
            return draft
        company = None
        if self._hubspot and not only:
            company = await self._timed("hubspot", self._crm_record(draft))
        if pages and self._kit.has("page"):
            # Criteria ask more of a company than a description does: read its About page.
            about = self._about_page(draft, pages[0], always=asking)
            pages += await self._timed("page", about)
        if not only:
            await self._describe(draft, pages, company)
        if qualifying:
            step = qualify_row(self._kit, self._session, draft, pages, self._log)
            await self._timed("qualification", step)
        if self._session.options.custom_fields:
            fields = answer_fields(
                self._kit, self._session, draft, pages + self._deep_pages, self._log
            )
            await self._timed("fields", fields)
        return draft

    async def _describe(
        self, draft: RowDraft, pages: list[PageFacts], company: Company | None
    ) -> None:
        if self._kit.has("linkedin"):
            await self._timed("linkedin", self._linkedin(draft, pages))
        await self._timed("description", self._description(draft, pages, company))
        if self._session.options.run_llm_deep_search_pipeline:
            if self._kit.has("deep_search"):
                await self._timed("deep_search", self._deep_search(draft, pages))
            else:
                draft.note("deep search skipped: the deep_search stage is disabled")
                draft.deep_search_status = StepStatus.SKIPPED

    async def _timed(self, stage: str, step: Awaitable[T]) -> T:
        """The step, its time recorded as the stage's; a stage switched off records nothing,
        so its histogram shows only real work."""
        started = time.monotonic()
        try:
            return await step
        finally:
            if self._kit.has(stage):
                self._kit.metrics.stage_finished(stage, time.monotonic() - started)

    async def _crm_record(self, draft: RowDraft) -> Company | None:
        hubspot = self._hubspot
        if hubspot is None:
            return None
        given = draft.row.domain or ""
        if given and hubspot.lookup_error:
            draft.hubspot_status = StepStatus.failed(f"look-up failed ({hubspot.lookup_error})")
            return None
        website = registered_domain(draft.website) or ""
        company, error = await hubspot.company_for_row(given, website)
        if error:
            found = f"the website {website}" if given else "the found website"
            draft.hubspot_status = StepStatus.failed(f"look-up of {found} failed ({error})")
            return None
        if company is None:
            draft.hubspot_status = StepStatus.NOT_FOUND
            return None
        draft.hubspot_company_id = await hubspot.record_url(company)
        draft.hubspot_status = StepStatus.OK
        return company

    async def _about_page(
        self, draft: RowDraft, home: PageFacts, always: bool = False
    ) -> list[PageFacts]:
        """The About page, only when the row needs more than the homepage gives (or
        `always`)."""
        if not home.about_url or self._kit.fetcher is None:
            return []
        if not always and not self._needs_about(home):
            return []
        try:
            page = await self._kit.fetcher.fetch(home.about_url)
        except FetchError as error:
            if error.kind in ("robots", "blocked"):
                draft.note(f"about page not fetched: {error.reason}")
            else:
                draft.note(f"about page unreachable ({error.reason})")
            return []
        return [extract_facts(page.url, page.text, page.content_type)]

    def _needs_about(self, home: PageFacts) -> bool:
        """An extractive description needs one usable text, which the homepage may give; a
        language model writes from the text, and a homepage that says little gives it too
        little."""
        if not self._kit.has("description"):
            return False
        if describe.extractive([home]) is None:
            return True
        return self._kit.llm is not None and len(home.main_text) < _THIN_TEXT

    async def _linkedin(self, draft: RowDraft, pages: list[PageFacts]) -> None:
        await find_linkedin(self._kit, draft, pages, self._place.query_terms())

    async def _description(
        self, draft: RowDraft, pages: list[PageFacts], company: Company | None
    ) -> None:
        reuse = self._hubspot is not None and self._session.options.use_hubspot_integration
        fresh = self._hubspot.fresh_description(company) if self._hubspot and reuse else None
        if fresh:
            draft.description, draft.description_source = fresh, "hubspot"
            draft.hubspot_status = StepStatus.REUSED
            draft.source(draft.hubspot_company_id)
            return
        if not self._kit.has("description"):
            return
        if not pages:
            draft.note("no website text to describe the company from")
            return
        result = None
        llm = self._kit.llm
        if llm is not None:
            try:
                result = await describe.from_llm(
                    llm,
                    draft.row.name,
                    pages,
                    self._session.context_text,
                    self._kit.settings.llm_max_input_chars,
                    about=self._place.describe(),
                )
                if result is None:
                    draft.note("the language model found too little text; extractive used")
            except LlmUnavailable as error:
                draft.note(f"{error}; extractive description used")
                draft.outage = True
        result = result or describe.extractive(pages)
        if result is None:
            draft.note("the website has no description text")
            return
        draft.description, draft.description_source = result.text, result.source
        # The model read every page; an extractive text comes from exactly one.
        for url in [page.url for page in pages] if result.source == "llm" else [result.url]:
            draft.source(url)

    async def _deep_search(self, draft: RowDraft, pages: list[PageFacts]) -> None:
        deep = self._kit.deep_search
        if deep is None:
            draft.note("deep search needs a language model and a search provider")
            draft.deep_search_status = StepStatus.SKIPPED
            return
        if self._questions_error:
            draft.deep_search_status = StepStatus.failed(self._questions_error)
            draft.outage = True
            return
        if not self._questions:
            # Deep search answers the context's questions: without a context there are none,
            # which the user should be told in those words rather than as a finding.
            no_context = not self._session.context_text.strip()
            draft.note(
                "deep search: no research context was given, so there is nothing to ask"
                if no_context
                else "deep search: the context implies no questions"
            )
            draft.deep_search_status = StepStatus.SKIPPED
            return
        try:
            answers, skipped, self._deep_pages = await deep.answer(
                draft.row.name,
                self._questions,
                pages[0] if pages else None,
                about=self._place.describe(),
                where=self._place.query_terms(),
            )
        except (SearchUnavailable, LlmUnavailable) as error:
            # An optional step: the row keeps its status and everything found so far.
            draft.deep_search_status = StepStatus.failed(str(error))
            draft.outage = True
            return
        draft.deep_search = render(answers)
        draft.deep_search_status = StepStatus.OK
        for note in skipped:
            draft.note(f"deep search: {note}")
        for answer in answers:
            for url in answer.sources:
                draft.source(url)
