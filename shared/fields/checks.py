"""The rules a field list must meet, refused with a machine-readable code each."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import TypeAdapter, ValidationError

from shared.errors import InvalidInput
from shared.fields.model import (
    MAX_DESCRIPTION_CHARS,
    MAX_FIELDS,
    MAX_OPTION_CHARS,
    MAX_OPTIONS,
    FieldSpec,
    FieldType,
)

_RAW: TypeAdapter[list[dict[str, object]]] = TypeAdapter(list[dict[str, object]])


def _invalid(code: str, message: str) -> InvalidInput:
    return InvalidInput(code, message)


def _one(raw: dict[str, object], position: int) -> FieldSpec:
    kind = raw.get("type", FieldType.TEXT.value)
    if kind not in {t.value for t in FieldType}:
        allowed = ", ".join(t.value for t in FieldType)
        raise _invalid(
            "unknown_field_type",
            f"field {position}: type {str(kind)[:40]!r} is not one of {allowed}",
        )
    description = raw.get("description", "")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION_CHARS:
        raise _invalid(
            "field_description_too_long",
            f"field {position}: the description has {len(description)} characters; the "
            f"limit is {MAX_DESCRIPTION_CHARS}",
        )
    try:
        spec = FieldSpec.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "field"
        raise _invalid("invalid_field", f"field {position}: {where}: {first['msg']}") from None
    _check_options(spec, position)
    return spec


def _check_options(spec: FieldSpec, position: int) -> None:
    if spec.type is FieldType.ENUM:
        options = [o.strip() for o in spec.options]
        if not options or any(not o for o in options):
            raise _invalid(
                "enum_without_options",
                f"field {position} ({spec.name}): an enum field needs a list of non-empty options",
            )
        if len(options) > MAX_OPTIONS or any(len(o) > MAX_OPTION_CHARS for o in options):
            raise _invalid(
                "invalid_field",
                f"field {position} ({spec.name}): at most {MAX_OPTIONS} options of at most "
                f"{MAX_OPTION_CHARS} characters",
            )
        if len(set(options)) != len(options):
            raise _invalid("invalid_field", f"field {position} ({spec.name}): the options repeat")
    elif spec.options:
        raise _invalid(
            "invalid_field",
            f"field {position} ({spec.name}): only enum fields take options",
        )


def check_fields(raw: object) -> list[FieldSpec]:
    """The field list, checked; raises InvalidInput (422) with the first rule broken."""
    try:
        items = _RAW.validate_python(raw)
    except ValidationError:
        raise _invalid(
            "invalid_fields", "fields must be a JSON array of objects {name, description, type}"
        ) from None
    if len(items) > MAX_FIELDS:
        raise _invalid(
            "too_many_fields", f"{len(items)} fields given; at most {MAX_FIELDS} are allowed"
        )
    specs = [_one(item, n) for n, item in enumerate(items, 1)]
    _check_unique(specs)
    return specs


def _check_unique(specs: Sequence[FieldSpec]) -> None:
    seen: set[str] = set()
    for spec in specs:
        key = spec.name.strip().casefold()
        if key in seen:
            raise _invalid("duplicate_field_name", f"the field name {spec.name!r} is used twice")
        seen.add(key)
