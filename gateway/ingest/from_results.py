"""A new session whose input is a completed session's results, to qualify its companies.

Each result row (duplicates filled, review decisions applied) becomes an input row: the
name from `Company_Name`, the website from `Official_Website`, the user's own columns kept.
The objects are an upload's, written in the same order with the manifest last; the input
file is the results CSV, and the context is the finished session's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import structlog

from gateway.criteria.choice import Qualification
from gateway.downloads import results_file
from gateway.ingest.whole import written_whole
from gateway.results_source import all_rows
from gateway.review.decision import ReviewDecision, with_decisions
from gateway.review.storage import read_decisions
from shared.company_keys import registered_domain
from shared.errors import InvalidInput, NotFound
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.models import InputSummary, SessionManifest, SessionOptions
from shared.rows import InputRow, ResultRow
from shared.rows_format import RowsHeader, given_line
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


class _RowsFromResults:
    """Input rows.jsonl (format 3, each row's name and website given before its cells)
    from result batches; counts rows and repeated domains as it goes."""

    def __init__(self, columns: list[str]) -> None:
        self.rows = 0
        self.duplicate_domains = 0
        self._domains: set[str] = set()
        self._columns = columns

    async def jsonl(self, batches: AsyncIterator[list[ResultRow]]) -> AsyncIterator[bytes]:
        yield RowsHeader(list(self._columns), name=None).line()
        async for batch in batches:
            if batch:
                yield b"".join(self._line(result) for result in batch)

    def _line(self, result: ResultRow) -> bytes:
        website = result.official_website or None
        domain = registered_domain(website)
        if domain is not None:
            if domain in self._domains:
                self.duplicate_domains += 1
            self._domains.add(domain)
        row = InputRow(
            row=self.rows, name=result.company_name, website=website, original=result.original
        )
        self.rows += 1
        return given_line(row, self._columns)


async def session_from_results(
    store: ObjectStore,
    source: SessionState,
    source_keys: SessionKeys,
    qualification: Qualification,
    webhook_url: str | None = None,
) -> SessionManifest:
    keys = SessionKeys(source_keys.tenant, new_session_id())
    return await written_whole(
        store,
        keys,
        lambda: _store_session(store, source, source_keys, keys, qualification, webhook_url),
    )


async def _store_session(
    store: ObjectStore,
    source: SessionState,
    source_keys: SessionKeys,
    keys: SessionKeys,
    qualification: Qualification,
    webhook_url: str | None,
) -> SessionManifest:
    filename = f"results-{source_keys.session_id}.csv"
    input_key = keys.input_file(filename)
    csv = results_file(store, source_keys, source, "csv")
    size = await store.put_stream(input_key, csv, "text/csv; charset=utf-8")
    rows = _RowsFromResults(source.manifest.input.columns)
    batches = _as_decided(all_rows(store, source_keys), await read_decisions(store, source_keys))
    await store.put_stream(keys.rows, rows.jsonl(batches), "application/x-ndjson")
    if rows.rows == 0:
        raise InvalidInput("no_rows", "the session has no result rows to qualify")
    context = await _context(store, source_keys)
    await store.put_bytes(keys.context, context.encode(), "text/plain; charset=utf-8")
    await store.put_model(keys.criteria, qualification.snapshot)
    manifest = SessionManifest(
        session_id=keys.session_id,
        tenant=keys.tenant,
        created_at=datetime.now(UTC),
        options=SessionOptions(qualification=qualification.options, webhook_url=webhook_url),
        context_chars=len(context),
        input=InputSummary(
            filename=filename,
            format="csv",
            size_bytes=size,
            encoding="utf-8-sig",
            delimiter=",",
            has_header=True,
            # The user's columns; the result columns come back as results of this session.
            columns=source.manifest.input.columns,
            name_column="Company_Name",
            website_column="Official_Website",
            rows=rows.rows,
            duplicate_domains=rows.duplicate_domains,
        ),
        input_key=input_key,
    )
    await store.put_model(keys.manifest, manifest)
    log.info("session.created", rows=rows.rows, qualifies=source_keys.session_id, size_bytes=size)
    return manifest


async def _as_decided(
    batches: AsyncIterator[list[ResultRow]], decisions: dict[int, ReviewDecision]
) -> AsyncIterator[list[ResultRow]]:
    # A website a person accepted is the company's; one they rejected is not: the rows
    # to qualify are those the user sees in the results, not the pipeline's raw ones.
    async for batch in batches:
        yield with_decisions(batch, decisions)


async def _context(store: ObjectStore, keys: SessionKeys) -> str:
    try:
        return (await store.get_bytes(keys.context)).decode()
    except NotFound:
        return ""
