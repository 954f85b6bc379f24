"""Several worker processes share one session; every row is stored exactly once."""

from __future__ import annotations

import orjson
import pytest

from shared.ids import new_session_id
from shared.lifecycle import SessionStatus
from shared.rows import RowStatus
from tests.worker.conftest import Workers
from tests.worker.sessions import Engine, make_rows

pytestmark = pytest.mark.e2e


def chunks_done_by(log_text: str, session_id: str) -> set[int]:
    done = set()
    for line in log_text.splitlines():
        if not line.startswith("{"):
            continue
        record = orjson.loads(line)
        if record.get("event") == "chunk.finished" and record.get("session_id") == session_id:
            done.add(int(record["chunk"]))
    return done


async def test_three_workers_share_a_large_session_and_store_every_row_once(
    engine: Engine, workers: Workers
) -> None:
    processes = workers.start(3, DOSSIER_WORKER_CHUNK_SIZE="80")
    session_id = new_session_id()
    # Every tenth row repeats an earlier website: duplicates are found across chunks.
    rows = make_rows(2000, lambda n: f"https://company{n - 9 if n % 10 == 9 else n}.com/page{n}")
    keys = await engine.start(rows, session_id)

    final = await engine.final(keys, timeout=90)

    assert final.status is SessionStatus.COMPLETED
    assert final.counters.total == final.counters.done == 2000
    assert final.counters.duplicates == 200
    results = await engine.results(keys)
    assert sorted(r.row for r in results) == list(range(2000))
    stored = {r.row: r for r in results}
    # Filled already in the chunk results (first occurrence in the same chunk).
    assert stored[19].official_website == stored[10].official_website != ""
    by_worker = [chunks_done_by(p.log_text(), session_id) for p in processes]
    assert all(by_worker), f"chunks per worker: {[len(c) for c in by_worker]}"
    assert set().union(*by_worker) == set(range(25))
    exported = orjson.loads(await engine.store.get_bytes(keys.final_results("json")))
    assert [item["Company"] for item in exported] == [f"Company {n}" for n in range(2000)]
    duplicate = exported[19]
    assert duplicate["Row_Status"] == RowStatus.DUPLICATE
    assert duplicate["Official_Website"] == exported[10]["Official_Website"]
    assert duplicate["Website"] == "https://company10.com/page19"  # its own column kept
    assert "duplicate of row 11" in duplicate["Notes"]
