"""Composition of the pipeline from settings: the one place that names concrete providers."""

from __future__ import annotations

import httpx2

from worker.pipeline.chunk import ChunkEnrichment
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchLimits
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.hubspot.companies_api import HubSpotClient
from worker.pipeline.clients.hubspot.rate_limit import RateLimiter
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.clients.search.searxng import SearxngSearch
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings
from worker.pipeline.stages.deep_search import DeepSearch
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery
from worker.pipeline.stages.hubspot.links import RecordLinks
from worker.pipeline.stages.qualification.qualifier import Qualifier
from worker.pipeline.stages.qualification.sources import EvidenceFinder
from worker.pipeline.stages.website import WebsiteValidator
from worker.pipeline.toolkit import Toolkit


class EnrichmentPipeline:
    def __init__(self, kit: Toolkit, clients: list[httpx2.AsyncClient]) -> None:
        self._kit = kit
        self._clients = clients

    @property
    def toolkit(self) -> Toolkit:
        return self._kit

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return ChunkEnrichment(self._kit, session)

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()
        if self._kit.llm is not None:
            await self._kit.llm.aclose()


def _search(
    settings: PipelineSettings, client: httpx2.AsyncClient, metrics: PipelineMetrics
) -> SearchProvider | None:
    if not settings.capabilities().search:
        return None
    kind = SerperSearch if settings.search_provider == "serper" else SearxngSearch
    return kind(
        client,
        settings.search_url,
        settings.search_api_key.get_secret_value(),
        settings.retry_attempts,
        settings.retry_max_wait_s,
        metrics,
    )


def _llm(settings: PipelineSettings, metrics: PipelineMetrics) -> LlmClient | None:
    if not settings.capabilities().llm:
        return None
    return LlmClient(
        settings.llm_base_url,
        settings.llm_api_key.get_secret_value(),
        settings.llm_model,
        settings.llm_timeout_s,
        settings.llm_temperature,
        settings.retry_attempts,
        settings.retry_max_wait_s,
        metrics,
    )


def _hubspot(
    settings: PipelineSettings, metrics: PipelineMetrics
) -> tuple[HubSpotClient, RecordLinks, httpx2.AsyncClient]:
    client = httpx2.AsyncClient(
        base_url=settings.hubspot_base_url,
        headers={"Authorization": f"Bearer {settings.hubspot_token.get_secret_value()}"},
        timeout=settings.hubspot_timeout_s,
        trust_env=True,
    )
    hubspot = HubSpotClient(
        client,
        RateLimiter(settings.hubspot_requests_per_10s, 10.0),
        RateLimiter(settings.hubspot_searches_per_s, 1.0),
        settings.retry_attempts,
        settings.retry_max_wait_s,
        metrics,
    )
    links = RecordLinks(hubspot, settings.hubspot_app_url, settings.hubspot_portal_id)
    return hubspot, links, client


def web_client(settings: PipelineSettings) -> httpx2.AsyncClient:
    """The client for company websites.

    Few idle connections, kept briefly: a site is revisited within seconds (its about page)
    or never, and the pool scans every idle connection on each request, so a large pool of
    connections to sites already done costs more than it saves (bench/fetch_throughput.py).
    """
    return httpx2.AsyncClient(
        trust_env=True,  # HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE
        follow_redirects=False,
        timeout=settings.fetch_timeout_s,
        headers={"User-Agent": settings.fetch_user_agent, "Accept": "text/html,*/*;q=0.8"},
        limits=httpx2.Limits(
            max_connections=200, max_keepalive_connections=16, keepalive_expiry=10.0
        ),
    )


def build_pipeline(settings: PipelineSettings, metrics: PipelineMetrics = NO_METRICS) -> Pipeline:
    stages = settings.stage_set()
    if stages == {"normalize"}:
        return EnrichmentPipeline(Toolkit(settings, stages, metrics=metrics), [])
    web = web_client(settings)
    api = httpx2.AsyncClient(trust_env=True, timeout=settings.search_timeout_s)
    clients = [web, api]
    limits = FetchLimits(
        settings.fetch_timeout_s,
        settings.fetch_max_bytes,
        settings.fetch_max_redirects,
        settings.fetch_attempts,
        settings.retry_max_wait_s,
    )
    fetcher = Fetcher(
        web, HostGate(settings.host_concurrency, settings.host_min_interval_s), limits, metrics
    )
    search = _search(settings, api, metrics)
    llm = _llm(settings, metrics)
    hubspot = links = None
    if settings.capabilities().hubspot:
        hubspot, links, hubspot_http = _hubspot(settings, metrics)
        clients.append(hubspot_http)
    kit = Toolkit(
        settings=settings,
        stages=stages,
        fetcher=fetcher,
        validator=WebsiteValidator(fetcher, settings.match_threshold),
        search=search,
        discovery=WebsiteDiscovery(
            search,
            fetcher,
            settings.search_results,
            settings.discovery_candidates,
            settings.match_threshold,
        )
        if search
        else None,
        llm=llm,
        deep_search=DeepSearch(
            llm,
            search,
            fetcher,
            settings.deep_search_questions,
            settings.deep_search_pages,
            settings.llm_max_input_chars,
        )
        if llm and search
        else None,
        qualifier=Qualifier(
            llm,
            EvidenceFinder(
                search, fetcher, settings.qualification_max_pages, settings.search_results
            ),
            settings.llm_max_input_chars,
        )
        if llm
        else None,
        hubspot=hubspot,
        hubspot_links=links,
        metrics=metrics,
    )
    return EnrichmentPipeline(kit, clients)
