"""Parked and for-sale domain detection on the labelled corpus: detection rate, false
positives and time per page of the weighted-signal detector against the phrase list it
replaced, both measured in this run on the same pages.

The corpus is tests/pipeline/parked_corpus (lander pages in the styles of the main
marketplaces, parking services and registrars, and ordinary small-company pages that
must not be flagged). Times are the median per page over --rounds passes of the whole
corpus. The new detector reads the page facts the pipeline extracts anyway, so its time
is shown alone and with the extraction; the phrase list reads the raw text. The last
line times both on one long company page (every ordinary corpus page joined, about 20 KB
of text), the case where pattern matching costs most.

    .venv/bin/python bench/parked_detection.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from shared.company_keys import registered_domain
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts
from worker.pipeline.stages.page.page_shape import page_shape
from worker.pipeline.stages.page.parked import judge

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "pipeline" / "parked_corpus"

# The phrase-list detector the weighted signals replaced, kept here as the baseline.
_OLD_HOSTS = {
    "sedo.com",
    "sedoparking.com",
    "dan.com",
    "afternic.com",
    "hugedomains.com",
    "parkingcrew.net",
    "bodis.com",
    "above.com",
    "godaddy.com",
    "undeveloped.com",
    "parklogic.com",
}
_OLD_TEXT = re.compile(
    r"(this domain (name )?(is|may be) for sale|buy this domain|domain is parked|"
    r"parked free|parked domain|domain for sale|inquire about this domain|"
    r"this domain has been registered|домен продается|домен припаркован)",
    re.IGNORECASE,
)


def old_parking_reason(url: str, text: str) -> str | None:
    domain = registered_domain(url)
    if domain in _OLD_HOSTS:
        return f"redirects to a domain marketplace ({domain})"
    match = _OLD_TEXT.search(text[:20_000])
    return f"parked domain page ('{match.group(0)}')" if match else None


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    redirects: tuple[str, ...]
    html: str
    parked: bool
    facts: PageFacts


def load() -> list[Page]:
    pages = []
    for label in json.loads((CORPUS / "labels.json").read_text(encoding="utf-8")):
        html = (CORPUS / label["file"]).read_text(encoding="utf-8")
        facts = extract_facts(label["url"], html)
        redirects = tuple(label["redirects"])
        pages.append(Page(label["file"], label["url"], redirects, html, label["parked"], facts))
    return pages


def score(pages: list[Page], flagged: Callable[[Page], bool]) -> tuple[int, int, list[str]]:
    hits = misses = false = 0
    wrong = []
    for page in pages:
        said = flagged(page)
        hits += said and page.parked
        false += said and not page.parked
        if said != page.parked:
            wrong.append(page.name)
        misses += page.parked and not said
    return hits, false, wrong


def per_page_ms(pages: list[Page], detect: Callable[[Page], object], rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        for page in pages:
            detect(page)
        timings.append((time.perf_counter() - started) / len(pages) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    pages = load()
    parked = sum(page.parked for page in pages)
    ordinary = len(pages) - parked

    def old(page: Page) -> bool:
        return old_parking_reason(page.url, page.html) is not None

    def new(page: Page) -> bool:
        return judge(page.url, page.facts, page.redirects).parked

    def new_with_facts(page: Page) -> bool:
        return judge(page.url, extract_facts(page.url, page.html), page.redirects).parked

    def facts_only(page: Page) -> object:
        return extract_facts(page.url, page.html)

    def parse_only(page: Page) -> object:
        return HTMLParser(page.html)

    def parse_and_shape(page: Page) -> object:
        return page_shape(HTMLParser(page.html), page.url)

    print(f"corpus: {parked} parked or for-sale pages, {ordinary} ordinary pages")
    print(f"{'detector':<34}{'detected':>12}{'false pos.':>12}{'ms/page':>10}")
    rows = [
        ("phrase list (before)", old, old),
        ("weighted signals (page facts given)", new, new),
        ("weighted signals + page facts", new, new_with_facts),
        ("page facts alone (reference)", None, facts_only),
    ]
    baseline = 0.0
    for label, decide, timed in rows:
        ms = per_page_ms(pages, timed, args.rounds)
        baseline = baseline or ms
        if decide is None:
            print(f"{label:<34}{'':>12}{'':>12}{ms:>10.3f}  ({ms / baseline:.1f}x the phrase list)")
            continue
        hits, false, wrong = score(pages, decide)
        print(
            f"{label:<34}{hits:>6}/{parked:<3} {hits / parked:4.0%}{false:>5}/{ordinary:<3}"
            f"{ms:>10.3f}  ({ms / baseline:.1f}x the phrase list)"
        )
        if wrong and decide is old:
            print(f"{'':<4}phrase list wrong on: {', '.join(sorted(wrong))}")
    shape_ms = per_page_ms(pages, parse_and_shape, args.rounds)
    shape_ms -= per_page_ms(pages, parse_only, args.rounds)
    print(f"{'page shape (part of page facts)':<34}{'':>24}{shape_ms:>10.3f}")
    long = long_page(pages)
    old_ms = per_page_ms([long], old, args.rounds)
    new_ms = per_page_ms([long], new, args.rounds)
    print(
        f"long company page ({len(long.facts.shape.text)} characters of text): phrase list "
        f"{old_ms:.3f} ms, weighted signals {new_ms:.3f} ms ({new_ms / old_ms:.1f}x), "
        f"flagged: {old(long)} / {new(long)}"
    )


def long_page(pages: list[Page]) -> Page:
    bodies = [page.html.split("<body", 1)[-1] for page in pages if not page.parked]
    html = "<html><head><title>Long Company</title></head><body>" + "".join(bodies * 3)
    url = "https://long-company.com/"
    return Page("long", url, (), html, False, extract_facts(url, html))


if __name__ == "__main__":
    main()
