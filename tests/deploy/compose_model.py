"""Reading docker-compose.yml the way Compose does: YAML plus `${VAR}` interpolation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic_settings import BaseSettings

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOSSIER_SERVICES = ("gateway", "worker", "notifier")

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}
_VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


class MissingVariable(Exception):
    pass


def load_compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE_FILE.read_text())
    assert isinstance(document, dict)
    return document


def variables(text: str) -> list[re.Match[str]]:
    return list(_VARIABLE.finditer(text))


def interpolate(text: str, env: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"] or ""
        value = env.get(name)
        unset_or_empty = not value
        if op in (":?", "?") and (value is None or (op == ":?" and unset_or_empty)):
            raise MissingVariable(f"{name}: {arg}")
        if op == ":-" and unset_or_empty:
            return arg
        if op == "-" and value is None:
            return arg
        return value or ""

    return _VARIABLE.sub(replace, text)


def settings_env_names(settings: type[BaseSettings]) -> set[str]:
    """Environment variable names a settings class reads (prefix + field, or its alias)."""
    prefix = str(settings.model_config.get("env_prefix", ""))
    names: set[str] = set()
    for name, field in settings.model_fields.items():
        alias = field.validation_alias
        names.add(alias.upper() if isinstance(alias, str) else f"{prefix}{name}".upper())
    return names


def service_env(service: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, str]:
    """A service's environment after interpolation with `env` as the host's variables."""
    environment = service.get("environment", {})
    assert isinstance(environment, dict), "environment must be a mapping"
    return {str(key): interpolate(str(value), env) for key, value in environment.items()}


def secret_mounts(service: Mapping[str, Any]) -> dict[str, str]:
    """Path of each secret inside the container -> the name of the compose secret."""
    mounts: dict[str, str] = {}
    for entry in service.get("secrets", []):
        source = entry if isinstance(entry, str) else entry["source"]
        target = source if isinstance(entry, str) else entry.get("target", source)
        path = target if target.startswith("/") else f"/run/secrets/{target}"
        mounts[path] = source
    return mounts
