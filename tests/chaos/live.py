"""A session followed live with the client's own WebSocket watcher (`client/live.py`,
which reconnects by itself), as `dossier watch` does, in a thread of its own."""

from __future__ import annotations

import asyncio
import threading
import time

from client.live import Progress, watch_session


class LiveWatch:
    def __init__(self, ws_url: str, api_key: str, session_id: str) -> None:
        self.progress: list[Progress] = []
        self.error: BaseException | None = None
        self._ended = threading.Event()
        # A daemon thread: a watcher still blocked on its socket never holds up the run.
        self._thread = threading.Thread(
            target=self._follow, args=(ws_url, api_key, session_id), daemon=True
        )
        self._thread.start()

    def _follow(self, ws_url: str, api_key: str, session_id: str) -> None:
        try:
            for progress in watch_session(ws_url, api_key, session_id):
                self.progress.append(progress)
        except BaseException as exc:
            self.error = exc
        finally:
            self._ended.set()

    async def last(self, timeout: float) -> Progress:
        """The progress the watcher ended with (it ends at the session's final status)."""
        deadline = time.monotonic() + timeout
        while not self._ended.is_set():
            if time.monotonic() > deadline:
                raise AssertionError(f"the live watcher did not end within {timeout:.0f}s")
            await asyncio.sleep(0.2)
        assert self.error is None, f"the live watcher failed: {self.error!r}"
        assert self.progress, "the live watcher saw nothing"
        return self.progress[-1]
