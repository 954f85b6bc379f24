"""Counts the pipeline's outside calls for the chunk whose rows make them.

The pipeline already reports each page fetch, provider call and retry to its metrics
recorder. `CountingMetrics` passes those reports on and also adds them to the tally of the
chunk running in the current task (`counting`): the runner opens a tally before it
creates the chunk's row tasks, which inherit it. Calls made outside any chunk are not
counted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from shared.usage import Usage
from worker.pipeline.metrics import PipelineMetrics

# Fetch outcomes that never reached the site: refused before any request was sent.
_NOT_SENT = frozenset({"blocked", "robots", "invalid_url"})
_PROVIDER_FIELD = {"search": "searches", "llm": "model_calls", "hubspot": "hubspot_calls"}


@dataclass
class Tally:
    fetches: int = 0
    searches: int = 0
    model_calls: int = 0
    hubspot_calls: int = 0

    def add(self, field: str) -> None:
        setattr(self, field, getattr(self, field) + 1)

    def usage(self) -> Usage:
        return Usage(
            fetches=self.fetches,
            searches=self.searches,
            model_calls=self.model_calls,
            hubspot_calls=self.hubspot_calls,
        )


_CURRENT: ContextVar[Tally | None] = ContextVar("dossier_usage_tally", default=None)


@contextlib.contextmanager
def counting() -> Iterator[Tally]:
    """A tally for the calls made in this task and the tasks it creates meanwhile."""
    tally = Tally()
    token = _CURRENT.set(tally)
    try:
        yield tally
    finally:
        _CURRENT.reset(token)


def _count(field: str) -> None:
    tally = _CURRENT.get()
    if tally is not None:
        tally.add(field)


class CountingMetrics:
    def __init__(self, inner: PipelineMetrics) -> None:
        self._inner = inner

    def stage_finished(self, stage: str, seconds: float) -> None:
        self._inner.stage_finished(stage, seconds)

    def page_fetched(self, outcome: str) -> None:
        if outcome not in _NOT_SENT:
            _count("fetches")
        self._inner.page_fetched(outcome)

    def provider_called(self, provider: str, outcome: str) -> None:
        if provider in _PROVIDER_FIELD:
            _count(_PROVIDER_FIELD[provider])
        self._inner.provider_called(provider, outcome)

    def retried(self, client: str) -> None:
        # Each retry is one more request; a retried fetch is counted as another page.
        field = "fetches" if client == "fetch" else _PROVIDER_FIELD.get(client)
        if field:
            _count(field)
        self._inner.retried(client)

    def budget_waited(self, budget: str, seconds: float) -> None:
        self._inner.budget_waited(budget, seconds)
