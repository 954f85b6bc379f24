"""The deployment's own services, which page fetches refuse whatever the settings say."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from worker.pipeline.clients.fetch.guard import RefusedHost
from worker.pipeline.settings import PipelineSettings
from worker.settings import WorkerSettings

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GATEWAY_HOST", "GATEWAY_PORT", "NOTIFIER_HOST", "NOTIFIER_PORT"):
        monkeypatch.delenv(f"DOSSIER_{name}", raising=False)
    monkeypatch.delenv("DOSSIER_WORKER_HEALTH_PORT", raising=False)


def test_a_worker_knows_the_store_the_broker_and_the_services_it_was_told_of(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOSSIER_GATEWAY_PORT", "8000")
    monkeypatch.setenv("DOSSIER_NOTIFIER_HOST", "0.0.0.0")  # a bind address, as compose's
    monkeypatch.setenv("DOSSIER_NOTIFIER_PORT", "8001")
    monkeypatch.setenv("DOSSIER_WORKER_HEALTH_PORT", "8010")
    settings = WorkerSettings(
        s3_endpoint="seaweedfs:8333", amqp_url=SecretStr("amqp://dossier:secret@rabbitmq/")
    )
    assert settings.own_services() == [
        "seaweedfs:8333",
        "rabbitmq:5672",
        "rabbitmq:15672",
        "rabbitmq:15692",
        "127.0.0.1:8000",
        "127.0.0.1:8001",
        "[::1]:8001",
        "127.0.0.1:8010",
    ]


def test_an_unset_port_leaves_that_service_out() -> None:
    settings = WorkerSettings(s3_endpoint="s3.example.com", s3_secure=True)
    assert settings.own_services()[0] == "s3.example.com:443"
    assert not any(entry.endswith(":8000") for entry in settings.own_services())


def test_own_services_are_added_to_the_hosts_an_operator_refuses() -> None:
    settings = PipelineSettings(fetch_refused_hosts="intranet.example").refusing(
        ["seaweedfs:8333", "[::1]:8001"]
    )
    assert settings.refused_hosts() == (
        RefusedHost("intranet.example", None),
        RefusedHost("seaweedfs", 8333),
        RefusedHost("::1", 8001),
    )


def test_a_refused_host_that_is_no_host_is_a_settings_error() -> None:
    with pytest.raises(ValueError, match="not a host"):
        PipelineSettings(fetch_refused_hosts="intranet.example,:80")
