"""What the API answers while something is away: every answer to a few requests, sent
over and over in the background, recorded."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

Request = Callable[[], Awaitable[httpx.Response]]
# A status code, or the name of the transport error when nothing answered.
Answer = int | str


class ApiProbe:
    def __init__(self, requests: dict[str, Request], interval: float = 0.3) -> None:
        self._requests = requests
        self._interval = interval
        self.answers: list[tuple[str, Answer]] = []

    @classmethod
    def gets(cls, client: httpx.AsyncClient, *paths: str) -> ApiProbe:
        return cls({f"GET {path}": _getter(client, path) for path in paths})

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[ApiProbe]:
        task = asyncio.create_task(self._poll())
        try:
            yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _poll(self) -> None:
        while True:
            for name, request in self._requests.items():
                await self.ask(name, request)
            await asyncio.sleep(self._interval)

    async def ask(self, name: str, request: Request) -> Answer:
        try:
            answer: Answer = (await request()).status_code
        except httpx.TransportError as exc:
            answer = type(exc).__name__
        self.answers.append((name, answer))
        return answer

    def seen(self, name: str) -> set[Answer]:
        return {answer for asked, answer in self.answers if asked == name}

    def server_errors(self) -> list[tuple[str, Answer]]:
        """Answers in the 5xx range other than 503 (which says: come back later)."""
        return [
            (name, answer)
            for name, answer in self.answers
            if isinstance(answer, int) and answer >= 500 and answer != 503
        ]

    def summary(self) -> str:
        counted = Counter(self.answers).items()
        return ", ".join(f"{name} -> {answer}: {n}" for (name, answer), n in counted)


def _getter(client: httpx.AsyncClient, path: str) -> Request:
    async def get() -> httpx.Response:
        return await client.get(path)

    return get


def server_errors_logged(log: str) -> list[str]:
    """Lines of a gateway log that record a 5xx other than 503, or an unhandled error."""
    found = []
    for line in log.splitlines():
        if "Exception in ASGI application" in line:
            found.append(line)
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        status = record.get("status")
        failed = isinstance(status, int) and status >= 500 and status != 503
        if failed or record.get("event") == "request.failed":
            found.append(line)
    return found
