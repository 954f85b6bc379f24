"""Qualification of one row. `Qualification_Status` says what happened; a failure leaves
the row's status and every other field as they were."""

from __future__ import annotations

import structlog

from shared.company_keys import registered_domain
from shared.rows import StepStatus
from worker.pipeline.clients.llm import LlmUnavailable
from worker.pipeline.clients.search.provider import SearchUnavailable
from worker.pipeline.draft import RowDraft
from worker.pipeline.protocol import SessionContext
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.toolkit import Toolkit


async def qualify_row(
    kit: Toolkit,
    session: SessionContext,
    draft: RowDraft,
    pages: list[PageFacts],
    log: structlog.typing.FilteringBoundLogger,
) -> None:
    if not kit.has("qualification"):
        draft.qualification_status = StepStatus.skipped_because("the stage is disabled")
        return
    if session.criteria is None:
        draft.qualification_status = StepStatus.failed("the session's criteria are missing")
        return
    if kit.qualifier is None:
        draft.qualification_status = StepStatus.skipped_because("no language model configured")
        return
    chosen = session.criteria.chosen()
    if not chosen:
        draft.qualification_status = StepStatus.skipped_because("no criteria for the products")
        return
    domain = registered_domain(draft.website) or draft.row.domain or ""
    try:
        outcome = await kit.qualifier.qualify(
            draft.row.name, draft.website, domain, pages, chosen, session.context_text
        )
    except (SearchUnavailable, LlmUnavailable) as error:
        draft.qualification_status = StepStatus.failed(str(error))
        return
    except Exception as error:  # an optional step: the row keeps what it found
        log.exception("qualification.crashed")
        draft.qualification_status = StepStatus.failed(f"internal error ({type(error).__name__})")
        return
    draft.qualification = outcome.products
    draft.qualification_status = StepStatus.OK
    for url in outcome.sources:
        draft.source(url)
    if not outcome.searched:
        draft.note(
            "qualification: no search provider configured, so criteria that search were "
            "checked against the company's own pages only"
        )
    if outcome.unverified:
        draft.note(
            f"qualification: {outcome.unverified} answer(s) quoting text not found on the "
            "named page counted as no data"
        )
