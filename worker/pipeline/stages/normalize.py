"""Stage 1 (normalize), per row: the website as the user typed it becomes a URL to fetch.

Names, registered domains and duplicates are settled once per session when it is planned
(`worker/dedupe.py`, with the keys from `shared/company_keys.py`).
"""

from __future__ import annotations

import re

from shared.company_keys import clean_text

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def website_url(website: str | None) -> str | None:
    """A fetchable URL for a website as users type it (`adidas.com` -> `https://adidas.com`)."""
    if not website:
        return None
    text = clean_text(website)
    if not text:
        return None
    if text.startswith("//"):
        text = text[2:]
    return text if _SCHEME.match(text) else f"https://{text}"
