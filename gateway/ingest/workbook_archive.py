"""How far an XLSX really expands, counted before a spreadsheet reader opens it.

The sizes in a zip's directory are claims: a crafted archive can declare a few bytes for
a member that inflates to gigabytes. The declared total is a cheap first test; then every
member is inflated once, a step at a time with the output thrown away, so the refusal
rests on the bytes that actually come out and the check itself holds one step at most.
The deflate stream ends by itself, so the count does not depend on any declared size.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from gateway.ingest.sniff import UNSUPPORTED
from shared.errors import InvalidInput

# Uncompressed bytes allowed per uploaded byte, and in total, before a zip counts as a bomb.
MAX_ZIP_RATIO = 200
MAX_ZIP_EXPANDED = 2 * 1024 * 1024 * 1024
STEP = 256 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DAMAGED = "the workbook is damaged (not a readable XLSX)"


def expansion_limit(archive_bytes: int, size_limit: int) -> int:
    return min(MAX_ZIP_EXPANDED, max(size_limit, archive_bytes * MAX_ZIP_RATIO))


def check_workbook_archive(data: bytes, size_limit: int) -> None:
    """Refuse corrupt archives and zip bombs, forged sizes included, before a parser
    expands them."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InvalidInput("corrupt_file", _DAMAGED) from exc
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise InvalidInput("unsupported_format", UNSUPPORTED, 415)
    limit = expansion_limit(len(data), size_limit)
    declared = sum(member.file_size for member in members)
    if declared > limit:
        raise _too_large(f"expands to {declared} bytes")
    inflated = 0
    for member in members:
        size = _inflated_size(data, member, limit - inflated)
        if size != member.file_size:
            raise InvalidInput("corrupt_file", f"{_DAMAGED}: a part is not the size it declares")
        inflated += size


def _too_large(how: str) -> InvalidInput:
    return InvalidInput(
        "archive_too_large",
        f"the workbook {how}, which is more than allowed (a compressed file this inflated "
        "is refused)",
        413,
    )


def _data_start(data: bytes, member: zipfile.ZipInfo) -> int:
    offset = member.header_offset
    if offset < 0 or offset + _LOCAL_HEADER.size > len(data):
        raise InvalidInput("corrupt_file", _DAMAGED)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, offset)
    if signature != _LOCAL_SIGNATURE:
        raise InvalidInput("corrupt_file", _DAMAGED)
    start: int = offset + _LOCAL_HEADER.size + name_length + extra_length
    return start


def _inflated_size(data: bytes, member: zipfile.ZipInfo, budget: int) -> int:
    """The bytes a reader gets out of `member`; refused past `budget`."""
    start = _data_start(data, member)
    if member.flag_bits & 0x1:
        raise InvalidInput("corrupt_file", f"{_DAMAGED}: a part is encrypted")
    if member.compress_type == zipfile.ZIP_STORED:
        if start + member.compress_size > len(data):
            raise InvalidInput("corrupt_file", _DAMAGED)
        if member.compress_size > budget:
            raise _too_large(f"expands to more than {budget} bytes")
        return member.compress_size
    if member.compress_type != zipfile.ZIP_DEFLATED:
        # Spreadsheet programs write deflate only; other methods are a reader's weak spot.
        raise InvalidInput("corrupt_file", f"{_DAMAGED}: unknown compression")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    source = memoryview(data)
    position, produced = start, 0
    while not inflater.eof:
        pending: bytes | memoryview = inflater.unconsumed_tail
        if not pending and position < len(data):
            pending, position = source[position : position + STEP], position + STEP
        try:
            out = len(inflater.decompress(pending, STEP))
        except zlib.error as exc:
            raise InvalidInput("corrupt_file", _DAMAGED) from exc
        if not pending and not out and not inflater.eof:
            raise InvalidInput("corrupt_file", f"{_DAMAGED}: a part is cut short")
        produced += out
        if produced > budget:
            raise _too_large(f"expands to more than {budget} bytes")
    return produced
