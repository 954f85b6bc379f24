"""Names a site gives its owner outside its text, read when the page is in another script
than the row's name.

A Japanese or Chinese company listed by its English name often writes that name only in
its logo: the logo image's `alt` or `title`, the logo's file name
(`/img/hokuto-seiko-logo.png`), the copyright line in Latin letters, the name a phone
shows for the site (`application-name`, `apple-mobile-web-app-title`). Only the site's
own marks count (the header's logo, a logo linking home): a page of partners' logos names
other companies. The web app manifest is JSON, which the fetcher does not decode: its
`name` is not read.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from shared.company_keys import clean_text
from shared.romanisation import has_cjk
from shared.transliteration import has_cyrillic, has_latin
from worker.pipeline.matching import name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts

_SAME = 0.9
_APP_NAMES = ("application-name", "apple-mobile-web-app-title")
_FILE_NOISE = re.compile(
    r"\b(logo|logotype|header|footer|site|img|image|icon|brand|white|black|dark|light|"
    r"color|colour|mono|small|large|retina|default|main|top|new|v\d+|\d+x?|\d+px|x\d+)\b"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"([A-Za-z][A-Za-z0-9&.,'’ -]{2,80}?)\s*(?:all rights|\d{4}|[.|/·]\s|$)",
    re.IGNORECASE,
)


def scripts_differ(name: str, facts: PageFacts) -> bool:
    """The row's name is in Latin letters and the page names its owner in another script
    (or the reverse): the case where its Latin marks are worth reading."""
    said = " ".join(facts.identity_names()) or facts.main_text[:400]
    other = has_cjk(said) or has_cyrillic(said)
    name_other = has_cjk(name) or has_cyrillic(name)
    return bool(said) and other != name_other and has_latin(name) != has_latin(said)


def _is_logo(node: Node) -> bool:
    """An image of the site's own mark: called a logo, in the header, or linking home."""
    for current in (node, node.parent, node.parent.parent if node.parent else None):
        if current is None:
            continue
        attrs = current.attributes
        marks = " ".join(attrs.get(key) or "" for key in ("class", "id", "src", "alt"))
        if "logo" in marks.lower() or current.tag == "header":
            return True
        if current.tag == "a" and urlsplit(attrs.get("href") or "").path in ("", "/"):
            return not urlsplit(attrs.get("href") or "").netloc
    return False


def _file_words(src: str) -> str:
    stem = urlsplit(src).path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = re.sub(r"[-_.]+", " ", stem)
    return " ".join(_FILE_NOISE.sub(" ", words.casefold()).split())


def marks(html: str) -> list[str]:
    """The owner's names in Latin letters found in the page's marks."""
    tree = HTMLParser(html)
    found: list[str] = []
    for node in tree.css("meta[name]"):
        if (node.attributes.get("name") or "").lower() in _APP_NAMES:
            found.append(node.attributes.get("content") or "")
    for node in tree.css("img"):
        if _is_logo(node):
            attrs = node.attributes
            found += [attrs.get("alt") or "", attrs.get("title") or ""]
            found.append(_file_words(attrs.get("src") or ""))
    for node in tree.css("svg title"):
        if node.parent is not None and _is_logo(node.parent):
            found.append(node.text())
    body = tree.body.text(separator=" ") if tree.body else ""
    found += [match.group(1) for match in _COPYRIGHT.finditer(body[-3000:])]
    names = [clean_text(n).strip(" .,") for n in found if n and has_latin(n)]
    return list(dict.fromkeys(n for n in names if n))


def mark_naming(name: str, facts: PageFacts, html: str) -> str:
    """Evidence that the site's own marks call its owner `name`, or ''."""
    if not scripts_differ(name, facts):
        return ""
    for each in marks(html):
        if name_similarity(name, each) >= _SAME:
            return f"the site's logo or copyright line names it '{each}'"
    return ""
