"""Custom fields of one row. A failure is a note: the row's status and every other field
stay as they were."""

from __future__ import annotations

import structlog

from shared.fields.model import FieldAnswer
from shared.rows import CUSTOM_FIELDS_FAILED
from worker.pipeline.clients.llm import LlmUnavailable
from worker.pipeline.draft import RowDraft
from worker.pipeline.protocol import SessionContext
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.toolkit import Toolkit


async def answer_fields(
    kit: Toolkit,
    session: SessionContext,
    draft: RowDraft,
    pages: list[PageFacts],
    log: structlog.typing.FilteringBoundLogger,
) -> None:
    specs = session.options.custom_fields
    draft.custom_fields = [FieldAnswer(name=spec.name) for spec in specs]
    if not kit.has("fields"):
        draft.note("custom fields skipped: the fields stage is disabled")
        return
    if kit.fields is None:
        draft.note("custom fields skipped: no language model configured")
        return
    if not pages:
        draft.note("custom fields: no page text to answer from")
        return
    try:
        outcome = await kit.fields.answer(draft.row.name, draft.website, specs, pages)
    except LlmUnavailable as error:
        draft.note(f"{CUSTOM_FIELDS_FAILED}{error}")
        draft.outage = True
        return
    except Exception as error:  # an optional step: the row keeps what it found
        log.exception("fields.crashed")
        draft.note(f"{CUSTOM_FIELDS_FAILED}internal error ({type(error).__name__})")
        return
    draft.custom_fields = outcome.answers
    for answer in outcome.answers:
        draft.source(answer.source_url)
    if outcome.dropped:
        draft.note(
            "custom fields: answers without a quote found on the named page were dropped ("
            + ", ".join(outcome.dropped)
            + ")"
        )
