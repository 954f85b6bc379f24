"""What every chunk of a session needs to know of it, read once per session and worker.

A chunk's pipeline needs the session's options (manifest), its context text and its
criteria snapshot. All three are fixed once the session is started (the gateway changes
the manifest's columns only before), so a worker that holds many chunks of one session
reads them for its first chunk only: two storage requests less per chunk, a fair share
of what a chunk costs the store when rows wait on nothing.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from shared.criteria.model import SessionCriteria
from shared.criteria.snapshot import session_criteria
from shared.errors import NotFound
from shared.export_layout import ExportLayout
from shared.layout import SessionKeys
from shared.models import SessionManifest, SessionOptions
from shared.storage.protocol import ObjectStore

# Sessions remembered at once; a worker rarely holds chunks of more than a few.
MAX_SESSIONS = 64


@dataclass(frozen=True)
class SessionFacts:
    options: SessionOptions
    context_text: str
    criteria: SessionCriteria | None
    # The final files' columns: the chunk's rows are stored rendered for them.
    layout: ExportLayout


class SessionFactsCache:
    def __init__(self, store: ObjectStore, max_sessions: int = MAX_SESSIONS) -> None:
        self._store = store
        self._max = max_sessions
        self._facts: OrderedDict[tuple[str, str], asyncio.Future[SessionFacts]] = OrderedDict()

    async def get(self, keys: SessionKeys) -> SessionFacts:
        """The session's facts; `NotFound` when its manifest is gone (deleted). Chunks that
        start together share one read."""
        key = (keys.tenant, keys.session_id)
        found = self._facts.get(key)
        if found is None:
            found = asyncio.ensure_future(self._read(keys))
            self._facts[key] = found
            while len(self._facts) > self._max:
                self._facts.popitem(last=False)
        else:
            self._facts.move_to_end(key)
        try:
            return await asyncio.shield(found)
        except Exception:
            if self._facts.get(key) is found:
                del self._facts[key]  # a failed read is tried again by the next chunk
            raise

    async def _read(self, keys: SessionKeys) -> SessionFacts:
        manifest = await self._store.get_model(keys.manifest, SessionManifest)
        # The snapshot taken at creation: a redelivered chunk asks the same questions.
        criteria = await session_criteria(self._store, keys, manifest.options)
        return SessionFacts(
            options=manifest.options,
            context_text=await self._context_text(keys),
            criteria=criteria,
            layout=ExportLayout.of(manifest, criteria),
        )

    def forget(self, keys: SessionKeys) -> None:
        self._facts.pop((keys.tenant, keys.session_id), None)

    async def _context_text(self, keys: SessionKeys) -> str:
        try:
            return (await self._store.get_bytes(keys.context)).decode("utf-8", "replace")
        except NotFound:
            return ""
