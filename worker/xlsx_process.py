"""The final results workbook, written by a process of its own beside the worker.

Writing a session's XLSX (sheet markup, then deflating it) is about half the CPU of its
final files, and the worker's event loop and threads share one interpreter lock: in a
child process it runs on the machine's other core while the worker reads chunks and
writes the CSV and JSON. The worker sends each batch's cells, already laid out
(`shared.exports.workbook_cells`), as one orjson message on the child's stdin; a pipe's
small buffer holds the worker back when the child falls behind, so memory stays bounded
on both sides. The child answers once, on stdout, when the workbook is saved.

Messages are a 4-byte big-endian length, then that many bytes: first the workbook's
header (`{"path", "header", "evidence_header", "created"}`), then `[rows, evidence]`
batches; an empty message ends the rows. A child that fails keeps reading to the end, so
the worker never blocks on a full pipe, and answers with the error.
"""

from __future__ import annotations

import collections
import contextlib
import struct
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson

_LENGTH = struct.Struct(">I")
_ROOT = Path(__file__).resolve().parent.parent


class XlsxProcessError(RuntimeError):
    """The child could not write the workbook; the message is its error."""


class XlsxProcess:
    """The parent's side: `append` batches (blocking: call it off the event loop), then
    `finish` to wait for the saved workbook at `path`."""

    def __init__(
        self,
        path: Path,
        header: Sequence[str],
        evidence_header: Sequence[str] | None,
        created: datetime | None,
    ) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "worker.xlsx_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=_ROOT,
        )
        assert self._process.stdin is not None
        self._sink: IO[bytes] = self._process.stdin
        head = {
            "path": str(path),
            "header": list(header),
            "evidence_header": None if evidence_header is None else list(evidence_header),
            "created": None if created is None else created.isoformat(),
        }
        self._send(orjson.dumps(head))

    def append(self, rows: Sequence[Sequence[object]], evidence: Sequence[Sequence[str]]) -> None:
        self._send(orjson.dumps([rows, evidence]))

    def finish(self) -> None:
        """Blocks until the child has saved the workbook; raises what it failed with."""
        self._send(b"")
        self._sink.close()
        assert self._process.stdout is not None
        with self._process.stdout:
            answer = self._process.stdout.read()
        code = self._process.wait()
        try:
            error = orjson.loads(answer).get("error")
        except orjson.JSONDecodeError:
            error = f"the workbook process ended with code {code} and no answer"
        if error:
            raise XlsxProcessError(error)

    def stop(self) -> None:
        """Ends the child at once (finalization failed or was cancelled)."""
        if self._process.poll() is None:
            self._process.kill()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._process.wait()

    def _send(self, message: bytes) -> None:
        try:
            self._sink.write(_LENGTH.pack(len(message)))
            self._sink.write(message)
        except BrokenPipeError as exc:
            raise XlsxProcessError("the workbook process ended early") from exc


def _messages(source: IO[bytes]) -> Any:
    while True:
        head = source.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return
        (size,) = _LENGTH.unpack(head)
        if not size:
            return
        yield source.read(size)


def serve(source: IO[bytes], answer: IO[bytes]) -> None:
    """The child's side: the header message, then batches until the empty message."""
    # Imported here: the parent needs none of openpyxl to drive the child.
    from shared.xlsx_book import XlsxBook

    messages = _messages(source)
    error = None
    try:
        head = orjson.loads(next(messages))
        created = head["created"]
        book = XlsxBook(
            head["header"],
            head["evidence_header"],
            None if created is None else datetime.fromisoformat(created),
        )
        try:
            for message in messages:
                rows, evidence = orjson.loads(message)
                book.append(rows, evidence)
            book.save(Path(head["path"]))
        except BaseException:
            book.discard()
            raise
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        # Drained, so the parent's writes never block.
        collections.deque(messages, maxlen=0)
    answer.write(orjson.dumps({"error": error}))
    answer.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
