"""The long-lived parts of the pipeline, opened once per worker process and shared by
every chunk of every session (connection pools, politeness and rate limits)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.hubspot.companies_api import HubSpotClient
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics
from worker.pipeline.settings import PipelineSettings
from worker.pipeline.stages.deep_search import DeepSearch
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery
from worker.pipeline.stages.fields.answerer import FieldAnswerer
from worker.pipeline.stages.hubspot.created import CreatedCompanies
from worker.pipeline.stages.hubspot.links import RecordLinks
from worker.pipeline.stages.qualification.qualifier import Qualifier
from worker.pipeline.stages.website import WebsiteValidator


class QuestionCache:
    """Deep-search questions per session, so every chunk asks the same ones."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._items: OrderedDict[str, list[str]] = OrderedDict()

    def get(self, session_id: str) -> list[str] | None:
        return self._items.get(session_id)

    def put(self, session_id: str, questions: list[str]) -> None:
        self._items[session_id] = questions
        self._items.move_to_end(session_id)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


@dataclass(frozen=True)
class Toolkit:
    settings: PipelineSettings
    stages: frozenset[str]
    fetcher: Fetcher | None = None
    validator: WebsiteValidator | None = None
    search: SearchProvider | None = None
    discovery: WebsiteDiscovery | None = None
    llm: LlmClient | None = None
    deep_search: DeepSearch | None = None
    qualifier: Qualifier | None = None
    fields: FieldAnswerer | None = None
    hubspot: HubSpotClient | None = None
    hubspot_links: RecordLinks | None = None
    hubspot_created: CreatedCompanies = field(default_factory=CreatedCompanies)
    questions: QuestionCache = field(default_factory=QuestionCache)
    metrics: PipelineMetrics = NO_METRICS

    def has(self, stage: str) -> bool:
        return stage in self.stages
