"""The streamed upload form of `POST /api/sessions`: the route reads the body itself, so
FastAPI cannot infer it."""

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
