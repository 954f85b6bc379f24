"""A HubSpot CRM v3 companies API: search, batch create/update with 207 partial failures,
429 with rate-limit headers, and the account details endpoint."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

TOKEN = "pat-test-token"
PORTAL_ID = 424242


@dataclass
class HubSpotState:
    companies: dict[str, dict[str, str]] = field(default_factory=dict)
    calls: list[tuple[float, str]] = field(default_factory=list)
    throttle_next: int = 0
    failing: bool = False
    missing_properties: set[str] = field(default_factory=set)  # not defined in the account
    lag: bool = False  # search misses records created through the API, as it lags
    created: set[str] = field(default_factory=set)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1001))

    def reset(self) -> None:
        self.__dict__.update(type(self)().__dict__)

    def add(self, **properties: str) -> str:
        company_id = str(next(self.ids))
        self.companies[company_id] = properties
        return company_id


def _record(
    company_id: str, properties: dict[str, str], wanted: list[str] | None = None
) -> dict[str, Any]:
    shown = {k: v for k, v in properties.items() if wanted is None or k in wanted}
    return {
        "id": company_id,
        "properties": shown | {"hs_object_id": company_id},
        "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
        "archived": False,
    }


def _batch_answer(results: list[dict[str, Any]], errors: list[dict[str, Any]]) -> JSONResponse:
    body: dict[str, Any] = {
        "status": "COMPLETE",
        "results": results,
        "startedAt": "2026-01-01T00:00:00Z",
        "completedAt": "2026-01-01T00:00:01Z",
    }
    if errors:
        body |= {"errors": errors, "numErrors": len(errors)}
    return JSONResponse(body, 207 if errors else 200)


def hubspot_app(state: HubSpotState) -> Starlette:
    def gate(request: Request) -> JSONResponse | None:
        state.calls.append((time.monotonic(), request.url.path))
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return JSONResponse(
                {"status": "error", "category": "INVALID_AUTHENTICATION", "message": "bad token"},
                401,
            )
        if state.failing:
            return JSONResponse({"status": "error", "message": "internal error"}, 502)
        if state.throttle_next > 0:
            state.throttle_next -= 1
            return JSONResponse(
                {
                    "status": "error",
                    "category": "RATE_LIMITS",
                    "message": "You have reached your ten_secondly_rolling limit.",
                },
                429,
                headers={
                    "Retry-After": "1",
                    "X-HubSpot-RateLimit-Max": "100",
                    "X-HubSpot-RateLimit-Remaining": "0",
                    "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
                },
            )
        return None

    def undefined(inputs: list[dict[str, Any]]) -> JSONResponse | None:
        names = {name for item in inputs for name in item["properties"]}
        for name in sorted(names & state.missing_properties):
            message = f'Property "{name}" does not exist'
            return JSONResponse(
                {"status": "error", "category": "VALIDATION_ERROR", "message": message}, 400
            )
        return None

    async def search(request: Request) -> JSONResponse:
        if (refused := gate(request)) is not None:
            return refused
        body = await request.json()
        (flt,) = body["filterGroups"][0]["filters"]
        assert (flt["propertyName"], flt["operator"]) == ("domain", "IN")
        values = {v.lower() for v in flt["values"]}
        matches = [
            (i, p)
            for i, p in state.companies.items()
            if p.get("domain", "").lower() in values and not (state.lag and i in state.created)
        ]
        start = int(body.get("after") or 0)
        page = matches[start : start + int(body.get("limit", 10))]
        answer: dict[str, Any] = {
            "total": len(matches),
            "results": [_record(i, p, body.get("properties")) for i, p in page],
        }
        if start + len(page) < len(matches):
            answer["paging"] = {"next": {"after": str(start + len(page))}}
        return JSONResponse(answer)

    async def batch_update(request: Request) -> JSONResponse:
        if (refused := gate(request)) is not None:
            return refused
        inputs = (await request.json())["inputs"]
        assert len(inputs) <= 100
        if (missing := undefined(inputs)) is not None:
            return missing
        results, errors = [], []
        for item in inputs:
            company = state.companies.get(item["id"])
            if company is None:
                errors.append(
                    {
                        "status": "error",
                        "category": "OBJECT_NOT_FOUND",
                        "message": f"Object {item['id']} not found",
                        "context": {"ids": [item["id"]]},
                    }
                )
                continue
            company.update(item["properties"])
            results.append(_record(item["id"], company))
        return _batch_answer(results, errors)

    async def batch_create(request: Request) -> JSONResponse:
        if (refused := gate(request)) is not None:
            return refused
        inputs = (await request.json())["inputs"]
        assert len(inputs) <= 100
        results, errors = [], []
        for item in inputs:
            properties = item["properties"]
            if "rejected" in properties.get("name", "").lower():
                errors.append(
                    {
                        "status": "error",
                        "category": "VALIDATION_ERROR",
                        "message": "Property values were not valid: name",
                        "context": {"objectWriteTraceId": [item.get("objectWriteTraceId")]},
                    }
                )
                continue
            company_id = state.add(**properties)
            state.created.add(company_id)
            results.append(_record(company_id, properties))
        return _batch_answer(results, errors)

    async def account(request: Request) -> JSONResponse:
        if (refused := gate(request)) is not None:
            return refused
        return JSONResponse(
            {"portalId": PORTAL_ID, "timeZone": "UTC", "uiDomain": "app.hubspot.com"}
        )

    return Starlette(
        routes=[
            Route("/crm/v3/objects/companies/search", search, methods=["POST"]),
            Route("/crm/v3/objects/companies/batch/update", batch_update, methods=["POST"]),
            Route("/crm/v3/objects/companies/batch/create", batch_create, methods=["POST"]),
            Route("/account-info/v3/details", account, methods=["GET"]),
        ]
    )
