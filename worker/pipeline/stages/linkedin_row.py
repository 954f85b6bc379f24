"""The LinkedIn step of one row: the page the company's own site links, else a search
result that something corroborates, else none (a valid answer)."""

from __future__ import annotations

from shared.company_keys import plain_name, registered_domain
from shared.other_scripts import loose_reading
from shared.rows import PlannedRow
from shared.transliteration import has_latin
from worker.pipeline.clients.search.provider import SearchUnavailable
from worker.pipeline.confidence.verdict import Score, Verdict, review_entry, verdict
from worker.pipeline.draft import RowDraft
from worker.pipeline.matching import name_similarity
from worker.pipeline.stages import linkedin
from worker.pipeline.stages.normalize import website_url
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.toolkit import Toolkit


async def find_linkedin(kit: Toolkit, draft: RowDraft, pages: list[PageFacts], where: str) -> None:
    """The site's own link first; else a search, accepted only when corroborated, left for
    review when doubtful. `where`: the row's city and country, for the search."""
    for facts in pages:
        url = linkedin.from_site(facts, draft.row.name)
        if url:
            draft.linkedin_url = url
            draft.linkedin_source = linkedin.site_source(facts, url)
            draft.linkedin_confidence = linkedin.SITE_CONFIDENCE
            draft.note(f"LinkedIn page linked from {facts.url}")
            return
    if kit.search is None:
        # Without a page read there was no site to look on: say so, not that it has no link.
        draft.note(
            "no LinkedIn link on the website"
            if pages
            else "LinkedIn not looked for: no page of the website was read and no search "
            "provider is configured"
        )
        return
    settings = kit.settings
    found: tuple[str, Score] | None = None
    try:
        # The row's name, then its other script (LinkedIn pages are mostly in Latin
        # letters), then the name the company's own site goes by (a translation or a
        # new brand): each judged on the same corroboration, until one is accepted.
        domain = draft.row.domain or registered_domain(draft.website)
        names = [(name, False, "") for name in linkedin.search_names(draft.row.name, pages, domain)]
        if domain and not has_latin(draft.row.name):
            # A name in its own script (`الفجر للأغذية`) whose LinkedIn page is in Latin
            # letters no reading of it need spell: the page found by the company's domain.
            names.append((draft.row.name, True, ""))
        elif not domain and (loose := loose_reading(plain_name(draft.row.name))):
            # Nothing spells it (no site, no domain): a reading (`ongkor logistics`), or
            # an Arabic name's consonants and trade in English (`fjr foods`), unquoted,
            # and only a page named like the row's name counts.
            names.append((loose, False, draft.row.name))
        for name, by_domain, loose_for in names:
            hit = await linkedin.from_search(
                kit.search,
                name,
                domain,
                settings.search_results,
                site_text=" ".join(_site_text(page) for page in pages),
                hints=_row_hints(draft.row),
                trades=_row_trades(draft.row),
                where=where,
                by_domain=by_domain,
                loose_for=loose_for,
                accept=settings.accept_confidence,
                site_domain=registered_domain(pages[0].url) if pages else None,
            )
            if hit is not None and (found is None or hit[1].confidence > found[1].confidence):
                found = hit
            if found is not None and found[1].confidence >= settings.accept_confidence:
                break
    except SearchUnavailable as error:
        draft.note(f"LinkedIn search failed: {error}")
        return
    if found is None:
        draft.note("no LinkedIn company page found")
        return
    url, score = found
    why = score.describe()
    judged = verdict(score.confidence, settings.match_threshold, settings.accept_confidence)
    if judged is Verdict.ACCEPT:
        draft.linkedin_url, draft.linkedin_source = url, "search"
        draft.linkedin_confidence = score.confidence
        draft.note(f"LinkedIn page found by search ({score.confidence:.2f}: {why})")
    elif judged is Verdict.REVIEW:
        draft.for_review(review_entry("LinkedIn", url, score), "LinkedIn page needs review")
    else:
        draft.note(f"no LinkedIn page the search could corroborate (best {url}: {why})")


def _site_text(page: PageFacts) -> str:
    return " ".join([page.title, page.meta_description, page.og_description, page.main_text])


def _row_trades(row: PlannedRow) -> list[str]:
    """The row's industry cell, weighed apart from its places (see `judge_hit`)."""
    trade = row.facts.get("industry", "").strip()
    return [trade] if trade else []


def _row_hints(row: PlannedRow) -> list[str]:
    """The row's other cells (a country, a city), to check results against; its name and
    website cells would only repeat what the result is matched on, and its industry cell
    is weighed apart (`_row_trades`)."""
    trades = {t.casefold() for t in _row_trades(row)}
    hints = []
    for cell in row.original.values():
        value = cell.strip()
        if value.casefold() in trades:
            continue
        if not any(ch.isalpha() for ch in value) or name_similarity(row.name, value) >= 0.8:
            continue
        if row.domain and (registered_domain(website_url(value)) == row.domain):
            continue
        hints.append(value)
    return hints
