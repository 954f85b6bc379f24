"""Qualification sessions on the worker engine (in-memory twins) running the real pipeline
against the fakes: a cancel mid-way, and a chunk redone after a crash."""

from __future__ import annotations

from collections.abc import AsyncIterator
from io import BytesIO

import orjson
import pytest
from openpyxl import load_workbook

from shared.lifecycle import SessionStatus
from shared.results import decode_results
from shared.rows import InputRow, ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.pipeline.conftest import FARM_DNS, MakeSettings, Server
from tests.pipeline.criteria import ONLY_CDN, qualifying
from tests.pipeline.fakes.llm import LlmState
from tests.worker.engine import memory_engine
from worker.pipeline.build import build_pipeline
from worker.pipeline.protocol import Pipeline

pytestmark = pytest.mark.unit

SITES = [
    ("StreamForge", "streamforge.com"),
    ("Acme Rockets", "acme-rockets.com"),
    ("Plain Text Co", "plain-text-co.com"),
    ("Meta Corp", "meta-corp.net"),
    ("Blue Widgets", "blue-widgets.com"),
    ("Zenith Analytics", "zenith-analytics.com"),
]
ROWS = [
    InputRow(
        row=n, name=name, website=site, original={"Company": name, "Website": site, "Group": ""}
    )
    for n, (name, site) in enumerate(SITES)
]
# One chunk at a time, two rows each, so the order of the model's questions is known.
ONE_CHUNK_AT_A_TIME: dict[str, float] = {"chunk_size": 2, "chunk_prefetch": 1, "concurrency": 2}


@pytest.fixture
async def pipeline(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> AsyncIterator[Pipeline]:
    built = build_pipeline(make_settings(search="serper", llm=True), resolver=FARM_DNS)
    try:
        yield built
    finally:
        llm_server.state.release()
        await built.aclose()


def comparable(row: ResultRow) -> dict[str, object]:
    # Clock readings differ between the lost run and the redone one; findings must not.
    return row.model_dump(exclude={"timestamp", "last_attempt_at"})


async def test_a_cancelled_qualification_session_keeps_the_rows_it_qualified(
    pipeline: Pipeline, llm_server: Server[LlmState]
) -> None:
    llm_server.state.hold_after = 2  # the first chunk's two companies are answered
    async with memory_engine() as twin:
        await twin.start_workers(1, pipeline, **ONE_CHUNK_AT_A_TIME)
        keys = await twin.seed(ROWS, options=qualifying(), criteria=ONLY_CDN)
        await twin.send_start(keys)
        await twin.wait(lambda: llm_server.state.held, "a question of the second chunk", 20)

        await twin.cancel(keys)
        final = await twin.final(keys, 20)

        assert final.status is SessionStatus.CANCELLED
        results = await twin.results_by_row(keys)
        exported = orjson.loads(await twin.store.get_bytes(keys.final_results("json")))
        book = load_workbook(BytesIO(await twin.store.get_bytes(keys.final_results("xlsx"))))
    assert [results[n].row_status for n in range(6)] == [RowStatus.OK] * 2 + [
        RowStatus.CANCELLED
    ] * 4
    assert [results[n].qualification_status for n in (0, 1)] == ["ok", "ok"]
    assert results[0].qualified_products == ["CDN"]
    assert [item["Score: CDN"] for item in exported] == [2, None, None, None, None, None]
    assert exported[0]["Qualification"][0]["reason"] == "qualified for Game studios"
    assert exported[2]["Qualification"] == []
    evidence = list(book["Qualification"].iter_rows(values_only=True))[1:]
    assert {line[1] for line in evidence} == {"StreamForge", "Acme Rockets"}
    assert len(evidence) == 2 * 11


class CrashBeforeCheckpoint(MemoryStore):
    """The first write of the second chunk's results fails, as if the worker died after
    the chunk's work and before its checkpoint; what it would have stored is kept."""

    def __init__(self) -> None:
        super().__init__()
        self.lost: dict[str, bytes] = {}

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if key.endswith("/chunks/results/000001.jsonl") and not self.lost:
            self.lost[key] = data
            raise ConnectionError("worker killed before its checkpoint")
        await super().put_bytes(key, data, content_type)


async def test_a_qualification_chunk_redone_after_a_crash_stores_the_same_results(
    pipeline: Pipeline, llm_server: Server[LlmState]
) -> None:
    store = CrashBeforeCheckpoint()
    async with memory_engine(store) as twin:
        await twin.start_workers(1, pipeline, **ONE_CHUNK_AT_A_TIME)
        keys = await twin.seed(ROWS, options=qualifying(), criteria=ONLY_CDN)
        await twin.send_start(keys)

        final = await twin.final(keys, 30)

    assert final.status is SessionStatus.COMPLETED
    lost = decode_results(store.lost[keys.chunk_results(1)])
    stored = decode_results(await store.get_bytes(keys.chunk_results(1)))
    assert [comparable(r) for r in stored] == [comparable(r) for r in lost]
    assert {r.qualification_status for r in stored} == {"ok"}
    # The redone chunk asked its two companies again, nothing more.
    assert llm_server.state.qualification_asked == len(ROWS) + 2
