"""One chunk of one session going through the stages."""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import AbstractContextManager

import structlog
from structlog.contextvars import bound_contextvars

from shared.rows import PlannedRow, ResultRow, RowStatus, StepStatus
from worker.pipeline.clients.llm import LlmUnavailable
from worker.pipeline.draft import RowDraft
from worker.pipeline.protocol import SessionContext
from worker.pipeline.row_flow import RowFlow
from worker.pipeline.stages.hubspot.sync import HubSpotSync
from worker.pipeline.toolkit import Toolkit

_FAILED = StepStatus.failed("")


class ChunkEnrichment:
    def __init__(self, kit: Toolkit, session: SessionContext) -> None:
        self._kit = kit
        self._session = session
        bound = {"session_id": session.session_id, "chunk": session.chunk}
        self._log = structlog.get_logger("dossier.pipeline").bind(channel="pipeline", **bound)
        self._hubspot_log = structlog.get_logger("dossier.hubspot").bind(channel="hubspot", **bound)
        self._hubspot: HubSpotSync | None = None
        self._hubspot_note = ""
        self._questions: list[str] = []
        self._questions_error = ""

    @property
    def _wants_hubspot(self) -> bool:
        options = self._session.options
        if self._session.qualify_only:
            return options.write_to_hubspot
        return options.use_hubspot_integration or options.write_to_hubspot

    def _context(self, **extra: int) -> AbstractContextManager[None]:
        """Session and chunk on every line, including those of the shared provider clients."""
        session = self._session
        return bound_contextvars(session_id=session.session_id, chunk=session.chunk, **extra)

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        with self._context():
            await self._prepare(rows, answered)

    async def _prepare(self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow]) -> None:
        kit = self._kit
        only = self._session.qualify_only
        if self._wants_hubspot:
            # Qualify-only and cached rows are not looked up: the write-back searches their
            # domains, the given one among them.
            firsts = [r for r in rows if r.duplicate_of is None]
            looked_up, unsearched = ([], [*firsts, *answered]) if only else (firsts, answered)
            await self._prepare_hubspot(looked_up, unsearched)
        asked = self._session.options.run_llm_deep_search_pipeline
        deep = asked and kit.has("deep_search") and not only
        if deep and kit.deep_search is not None:
            await self._prepare_questions()
        self._log.info("pipeline.chunk.prepared", rows=len(rows), questions=len(self._questions))

    async def _prepare_hubspot(
        self, rows: Sequence[PlannedRow], unsearched: Sequence[PlannedRow]
    ) -> None:
        kit = self._kit
        if not kit.has("hubspot"):
            self._hubspot_note = "HubSpot skipped: the hubspot stage is disabled"
            return
        if kit.hubspot is None or kit.hubspot_links is None:
            self._hubspot_note = "HubSpot is not configured on this deployment"
            return
        self._hubspot = HubSpotSync(
            kit.hubspot,
            kit.hubspot_links,
            kit.settings.hubspot_freshness_days,
            kit.settings.write_properties(),
            kit.hubspot_created,
            self._hubspot_log,
            ledger=self._session.created,
            qualification_property=kit.settings.hubspot_qualification_property
            if self._session.options.qualification is not None
            else "",
        )
        await self._hubspot.lookup(rows, unsearched)

    async def _prepare_questions(self) -> None:
        assert self._kit.deep_search is not None
        cached = self._kit.questions.get(self._session.session_id)
        if cached is not None:
            self._questions = cached
            return
        try:
            self._questions = await self._kit.deep_search.questions(self._session.context_text)
        except LlmUnavailable as error:
            self._questions_error = f"no questions from the context: {error}"
            return
        self._kit.questions.put(self._session.session_id, self._questions)

    async def enrich(self, row: PlannedRow) -> ResultRow:
        with self._context(row=row.row):
            return await self._enrich(row)

    async def _enrich(self, row: PlannedRow) -> ResultRow:
        log = self._log.bind(row=row.row)
        started = time.monotonic()
        flow = RowFlow(
            self._kit, self._session, self._hubspot, self._questions, log, self._questions_error
        )
        try:
            draft = await flow.run(row)
        except Exception as error:  # one broken row must never fail the chunk
            log.exception("pipeline.row.crashed")
            draft = RowDraft(row)
            draft.fail(RowStatus.FAILED, f"internal error while enriching ({type(error).__name__})")
        # Asked for, but not run for this row (it stopped early, or nothing to run it with).
        if self._session.options.run_llm_deep_search_pipeline and not draft.deep_search_status:
            draft.deep_search_status = StepStatus.SKIPPED
        if self._wants_hubspot and not draft.hubspot_status:
            draft.hubspot_status = StepStatus.SKIPPED
        if self._session.options.qualification is not None and not draft.qualification_status:
            why = f"no website to qualify ({draft.status.value})"
            draft.qualification_status = StepStatus.skipped_because(why)
        draft.note(self._hubspot_note)
        if self._kit.stages == {"normalize"}:
            draft.note("normalized only: no network stage enabled")
        # Failed rows also belong in the session's error log; dead or unfound websites do not.
        emit = log.warning if draft.status is RowStatus.FAILED else log.info
        emit(
            "pipeline.row.enriched",
            status=draft.status.value,
            website=draft.website,
            description_source=draft.description_source,
            error=draft.error,
            ms=round((time.monotonic() - started) * 1000),
        )
        # An optional step that failed leaves the row `ok`, but the errors log is where a
        # user looks for what went wrong (a model or search outage, a HubSpot look-up).
        steps = (
            ("deep_search", draft.deep_search_status),
            ("hubspot", draft.hubspot_status),
            ("qualification", draft.qualification_status),
        )
        for step, status in steps:
            if status.startswith(_FAILED):
                log.warning("pipeline.row.step_failed", step=step, reason=status[len(_FAILED) :])
        return draft.result()

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        with self._context():
            return await self._finish(results)

    async def _finish(self, results: list[ResultRow]) -> list[ResultRow]:
        if self._hubspot is None or not self._session.options.write_to_hubspot:
            return results
        try:
            written = await self._hubspot.write(results)
        except Exception as error:  # a failed write-back must not lose the chunk's rows
            self._hubspot_log.exception("hubspot.write.crashed")
            failed = StepStatus.failed(f"write-back failed ({type(error).__name__})")
            return [
                r.model_copy(update={"hubspot_status": failed})
                if r.row_status is RowStatus.OK
                else r
                for r in results
            ]
        self._hubspot_log.info("hubspot.chunk.written", rows=len(written))
        return written
