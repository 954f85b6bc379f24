"""API keys: who the caller is, and the one anonymous tenant of a deployment without keys."""

from __future__ import annotations

import pytest

from shared.auth import ANONYMOUS_TENANT, ApiKeys, hash_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("environment", ["development", "test"])
def test_without_keys_outside_production_every_caller_is_the_anonymous_tenant(
    environment: str,
) -> None:
    assert ApiKeys({}).anonymous_tenant(environment) == ANONYMOUS_TENANT == "default"


def test_production_has_no_anonymous_tenant_even_without_keys() -> None:
    assert ApiKeys({}).anonymous_tenant("production") is None


def test_with_keys_callers_must_present_one() -> None:
    keys = ApiKeys({hash_key("secret"): "acme"})
    assert keys.anonymous_tenant("development") is None
    assert keys.tenant_for("secret") == "acme"
    assert keys.tenant_for("wrong") is None
