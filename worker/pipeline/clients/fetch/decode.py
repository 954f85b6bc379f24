"""Bytes of a page to text: declared charset first, then sniffed, never an exception."""

from __future__ import annotations

import codecs
import contextlib
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def is_html(content_type: str) -> bool:
    """Pages worth reading as text; a missing type is sniffed as HTML, as browsers do."""
    kind = content_type.split(";")[0].strip().lower()
    return not kind or "html" in kind or "xml" in kind or kind == "text/plain"


def decode_body(body: bytes, content_type: str) -> str:
    header = _HEADER_CHARSET.search(content_type)
    meta = _META_CHARSET.search(body[:4096])
    declared = _known(header.group(1) if header else None) or _known(
        meta.group(1).decode("ascii", "replace") if meta else None
    )
    if declared:
        # A wrong declaration falls through to sniffing.
        with contextlib.suppress(UnicodeDecodeError):
            return body.decode(declared)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(body) - 3:  # a character cut in half by the size limit
            return body.decode("utf-8", errors="replace")
        best = from_bytes(body[:200_000]).best()
        encoding = best.encoding if best is not None else "utf-8"
        return body.decode(encoding, errors="replace")
