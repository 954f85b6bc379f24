"""How a chunk's cache entries are stored: one block of lines and one index beside it.

A chunk writes the entries of its `ok` rows once, as one object of JSON lines
(`cache/blocks/<stamp>.jsonl`, one `CacheEntry` a line), then a small binary index of it
(`cache/index/<stamp>.idx`): for every key an entry answers, the key's hash (8 bytes,
with the profile in it), and where the entry's line starts and how long it is. A worker
holds the hashes of the tenant's indexes in memory, so a key that no entry answers costs
no request; one that is there costs a read of its line (or of the whole block when a
chunk needs many of its lines). Both objects are written once by one worker and never
changed; the index is written after its block, so every listed index points at a block
that was stored.

`<stamp>` is the writer's clock in milliseconds (13 digits) and 16 random hex digits:
listing the index folder returns indexes in about the order they were written, and
the listing of the ones not seen yet starts after a stamp.
"""

from __future__ import annotations

import hashlib
import secrets
import sys
from array import array
from dataclasses import dataclass

_MAGIC = b"DCX1"
_HEADER = len(_MAGIC) + 8


def stamp(now_ms: int) -> str:
    return f"{now_ms:013d}-{secrets.token_hex(8)}"


def stamp_floor(ms: int) -> str:
    """A listing's `start_after` that keeps every stamp of millisecond `ms` or later."""
    return f"{max(ms, 0):013d}"


def stamp_ms(name: str) -> int:
    """The milliseconds of a stamp (or of a key ending in `<stamp>.<ext>`); -1 if none."""
    digits = name.rsplit("/", 1)[-1][:13]
    return int(digits) if digits.isdigit() else -1


def key_hash(profile: str, key: str) -> int:
    """The index's name for a key answered under a profile: another profile's entries
    are not in a session's index at all."""
    digest = hashlib.blake2b(f"{profile}\n{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True)
class BlockIndex:
    """One block's index: parallel arrays, one slot per key an entry answers."""

    block_size: int
    hashes: array[int]
    offsets: array[int]
    lengths: array[int]


def encode_block(lines: list[tuple[list[int], bytes]]) -> tuple[bytes, BlockIndex]:
    """A block of the given entry lines (each with the hashes it answers) and its index."""
    hashes, offsets, lengths = array("Q"), array("I"), array("I")
    parts: list[bytes] = []
    position = 0
    for line_hashes, line in lines:
        for value in line_hashes:
            hashes.append(value)
            offsets.append(position)
            lengths.append(len(line))
        parts.append(line)
        parts.append(b"\n")
        position += len(line) + 1
    return b"".join(parts), BlockIndex(position, hashes, offsets, lengths)


def encode_index(index: BlockIndex) -> bytes:
    count = len(index.hashes)
    header = _MAGIC + count.to_bytes(4, "little") + index.block_size.to_bytes(4, "little")
    return header + b"".join(_little(array(c.typecode, c)).tobytes() for c in _columns(index))


def decode_index(data: bytes) -> BlockIndex:
    if data[: len(_MAGIC)] != _MAGIC or len(data) < _HEADER:
        raise ValueError("not a cache index")
    count = int.from_bytes(data[4:8], "little")
    block_size = int.from_bytes(data[8:12], "little")
    index = BlockIndex(block_size, array("Q"), array("I"), array("I"))
    position = _HEADER
    for column in _columns(index):
        end = position + count * column.itemsize
        if end > len(data):
            raise ValueError("a cache index cut short")
        column.frombytes(data[position:end])
        _little(column)
        position = end
    return index


def _columns(index: BlockIndex) -> tuple[array[int], array[int], array[int]]:
    return index.hashes, index.offsets, index.lengths


def _little(column: array[int]) -> array[int]:
    """The column in little-endian order (stored so; swapped in place on other hosts)."""
    if sys.byteorder == "big":
        column.byteswap()
    return column
