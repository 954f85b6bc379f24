"""XLSX bombs whose zip directory lies about sizes are refused on the bytes that actually
inflate, with memory bounded, before a spreadsheet reader opens them."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import httpx
import pytest

from gateway.ingest.workbook_archive import check_workbook_archive
from shared.errors import InvalidInput
from shared.layout import tenant_sessions_prefix
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import Caller, upload

pytestmark = pytest.mark.unit

SHEET = "xl/worksheets/sheet1.xml"
ROW = b'<row><c t="inlineStr"><is><t>' + b"Capcom " * 100 + b"</t></is></c></row>"
MB = 1024 * 1024


def forge_declared_size(archive: bytes, name: str, size: int) -> bytes:
    """The same archive, with `name`'s uncompressed size claimed as `size` in both its local
    header and the central directory."""
    out = bytearray(archive)
    struct.pack_into(
        "<I", out, zipfile.ZipFile(io.BytesIO(archive)).getinfo(name).header_offset + 22, size
    )
    end = out.rfind(b"PK\x05\x06")
    position = struct.unpack_from("<I", out, end + 16)[0]
    while out[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", out, position + 28)
        if out[position + 46 : position + 46 + name_length] == name.encode():
            struct.pack_into("<I", out, position + 24, size)
        position += 46 + name_length + extra_length + comment_length
    return bytes(out)


def workbook_with_sheet(body_chunks: int, chunk: bytes = b" " * MB) -> bytes:
    """A real workbook whose first sheet is replaced by `body_chunks` chunks of rows,
    written as a stream so that the test itself stays small in memory."""
    good = zipfile.ZipFile(io.BytesIO(corpus.xlsx({"S": [["Company"], ["Capcom"]]})))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in good.infolist():
            if item.filename != SHEET:
                archive.writestr(item.filename, good.read(item.filename))
                continue
            with archive.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(b"<worksheet><sheetData>")
                for _ in range(body_chunks):
                    sheet.write(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


@pytest.fixture(scope="module")
def forged_bomb() -> bytes:
    """300 MB of sheet XML in well under a megabyte, declared as 1,000 bytes."""
    return forge_declared_size(workbook_with_sheet(300), SHEET, 1000)


def test_the_directory_of_the_forged_bomb_claims_a_small_workbook(forged_bomb: bytes) -> None:
    members = zipfile.ZipFile(io.BytesIO(forged_bomb)).infolist()
    assert sum(member.file_size for member in members) < 20_000
    assert len(forged_bomb) < MB


def test_a_forged_bomb_is_refused_by_what_it_inflates_to_with_memory_bounded(
    forged_bomb: bytes,
) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput) as refused:
            check_workbook_archive(forged_bomb, 100 * MB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refused.value.code, refused.value.status_code) == ("archive_too_large", 413)
    assert peak < 4 * MB


async def test_a_forged_bomb_upload_is_413_and_leaves_nothing(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, forged_bomb: bytes
) -> None:
    response = await upload(client, forged_bomb, "bomb.xlsx")
    assert response.status_code == 413, response.text
    assert response.json()["code"] == "archive_too_large"
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


async def test_a_part_larger_than_it_declares_is_a_damaged_workbook(
    client: httpx.AsyncClient,
) -> None:
    honest = workbook_with_sheet(2, ROW)
    declared = zipfile.ZipFile(io.BytesIO(honest)).getinfo(SHEET).file_size
    forged = forge_declared_size(honest, SHEET, declared - 1)
    response = await upload(client, forged, "a.xlsx")
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "corrupt_file"


async def test_an_honest_workbook_is_read_as_before(client: httpx.AsyncClient) -> None:
    response = await upload(client, workbook_with_sheet(2, ROW), "rows.xlsx")
    assert response.status_code == 201, response.text
    assert response.json()["input"]["rows"] == 2
