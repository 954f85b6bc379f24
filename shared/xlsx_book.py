"""The results workbook from rows of cells already laid out: no row models needed.

`shared.exports.XlsxExport` turns rows into cells and hands them here; a session's
finalization hands the rows' markup, rendered when each chunk was stored or a few chunks
ahead (worker/chunk_exports.py), to `append_markup`.

The results sheet's rows go as markup to a temporary file (shared/xlsx_rows.py) and are
spliced into the sheet openpyxl saves with the header only; the evidence sheet, small, is
openpyxl's own. Entries are deflated at `COMPRESS_LEVEL`: level 1 compresses a large
sheet about 4x faster than zlib's default level 6, for about 1.4x the bytes
(bench/xlsx_writers.py).
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from openpyxl import Workbook

from shared.xlsx_rows import SheetRows, splice_rows

EVIDENCE_SHEET = "Qualification"
COMPRESS_LEVEL = 1
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_COPY_BLOCK = 1024 * 1024
_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


class XlsxBook:
    """A write-only workbook: a results sheet under `header`, and an evidence sheet when
    `evidence_header` is given. Rows stream to temporary files, not to memory."""

    def __init__(
        self,
        header: Sequence[str],
        evidence_header: Sequence[str] | None = None,
        created: datetime | None = None,
    ) -> None:
        self._book = Workbook(write_only=True)
        self._stamp: str | None = None
        if created is not None:
            # Fixed document dates keep two writers of the same session byte-identical.
            naive = created.astimezone(UTC).replace(tzinfo=None, microsecond=0)
            self._book.properties.created = naive
            self._stamp = naive.isoformat() + "Z"
        self._sheet = self._book.create_sheet("Results")
        self._sheet.append(list(header))
        # Data rows are written as markup to a file of their own, spliced in on save.
        self._rows_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by save)
        self._rows = SheetRows(self._rows_file)
        self._evidence = None
        if evidence_header is not None:
            self._evidence = self._book.create_sheet(EVIDENCE_SHEET)
            self._evidence.append(list(evidence_header))

    def append(
        self, rows: Iterable[Sequence[object]], evidence: Iterable[Sequence[object]] = ()
    ) -> None:
        """Results rows (cells in column order), and evidence lines for the second sheet."""
        self._rows.append(rows)
        self.append_evidence(evidence)

    def append_markup(self, markup: bytes, evidence: Iterable[Sequence[object]] = ()) -> None:
        """Results rows already written as markup (`shared.xlsx_rows.sheet_markup`)."""
        self._rows.append_markup(markup)
        self.append_evidence(evidence)

    def append_evidence(self, evidence: Iterable[Sequence[object]]) -> None:
        if self._evidence is not None:
            for line in evidence:
                self._evidence.append(list(line))

    def save(self, path: Path) -> None:
        raw = path.with_suffix(".raw.xlsx")
        self._book.save(raw)
        try:
            stabilise_zip(raw, path, self._stamp, {self._sheet.path.lstrip("/"): self._rows_file})
        finally:
            self._rows_file.close()
        raw.unlink()

    def discard(self) -> None:
        """Ends an unfinished workbook. Saved aside, then dropped: openpyxl's write-only
        sheets, left unsaved, try to end their markup when collected, on closed files."""
        self._rows_file.close()
        with tempfile.TemporaryDirectory(prefix="dossier-discarded-") as folder:
            self._book.save(Path(folder) / "discarded.xlsx")


def stabilise_zip(
    source: Path,
    target: Path,
    modified: str | None = None,
    sheet_rows: Mapping[str, IO[bytes]] | None = None,
) -> None:
    """Copy a zip with fixed entry times (and, for a workbook, a fixed `modified` date,
    which openpyxl sets to the clock on save), so equal content gives equal bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # `ZipFile(compresslevel=)` applies only to entries zipfile names itself.
            entry._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
            entry.external_attr = info.external_attr
            rows = (sheet_rows or {}).get(info.filename)
            if rows is not None:
                sheet = old.read(info)
                entry.file_size = len(sheet) + rows.seek(0, io.SEEK_END) + 64
                with new.open(entry, "w") as copy:
                    splice_rows(sheet, rows, copy)
                continue
            if modified is not None and info.filename == _CORE_PROPERTIES:
                data = _MODIFIED.sub(rb"\g<1>" + modified.encode() + rb"\g<2>", old.read(info))
                new.writestr(entry, data)
                continue
            # Copied in blocks: a million-row sheet is hundreds of megabytes of XML. The
            # size, known in advance, lets zipfile choose ZIP64 as `writestr` would.
            entry.file_size = info.file_size
            with old.open(info) as part, new.open(entry, "w") as copy:
                shutil.copyfileobj(part, copy, _COPY_BLOCK)
