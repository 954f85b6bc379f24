"""Cookie and consent banners: the boilerplate a CMS or a consent manager puts before a
page's own words ("This website stores cookies on your computer ..."), which is never
what the company says about itself."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

# Ids and classes of consent managers' and themes' banners (HubSpot's
# `hs-eu-cookie-confirmation`, OneTrust, Cookiebot, cookieconsent's `cc-window`, ...): a
# cookie word with a banner word, not a bakery's `cookies` product grid.
_BANNER = re.compile(
    r"cookie.?(?:banner|bar|notice|consent|confirm|popup|law|warning|message|policy|dialog|modal)"
    r"|consent.?(?:banner|bar|manager|popup|dialog|modal|notice)"
    r"|onetrust|cookiebot|cookieconsent|cookie-script|cc-window|eu.?cookie|gdpr",
    re.IGNORECASE,
)


def remove_banners(tree: HTMLParser) -> None:
    """Take cookie and consent banners out of `tree`."""
    for node in tree.css("[id], [class]"):
        marks = f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''}"
        if _BANNER.search(marks):
            node.decompose()
