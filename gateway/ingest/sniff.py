"""The format of an upload, told from its bytes (the file name's extension is ignored)."""

from __future__ import annotations

import unicodedata
from typing import Literal

from shared.errors import InvalidInput

Format = Literal["csv", "xlsx", "xls"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Encrypted OOXML workbooks are OLE containers holding these streams (UTF-16 names).
_ENCRYPTED_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

UNSUPPORTED = (
    "the file is not a CSV, XLSX or XLS spreadsheet; export it from your spreadsheet "
    "program as CSV or XLSX"
)


def sniff_format(head: bytes) -> Format:
    if not head:
        raise InvalidInput("empty_file", "the uploaded file is empty")
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        if any(marker in head for marker in _ENCRYPTED_MARKERS):
            raise InvalidInput(
                "password_protected", "the workbook is password-protected; remove the password"
            )
        return "xls"
    if _looks_like_text(head):
        return "csv"
    raise InvalidInput("unsupported_format", UNSUPPORTED, 415)


def _looks_like_text(head: bytes) -> bool:
    sample = head[:8192]
    utf16 = _utf16_codec(sample)
    if utf16 is not None:
        # NULs in every other byte are also what binary numbers and UTF-32 look like:
        # only what decodes to text without control characters is UTF-16 text.
        return _few_controls(sample[: len(sample) // 2 * 2].decode(utf16, errors="replace"))
    if b"\x00" in sample:
        return False
    return _few_controls(sample)


def _utf16_codec(sample: bytes) -> str | None:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return utf16_without_bom(sample)


def _few_controls(sample: bytes | str) -> bool:
    codes = sample if isinstance(sample, bytes) else [ord(char) for char in sample]
    controls = sum(1 for code in codes if code < 32 and code not in (9, 10, 13))
    return controls <= len(codes) // 100


def check_legacy_workbook(data: bytes) -> None:
    """An encrypted XLSX is an OLE file too; its stream names may sit anywhere in it."""
    if any(marker in data for marker in _ENCRYPTED_MARKERS):
        raise InvalidInput(
            "password_protected", "the workbook is password-protected; remove the password"
        )


# What separates the cells and records of a CSV: text read with the wrong byte order, or
# bytes that are no UTF-16 at all, have none of these (each needs a NUL byte in its place).
_STRUCTURE = frozenset("\n\r,;\t|")
# Control characters, unassigned and private-use code points, lone surrogates.
_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))


def utf16_without_bom(sample: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the sample reads as CSV text in that byte order.

    Whatever the script (Latin, Cyrillic, Chinese, Japanese, Korean), UTF-16 text decodes to
    characters that are nearly all assigned and printable, with line breaks or delimiters
    among them. Binary data decodes to controls, private-use and unassigned code points;
    UTF-32 to NULs; the wrong byte order turns every line break and delimiter into
    something else. A sample without a NUL byte is never UTF-16 CSV: its line breaks
    would have one.
    """
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    best: tuple[int, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        structure = _utf16_structure(sample, codec)
        if structure and (best is None or structure > best[0]):
            best = (structure, codec)
    return best[1] if best is not None else None


def _utf16_structure(sample: bytes, codec: str) -> int:
    """How many line breaks and delimiters the sample has read as `codec`: 0 when it is no
    text in that byte order (more than 1% of its characters not text)."""
    text = sample[: len(sample) // 2 * 2].decode(codec, errors="replace")
    # The sample may end between the two halves of a surrogate pair.
    if text.endswith("\ufffd"):
        text = text[:-1]
    if not text:
        return 0
    category = unicodedata.category
    bad = sum(
        1
        for char in text
        if char == "\ufffd" or (category(char) in _NOT_TEXT and char not in "\t\n\r")
    )
    if bad > len(text) // 100:
        return 0
    return sum(1 for char in text if char in _STRUCTURE)
