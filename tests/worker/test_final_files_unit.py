"""The final files' moving parts: an object streamed while it is written holds at most a
few blocks and surfaces a failed upload instead of waiting on it; the files hold every
chunk in order."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from shared.errors import Retryable
from shared.export_layout import ExportLayout, neutralise
from shared.layout import SessionKeys
from shared.rows import ResultRow
from shared.storage.memory import MemoryStore
from worker.checkpoint import encode_results
from worker.final_files import ResultFiles
from worker.final_render import PROCESS_ROWS, RenderProcessError
from worker.object_stream import ObjectStream

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "4" * 32)
CREATED = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)


class GatedStore(MemoryStore):
    """Takes a streamed object's blocks only while `flowing` is set; counts them."""

    def __init__(self, fail_after: int | None = None) -> None:
        super().__init__()
        self.flowing = asyncio.Event()
        self.taken = 0
        self._fail_after = fail_after

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str = "application/x"
    ) -> int:
        data = []
        async for chunk in chunks:
            self.taken += 1
            if self._fail_after is not None and self.taken > self._fail_after:
                raise Retryable("storage went away")
            data.append(chunk)
            await self.flowing.wait()
        await self.put_bytes(key, b"".join(data), content_type)
        return sum(map(len, data))


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_streamed_object_waits_for_the_storage_with_at_most_depth_blocks_queued() -> None:
    store = GatedStore()
    stream = ObjectStream(store, "k", "text/plain", block=4, depth=2)
    writes = asyncio.ensure_future(_write_all(stream, [b"abcd"] * 10))
    await settle()
    # One block taken by the storage, `depth` waiting: the writer waits for the rest.
    assert store.taken == 1
    assert not writes.done()
    store.flowing.set()
    await writes
    assert await stream.close() == 40
    assert await store.get_bytes("k") == b"abcd" * 10


async def _write_all(stream: ObjectStream, pieces: list[bytes]) -> None:
    for piece in pieces:
        await stream.write(piece)


async def test_small_pieces_are_gathered_into_blocks() -> None:
    store = GatedStore()
    store.flowing.set()
    stream = ObjectStream(store, "k", "text/plain", block=10, depth=2)
    await _write_all(stream, [b"abc"] * 7)
    await stream.close()
    assert store.taken == 2  # 12 bytes once 10 were reached, then the 9 left at the end
    assert await store.get_bytes("k") == b"abc" * 7


async def test_a_failed_upload_is_raised_to_the_writer_not_waited_on() -> None:
    store = GatedStore(fail_after=1)
    store.flowing.set()
    stream = ObjectStream(store, "k", "text/plain", block=1, depth=1)
    with pytest.raises(Retryable, match="storage went away"):
        await _write_all(stream, [b"x"] * 100)
    assert await store.stat("k") is None


async def test_an_aborted_stream_stores_nothing() -> None:
    store = GatedStore()
    stream = ObjectStream(store, "k", "text/plain", block=1, depth=4)
    await _write_all(stream, [b"x"] * 3)
    await stream.abort()
    store.flowing.set()
    await settle()
    assert await store.stat("k") is None


async def test_result_files_hold_every_row_in_order_with_a_workbook_that_opens(
    tmp_path: Path,
) -> None:
    store = MemoryStore()
    layout = ExportLayout(["Name"])
    files = ResultFiles(store, KEYS, layout, CREATED, tmp_path)
    await files.open()
    for start in range(0, 1000, 100):
        batch = [
            ResultRow(row=n, original={"Name": f"=Co {n}"}, company_name=f"Co {n}")
            for n in range(start, start + 100)
        ]
        await files.write(encode_results(batch))
    await files.close()
    data = await store.get_bytes(KEYS.final_results("xlsx"))
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    sheet = load_workbook(io.BytesIO(data), read_only=True)["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(neutralise(c) for c in layout.columns)
    assert [row[0] for row in rows[1:]] == [f"'=Co {n}" for n in range(1000)]
    csv_lines = (await store.get_bytes(KEYS.final_results("csv"))).decode("utf-8-sig")
    assert len(csv_lines.splitlines()) == 1001


async def test_aborted_result_files_with_chunks_rendering_apart_store_nothing(
    tmp_path: Path,
) -> None:
    store = MemoryStore()
    files = ResultFiles(store, KEYS, ExportLayout(["Name"]), CREATED, tmp_path, PROCESS_ROWS)
    await files.open()
    await files.write(encode_results([ResultRow(row=0, original={"Name": "a"}, company_name="a")]))
    await files.abort()
    assert await store.list_objects(KEYS.prefix) == []


async def test_a_chunk_the_rendering_process_refuses_fails_the_files_and_stores_none(
    tmp_path: Path,
) -> None:
    store = MemoryStore()
    files = ResultFiles(store, KEYS, ExportLayout(["Name"]), CREATED, tmp_path, PROCESS_ROWS)
    await files.open()
    good = [ResultRow(row=0, original={"Name": "fine"}, company_name="fine")]
    bad = [ResultRow(row=1, original={"Name": "bell \x07"}, company_name="bell \x07")]
    await files.write(encode_results(good))
    await files.write(encode_results(bad))  # rendered apart: its error comes with the writes
    with pytest.raises(RenderProcessError, match="IllegalCharacterError"):
        await files.close()
    await files.abort()
    assert await store.list_objects(KEYS.prefix) == []
