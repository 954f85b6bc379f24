"""schema.org items written in a page's markup (microdata `itemscope`/`itemprop`, RDFa
`typeof`/`property`), as the same nodes JSON-LD holds, so one reading finds the page's
organization whichever way the site writes it."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from shared.company_keys import clean_text

# (the attribute that opens an item, names its type, names a property) per syntax.
_SYNTAXES = (("itemscope", "itemtype", "itemprop"), ("typeof", "typeof", "property"))
# Where an element keeps a property's value rather than in its text.
_VALUE_ATTRIBUTES = {
    "meta": "content",
    "link": "href",
    "a": "href",
    "img": "src",
    "time": "datetime",
}
_MAX_ITEMS = 20


def _type(value: str) -> str:
    """`https://schema.org/LocalBusiness` and `schema:LocalBusiness` -> `LocalBusiness`."""
    first = value.split()[0] if value.split() else ""
    return first.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _scope(node: Node, opens: str) -> Node | None:
    parent = node.parent
    while parent is not None:
        if opens in parent.attributes:
            return parent
        parent = parent.parent
    return None


def _value(node: Node) -> str:
    if "content" in node.attributes:
        return clean_text(node.attributes.get("content") or "")
    attribute = _VALUE_ATTRIBUTES.get(node.tag or "")
    if attribute:
        return (node.attributes.get(attribute) or "").strip()
    return clean_text(node.text(separator=" "))


def markup_items(tree: HTMLParser) -> list[dict[str, Any]]:
    """Every typed item of the page as a JSON-LD-like node: `@type` and its properties
    (a property written more than once is a list)."""
    found: list[dict[str, Any]] = []
    for opens, typed, names in _SYNTAXES:
        for item in tree.css(f"[{opens}]")[:_MAX_ITEMS]:
            kind = _type(item.attributes.get(typed) or "")
            if not kind:
                continue
            node: dict[str, Any] = {"@type": kind}
            for prop in item.css(f"[{names}]"):
                scope = _scope(prop, opens)
                if prop.mem_id == item.mem_id or scope is None or scope.mem_id != item.mem_id:
                    continue
                value = _value(prop)
                for key in (prop.attributes.get(names) or "").split():
                    key = key.rsplit(":", 1)[-1]
                    if not value:
                        continue
                    if key not in node:
                        node[key] = value
                    elif isinstance(node[key], list):
                        node[key].append(value)
                    else:
                        node[key] = [node[key], value]
            found.append(node)
    return found
