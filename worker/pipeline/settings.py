"""Settings of the enrichment pipeline: the providers plus limits, politeness and options."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from shared.providers import ProviderSettings
from worker.pipeline.clients.fetch.guard import RefusedHost
from worker.pipeline.clients.fetch.robots import RobotsScope
from worker.pipeline.stage_names import parse_stages


class PipelineSettings(ProviderSettings):
    model_config = SettingsConfigDict(env_prefix="DOSSIER_", extra="ignore", populate_by_name=True)

    # "all", or a comma-separated subset of the stage names in worker/pipeline/stage_names.py.
    stages: str = Field("all", validation_alias="DOSSIER_PIPELINE_STAGES")

    fetch_timeout_s: float = 10.0
    fetch_max_bytes: int = 2_000_000
    fetch_max_redirects: int = 5
    fetch_attempts: int = 2
    fetch_user_agent: str = "Mozilla/5.0 (compatible; DossierBot/1.0)"
    # Which fetches ask the site's robots.txt (RFC 9309) first, as the product token of
    # DOSSIER_FETCH_USER_AGENT: `crawled` the pages the worker goes on to by itself (About
    # page, search results), not the website a row names, which the user asked to be
    # checked; `strict` every page; `off` none, only for lists of your own sites.
    fetch_robots: RobotsScope = RobotsScope.CRAWLED
    # Comma-separated `host` or `host:port` (`[v6]:port`) fetches never reach, besides
    # the deployment's own services (object store, RabbitMQ, gateway, notifier), which
    # are always refused.
    fetch_refused_hosts: str = ""
    # A fixed request rate per website host, off by default (0): at most
    # DOSSIER_HOST_REQUESTS_PER_INTERVAL requests start in any DOSSIER_HOST_MIN_INTERVAL_S
    # seconds, all workers together (one budget per host, shared through RabbitMQ). Without
    # it, the requests in flight and the back-off below are the politeness toward a host.
    host_requests_per_interval: int = Field(1, ge=1)
    host_min_interval_s: float = Field(0.0, ge=0)
    # A host that answered 429 or 503 gets no request before its Retry-After, or, without
    # one, for this many seconds, doubled with each such answer in a row (per worker).
    host_backoff_s: float = Field(1.0, gt=0)
    # A host whose answer took this long (or never came) gets one request at a time, each
    # that long after the previous one, until it answers faster again (per worker).
    host_slow_answer_s: float = Field(3.0, gt=0)
    # Requests in flight at once to one website host within each worker process, and, with
    # DOSSIER_HOST_CONCURRENCY_SHARED, all workers together (one slot queue per host in
    # RabbitMQ).
    host_concurrency: int = Field(2, ge=1)
    # true: DOSSIER_HOST_CONCURRENCY holds for all workers together, at the cost of a queue
    # per host and three broker round trips per request (docs/operations.md). Off by
    # default: a session fetches each domain from one row only (duplicates are not fetched).
    host_concurrency_shared: bool = False

    # Longest wait for a unit of a shared budget (HubSpot, a host), or for RabbitMQ to answer
    # for it; past it the request fails with that reason instead of exceeding the budget.
    budget_max_wait_s: float = Field(60.0, gt=0)
    # Each unit of a shared budget stays taken this much longer than its window: HubSpot and
    # websites count requests as they arrive, and the time from a unit's grant to its
    # request's arrival varies (a busy worker, a new connection) by up to about this much.
    budget_margin_s: float = Field(0.25, ge=0)

    retry_attempts: int = 3
    retry_max_wait_s: float = 8.0

    search_timeout_s: float = 15.0
    search_results: int = 8
    discovery_candidates: int = 4
    match_threshold: float = 0.62
    # A website or LinkedIn page at or above this confidence fills its field; one between
    # DOSSIER_MATCH_THRESHOLD and this is left for review (the row is `needs_review`).
    accept_confidence: float = Field(0.8, ge=0, le=1)
    # A given website that is dead starts a search for the company's current one (needs a
    # search provider); the row keeps `dead_url` when none matches well enough.
    rediscover_dead_websites: bool = True

    llm_timeout_s: float = 60.0
    llm_max_input_chars: int = 12_000
    llm_temperature: float = 0.0
    deep_search_questions: int = 3
    deep_search_pages: int = 3
    # Pages read per company to qualify it against product criteria, its own homepage and
    # About page included; the rest are pages found by the criteria's searches.
    qualification_max_pages: int = Field(6, ge=1)
    # Pages a company's custom fields are answered from: its own pages first, then the
    # pages deep search read when that option is on.
    fields_max_pages: int = Field(6, ge=1)

    hubspot_timeout_s: float = 20.0
    hubspot_freshness_days: int = 182
    # HubSpot requests per DOSSIER_HUBSPOT_WINDOW_S seconds, all workers together (one
    # budget per account, shared through RabbitMQ): 100 on Free/Starter, 190 on Pro and
    # Enterprise.
    hubspot_requests_per_10s: int = Field(100, ge=1)
    # The window of DOSSIER_HUBSPOT_REQUESTS_PER_10S: HubSpot counts per 10 s.
    hubspot_window_s: float = Field(10.0, gt=0)
    hubspot_searches_per_s: int = Field(4, ge=1)
    hubspot_write_properties: str = "ai_description,ai_description_updated,linkedin_company_page"
    hubspot_portal_id: str = ""
    hubspot_app_url: str = "https://app.hubspot.com"
    # Company property that receives the qualification summary when `write_to_hubspot` is
    # on (a multi-line text property); empty: not written.
    hubspot_qualification_property: str = "dossier_qualification"

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, value: str) -> str:
        parse_stages(value)
        return value

    @field_validator("fetch_refused_hosts")
    @classmethod
    def _hosts(cls, value: str) -> str:
        _parse_hosts(value)
        return value

    def refused_hosts(self) -> tuple[RefusedHost, ...]:
        return _parse_hosts(self.fetch_refused_hosts)

    def refusing(self, entries: Iterable[str]) -> PipelineSettings:
        """These settings with more hosts refused (the composition root adds the
        deployment's own services)."""
        hosts = ",".join(e for e in [self.fetch_refused_hosts, *entries] if e.strip())
        _parse_hosts(hosts)
        return self.model_copy(update={"fetch_refused_hosts": hosts})

    def stage_set(self) -> frozenset[str]:
        return parse_stages(self.stages)

    def write_properties(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.hubspot_write_properties.split(",") if p.strip())


def _parse_hosts(value: str) -> tuple[RefusedHost, ...]:
    return tuple(RefusedHost.parse(entry) for entry in value.split(",") if entry.strip())
