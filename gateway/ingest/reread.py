"""Reading a stored upload again with other name/website columns or another sheet, before
the session starts.

The file is parsed once to check the choice (an unknown column or sheet, a sheet without
names) without writing anything, then again into `rows.jsonl`, and the manifest is
replaced last: a refused choice leaves the session exactly as it was.
"""

from __future__ import annotations

import structlog

from gateway.errors import SessionConflict
from gateway.ingest.capped import CappedUpload
from gateway.ingest.column_pick import ColumnPick
from gateway.ingest.parse import UploadParser
from gateway.settings import Limits
from shared.errors import InvalidInput
from shared.layout import SessionKeys
from shared.models import SessionManifest
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


async def reread_upload(
    store: ObjectStore,
    limits: Limits,
    keys: SessionKeys,
    manifest: SessionManifest,
    pick: ColumnPick,
    sheet: str | None,
) -> SessionManifest:
    summary = manifest.input
    if sheet is not None and summary.format == "csv":
        raise InvalidInput("sheet_not_found", "a CSV file has no sheets to choose from")
    sheet = sheet if sheet is not None else summary.sheet
    checked = await _parser(store, limits, manifest, pick)
    async for _ in checked.jsonl(sheet):
        pass
    if await store.exists(keys.start_marker):
        # Started while the file was read: the planner owns the rows now.
        raise SessionConflict(
            "session_started", "the session was started; columns can only change before"
        )
    parser = await _parser(store, limits, manifest, pick)
    await store.put_stream(keys.rows, parser.jsonl(sheet), "application/x-ndjson")
    stats, source = parser.table.stats, parser.source
    updated = manifest.model_copy(
        update={
            "input": summary.model_copy(
                update={
                    "sheet": source.sheet,
                    "sheets": source.sheets or summary.sheets,
                    "has_header": stats.has_header,
                    "columns": stats.columns,
                    "name_column": stats.name_column,
                    "website_column": stats.website_column,
                    "rows": stats.rows,
                    "blank_rows_skipped": stats.blank_rows_skipped,
                    "duplicate_domains": stats.duplicate_domains,
                    "fact_columns": stats.fact_columns,
                }
            )
        }
    )
    await store.put_model(keys.manifest, updated)
    log.info(
        "session.columns_changed",
        session_id=keys.session_id,
        sheet=source.sheet,
        name_column=stats.name_column,
        website_column=stats.website_column,
        rows=stats.rows,
    )
    return updated


async def _parser(
    store: ObjectStore, limits: Limits, manifest: SessionManifest, pick: ColumnPick
) -> UploadParser:
    """A parser over the stored upload, sniffed as it was at upload: its head, and the
    sample that tells Windows encodings apart, are taken again from the stored bytes."""
    fmt, key = manifest.input.format, manifest.input_key
    if fmt != "csv":  # a workbook is read whole; only text needs its encoding sniffed
        return UploadParser(store, key, b"", fmt, limits, None, pick)
    upload = CappedUpload(b"", store.iter_bytes(key), limits.max_upload_bytes)
    async for _ in upload.chunks():
        pass
    return UploadParser(store, key, upload.head, fmt, limits, upload.late_sample, pick)
