"""Stage names as operators select them with DOSSIER_PIPELINE_STAGES."""

from __future__ import annotations

STAGES: tuple[str, ...] = (
    "normalize",
    "website",
    "page",
    "linkedin",
    "description",
    "deep_search",
    "hubspot",
    "qualification",
    "fields",
)


def parse_stages(value: str) -> frozenset[str]:
    """`"all"` or a comma-separated subset; normalization always runs."""
    text = value.strip().lower()
    if text in ("", "all"):
        return frozenset(STAGES)
    names = {part.strip() for part in text.split(",") if part.strip()}
    unknown = names - set(STAGES)
    if unknown:
        raise ValueError(f"unknown pipeline stages: {', '.join(sorted(unknown))}")
    return frozenset(names | {"normalize"})
