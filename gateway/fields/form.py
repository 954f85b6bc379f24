"""The custom fields of an upload: a JSON list in `custom_fields`, or a saved set named by
`field_set`; refused when the deployment has no language model to answer them."""

from __future__ import annotations

import json
from collections.abc import Mapping

from gateway.fields.library import FieldSetLibrary, FieldSetNotFound
from shared.errors import InvalidInput
from shared.fields.checks import check_fields
from shared.fields.model import FieldSpec
from shared.providers import Capabilities


async def fields_from_form(
    form: Mapping[str, str], library: FieldSetLibrary, capabilities: Capabilities
) -> list[FieldSpec]:
    raw = form.get("custom_fields", "").strip()
    set_id = form.get("field_set", "").strip()
    if not raw and not set_id:
        return []
    if raw and set_id:
        raise InvalidInput("invalid_fields", "send either custom_fields or field_set, not both")
    if not capabilities.llm:
        raise InvalidInput(
            "option_unavailable",
            "custom fields need a language model, and this server has none configured "
            "(see GET /api/capabilities)",
        )
    if set_id:
        try:
            return list((await library.get(set_id)).fields)
        except FieldSetNotFound as missing:
            # The form is refused, as for an unknown criteria file: 422, not 404.
            raise InvalidInput(missing.code, missing.message) from None
    try:
        parsed = json.loads(raw)
    except ValueError:
        raise InvalidInput("invalid_fields", "custom_fields is not valid JSON") from None
    return check_fields(parsed)
