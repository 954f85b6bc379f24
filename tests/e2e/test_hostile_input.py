"""Hostile input against the gateway process on real SeaweedFS and RabbitMQ: schemathesis
finds no server error and no answer outside the document, and a client that leaves in
the middle of an upload is a client abort that leaves nothing in storage."""

from __future__ import annotations

import asyncio
import json
import socket
from urllib.parse import urlsplit

import pytest
import schemathesis

from shared.layout import tenant_sessions_prefix
from shared.storage.s3 import MinioStore
from tests.gateway import schema_fuzz
from tests.stack import Stack

pytestmark = pytest.mark.e2e

SEED = 17
EXAMPLES = 4
SCENARIOS = 15
ABORT_TIMEOUT = 30


def load(stack: Stack, phases: list[str], examples: int) -> schemathesis.BaseSchema:
    config = schema_fuzz.config(seed=SEED, max_examples=examples, phases=phases)
    schema = schemathesis.openapi.from_url(f"{stack.api}/openapi.json", config=config)
    schema_fuzz.prepare(schema, stack.key)
    return schema


def gateway_lines(stack: Stack) -> list[dict[str, object]]:
    gateway = next(p for p in stack.processes if p.name == "gateway")
    lines = []
    for line in gateway.log_text().splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            lines.append({"event": line})
    return lines


async def logged(stack: Stack, event: str) -> dict[str, object]:
    async with asyncio.timeout(ABORT_TIMEOUT):
        # Another process writes the log: nothing here can announce a new line.
        while True:
            found = [line for line in gateway_lines(stack) if line.get("event") == event]
            if found:
                return found[0]
            await asyncio.sleep(0.1)


def assert_no_server_error_logged(stack: Stack) -> None:
    lines = gateway_lines(stack)
    failed = [line for line in lines if line.get("event") == "request.failed"]
    assert not failed, failed[:3]
    assert not [line for line in lines if "Traceback" in str(line.get("event"))]
    # /readyz answers 503 by design while the services start.
    answers = [line for line in lines if line.get("path") != "/readyz"]
    assert not [line for line in answers if int(str(line.get("status", 0))) >= 500]


def test_the_gateway_process_answers_every_fuzzed_request_as_documented(stack: Stack) -> None:
    outcome = schema_fuzz.run(load(stack, ["examples", "coverage", "fuzzing"], EXAMPLES))
    assert not outcome.problems, "\n\n".join(outcome.problems)
    sequences = schema_fuzz.run(load(stack, ["stateful"], SCENARIOS))
    assert not sequences.problems, "\n\n".join(sequences.problems)
    assert sequences.statuses["POST /api/sessions"][201]
    assert_no_server_error_logged(stack)


def send_half_an_upload(api: str, key: str, file_bytes: int) -> None:
    """Announce a large upload, send part of it, and hang up."""
    address = urlsplit(api)
    boundary = "hostile"
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="file"; filename="companies.csv"\r\n\r\n'
        "Company,Website\r\n"
    ).encode()
    request = (
        f"POST /api/sessions HTTP/1.1\r\nHost: {address.netloc}\r\n"
        f"Authorization: Bearer {key}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {file_bytes * 4}\r\n\r\n"
    ).encode()
    row = b"Capcom,capcom.com\r\n" * 3000
    with socket.create_connection((address.hostname, address.port), timeout=10) as conn:
        conn.sendall(request + head)
        sent = 0
        while sent < file_bytes:
            conn.sendall(row)
            sent += len(row)


async def test_a_client_leaving_mid_upload_leaves_nothing_and_no_server_error(
    stack: Stack, store: MinioStore
) -> None:
    prefix = tenant_sessions_prefix(stack.tenant)
    before = set(await store.list_children(prefix))
    # Past S3's 5 MiB part size, so parts of the upload are already stored when it stops.
    await asyncio.to_thread(send_half_an_upload, stack.api, stack.key, 12 * 1024 * 1024)
    aborted = await logged(stack, "request.client_aborted")
    assert aborted["level"] == "info"
    assert set(await store.list_children(prefix)) == before
    assert_no_server_error_logged(stack)
