"""Custom fields as written on a command line: `employee_count (number): approximate
headcount`, `segment (enum: SMB|Enterprise)`, or a JSON file holding the list."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from client.errors import DossierError

_SPEC = re.compile(r"^\s*(?P<name>[^():]+?)\s*(?:\((?P<type>[^)]*)\))?\s*(?::\s*(?P<text>.*))?$")


def parse_field(spec: str) -> dict[str, Any]:
    """`name (type[: a|b]): description` -> the API's field object; type defaults to text."""
    found = _SPEC.match(spec)
    if not found or not found.group("name"):
        raise DossierError(f"not a field: {spec!r} (write `name (type): description`)")
    field: dict[str, Any] = {"name": found.group("name").strip(), "type": "text"}
    kind = (found.group("type") or "").strip()
    if kind:
        head, _, options = kind.partition(":")
        field["type"] = head.strip()
        if options.strip():
            field["options"] = [o.strip() for o in options.split("|") if o.strip()]
    if found.group("text"):
        field["description"] = found.group("text").strip()
    return field


def fields_from(specs: list[str], path: Path | None) -> list[dict[str, Any]]:
    """The fields of `--field` options, after those of a `--fields` JSON file."""
    fields: list[dict[str, Any]] = []
    if path is not None:
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise DossierError(f"cannot read fields from {path}: {error}") from None
        if not isinstance(loaded, list):
            raise DossierError(f"{path} must hold a JSON array of fields")
        fields.extend(loaded)
    fields.extend(parse_field(spec) for spec in specs)
    return fields
