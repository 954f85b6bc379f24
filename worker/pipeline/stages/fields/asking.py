"""The one structured question per company: for every field a typed value (or null), a
verbatim quote, the quote's source URL and a confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.fields.model import FieldSpec, FieldType
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.stages.qualification.sources import Source

SCHEMA_NAME = "custom_fields"
SYSTEM = (
    "You fill in fields about a company using ONLY the numbered sources given. For each "
    "field give the value in the requested type, or null when the sources do not say. "
    "Back every non-null value with a short quote (one or two sentences) copied character "
    "for character from ONE source, that source's URL exactly as given, and your "
    "confidence from 0 to 1. With a null value, leave quote and source_url empty. Dates "
    "are YYYY-MM-DD (or YYYY-MM, or YYYY when only the year is known)."
)
_JSON_TYPES: dict[FieldType, str] = {
    FieldType.TEXT: "string",
    FieldType.NUMBER: "number",
    FieldType.BOOLEAN: "boolean",
    FieldType.ENUM: "string",
    FieldType.URL: "string",
    FieldType.DATE: "string",
}


@dataclass(frozen=True)
class FieldClaim:
    """What the model said about one field, before its value and quote are checked."""

    value: object
    quote: str
    source_url: str
    confidence: float | None


def keys(specs: list[FieldSpec]) -> list[str]:
    """Positional keys: field names are free text, JSON-schema property names need not be."""
    return [f"f{n}" for n in range(1, len(specs) + 1)]


def _value_schema(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": [_JSON_TYPES[spec.type], "null"]}
    if spec.type is FieldType.ENUM:
        schema["enum"] = [*spec.options, None]
    return schema


def schema(specs: list[FieldSpec]) -> dict[str, Any]:
    properties = {
        key: {
            "type": "object",
            "properties": {
                "value": _value_schema(spec),
                "quote": {"type": "string"},
                "source_url": {"type": "string"},
                "confidence": {"type": "number"},
            },
            "required": ["value", "quote", "source_url", "confidence"],
            "additionalProperties": False,
        }
        for key, spec in zip(keys(specs), specs, strict=True)
    }
    return {
        "type": "object",
        "properties": properties,
        "required": keys(specs),
        "additionalProperties": False,
    }


def _field_line(key: str, spec: FieldSpec) -> str:
    line = f"- {key} {spec.name} [{spec.type.value}]"
    if spec.description:
        line += f": {spec.description}"
    if spec.options:
        line += f" (one of: {', '.join(spec.options)})"
    return line


def prompt(
    company: str, website: str, specs: list[FieldSpec], sources: list[Source], limit: int
) -> str:
    budget = max(800, limit // max(1, len(sources)))
    lines = [f"Company: {company}", f"Website: {website}", "", "Fields:"]
    lines += [_field_line(k, s) for k, s in zip(keys(specs), specs, strict=True)]
    lines += ["", "Sources:"]
    lines += [f"[{n}] {s.url}\n{s.text[:budget]}\n" for n, s in enumerate(sources, 1)]
    return "\n".join(lines).rstrip()


def _confidence(raw: object) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return min(1.0, max(0.0, float(raw)))


async def ask(
    llm: LlmClient,
    company: str,
    website: str,
    specs: list[FieldSpec],
    sources: list[Source],
    limit: int,
) -> dict[str, FieldClaim]:
    """Claims by field name; a field the model left out has none. Raises LlmUnavailable."""
    user = prompt(company, website, specs, sources, limit)
    data = await llm.structured(SYSTEM, user, SCHEMA_NAME, schema(specs))
    claims: dict[str, FieldClaim] = {}
    for key, spec in zip(keys(specs), specs, strict=True):
        item = data.get(key)
        if not isinstance(item, dict) or item.get("value") is None:
            continue
        claims[spec.name] = FieldClaim(
            item["value"],
            str(item.get("quote") or ""),
            str(item.get("source_url") or ""),
            _confidence(item.get("confidence")),
        )
    return claims
