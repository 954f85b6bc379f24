"""The `file` part of an upload form, opened: its checked name and its bytes, capped."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass

from gateway.ingest.capped import CappedUpload, check_declared_length
from gateway.ingest.form import check_filename
from gateway.ingest.multipart import FormStream


@dataclass(frozen=True)
class FilePart:
    form: FormStream
    filename: str
    upload: CappedUpload


async def open_file_part(
    body: AsyncIterator[bytes],
    content_type: str,
    content_length: int | None,
    limit: int,
    max_field_bytes: int,
    accepted: Collection[str],
) -> FilePart:
    """Read up to the file part's first bytes: its headers come before them, so a form
    without a file, with a field not in `accepted` before the file, or with a bad file
    name, is refused before anything is stored."""
    check_declared_length(content_length, limit)
    form = FormStream(body, content_type, max_field_bytes, accepted)
    chunks = form.file_chunks()
    try:
        first = await anext(chunks)
    except StopAsyncIteration:
        first = b""
    filename = check_filename(form.filename)
    return FilePart(form, filename, CappedUpload(first, chunks, limit))
