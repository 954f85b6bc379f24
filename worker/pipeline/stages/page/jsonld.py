"""Organization data (name, description, sameAs, url) from a page's JSON-LD scripts, and
from the same nodes written in its markup."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_ORGANIZATION_TYPES = {
    "organization",
    "corporation",
    "localbusiness",
    "onlinebusiness",
    "onlinestore",
    "ngo",
    "educationalorganization",
    "governmentorganization",
    "researchorganization",
    "newsmediaorganization",
    "website",
}


# schema.org has well over a hundred kinds of business (`Bakery`, `Dentist`,
# `HomeAndConstructionBusiness`, ...). A node of a type that is none of these things a page
# also describes, with a name and something only an organisation has, is one.
_NOT_ORGANIZATIONS = {
    "webpage", "webpageelement", "breadcrumblist", "listitem", "itemlist", "product",
    "offer", "aggregateoffer", "person", "event", "imageobject", "videoobject",
    "article", "newsarticle", "blogposting", "faqpage", "question", "answer",
    "postaladdress", "geocoordinates", "openinghoursspecification", "contactpoint",
    "searchaction", "entrypoint", "review", "aggregaterating", "rating", "howto",
    "recipe", "service", "brand", "thing", "sitenavigationelement", "collectionpage",
    "aboutpage", "contactpage", "readaction", "propertyvalue", "monetaryamount",
}  # fmt: skip
_OWN_PROPERTIES = ("address", "telephone", "legalName", "logo", "sameAs", "foundingDate", "vatID")


def _organization_kind(node: dict[str, Any]) -> str | None:
    types = _types(node)
    known = next((t for t in types if t in _ORGANIZATION_TYPES), None)
    if known or not types or not node.get("name"):
        return known
    if any(t in _NOT_ORGANIZATIONS for t in types):
        return None
    return types[0] if any(node.get(key) for key in _OWN_PROPERTIES) else None


@dataclass(frozen=True)
class Organization:
    type: str
    name: str
    description: str
    url: str
    same_as: tuple[str, ...]
    # Other names the owner goes by (former brands, the registered legal name).
    alternate_names: tuple[str, ...] = ()
    legal_name: str = ""


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph", []))


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type", [])
    return [str(t).lower() for t in (value if isinstance(value, list) else [value])]


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip()
    return ""


def _names(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(item.strip() for item in items if isinstance(item, str) and item.strip())


def organizations(
    scripts: list[str], more: list[dict[str, Any]] | None = None
) -> list[Organization]:
    """Organizations first, a WebSite node only as a name source of last resort; `more`:
    nodes read from the page's markup (microdata, RDFa), after the scripts' own."""
    nodes: list[dict[str, Any]] = []
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        nodes.extend(_nodes(data))
    return _organizations(nodes + (more or []))


def _organizations(nodes: list[dict[str, Any]]) -> list[Organization]:
    found: list[Organization] = []
    for node in nodes:
        kind = _organization_kind(node)
        if kind is None:
            continue
        same_as = node.get("sameAs", [])
        links = [same_as] if isinstance(same_as, str) else same_as
        found.append(
            Organization(
                type=kind,
                name=_text(node.get("name")),
                description=_text(node.get("description")),
                url=_text(node.get("url")),
                same_as=tuple(str(link) for link in links if isinstance(link, str)),
                alternate_names=_names(node.get("alternateName")),
                legal_name=_text(node.get("legalName")),
            )
        )
    return sorted(found, key=lambda org: org.type == "website")
