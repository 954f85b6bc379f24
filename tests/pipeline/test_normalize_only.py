"""The normalize-only pipeline: no network, every row ok with its normalized name and website."""

from __future__ import annotations

import pytest

from shared.models import SessionOptions
from shared.rows import InputRow, RowStatus
from worker.dedupe import plan_rows
from worker.pipeline.build import build_pipeline
from worker.pipeline.protocol import SessionContext
from worker.pipeline.settings import PipelineSettings
from worker.pipeline.stages.normalize import website_url

pytestmark = pytest.mark.unit


def test_websites_become_fetchable_urls() -> None:
    assert website_url("epicgames.com/en-US") == "https://epicgames.com/en-US"
    assert website_url("http://adidas.com") == "http://adidas.com"
    assert website_url("//ea.com") == "https://ea.com"
    assert website_url("  ") is None


def test_rows_with_the_same_domain_or_name_point_at_the_first() -> None:
    rows = [
        InputRow(row=0, name="Electronic Arts", website="https://www.ea.com/en-gb"),
        InputRow(row=1, name="EA", website="ea.com"),
        InputRow(row=2, name="Capcom Co., Ltd."),
        InputRow(row=3, name="CAPCOM"),
    ]
    planned = list(plan_rows(rows))
    assert [p.duplicate_of for p in planned] == [None, 0, None, 2]


def test_stage_names_are_validated() -> None:
    assert PipelineSettings(stages="website,page").stage_set() == {"normalize", "website", "page"}
    with pytest.raises(ValueError, match="unknown pipeline stages: fetch"):
        PipelineSettings(stages="website,fetch")


async def test_normalize_only_pipeline_returns_ok_rows_with_normalized_fields(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOSSIER_PIPELINE_STAGES", "normalize")
    pipeline = build_pipeline(PipelineSettings())
    chunk = pipeline.open_chunk(SessionContext("t", "s", 0, "", SessionOptions()))
    planned = list(
        plan_rows(
            [
                InputRow(row=0, name=" Sega  Sammy ", website="sega.com", original={"a": "1"}),
                InputRow(row=1, name="NEP Group"),
            ]
        )
    )
    await chunk.prepare(planned)
    results = [await chunk.enrich(row) for row in planned]
    results = await chunk.finish(results)
    await pipeline.aclose()
    assert [r.row_status for r in results] == [RowStatus.OK, RowStatus.OK]
    assert results[0].company_name == "Sega Sammy"
    assert results[0].official_website == "https://sega.com"
    assert results[0].original == {"a": "1"}
    assert results[1].official_website == ""
    assert results[0].timestamp
