"""The OpenAPI document: what FastAPI cannot infer from the routes, and the text committed
in docs/openapi.json."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter
from pydantic.json_schema import JsonSchemaMode
from starlette.routing import BaseRoute

# FastAPI requires the bearer scheme on every route that reads the key, and appends to lists
# from `openapi_extra`: the empty alternative says a download token may replace the header.
KEY_OR_TOKEN: dict[str, Any] = {"security": [{}]}
_REF = "#/components/schemas/{model}"
_SERIALIZATION: JsonSchemaMode = "serialization"


class DocumentedApi(FastAPI):
    """FastAPI, with the models' examples kept whole in the document: FastAPI drops every
    null from it, which leaves examples without their required nullable fields."""

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            spec = super().openapi()
            schemas = spec.get("components", {}).get("schemas", {})
            for name, examples in _model_examples(self.routes).items():
                if name in schemas:
                    schemas[name]["examples"] = examples
        return self.openapi_schema or {}


def _response_types(routes: Sequence[BaseRoute]) -> Iterator[Any]:
    for route in iter_route_contexts(routes):
        if isinstance(route.original_route, APIRoute) and route.include_in_schema:
            if route.response_model is not None:
                yield route.response_model
            yield from (r["model"] for r in route.responses.values() if "model" in r)


def _model_examples(routes: Sequence[BaseRoute]) -> dict[str, list[Any]]:
    types = enumerate(_response_types(routes))
    adapters = [(n, _SERIALIZATION, TypeAdapter(t)) for n, t in types]
    _, top = TypeAdapter.json_schemas(adapters, ref_template=_REF)
    definitions: dict[str, Any] = top.get("$defs", {})
    return {name: s["examples"] for name, s in definitions.items() if "examples" in s}


def document(app: FastAPI) -> str:
    """The OpenAPI document as text: stable, so that a change shows as a readable diff."""
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
