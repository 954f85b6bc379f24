"""The alert rules and the Grafana dashboard in deploy/monitoring/ are well formed and ask
only for metrics and labels the services expose."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from prometheus_client import CollectorRegistry

from gateway.metrics import GatewayMetrics
from notifier.metrics import Metrics, Occupancy, registry_for
from tests.deploy.compose_model import REPO
from worker.metrics import WorkerMetrics

pytestmark = pytest.mark.unit

MONITORING = REPO / "deploy" / "monitoring"
SAMPLE_SUFFIXES = {
    "counter": ("_total", "_created"),
    "gauge": ("",),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
}
# A Dossier metric, and the label matchers right after it when there are any.
SELECTOR = re.compile(r"\b(dossier_[a-z0-9_]+)(?:\{([^}]*)\})?")
MATCHER_LABEL = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")
DURATION = re.compile(r"^\d+[smhdw]$")


def exposed() -> dict[str, set[str]]:
    """Every sample name the three services can serve, with its label names."""
    gateway = GatewayMetrics(CollectorRegistry())
    gateway.request({"type": "http", "method": "GET", "path": "/healthz"}, 200, 0.01)
    worker = WorkerMetrics(CollectorRegistry())
    worker.message_settled("dossier.chunks", "acked")
    worker.chunk_stored(1.0)
    notifier = registry_for(Metrics(), lambda: Occupancy(0, 0, 0, 0))
    samples: dict[str, set[str]] = {}
    for registry in (gateway.registry, worker.registry, notifier):
        for family in registry.collect():
            labels = {name for sample in family.samples for name in sample.labels} - {"le"}
            for suffix in SAMPLE_SUFFIXES[family.type]:
                samples[f"{family.name}{suffix}"] = labels
    return samples


def check_expression(expr: str, samples: dict[str, set[str]]) -> list[str]:
    problems = []
    if expr.count("(") != expr.count(")") or expr.count("{") != expr.count("}"):
        problems.append(f"unbalanced brackets: {expr}")
    for name, matchers in SELECTOR.findall(expr):
        if name not in samples:
            problems.append(f"{name} is not served by any service")
            continue
        unknown = set(MATCHER_LABEL.findall(matchers)) - samples[name]
        if unknown:
            problems.append(f"{name} has no label {sorted(unknown)}")
    return problems


def load_rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((MONITORING / "prometheus-rules.yml").read_text())
    assert set(document) == {"groups"}
    rules: list[dict[str, Any]] = []
    for group in document["groups"]:
        assert set(group) == {"name", "rules"}, group
        assert group["rules"], group["name"]
        rules.extend(group["rules"])
    return rules


def test_every_alert_rule_is_complete_and_names_exposed_metrics() -> None:
    samples = exposed()
    rules = load_rules()
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names)), "alert names are unique"
    dossier_metrics: set[str] = set()
    for rule in rules:
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule["alert"]
        assert DURATION.match(rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, rule["alert"]
        assert {"summary", "description"} <= set(rule["annotations"]), rule["alert"]
        assert not check_expression(rule["expr"], samples), rule["alert"]
        dossier_metrics |= {name for name, _ in SELECTOR.findall(rule["expr"])}
    assert any(r["expr"].count("rabbitmq_queue_messages_ready") for r in rules)
    assert {
        "dossier_gateway_requests_total",
        "dossier_worker_rows_total",
        "dossier_worker_messages_total",
        "dossier_notifier_publish_to_send_seconds_bucket",
    } <= dossier_metrics


def test_the_scrape_example_loads_the_rules_and_scrapes_every_service() -> None:
    config = yaml.safe_load((MONITORING / "prometheus.yml").read_text())
    assert config["rule_files"] == ["prometheus-rules.yml"]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert {"dossier-gateway", "dossier-worker", "dossier-notifier", "rabbitmq"} <= set(jobs)
    assert jobs["rabbitmq"]["metrics_path"] == "/metrics/per-object"


def panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def test_the_dashboard_parses_and_every_panel_queries_exposed_metrics() -> None:
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text())
    samples = exposed()
    queried: set[str] = set()
    ids = [panel["id"] for panel in panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids are unique"
    for panel in panels(dashboard):
        if panel["type"] == "row":
            continue
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            problems = check_expression(target["expr"], samples)
            assert not problems, (panel["title"], problems)
            queried |= {name for name, _ in SELECTOR.findall(target["expr"])}
    variables = {variable["name"] for variable in dashboard["templating"]["list"]}
    assert {"datasource", "prefix"} <= variables
    families = {name.removesuffix("_bucket") for name in queried}
    for wanted in (
        "dossier_gateway_requests_total",
        "dossier_gateway_request_duration_seconds",
        "dossier_worker_rows_total",
        "dossier_worker_stage_duration_seconds",
        "dossier_worker_chunk_duration_seconds",
        "dossier_notifier_clients",
        "dossier_notifier_publish_to_send_seconds",
    ):
        assert wanted in families, wanted
