"""Writes a session's final objects once every chunk is stored.

Final objects depend only on stored objects (chunk results and summaries, the manifest,
the criteria snapshot, the cancel marker), never on the clock or on which worker runs, so
two workers that finalize at the same moment write byte-identical objects.
`final/status.json` is written last: its presence means every other final object is in
place. A session deleted meanwhile keeps nothing of what was written (worker/deleted.py)
and is announced to nobody.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC
from pathlib import Path

import structlog

from shared.broker.protocol import Publisher
from shared.criteria.snapshot import session_criteria
from shared.errors import NotFound
from shared.export_layout import ExportLayout
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus, finished_status
from shared.messages import SessionStatusChanged
from shared.models import (
    CancelRequest,
    ChunkSummary,
    Counters,
    FinalStatus,
    Plan,
    SessionManifest,
)
from shared.retry import chunk_rounds
from shared.reviews import reviewed_counters
from shared.storage.protocol import ObjectStore
from shared.usage import Usage
from worker.chunk_exports import attempt_of, layout_tag
from worker.deleted import removed_if_deleted
from worker.events import publish_safely
from worker.final_chunks import ChunkSource, final_chunks
from worker.final_files import ResultFiles
from worker.final_logs import write_final_logs
from worker.finalize_claim import FinalizeLease
from worker.webhooks.sender import WebhookSender

log = structlog.get_logger()
# Files this large are streamed rather than read whole, in blocks of `STREAM_BLOCK`: the
# storage stream queues several blocks, so smaller ones hold less memory.
UPLOAD_BLOCK = 5 * 1024 * 1024
STREAM_BLOCK = 1024 * 1024


class Finalizer:
    def __init__(
        self,
        store: ObjectStore,
        publisher: Publisher,
        webhooks: WebhookSender | None = None,
        lease_s: float = 60.0,
    ) -> None:
        self._store = store
        self._lease = FinalizeLease(store, lease_s)
        self._publisher = publisher
        self._webhooks = webhooks

    async def maybe_finalize(self, keys: SessionKeys, chunk_count: int) -> bool:
        """Finalize when every chunk's summary exists and nobody finalized yet. For the keys
        of a retry round, `chunk_count` is the round's: the session is finalized again,
        each chunk from its latest version. One worker finalizes at a time: another that
        gets here meanwhile waits until the round is final, or takes over from a worker
        that stopped (worker/finalize_claim.py)."""
        if (
            keys.round == 0
            and chunk_count
            and not await self._store.exists(keys.chunk_done(chunk_count - 1))
        ):
            # Chunks are handed out in order, so the last one is nearly always among the
            # last to end: until it has, no listing is needed. Listing every summary after
            # every chunk cost a million-row session most of its workers' CPU.
            return False
        stored = await self._store.list_objects(keys.chunk_done_prefix)
        if len(stored) < chunk_count:
            return False

        async def finalized() -> bool:
            if keys.round == 0:
                return await self._store.exists(keys.final_status)
            return await self._finalized_round(keys) >= keys.round

        async with self._lease.held(keys, finalized) as owner:
            if not owner:
                return False
            if keys.round == 0:
                return await self.finalize(keys, chunk_count) is not None
            plan = await self._store.get_model(keys.session.plan, Plan)
            done = await self.finalize(keys.session, plan.chunk_count, retry_round=keys.round)
            return done is not None

    async def _finalized_round(self, keys: SessionKeys) -> int:
        try:
            return (await self._store.get_model(keys.final_status, FinalStatus)).retry_round
        except NotFound:
            return -1

    async def finalize(
        self, keys: SessionKeys, chunk_count: int, retry_round: int = 0
    ) -> FinalStatus | None:
        """The final status written; None when the session was deleted before or while
        this ran: then nothing of it is left written and nothing is announced."""
        try:
            manifest = await self._store.get_model(keys.manifest, SessionManifest)
        except NotFound:
            # Deleted: also what an earlier attempt of this very command may have written.
            await removed_if_deleted(self._store, keys, after="an earlier attempt")
            log.info("session.finalize_skipped", why="deleted")
            return None
        try:
            final = await self._write_final(keys, manifest, chunk_count, retry_round)
        except NotFound:
            # An object read went away under the writes: a deleted session, or broken.
            if await removed_if_deleted(self._store, keys, after="a read failed"):
                return None
            raise
        if await removed_if_deleted(self._store, keys, after="final status"):
            return None
        log.info(
            "session.finalized", status=str(final.status), chunks=chunk_count, round=retry_round
        )
        # Watchers see the counters as readers derive them, review decisions applied.
        counters = await reviewed_counters(self._store, keys, final.counters)
        await publish_safely(
            self._publisher,
            SessionStatusChanged(
                tenant=keys.tenant,
                session_id=keys.session_id,
                status=final.status,
                at=final.finished_at,
                total_rows=final.counters.total,
                chunk_count=chunk_count,
                counters=counters,
                reason=final.reason,
                round=retry_round,
            ),
        )
        if self._webhooks is not None:
            try:
                reviewed = final.model_copy(update={"counters": counters})
                await self._webhooks.session_ended(keys, manifest, reviewed)
            except Exception as exc:  # the session is final whatever the webhook does
                log.warning("webhook.not_started", error=repr(exc))
        return final

    async def _write_final(
        self, keys: SessionKeys, manifest: SessionManifest, chunk_count: int, retry_round: int
    ) -> FinalStatus:
        cancel = await self._cancel_request(keys)
        rounds = await chunk_rounds(self._store, keys)
        with tempfile.TemporaryDirectory(prefix="dossier-final-") as name:
            folder = Path(name)
            # The logs need nothing of the results: they are assembled meanwhile.
            results = asyncio.ensure_future(
                self._write_results(keys, manifest, chunk_count, rounds, folder)
            )
            logs = asyncio.ensure_future(write_final_logs(self._store, keys, folder))
            try:
                (summaries, outputs), log_outputs = await asyncio.gather(results, logs)
            except BaseException:
                for task in (results, logs):
                    task.cancel()
                await asyncio.gather(results, logs, return_exceptions=True)
                raise
        final = final_status(manifest, summaries, cancel, [*outputs, *log_outputs])
        final = final.model_copy(update={"retry_round": retry_round})
        await self._store.put_model(keys.final_status, final)
        return final

    async def _cancel_request(self, keys: SessionKeys) -> CancelRequest | None:
        try:
            return await self._store.get_model(keys.cancel_marker, CancelRequest)
        except NotFound:
            return None

    async def _write_results(
        self,
        keys: SessionKeys,
        manifest: SessionManifest,
        chunk_count: int,
        rounds: dict[int, int],
        folder: Path,
    ) -> tuple[list[ChunkSummary], list[str]]:
        """The chunk summaries, and the keys of the result files written."""
        summaries = await asyncio.gather(
            *(
                self._store.get_model(keys.in_round(rounds.get(n, 0)).chunk_done(n), ChunkSummary)
                for n in range(chunk_count)
            )
        )
        layout = ExportLayout.of(
            manifest, await session_criteria(self._store, keys, manifest.options)
        )
        created = max((s.finished_at for s in summaries), default=manifest.created_at)
        # Only chunks with duplicate rows can point at a first occurrence.
        duplicated = [s.chunk for s in summaries if s.counters.duplicates]
        attempts = {s.chunk: attempt_of(s.started_at) for s in summaries}
        chunk_size = await self._chunk_size(keys) if duplicated else 1
        if chunk_size is None:
            attempts = {}  # which chunks hold first occurrences is not known: read them all
        source = ChunkSource(layout_tag(layout), attempts, duplicated, chunk_size or 1)
        files = ResultFiles(self._store, keys, layout, created, folder, manifest.input.rows)
        try:
            await files.open()
            async for chunk in final_chunks(self._store, keys, chunk_count, source):
                await files.write(chunk)
            return summaries, await files.close()
        except BaseException:
            await files.abort()
            raise

    async def _chunk_size(self, keys: SessionKeys) -> int | None:
        """Which chunk holds a row (a first occurrence), from the plan."""
        try:
            return (await self._store.get_model(keys.plan, Plan)).chunk_size
        except NotFound:
            return None


def final_status(
    manifest: SessionManifest,
    summaries: list[ChunkSummary],
    cancel: CancelRequest | None,
    outputs: list[str],
) -> FinalStatus:
    counters = sum((s.counters for s in summaries), Counters())
    counters = counters.model_copy(update={"total": manifest.input.rows})
    status = finished_status(summaries, cancel_requested=cancel is not None)
    dead = [s for s in summaries if s.dead_letter_reason]
    reason = None
    if status is SessionStatus.CANCELLED:
        reason = "cancelled on request"
    elif dead:
        reason = f"{len(dead)} chunk(s) failed: {dead[0].dead_letter_reason}"
    ends = [s.finished_at for s in summaries]
    if cancel is not None:
        ends.append(cancel.requested_at)
    return FinalStatus(
        status=status,
        counters=counters,
        usage=sum((s.usage for s in summaries), Usage()),
        finished_at=max(ends, default=manifest.created_at).astimezone(UTC),
        reason=reason,
        outputs=outputs,
    )
