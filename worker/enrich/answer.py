"""One company through the pipeline, as one row of a session would go."""

from __future__ import annotations

import structlog
from structlog.contextvars import bound_contextvars

from shared.enrich import EnrichReply, EnrichRequest
from shared.models import SessionOptions
from shared.rows import InputRow
from worker.dedupe import plan_rows
from worker.pipeline.protocol import Pipeline, SessionContext

log = structlog.get_logger()


def _context_text(request: EnrichRequest) -> str:
    # The country narrows the website search as the user's context would.
    country = f"Country: {request.country.strip()}" if request.country else ""
    parts = [request.context.strip(), country]
    return "\n".join(p for p in parts if p)


async def answer(pipeline: Pipeline, request: EnrichRequest) -> EnrichReply:
    original = {"Company": request.name}
    if request.website:
        original["Website"] = request.website
    if request.country:
        original["Country"] = request.country
    given = InputRow(row=0, name=request.name, website=request.website, original=original)
    [row] = list(plan_rows([given]))
    session = SessionContext(
        tenant=request.tenant,
        session_id=f"enrich-{request.request_id}",
        chunk=0,
        context_text=_context_text(request),
        options=SessionOptions(custom_fields=request.fields),
    )
    with bound_contextvars(session_id=session.session_id):
        chunk = pipeline.open_chunk(session)
        try:
            await chunk.prepare([row])
            [result] = await chunk.finish([await chunk.enrich(row)])
        except Exception as error:  # the caller gets a reason, the worker keeps serving
            log.exception("enrich.failed")
            return EnrichReply(request_id=request.request_id, error=type(error).__name__)
    log.info("enrich.answered", status=result.row_status.value)
    cells = result.model_dump(mode="json", by_alias=True)
    return EnrichReply(request_id=request.request_id, row=cells)
