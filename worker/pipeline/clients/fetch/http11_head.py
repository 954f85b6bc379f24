"""Answer heads as lax servers write them, made readable by llhttp.

llhttp refuses two things that h11, curl and browsers read: a Content-Length sent twice
(or as a list) with one value, and a header value continued on the next line (obs-fold).
RFC 9110, 8.6 lets a recipient take repeated identical lengths as one, and RFC 9112, 5.2
lets it replace a fold with a space; neither can make one answer read as two. Lengths that
differ stay refused: which of them frames the body cannot be known.
"""

from __future__ import annotations

import re

# A line break followed by a space or tab continues the header line above it.
_FOLD = re.compile(rb"\r?\n[ \t]+")
_LENGTH_LINE = re.compile(rb"^content-length[ \t]*:([^\r\n]*)\r?\n", re.IGNORECASE | re.MULTILINE)


def head_end(data: bytes) -> int:
    """The offset just past the first head in `data` (its empty line), or -1 if not there.

    A bare LF ends a line as well as CRLF (as the parser is told to accept)."""
    crlf = data.find(b"\n\r\n")
    # Searched only before a CRLF end, so a bare-LF pair in a body is never taken for one.
    bare = data.find(b"\n\n", 0, crlf if crlf >= 0 else len(data))
    if bare >= 0:
        return bare + 2
    return crlf + 3 if crlf >= 0 else -1


def tidy_head(head: bytes) -> bytes:
    """`head` with folded lines joined and a repeated identical Content-Length given once."""
    if b"\n " in head or b"\n\t" in head:
        # The head's own end ("\n\r\n") never matches: only a space or tab continues a line.
        head = _FOLD.sub(b" ", head)
    if head.lower().count(b"content-length") == 0:
        return head
    lines = list(_LENGTH_LINE.finditer(head))
    values = [value.strip() for line in lines for value in line.group(1).split(b",")]
    if len(values) < 2 or len(set(values)) != 1:
        return head  # one plain length, or lengths that differ: llhttp judges as sent
    first = lines[0]
    kept = b"Content-Length: " + values[0] + b"\r\n"
    out = [head[: first.start()], kept]
    previous = first.end()
    for line in lines[1:]:
        out.append(head[previous : line.start()])
        previous = line.end()
    out.append(head[previous:])
    return b"".join(out)
