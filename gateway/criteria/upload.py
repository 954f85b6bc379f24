"""An uploaded criteria file: the form read, its table decoded, its criteria checked.

Criteria files are small (`max_criteria_bytes`), so the file is held in memory, and read
with the readers of a session's upload: encoding and delimiter detection for CSV, the
zip-bomb checks before a workbook is opened.
"""

from __future__ import annotations

import asyncio
import io
import re
import unicodedata
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from gateway.ingest.capped import HEAD_BYTES
from gateway.ingest.encoding import detect_delimiter, detect_encoding
from gateway.ingest.file_part import open_file_part
from gateway.ingest.records import csv_records, guarded, sheet_records
from gateway.ingest.sniff import Format, check_legacy_workbook, sniff_format
from gateway.ingest.table import clean_cell
from gateway.ingest.workbook_archive import check_workbook_archive
from gateway.openapi.upload_form import CRITERIA_FIELDS, CRITERIA_REPLACE_FIELDS
from shared.criteria.model import CriteriaFile
from shared.criteria.reading import MAX_CRITERIA, check_name, criteria_from_table
from shared.errors import InvalidInput

NAME_FIELD = "name"
# The form's only text field is a name of at most 64 characters.
MAX_FIELD_BYTES = 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_BLANK: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriteriaUpload:
    criteria: CriteriaFile
    source: bytes


@dataclass(frozen=True)
class Table:
    header_row: int
    header: list[str]
    rows: Sequence[Sequence[str]]


def name_from_filename(filename: str) -> str:
    """The file name's stem, reduced to the characters a criteria name may hold."""
    stem = unicodedata.normalize("NFKD", PurePosixPath(filename).stem)
    safe = _UNSAFE.sub("-", stem.encode("ascii", "ignore").decode()).strip("._-")
    safe = safe[:64].strip("._-")
    if not safe:
        raise InvalidInput(
            "invalid_criteria_name",
            "the file name has no letters or digits to name the criteria by; send a `name`",
        )
    return safe


async def read_criteria_upload(
    body: AsyncIterator[bytes],
    content_type: str,
    content_length: int | None,
    limit: int,
    name: str | None = None,
) -> CriteriaUpload:
    """The checked criteria of a `file` part; `name` is the one being replaced, if any."""
    accepted = CRITERIA_FIELDS if name is None else CRITERIA_REPLACE_FIELDS
    part = await open_file_part(
        body, content_type, content_length, limit, MAX_FIELD_BYTES, accepted
    )
    filename = part.filename
    data = b"".join([chunk async for chunk in part.upload.chunks()])
    fmt = sniff_format(data[:HEAD_BYTES])
    chosen = _chosen_name(part.form.fields.get(NAME_FIELD, "").strip(), name, filename)
    table = await asyncio.to_thread(read_table, data, fmt, limit)
    criteria = criteria_from_table(chosen, table.header, table.rows, table.header_row)
    stamped = criteria.model_copy(update={"filename": filename, "uploaded_at": datetime.now(UTC)})
    return CriteriaUpload(stamped, data)


def _chosen_name(sent: str, replacing: str | None, filename: str) -> str:
    if replacing is None:
        return check_name(sent) if sent else name_from_filename(filename)
    if sent and sent != replacing:
        raise InvalidInput(
            "invalid_criteria_name",
            f"a replacement keeps the name {replacing!r}; upload under another name instead",
        )
    return replacing


def _records(data: bytes, fmt: Format, limit: int) -> Iterator[list[Any]]:
    if fmt == "csv":
        # The whole file is at hand: its encoding is told from all of it, not a head.
        encoding = detect_encoding(data)
        delimiter = detect_delimiter(data[:HEAD_BYTES].decode(encoding, errors="ignore"))
        return csv_records(io.BytesIO(data), encoding, delimiter)
    if fmt == "xlsx":
        check_workbook_archive(data, limit)
    else:
        check_legacy_workbook(data)
    _, rows = sheet_records(data, None)
    return guarded(rows)


def read_table(data: bytes, fmt: Format, limit: int) -> Table:
    """The first row with data is the header; the rows under it keep their positions, so
    that an error names the row the user sees. Blocking: run it in a thread."""
    header: list[str] | None = None
    header_row = 0
    rows: list[Sequence[str]] = []
    blanks = filled = 0
    for line, record in enumerate(_records(data, fmt, limit), start=1):
        cells = [clean_cell(value) for value in record]
        if not any(cells):
            blanks += 1
            continue
        if header is None:
            header, header_row, blanks = cells, line, 0
            continue
        rows.extend([_BLANK] * blanks)
        rows.append(cells)
        blanks = 0
        filled += 1
        if filled > MAX_CRITERIA:
            break  # one past the limit, for the reader to refuse with its row
    if header is None:
        raise InvalidInput("empty_file", "the file has no rows with data")
    return Table(header_row, header, rows)
