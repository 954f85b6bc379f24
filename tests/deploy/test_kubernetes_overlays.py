"""What sets the two overlays apart: dev runs SeaweedFS and a RabbitMQ cluster in the
cluster, production points at external ones and keeps no secret in the repository."""

from __future__ import annotations

import json
import re

import pytest

from tests.deploy.k8s_model import Rendered, container_inputs, deployments, render

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def dev() -> Rendered:
    return Rendered("dev", render("dev"))


@pytest.fixture(scope="module")
def production() -> Rendered:
    return Rendered("production", render("production"))


def settings(rendered: Rendered) -> dict[str, str]:
    (config,) = rendered.of_kind("ConfigMap")
    data = config["data"]
    assert isinstance(data, dict)
    return data


def test_dev_runs_a_three_node_rabbitmq_4_cluster(dev: Rendered) -> None:
    (cluster,) = dev.of_kind("RabbitmqCluster")
    assert cluster["apiVersion"] == "rabbitmq.com/v1beta1"
    assert cluster["spec"]["replicas"] == 3
    assert re.fullmatch(r"rabbitmq:4\.[\d.]+-management", cluster["spec"]["image"])
    assert cluster["spec"]["persistence"]["storage"]


def test_dev_services_and_keda_use_the_user_the_operator_makes(dev: Rendered) -> None:
    (cluster,) = dev.of_kind("RabbitmqCluster")
    # The RabbitMQ Cluster Operator names its Secret `<cluster>-default-user`.
    expected = (f"{cluster['metadata']['name']}-default-user", "connection_string")
    for service, pod, container in deployments(dev):
        inputs = container_inputs(dev, pod, container)
        amqp = inputs.secret_files[f"{inputs.env['DOSSIER_SECRETS_DIR']}/DOSSIER_AMQP_URL"]
        assert amqp == expected, service
    (auth,) = dev.of_kind("TriggerAuthentication")
    assert (auth["spec"]["secretTargetRef"][0]["name"], "connection_string") == expected


def test_dev_runs_seaweedfs_whose_s3_identity_is_the_services_key(dev: Rendered) -> None:
    store = dev.get("StatefulSet", "seaweedfs")
    pod = store["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"].startswith("chrislusf/seaweedfs:")
    assert pod["securityContext"]["runAsNonRoot"] is True
    config_flag = next(arg for arg in container["args"] if arg.startswith("-s3.config="))
    config_path = config_flag.split("=", 1)[1]
    (mount,) = [m for m in container["volumeMounts"] if config_path.startswith(m["mountPath"])]
    (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    identities = dev.secret_data(volume["secret"]["secretName"])
    assert identities is not None
    config = json.loads(identities[config_path.rsplit("/", 1)[1]])
    (identity,) = config["identities"]
    services_keys = dev.secret_data("dossier-secrets")
    assert services_keys is not None
    assert identity["credentials"] == [
        {
            "accessKey": services_keys["DOSSIER_S3_ACCESS_KEY"],
            "secretKey": services_keys["DOSSIER_S3_SECRET_KEY"],
        }
    ]
    assert "Admin" in identity["actions"]


def test_dev_services_reach_seaweedfs_through_its_service(dev: Rendered) -> None:
    host, port = settings(dev)["DOSSIER_S3_ENDPOINT"].split(":")
    service = dev.get("Service", host)
    assert int(port) in {p["port"] for p in service["spec"]["ports"]}
    store = dev.get("StatefulSet", "seaweedfs")
    assert (
        service["spec"]["selector"].items()
        <= store["spec"]["template"]["metadata"]["labels"].items()
    )


def test_production_keeps_no_secret_and_runs_no_broker_or_store(production: Rendered) -> None:
    kinds = {doc["kind"] for doc in production.documents}
    assert not kinds & {"Secret", "StatefulSet", "RabbitmqCluster"}


def test_production_points_at_an_external_s3_over_https(production: Rendered) -> None:
    values = settings(production)
    assert values["DOSSIER_ENVIRONMENT"] == "production"
    assert values["DOSSIER_S3_SECURE"] == "true"
    assert "." in values["DOSSIER_S3_ENDPOINT"], "a host outside the cluster"


def test_production_pulls_the_images_from_a_registry(production: Rendered) -> None:
    for service, _, container in deployments(production):
        assert "/" in container["image"].split(":")[0], service
