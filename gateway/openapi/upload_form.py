"""The streamed upload forms of `POST /api/sessions` and of the criteria routes: the routes
read the body themselves, so FastAPI cannot infer them."""

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
                    "additionalProperties": False,
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
                            "description": "Sheet to read (default: first visible non-empty)",
                        },
                        "run_llm_deep_search_pipeline": _BOOL,
                        "write_to_hubspot": _BOOL,
                        "use_hubspot_integration": _BOOL,
                        "use_cache": {
                            "type": "boolean",
                            "default": True,
                            "description": "Reuse this tenant's recent findings for the same "
                            "domain (see DOSSIER_CACHE_DAYS); false runs every row afresh",
                        },
                        "criteria": {
                            "type": "string",
                            "description": "Qualify every company against these criteria "
                            "files: their names, comma-separated (needs an LLM)",
                        },
                        "products": {
                            "type": "string",
                            "description": "Only these products of the criteria files, "
                            "comma-separated (default: every product)",
                        },
                        "custom_fields": {
                            "type": "string",
                            "description": "Up to 10 custom fields answered per company with "
                            "a cited value: a JSON array of {name, description, type: "
                            "text|number|boolean|enum|url|date, options (enum only)} "
                            "(needs an LLM)",
                        },
                        "webhook_url": {
                            "type": "string",
                            "description": "Called with a signed JSON body when the session "
                            "completes, fails or is cancelled (default: the tenant's, see "
                            "GET /api/webhook)",
                        },
                        "field_set": {
                            "type": "string",
                            "description": "The id of a saved field set, in place of "
                            "custom_fields (needs an LLM)",
                        },
                    },
                }
            }
        },
    }
}


def form_fields(form: dict[str, Any]) -> tuple[str, ...]:
    """The fields a form documents: the only ones its route accepts."""
    schema = form["requestBody"]["content"]["multipart/form-data"]["schema"]
    return tuple(schema["properties"])


def _criteria_form(*, named: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "file": {
            "type": "string",
            "format": "binary",
            "description": "CSV (any common encoding/delimiter), XLSX or XLS with the columns "
            "Product, Target Audience, Criteria Type, Criteria, Place, Search Query, Signals",
        }
    }
    if named:
        properties["name"] = {
            "type": "string",
            "description": "The file's name for sessions (1-64 letters, digits, `.`, `_`, "
            "`-`); default: the file name's stem, reduced to those characters",
        }
    else:
        properties["name"] = {
            "type": "string",
            "description": "Optional; when sent, the name in the path (a replacement keeps "
            "its name)",
        }
    schema = {
        "type": "object",
        "required": ["file"],
        "properties": properties,
        "additionalProperties": False,
    }
    return {
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}
    }


CRITERIA_FORM = _criteria_form(named=True)
CRITERIA_REPLACE_FORM = _criteria_form(named=False)

CREATE_FIELDS = form_fields(CREATE_FORM)
CRITERIA_FIELDS = form_fields(CRITERIA_FORM)
CRITERIA_REPLACE_FIELDS = form_fields(CRITERIA_REPLACE_FORM)
