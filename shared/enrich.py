"""Single-company enrichment over RabbitMQ request/reply: the request a gateway sends and
the reply a worker sends back, versioned and strict like every other message."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.fields.model import FieldSpec

MAX_NAME_CHARS = 300
MAX_WEBSITE_CHARS = 2_000
MAX_COUNTRY_CHARS = 80
MAX_CONTEXT_CHARS = 4_000


class EnrichInput(BaseModel):
    """The body of `POST /api/enrich`."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    website: str | None = Field(None, max_length=MAX_WEBSITE_CHARS)
    country: str | None = Field(None, max_length=MAX_COUNTRY_CHARS)
    context: str = Field("", max_length=MAX_CONTEXT_CHARS)
    # Checked apart (shared/fields/checks.py), so each broken rule has its own code.
    fields: list[dict[str, object]] = Field(default_factory=list)


class EnrichRequest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    v: Literal[1] = 1
    kind: Literal["enrich.request"] = "enrich.request"
    tenant: str
    request_id: str
    name: str
    website: str | None = None
    country: str | None = None
    context: str = ""
    fields: list[FieldSpec] = Field(default_factory=list)

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()


class EnrichReply(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    v: Literal[1] = 1
    kind: Literal["enrich.reply"] = "enrich.reply"
    request_id: str
    # A `ResultRow` dumped by alias; None when the worker could not enrich at all.
    row: dict[str, Any] | None = None
    error: str = ""

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()
