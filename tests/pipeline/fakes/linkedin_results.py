"""LinkedIn company pages as a search engine of the labelled webs lists them, and that
engine served on loopback with only those pages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bench.accuracy_web.model import Doc
from bench.accuracy_web.search import SearchIndex, search_app
from tests.pipeline.fakes.server import serve_app


def linkedin_doc(slug: str, name: str, snippet: str) -> Doc:
    """The company page `slug`, titled `name | LinkedIn`, with this snippet."""
    url = f"https://www.linkedin.com/company/{slug}"
    return Doc(url, f"{name} | LinkedIn", snippet, f"{name} {snippet}", "linkedin")


@contextmanager
def serving(docs: list[Doc]) -> Iterator[str]:
    """The search endpoint's URL while the engine serves `docs`."""
    with serve_app(search_app(SearchIndex(docs))) as port:
        yield f"http://127.0.0.1:{port}/search"
