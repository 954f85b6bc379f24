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
    head, late_sample = await _sniff_sample(store, limits, manifest)
    checked = _parser(store, limits, manifest, pick, head, late_sample)
    async for _ in checked.jsonl(sheet):
        pass
    if await store.exists(keys.start_marker):
        # Started while the file was read: the planner owns the rows now.
        raise SessionConflict(
            "session_started", "the session was started; columns can only change before"
        )
    parser = _parser(store, limits, manifest, pick, head, late_sample)
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
                    "summary_rows_skipped": stats.summary_rows_skipped,
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


async def _sniff_sample(
    store: ObjectStore, limits: Limits, manifest: SessionManifest
) -> tuple[bytes, bytes | None]:
    """The head of a stored CSV, and the sample that tells Windows encodings apart, taken
    again from the stored bytes as at upload (read once for both parses); a workbook is
    read whole and needs neither."""
    if manifest.input.format != "csv":
        return b"", None
    upload = CappedUpload(b"", store.iter_bytes(manifest.input_key), limits.max_upload_bytes)
    async for _ in upload.chunks():
        pass
    return upload.head, upload.late_sample


def _parser(
    store: ObjectStore,
    limits: Limits,
    manifest: SessionManifest,
    pick: ColumnPick,
    head: bytes,
    late_sample: bytes | None,
) -> UploadParser:
    """A parser over the stored upload, sniffed as it was at upload."""
    fmt, key = manifest.input.format, manifest.input_key
    return UploadParser(store, key, head, fmt, limits, late_sample, pick)
