"""One structured question to the model per company and product: a verdict, a verbatim
quote and its source URL for every criterion of the product."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.criteria.model import Criterion, Verdict
from shared.criteria.wording import TYPE_NAMES
from worker.pipeline.clients.llm import LlmClient
from worker.pipeline.stages.qualification.sources import Source

SCHEMA_NAME = "qualification"
SYSTEM = (
    "You check a company against a seller's product criteria, using ONLY the numbered "
    "sources given. For each criterion answer `passed` when a source shows the company "
    "meets it, `failed` when a source shows it does not, and `no_data` when the sources "
    "do not say. Back every `passed` or `failed` with a short quote (one or two sentences) "
    "copied character for character from ONE source, and that source's URL exactly as "
    "given. With `no_data`, leave quote and source_url empty. Signals are hints of what to "
    "look for, not evidence by themselves. The seller's context, when given, says what "
    "they sell and to whom."
)
# A snippet is short: the rest of the text budget goes to the pages that were read.
MIN_PAGE_CHARS = 800


@dataclass(frozen=True)
class Claim:
    """What the model said about one criterion, before its quote is checked."""

    verdict: Verdict
    quote: str
    source_url: str


def keys(criteria: list[Criterion]) -> list[str]:
    """Keys of the answer, one per criterion: positional, as criterion ids from several
    files may repeat."""
    return [f"c{n}" for n in range(1, len(criteria) + 1)]


def schema(answer_keys: list[str]) -> dict[str, Any]:
    entry = {
        "type": "object",
        "properties": {
            "verdict": {"type": "string", "enum": [v.value for v in Verdict]},
            "quote": {"type": "string"},
            "source_url": {"type": "string"},
        },
        "required": ["verdict", "quote", "source_url"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": dict.fromkeys(answer_keys, entry),
        "required": answer_keys,
        "additionalProperties": False,
    }


def _criterion_line(key: str, criterion: Criterion) -> str:
    line = f"- {key} [{TYPE_NAMES[criterion.type]}] {criterion.text}"
    if criterion.audience:
        line += f" (target audience: {criterion.audience})"
    if criterion.signals:
        line += f" (signals: {criterion.signals})"
    return line


def _sources_text(sources: list[Source], limit: int) -> str:
    snippets = sum(len(s.text) for s in sources if s.snippet_only)
    pages = sum(not s.snippet_only for s in sources)
    budget = max(MIN_PAGE_CHARS, (limit - snippets) // max(1, pages))
    blocks = []
    for number, source in enumerate(sources, 1):
        label = " (search result, page not read)" if source.snippet_only else ""
        blocks.append(f"[{number}] {source.url}{label}\n{source.text[:budget]}")
    return "\n\n".join(blocks)


def prompt(
    company: str,
    website: str,
    product: str,
    criteria: list[Criterion],
    sources: list[Source],
    context_text: str,
    limit: int,
) -> str:
    lines = [f"Company: {company}", f"Website: {website}", f"Product: {product}"]
    if context_text.strip():
        lines.append(f"Seller's context: {context_text.strip()}")
    lines += ["", "Criteria:"]
    lines += [_criterion_line(k, c) for k, c in zip(keys(criteria), criteria, strict=True)]
    lines += ["", "Sources:", _sources_text(sources, limit)]
    return "\n".join(lines)


async def ask(llm: LlmClient, user: str, criteria: list[Criterion]) -> dict[str, Claim]:
    """Claims by criterion id; a criterion the model left out has none. Raises
    LlmUnavailable."""
    answer_keys = keys(criteria)
    data = await llm.structured(SYSTEM, user, SCHEMA_NAME, schema(answer_keys))
    claims: dict[str, Claim] = {}
    for key, criterion in zip(answer_keys, criteria, strict=True):
        item = data.get(key)
        if not isinstance(item, dict):
            continue
        try:
            verdict = Verdict(str(item.get("verdict", "")))
        except ValueError:
            continue
        claims[criterion.id] = Claim(
            verdict, str(item.get("quote") or ""), str(item.get("source_url") or "")
        )
    return claims
