"""A model's value made into the field's type; a value that is not of it is no answer."""

from __future__ import annotations

import math
import re
from datetime import date

from shared.fields.model import FieldSpec, FieldType, FieldValue

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _number(raw: object) -> float | None:
    if isinstance(raw, bool):
        return None
    try:
        number = (
            float(raw) if isinstance(raw, int | float) else float(str(raw).replace(",", "").strip())
        )
    except (ValueError, OverflowError):
        return None
    # `NaN` and `Infinity` (JSON the model may send, or text float() reads) are no
    # amount, and a workbook cell holding one is a file spreadsheets refuse to open.
    return number if math.isfinite(number) else None


def _date(raw: object) -> str | None:
    text = str(raw).strip()
    found = _DATE.match(text)
    if not found:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return text


def typed(spec: FieldSpec, raw: object) -> FieldValue | None:
    """The value in the field's type, or None when it cannot be one."""
    if spec.type is FieldType.NUMBER:
        return _number(raw)
    if spec.type is FieldType.BOOLEAN:
        return raw if isinstance(raw, bool) else None
    text = str(raw).strip()
    if not text:
        return None
    if spec.type is FieldType.ENUM:
        return next((o for o in spec.options if o.casefold() == text.casefold()), None)
    if spec.type is FieldType.URL:
        return text if re.match(r"^https?://[^\s/]+", text) else None
    if spec.type is FieldType.DATE:
        return _date(text)
    return text
