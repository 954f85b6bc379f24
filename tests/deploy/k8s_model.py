"""Rendered Kubernetes overlays (deploy/k8s), and what each container of them is given."""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import pytest
import yaml

from tests.deploy.compose_model import REPO

K8S = REPO / "deploy" / "k8s"
OVERLAYS = tuple(sorted(path.name for path in (K8S / "overlays").iterdir() if path.is_dir()))
# Kinds of operators' custom resources: no Kubernetes schema knows them.
CUSTOM_KINDS = {"ScaledObject", "TriggerAuthentication", "RabbitmqCluster"}
SERVICE_OF_DEPLOYMENT = {
    "dossier-gateway": "gateway",
    "dossier-notifier": "notifier",
    "dossier-worker": "worker",
}


def render(overlay: str) -> list[dict[str, Any]]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.fail("kubectl is needed to render deploy/k8s (`kubectl kustomize`)")
    result = subprocess.run(
        [kubectl, "kustomize", str(K8S / "overlays" / overlay)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


@dataclass
class Rendered:
    overlay: str
    documents: list[dict[str, Any]]

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [doc for doc in self.documents if doc["kind"] == kind]

    def get(self, kind: str, name: str) -> dict[str, Any]:
        found = [doc for doc in self.of_kind(kind) if doc["metadata"]["name"] == name]
        assert found, f"{self.overlay} renders no {kind} {name}"
        return found[0]

    def has(self, kind: str, name: str) -> bool:
        return any(doc["metadata"]["name"] == name for doc in self.of_kind(kind))

    def secret_data(self, name: str) -> dict[str, str] | None:
        """A rendered Secret's values, or None when the cluster is to provide it."""
        if not self.has("Secret", name):
            return None
        data = self.get("Secret", name).get("data", {})
        return {key: base64.b64decode(value).decode() for key, value in data.items()}


@dataclass
class ContainerInputs:
    """The environment of one container and the files its projected Secrets put there."""

    env: dict[str, str] = field(default_factory=dict)
    # path in the container -> (Secret name, key)
    secret_files: dict[str, tuple[str, str]] = field(default_factory=dict)
    # folders filled with every key of a Secret that may be absent (optional: true)
    optional_secrets: dict[str, str] = field(default_factory=dict)


def container_inputs(
    rendered: Rendered, pod: dict[str, Any], container: dict[str, Any]
) -> ContainerInputs:
    inputs = ContainerInputs()
    for source in container.get("envFrom", []):
        config = rendered.get("ConfigMap", source["configMapRef"]["name"])
        inputs.env.update(config.get("data", {}))
    for variable in container.get("env", []):
        assert "value" in variable, f"{variable['name']}: settings come as values or files"
        inputs.env[variable["name"]] = variable["value"]
    volumes = {volume["name"]: volume for volume in pod.get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        projected = volumes[mount["name"]].get("projected")
        if projected is None:
            continue
        for source in projected["sources"]:
            secret = source["secret"]
            if secret.get("optional"):
                inputs.optional_secrets[mount["mountPath"]] = secret["name"]
            for item in secret.get("items", []):
                path = str(PurePosixPath(mount["mountPath"]) / item["path"])
                inputs.secret_files[path] = (secret["name"], item["key"])
    return inputs


def deployments(rendered: Rendered) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(service, pod spec, container) of every Dossier Deployment."""
    for deployment in rendered.of_kind("Deployment"):
        pod = deployment["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        yield SERVICE_OF_DEPLOYMENT[deployment["metadata"]["name"]], pod, container
