"""A streaming reader of `multipart/form-data` request bodies.

Starlette's form parser spools file parts to temporary files; this reader hands the file
part's bytes on as they arrive instead, so an upload never sits whole in memory or on
disk. Small text fields are collected (with a size cap) wherever they appear in the body.
"""

from __future__ import annotations

import difflib
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass, field

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from shared.errors import InvalidInput

FILE_FIELD = "file"
# The text fields together may hold at most this many times one field's limit.
MAX_FIELDS = 8


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    is_file: bool = False
    # A field the form does not define: its value is dropped, its name reported.
    unknown: bool = False
    value: bytearray = field(default_factory=bytearray)


class FormStream:
    def __init__(
        self,
        body: AsyncIterator[bytes],
        content_type: str,
        max_field_bytes: int,
        accepted: Collection[str],
    ) -> None:
        """`accepted`: the form's field names, `file` included; any other is refused."""
        kind, params = parse_options_header(content_type)
        boundary = params.get(b"boundary")
        if kind != b"multipart/form-data" or not boundary:
            raise InvalidInput(
                "invalid_form", "send the upload as multipart/form-data with a `file` part", 415
            )
        self._body = body
        self._max_field = max_field_bytes
        self._accepted = accepted
        self._unknown: list[str] = []
        self.fields: dict[str, str] = {}
        self.filename: str | None = None
        self._events: list[tuple[str, bytes]] = []
        self._part: _Part | None = None
        self._header_field = b""
        self._header_value = b""
        self._complete = False
        self._field_bytes = 0
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": lambda: self._events.append(("begin", b"")),
                "on_header_field": lambda d, s, e: self._events.append(("hfield", d[s:e])),
                "on_header_value": lambda d, s, e: self._events.append(("hvalue", d[s:e])),
                "on_header_end": lambda: self._events.append(("hend", b"")),
                "on_headers_finished": lambda: self._events.append(("headers", b"")),
                "on_part_data": lambda d, s, e: self._events.append(("data", d[s:e])),
                "on_part_end": lambda: self._events.append(("end", b"")),
                "on_end": lambda: self._events.append(("done", b"")),
            },
        )

    async def _events_stream(self) -> AsyncIterator[tuple[str, bytes]]:
        async for chunk in self._body:
            try:
                self._parser.write(chunk)
            except MultipartParseError as exc:
                raise InvalidInput("invalid_form", f"malformed multipart body: {exc}") from exc
            events, self._events = self._events, []
            for event in events:
                yield event

    async def file_chunks(self) -> AsyncIterator[bytes]:
        """Yield the `file` part's bytes; the rest of the body is read for its fields.

        `filename` is set once the part's headers are parsed, before the first chunk.
        """
        saw_file = False
        async for kind, data in self._events_stream():
            if kind == "begin":
                self._part = _Part()
            elif kind == "hfield":
                self._header_field += data
            elif kind == "hvalue":
                self._header_value += data
            elif kind == "hend":
                assert self._part is not None
                self._part.headers[self._header_field.lower()] = self._header_value
                self._header_field, self._header_value = b"", b""
            elif kind == "headers":
                saw_file = self._begin_part(saw_file)
            elif kind == "data" and self._part is not None:
                if self._part.is_file:
                    yield data
                elif not self._part.unknown:
                    self._part.value += data
                    self._field_bytes += len(data)
                    if len(self._part.value) > self._max_field or (
                        self._field_bytes > self._max_field * MAX_FIELDS
                    ):
                        raise InvalidInput(
                            "field_too_large",
                            f"form field `{self._part.name[:40]}` exceeds {self._max_field} bytes",
                        )
            elif kind == "end" and self._part is not None:
                if not (self._part.is_file or self._part.unknown):
                    self.fields[self._part.name] = self._decode(self._part)
                self._part = None
            elif kind == "done":
                self._complete = True
        if not self._complete:
            # A body cut off mid-way must not pass for a complete (shorter) file.
            raise InvalidInput("invalid_form", "the multipart body ended before its last boundary")
        # Fields after the file part are known only now; the caller's clean-up removes
        # whatever the file's bytes were written to.
        self._refuse_unknown()
        if not saw_file:
            raise InvalidInput("missing_file", "the form has no `file` part")

    def _begin_part(self, saw_file: bool) -> bool:
        assert self._part is not None
        disposition = self._part.headers.get(b"content-disposition", b"")
        _, params = parse_options_header(disposition)
        self._part.name = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        if self._part.name == FILE_FIELD and filename is not None:
            if saw_file:
                raise InvalidInput("too_many_files", "send exactly one `file` part")
            # Fields sent before the file are refused before any of its bytes are read.
            self._refuse_unknown()
            self._part.is_file = True
            self.filename = filename.decode("utf-8", "replace")
            return True
        if self._part.name not in self._accepted:
            self._part.unknown = True
            if self._part.name not in self._unknown:
                self._unknown.append(self._part.name)
        return saw_file

    def _refuse_unknown(self) -> None:
        if self._unknown:
            raise unknown_fields(self._unknown, self._accepted)

    @staticmethod
    def _decode(part: _Part) -> str:
        try:
            return part.value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                "invalid_form", f"form field `{part.name[:40]}` is not UTF-8 text"
            ) from exc


def unknown_fields(names: list[str], accepted: Collection[str]) -> InvalidInput:
    """A misspelt field would otherwise be dropped silently, and its option with it."""
    shown = []
    for name in names[:10]:
        close = difflib.get_close_matches(name, accepted, n=1, cutoff=0.6)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        shown.append(f"`{name[:40]}`{hint}")
    return InvalidInput(
        "unknown_form_field",
        f"unknown form field(s): {', '.join(shown)}; the accepted fields are {', '.join(accepted)}",
    )
