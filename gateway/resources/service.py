"""Bodies of the routes about the deployment itself: probes and capabilities."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gateway.settings import Limits


class Health(BaseModel):
    status: Literal["ok"]


class ReadinessChecks(BaseModel):
    broker: bool = Field(description="RabbitMQ is reachable")
    storage: bool = Field(description="Object storage is reachable")


class Readiness(BaseModel):
    """Answered with 200 when every check passes, else with 503."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"status": "ready", "checks": {"broker": True, "storage": True}}]
        }
    )

    status: Literal["ready", "not_ready"]
    checks: ReadinessChecks


class DeploymentCapabilities(BaseModel):
    """What this deployment can do: options whose capability is false are refused."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "search": True,
                    "llm": True,
                    "hubspot": False,
                    "deep_search": True,
                    "qualification": True,
                    "notifier_url": "ws://127.0.0.1:8001/ws",
                    "limits": {
                        "max_upload_bytes": 104857600,
                        "max_rows": 1000000,
                        "max_context_chars": 4000,
                        "max_cell_chars": 10000,
                        "max_criteria_bytes": 2097152,
                    },
                }
            ]
        }
    )

    search: bool = Field(description="A web search provider is configured")
    llm: bool = Field(description="A language model is configured")
    hubspot: bool = Field(description="A HubSpot token is configured")
    deep_search: bool = Field(description="`run_llm_deep_search_pipeline` can be honoured")
    qualification: bool = Field(description="Sessions can qualify against criteria files")
    notifier_url: str = Field(description="The WebSocket URL for live progress")
    limits: Limits
