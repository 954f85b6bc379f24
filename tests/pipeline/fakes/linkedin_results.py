"""LinkedIn company pages as a search engine of the labelled webs lists them, that engine
served on loopback with only those pages, and a row's LinkedIn step against it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx2

from bench.accuracy_web.model import Doc
from bench.accuracy_web.search import API_KEY, SearchIndex, search_app
from shared.rows import PlannedRow
from tests.pipeline.fakes.server import serve_app
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.draft import RowDraft
from worker.pipeline.settings import PipelineSettings
from worker.pipeline.stages.linkedin_row import find_linkedin
from worker.pipeline.toolkit import Toolkit


def linkedin_doc(slug: str, name: str, snippet: str) -> Doc:
    """The company page `slug`, titled `name | LinkedIn`, with this snippet."""
    url = f"https://www.linkedin.com/company/{slug}"
    return Doc(url, f"{name} | LinkedIn", snippet, f"{name} {snippet}", "linkedin")


@contextmanager
def serving(docs: list[Doc]) -> Iterator[str]:
    """The search endpoint's URL while the engine serves `docs`."""
    with serve_app(search_app(SearchIndex(docs))) as port:
        yield f"http://127.0.0.1:{port}/search"


async def linkedin_step(engine: str, row: PlannedRow, where: str) -> RowDraft:
    """The row after the LinkedIn step alone, with no page of its site read, searching
    the engine at `engine`."""
    draft = RowDraft(row)
    async with httpx2.AsyncClient(timeout=10) as client:
        kit = Toolkit(
            settings=PipelineSettings(),
            stages=frozenset(),
            search=SerperSearch(client, engine, API_KEY, 1, 1),
        )
        await find_linkedin(kit, draft, [], where)
    return draft
