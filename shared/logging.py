"""structlog configuration, done once per process by the composition root.

Our own log calls and those of libraries (uvicorn, aio-pika, urllib3...) through the
standard library's `logging` come out as one stream with the same keys: `event`,
`level`, `timestamp`, `service`, and `logger` for library records.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any, Literal

import orjson
import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

# Libraries' own INFO chatter (connection attempts, access lines) stays out of the stream.
LIBRARY_LEVEL = logging.WARNING


def _service_adder(service: str) -> Processor:
    def add_service(_logger: WrappedLogger, _method: str, event: EventDict) -> EventDict:
        event.setdefault("service", service)
        return event

    return add_service


def _json_line(value: Any, default: Callable[[Any], Any] | None = None, **_: Any) -> str:
    """A log line's JSON by orjson: every row of a session logs a few lines, and the
    standard encoder costs several times more per line. What orjson refuses (an integer
    past 64 bits) goes through the standard one."""
    try:
        return orjson.dumps(value, default=default).decode()
    except TypeError:
        return json.dumps(value, default=default)


def _renderer(fmt: Literal["auto", "json", "console"]) -> Processor:
    if fmt == "json" or (fmt == "auto" and not sys.stderr.isatty()):
        return structlog.processors.JSONRenderer(serializer=_json_line)
    return structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())


def configure_logging(
    service: str,
    level: str = "INFO",
    fmt: Literal["auto", "json", "console"] = "auto",
    extra_processors: Sequence[Processor] = (),
) -> None:
    renderer = _renderer(fmt)
    timestamper = structlog.processors.TimeStamper(fmt="iso", utc=True)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            timestamper,
            _service_adder(service),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            # Services add their own steps here (the worker copies chunk lines to storage).
            *extra_processors,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(service=service)
    route_standard_logging(service, renderer, timestamper)


def route_standard_logging(service: str, renderer: Processor, timestamper: Processor) -> None:
    """Send every standard-library record through structlog's renderer."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[
                structlog.contextvars.merge_contextvars,
                structlog.stdlib.add_logger_name,
                structlog.stdlib.add_log_level,
                timestamper,
                _service_adder(service),
            ],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(LIBRARY_LEVEL)
    # uvicorn configures its own handlers unless told not to; ours must be the only ones.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        library = logging.getLogger(name)
        library.handlers.clear()
        library.propagate = True
