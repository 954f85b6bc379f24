"""Which text encoding and which delimiter a CSV upload uses, told from its first bytes."""

from __future__ import annotations

import csv
import io
from collections import Counter

from charset_normalizer import from_bytes

from gateway.ingest.sniff import utf16_without_bom

DELIMITERS = (",", ";", "\t", "|")
# Single-byte encodings seen in exports from Excel on Windows; UTF-8 is tried first.
_LEGACY = ("cp1251", "cp1252")


def detect_encoding(head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    utf16 = utf16_without_bom(head[:8192])
    if utf16 is not None:
        return utf16
    if _decodes(head, "utf-8"):
        return "utf-8"
    best = from_bytes(head, cp_isolation=list(_LEGACY)).best()
    if best is not None and best.encoding in _LEGACY:
        return best.encoding
    return "cp1252"


def _decodes(head: bytes, encoding: str) -> bool:
    try:
        head.decode(encoding)
    except UnicodeDecodeError as exc:
        # The sample may end inside a multi-byte character; that alone is no mismatch.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent columns.

    `text` is the decoded head of the file; its last line may be cut, so it is dropped.
    """
    lines = text.splitlines(keepends=True)
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines = lines[:-1]
    sample = "".join(lines[:200])
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        widths = [
            len(record)
            for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            if any(cell.strip() for cell in record)
        ]
        if not widths:
            continue
        common = Counter(widths).most_common(1)[0][0]
        if common < 2:
            continue
        score = (sum(1 for w in widths if w == common) / len(widths), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best
