"""The shape of a page, as opposed to what it says: how much text, which headline, which
scripts and links, where it sends the browser. Parking landers share a shape (a few words,
the domain as the headline, an offer form, a script that moves the visitor on)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from shared.company_keys import clean_text

_SCRIPT_TEXT_LIMIT = 20_000
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\">\s]+)", re.IGNORECASE)
# location = "...", window.location.href = '...', top.location.replace("..."),
# document.location.assign(`...`): any object's location, any quote, the address up to
# where a script would join a variable to it.
_JS_LOCATION = re.compile(
    r"location(?:\.href)?\s*=\s*['\"`]([^'\"`$+]+)"
    r"|location\.(?:replace|assign)\(\s*['\"`]([^'\"`$+]+)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HEADLINE_TAGS = ("h1", "h2")


@dataclass(frozen=True)
class PageShape:
    words: int = 0  # visible words; CJK characters count one word per two
    text: str = ""  # all visible text, headers, footers and forms included
    headline: str = ""  # the first top-level heading
    script_sources: tuple[str, ...] = ()
    inline_scripts: str = ""  # the first characters of the inline scripts, joined
    redirect_targets: tuple[str, ...] = ()  # meta refresh and script location targets
    links: tuple[str, ...] = ()  # the anchors that lead off the page's own site
    frames: tuple[str, ...] = ()  # addresses shown in frames and iframes
    form_fields: tuple[str, ...] = ()  # names and placeholders of form inputs, lower case


# A page's words are counted as `\w+` runs: on the UTF-8 bytes, with every ASCII byte that
# is not a word character made a space and every other character's bytes kept, a plain
# split finds the same runs (once the page's few non-ASCII non-word characters, such as
# "©" or "–", are spaces too) at a fraction of the pattern's cost per word.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_WORD_BYTES = bytes(
    byte if byte >= 0x80 or byte == ord("_") or chr(byte).isalnum() else ord(" ")
    for byte in range(256)
)


def _word_count(text: str) -> int:
    others = set("".join(_NON_ASCII.findall(text)))
    if any(_CJK.match(char) for char in others):
        cjk = len(_CJK.findall(text))
        return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2
    for char in others:
        if not char.isalnum():  # what `\w` leaves out
            text = text.replace(char, " ")
    return len(text.encode().translate(_WORD_BYTES).split())


def _redirects(tree: HTMLParser, base: str, scripts: str) -> tuple[str, ...]:
    targets: list[str] = []
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == "refresh":
            found = _REFRESH_URL.search(node.attributes.get("content") or "")
            if found:
                targets.append(urljoin(base, found.group(1)))
    for match in _JS_LOCATION.finditer(scripts):
        targets.append(urljoin(base, match.group(1) or match.group(2)))
    return tuple(targets)


def _form_fields(tree: HTMLParser) -> tuple[str, ...]:
    fields: list[str] = []
    for node in tree.css("input, textarea, select, button"):
        for attribute in ("name", "id", "placeholder"):
            value = node.attributes.get(attribute)
            if value:
                fields.append(value.lower())
    return tuple(fields)


def page_shape(tree: HTMLParser, base: str) -> PageShape:
    """The shape of the parsed page; strips scripts and styles from `tree` on the way."""
    sources: list[str] = []
    inline: list[str] = []
    size = 0
    for node in tree.css("script"):
        src = node.attributes.get("src")
        if src:
            sources.append(urljoin(base, src))
        elif size < _SCRIPT_TEXT_LIMIT:
            text = node.text()[: _SCRIPT_TEXT_LIMIT - size]
            inline.append(text)
            size += len(text)
    scripts = "\n".join(inline)
    redirects = _redirects(tree, base, scripts)
    for tag in ("script", "style", "noscript", "template", "svg"):
        for node in tree.css(tag):
            node.decompose()
    body = tree.body
    text = clean_text(body.text(separator=" ")) if body is not None else ""
    heading = next((found for tag in _HEADLINE_TAGS if (found := tree.css_first(tag))), None)
    headline = clean_text(heading.text(separator=" ")) if heading is not None else ""
    links = tuple(
        href
        for node in tree.css("a[href]")
        for href in [(node.attributes.get("href") or "").strip()]
        if href.startswith(("http://", "https://", "//"))
    )
    frames = tuple(
        urljoin(base, src)
        for node in tree.css("frame[src], iframe[src]")
        if (src := (node.attributes.get("src") or "").strip())
    )
    return PageShape(
        words=_word_count(text),
        text=text,
        headline=headline,
        script_sources=tuple(sources),
        inline_scripts=scripts,
        redirect_targets=redirects,
        links=links,
        frames=frames,
        form_fields=_form_fields(tree),
    )
