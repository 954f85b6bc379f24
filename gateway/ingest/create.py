"""Creating a session from an upload: every object is written, or none is.

Order: the upload (streamed), the parsed rows, the context, the criteria snapshot when the
session qualifies, and the manifest last; the manifest's presence is the session's
existence, so a failure at any step deletes the session's prefix and leaves nothing
half-made behind.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import structlog

from gateway.criteria.choice import qualification_from_form
from gateway.criteria.library import CriteriaLibrary
from gateway.fields.form import fields_from_form
from gateway.fields.library import FieldSetLibrary
from gateway.ingest.capped import HEAD_BYTES
from gateway.ingest.file_part import FilePart, open_file_part
from gateway.ingest.form import parse_context, parse_options
from gateway.ingest.parse import UploadParser
from gateway.ingest.sniff import sniff_format
from gateway.ingest.tee import Tee
from gateway.ingest.whole import written_whole
from gateway.openapi.upload_form import CREATE_FIELDS
from gateway.settings import GatewaySettings
from gateway.webhooks.config import WebhookSettingsStore
from gateway.webhooks.form import session_webhook, webhook_from_form
from shared.errors import InvalidInput
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.models import InputSummary, SessionManifest
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


async def create_session(
    store: ObjectStore,
    settings: GatewaySettings,
    tenant: str,
    body: AsyncIterator[bytes],
    content_type: str,
    content_length: int | None,
) -> SessionManifest:
    limits = settings.limits
    part = await open_file_part(
        body,
        content_type,
        content_length,
        limits.max_upload_bytes,
        max_field_bytes=limits.max_context_chars * 4 + 1024,
        accepted=CREATE_FIELDS,
    )
    keys = SessionKeys(tenant, new_session_id())
    return await written_whole(store, keys, lambda: _store_session(store, settings, keys, part))


async def _store_session(
    store: ObjectStore,
    settings: GatewaySettings,
    keys: SessionKeys,
    part: FilePart,
) -> SessionManifest:
    limits = settings.limits
    form, filename, upload = part.form, part.filename, part.upload
    input_key = keys.input_file(filename)
    tee = Tee(upload.chunks())
    await tee.prime(lambda: len(upload.head) >= HEAD_BYTES)
    fmt = sniff_format(upload.head)
    early, early_error = None, None
    if fmt == "csv":
        # Rows are parsed while the file arrives, not after it is stored.
        early = UploadParser(store, input_key, upload.head, fmt, limits, upload.late_sample)
        early_error = await _store_and_parse(store, input_key, keys.rows, tee, early)
    else:
        tee.without_branch()
        await store.put_stream(input_key, tee.chunks())
    capabilities = settings.capabilities()
    options = parse_options(form.fields, capabilities)
    library = CriteriaLibrary(store, keys.tenant)
    qualification = await qualification_from_form(library, form.fields, capabilities)
    custom_fields = await fields_from_form(
        form.fields, FieldSetLibrary(store, keys.tenant), capabilities
    )
    if custom_fields:
        options = options.model_copy(update={"custom_fields": custom_fields})
    webhook = webhook_from_form(form.fields, settings.fetch_allow_private_networks)
    context = parse_context(form.fields, limits)
    parser = UploadParser(store, input_key, upload.head, fmt, limits, upload.late_sample)
    sheet = form.fields.get("sheet", "").strip() or None
    if sheet is not None and fmt == "csv":
        raise InvalidInput("sheet_not_found", "a CSV file has no sheets to choose from")
    if early is not None and early.source.encoding == parser.csv_encoding():
        if early_error is not None:
            raise early_error
        parser = early
    else:
        # A workbook; or a CSV whose first non-ASCII bytes, past its head, turned out to be
        # Windows-1251/1252 after the early parse read them as UTF-8: read the stored file.
        await store.put_stream(keys.rows, parser.jsonl(sheet), "application/x-ndjson")
    await store.put_bytes(keys.context, context.encode(), "text/plain; charset=utf-8")
    if qualification is not None:
        await store.put_model(keys.criteria, qualification.snapshot)
        options = options.model_copy(update={"qualification": qualification.options})
    stats, source = parser.table.stats, parser.source
    # Last before the manifest: a refused upload leaves the tenant's settings as they were.
    webhook = await session_webhook(webhook, WebhookSettingsStore(store, keys.tenant))
    if webhook is not None:
        options = options.model_copy(update={"webhook_url": webhook})
    manifest = SessionManifest(
        session_id=keys.session_id,
        tenant=keys.tenant,
        created_at=datetime.now(UTC),
        options=options,
        context_chars=len(context),
        input=InputSummary(
            filename=filename,
            format=source.format,
            size_bytes=upload.size,
            sheet=source.sheet,
            sheets=source.sheets,
            encoding=source.encoding,
            delimiter=source.delimiter,
            has_header=stats.has_header,
            columns=stats.columns,
            name_column=stats.name_column,
            website_column=stats.website_column,
            rows=stats.rows,
            blank_rows_skipped=stats.blank_rows_skipped,
            summary_rows_skipped=stats.summary_rows_skipped,
            duplicate_domains=stats.duplicate_domains,
            fact_columns=stats.fact_columns,
        ),
        input_key=input_key,
    )
    await store.put_model(keys.manifest, manifest)
    log.info("session.created", rows=stats.rows, format=fmt, size_bytes=upload.size)
    return manifest


async def _store_and_parse(
    store: ObjectStore, input_key: str, rows_key: str, tee: Tee, parser: UploadParser
) -> InvalidInput | None:
    """The upload stored and its rows written at once. An upload that fails (too large, cut
    off) raises; a file refused by the parse is returned, for the caller to report in its
    turn once it knows the whole file's encoding (the parse's may have been the wrong one)."""
    parsing = asyncio.ensure_future(
        store.put_stream(rows_key, parser.jsonl(None, tee.branch()), "application/x-ndjson")
    )
    try:
        await store.put_stream(input_key, tee.chunks())
    except BaseException:
        parsing.cancel()
        with contextlib.suppress(BaseException):
            await parsing
        raise
    try:
        await parsing
    except InvalidInput as exc:
        return exc
    return None
