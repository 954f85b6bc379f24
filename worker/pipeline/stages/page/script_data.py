"""What a JavaScript app's page carries in its data script (`__NEXT_DATA__`, Nuxt's and
other `application/json` payloads, or a script that hands the app its state as a global:
Remix's `window.__remixContext = {...}`, React Router's `__staticRouterHydrationData =
JSON.parse("...")`, Redux's, Vue's and Apollo's `__PRELOADED_STATE__`,
`__INITIAL_STATE__`, `__APOLLO_STATE__`; SvelteKit's fetched responses, a JSON document
in a string), in the props of its islands (Astro's
`<astro-island props="...">`), or in the string literals of a state script that is code,
not JSON (Nuxt 2's `window.__NUXT__=(function(a,b){...}(...))`, Next's
`self.__next_f.push([1,"..."])`), before it renders anything: descriptive texts, prose
under any key, and links. A shell with no visible text is otherwise silent about its
owner."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from shared.company_keys import clean_text
from worker.pipeline.stages.page.reading_length import reading_length
from worker.pipeline.stages.page.short_intro import is_intro

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
# A state global assigned by code, or Next's streamed payload pushed to a global.
# SvelteKit's start script opens a block and names its global bare (`{ __sveltekit_x =`).
_STATE_CODE = re.compile(
    r"\s*[({]?\s*(?:(?:window|self|globalThis)\s*\.\s*)?__\w+\s*(?:=|\.push\(|=\s*self)"
)
# A double-quoted JavaScript string literal, as JSON writes one.
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.){40,})"')
_JSON_KINDS = ("application/json", "qwik/json")
# Prose: this long (Latin characters) and written in words, not code or markup.
_PROSE = 80
_CODE = re.compile(r"[<>{}\[\]=;]|\\[nu]|function\b|=>")
_MAX_LITERALS = 400


@dataclass(frozen=True)
class ScriptData:
    texts: tuple[str, ...] = ()  # descriptive texts, in document order
    links: tuple[str, ...] = ()  # absolute http(s) URLs
    # Prose under keys that do not say what it is (`text`, `body`, a Nuxt 3 array), in
    # document order: read only when the page renders nothing and names no description.
    prose: tuple[str, ...] = ()


def _walk(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for name, value in data.items():
            yield from _walk(value, str(name))
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item, key)
    elif isinstance(data, str):
        nested = _nested_json(data)
        if nested is None:
            yield key, data
        else:
            yield from _walk(nested, key)


def _nested_json(text: str) -> Any:
    """A JSON document held in a string (SvelteKit's fetched `body`), or None."""
    text = text.strip()
    if len(text) < 2 or text[0] + text[-1] not in ("{}", "[]"):
        return None
    try:
        return json.loads(text[:_MAX_SCRIPT])
    except ValueError:
        return None


def _astro_value(data: Any) -> Any:
    """Astro's island props, each value written as `[type, value]` (0 a plain value or
    object of more such pairs, 1 an array of them), as plain JSON."""
    if isinstance(data, dict):
        return {key: _astro_value(value) for key, value in data.items()}
    if isinstance(data, list) and len(data) == 2 and isinstance(data[0], int):
        kind, value = data
        if kind == 1 and isinstance(value, list):
            return [_astro_value(item) for item in value]
        return _astro_value(value) if isinstance(value, dict) else value
    return data


def _island_props(tree: HTMLParser) -> Iterator[Any]:
    for node in tree.css("astro-island[props]"):
        try:
            yield _astro_value(json.loads((node.attributes.get("props") or "")[:_MAX_SCRIPT]))
        except ValueError:
            continue


def _literals(script: str) -> list[str]:
    """The string literals of a script, decoded; those holding escaped JSON (Next's
    streamed payload) read one level down as well."""
    found: list[str] = []
    for match in _LITERAL.finditer(script[:_MAX_SCRIPT]):
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:
            continue
        if '":"' in value or '":' in value:
            found += _literals(value)
        else:
            found.append(value)
        if len(found) >= _MAX_LITERALS:
            break
    return found


def _payloads(tree: HTMLParser) -> Iterator[Any]:
    """The JSON values of the page's data scripts and islands; a state script that is
    code yields the list of its string literals."""
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").lower()
        if kind in _JSON_KINDS or node.attributes.get("id") == "__NEXT_DATA__":
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
                elif _STATE_CODE.match(text):
                    yield _literals(text)
    yield from _island_props(tree)


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


def is_prose(text: str) -> bool:
    """Words a page would show: a paragraph or a one-sentence introduction, in words, and
    no code or markup."""
    if _CODE.search(text) or "http" in text:
        return False
    if reading_length(text) >= _PROSE:
        return text.count(" ") >= 6 or reading_length(text) > 2 * len(text) - 10
    return is_intro(text)


def script_data(tree: HTMLParser) -> ScriptData:
    texts: list[str] = []
    links: list[str] = []
    prose: list[str] = []
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
            elif len(prose) < _MAX_TEXTS and is_prose(value):
                text = clean_text(value)
                if text not in prose:
                    prose.append(text)
    return ScriptData(tuple(texts), tuple(links), tuple(prose))
