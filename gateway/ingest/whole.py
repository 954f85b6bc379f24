"""A new session is written whole or not at all: any failure deletes its prefix."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

from shared.layout import SessionKeys
from shared.models import SessionManifest
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


async def written_whole(
    store: ObjectStore, keys: SessionKeys, write: Callable[[], Awaitable[SessionManifest]]
) -> SessionManifest:
    """Runs `write`, which stores the manifest last, with the session id bound to its logs."""
    with structlog.contextvars.bound_contextvars(session_id=keys.session_id):
        try:
            return await write()
        except BaseException:
            # Shielded: a client that disconnects mid-upload cancels the request, and the
            # clean-up must still finish.
            await asyncio.shield(forget_session(store, keys))
            raise


async def forget_session(store: ObjectStore, keys: SessionKeys) -> None:
    try:
        await store.delete_prefix(keys.prefix)
    except Exception as exc:  # the original error is the one to report
        log.warning("session.cleanup_failed", error=repr(exc))
