"""Several worker processes share one session; every row is stored exactly once."""

from __future__ import annotations

import orjson

from shared.ids import new_session_id
from shared.lifecycle import SessionStatus
from shared.rows import RowStatus
from tests.worker.conftest import Workers
from tests.worker.sessions import Engine, make_rows


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
    processes = workers.start(3)
    session_id = new_session_id()
    # Every tenth row repeats an earlier website: duplicates are found across chunks.
    rows = make_rows(5000, lambda n: f"https://company{n - 9 if n % 10 == 9 else n}.com/page{n}")
    keys = await engine.start(rows, session_id)

    final = await engine.final(keys, timeout=90)

    assert final.status is SessionStatus.COMPLETED
    assert final.counters.total == final.counters.done == 5000
    assert final.counters.duplicates == 500
    results = await engine.results(keys)
    assert sorted(r.row for r in results) == list(range(5000))
    stored = {r.row: r for r in results}
    # Filled already in the chunk results (first occurrence in the same chunk).
    assert stored[19].official_website == stored[10].official_website != ""
    by_worker = [chunks_done_by(p.log_text(), session_id) for p in processes]
    assert all(by_worker), f"chunks per worker: {[len(c) for c in by_worker]}"
    assert set().union(*by_worker) == set(range(25))
    exported = orjson.loads(await engine.store.get_bytes(keys.final_results("json")))
    assert [item["Company"] for item in exported] == [f"Company {n}" for n in range(5000)]
    duplicate = exported[19]
    assert duplicate["Row_Status"] == RowStatus.DUPLICATE
    assert duplicate["Official_Website"] == exported[10]["Official_Website"]
    assert duplicate["Website"] == "https://company10.com/page19"  # its own column kept
    assert "duplicate of row 11" in duplicate["Notes"]


async def test_a_duplicate_of_a_row_in_an_earlier_stored_chunk_is_filled_when_stored(
    engine: Engine, workers: Workers
) -> None:
    # One chunk at a time, so chunk 0 is stored before chunk 1 runs.
    workers.start(1, DOSSIER_WORKER_CHUNK_SIZE="5", DOSSIER_WORKER_CHUNK_PREFETCH="1")
    rows = make_rows(10, lambda n: f"https://company{2 if n == 7 else n}.com/")
    keys = await engine.start(rows)
    final = await engine.final(keys, timeout=60)
    assert final.counters.duplicates == 1
    # The chunk's own stored rows (what live pages and events show), not the final merge.
    stored = await engine.results_by_row(keys)
    duplicate = stored[7]
    assert duplicate.row_status is RowStatus.DUPLICATE
    assert duplicate.duplicate_of == 2
    assert duplicate.official_website == stored[2].official_website != ""
    assert duplicate.company_name == "Company 7"
    assert duplicate.notes.startswith("duplicate of row 3")
