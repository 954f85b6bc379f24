"""docker-compose.yml and the Dockerfiles, checked statically: no Docker engine is needed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from shared.settings import CommonSettings
from tests.deploy.compose_model import (
    COMPOSE_FILE,
    DOSSIER_SERVICES,
    REPO,
    interpolate,
    load_compose,
    secret_mounts,
    service_env,
    settings_env_names,
    variables,
)
from tests.deploy.settings_check import REQUIRED_SETTINGS, build_settings, provided

pytestmark = pytest.mark.unit

# A version tag: starts with a digit, no floating `latest`.
PINNED_IMAGE = re.compile(r"^[a-z0-9./_-]+:\d[\w.-]*$")
# Environment names that would carry a secret's value rather than point at it.
SECRET_WORDS = ("PASSWORD", "SECRET", "TOKEN", "API_KEY", "AMQP_URL")
INFRASTRUCTURE = ("rabbitmq", "seaweedfs", "proxy")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(compose["services"])


@pytest.fixture(scope="module")
def secret_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What deploy/make-secrets.sh writes, in a folder of this test run."""
    folder = tmp_path_factory.mktemp("compose") / "secrets"
    subprocess.run(
        ["bash", str(REPO / "deploy" / "make-secrets.sh"), str(folder)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return folder


def test_compose_runs_broker_storage_proxy_and_every_dossier_service(
    services: dict[str, dict[str, Any]],
) -> None:
    assert set(services) == {*INFRASTRUCTURE, *DOSSIER_SERVICES}
    assert re.fullmatch(r"rabbitmq:4\.[\d.]+-management", services["rabbitmq"]["image"])
    assert services["seaweedfs"]["image"].startswith("chrislusf/seaweedfs:")
    assert services["proxy"]["image"].startswith("caddy:")
    assert "minio" not in COMPOSE_FILE.read_text().lower()


def test_every_image_is_pinned_to_a_version(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        image = service.get("image", "")
        assert PINNED_IMAGE.match(image), f"{name}: image {image!r} names no version"


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


def test_every_service_has_a_healthcheck_limits_and_rotated_logs(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        check = service.get("healthcheck", {})
        assert check.get("test"), f"{name} has no healthcheck"
        assert check.get("interval"), f"{name} healthcheck has no interval"
        assert check.get("retries"), f"{name} healthcheck has no retry limit"
        limits = service.get("deploy", {}).get("resources", {}).get("limits", {})
        assert float(limits.get("cpus", 0)) > 0, f"{name} has no CPU limit"
        assert re.fullmatch(r"\d+[mg]", str(limits.get("memory", ""))), f"{name}: memory"
        logging = service.get("logging", {})
        assert logging.get("driver") == "json-file", f"{name} logs without rotation"
        assert {"max-size", "max-file"} <= set(logging.get("options", {})), name


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
    port = service_env(service, {})[port_variable]
    probe = " ".join(service["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/readyz" in probe


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_dossier_services_wait_for_a_healthy_broker_and_storage(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    depends = services[name]["depends_on"]
    assert depends["rabbitmq"]["condition"] == "service_healthy"
    assert depends["seaweedfs"]["condition"] == "service_healthy"


def test_secrets_are_files_never_environment_values(compose: dict[str, Any]) -> None:
    for name, secret in compose["secrets"].items():
        assert set(secret) == {"file"}, f"secret {name} must come from a file"
        assert secret["file"] == f"./deploy/secrets/{name}"
    for name, service in compose["services"].items():
        for key in service_env(service, {}):
            if key.endswith(("_FILE", "_DIR")):
                continue
            assert not any(word in key for word in SECRET_WORDS), f"{name} sets {key} inline"


def test_make_secrets_writes_every_secret_compose_mounts_and_keeps_them(
    compose: dict[str, Any], secret_files: Path
) -> None:
    assert {path.name for path in secret_files.iterdir()} == set(compose["secrets"])
    assert secret_files.stat().st_mode & 0o777 == 0o700
    before = {path.name: path.read_text() for path in secret_files.iterdir()}
    again = subprocess.run(
        ["bash", str(REPO / "deploy" / "make-secrets.sh"), str(secret_files)],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "API key" not in again.stdout, "a second run must not make another key"
    assert {path.name: path.read_text() for path in secret_files.iterdir()} == before
    assert re.fullmatch(r"amqp://dossier:[0-9a-f]{48}@rabbitmq:5672/\n", before["amqp_url"])


def test_secret_files_stay_out_of_git_and_of_image_builds() -> None:
    ignored = {
        line.strip().rstrip("/") for line in (REPO / ".dockerignore").read_text().splitlines()
    }
    assert "deploy/secrets" in ignored
    gitignored = {
        line.strip().rstrip("/") for line in (REPO / ".gitignore").read_text().splitlines()
    }
    assert "deploy/secrets" in gitignored


@pytest.mark.parametrize("name", DOSSIER_SERVICES)
def test_every_setting_a_service_requires_is_provided_and_passes_production_checks(
    services: dict[str, dict[str, Any]],
    secret_files: Path,
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = services[name]
    env = service_env(service, {})
    files = {
        path: (secret_files / source).read_text() for path, source in secret_mounts(service).items()
    }
    missing = REQUIRED_SETTINGS[name] - provided(env, files)
    assert not missing, f"{name} is not given {sorted(missing)}"
    built = build_settings(name, env, files, tmp_path, monkeypatch)
    common = built[0]
    assert isinstance(common, CommonSettings)
    assert common.environment == "production"
    assert common.s3_endpoint == "seaweedfs:8333"
    assert "@rabbitmq:5672/" in common.amqp_url.get_secret_value()


def test_storage_and_broker_take_their_credentials_from_the_services_secrets(
    services: dict[str, dict[str, Any]],
) -> None:
    seaweedfs, rabbitmq = services["seaweedfs"], services["rabbitmq"]
    assert secret_mounts(seaweedfs) == {"/run/secrets/DOSSIER_S3_SECRET_KEY": "s3_secret_key"}
    assert secret_mounts(rabbitmq) == {"/run/secrets/DOSSIER_AMQP_URL": "amqp_url"}
    access_key = service_env(seaweedfs, {})["S3_ACCESS_KEY"]
    for name in DOSSIER_SERVICES:
        assert service_env(services[name], {})["DOSSIER_S3_ACCESS_KEY"] == access_key
    assert "-s3.config=/etc/seaweedfs/s3.json" in seaweedfs["command"]
    assert seaweedfs["entrypoint"][-1] == "/etc/seaweedfs/s3.json"


def test_worker_stops_later_than_its_own_shutdown_grace(
    services: dict[str, dict[str, Any]],
) -> None:
    worker = services["worker"]
    grace = float(service_env(worker, {})["DOSSIER_WORKER_SHUTDOWN_GRACE_S"])
    stop = re.fullmatch(r"(\d+)s", worker["stop_grace_period"])
    assert stop, "stop_grace_period must be given in seconds"
    assert int(stop[1]) > grace


def test_workers_are_replicated_and_publish_no_ports(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    assert int(interpolate(str(worker["deploy"]["replicas"]), {})) >= 2
    assert "ports" not in worker, "replicas cannot share a published port"


def test_only_the_proxy_is_published_and_the_broker_ui_stays_on_loopback(
    services: dict[str, dict[str, Any]],
) -> None:
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy", "rabbitmq"}
    assert all(str(port).startswith("127.0.0.1:") for port in services["rabbitmq"]["ports"])
    for name in ("gateway", "notifier"):
        assert service_env(services[name], {})[f"DOSSIER_{name.upper()}_HOST"] == "0.0.0.0"


def test_every_dossier_variable_in_compose_is_read_by_some_settings_class(
    services: dict[str, dict[str, Any]],
) -> None:
    from gateway.settings import GatewaySettings
    from notifier.settings import NotifierSettings
    from worker.pipeline.settings import PipelineSettings
    from worker.settings import WorkerSettings

    known = {"DOSSIER_SECRETS_DIR"}.union(
        *(
            settings_env_names(cls)
            for cls in (GatewaySettings, NotifierSettings, WorkerSettings, PipelineSettings)
        )
    )
    used = {key for name in DOSSIER_SERVICES for key in service_env(services[name], {})}
    unknown = {key for key in used if key.startswith("DOSSIER_")} - known
    assert not unknown, f"compose sets variables no service reads: {sorted(unknown)}"


def test_example_env_file_lists_every_variable_compose_reads() -> None:
    example = (REPO / "deploy" / "compose.env.example").read_text()
    listed = set(re.findall(r"^#?\s*(\w+)=", example, flags=re.MULTILINE))
    used = {match["name"] for match in variables(COMPOSE_FILE.read_text())}
    assert used <= listed, f"add to deploy/compose.env.example: {sorted(used - listed)}"


def test_docker_compose_accepts_the_file(secret_files: Path, tmp_path: Path) -> None:
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("the docker CLI is not installed")
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("the docker CLI has no compose plugin (`docker compose` is missing)")
    # `config` reads files relative to the project: a copy keeps deploy/secrets/ untouched.
    project = tmp_path / "project"
    shutil.copytree(REPO / "deploy", project / "deploy", ignore=shutil.ignore_patterns("secrets"))
    shutil.copytree(secret_files, project / "deploy" / "secrets")
    shutil.copy(COMPOSE_FILE, project / "docker-compose.yml")
    result = subprocess.run(
        [docker, "compose", "-f", "docker-compose.yml", "config", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
