"""The client and the `dossier` command against the services running as processes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from client import ClientConfig, DossierClient
from tests.stack import Stack, normalize_stack

COMPANIES_CSV = (
    "name,website,segment\n"
    "Acme Inc,https://www.acme.com/about,tools\n"
    "Globex,globex.co.uk,energy\n"
    "Acme Duplicate,http://acme.com,tools\n"
    "Initech,,software\n"
    "Umbrella,umbrella.com,pharma\n"
)
COMPANY_NAMES = ["Acme Inc", "Globex", "Acme Duplicate", "Initech", "Umbrella"]


@pytest.fixture(scope="package")
async def stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """One stack for every test of the client: each makes its own sessions."""
    logs = tmp_path_factory.mktemp("client-logs")
    async with normalize_stack(s3_endpoint, s3_bucket, rabbitmq, logs) as running:
        yield running


@pytest.fixture(scope="package")
def companies_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "companies.csv"
    path.write_text(COMPANIES_CSV)
    return path


@pytest.fixture
def dossier(stack: Stack) -> Iterator[DossierClient]:
    # No notifier URL: the client asks the gateway where its notifier is.
    with DossierClient(ClientConfig(api_url=stack.api, api_key=stack.key)) as client:
        yield client


@pytest.fixture
def cli_env(stack: Stack, tmp_path: Path) -> dict[str, str | None]:
    """The environment of a `dossier` command: this stack, and nothing of the machine's
    own configuration."""
    return {
        "DOSSIER_API_URL": stack.api,
        "DOSSIER_API_KEY": stack.key,
        "DOSSIER_NOTIFIER_URL": None,
        "DOSSIER_CONFIG": None,
        "DOSSIER_RUN_DIR": None,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


@pytest.fixture(scope="package")
def finished_session(stack: Stack, companies_csv: Path) -> str:
    """A session run to completion, for the tests that only read one."""
    with DossierClient(ClientConfig(api_url=stack.api, api_key=stack.key)) as client:
        session_id = str(client.create_session(companies_csv)["session_id"])
        client.start(session_id)
        seen = list(client.watch(session_id))
    assert seen[-1].status == "completed", stack.logs()
    return session_id
