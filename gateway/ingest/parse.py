"""Parsing a stored upload into rows, in a worker thread, streaming the rows back out."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

from gateway.ingest.bridge import AsyncByteReader, iterate_in_thread
from gateway.ingest.column_pick import ColumnPick
from gateway.ingest.encoding import detect_delimiter, detect_encoding
from gateway.ingest.records import csv_records, guarded, sheet_names, sheet_records
from gateway.ingest.sniff import Format, check_legacy_workbook
from gateway.ingest.table import TableReader
from gateway.ingest.workbook_archive import check_workbook_archive
from gateway.settings import Limits
from shared.storage.protocol import ObjectStore

# Rows parsed per trip to the parsing thread: each trip costs the event loop a wake-up.
LINES_PER_HOP = 1000


@dataclass
class SourceInfo:
    format: Format
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)


class UploadParser:
    """Yields rows.jsonl bytes; `table.stats` and `source` hold the summary afterwards."""

    def __init__(
        self,
        store: ObjectStore,
        key: str,
        head: bytes,
        fmt: Format,
        limits: Limits,
        late_sample: bytes | None = None,
        pick: ColumnPick | None = None,
    ) -> None:
        self._store = store
        self._key = key
        self._head = head
        self._late_sample = late_sample
        self._limits = limits
        self.source = SourceInfo(fmt)
        self.table = TableReader(limits.max_rows, limits.max_cell_chars, pick)

    def csv_encoding(self) -> str:
        """The CSV's encoding as its head and late sample tell it (both may still grow while
        the upload arrives: a parse begun early compares this with its own afterwards)."""
        encoding = detect_encoding(self._head)
        if encoding == "utf-8" and self._late_sample:
            later = detect_encoding(self._late_sample)
            encoding = later if later in ("cp1251", "cp1252") else encoding
        return encoding

    async def jsonl(
        self, sheet: str | None, arriving: AsyncIterator[bytes] | None = None
    ) -> AsyncIterator[bytes]:
        """`arriving`: the CSV's bytes as they arrive, instead of the stored object."""
        if self.source.format == "csv":
            chunks = arriving if arriving is not None else self._store.iter_bytes(self._key)
            reader = AsyncByteReader(chunks, asyncio.get_running_loop())
            try:
                records = self._csv(reader)
                blocks = self.table.jsonl_blocks(records, LINES_PER_HOP)
                async for batch in iterate_in_thread(blocks, 1):
                    yield batch[0]
            finally:
                await reader.aclose()
            return
        data = await self._store.get_bytes(self._key)
        if self.source.format == "xlsx":
            await asyncio.to_thread(check_workbook_archive, data, self._limits.max_upload_bytes)
        else:
            await asyncio.to_thread(check_legacy_workbook, data)
        name, rows = await asyncio.to_thread(sheet_records, data, sheet)
        self.source.sheet = name
        self.source.sheets = await asyncio.to_thread(sheet_names, data)
        blocks = self.table.jsonl_blocks(guarded(rows), LINES_PER_HOP)
        async for batch in iterate_in_thread(blocks, 1):
            yield batch[0]

    def _csv(self, reader: AsyncByteReader) -> Iterator[list[str]]:
        encoding = self.csv_encoding()
        delimiter = detect_delimiter(self._head.decode(encoding, errors="ignore"))
        self.source.encoding, self.source.delimiter = encoding, delimiter
        return csv_records(io.BufferedReader(reader), encoding, delimiter)
