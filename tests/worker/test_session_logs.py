"""A session's logs by type, assembled from chunk logs, only that session's lines."""

from __future__ import annotations

from collections.abc import Mapping

import orjson
import pytest

from shared.ids import new_session_id
from shared.layout import LOG_TYPES, SessionKeys
from shared.session_logs import render, rendered, rendered_by_type, select_lines, session_log
from shared.storage.memory import MemoryStore

pytestmark = pytest.mark.unit


def lines(*records: Mapping[str, object]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


MINE = "s1"
RECORDS = (
    {"timestamp": "t1", "level": "info", "event": "row.started", "session_id": MINE, "row": 3},
    {
        "timestamp": "t2",
        "level": "warning",
        "event": "row.failed",
        "session_id": MINE,
        "chunk": 0,
        "row": 3,
        "error": "Boom: no\nsite",
    },
    {
        "timestamp": "t3",
        "level": "info",
        "event": "hubspot.read",
        "session_id": MINE,
        "channel": "hubspot",
    },
    {"timestamp": "t4", "level": "error", "event": "row.failed", "session_id": "other"},
)


def test_log_types_select_by_channel_and_level_within_the_session() -> None:
    data = lines(*RECORDS) + b"not json\n"
    assert list(select_lines(data, "pipeline", MINE)) == [
        "t1 INFO row.started row=3",
        "t2 WARNING row.failed chunk=0 row=3 error=Boom: no site",
    ]
    assert list(select_lines(data, "errors", MINE)) == [
        "t2 WARNING row.failed chunk=0 row=3 error=Boom: no site"
    ]
    assert list(select_lines(data, "hubspot", MINE)) == ["t3 INFO hubspot.read"]


def test_every_log_type_at_once_is_each_log_type_on_its_own() -> None:
    error = {"timestamp": "t5", "level": "error", "event": "hubspot.failed", "channel": "hubspot"}
    data = lines(*RECORDS, {**error, "session_id": MINE}) + b"not json\n[1]\n\n"
    at_once = rendered_by_type(data, MINE)
    assert at_once == {kind: rendered(data, kind, MINE) for kind in LOG_TYPES}
    assert at_once["errors"].splitlines()[-1] == at_once["hubspot"].splitlines()[-1]
    assert rendered_by_type(lines(RECORDS[3]), MINE) == dict.fromkeys(LOG_TYPES, b"")


def test_render_puts_time_level_event_and_position_first() -> None:
    record = {"count": 2, "event": "x", "row": 1, "level": "debug", "timestamp": "t", "chunk": 4}
    assert render(record) == "t DEBUG x chunk=4 row=1 count=2"


async def test_session_log_reads_chunk_logs_in_chunk_order() -> None:
    store = MemoryStore()
    keys = SessionKeys("t", new_session_id())
    first = {"timestamp": "a", "level": "info", "event": "one", "session_id": keys.session_id}
    second = {**first, "timestamp": "b", "event": "two"}
    await store.put_bytes(keys.chunk_logs(1), lines(second))
    await store.put_bytes(keys.chunk_logs(0), lines(first, {**first, "session_id": "x"}))

    text = b"".join([part async for part in session_log(store, keys, "pipeline")])

    assert text == b"a INFO one\nb INFO two\n"
    assert b"".join([part async for part in session_log(store, keys, "errors")]) == b""
