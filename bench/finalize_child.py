"""The finalizing process of bench/finalize_session.py: finalizes the seeded session with
the code found on PYTHONPATH (this checkout, or the `--baseline` one) and prints its
figures as one JSON line. Imports nothing of the bench, so no module of one checkout
runs in the other's finalization.

    PYTHONPATH=<checkout> python bench/finalize_child.py ENDPOINT ACCESS SECRET BUCKET CHUNKS \
        [SESSION_ID]
"""

from __future__ import annotations

import asyncio
import resource
import sys
import time

import orjson

from shared.layout import SessionKeys
from shared.storage.s3 import MinioStore
from worker.finalizer import Finalizer

KEYS = SessionKeys("bench", "3" * 32)


class NoPublisher:
    """Events go nowhere: the bench times the files, not the broker."""

    ready = True

    async def publish_start(self, message: object) -> None: ...
    async def publish_chunk_tasks(self, tasks: object) -> None: ...
    async def publish_cancel(self, message: object) -> None: ...
    async def publish_event(self, event: object) -> None: ...


async def main(
    endpoint: str, access: str, secret: str, bucket: str, chunks: int, keys: SessionKeys
) -> None:
    store = MinioStore(endpoint, access, secret, bucket)
    began, cpu = time.monotonic(), time.process_time()
    final = await Finalizer(store, NoPublisher()).finalize(keys, chunks)
    wall, used = time.monotonic() - began, time.process_time() - cpu
    if final is None:
        raise SystemExit("the session was not finalized")
    own = resource.getrusage(resource.RUSAGE_SELF)
    # The workbook's own process, once it has ended.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {"wall": wall, "cpu": used, "maxrss_mib": own.ru_maxrss / 1024}
    figures |= {"user": own.ru_utime, "system": own.ru_stime}
    figures |= {"child_cpu": children.ru_utime + children.ru_stime}
    figures |= {"child_maxrss_mib": children.ru_maxrss / 1024}
    print(orjson.dumps(figures).decode(), flush=True)
    store.close()


if __name__ == "__main__":
    endpoint, access, secret, bucket, chunks = sys.argv[1:6]
    keys = SessionKeys(KEYS.tenant, sys.argv[6]) if len(sys.argv) > 6 else KEYS
    asyncio.run(main(endpoint, access, secret, bucket, int(chunks), keys))
