"""A session's logs, assembled from its per-chunk log objects.

Each chunk writes `chunks/logs/<n>.jsonl`: structlog JSON lines carrying `session_id`,
`chunk`, `row`, `level`, `event` and `channel` ("pipeline" or "hubspot"). A log type
selects lines: `pipeline` (channel pipeline), `errors` (warning and worse, any channel),
`hubspot` (channel hubspot). Lines of other sessions never appear, even if one slipped
into a chunk's object.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import orjson

from shared.layout import LOG_TYPES, SessionKeys
from shared.storage.protocol import ObjectStore
from shared.storage.read_ahead import read_ahead

_ERROR_LEVELS = frozenset({"warning", "error", "critical", "exception"})
_FIRST_KEYS = ("timestamp", "level", "event", "chunk", "row")
_HIDDEN_KEYS = frozenset({"session_id", "channel", "service", "tenant"})


def is_log_type(value: str) -> bool:
    return value in LOG_TYPES


def selects(record: dict[str, Any], log_type: str, session_id: str) -> bool:
    if record.get("session_id") != session_id:
        return False
    channel = record.get("channel", "pipeline")
    if log_type == "errors":
        return str(record.get("level", "")).lower() in _ERROR_LEVELS
    return bool(channel == log_type)


def render(record: dict[str, Any]) -> str:
    """`<time> <LEVEL> <event> chunk=3 row=17 key=value ...` on one line."""
    parts = [
        str(record.get("timestamp", "")),
        str(record.get("level", "info")).upper(),
        str(record.get("event", "")),
    ]
    parts.extend(f"{key}={record[key]}" for key in ("chunk", "row") if key in record)
    for key, value in record.items():
        if key in _FIRST_KEYS or key in _HIDDEN_KEYS:
            continue
        text = value if isinstance(value, str) else orjson.dumps(value).decode()
        parts.append(f"{key}={' '.join(text.split())}")
    return " ".join(part for part in parts if part)


def _records(data: bytes) -> Iterable[dict[str, Any]]:
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(record, dict):
            yield record


def select_lines(data: bytes, log_type: str, session_id: str) -> Iterable[str]:
    for record in _records(data):
        if selects(record, log_type, session_id):
            yield render(record)


async def session_log(store: ObjectStore, keys: SessionKeys, log_type: str) -> AsyncIterator[bytes]:
    """The session's log of `log_type` as text, chunk by chunk in chunk order."""
    async for data in _chunk_logs(store, keys):
        text = rendered(data, log_type, keys.session_id)
        if text:
            yield text


async def every_session_log(
    store: ObjectStore, keys: SessionKeys
) -> AsyncIterator[dict[str, bytes]]:
    """Every log type at once, chunk by chunk: each chunk's log object is read once."""
    async for data in _chunk_logs(store, keys):
        yield rendered_by_type(data, keys.session_id)


def rendered_by_type(data: bytes, session_id: str) -> dict[str, bytes]:
    """`rendered` for every log type, each line decoded and rendered once."""
    lines: dict[str, list[str]] = {kind: [] for kind in LOG_TYPES}
    for record in _records(data):
        text = None
        for kind in LOG_TYPES:
            if selects(record, kind, session_id):
                text = render(record) if text is None else text
                lines[kind].append(text)
    return {
        kind: ("\n".join(found) + "\n").encode() if found else b"" for kind, found in lines.items()
    }


def rendered(data: bytes, log_type: str, session_id: str) -> bytes:
    lines = list(select_lines(data, log_type, session_id))
    return ("\n".join(lines) + "\n").encode() if lines else b""


async def _chunk_logs(
    store: ObjectStore, keys: SessionKeys, ahead: int = 8
) -> AsyncIterator[bytes]:
    """Each chunk's log object in chunk order, then retry rounds' chunk logs round by
    round, a few read ahead."""
    retried = [i for i in await store.list_objects(keys.retries_prefix) if "/chunks/logs/" in i.key]
    objects = [*await store.list_objects(keys.prefix + "chunks/logs/"), *retried]
    # A chunk that logged nothing (every line below the log level) needs no request.
    reads = (store.get_bytes(info.key) for info in objects if info.size)
    async for data in read_ahead(reads, ahead):
        yield data
