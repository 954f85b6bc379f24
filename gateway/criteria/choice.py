"""The criteria a new session qualifies against: names and products checked against the
tenant's files, and the snapshot the session keeps of them, so that later edits of a file
never change a run."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gateway.criteria.library import CriteriaLibrary
from shared.criteria.model import SessionCriteria
from shared.criteria.reading import check_name
from shared.errors import InvalidInput
from shared.models import QualificationOptions
from shared.providers import Capabilities

# Form fields of `POST /api/sessions`, each a comma-separated list.
CRITERIA_FIELD = "criteria"
PRODUCTS_FIELD = "products"
_LISTED = 300
MAX_FILES = 50


@dataclass(frozen=True)
class Qualification:
    options: QualificationOptions
    snapshot: SessionCriteria


def split_list(raw: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))


def _listed(names: Sequence[str]) -> str:
    return ", ".join(names)[:_LISTED]


async def choose_criteria(
    library: CriteriaLibrary,
    names: Sequence[str],
    products: Sequence[str],
    capabilities: Capabilities,
    *,
    qualify_only: bool = False,
) -> Qualification:
    if not capabilities.qualification:
        raise InvalidInput(
            "option_unavailable",
            "qualification needs an LLM, and this server has none configured "
            "(see GET /api/capabilities)",
        )
    names = [check_name(name) for name in dict.fromkeys(names)]
    if len(names) > MAX_FILES:
        raise InvalidInput("invalid_option", f"name at most {MAX_FILES} criteria files")
    found = await asyncio.gather(*(library.find(name) for name in names))
    missing = [name for name, file in zip(names, found, strict=True) if file is None]
    if missing:
        raise InvalidInput(
            "criteria_not_found",
            f"no criteria file named {_listed(missing)}; GET /api/criteria lists yours",
        )
    files = [file for file in found if file is not None]
    offered = {p.casefold(): p for file in files for p in file.products()}
    unknown = [p for p in dict.fromkeys(products) if p.casefold() not in offered]
    if unknown:
        raise InvalidInput(
            "product_not_found",
            f"the criteria files have no product {_listed(unknown)}; "
            f"their products: {_listed(list(offered.values()))}",
        )
    # Kept as the files spell them: the worker matches products exactly.
    kept = list(dict.fromkeys(offered[p.casefold()] for p in products))
    return Qualification(
        QualificationOptions(criteria=names, products=kept, qualify_only=qualify_only),
        SessionCriteria(files=files, products=kept),
    )


async def qualification_from_form(
    library: CriteriaLibrary, fields: Mapping[str, str], capabilities: Capabilities
) -> Qualification | None:
    names = split_list(fields.get(CRITERIA_FIELD, ""))
    products = split_list(fields.get(PRODUCTS_FIELD, ""))
    if not names:
        if products:
            raise InvalidInput(
                "invalid_option",
                "`products` chooses among the products of the `criteria` files: name them too",
            )
        return None
    return await choose_criteria(library, names, products, capabilities)
