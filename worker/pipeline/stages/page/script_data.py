"""What a JavaScript app's page carries in its data script (`__NEXT_DATA__`, Nuxt's and
other `application/json` payloads, or a script that hands the app its state as a global:
Remix's `window.__remixContext = {...}`, React Router's `__staticRouterHydrationData =
JSON.parse("...")`, Redux's and Apollo's `__PRELOADED_STATE__`, `__APOLLO_STATE__`)
before it renders anything: descriptive texts and links. A shell with no visible text is
otherwise silent about its owner."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from shared.company_keys import clean_text

# Keys under which apps keep a company's or page's descriptive text.
_TEXT_KEYS = {
    "description", "tagline", "summary", "about", "intro", "introduction", "subtitle",
    "abstract", "lead", "bio", "excerpt", "seodescription", "metadescription",
}  # fmt: skip
_MAX_SCRIPT = 500_000  # characters of one data script read
_MAX_TEXTS = 20
# `window.__state = {` or `self.__ctx=JSON.parse("`: where a global's JSON value starts.
_STATE_GLOBAL = re.compile(
    r"\s*(?:window|self|globalThis)\s*\.\s*__\w+\s*=\s*(JSON\.parse\(\s*)?(?=[\[{\"'])"
)
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class ScriptData:
    texts: tuple[str, ...] = ()  # descriptive texts, in document order
    links: tuple[str, ...] = ()  # absolute http(s) URLs


def _walk(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for name, value in data.items():
            yield from _walk(value, str(name))
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item, key)
    elif isinstance(data, str):
        yield key, data


def _payloads(tree: HTMLParser) -> Iterator[Any]:
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").lower()
        if kind == "application/json" or node.attributes.get("id") == "__NEXT_DATA__":
            try:
                yield json.loads(node.text()[:_MAX_SCRIPT])
            except ValueError:
                continue
        elif kind in ("", "text/javascript", "module") and "src" not in node.attributes:
            text = node.text()
            if "__" in text[:200]:
                found = _global_state(text[:_MAX_SCRIPT])
                if found is not None:
                    yield found


def _global_state(script: str) -> Any:
    """The JSON value a script assigns to an app's state global, or None."""
    found = _STATE_GLOBAL.match(script)
    if found is None:
        return None
    at = found.end()
    try:
        if found.group(1):  # JSON.parse("..."): the JSON is a string literal's value
            if script[at] == "'":
                return None
            literal, _ = _DECODER.raw_decode(script, at)
            return json.loads(literal) if isinstance(literal, str) else None
        if script[at] not in "[{":
            return None
        value, _ = _DECODER.raw_decode(script, at)
    except ValueError:
        return None
    return value


def script_data(tree: HTMLParser) -> ScriptData:
    texts: list[str] = []
    links: list[str] = []
    for payload in _payloads(tree):
        for key, value in _walk(payload):
            value = value.strip()
            if value.startswith(("https://", "http://")) and " " not in value:
                if value not in links:
                    links.append(value)
            elif key.replace("_", "").casefold() in _TEXT_KEYS and len(texts) < _MAX_TEXTS:
                text = clean_text(value)
                if text and text not in texts:
                    texts.append(text)
    return ScriptData(tuple(texts), tuple(links))
