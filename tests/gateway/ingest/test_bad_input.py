"""Every client mistake in an upload is a clear 4xx, and nothing is left in storage."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import AsyncIterator

import httpx
import pytest

from shared.layout import tenant_sessions_prefix
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for, upload

pytestmark = pytest.mark.unit

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    return out.getvalue()


def encrypted_workbook() -> bytes:
    """The shape of a password-protected XLSX: an OLE file with encryption streams."""
    body = bytearray(OLE_MAGIC + b"\0" * 504)
    body += "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    body += "EncryptedPackage".encode("utf-16-le") + os.urandom(2048)
    return bytes(body)


def encrypted_workbook_with_late_directory() -> bytes:
    """Larger encrypted files keep their stream names far past the first bytes."""
    return OLE_MAGIC + os.urandom(200_000).replace(b"\0", b"\1") + encrypted_workbook()[8:]


def corrupt_xlsx() -> bytes:
    good = corpus.xlsx({"S": [["Company"], ["Capcom"]]})
    return good[: len(good) // 2]


def damaged_sheet_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    return out.getvalue()


def int16_samples() -> bytes:
    return b"".join(struct.pack("<h", i % 100) for i in range(3000))


async def assert_nothing_stored(store: MemoryStore, owner: Caller) -> None:
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


@pytest.mark.parametrize(
    ("content", "filename", "status", "code"),
    [
        pytest.param(b"", "empty.csv", 422, "empty_file", id="empty"),
        pytest.param(b"\n\n ,, \n", "blank.csv", 422, "empty_file", id="only-blank-rows"),
        pytest.param(os.urandom(4096) + b"\0", "junk.csv", 415, "unsupported_format", id="junk"),
        pytest.param(corrupt_xlsx(), "cut.xlsx", 422, "corrupt_file", id="corrupt-xlsx"),
        pytest.param(damaged_sheet_xlsx(), "bad.xlsx", 422, "corrupt_file", id="damaged-xml"),
        pytest.param(encrypted_workbook(), "secret.xlsx", 422, "password_protected", id="password"),
        pytest.param(
            encrypted_workbook_with_late_directory(),
            "big-secret.xlsx",
            422,
            "password_protected",
            id="password-late-directory",
        ),
        pytest.param(zip_bomb(), "bomb.xlsx", 413, "archive_too_large", id="zip-bomb"),
        pytest.param(
            b"%PDF-1.7\n" + os.urandom(2000), "a.csv", 415, "unsupported_format", id="pdf"
        ),
        pytest.param(
            b"id,amount\n1,20\n2,30\n", "nums.csv", 422, "no_company_column", id="no-text"
        ),
        # Small binary numbers have a NUL in every other byte, as UTF-16 text does; decoded,
        # they are control characters, not text.
        pytest.param(int16_samples(), "data.csv", 415, "unsupported_format", id="int16-array"),
        # A UTF-32 BOM begins with the UTF-16 one; read as UTF-16 every other character is NUL.
        pytest.param(
            "Company,Website\nAcme,acme.com\n".encode("utf-32"),
            "u32.csv",
            415,
            "unsupported_format",
            id="utf-32",
        ),
        pytest.param(b"Company,Website\n", "header.csv", 422, "no_rows", id="header-only"),
        pytest.param(
            b"Company\n" + b"x" * 20_000 + b"\n", "wide.csv", 422, "field_too_large", id="huge-cell"
        ),
        pytest.param(b"Company\nAcme\n", "../etc/passwd", 422, "invalid_filename", id="path"),
        pytest.param(b"Company\nAcme\n", "a\\b.csv", 422, "invalid_filename", id="backslash"),
        pytest.param(b"Company\nAcme\n", "", 422, "missing_file", id="no-filename"),
    ],
)
async def test_bad_upload_is_a_clear_4xx_and_leaves_nothing_behind(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    content: bytes,
    filename: str,
    status: int,
    code: str,
) -> None:
    response = await upload(client, content, filename)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    await assert_nothing_stored(store, owner)


@pytest.mark.parametrize("filename", [b"a\x07b.csv", b"tab\there.csv", b"x\x1b[31m.csv"])
async def test_filename_with_control_characters_is_refused(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, filename: bytes
) -> None:
    # Built by hand: HTTP clients would percent-encode the control characters.
    body = (
        b"--b0undary\r\n"
        b'Content-Disposition: form-data; name="file"; filename="' + filename + b'"\r\n'
        b"Content-Type: text/csv\r\n\r\nCompany\nAcme\n\r\n--b0undary--\r\n"
    )
    response = await client.post(
        "/api/sessions",
        content=body,
        headers={"Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_filename"
    await assert_nothing_stored(store, owner)


async def test_body_cut_off_before_its_last_boundary_is_refused(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    body = (
        b"--b0undary\r\n"
        b'Content-Disposition: form-data; name="file"; filename="cut.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\nCompany\nAcme\nGlob"
    )
    response = await client.post(
        "/api/sessions",
        content=body,
        headers={"Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert (response.status_code, response.json()["code"]) == (422, "invalid_form")
    await assert_nothing_stored(store, owner)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"run_llm_deep_search_pipeline": "maybe"}, "invalid_option"),
        ({"run_llm_deep_search_pipeline": "true"}, "option_unavailable"),
        ({"write_to_hubspot": "true"}, "option_unavailable"),
        ({"use_hubspot_integration": "1"}, "option_unavailable"),
        ({"context_text": "x" * 4001}, "context_too_long"),
        ({"context_text": "x" * 40_000}, "field_too_large"),
    ],
)
async def test_bad_form_fields_are_refused(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    fields: dict[str, str],
    code: str,
) -> None:
    response = await upload(client, corpus.UTF8_BOM, "ok.csv", **fields)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == code
    assert "4000" in response.json()["message"] or code != "context_too_long"
    await assert_nothing_stored(store, owner)


async def test_form_without_file_part_or_not_multipart_is_refused(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    no_file = await client.post("/api/sessions", files={"context_text": (None, "hello")})
    assert (no_file.status_code, no_file.json()["code"]) == (422, "missing_file")
    # A file under another name is no `file` part, and that name no field of the form.
    misnamed = await client.post(
        "/api/sessions", data={"context_text": "hello"}, files={"x": ("a", b"b")}
    )
    assert (misnamed.status_code, misnamed.json()["code"]) == (422, "unknown_form_field")
    as_json = await client.post("/api/sessions", json={"file": "x"})
    assert (as_json.status_code, as_json.json()["code"]) == (415, "invalid_form")
    await assert_nothing_stored(store, owner)


@pytest.fixture
async def limited(
    make_settings: MakeSettings, app_on_twins: AppOnTwins, owner: Caller
) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(max_upload_bytes=10_000, max_rows=5, max_context_chars=10)
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        yield http


async def test_limits_are_enforced_with_the_limit_in_the_message(
    limited: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    big = b"Company\n" + b"Acme Corporation International\n" * 1000
    too_big = await upload(limited, big, "big.csv")
    assert too_big.status_code == 413
    assert too_big.json()["code"] == "file_too_large"
    assert "10000" in too_big.json()["message"]

    rows = b"Company\n" + b"".join(b"Company %d\n" % i for i in range(6))
    too_many = await upload(limited, rows, "rows.csv")
    assert too_many.status_code == 413
    assert too_many.json()["code"] == "too_many_rows"
    assert "5" in too_many.json()["message"]

    context = await upload(limited, b"Company\nAcme\n", "c.csv", context_text="x" * 11)
    assert (context.status_code, context.json()["code"]) == (422, "context_too_long")
    assert "10" in context.json()["message"]
    await assert_nothing_stored(store, owner)

    exactly = await upload(limited, rows[: rows.index(b"Company 5")], "five.csv")
    assert exactly.status_code == 201
    assert exactly.json()["input"]["rows"] == 5


async def test_a_sheet_chosen_for_a_csv_is_refused(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    response = await upload(client, b"Company\nAcme\n", "list.csv", sheet="Leads")
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "sheet_not_found"
    assert response.json()["message"]
    await assert_nothing_stored(store, owner)
