"""Where a key's line is, packed small: the slots of the worker's cache index.

A slot is one 64-bit integer: the block's number in the index (24 bits), the line's
offset in the block (24) and its length (16). A run is a sorted array of key hashes with
the slot of each beside it, 16 bytes a key.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

# A slot packs the block's number (24 bits), the line's offset (24) and length (16).
MAX_OFFSET = (1 << 24) - 1
MAX_LENGTH = (1 << 16) - 1
MAX_BLOCKS = 1 << 24
PLACE = (1 << 40) - 1  # the offset and length of a slot


@dataclass(frozen=True)
class Located:
    block_key: str
    block_size: int
    offset: int
    length: int
    written_ms: int


class Run:
    """Sorted key hashes and, beside each, the slot of the line that answers it."""

    def __init__(self, pairs: Iterator[tuple[int, int]]) -> None:
        self.hashes: array[int] = array("Q")
        self.slots: array[int] = array("Q")
        for value, slot in pairs:
            self.hashes.append(value)
            self.slots.append(slot)

    @classmethod
    def of(cls, hashes: array[int], slots: array[int]) -> Run:
        """A run of arrays already sorted by hash (a summary's)."""
        run = cls(iter(()))
        run.hashes, run.slots = hashes, slots
        return run

    def __len__(self) -> int:
        return len(self.hashes)

    def pairs(self) -> Iterator[tuple[int, int]]:
        return zip(self.hashes, self.slots, strict=True)

    def slots_of(self, value: int) -> Iterator[int]:
        at = bisect_left(self.hashes, value)
        while at < len(self.hashes) and self.hashes[at] == value:
            yield self.slots[at]
            at += 1
