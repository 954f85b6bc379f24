"""One HTTP/1.1 answer read off a connection by llhttp (httptools), the parser uvicorn uses.

The status line, the headers and the body's framing (Content-Length, chunks with their
extensions and trailers, informational answers, 204 and 304 without a body) are llhttp's;
this module feeds it what the connection reads and turns its errors into httpcore2's, so
httpx2 raises the same errors as on its own transport. A hand parser did this before; llhttp
is the one that uvicorn trusts with every request it serves, and costs no more CPU per page
(docs/performance.md, "The page fetcher on each HTTP client stack").
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpcore2
import httptools

from worker.pipeline.clients.fetch.asyncio_streams import AsyncioStream
from worker.pipeline.clients.fetch.http11_head import head_end, tidy_head

_CHUNK = 2**16
# As the stream reader's limit on a head before: a site that sends more without ending its
# head is not sending HTTP.
_HEAD_LIMIT = 2**16
_STATUS_LINE = b"HTTP/"


class Answer:
    """llhttp's callbacks for one answer, and the reads that feed it."""

    def __init__(self, stream: AsyncioStream, timeout: float | None) -> None:
        self._stream = stream
        self._timeout = timeout
        self._parser = httptools.HttpResponseParser(self)
        # As h11 under httpcore2 read answers: chunks win over a Content-Length sent beside
        # them (RFC 9112, 6.3), and a bare LF ends a line. Neither lets one answer be read
        # as two here, where only one request at a time is on a connection.
        self._parser.set_dangerous_leniencies(
            lenient_chunked_length=True, lenient_optional_cr_before_lf=True
        )
        self.status = 0
        self._reason: list[bytes] = []
        self.headers: list[tuple[bytes, bytes]] = []
        self.keep = False
        self._head_done = False
        self._informational = False
        self._done = False
        self._body: list[bytes] = []

    @property
    def reason(self) -> bytes:
        return b"".join(self._reason)

    # llhttp's callbacks, called from feed_data.
    def on_message_begin(self) -> None:
        if self._done:
            self.keep = False  # more than the one answer asked for: the connection is spent
            return
        self._reason.clear()
        self.headers.clear()

    def on_status(self, data: bytes) -> None:
        if not self._done:
            self._reason.append(data)

    def on_header(self, name: bytes, value: bytes) -> None:
        if not self._done:
            self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        if self._done:
            return
        status = self._parser.get_status_code()
        # 100 Continue, 103 Early Hints: passed over, the answer follows.
        self._informational = 100 <= status < 200 and status != 101
        if not self._informational:
            self.status = status
            # Read here: llhttp forgets the answer's flags once its message is complete.
            self.keep = self._parser.should_keep_alive()
            self._head_done = True

    def on_body(self, data: bytes) -> None:
        if not self._done:
            self._body.append(data)

    def on_message_complete(self) -> None:
        if self._informational:
            self._informational = False
        elif self._head_done:
            self._done = True

    def _feed(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            # 101 Switching Protocols: what follows is not HTTP, and not for a page fetch.
            self._done, self.keep = True, False
            self._body.clear()
        except httptools.HttpParserError as error:
            if self._done:  # past the answer: it stands, the connection does not
                self.keep = False
                return
            raise httpcore2.RemoteProtocolError(f"malformed answer: {error}") from error

    async def read_head(self) -> None:
        """Reads up to the end of the answer's head, past informational answers.

        Each head is read whole before llhttp sees it, so that what lax servers send can be
        tidied first (http11_head); what follows it in the same read goes on to llhttp."""
        pending = b""
        while not self._head_done:
            end = head_end(pending)
            if end >= 0:
                head, pending = pending[:end], pending[end:]
                self._feed(tidy_head(head))
                continue
            if len(pending) >= _HEAD_LIMIT:
                raise httpcore2.RemoteProtocolError("the answer's head is too long")
            data = await self._stream.read(_CHUNK, self._timeout)
            if not data:
                if pending:
                    self._feed(pending)  # a malformed start is reported as such
                raise httpcore2.RemoteProtocolError(
                    "Server disconnected without sending a response."
                )
            pending += data
            if not _STATUS_LINE.startswith(pending[:5]):
                # Not an answer at all: llhttp says so at once, without waiting for a head.
                self._feed(pending)
                pending = b""
        if pending:
            self._feed(pending)

    def no_body(self) -> None:
        """The answer to a HEAD (or a CONNECT) has a head only, whatever its headers say."""
        self._done = True
        self._body.clear()

    async def body(self) -> AsyncIterator[bytes]:
        while True:
            if self._body:
                parts, self._body = self._body, []
                for part in parts:
                    yield part
            if self._done:
                return
            data = await self._stream.read(_CHUNK, self._timeout)
            if not data:
                if self._framed_by_close():
                    self.keep = False
                    return
                raise httpcore2.RemoteProtocolError(
                    "peer closed connection without sending complete message body"
                )
            self._feed(data)

    def _framed_by_close(self) -> bool:
        # The one framing answer llhttp keeps to itself (llhttp_message_needs_eof, not
        # exposed by httptools): with neither a length nor chunks, the close ends the body.
        # Its header checks were made by llhttp; only their names are looked at here.
        for name, value in self.headers:
            lowered = name.lower()
            if lowered == b"content-length":
                return False
            if lowered == b"transfer-encoding" and value.lower().rstrip().endswith(b"chunked"):
                return False
        return True
