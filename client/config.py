"""Where the client finds the API, the notifier and its key.

Each setting is taken from the first place that has it:

1. an argument (the CLI's options);
2. the environment: `DOSSIER_API_URL`, `DOSSIER_API_KEY`, `DOSSIER_NOTIFIER_URL`;
3. the config file: `DOSSIER_CONFIG`, else `$XDG_CONFIG_HOME/dossier/config.toml`
   (`~/.config/dossier/config.toml`), with the keys `api_url`, `api_key`, `notifier_url`;
4. the development stack of `make up`: its key in `.run/dev-api-key` and its gateway port
   in `.run/dossier.env`, looked up from the working directory upwards (or in
   `DOSSIER_RUN_DIR`);
5. the default API URL `http://127.0.0.1:8000`. The notifier URL, when none is set, is
   the one the gateway announces in `GET /api/capabilities`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from client.errors import ConfigError

DEFAULT_API_URL = "http://127.0.0.1:8000"
FILE_KEYS = frozenset({"api_url", "api_key", "notifier_url"})


@dataclass(frozen=True)
class ClientConfig:
    api_url: str
    api_key: str = field(repr=False)
    # None: ask the gateway, which knows where its notifier is published.
    notifier_url: str | None = None
    timeout: float = 30.0


@dataclass(frozen=True)
class DevStack:
    """What `make up` leaves in its run folder for local clients."""

    api_key: str | None
    api_url: str | None


def default_config_path(env: Mapping[str, str]) -> Path:
    if env.get("DOSSIER_CONFIG"):
        return Path(env["DOSSIER_CONFIG"]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "dossier" / "config.toml"


def read_config_file(path: Path, required: bool) -> dict[str, str]:
    try:
        with path.open("rb") as source:
            data = tomllib.load(source)
    except FileNotFoundError:
        if required:
            raise ConfigError(f"config file {path} does not exist") from None
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"config file {path} cannot be read: {error}") from None
    unknown = sorted(set(data) - FILE_KEYS)
    if unknown:
        raise ConfigError(
            f"config file {path}: unknown keys {', '.join(unknown)}"
            f" (known: {', '.join(sorted(FILE_KEYS))})"
        )
    wrong = sorted(name for name, value in data.items() if not isinstance(value, str))
    if wrong:
        raise ConfigError(f"config file {path}: {', '.join(wrong)} must be strings")
    return {name: value for name, value in data.items() if value}


def find_run_dir(env: Mapping[str, str], cwd: Path) -> Path | None:
    if env.get("DOSSIER_RUN_DIR"):
        return Path(env["DOSSIER_RUN_DIR"])
    for folder in (cwd, *cwd.parents):
        if (folder / ".run" / "dev-api-key").is_file():
            return folder / ".run"
    return None


def read_dev_stack(run_dir: Path | None) -> DevStack:
    if run_dir is None:
        return DevStack(None, None)
    try:
        key = (run_dir / "dev-api-key").read_text().strip() or None
    except OSError:
        key = None
    port = None
    try:
        for line in (run_dir / "dossier.env").read_text().splitlines():
            name, _, value = line.partition("=")
            if name.strip() == "DOSSIER_GATEWAY_PORT" and value.strip().isdigit():
                port = value.strip()
    except OSError:
        pass
    return DevStack(key, f"http://127.0.0.1:{port}" if port else None)


def resolve_config(
    *,
    api_url: str | None = None,
    api_key: str | None = None,
    notifier_url: str | None = None,
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> ClientConfig:
    """The client's settings from arguments, environment, config file and `make up`."""
    env = os.environ if env is None else env
    path = config_path or default_config_path(env)
    explicit_file = config_path is not None or bool(env.get("DOSSIER_CONFIG"))
    from_file = read_config_file(path, required=explicit_file)
    dev = read_dev_stack(find_run_dir(env, cwd or Path.cwd()))

    key = api_key or env.get("DOSSIER_API_KEY") or from_file.get("api_key") or dev.api_key
    if not key:
        raise ConfigError(
            "no API key: set DOSSIER_API_KEY, put api_key in "
            f"{path}, or run `make up` in the repository"
        )
    url = api_url or env.get("DOSSIER_API_URL") or from_file.get("api_url") or dev.api_url
    notifier = notifier_url or env.get("DOSSIER_NOTIFIER_URL") or from_file.get("notifier_url")
    return ClientConfig(
        api_url=(url or DEFAULT_API_URL).rstrip("/"),
        api_key=key.strip(),
        notifier_url=notifier,
    )
