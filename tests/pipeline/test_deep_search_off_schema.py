"""Deep search through the running services when the model answers valid JSON that does
not follow the schema asked for (a server without structured output, a confused model):
the deep search of each row fails with the reason, and everything else the rows found
stays. And when there is no context to ask about."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.pipeline.conftest import Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.services_steps import start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = b"Company,Website\nAcme Rockets,acme-rockets.com\nStreamForge,streamforge.com\n"
FORM = {
    "context_text": "Which of these companies run their own game launcher?",
    "run_llm_deep_search_pipeline": "true",
    "use_cache": "false",
}
QUESTIONS = {"questions": ["Does the company run its own game launcher?"]}
NO_QUESTIONS = "no questions from the context: "


@pytest.mark.parametrize(
    ("replies", "reason"),
    [
        ({"questions": {"questions": None}}, NO_QUESTIONS),
        ({"questions": {"questions": "Does it run a launcher?"}}, NO_QUESTIONS),
        ({"questions": QUESTIONS, "answers": {"answers": None}}, ""),
        ({"questions": QUESTIONS, "answers": {"answers": "Yes, both do."}}, ""),
    ],
    ids=["questions-null", "questions-text", "answers-null", "answers-text"],
)
async def test_an_answer_off_the_schema_fails_only_the_deep_search(
    search_llm_stack: Stack,
    llm_server: Server[LlmState],
    replies: dict[str, Any],
    reason: str,
) -> None:
    llm_server.state.replies = replies
    async with httpx.AsyncClient(
        base_url=search_llm_stack.api, headers=search_llm_stack.headers
    ) as client:
        session_id = await upload(client, CSV, FORM)
        await start(client, session_id)
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", search_llm_stack.logs()
        rows = (await client.get(f"/api/sessions/{session_id}/results")).json()["rows"]
        errors = (await client.get(f"/api/sessions/{session_id}/logs/errors")).text
    assert state["counters"]["failed"] == 0
    # The rows stay ok; the errors log says which step failed for which row, and why.
    failed = [line for line in errors.splitlines() if "pipeline.row.step_failed" in line]
    assert sorted(line.split(" row=")[1][:1] for line in failed) == ["0", "1"], errors
    assert all(
        "step=deep_search" in line and "did not follow the schema" in line for line in failed
    )
    for row in rows:
        assert row["Row_Status"] == "ok", row
        assert row["Official_Website"], row
        assert row["Description"], row
        assert row["Deep_Search"] == ""
        expected = f"failed: {reason}language model answer did not follow the schema"
        assert row["Deep_Search_Status"].startswith(expected), row["Deep_Search_Status"]


async def test_answers_with_malformed_sources_keep_the_answers(
    search_llm_stack: Stack, llm_server: Server[LlmState]
) -> None:
    answer = {"question": "Does it run a launcher?", "answer": "Yes.", "source_urls": None}
    llm_server.state.replies = {"questions": QUESTIONS, "answers": {"answers": [answer]}}
    async with httpx.AsyncClient(
        base_url=search_llm_stack.api, headers=search_llm_stack.headers
    ) as client:
        session_id = await upload(client, CSV, FORM)
        await start(client, session_id)
        state = await wait_final(client, session_id)
        rows = (await client.get(f"/api/sessions/{session_id}/results")).json()["rows"]
    assert state["counters"]["failed"] == 0, search_llm_stack.logs()
    for row in rows:
        assert (row["Row_Status"], row["Deep_Search_Status"]) == ("ok", "ok"), row
        assert row["Deep_Search"] == "Q: Does it run a launcher?\nA: Yes."


async def test_deep_search_without_a_context_says_so(search_llm_stack: Stack) -> None:
    form = {"run_llm_deep_search_pipeline": "true", "use_cache": "false"}
    async with httpx.AsyncClient(
        base_url=search_llm_stack.api, headers=search_llm_stack.headers
    ) as client:
        session_id = await upload(client, CSV, form)
        await start(client, session_id)
        await wait_final(client, session_id)
        rows = (await client.get(f"/api/sessions/{session_id}/results")).json()["rows"]
    for row in rows:
        assert (row["Row_Status"], row["Deep_Search_Status"]) == ("ok", "skipped"), row
        assert "deep search: no research context was given" in row["Notes"], row["Notes"]
