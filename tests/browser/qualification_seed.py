"""A criteria file as a sales team writes it, and sessions qualified against it, put
straight into storage as the gateway and the workers write them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from shared.criteria.model import CriteriaFile, SessionCriteria
from shared.criteria.reading import criteria_from_table
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import QualificationOptions, SessionOptions, StartRequest
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from tests.gateway.seed import seed_chunk, seed_final
from tests.sessions import csv_manifest, seed_plan

# Rows 2-7 of the file: the criteria ids are r2 ... r7.
CRITERIA_CSV = """Product,Target Audience,Criteria Type,Criteria,Place,Search Query,Signals
Analytics Cloud,Enterprise,General,Sells software to businesses,website,,
,,Qualification,Has more than 500 employees,linkedin,,headcount
,SMB,Qualification,Has fewer than 50 employees,,,
,Enterprise,Mandatory,Runs its own data team,careers page,site:{website} data engineer,
,Enterprise,NTH,Uses a cloud data warehouse,,,Snowflake; BigQuery
Support Desk,,General,Has a customer support team,website,,
"""
# Row 3 has a type the reader does not know.
BAD_CRITERIA_CSV = """Product,Target Audience,Criteria Type,Criteria
Analytics Cloud,Enterprise,General,Sells software to businesses
,,Maybe,Has more than 500 employees
"""
# A quote is text from a website: it must show as text, never run.
HOSTILE_QUOTE = "We build analytics <script>window.__pwned = true</script> for businesses"
HIDDEN_SOURCE = "javascript:alert(1)"
INPUT_COLUMNS = ["Company", "Website"]


def criteria_file(name: str) -> CriteriaFile:
    header, *rows = list(csv.reader(io.StringIO(CRITERIA_CSV)))
    return criteria_from_table(name, header, rows)


def evidence(criterion_id: str, verdict: str, quote: str = "", source: str = "") -> dict[str, str]:
    return {"criterion_id": criterion_id, "verdict": verdict, "quote": quote, "source_url": source}


def acme(row: int = 0) -> ResultRow:
    """Qualifies for Analytics Cloud (Enterprise), not for Support Desk."""
    analytics: dict[str, Any] = {
        "product": "Analytics Cloud",
        "qualified": True,
        "audiences": ["Enterprise"],
        "nth_score": 1,
        "nth_total": 1,
        "reason": "qualified for Enterprise",
        "criteria": [
            evidence("r2", "passed", HOSTILE_QUOTE, "https://acme.example/about"),
            evidence("r3", "passed", "1,200 employees worldwide", "https://acme.example/careers"),
            evidence("r4", "failed"),
            evidence("r5", "passed", "Join our data engineering team", "https://acme.example/jobs"),
            evidence("r6", "passed", "Everything lands in Snowflake", HIDDEN_SOURCE),
        ],
    }
    support: dict[str, Any] = {
        "product": "Support Desk",
        "qualified": False,
        "audiences": [],
        "nth_score": 0,
        "nth_total": 0,
        "reason": "general criteria: 0 of 1 passed (more than half needed)",
        "criteria": [evidence("r7", "no_data")],
    }
    return company(row, "Acme", ["Analytics Cloud"], [analytics, support])


def globex(row: int = 1) -> ResultRow:
    """Qualifies for nothing."""
    support: dict[str, Any] = {
        "product": "Support Desk",
        "qualified": False,
        "audiences": [],
        "nth_score": 0,
        "nth_total": 0,
        "reason": "no target audience qualified",
        "criteria": [evidence("r7", "failed", "We do not offer support", "https://globex.example")],
    }
    return company(row, "Globex", [], [support])


def company(row: int, name: str, qualified: list[str], products: list[dict[str, Any]]) -> ResultRow:
    website = f"https://{name.lower()}.example"
    return ResultRow.model_validate(
        {
            "row": row,
            "original": {"Company": name, "Website": website},
            "Company_Name": name,
            "Official_Website": website,
            "Row_Status": RowStatus.OK,
            "Qualified_Products": qualified,
            "Qualification": products,
            "Qualification_Status": "ok",
        }
    )


async def seed_qualified_session(
    store: ObjectStore, tenant: str, criteria: CriteriaFile, rows: list[ResultRow], *, done: bool
) -> SessionKeys:
    """A started session qualifying against `criteria`: completed with `rows` when `done`,
    else running with no row finished yet."""
    keys = SessionKeys(tenant, new_session_id())
    manifest = csv_manifest(keys, "leads.csv", INPUT_COLUMNS, len(rows), website_column="Website")
    options = SessionOptions(qualification=QualificationOptions(criteria=[criteria.name]))
    await store.put_model(keys.manifest, manifest.model_copy(update={"options": options}))
    await store.put_model(keys.criteria, SessionCriteria(files=[criteria]))
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    await seed_plan(store, keys, len(rows), chunk_size=len(rows))
    if done:
        await seed_chunk(store, keys, 0, rows)
        await seed_final(store, keys, SessionStatus.COMPLETED, rows, INPUT_COLUMNS)
    return keys
