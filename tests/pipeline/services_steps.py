"""Steps shared by the tests that run the pipeline inside the service processes: the
environment that points a worker at the fake web, search and model servers, and the
upload / start / wait calls every such test makes through the gateway."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import httpx

from tests.pipeline.fakes.search import API_KEY

if TYPE_CHECKING:  # the conftest starts the services with farm_env
    from tests.pipeline.conftest import Farm, Server
    from tests.pipeline.fakes.llm import LlmState
    from tests.pipeline.fakes.search import SearchState
    from tests.stack import Stack


def farm_env(farm: Farm) -> dict[str, str]:
    """Worker settings that reach the farm's sites: its names answer 127.0.0.1
    (fakes/dns.py) and are fetched through the farm's proxy with its own CA."""
    return {
        "DOSSIER_HOST_MIN_INTERVAL_S": "0",
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "HTTPS_PROXY": farm.proxy_url,
        "HTTP_PROXY": farm.proxy_url,
        "NO_PROXY": "127.0.0.1,localhost",
        "SSL_CERT_FILE": str(farm.ca_file),
    }


def search_env(search_server: Server[SearchState]) -> dict[str, str]:
    return {
        "DOSSIER_SEARCH_PROVIDER": "serper",
        "DOSSIER_SEARCH_URL": f"{search_server.url}/search",
        "DOSSIER_SEARCH_API_KEY": API_KEY,
    }


def llm_env(llm_server: Server[LlmState]) -> dict[str, str]:
    return {
        "DOSSIER_LLM_BASE_URL": llm_server.url,
        "DOSSIER_LLM_API_KEY": "sk-test",
        "DOSSIER_LLM_MODEL": "test-model",
    }


async def upload(
    client: httpx.AsyncClient,
    data: bytes,
    form: dict[str, str] | None = None,
    filename: str = "list.csv",
) -> str:
    """Uploads a CSV (with the form's options) and returns the new session's id."""
    files = {"file": (filename, data, "text/csv")}
    created = await client.post("/api/sessions", data=form or {}, files=files)
    assert created.status_code == 201, created.text
    return str(created.json()["session_id"])


async def start(client: httpx.AsyncClient, session_id: str) -> None:
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202


async def wait_final(client: httpx.AsyncClient, session_id: str) -> dict[str, Any]:
    async with asyncio.timeout(60):
        while True:
            state: dict[str, Any] = (await client.get(f"/api/sessions/{session_id}")).json()
            if state["status"] in ("completed", "failed", "cancelled") and state["finalized"]:
                return state
            await asyncio.sleep(0.2)  # polling the API is the condition being waited on


async def completed_downloads(
    stack: Stack, data: bytes, form: dict[str, str], formats: tuple[str, ...]
) -> dict[str, bytes]:
    """Uploads, starts and waits for a session that must complete; its downloads by format."""
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        session_id = await upload(client, data, form)
        await start(client, session_id)
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", stack.logs()
        results = f"/api/sessions/{session_id}/results"
        return {
            kind: (await client.get(results, params={"format": kind})).content for kind in formats
        }
