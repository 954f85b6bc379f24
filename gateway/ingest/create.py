"""Creating a session from an upload: every object is written, or none is.

Order: the upload (streamed), the parsed rows, the context, and the manifest last; the
manifest's presence is the session's existence, so a failure at any step deletes the
session's prefix and leaves nothing half-made behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import structlog

from gateway.ingest.form import check_filename, parse_context, parse_options
from gateway.ingest.multipart import FormStream
from gateway.ingest.parse import UploadParser
from gateway.ingest.sniff import sniff_format
from gateway.settings import GatewaySettings
from shared.errors import InvalidInput
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.models import InputSummary, SessionManifest
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()
HEAD_BYTES = 64 * 1024
# Room for the form's other fields on top of the file itself.
FORM_OVERHEAD = 1024 * 1024


class _CappedUpload:
    """Counts the file's bytes, keeps its head for sniffing, and stops at the size limit."""

    def __init__(self, first: bytes, rest: AsyncIterator[bytes], limit: int) -> None:
        self._first, self._rest, self._limit = first, rest, limit
        self.head = b""
        self.size = 0
        # Text after an all-ASCII head, from where the first non-ASCII byte appears: the
        # head alone cannot tell UTF-8 from Windows-1251 when it is plain English.
        self.late_sample: bytes | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        if self._first:
            yield self._take(self._first)
        async for chunk in self._rest:
            yield self._take(chunk)

    def _take(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.size > self._limit:
            raise InvalidInput(
                "file_too_large", f"the file is larger than the limit of {self._limit} bytes", 413
            )
        rest = chunk
        if len(self.head) < HEAD_BYTES:
            taken = HEAD_BYTES - len(self.head)
            self.head += chunk[:taken]
            rest = chunk[taken:]
        if rest and self.late_sample is None and self.head.isascii() and not rest.isascii():
            first = next(i for i, byte in enumerate(rest) if byte >= 0x80)
            # Everything before `first` is ASCII, so any earlier offset is a character start.
            start = max(0, first - 1024)
            self.late_sample = rest[start : start + HEAD_BYTES]
        return chunk


async def create_session(
    store: ObjectStore,
    settings: GatewaySettings,
    tenant: str,
    body: AsyncIterator[bytes],
    content_type: str,
    content_length: int | None,
) -> SessionManifest:
    limits = settings.limits
    if content_length is not None and content_length > limits.max_upload_bytes + FORM_OVERHEAD:
        raise InvalidInput(
            "file_too_large",
            f"the upload is larger than the limit of {limits.max_upload_bytes} bytes",
            413,
        )
    form = FormStream(body, content_type, max_field_bytes=limits.max_context_chars * 4 + 1024)
    file_chunks = form.file_chunks()
    try:
        first = await anext(file_chunks)
    except StopAsyncIteration:
        first = b""
    filename = check_filename(form.filename)
    keys = SessionKeys(tenant, new_session_id())
    with structlog.contextvars.bound_contextvars(session_id=keys.session_id):
        try:
            return await _store_session(store, settings, keys, form, filename, first, file_chunks)
        except BaseException:
            await asyncio.shield(_forget(store, keys))
            raise


async def _store_session(
    store: ObjectStore,
    settings: GatewaySettings,
    keys: SessionKeys,
    form: FormStream,
    filename: str,
    first: bytes,
    rest: AsyncIterator[bytes],
) -> SessionManifest:
    limits = settings.limits
    upload = _CappedUpload(first, rest, limits.max_upload_bytes)
    input_key = keys.input_file(filename)
    await store.put_stream(input_key, upload.chunks())
    fmt = sniff_format(upload.head)
    options = parse_options(form.fields, settings.capabilities())
    context = parse_context(form.fields, limits)
    parser = UploadParser(store, input_key, upload.head, fmt, limits, upload.late_sample)
    sheet = form.fields.get("sheet", "").strip() or None
    await store.put_stream(keys.rows, parser.jsonl(sheet), "application/x-ndjson")
    await store.put_bytes(keys.context, context.encode(), "text/plain; charset=utf-8")
    stats, source = parser.table.stats, parser.source
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
            encoding=source.encoding,
            delimiter=source.delimiter,
            has_header=stats.has_header,
            columns=stats.columns,
            name_column=stats.name_column,
            website_column=stats.website_column,
            rows=stats.rows,
            blank_rows_skipped=stats.blank_rows_skipped,
            duplicate_domains=stats.duplicate_domains,
        ),
        input_key=input_key,
    )
    await store.put_model(keys.manifest, manifest)
    log.info("session.created", rows=stats.rows, format=fmt, size_bytes=upload.size)
    return manifest


async def _forget(store: ObjectStore, keys: SessionKeys) -> None:
    try:
        await store.delete_prefix(keys.prefix)
    except Exception as exc:  # the original error is the one to report
        log.warning("session.cleanup_failed", error=repr(exc))
