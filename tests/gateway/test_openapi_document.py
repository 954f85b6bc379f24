"""The OpenAPI document: committed as generated, every body typed, every error and the
authentication documented."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.openapi import document
from tests.gateway.openapi_spec import (
    Spec,
    app_on_twins,
    component,
    operations,
    validator,
)

pytestmark = pytest.mark.unit

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
SESSION = "/api/sessions/{session_id}"
DOWNLOADS = {f"{SESSION}/results", f"{SESSION}/logs/{{log_type}}", f"{SESSION}/download_archive"}
ON_SESSION = {401, 404, 422, 503}
CRITERIA = "/api/criteria/{name}"
KEYED = (
    "/api/sessions",
    "/api/criteria",
    "/api/field_sets",
    "/api/webhook",
    "/api/enrich",
    "/api/usage",
)
FIELD_SET = "/api/field_sets/{set_id}"

# The error statuses each operation can answer with; a new route is added here.
ERRORS: dict[tuple[str, str], set[int]] = {
    ("get", "/healthz"): {422},
    ("get", "/readyz"): {422, 503},
    ("get", "/api/capabilities"): {422},
    ("get", "/api/sessions"): {401, 422, 503},
    ("post", "/api/sessions"): {401, 413, 415, 422, 503},
    ("get", SESSION): ON_SESSION,
    ("delete", SESSION): ON_SESSION | {409},
    ("get", f"{SESSION}/preview"): ON_SESSION,
    ("post", f"{SESSION}/start"): ON_SESSION | {409},
    ("post", f"{SESSION}/cancel"): ON_SESSION | {409},
    ("put", f"{SESSION}/columns"): ON_SESSION | {409, 413},
    ("get", f"{SESSION}/results"): ON_SESSION,
    ("get", f"{SESSION}/logs/{{log_type}}"): ON_SESSION,
    ("get", f"{SESSION}/download_archive"): ON_SESSION,
    ("post", f"{SESSION}/download_token"): ON_SESSION,
    ("post", f"{SESSION}/qualify"): ON_SESSION | {409, 413},
    ("post", f"{SESSION}/retry"): ON_SESSION | {409, 413, 503},
    ("get", "/api/usage"): {401, 422, 503},
    ("get", "/api/criteria"): {401, 422, 503},
    ("post", "/api/criteria"): {401, 409, 413, 415, 422, 503},
    ("get", CRITERIA): {401, 404, 422, 503},
    ("put", CRITERIA): {401, 404, 413, 415, 422, 503},
    ("delete", CRITERIA): {401, 404, 422, 503},
    ("get", "/api/field_sets"): {401, 422, 503},
    ("post", "/api/field_sets"): {401, 413, 422, 503},
    ("get", FIELD_SET): {401, 404, 422, 503},
    ("put", FIELD_SET): {401, 404, 413, 422, 503},
    ("delete", FIELD_SET): {401, 404, 422, 503},
    ("get", "/api/webhook"): {401, 422, 503},
    ("put", "/api/webhook"): {401, 413, 422, 503},
    ("get", f"{SESSION}/webhook_deliveries"): ON_SESSION,
    ("post", "/api/enrich"): {401, 413, 422, 429, 502, 503, 504},
}
MAIN_RESOURCES = {
    "SessionView",
    "SessionPage",
    "Preview",
    "ResultsPage",
    "ResultsFile",
    "DownloadToken",
    "DeploymentCapabilities",
    "Readiness",
    "CriteriaList",
    "CriteriaDetail",
}


@pytest.fixture(scope="module")
def spec() -> Spec:
    return app_on_twins().openapi()


def test_the_committed_document_is_the_one_the_app_generates() -> None:
    generated = document(app_on_twins())
    assert COMMITTED.read_text() == generated, (
        "docs/openapi.json is out of date: run .venv/bin/python scripts/openapi.py --write"
    )


def test_every_operation_documents_exactly_the_errors_it_can_answer(spec: Spec) -> None:
    documented = {
        (method, path): {int(s) for s in operation["responses"] if int(s) >= 400}
        for method, path, operation in operations(spec)
    }
    assert documented == ERRORS


def test_every_error_is_documented_with_the_code_and_message_model(spec: Spec) -> None:
    for method, path, operation in operations(spec):
        for status, response in operation["responses"].items():
            if int(status) < 400 or (path, status) == ("/readyz", "503"):
                continue
            where = f"{method.upper()} {path} {status}"
            content = response["content"]
            assert list(content) == ["application/json"], where
            assert content["application/json"]["schema"] == component("ApiError"), where
            assert response["description"], where
            for example in content["application/json"]["examples"].values():
                validator(spec, component("ApiError")).validate(example["value"])


def test_validation_errors_are_not_documented_with_fastapis_own_schema(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert "ValidationError" not in schemas
    error = schemas["ApiError"]
    assert set(error["properties"]) == {"code", "message"}
    assert set(error["required"]) == {"code", "message"}


def test_readiness_documents_its_503_with_the_readiness_body(spec: Spec) -> None:
    response = spec["paths"]["/readyz"]["get"]["responses"]["503"]
    assert response["content"]["application/json"]["schema"] == component("Readiness")


def test_the_api_key_is_a_bearer_scheme_required_on_every_session_and_criteria_route(
    spec: Spec,
) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert list(schemes) == ["ApiKey"]
    assert schemes["ApiKey"]["type"] == "http"
    assert schemes["ApiKey"]["scheme"] == "bearer"
    assert "security" not in spec  # no key for the probes, capabilities and docs
    for method, path, operation in operations(spec):
        where = f"{method.upper()} {path}"
        if not path.startswith(KEYED):
            assert "security" not in operation, where
        elif path in DOWNLOADS:
            assert operation["security"] == [{"ApiKey": []}, {}], where
        else:
            assert operation["security"] == [{"ApiKey": []}], where


def test_download_routes_document_the_token_query_parameter(spec: Spec) -> None:
    for method, path, operation in operations(spec):
        queries = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        assert ("token" in queries) == (path in DOWNLOADS), f"{method.upper()} {path}"


def loose_schemas(
    schema: dict[str, Any], schemas: dict[str, Any], where: str, seen: set[str]
) -> Iterator[str]:
    """Places where `schema` lets any value or any object through."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            yield from loose_schemas(schemas[name], schemas, name, seen)
        return
    alternatives = [s for key in ("anyOf", "oneOf", "allOf") for s in schema.get(key, [])]
    if not alternatives and not {"type", "enum", "const"} & schema.keys():
        yield f"{where}: any value"
    anything = schema.get("additionalProperties", True) is True
    if schema.get("type") == "object" and not schema.get("properties") and anything:
        yield f"{where}: an object of anything"
    children = [(where, s) for s in alternatives]
    children += [(f"{where}.{name}", s) for name, s in schema.get("properties", {}).items()]
    children += [
        (f"{where}[]", schema[key])
        for key in ("items", "additionalProperties")
        if isinstance(schema.get(key), dict)
    ]
    for place, child in children:
        yield from loose_schemas(child, schemas, place, seen)


def test_no_response_schema_is_a_free_form_object(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    loose: list[str] = []
    for method, path, operation in operations(spec):
        for status, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                where = f"{method.upper()} {path} {status} {media}"
                assert "schema" in content, where
                loose += loose_schemas(content["schema"], schemas, where, set())
    assert not loose


def test_the_main_resources_carry_examples_that_fit_their_schema(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    assert {name for name, schema in schemas.items() if schema.get("examples")} >= MAIN_RESOURCES
    for name, schema in schemas.items():
        for example in schema.get("examples", []):
            validator(spec, component(name)).validate(example)
