"""The gateway's OpenAPI document, read the way a client generator or a fuzzer reads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from jsonschema import Draft202012Validator

from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.broker.enrich_protocol import Enricher
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.storage.memory import MemoryStore

Spec = dict[str, Any]
METHODS = ("get", "post", "put", "patch", "delete")


def app_on_twins(
    settings: GatewaySettings | None = None,
    store: MemoryStore | None = None,
    broker: MemoryBroker | None = None,
    enricher: Enricher | None = None,
) -> FastAPI:
    return create_app(
        settings or GatewaySettings(environment="development"),
        store or MemoryStore(),
        broker or MemoryBroker(MemoryBus()),
        enricher=enricher,
    )


def operations(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def response_schema(spec: Spec, method: str, path: str, status: int, media: str) -> Any:
    """The schema documented for this answer, which must be documented."""
    responses = spec["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} does not document {status}"
    content = responses[str(status)].get("content", {})
    if not media:
        assert not content, f"{method.upper()} {path} {status} documents a body"
        return None
    assert media in content, f"{method.upper()} {path} {status} does not document {media}"
    return content[media].get("schema")


def validator(spec: Spec, schema: dict[str, Any]) -> Draft202012Validator:
    """Validates against `schema`, its `#/components/...` references resolved in `spec`."""
    return Draft202012Validator({**schema, "components": spec["components"]})


def component(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}
