"""docker-compose.yml and the Dockerfiles, checked statically: no Docker engine is needed."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.deploy.compose_model import (
    COMPOSE_FILE,
    DOSSIER_SERVICES,
    REPO,
    MissingVariable,
    interpolate,
    load_compose,
    settings_env_names,
    variables,
)

pytestmark = pytest.mark.unit

REQUIRED_SECRETS = (
    "RABBITMQ_PASSWORD",
    "MINIO_ROOT_PASSWORD",
    "DOSSIER_API_KEYS",
    "DOSSIER_DOWNLOAD_TOKEN_SECRET",
)
SECRET_WORDS = ("PASSWORD", "SECRET", "TOKEN", "API_KEY")
PORTS = {"gateway": 8000, "notifier": 8001}
FILLED_ENV = {
    "RABBITMQ_PASSWORD": "rabbit-secret",
    "MINIO_ROOT_PASSWORD": "minio-secret",
    "DOSSIER_API_KEYS": "acme:" + "0" * 64,
    "DOSSIER_DOWNLOAD_TOKEN_SECRET": "d" * 64,
}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(compose["services"])


def env_of(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment", {})
    assert isinstance(environment, dict), "environment must be a mapping"
    return {str(key): str(value) for key, value in environment.items()}


def test_compose_defines_broker_storage_and_every_dossier_service(
    services: dict[str, dict[str, Any]],
) -> None:
    assert set(services) >= {"rabbitmq", "minio", *DOSSIER_SERVICES}
    assert "management" in services["rabbitmq"]["image"]
    assert services["minio"]["image"].startswith("minio/minio")
    for name, service in services.items():
        assert "image" in service or "build" in service, f"{name} has neither image nor build"


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_each_dossier_service_builds_from_its_dockerfile(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    build = services[name]["build"]
    dockerfile = REPO / build["context"] / build["dockerfile"]
    assert dockerfile == REPO / "deploy" / f"{name}.Dockerfile"
    assert dockerfile.is_file()


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_dockerfile_installs_from_the_lock_with_the_service_extra_as_non_root(name: str) -> None:
    text = (REPO / "deploy" / f"{name}.Dockerfile").read_text()
    instructions = [line.strip() for line in text.splitlines() if line.strip()]
    assert "FROM python:3.11-slim" in instructions
    assert f'--constraint requirements.lock ".[{name}]"' in text
    user = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert user, "the Dockerfile must switch to a service user"
    assert user[-1] not in ("root", "0"), "the service must not run as root"
    assert instructions[-1] == f'CMD ["python", "-m", "{name}"]'
    for line in instructions:
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (REPO / source).exists(), f"{name}.Dockerfile copies missing {source}"


def test_every_service_has_a_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        check = service.get("healthcheck", {})
        assert check.get("test"), f"{name} has no healthcheck"
        assert check.get("interval"), f"{name} healthcheck has no interval"
        assert check.get("retries"), f"{name} healthcheck has no retry limit"


@pytest.mark.parametrize(
    ("name", "port_variable"),
    [
        ("gateway", "DOSSIER_GATEWAY_PORT"),
        ("notifier", "DOSSIER_NOTIFIER_PORT"),
        ("worker", "DOSSIER_WORKER_HEALTH_PORT"),
    ],
)
def test_dossier_healthchecks_probe_readyz_on_the_configured_port(
    services: dict[str, dict[str, Any]], name: str, port_variable: str
) -> None:
    service = services[name]
    port = env_of(service)[port_variable]
    probe = " ".join(service["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/readyz" in probe


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_dossier_services_wait_for_a_healthy_broker_and_storage(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    depends = services[name]["depends_on"]
    assert depends["rabbitmq"]["condition"] == "service_healthy"
    assert depends["minio"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_dossier_services_reach_broker_and_storage_by_service_name(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    env = {k: interpolate(v, FILLED_ENV) for k, v in env_of(services[name]).items()}
    assert env["DOSSIER_ENVIRONMENT"] == "production"
    assert env["DOSSIER_AMQP_URL"] == "amqp://dossier:rabbit-secret@rabbitmq:5672/"
    assert env["DOSSIER_S3_ENDPOINT"] == "minio:9000"
    assert env["DOSSIER_S3_SECRET_KEY"] == "minio-secret"
    assert env["DOSSIER_API_KEYS"] == FILLED_ENV["DOSSIER_API_KEYS"]


def test_workers_are_replicated_and_publish_no_ports(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    replicas = interpolate(str(worker["deploy"]["replicas"]), {})
    assert int(replicas) >= 2
    assert "ports" not in worker, "replicas cannot share a published port"


@pytest.mark.parametrize(("name", "port"), PORTS.items())
def test_gateway_and_notifier_listen_on_all_interfaces_and_publish_their_port(
    services: dict[str, dict[str, Any]], name: str, port: int
) -> None:
    service = services[name]
    env = env_of(service)
    assert env[f"DOSSIER_{name.upper()}_HOST"] == "0.0.0.0"
    published = [interpolate(str(p), {}) for p in service["ports"]]
    assert f"{port}:{port}" in published


def test_required_secrets_have_no_default_anywhere() -> None:
    text = COMPOSE_FILE.read_text()
    for match in variables(text):
        name, op, arg = match["name"], match["op"], match["arg"]
        if name in REQUIRED_SECRETS:
            assert op == ":?", f"{match[0]} must be required (${{{name}:?message}})"
        if any(word in name for word in SECRET_WORDS) and op in (":-", "-"):
            assert not arg, f"{match[0]} gives a secret a default value"


@pytest.mark.parametrize("missing", REQUIRED_SECRETS)
def test_compose_refuses_to_start_without_each_required_secret(missing: str) -> None:
    text = COMPOSE_FILE.read_text()
    env = {k: v for k, v in FILLED_ENV.items() if k != missing}
    with pytest.raises(MissingVariable, match=missing):
        interpolate(text, env)
    assert yaml.safe_load(interpolate(text, FILLED_ENV))["services"]


def test_every_dossier_variable_in_compose_is_read_by_some_settings_class(
    services: dict[str, dict[str, Any]],
) -> None:
    from gateway.settings import GatewaySettings
    from notifier.settings import NotifierSettings
    from worker.pipeline.settings import PipelineSettings
    from worker.settings import WorkerSettings

    known = set().union(
        *(
            settings_env_names(cls)
            for cls in (GatewaySettings, NotifierSettings, WorkerSettings, PipelineSettings)
        )
    )
    used = {key for name in DOSSIER_SERVICES for key in env_of(services[name])}
    unknown = {key for key in used if key.startswith("DOSSIER_")} - known
    assert not unknown, f"compose sets variables no service reads: {sorted(unknown)}"


def test_example_env_file_lists_every_variable_compose_requires() -> None:
    example = (REPO / "deploy" / "compose.env.example").read_text()
    listed = set(re.findall(r"^(\w+)=", example, flags=re.MULTILINE))
    required = {m["name"] for m in variables(COMPOSE_FILE.read_text()) if m["op"] == ":?"}
    assert required <= listed
