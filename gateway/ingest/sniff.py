"""The format of an upload, told from its bytes (the file name's extension is ignored)."""

from __future__ import annotations

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
    if looks_like_utf16(sample):
        return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
    return None


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


def looks_like_utf16(sample: bytes) -> bool:
    """UTF-16 without a BOM: text of mostly Latin or Cyrillic letters has NULs in a column."""
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > len(odd) * 0.4 or even.count(0) > len(even) * 0.4
