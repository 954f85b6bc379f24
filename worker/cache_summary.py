"""Many block indexes of a tenant as one object, so that a worker new to the tenant reads
one object instead of every index.

`cache/summaries/<stamp>.sum` holds the key hashes of every block a worker held, stamped
up to `<stamp>` (the newest block it covers) and within the maximum age: the blocks'
stamps, sizes and key counts, then the hashes sorted, each with its slot (the block's
number in this summary, the line's offset and length, packed as in `worker/cache_index.py`).
Any worker may write one (every version is a correct account of the blocks it names), so
two workers writing the same name at once both write a correct object.
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass

_MAGIC = b"DCS1"
_STAMP = 30  # 13 digits, a dash, 16 hex digits


@dataclass(frozen=True)
class Summary:
    blocks: list[tuple[str, int, int]]  # stamp, block size, keys held
    hashes: array[int]  # sorted
    slots: array[int]


def encode_summary(summary: Summary) -> bytes:
    table = b"".join(
        stamp.encode().ljust(_STAMP)[:_STAMP]
        + size.to_bytes(4, "little")
        + keys.to_bytes(4, "little")
        for stamp, size, keys in summary.blocks
    )
    header = _MAGIC + len(summary.blocks).to_bytes(4, "little")
    header += len(summary.hashes).to_bytes(4, "little")
    columns = (_little(array("Q", column)).tobytes() for column in (summary.hashes, summary.slots))
    return header + table + b"".join(columns)


def decode_summary(data: bytes) -> Summary:
    if data[:4] != _MAGIC or len(data) < 12:
        raise ValueError("not a cache summary")
    blocks_count = int.from_bytes(data[4:8], "little")
    keys = int.from_bytes(data[8:12], "little")
    row = _STAMP + 8
    if len(data) != 12 + blocks_count * row + keys * 16:
        raise ValueError("a cache summary cut short")
    blocks = []
    for n in range(blocks_count):
        at = 12 + n * row
        blocks.append(
            (
                data[at : at + _STAMP].decode().strip(),
                int.from_bytes(data[at + _STAMP : at + _STAMP + 4], "little"),
                int.from_bytes(data[at + _STAMP + 4 : at + row], "little"),
            )
        )
    at = 12 + blocks_count * row
    hashes, slots = array("Q"), array("Q")
    hashes.frombytes(data[at : at + keys * 8])
    slots.frombytes(data[at + keys * 8 :])
    return Summary(blocks, _little(hashes), _little(slots))


def _little(column: array[int]) -> array[int]:
    if sys.byteorder == "big":
        column.byteswap()
    return column
