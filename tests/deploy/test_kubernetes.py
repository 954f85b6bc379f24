"""Every overlay of deploy/k8s, rendered by `kubectl kustomize` and checked offline: schemas,
probes, security, settings, disruption budgets, routing and autoscaling."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import kubernetes_validate
import pytest

from shared.topology import Topology
from tests.deploy.k8s_model import (
    CUSTOM_KINDS,
    OVERLAYS,
    Rendered,
    container_inputs,
    deployments,
    render,
)
from tests.deploy.settings_check import REQUIRED_SETTINGS, build_settings, placeholder, provided

pytestmark = pytest.mark.unit

KUBERNETES_VERSION = "1.32"
PINNED_IMAGE = re.compile(r"^[a-z0-9./_-]+:\d[\w.-]*$")
PORT_SETTING = {
    "gateway": "DOSSIER_GATEWAY_PORT",
    "notifier": "DOSSIER_NOTIFIER_PORT",
    "worker": "DOSSIER_WORKER_HEALTH_PORT",
}


@pytest.fixture(scope="module", params=OVERLAYS)
def rendered(request: pytest.FixtureRequest) -> Rendered:
    return Rendered(request.param, render(request.param))


def test_there_is_a_dev_and_a_production_overlay() -> None:
    assert set(OVERLAYS) == {"dev", "production"}


def test_every_object_is_valid_against_the_kubernetes_schemas(rendered: Rendered) -> None:
    errors = []
    for doc in rendered.documents:
        if doc["kind"] in CUSTOM_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            errors.append(f"{doc['kind']} {doc['metadata']['name']}: {error.message}")
    assert not errors, "\n".join(errors)


def test_every_image_is_pinned_to_a_version(rendered: Rendered) -> None:
    images = [
        container["image"]
        for kind in ("Deployment", "StatefulSet")
        for doc in rendered.of_kind(kind)
        for container in doc["spec"]["template"]["spec"]["containers"]
    ]
    images += [cluster["spec"]["image"] for cluster in rendered.of_kind("RabbitmqCluster")]
    assert images
    unpinned = [image for image in images if not PINNED_IMAGE.match(image)]
    assert not unpinned, f"{rendered.overlay}: images without a version: {unpinned}"


def test_every_dossier_service_is_deployed(rendered: Rendered) -> None:
    assert sorted(service for service, _, _ in deployments(rendered)) == [
        "gateway",
        "notifier",
        "worker",
    ]


def test_probes_ask_healthz_and_readyz_on_the_port_the_service_listens_on(
    rendered: Rendered,
) -> None:
    for service, pod, container in deployments(rendered):
        env = container_inputs(rendered, pod, container).env
        ports = {port["name"]: port["containerPort"] for port in container["ports"]}
        for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
            check = container[probe]["httpGet"]
            assert check["path"] == path, f"{service} {probe}"
            assert str(ports[check["port"]]) == env[PORT_SETTING[service]], f"{service} {probe}"


def test_pods_run_as_non_root_on_a_read_only_root_with_a_writable_tmp(rendered: Rendered) -> None:
    for service, pod, container in deployments(rendered):
        assert pod["securityContext"]["runAsNonRoot"] is True, service
        assert pod["securityContext"]["runAsUser"] != 0, service
        assert pod["automountServiceAccountToken"] is False, service
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True, service
        assert security["allowPrivilegeEscalation"] is False, service
        assert security["capabilities"]["drop"] == ["ALL"], service
        volumes = {volume["name"]: volume for volume in pod["volumes"]}
        (tmp,) = [mount for mount in container["volumeMounts"] if mount["mountPath"] == "/tmp"]
        assert "emptyDir" in volumes[tmp["name"]], f"{service}: /tmp must be an emptyDir"


def test_containers_request_and_limit_cpu_and_memory(rendered: Rendered) -> None:
    for service, _, container in deployments(rendered):
        resources = container["resources"]
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(resources[bound]), f"{service} {bound}"


def test_every_setting_a_service_requires_is_provided_and_passes_its_checks(
    rendered: Rendered, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for service, pod, container in deployments(rendered):
        inputs = container_inputs(rendered, pod, container)
        files = {}
        for path, (secret, key) in inputs.secret_files.items():
            known = rendered.secret_data(secret)
            files[path] = known[key] if known is not None else placeholder(path, inputs.env)
        missing = REQUIRED_SETTINGS[service] - provided(inputs.env, files)
        assert not missing, f"{rendered.overlay}: {service} is not given {sorted(missing)}"
        for folder in inputs.optional_secrets:
            assert folder == inputs.env["DOSSIER_SECRETS_DIR"], "provider keys must be found"
        build_settings(service, inputs.env, files, tmp_path / service, monkeypatch)


def test_the_worker_is_killed_only_after_its_shutdown_grace(rendered: Rendered) -> None:
    from worker.settings import WorkerSettings

    default = WorkerSettings.model_fields["shutdown_grace_s"].default
    for service, pod, container in deployments(rendered):
        if service == "worker":
            env = container_inputs(rendered, pod, container).env
            grace = float(env.get("DOSSIER_WORKER_SHUTDOWN_GRACE_S", default))
            assert pod["terminationGracePeriodSeconds"] > grace


def test_each_deployment_has_a_disruption_budget(rendered: Rendered) -> None:
    budgets = rendered.of_kind("PodDisruptionBudget")
    for deployment in rendered.of_kind("Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        covering = [
            budget
            for budget in budgets
            if budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
        ]
        assert covering, f"no PodDisruptionBudget for {deployment['metadata']['name']}"


def backend_port(rendered: Rendered, backend: dict[str, Any]) -> int:
    """The container port an Ingress backend reaches, through its Service."""
    service = rendered.get("Service", backend["service"]["name"])
    (port,) = [
        p for p in service["spec"]["ports"] if p["name"] == backend["service"]["port"]["name"]
    ]
    (deployment,) = [
        d
        for d in rendered.of_kind("Deployment")
        if service["spec"]["selector"].items()
        <= d["spec"]["template"]["metadata"]["labels"].items()
    ]
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    named = {p["name"]: p["containerPort"] for p in container["ports"]}
    return int(named[port["targetPort"]])


def test_the_ingress_sends_ws_to_the_notifier_and_the_rest_to_the_gateway(
    rendered: Rendered,
) -> None:
    (ingress,) = rendered.of_kind("Ingress")
    annotations = ingress["metadata"]["annotations"]
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(annotations[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600
    (rule,) = ingress["spec"]["rules"]
    paths = {path["path"]: path for path in rule["http"]["paths"]}
    assert set(paths) == {"/ws", "/"}
    assert {path["pathType"] for path in paths.values()} == {"Prefix"}
    assert paths["/ws"]["backend"]["service"]["name"] == "dossier-notifier"
    assert paths["/"]["backend"]["service"]["name"] == "dossier-gateway"
    assert backend_port(rendered, paths["/ws"]["backend"]) == 8001
    assert backend_port(rendered, paths["/"]["backend"]) == 8000
    (settings,) = rendered.of_kind("ConfigMap")
    public = urlparse(settings["data"]["DOSSIER_NOTIFIER_PUBLIC_URL"])
    assert (public.scheme, public.hostname, public.path) == ("wss", rule["host"], "/ws")
    assert rule["host"] in ingress["spec"]["tls"][0]["hosts"]


def test_keda_scales_workers_on_the_chunk_queue_with_the_workers_broker_credentials(
    rendered: Rendered,
) -> None:
    (scaled,) = rendered.of_kind("ScaledObject")
    worker = rendered.get("Deployment", scaled["spec"]["scaleTargetRef"]["name"])
    assert worker["metadata"]["name"] == "dossier-worker"
    assert "replicas" not in worker["spec"], "KEDA owns the worker count"
    assert scaled["spec"]["minReplicaCount"] >= 1
    assert scaled["spec"]["maxReplicaCount"] > scaled["spec"]["minReplicaCount"]
    (trigger,) = scaled["spec"]["triggers"]
    (settings,) = rendered.of_kind("ConfigMap")
    prefix = settings["data"]["DOSSIER_TOPOLOGY_PREFIX"]
    assert trigger["type"] == "rabbitmq"
    assert trigger["metadata"]["queueName"] == Topology(prefix).chunks_queue
    assert trigger["metadata"]["mode"] == "QueueLength"
    assert int(trigger["metadata"]["value"]) >= 1
    auth = rendered.get("TriggerAuthentication", trigger["authenticationRef"]["name"])
    (host,) = [ref for ref in auth["spec"]["secretTargetRef"] if ref["parameter"] == "host"]
    pod = worker["spec"]["template"]["spec"]
    inputs = container_inputs(rendered, pod, pod["containers"][0])
    amqp = inputs.secret_files[f"{inputs.env['DOSSIER_SECRETS_DIR']}/DOSSIER_AMQP_URL"]
    assert (host["name"], host["key"]) == amqp
