"""Object storage adapter for any S3 API, on the `minio` SDK.

The SDK is synchronous; every call runs on a bounded thread pool so the event loop never
blocks. Small whole-object reads and writes (the domain cache's, a row's one or two) skip
the SDK's streaming layers (`s3_small`). Uploads of unknown length stream through a small
bounded queue into a multipart upload, so a large file never sits whole in memory or on
local disk. Such an upload holds its thread for as long as its producer takes (a client
sending a file, a parser), so it runs on a thread of its own: on the shared pool, enough
slow uploads would take every thread, and the reads that feed other uploads would wait
behind them for good.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import queue
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO, TypeVar, cast

import urllib3
from minio import Minio
from minio.deleteobjects import DeleteObject
from minio.error import S3Error, ServerError

from shared.errors import NotFound, Retryable
from shared.settings import CommonSettings
from shared.storage import s3_small
from shared.storage.base import DerivedOperations
from shared.storage.protocol import ObjectInfo

T = TypeVar("T")

PART_SIZE = 5 * 1024 * 1024  # S3's minimum multipart part size
# A stream's parts go one at a time: each part in flight is 5 MiB of memory, and whatever
# produces a stream (a parser, an export) is slower than the storage next to it anyway.
PARALLEL_PARTS = 1
# Streaming uploads at once; one more waits for one of them to end.
MAX_STREAMS = 256
_MISSING_CODES = {"NoSuchKey", "NoSuchObject", "NoSuchBucket", "ResourceNotFound"}
# Answers to a conditional write: the key is taken; another conditional write on the key is
# in progress (AWS asks the client to try again).
_TAKEN = 412
_CONFLICT_CODE = "ConditionalRequestConflict"
_CONFLICT_TRIES = 5


class _QueueReader(io.RawIOBase):
    """A blocking file-like view of a queue of byte chunks, read by the SDK's thread."""

    def __init__(self, chunks: queue.Queue[bytes | BaseException | None]) -> None:
        self._chunks = chunks
        # Grown in place: appending chunks to a bytes buffer copied the whole buffer each
        # time, a 5 MiB part from 64 KiB chunks 80 times.
        self._buffer = bytearray()
        self._eof = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._buffer) < size):
            chunk = self._chunks.get()
            if isinstance(chunk, BaseException):
                # Raising (rather than ending the stream) makes the SDK abort the upload,
                # so a failed upload never leaves a truncated object behind.
                raise chunk
            if chunk is None:
                self._eof = True
            else:
                self._buffer += chunk
        if size < 0 or size >= len(self._buffer):
            out = bytes(self._buffer)
            self._buffer.clear()
            return out
        with memoryview(self._buffer) as view:
            out = bytes(view[:size])
        del self._buffer[:size]
        return out


class MinioStore(DerivedOperations):
    def __init__(
        self,
        endpoint: str,
        access_key: str,
        secret_key: str,
        bucket: str,
        *,
        secure: bool = False,
        region: str | None = None,
        max_threads: int = 32,
    ) -> None:
        http = urllib3.PoolManager(
            maxsize=max_threads,
            timeout=urllib3.Timeout(connect=5, read=60),
            retries=urllib3.Retry(
                total=3, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]
            ),
        )
        self._client = Minio(
            endpoint,
            access_key=access_key,
            secret_key=secret_key,
            secure=secure,
            region=region,
            http_client=http,
        )
        self.bucket = bucket
        self._pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="s3")
        # Starts a thread only when none is idle, so it holds one per upload in progress.
        self._streams = ThreadPoolExecutor(max_workers=MAX_STREAMS, thread_name_prefix="s3-up")

    async def _run(self, fn: Callable[[], T], pool: ThreadPoolExecutor | None = None) -> T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(pool or self._pool, fn)
        except S3Error as exc:
            if exc.code in _MISSING_CODES:
                raise NotFound(exc.message or exc.code) from exc
            raise Retryable(f"storage error {exc.code}") from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise Retryable(f"storage unreachable: {exc}") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._streams.shutdown(wait=False, cancel_futures=True)

    async def ensure_bucket(self) -> None:
        def create() -> None:
            if not self._client.bucket_exists(self.bucket):
                try:
                    self._client.make_bucket(self.bucket)
                except S3Error as exc:
                    if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                        raise

        await self._run(create)

    async def ping(self) -> None:
        await self._run(lambda: self._client.bucket_exists(self.bucket))

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if len(data) <= PART_SIZE:
            await self._run(
                lambda: s3_small.request(self._client, "PUT", self.bucket, key, data, content_type)
            )
            return
        await self._run(
            lambda: self._client.put_object(
                self.bucket, key, io.BytesIO(data), len(data), content_type=content_type
            )
        )

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        """A PUT with `If-None-Match: *`: the server stores it only when the key is free.

        The SDK's public `put_object` sends unknown headers as user metadata, so the request
        goes through its signed lower-level PUT.
        """
        headers = {"Content-Type": content_type, "If-None-Match": "*"}

        def put() -> bool:
            for attempt in range(1, _CONFLICT_TRIES + 1):
                try:
                    self._client._put_object(self.bucket, key, data, headers=dict(headers))
                except S3Error as exc:
                    if exc.code == _CONFLICT_CODE and attempt < _CONFLICT_TRIES:
                        time.sleep(0.05 * attempt)
                        continue
                    if exc.code != "PreconditionFailed" and _status(exc) != _TAKEN:
                        raise
                    # The HTTP client retries a PUT whose answer was lost; a retry of a
                    # write that landed finds its own bytes.
                    return self._holds(key, data)
                except ServerError as exc:
                    if exc.status_code != _TAKEN:
                        raise
                    return self._holds(key, data)
                return True
            raise Retryable(f"storage kept refusing the conditional write of {key}")

        return await self._run(put)

    def _holds(self, key: str, data: bytes) -> bool:
        try:
            response = self._client.get_object(self.bucket, key)
        except S3Error as exc:
            if exc.code in _MISSING_CODES:
                return False
            raise
        try:
            return bool(response.read() == data)
        finally:
            response.close()
            response.release_conn()

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str = "application/octet-stream"
    ) -> int:
        """Stream chunks into one object; returns the byte count. Memory stays bounded."""
        pending: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=8)
        reader = _QueueReader(pending)
        upload = asyncio.ensure_future(
            self._run(
                lambda: self._client.put_object(
                    self.bucket,
                    key,
                    cast(BinaryIO, reader),
                    -1,
                    content_type=content_type,
                    part_size=PART_SIZE,
                    num_parallel_uploads=PARALLEL_PARTS,
                ),
                self._streams,
            )
        )
        loop = asyncio.get_running_loop()
        total = 0
        try:
            async for chunk in chunks:
                if not chunk:
                    continue
                total += len(chunk)
                while True:
                    if upload.done():
                        await upload  # the upload failed early: surface its error
                        raise Retryable("storage upload ended before its input")
                    try:
                        await loop.run_in_executor(None, pending.put, chunk, True, 0.5)
                        break
                    except queue.Full:
                        continue
        except BaseException:
            _drain_and_close(pending)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(upload), timeout=30)
            raise
        await loop.run_in_executor(None, pending.put, None)
        await upload
        return total

    async def get_bytes(self, key: str) -> bytes:
        return await self._run(lambda: s3_small.request(self._client, "GET", self.bucket, key))

    async def get_range(self, key: str, start: int, length: int) -> bytes:
        return await self._run(
            lambda: s3_small.request(
                self._client, "GET", self.bucket, key, byte_range=(start, length)
            )
        )

    async def iter_bytes(self, key: str, chunk_size: int = 65536) -> AsyncIterator[bytes]:
        response = await self._run(lambda: self._client.get_object(self.bucket, key))
        stream = response.stream(chunk_size)
        try:
            while True:
                chunk = await self._run(lambda: next(stream, b""))
                if not chunk:
                    break
                yield chunk
        finally:
            response.close()
            response.release_conn()

    async def stat(self, key: str) -> ObjectInfo | None:
        try:
            found = await self._run(lambda: self._client.stat_object(self.bucket, key))
        except NotFound:
            return None
        return ObjectInfo(key, found.size or 0, found.etag or "", found.last_modified)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        """Every object under `prefix`, sorted by key; with `start_after`, only those after it."""

        def collect() -> list[ObjectInfo]:
            listed = self._client.list_objects(
                self.bucket, prefix=prefix, recursive=True, start_after=start_after
            )
            return [
                ObjectInfo(o.object_name or "", o.size or 0, o.etag or "", o.last_modified)
                for o in listed
            ]

        return sorted(await self._run(collect), key=lambda info: info.key)

    async def list_children(self, prefix: str) -> list[str]:
        """Names of the immediate 'folders' under `prefix` (which ends with '/'), sorted."""

        def collect() -> list[str]:
            names = []
            for o in self._client.list_objects(self.bucket, prefix=prefix, recursive=False):
                name = (o.object_name or "")[len(prefix) :]
                if name.endswith("/"):
                    names.append(name[:-1])
            return names

        return sorted(await self._run(collect))

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        def collect() -> tuple[list[ObjectInfo], list[str]]:
            here, folders = [], []
            for o in self._client.list_objects(self.bucket, prefix=prefix, recursive=False):
                name = o.object_name or ""
                if name.endswith("/"):
                    folders.append(name[len(prefix) : -1])
                else:
                    here.append(ObjectInfo(name, o.size or 0, o.etag or "", o.last_modified))
            return here, folders

        here, folders = await self._run(collect)
        return sorted(here, key=lambda info: info.key), sorted(folders)

    async def delete(self, key: str) -> None:
        await self._run(lambda: self._client.remove_object(self.bucket, key))

    async def delete_prefix(self, prefix: str) -> int:
        keys = [info.key for info in await self.list_objects(prefix)]
        if not keys:
            return 0

        def remove() -> None:
            errors = list(self._client.remove_objects(self.bucket, [DeleteObject(k) for k in keys]))
            if errors:
                raise Retryable(f"could not delete {len(errors)} objects under {prefix}")

        await self._run(remove)
        return len(keys)


def _status(error: S3Error) -> int | None:
    response = getattr(error, "response", None)
    status = getattr(response, "status", None)
    return status if isinstance(status, int) else None


def _drain_and_close(pending: queue.Queue[bytes | BaseException | None]) -> None:
    """Unblock the SDK's reader thread and make it abort the upload."""
    while True:
        try:
            pending.get_nowait()
        except queue.Empty:
            break
    with contextlib.suppress(queue.Full):
        pending.put_nowait(OSError("upload aborted by its producer"))


def store_from_settings(settings: CommonSettings) -> MinioStore:
    return MinioStore(
        settings.s3_endpoint,
        settings.s3_access_key,
        settings.s3_secret_key.get_secret_value(),
        settings.s3_bucket,
        secure=settings.s3_secure,
        region=settings.s3_region,
    )
