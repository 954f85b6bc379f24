"""Running the wrappers compose puts in front of SeaweedFS and RabbitMQ, outside Docker."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.deploy.compose_model import REPO

S3_IDENTITIES = REPO / "deploy" / "seaweedfs" / "s3-identities.sh"
DEFAULT_USER = REPO / "deploy" / "rabbitmq" / "default-user.sh"


def run(script: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(script), *args],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


def identities(
    tmp_path: Path, access_key: str, secret_key: str
) -> subprocess.CompletedProcess[str]:
    """s3-identities.sh with the secret key in a file of `tmp_path`; the command it runs
    afterwards prints the identities file, so stdout is that file."""
    secret = tmp_path / "DOSSIER_S3_SECRET_KEY"
    secret.write_text(secret_key + "\n")
    config = tmp_path / "s3.json"
    env = {"S3_ACCESS_KEY": access_key, "S3_SECRET_KEY_FILE": str(secret)}
    return run(S3_IDENTITIES, [str(config), "cat", str(config)], env)


def default_user(tmp_path: Path, url: str) -> subprocess.CompletedProcess[str]:
    """default-user.sh with the AMQP URL in a file of `tmp_path`; stdout is the RabbitMQ
    configuration it wrote."""
    url_file = tmp_path / "DOSSIER_AMQP_URL"
    url_file.write_text(url + "\n")
    conf = tmp_path / "30-dossier-user.conf"
    env = {"AMQP_URL_FILE": str(url_file), "RABBITMQ_USER_CONF": str(conf)}
    return run(DEFAULT_USER, ["cat", str(conf)], env)
