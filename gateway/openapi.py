"""OpenAPI pieces FastAPI cannot infer: the streamed upload form and examples."""

from __future__ import annotations

from typing import Any

_BOOL = {"type": "boolean", "default": False}

CREATE_FORM: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "CSV (any common encoding/delimiter), XLSX or XLS",
                        },
                        "context_text": {
                            "type": "string",
                            "description": "What the research is for (at most 4,000 chars)",
                        },
                        "sheet": {
                            "type": "string",
                            "description": "Workbook sheet to read (default: first non-empty)",
                        },
                        "run_llm_deep_search_pipeline": _BOOL,
                        "write_to_hubspot": _BOOL,
                        "use_hubspot_integration": _BOOL,
                    },
                }
            }
        },
    }
}

SESSION_EXAMPLE: dict[str, Any] = {
    "session_id": "018f2c3a9b7e4d1fa2c3b4d5e6f70812",
    "status": "created",
    "created_at": "2026-01-01T10:00:00+00:00",
    "started_at": None,
    "running_since": None,
    "finished_at": None,
    "cancel_requested_at": None,
    "options": {
        "run_llm_deep_search_pipeline": False,
        "write_to_hubspot": False,
        "use_hubspot_integration": False,
    },
    "context_chars": 0,
    "input": {
        "filename": "companies.csv",
        "format": "csv",
        "size_bytes": 64,
        "sheet": None,
        "encoding": "utf-8",
        "delimiter": ",",
        "has_header": True,
        "columns": ["Company Name", "Website"],
        "name_column": "Company Name",
        "website_column": "Website",
        "rows": 2,
        "blank_rows_skipped": 0,
        "duplicate_domains": 0,
    },
    "counters": {
        "total": 2,
        "done": 0,
        "failed": 0,
        "duplicates": 0,
        "dead_links": 0,
        "not_found": 0,
    },
    "chunk_count": None,
    "chunks_done": 0,
    "reason": None,
    "finalized": False,
}

RESULTS_EXAMPLE: dict[str, Any] = {
    "session_id": "018f2c3a9b7e4d1fa2c3b4d5e6f70812",
    "status": "running",
    "partial": True,
    "columns": ["Company Name", "Website", "Company_Name", "Official_Website", "Row_Status"],
    "total": 2,
    "available": 1,
    "offset": 0,
    "limit": 100,
    "next_offset": None,
    "rows": [
        {
            "row": 0,
            "Company Name": "Capcom",
            "Website": "capcom.com",
            "Company_Name": "Capcom",
            "Official_Website": "https://www.capcom.com/",
            "Row_Status": "ok",
            "duplicate_of": None,
        }
    ],
}

CAPABILITIES_EXAMPLE: dict[str, Any] = {
    "search": True,
    "llm": True,
    "hubspot": False,
    "deep_search": True,
    "notifier_url": "ws://127.0.0.1:8001/ws",
    "limits": {
        "max_upload_bytes": 104857600,
        "max_rows": 1000000,
        "max_context_chars": 4000,
        "max_cell_chars": 10000,
    },
}


def json_example(example: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": example}}}}
