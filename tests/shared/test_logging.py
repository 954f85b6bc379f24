"""One log stream: structlog's own lines and libraries' standard-library records alike."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from shared.logging import configure_logging

pytestmark = pytest.mark.unit


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.usefixtures("restored_logging")
def test_library_records_come_out_as_json_with_the_same_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("worker", "INFO", "json")
    structlog.get_logger().info("chunk.started", rows=3)
    logging.getLogger("aio_pika.robust_connection").warning("Connection attempt to %s failed", "x")
    logging.getLogger("uvicorn.error").info("Started server process")  # below the library level
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("urllib3").exception("request failed")

    own, library, failure = json_lines(capsys.readouterr().err)
    assert own["event"] == "chunk.started"
    assert library["event"] == "Connection attempt to x failed"
    assert library["logger"] == "aio_pika.robust_connection"
    for line in (own, library, failure):
        assert {"event", "level", "timestamp", "service"} <= set(line)
        assert line["service"] == "worker"
    assert (library["level"], failure["level"]) == ("warning", "error")
    assert "ValueError: boom" in str(failure["exception"])
