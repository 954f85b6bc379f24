"""Where settings come from: the environment first, then one file per variable.

A variable's file is named like the variable (`DOSSIER_S3_SECRET_KEY`) and sits in
`DOSSIER_SECRETS_DIR`, by default `/run/secrets`, where Docker Compose mounts secrets.
Surrounding whitespace is stripped, so `echo value > file` works. A variable set in the
environment wins over its file, which keeps `make up` and the tests independent of any
secrets folder. Every settings class of the services derives from `FileBackedSettings`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SecretsSettingsSource,
    SettingsError,
)

SECRETS_DIR_VARIABLE = "DOSSIER_SECRETS_DIR"
DEFAULT_SECRETS_DIR = Path("/run/secrets")


def secrets_dir() -> Path | None:
    """`DOSSIER_SECRETS_DIR`, which must exist; else `/run/secrets` when there is one."""
    configured = os.environ.get(SECRETS_DIR_VARIABLE)
    if configured:
        path = Path(configured)
        if not path.is_dir():
            raise SettingsError(f"{SECRETS_DIR_VARIABLE}={configured} is not a directory")
        return path
    # Absent on most machines: no secrets folder is not a mistake, a wrong one is.
    return DEFAULT_SECRETS_DIR if DEFAULT_SECRETS_DIR.is_dir() else None


class FileBackedSettings(BaseSettings):
    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Resolved per instance, not at import: settings are built once, in __main__.
        given = getattr(file_secret_settings, "secrets_dir", None)
        files = SecretsSettingsSource(settings_cls, secrets_dir=given or secrets_dir())
        return init_settings, env_settings, dotenv_settings, files
