"""CPU of writing a session's final files (CSV, JSON, XLSX) from its stored result lines,
next to the same files written through each row's model, in the same run; then what
rendering a chunk's rows when the chunk is stored costs (worker/chunk_exports.py).

No services: the chunks' result lines sit in the in-memory store, the files go to a
temporary folder. The baseline decodes every stored line into a `ResultRow` and fills
duplicates from the models (as finalization did before); the other path is what the
finalizer runs now (`merged_stored_rows`). Both with distinct domains and with every row
the same domain (each later row a duplicate of the first). Best of `--rounds`, CPU time.

    .venv/bin/python bench/finalize_rows.py [--rows 200000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.export_layout import ExportLayout, ExportRow
from shared.layout import SessionKeys
from shared.results import decode_results, fill_duplicates, merged_stored_rows
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from shared.xlsx_book import XlsxBook
from worker.checkpoint import encode_results, rendered_chunk
from worker.chunk_exports import RowRenderer

KEYS = SessionKeys("bench", "2" * 32)
COLUMNS = ["Company", "Website", "City", "Ref"]
CHUNK = 200
AT = datetime(2026, 1, 1, tzinfo=UTC)


def result(n: int, same: bool) -> ResultRow:
    site = "https://www.northwind.com" if same else f"https://www.northwind-{n:07d}.com"
    original = {"Company": f"Northwind Trading {n:07d} Ltd", "Website": site}
    original |= {"City": "Springfield", "Ref": str(n)}
    duplicate = same and n > 0
    return ResultRow(
        row=n,
        original=original,
        company_name=original["Company"],
        official_website=site,
        timestamp="2026-01-01T00:00:00+00:00",
        row_status=RowStatus.DUPLICATE if duplicate else RowStatus.OK,
        duplicate_of=0 if duplicate else None,
        last_attempt_at="2026-01-01T00:00:00+00:00",
    )


async def stored(rows: int, same: bool) -> tuple[MemoryStore, int]:
    store = MemoryStore()
    chunks = (rows + CHUNK - 1) // CHUNK
    for chunk in range(chunks):
        batch = [result(n, same) for n in range(chunk * CHUNK, min(rows, (chunk + 1) * CHUNK))]
        await store.put_bytes(KEYS.chunk_results(chunk), encode_results(batch), "text/plain")
    return store, chunks


class LocalFiles:
    """The three files of finalization in this process, to local paths: the CPU of the
    rows' encoding and the workbook together (finalization runs the workbook apart)."""

    def __init__(self, paths: dict[str, Path], layout: ExportLayout, created: datetime) -> None:
        self._paths = paths
        self._renderer = RowRenderer(layout)
        self._csv = paths["csv"].open("wb")
        self._json = paths["json"].open("wb")
        self._json_empty = True
        csv_head, json_head = self._renderer.headers()
        self._csv.write(csv_head)
        self._json.write(json_head)
        self._book = XlsxBook(list(layout.columns), None, created)

    def write(self, rows: Sequence[ExportRow]) -> None:
        rendered = self._renderer.render(rows)
        self._csv.write(rendered.csv)
        if rendered.json:
            self._json.write(rendered.json if self._json_empty else b"," + rendered.json)
            self._json_empty = False
        self._book.append_markup(rendered.sheet, rendered.evidence)

    def close(self) -> None:
        self._json.write(self._renderer.json_footer())
        self._csv.close()
        self._json.close()
        self._book.save(self._paths["xlsx"])


async def through_models(store: MemoryStore, chunks: int, files: LocalFiles) -> None:
    firsts: dict[int, ResultRow] = {}
    for chunk in range(chunks):
        rows = decode_results(await store.get_bytes(KEYS.chunk_results(chunk)))
        firsts.update((row.row, row) for row in rows if row.row == 0)
        files.write(fill_duplicates(rows, firsts))


async def from_lines(store: MemoryStore, chunks: int, files: LocalFiles) -> None:
    batch: list[ExportRow]
    async for batch in merged_stored_rows(store, KEYS, chunks):  # type: ignore[assignment]
        files.write(batch)


async def best_cpu(
    rounds: int, store: MemoryStore, chunks: int, work: Callable[..., Awaitable[None]]
) -> float:
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            paths = {fmt: Path(folder) / f"results.{fmt}" for fmt in ("csv", "json", "xlsx")}
            began = time.process_time()
            files = LocalFiles(paths, ExportLayout(COLUMNS), AT)
            await work(store, chunks, files)
            files.close()
            times.append(time.process_time() - began)
    return min(times)


async def main(args: argparse.Namespace) -> int:
    print(f"{args.rows} rows, chunks of {CHUNK}, best of {args.rounds}, CPU seconds")
    print(f"{'input':<22}{'models (baseline)':>18}{'stored lines':>14}{'x baseline':>12}")
    for name, same in (("distinct domains", False), ("one domain", True)):
        store, chunks = await stored(args.rows, same)
        base = await best_cpu(args.rounds, store, chunks, through_models)
        ours = await best_cpu(args.rounds, store, chunks, from_lines)
        print(f"{name:<22}{base:>18.2f}{ours:>14.2f}{ours / base:>12.2f}")
    await rendering_cost(args.rows, args.rounds)
    return 0


async def rendering_cost(rows: int, rounds: int) -> None:
    """What a worker adds to storing each chunk: its rows rendered for the final files
    and deflated (worker/chunk_exports.py), and the bytes stored for it."""
    store, chunks = await stored(rows, False)
    stored_lines = [await store.get_bytes(KEYS.chunk_results(n)) for n in range(chunks)]
    layout = ExportLayout(COLUMNS)
    times, size = [], 0
    for _ in range(rounds):
        began = time.process_time()
        size = sum(len(rendered_chunk(data, [], layout, "a") or b"") for data in stored_lines)
        times.append(time.process_time() - began)
    results = sum(map(len, stored_lines))
    print(
        f"rendering when a chunk is stored: {min(times) / rows * 1e6:.1f} us CPU a row; "
        f"{size / chunks / 1024:.1f} KiB stored a chunk of {CHUNK} rows "
        f"(its results: {results / chunks / 1024:.1f} KiB)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=2)
    sys.exit(asyncio.run(main(parser.parse_args())))
