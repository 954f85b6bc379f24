"""Trustworthy fields through the whole pipeline: each with its source and confidence, a
namesake never accepted, doubtful candidates left empty for a person, and exports that
show them."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence

import orjson
import pytest

from shared.export_layout import ExportLayout
from shared.exports import stream_csv, stream_json
from shared.rows import InputRow, ResultRow, RowStatus
from tests.pipeline.conftest import MakeSettings, Server, session_context
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import run_chunk
from worker.checkpoint import count_rows

pytestmark = pytest.mark.unit


def row(n: int, name: str, website: str | None = None, **more: str) -> InputRow:
    original = {"Name": name, "Site": website or "", "Country": "", "City": ""} | more
    return InputRow(row=n, name=name, website=website, original=original)


ROWS = [
    row(0, "Quiet Harbor", "quiet-harbor.com"),
    row(1, "Broken Server Co", "broken-server.com"),
    row(2, "OldBrand"),
    row(3, "Silent Rename"),
    row(4, "Acme Rockets", "https://acme-rockets.com/about"),
    row(5, "Orbit Software"),
    row(6, "Nordlicht GmbH", "nordlicht-werk.de", Country="Germany", City="Hamburg"),
    row(7, "Kestrel Robotics"),
    row(8, "Kestrel Logistics"),
    *(
        InputRow(
            row=n,
            name="Ferncliff Assay",
            original={"Name": "Ferncliff Assay", "Country": country, "City": city},
            facts={"country": country, "city": city},
        )
        for n, country, city in ((9, "Norway", "Bergen"), (10, "Chile", "Valparaíso"))
    ),
    *(
        InputRow(
            row=n,
            name=name,
            original={"Name": name, "Country": country, "City": city},
            facts={"country": country, "city": city},
        )
        for n, name, country, city in (
            (11, "Tern Ceramics", "Portugal", "Porto"),
            (12, "Saltmarsh Bakery", "United Kingdom", "Leeds"),
        )
    ),
]


# The chunk's rows do not depend on the test reading them: one run serves the module.
_RUN: dict[str, dict[int, ResultRow]] = {}


@pytest.fixture
async def results(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> dict[int, ResultRow]:
    if "rows" not in _RUN:
        _RUN["rows"] = await run_chunk(make_settings(search="serper"), session_context(), ROWS)
    return _RUN["rows"]


async def test_a_namesake_linkedin_page_is_rejected_and_no_page_is_an_answer(
    results: dict[int, ResultRow],
) -> None:
    harbor = results[0]
    assert harbor.row_status is RowStatus.OK
    assert harbor.linkedin_url == ""
    assert (harbor.linkedin_source, harbor.linkedin_confidence) == ("", None)
    assert "no LinkedIn page the search could corroborate" in harbor.notes
    assert "linkedin.com/company/quiet-harbor" in harbor.notes
    assert harbor.review_candidates == ""
    assert (harbor.website_source, harbor.official_website) == (
        "given",
        "https://quiet-harbor.com/",
    )
    assert harbor.website_confidence is not None
    assert harbor.website_confidence >= 0.95
    assert harbor.match_confidence == harbor.website_confidence


async def test_the_rows_own_columns_choose_between_namesakes_on_linkedin(
    results: dict[int, ResultRow],
) -> None:
    nordlicht = results[6]
    assert nordlicht.row_status is RowStatus.OK
    assert nordlicht.linkedin_url == "https://www.linkedin.com/company/nordlicht-gmbh"
    assert nordlicht.linkedin_source == "search"
    assert "agrees with the row: Germany, Hamburg" in nordlicht.notes


async def test_a_site_that_is_down_keeps_its_website_and_gets_a_corroborated_linkedin(
    results: dict[int, ResultRow],
) -> None:
    down = results[1]
    assert down.row_status is RowStatus.DEAD_URL
    assert "HTTP 503" in down.error
    assert down.official_website == "https://broken-server.com"
    assert down.linkedin_url == "https://www.linkedin.com/company/broken-server-co"
    assert down.linkedin_source == "search"
    assert down.linkedin_confidence is not None
    assert down.linkedin_confidence >= 0.8
    assert "mentions broken-server.com" in down.notes


async def test_a_rebrand_is_accepted_only_with_evidence_linking_the_names(
    results: dict[int, ResultRow], make_settings: MakeSettings
) -> None:
    renamed = results[2]
    assert renamed.row_status is RowStatus.OK
    assert renamed.official_website == "https://newbrand.io/"
    assert renamed.website_source == "search"
    assert "the text links the names" in renamed.notes
    old = [InputRow(row=0, name="OldBrand", website="oldbrand.com")]
    given = (await run_chunk(make_settings(), session_context(), old))[0]
    assert (given.official_website, given.website_source) == ("https://newbrand.io/", "redirect")
    assert given.website_confidence is not None
    assert given.website_confidence >= 0.8
    unlinked = results[3]
    assert unlinked.row_status is RowStatus.NOT_FOUND
    assert unlinked.official_website == ""
    assert "fresh-name.com" in unlinked.error


async def test_a_subsidiary_gets_its_own_site_and_never_its_groups_unreviewed(
    results: dict[int, ResultRow],
) -> None:
    own = results[7]
    assert (own.row_status, own.official_website) == (RowStatus.OK, "https://kestrel-robotics.com/")
    grouped = results[8]  # only the group's site names it
    assert grouped.row_status is RowStatus.NEEDS_REVIEW
    assert grouped.official_website == ""
    assert grouped.review_candidates.startswith("website: https://kestrel-group.com/")
    assert "the page lists it as part of its group" in grouped.review_candidates


async def test_a_pasted_deep_link_becomes_the_sites_homepage(
    results: dict[int, ResultRow],
) -> None:
    acme = results[4]
    assert acme.row_status is RowStatus.OK
    assert acme.official_website == "https://acme-rockets.com/"
    assert acme.original["Site"] == "https://acme-rockets.com/about"
    assert acme.linkedin_source == "structured_data"
    assert acme.description.startswith("Acme Rockets builds reusable launch vehicles")


async def test_a_doubtful_candidate_is_left_for_review_in_every_export(
    results: dict[int, ResultRow],
) -> None:
    doubtful = results[5]
    assert doubtful.row_status is RowStatus.NEEDS_REVIEW
    assert doubtful.official_website == ""
    assert doubtful.website_confidence is None
    assert doubtful.review_candidates.startswith("website: https://os-digital.net/ (0.")
    assert "title 'Orbit Software'" in doubtful.review_candidates
    assert count_rows(results.values()).needs_review == 3

    layout = ExportLayout(["Name", "Site", "Country", "City"])

    async def batches() -> AsyncIterator[Sequence[ResultRow]]:
        yield [results[k] for k in sorted(results)]

    data = b"".join([chunk async for chunk in stream_csv(layout, batches())])
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in table if r["Name"] == "Orbit Software")
    assert (row["Row_Status"], row["Official_Website"]) == ("needs_review", "")
    assert row["Review_Candidates"] == doubtful.review_candidates
    assert row["Website_Confidence"] == ""
    items = orjson.loads(b"".join([chunk async for chunk in stream_json(layout, batches())]))
    item = next(i for i in items if i["Name"] == "Orbit Software")
    assert (item["Row_Status"], item["Official_Website"]) == ("needs_review", "")
    assert item["Review_Candidates"] == doubtful.review_candidates
    acme = next(i for i in items if i["Name"] == "Acme Rockets")
    assert (acme["Website_Source"], acme["LinkedIn_Source"]) == ("given", "structured_data")
    assert acme["Website_Confidence"] >= 0.95


async def test_a_company_whose_site_is_not_found_still_gets_a_corroborated_linkedin(
    results: dict[int, ResultRow],
) -> None:
    bergen, valparaiso = results[9], results[10]
    assert bergen.row_status is RowStatus.NOT_FOUND
    assert bergen.linkedin_url == "https://www.linkedin.com/company/ferncliff-assay"
    assert bergen.linkedin_source == "search"
    assert "agrees with the row: Norway, Bergen" in bergen.notes
    # The namesake in Norway is not the Chilean company's page.
    assert valparaiso.row_status is RowStatus.NOT_FOUND
    assert valparaiso.linkedin_url == ""
    assert "places the company in Norway" in valparaiso.notes


async def test_a_company_whose_website_is_in_doubt_still_gets_a_corroborated_linkedin(
    results: dict[int, ResultRow],
) -> None:
    tern = results[11]
    assert tern.row_status is RowStatus.NEEDS_REVIEW
    assert (tern.official_website, tern.website_confidence) == ("", None)
    assert tern.review_candidates.startswith("website: https://tc-porto.pt/")
    assert tern.linkedin_url == "https://www.linkedin.com/company/tern-ceramics"
    assert (tern.linkedin_source, tern.linkedin_confidence is not None) == ("search", True)
    assert "agrees with the row: Portugal, Porto" in tern.notes


async def test_two_namesakes_pages_nothing_tells_apart_go_to_review(
    results: dict[int, ResultRow],
) -> None:
    bakery = results[12]
    assert bakery.row_status is RowStatus.NOT_FOUND
    assert bakery.linkedin_url == ""
    assert bakery.review_candidates.startswith(
        "LinkedIn: https://www.linkedin.com/company/saltmarsh-bakery ("
    )
    assert "a namesake's page is as plausible" in bakery.review_candidates
