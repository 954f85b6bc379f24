"""Schemathesis against the OpenAPI document the gateway serves, the app on the in-memory
twins, with a real API key: no answer is a server error, and every answer is one the
document describes (status, headers, body), per operation and along sequences of calls."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.python import asgi

from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from tests.gateway import schema_fuzz
from tests.gateway.local_enricher import LocalEnricher
from tests.gateway.openapi_spec import app_on_twins

pytestmark = pytest.mark.contract

SEED = 13
EXAMPLES = 10
# Enough sequences that some get through a whole session's life, however the form grows.
SCENARIOS = 300
# Runs of sequences at most, each with its own seed.
SEEDS = 3


@pytest.fixture(scope="module")
def key() -> str:
    return new_key()


@pytest.fixture(scope="module")
def served_app(key: str) -> Iterator[FastAPI]:
    # Every option can be honoured, so that forms asking for one can make sessions too;
    # nothing here calls the providers.
    settings = GatewaySettings(
        environment="test",
        api_keys=f"t{uuid.uuid4().hex[:10]}:{hash_key(key)}",
        max_upload_bytes=64 * 1024,
        search_provider="searxng",
        search_url="http://127.0.0.1:9/search",
        llm_base_url="http://127.0.0.1:9/v1",
        llm_model="none",
        hubspot_token="pat-none",
    )
    yield app_on_twins(settings, enricher=LocalEnricher())
    asgi.shutdown_lifespans()


def load(
    app: FastAPI, key: str, phases: list[str], examples: int, seed: int = SEED
) -> schemathesis.BaseSchema:
    config = schema_fuzz.config(seed=seed, max_examples=examples, phases=phases)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    schema_fuzz.prepare(schema, key)
    return schema


def test_every_operation_answers_as_documented(served_app: FastAPI, key: str) -> None:
    outcome = schema_fuzz.run(load(served_app, key, ["examples", "coverage", "fuzzing"], EXAMPLES))
    assert not outcome.problems, "\n\n".join(outcome.problems)
    created = outcome.statuses["POST /api/sessions"]
    assert created[201]
    assert sum(n for status, n in created.items() if 400 <= status < 500)


def test_sequences_of_calls_answer_as_documented(served_app: FastAPI, key: str) -> None:
    # Which sequences a seed yields also follows the answers along the way, so a run may
    # miss a step of a session's life; further seeds run until every step was reached.
    reached: dict[str, Counter[int]] = defaultdict(Counter)
    for seed in range(SEED, SEED + SEEDS):
        outcome = schema_fuzz.run(load(served_app, key, ["stateful"], SCENARIOS, seed))
        assert not outcome.problems, "\n\n".join(outcome.problems)
        for label, statuses in outcome.statuses.items():
            reached[label].update(statuses)
        if all(reached[label][status] for label, status in schema_fuzz.LIFECYCLE):
            break
    for label, status in schema_fuzz.LIFECYCLE:
        assert reached[label][status], (label, dict(reached[label]))
