"""An upload's file bytes, counted against the size limit as they arrive."""

from __future__ import annotations

from collections.abc import AsyncIterator

from shared.errors import InvalidInput

HEAD_BYTES = 64 * 1024
# Room for the form's other fields on top of the file itself.
FORM_OVERHEAD = 1024 * 1024


class CappedUpload:
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


def check_declared_length(content_length: int | None, limit: int) -> None:
    """Refuse a body announced as too large before reading any of it."""
    if content_length is not None and content_length > limit + FORM_OVERHEAD:
        raise InvalidInput(
            "file_too_large", f"the upload is larger than the limit of {limit} bytes", 413
        )
