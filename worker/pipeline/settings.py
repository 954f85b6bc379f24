"""Settings of the enrichment pipeline: the providers plus limits, politeness and options."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from shared.providers import ProviderSettings
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
    host_concurrency: int = 2
    host_min_interval_s: float = 0.5

    retry_attempts: int = 3
    retry_max_wait_s: float = 8.0

    search_timeout_s: float = 15.0
    search_results: int = 8
    discovery_candidates: int = 4
    match_threshold: float = 0.62
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

    hubspot_timeout_s: float = 20.0
    hubspot_freshness_days: int = 182
    hubspot_requests_per_10s: int = 100
    hubspot_searches_per_s: int = 4
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

    def stage_set(self) -> frozenset[str]:
        return parse_stages(self.stages)

    def write_properties(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.hubspot_write_properties.split(",") if p.strip())
