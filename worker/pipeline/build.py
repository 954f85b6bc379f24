"""Composition of the pipeline from settings: the one place that names concrete providers.

The budgets that must hold for the whole deployment (HubSpot's account limits, politeness
per website host) come in as a `Budget` from the worker's composition root; a pipeline
built without one keeps them in this process only (`MemoryBudget`).
"""

from __future__ import annotations

import httpx2

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import RELEASE_MARGIN_S, Budget, Slots, Window
from worker.pipeline.chunk import ChunkEnrichment
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchLimits
from worker.pipeline.clients.fetch.guard import AddressGuard
from worker.pipeline.clients.fetch.pacing import HostPacing
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.fetch.resolver import Resolver, SystemResolver
from worker.pipeline.clients.fetch.robots import product_token
from worker.pipeline.clients.fetch.transport import guarded_client
from worker.pipeline.clients.hubspot.companies_api import HubSpotClient
from worker.pipeline.clients.hubspot.rate_limit import AccountLimits, account_key
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.clients.search.searxng import SearxngSearch
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings
from worker.pipeline.stages.deep_search import DeepSearch
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery
from worker.pipeline.stages.fields.answerer import FieldAnswerer
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
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget
) -> tuple[HubSpotClient, RecordLinks, httpx2.AsyncClient]:
    token = settings.hubspot_token.get_secret_value()
    client = httpx2.AsyncClient(
        base_url=settings.hubspot_base_url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=settings.hubspot_timeout_s,
        trust_env=True,
    )
    limits = AccountLimits(
        budget,
        account_key(token),
        Window(
            "hubspot",
            settings.hubspot_requests_per_10s,
            settings.hubspot_window_s,
            settings.budget_margin_s,
        ),
        Window("hubspot-search", settings.hubspot_searches_per_s, 1.0, settings.budget_margin_s),
        settings.budget_max_wait_s,
    )
    hubspot = HubSpotClient(
        client,
        limits,
        settings.retry_attempts,
        settings.retry_max_wait_s,
        metrics,
    )
    links = RecordLinks(hubspot, settings.hubspot_app_url, settings.hubspot_portal_id)
    return hubspot, links, client


def web_client(settings: PipelineSettings, resolver: Resolver | None = None) -> httpx2.AsyncClient:
    """The client for company websites: only public addresses, unless the settings allow
    private networks, and never the deployment's own services.

    Few idle connections, kept briefly: a site is revisited within seconds (its about page)
    or never, and the pool scans every idle connection on each request, so a large pool of
    connections to sites already done costs more than it saves (bench/fetch_throughput.py).
    """
    guard = AddressGuard(
        resolver or SystemResolver(),
        settings.fetch_allow_private_networks,
        settings.refused_hosts(),
    )
    return guarded_client(
        guard,
        timeout=settings.fetch_timeout_s,
        headers={"User-Agent": settings.fetch_user_agent, "Accept": "text/html,*/*;q=0.8"},
        limits=httpx2.Limits(
            max_connections=200, max_keepalive_connections=16, keepalive_expiry=10.0
        ),
    )


def page_fetcher(
    settings: PipelineSettings, web: httpx2.AsyncClient, metrics: PipelineMetrics, budget: Budget
) -> Fetcher:
    """The page fetcher every stage uses, on `web` (see `web_client`)."""
    interval, margin = settings.host_min_interval_s, settings.budget_margin_s
    limit = settings.host_requests_per_interval
    rate = Window("host", limit, interval, margin) if interval else None
    # One hop of a fetch ends within the fetch timeout (waits at the gate aside).
    lease = settings.fetch_timeout_s + RELEASE_MARGIN_S + 1.0
    in_flight = Slots("host-slots", settings.host_concurrency, lease)
    pacing = HostPacing(
        settings.host_slow_answer_s, settings.host_backoff_s, settings.budget_max_wait_s
    )
    gate = HostGate(
        budget,
        rate,
        in_flight,
        settings.budget_max_wait_s,
        settings.host_concurrency_shared,
        pacing,
        # A host that asked for a longer pause than a page may take to answer fails the
        # fetch at once (`throttled`): a row waits for no site longer than for an answer.
        pause_max_wait_s=settings.fetch_timeout_s,
    )
    limits = FetchLimits(
        settings.fetch_timeout_s,
        settings.fetch_max_bytes,
        settings.fetch_max_redirects,
        settings.fetch_attempts,
        settings.retry_max_wait_s,
    )
    token = product_token(settings.fetch_user_agent)
    return Fetcher(web, gate, limits, metrics, token, settings.fetch_robots)


def web_fetcher(
    settings: PipelineSettings,
    metrics: PipelineMetrics = NO_METRICS,
    resolver: Resolver | None = None,
    budget: Budget | None = None,
) -> tuple[Fetcher, httpx2.AsyncClient]:
    """A page fetcher and its client to close; this process's own budget by default."""
    web = web_client(settings, resolver)
    budget = budget if budget is not None else MemoryBudget()
    return page_fetcher(settings, web, metrics, budget), web


def build_pipeline(
    settings: PipelineSettings,
    metrics: PipelineMetrics = NO_METRICS,
    budget: Budget | None = None,
    resolver: Resolver | None = None,
) -> Pipeline:
    """`resolver` replaces the system's for page fetches (tests map names to local sites);
    `budget` is shared by every worker of the deployment (default: this process only)."""
    budget = budget if budget is not None else MemoryBudget()
    stages = settings.stage_set()
    if stages == {"normalize"}:
        return EnrichmentPipeline(Toolkit(settings, stages, metrics=metrics), [])
    fetcher, web = web_fetcher(settings, metrics, resolver, budget)
    # Search, LLM and HubSpot are the operator's own endpoints, not addresses from a list.
    api = httpx2.AsyncClient(trust_env=True, timeout=settings.search_timeout_s)
    clients = [web, api]
    search = _search(settings, api, metrics)
    llm = _llm(settings, metrics)
    hubspot = links = None
    if settings.capabilities().hubspot:
        hubspot, links, hubspot_http = _hubspot(settings, metrics, budget)
        clients.append(hubspot_http)
    kit = Toolkit(
        settings=settings,
        stages=stages,
        fetcher=fetcher,
        validator=WebsiteValidator(fetcher, settings.match_threshold, settings.accept_confidence),
        search=search,
        discovery=WebsiteDiscovery(
            search,
            fetcher,
            settings.search_results,
            settings.discovery_candidates,
            settings.match_threshold,
            settings.accept_confidence,
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
        fields=FieldAnswerer(llm, settings.llm_max_input_chars, settings.fields_max_pages)
        if llm
        else None,
        hubspot=hubspot,
        hubspot_links=links,
        metrics=metrics,
    )
    return EnrichmentPipeline(kit, clients)
