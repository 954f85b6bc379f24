"""The rules of a custom field list, each broken rule refused with its own code."""

from __future__ import annotations

import pytest

from shared.errors import InvalidInput
from shared.fields.checks import check_fields
from shared.fields.model import FieldSpec, FieldType

pytestmark = pytest.mark.unit


def test_a_valid_list_is_kept_in_order_with_types_and_options() -> None:
    raw = [
        {"name": "employee_count", "description": "approximate headcount", "type": "number"},
        {"name": "sells_b2b", "type": "boolean"},
        {"name": "segment", "type": "enum", "options": ["SMB", "Enterprise"]},
        {"name": "founded", "type": "date"},
    ]
    assert check_fields(raw) == [
        FieldSpec(name="employee_count", description="approximate headcount", type="number"),
        FieldSpec(name="sells_b2b", type=FieldType.BOOLEAN),
        FieldSpec(name="segment", type=FieldType.ENUM, options=["SMB", "Enterprise"]),
        FieldSpec(name="founded", type=FieldType.DATE),
    ]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ({"name": "x"}, "invalid_fields"),
        ([{"name": f"f{n}"} for n in range(11)], "too_many_fields"),
        ([{"name": "Employees"}, {"name": "employees"}], "duplicate_field_name"),
        ([{"name": "size", "type": "integer"}], "unknown_field_type"),
        ([{"name": "size", "description": "x" * 301}], "field_description_too_long"),
        ([{"name": "segment", "type": "enum"}], "enum_without_options"),
        ([{"name": "segment", "type": "enum", "options": ["a", " "]}], "enum_without_options"),
        ([{"name": "size", "type": "number", "options": ["a"]}], "invalid_field"),
        ([{"name": "size", "colour": "blue"}], "invalid_field"),
        ([{"name": "=cmd|calc"}], "invalid_field"),
        ([{"name": "n" * 41}], "invalid_field"),
    ],
)
def test_broken_rules_are_refused_with_their_code(raw: object, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_fields(raw)
    assert (refused.value.code, refused.value.status_code) == (code, 422)
