"""Cookie and consent banners, and site builders' own banners: the boilerplate a CMS, a
consent manager or a builder's free plan puts before a page's own words ("This website
stores cookies on your computer ...", "This site was designed with the ... website
builder"), which is never what the company says about itself."""

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
# A builder's advert or badge on a free plan (Wix's `WIX_ADS`, Webflow's `w-webflow-badge`,
# Tilda's `t-tildalabel`): the builder's words about itself.
_BUILDER_AD = re.compile(
    r"wix.?ads|webflow.?badge|tilda.?label|jimdo.?(?:ad|footer.?ad)|builder.?(?:ad|banner)"
    r"|powered.?by|made.?(?:in|on|with).?(?:webflow|tilda|wix|framer|carrd)",
    re.IGNORECASE,
)
# A dialog named for cookies or privacy by its label only (`role="dialog"
# aria-label="Cookie settings"`).
_CONSENT_LABEL = re.compile(r"cookie|consent|privacy|gdpr|datenschutz", re.IGNORECASE)


def remove_banners(tree: HTMLParser) -> None:
    """Take cookie and consent banners, and builders' adverts, out of `tree`."""
    for node in tree.css("[id], [class]"):
        marks = f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''}"
        if _BANNER.search(marks) or _BUILDER_AD.search(marks):
            node.decompose()
    for node in tree.css('[role="dialog"], [role="alertdialog"]'):
        if _CONSENT_LABEL.search(node.attributes.get("aria-label") or ""):
            node.decompose()
