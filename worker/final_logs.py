"""A session's final logs (`final/logs/<type>.log`), assembled from its chunks' logs."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from shared.layout import LOG_TYPES, SessionKeys
from shared.session_logs import every_session_log
from shared.storage.protocol import ObjectStore
from worker.final_upload import upload_file


async def write_final_logs(store: ObjectStore, keys: SessionKeys, folder: Path) -> list[str]:
    """Every log type from one pass over the chunk logs, each stored once written; their keys."""
    paths = {kind: folder / f"{kind}.log" for kind in LOG_TYPES}
    sinks = {kind: path.open("wb") for kind, path in paths.items()}
    try:
        async for parts in every_session_log(store, keys):
            written = {kind: data for kind, data in parts.items() if data}
            if written:
                await asyncio.to_thread(_write, sinks, written)
    finally:
        for sink in sinks.values():
            sink.close()
    outputs = []
    for kind, path in paths.items():
        await upload_file(store, keys.final_log(kind), path, "text/plain")
        outputs.append(keys.final_log(kind))
    return outputs


def _write(sinks: Mapping[str, IO[bytes]], parts: dict[str, bytes]) -> None:
    for kind, data in parts.items():
        sinks[kind].write(data)
