"""Custom fields as written on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.errors import DossierError
from client.fields import fields_from, parse_field

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (
            "employee_count (number): approximate headcount",
            {"name": "employee_count", "type": "number", "description": "approximate headcount"},
        ),
        ("sells_b2b (boolean)", {"name": "sells_b2b", "type": "boolean"}),
        ("notes", {"name": "notes", "type": "text"}),
        (
            "segment (enum: SMB | Enterprise): who buys",
            {
                "name": "segment",
                "type": "enum",
                "options": ["SMB", "Enterprise"],
                "description": "who buys",
            },
        ),
    ],
)
def test_a_field_is_read_from_its_plain_words(spec: str, field: dict[str, object]) -> None:
    assert parse_field(spec) == field


def test_a_file_comes_first_then_the_options(tmp_path: Path) -> None:
    path = tmp_path / "fields.json"
    path.write_text(json.dumps([{"name": "founded", "type": "date"}]))
    assert [f["name"] for f in fields_from(["hq (text)"], path)] == ["founded", "hq"]
    path.write_text('{"name": "x"}')
    with pytest.raises(DossierError, match="JSON array"):
        fields_from([], path)


def test_a_spec_without_a_name_is_refused() -> None:
    with pytest.raises(DossierError, match="not a field"):
        parse_field("(number): nameless")
