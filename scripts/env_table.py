"""Print the Markdown table of every DOSSIER_* variable, read from the settings classes.

    .venv/bin/python scripts/env_table.py            # print it
    .venv/bin/python scripts/env_table.py --readme   # replace the table in README.md

A variable's description is the comment just above its field (or the field's own
description); `SERVICES` says which process reads each settings class.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from gateway.settings import GatewaySettings
from notifier.settings import NotifierSettings
from shared.providers import ProviderSettings
from shared.settings import CommonSettings
from shared.settings_sources import DEFAULT_SECRETS_DIR, SECRETS_DIR_VARIABLE
from worker.pipeline.settings import PipelineSettings
from worker.settings import WorkerSettings

SERVICES: tuple[tuple[type[BaseSettings], str], ...] = (
    (CommonSettings, "all"),
    (ProviderSettings, "gateway, worker"),
    (GatewaySettings, "gateway"),
    (NotifierSettings, "notifier"),
    (WorkerSettings, "worker"),
    (PipelineSettings, "worker"),
)

# Variables read before any settings class, so no field carries them.
SOURCE_ROWS: tuple[tuple[str, str, str, str], ...] = (
    (
        SECRETS_DIR_VARIABLE,
        str(DEFAULT_SECRETS_DIR),
        "all",
        "Folder of files named like variables (`DOSSIER_S3_SECRET_KEY`), each holding its "
        "value: how Docker secrets reach the services. A variable set in the environment "
        "wins over its file; the default folder is skipped when absent.",
    ),
)

REPO = Path(__file__).resolve().parent.parent
README_START = "<!-- env-table"
README_END = "<!-- /env-table -->"

# Meanings of fields that carry no comment in their settings class.
DESCRIPTIONS: dict[str, str] = {
    "DOSSIER_ENVIRONMENT": "`development`, `test` or `production`; production refuses "
    "default secrets and (gateway) a missing API key list.",
    "DOSSIER_LOG_LEVEL": "Lowest level logged.",
    "DOSSIER_LOG_FORMAT": "`json`, `console`, or `auto` (JSON unless attached to a terminal).",
    "DOSSIER_AMQP_URL": "RabbitMQ URL, `amqp://user:password@host:5672/vhost`.",
    "DOSSIER_S3_ENDPOINT": "Object storage `host:port` (SeaweedFS, Ceph, AWS S3 or any S3 API).",
    "DOSSIER_S3_ACCESS_KEY": "Object storage access key.",
    "DOSSIER_S3_SECRET_KEY": "Object storage secret key.",
    "DOSSIER_S3_SECURE": "Use HTTPS to reach the object storage.",
    "DOSSIER_S3_REGION": "Region of the bucket, when the storage needs one.",
    "DOSSIER_S3_BUCKET": "Bucket holding every session; created when missing.",
    "DOSSIER_API_KEYS": "Comma-separated `tenant:sha256(key)` pairs.",
    "DOSSIER_API_KEYS_FILE": "File of `tenant sha256(key)` lines (`#` comments allowed).",
    "DOSSIER_SEARCH_PROVIDER": "`none`, `serper` or `searxng`.",
    "DOSSIER_SEARCH_URL": "Search endpoint (Serper-compatible API or SearXNG instance).",
    "DOSSIER_SEARCH_API_KEY": "Key of the search API.",
    "DOSSIER_LLM_BASE_URL": "OpenAI-compatible API base URL; empty disables the LLM.",
    "DOSSIER_LLM_API_KEY": "Key of the LLM API.",
    "DOSSIER_LLM_MODEL": "Model name sent to the LLM API.",
    "DOSSIER_HUBSPOT_BASE_URL": "HubSpot API base URL.",
    "DOSSIER_HUBSPOT_TOKEN": "HubSpot private app token; empty disables the HubSpot options.",
    "DOSSIER_GATEWAY_HOST": "Address the gateway listens on.",
    "DOSSIER_GATEWAY_PORT": "Port the gateway listens on.",
    "DOSSIER_MAX_UPLOAD_BYTES": "Largest accepted upload.",
    "DOSSIER_MAX_ROWS": "Most data rows accepted in one file.",
    "DOSSIER_MAX_CONTEXT_CHARS": "Longest accepted context text.",
    "DOSSIER_NOTIFIER_PUBLIC_URL": "WebSocket URL browsers use, told to the dashboard by "
    "`GET /api/capabilities`.",
    "DOSSIER_NOTIFIER_HOST": "Address the notifier listens on.",
    "DOSSIER_NOTIFIER_PORT": "Port the notifier listens on.",
    "DOSSIER_NOTIFIER_AUTH_TIMEOUT": "Seconds a client has to authenticate after connecting.",
    "DOSSIER_NOTIFIER_MAX_CLIENTS": "Most WebSocket clients one notifier serves.",
    "DOSSIER_WORKER_HEALTH_HOST": "Address of the worker's health server.",
    "DOSSIER_WORKER_HEALTH_PORT": "Port of the worker's `/healthz`, `/readyz` and `/metrics`; "
    "unset: no health server.",
    "DOSSIER_FETCH_TIMEOUT_S": "Seconds allowed for one page fetch.",
    "DOSSIER_FETCH_MAX_BYTES": "Largest page body read.",
    "DOSSIER_FETCH_MAX_REDIRECTS": "Redirects followed per fetch.",
    "DOSSIER_FETCH_ATTEMPTS": "Attempts per page fetch.",
    "DOSSIER_FETCH_USER_AGENT": "User-Agent of page fetches.",
    "DOSSIER_HOST_MIN_INTERVAL_S": "Window of `DOSSIER_HOST_REQUESTS_PER_INTERVAL`, in seconds, "
    "for the whole deployment; 0 (the default) sets no fixed rate per host.",
    "DOSSIER_RETRY_ATTEMPTS": "Attempts per provider call (search, LLM, HubSpot).",
    "DOSSIER_RETRY_MAX_WAIT_S": "Longest back-off between attempts.",
    "DOSSIER_SEARCH_TIMEOUT_S": "Seconds allowed for one search request.",
    "DOSSIER_SEARCH_RESULTS": "Results asked from the search provider.",
    "DOSSIER_DISCOVERY_CANDIDATES": "Candidate websites checked when discovering a website.",
    "DOSSIER_MATCH_THRESHOLD": "Lowest confidence at which a website or LinkedIn candidate is "
    "kept for review; below it the candidate is rejected.",
    "DOSSIER_LLM_TIMEOUT_S": "Seconds allowed for one LLM call.",
    "DOSSIER_LLM_MAX_INPUT_CHARS": "Most page text sent to the LLM.",
    "DOSSIER_LLM_TEMPERATURE": "LLM sampling temperature.",
    "DOSSIER_DEEP_SEARCH_QUESTIONS": "Questions asked per company in deep search.",
    "DOSSIER_DEEP_SEARCH_PAGES": "Pages read per question in deep search.",
    "DOSSIER_HUBSPOT_TIMEOUT_S": "Seconds allowed for one HubSpot request.",
    "DOSSIER_HUBSPOT_FRESHNESS_DAYS": "A HubSpot description newer than this is reused.",
    "DOSSIER_HUBSPOT_SEARCHES_PER_S": "HubSpot search requests per second, for the whole "
    "deployment (HubSpot allows 4 per token).",
    "DOSSIER_HUBSPOT_WRITE_PROPERTIES": "Company properties written back to HubSpot.",
    "DOSSIER_HUBSPOT_PORTAL_ID": "Portal id, to link result rows to HubSpot records.",
    "DOSSIER_HUBSPOT_APP_URL": "HubSpot web app URL, for those links.",
}


def env_name(settings: type[BaseSettings], name: str, field: FieldInfo) -> str:
    alias = field.validation_alias
    if isinstance(alias, str):
        return alias.upper()
    return f"{settings.model_config.get('env_prefix', '')}{name}".upper()


def declaring_classes(settings: type[BaseSettings]) -> list[type[BaseModel]]:
    """The class and the plain models it mixes in: their fields are its own variables."""
    mixins = [
        base
        for base in settings.__mro__[1:]
        if issubclass(base, BaseModel)
        and not issubclass(base, BaseSettings)
        and base is not BaseModel
    ]
    return [settings, *mixins]


def field_comments(settings: type[BaseModel]) -> dict[str, str]:
    """The comment lines directly above each annotated field in the class body."""
    source = textwrap.dedent(inspect.getsource(settings))
    lines = source.splitlines()
    comments: dict[str, str] = {}
    for node in ast.parse(source).body[0].body:  # type: ignore[attr-defined]
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            above: list[str] = []
            index = node.lineno - 2
            while index >= 0 and lines[index].strip().startswith("#"):
                above.insert(0, lines[index].strip().lstrip("#").strip())
                index -= 1
            comments[node.target.id] = " ".join(above)
    return comments


def default_text(field: FieldInfo) -> str:
    value: Any = field.get_default(call_default_factory=True)
    if hasattr(value, "get_secret_value"):
        value = value.get_secret_value()
        return "(secret, empty)" if not value else "(development secret)"
    if value is None:
        return ""
    return str(value)


def rows() -> Iterator[tuple[str, str, str, str]]:
    seen: set[str] = set()
    for settings, services in SERVICES:
        declaring = declaring_classes(settings)
        comments: dict[str, str] = {}
        for declared in reversed(declaring):
            comments.update((name, text) for name, text in field_comments(declared).items() if text)
        own = {name for declared in declaring for name in declared.__annotations__}
        for name, field in settings.model_fields.items():
            variable = env_name(settings, name, field)
            if variable in seen or name not in own:
                continue
            seen.add(variable)
            text = field.description or comments.get(name) or DESCRIPTIONS.get(variable, "")
            yield variable, default_text(field), services, text
        if settings is CommonSettings:
            yield from SOURCE_ROWS


def table() -> str:
    lines = ["| variable | default | read by | meaning |", "| --- | --- | --- | --- |"]
    for variable, default, services, text in rows():
        shown = f"`{default}`" if default and not default.startswith("(") else default
        lines.append(f"| `{variable}` | {shown} | {services} | {text.replace('|', '/')} |")
    return "\n".join(lines)


def write_readme() -> None:
    readme = REPO / "README.md"
    text = readme.read_text()
    start = text.index("\n", text.index(README_START)) + 1
    end = text.index(README_END)
    readme.write_text(text[:start] + table() + "\n" + text[end:])


def main() -> None:
    if sys.argv[1:] == ["--readme"]:
        write_readme()
    else:
        print(table())


if __name__ == "__main__":
    main()
