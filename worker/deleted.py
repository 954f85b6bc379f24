"""A session deleted while a worker still writes for it.

The gateway deletes a session's manifest first, then lists and deletes everything under
its prefix. A worker that writes for a session checks the manifest AFTER its writes: if
the manifest is gone, the gateway's listing may have missed those writes, so the worker
removes the prefix itself. If the manifest is still there, the deletion (if any) began
after the writes, and its listing finds them. Either way nothing outlives the session.
"""

from __future__ import annotations

import structlog

from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore
from worker.checkpoint import session_deleted

log = structlog.get_logger()


async def removed_if_deleted(store: ObjectStore, keys: SessionKeys, after: str) -> bool:
    """Call after writing for the session: True (and nothing of it left) when it was
    deleted meanwhile, so the caller stops and announces nothing."""
    if not await session_deleted(store, keys):
        return False
    removed = await store.delete_prefix(keys.prefix)
    log.info("session.deleted_meanwhile", after=after, removed=removed)
    return True
