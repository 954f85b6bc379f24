"""The wrappers compose puts in front of SeaweedFS and RabbitMQ: each turns the secret file
the Dossier services read into the credentials of the server they connect to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.deploy.entrypoint_scripts import default_user, identities

pytestmark = pytest.mark.unit


def test_s3_identities_hold_one_admin_with_the_services_key_then_run_the_command(
    tmp_path: Path,
) -> None:
    result = identities(tmp_path, "dossier", "0123abcd")
    assert result.returncode == 0, result.stderr
    (identity,) = json.loads(result.stdout)["identities"]
    assert identity["credentials"] == [{"accessKey": "dossier", "secretKey": "0123abcd"}]
    assert "Admin" in identity["actions"]
    assert (tmp_path / "s3.json").stat().st_mode & 0o077 == 0, "only its owner may read it"


@pytest.mark.parametrize(
    ("secret_key", "reason"),
    [("", "is empty"), ('quote"d', "may hold only"), ("back\\slash", "may hold only")],
)
def test_s3_identities_refuse_keys_that_would_break_the_file(
    tmp_path: Path, secret_key: str, reason: str
) -> None:
    result = identities(tmp_path, "dossier", secret_key)
    assert result.returncode != 0
    assert reason in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("url", "user", "password"),
    [
        ("amqp://dossier:9f8e7d@rabbitmq:5672/", "dossier", "9f8e7d"),
        ("amqps://ops:with:colons@broker.internal:5671/dossier", "ops", "with:colons"),
    ],
)
def test_rabbitmq_first_user_is_the_one_in_the_services_amqp_url(
    tmp_path: Path, url: str, user: str, password: str
) -> None:
    result = default_user(tmp_path, url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"default_user = {user}\ndefault_pass = {password}\n"


@pytest.mark.parametrize(
    "url", ["amqp://dossier:p%40ss@rabbitmq:5672/", "amqp://rabbitmq:5672/", "http://a:b@c/"]
)
def test_rabbitmq_wrapper_refuses_urls_it_cannot_turn_into_a_user(tmp_path: Path, url: str) -> None:
    result = default_user(tmp_path, url)
    assert result.returncode != 0
    assert "default-user:" in result.stderr
