"""The outside world of the pipeline, as real servers on 127.0.0.1: a site farm behind an
HTTPS proxy with a test CA, search APIs, an OpenAI-compatible LLM and HubSpot."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import httpx2
import pytest
import trustme

from shared.models import SessionOptions
from tests.pipeline.fakes.dns import FarmResolver
from tests.pipeline.fakes.hubspot import TOKEN, HubSpotState, hubspot_app
from tests.pipeline.fakes.llm import LlmState, llm_app
from tests.pipeline.fakes.proxy import ProxyState, Route, handler
from tests.pipeline.fakes.search import API_KEY, SearchState, search_app
from tests.pipeline.fakes.server import serve_app, serve_streams
from tests.pipeline.fakes.site_farm import SITES, farm_app
from tests.pipeline.services_steps import farm_env, llm_env, search_env
from tests.stack import Stack, services_stack
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.protocol import SessionContext
from worker.pipeline.settings import PipelineSettings


@dataclass
class Farm:
    ca_file: Path
    proxy_url: str
    proxy: ProxyState


@pytest.fixture(scope="session")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Farm]:
    tmp = tmp_path_factory.mktemp("farm")
    hosts = [*SITES, *(f"www.{h}" for h in SITES), "slow-site.com"]
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp / "ca.pem"))
    ca.issue_cert(*hosts).private_key_and_cert_chain_pem.write_to_path(str(tmp / "farm.pem"))
    untrusted = trustme.CA().issue_cert("badtls.com")
    untrusted.private_key_and_cert_chain_pem.write_to_path(str(tmp / "bad.pem"))
    with (
        serve_app(farm_app, tmp / "farm.pem") as tls_port,
        serve_app(farm_app) as http_port,
        serve_app(farm_app, tmp / "bad.pem") as bad_port,
    ):
        state = ProxyState({host: Route(tls_port, http_port) for host in hosts})
        state.routes["http-only.org"] = Route(None, http_port)
        state.routes["badtls.com"] = Route(bad_port, None)
        with serve_streams(handler(state)) as proxy_port:
            yield Farm(tmp / "ca.pem", f"http://127.0.0.1:{proxy_port}", state)


@pytest.fixture
def web_env(farm: Farm, monkeypatch: pytest.MonkeyPatch) -> Farm:
    """The process environment an operator sets: proxy, no proxy for local APIs, CA file."""
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("HTTPS_PROXY", farm.proxy_url)
    monkeypatch.setenv("HTTP_PROXY", farm.proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("SSL_CERT_FILE", str(farm.ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    farm.proxy.tunnels.clear()
    farm.proxy.forwards.clear()
    return farm


S = TypeVar("S")


@dataclass
class Server(Generic[S]):
    url: str
    state: S


@pytest.fixture(scope="session")
def _search_server() -> Iterator[Server[SearchState]]:
    state = SearchState()
    with serve_app(search_app(state)) as port:
        yield Server(f"http://127.0.0.1:{port}", state)


@pytest.fixture(scope="session")
def _llm_server() -> Iterator[Server[LlmState]]:
    state = LlmState()
    with serve_app(llm_app(state)) as port:
        yield Server(f"http://127.0.0.1:{port}/v1", state)


@pytest.fixture(scope="session")
def _hubspot_server() -> Iterator[Server[HubSpotState]]:
    state = HubSpotState()
    with serve_app(hubspot_app(state)) as port:
        yield Server(f"http://127.0.0.1:{port}", state)


@pytest.fixture
def search_server(_search_server: Server[SearchState]) -> Server[SearchState]:
    _search_server.state.reset()
    return _search_server


@pytest.fixture
def llm_server(_llm_server: Server[LlmState]) -> Server[LlmState]:
    _llm_server.state.reset()
    return _llm_server


@pytest.fixture
def hubspot_server(_hubspot_server: Server[HubSpotState]) -> Server[HubSpotState]:
    _hubspot_server.state.reset()
    return _hubspot_server


MakeSettings = Callable[..., PipelineSettings]
FARM_DNS = FarmResolver()


@pytest.fixture
def make_settings(
    web_env: Farm,
    search_server: Server[SearchState],
    llm_server: Server[LlmState],
    hubspot_server: Server[HubSpotState],
    monkeypatch: pytest.MonkeyPatch,
) -> MakeSettings:
    """Settings with short limits; `search=`, `llm=`, `hubspot=` switch providers on."""
    for name in list(os.environ):
        if name.startswith("DOSSIER_"):
            monkeypatch.delenv(name)

    def make(
        search: str = "none", llm: bool = False, hubspot: bool = False, **overrides: Any
    ) -> PipelineSettings:
        values: dict[str, Any] = {
            "fetch_timeout_s": 1.0,
            "fetch_max_bytes": 300_000,
            "fetch_attempts": 1,
            "host_min_interval_s": 0.0,
            "retry_attempts": 2,
            "retry_max_wait_s": 0.1,
            # The farm and every fake are on 127.0.0.1 (see fakes/dns.py).
            "fetch_allow_private_networks": True,
        }
        if search == "serper":
            values |= {"search_provider": "serper", "search_url": f"{search_server.url}/search"}
            values["search_api_key"] = API_KEY
        elif search == "searxng":
            values |= {"search_provider": "searxng", "search_url": search_server.url}
        if llm:
            values |= {"llm_base_url": llm_server.url, "llm_model": "test-model"}
            values["llm_api_key"] = "sk-test"
        if hubspot:
            values |= {"hubspot_base_url": hubspot_server.url, "hubspot_token": TOKEN}
            values["hubspot_requests_per_10s"] = 1000
            values["hubspot_searches_per_s"] = 100
        return PipelineSettings(**(values | overrides))

    return make


def session_context(
    context_text: str = "", chunk: int = 0, session_id: str = "s-test", **options: bool
) -> SessionContext:
    return SessionContext("tenant", session_id, chunk, context_text, SessionOptions(**options))


FarmServices = Callable[[dict[str, str]], AbstractAsyncContextManager[Stack]]


@pytest.fixture
def farm_services(
    tmp_path: Path, farm: Farm, s3_endpoint: str, s3_bucket: str, rabbitmq: str
) -> FarmServices:
    """Starts the service processes of a new tenant and topology, the worker reaching the
    farm's sites, every service also given `env` (providers, limits)."""

    def start(env: dict[str, str]) -> AbstractAsyncContextManager[Stack]:
        settings = {**env, **farm_env(farm)}
        return services_stack(s3_endpoint, s3_bucket, rabbitmq, tmp_path, settings)

    return start


@pytest.fixture
async def search_llm_stack(
    search_server: Server[SearchState],
    llm_server: Server[LlmState],
    farm_services: FarmServices,
) -> AsyncIterator[Stack]:
    """The services with the fake search API and model configured, two rows a chunk."""
    env = {
        **search_env(search_server),
        **llm_env(llm_server),
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_WORKER_CHUNK_SIZE": "2",
    }
    async with farm_services(env) as running:
        yield running


@pytest.fixture
async def retry_stack(
    search_server: Server[SearchState], llm_server: Server[LlmState], farm_services: FarmServices
) -> AsyncIterator[Stack]:
    """The services with the fake search API and model, two rows a chunk, and one attempt
    per outside call: a failure stays a failure, for a retry round to redo."""
    env = {
        **search_env(search_server),
        **llm_env(llm_server),
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_RETRY_ATTEMPTS": "1",
        "DOSSIER_WORKER_CHUNK_SIZE": "2",
    }
    async with farm_services(env) as running:
        yield running


@pytest.fixture
async def farm_fetcher(make_settings: MakeSettings) -> AsyncIterator[Fetcher]:
    """The worker's page fetcher, resolving the farm's names, with a 2 s timeout."""
    fetcher, client = web_fetcher(make_settings(fetch_timeout_s=2.0), resolver=FARM_DNS)
    async with client:
        yield fetcher


@pytest.fixture
async def farm_serper(
    web_env: Farm, search_server: Server[SearchState]
) -> AsyncIterator[SearchProvider]:
    """The Serper client against the fake search API, through the farm's proxy settings."""
    async with httpx2.AsyncClient(trust_env=True, timeout=5) as client:
        yield SerperSearch(client, f"{search_server.url}/search", API_KEY, 3, 0.05)
