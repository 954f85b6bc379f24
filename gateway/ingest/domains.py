"""Registered domains of websites, for the duplicate count in the upload summary."""

from __future__ import annotations

import tldextract

# The suffix list bundled with tldextract: never fetched over the network.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(website: str | None) -> str | None:
    if not website:
        return None
    extracted = _EXTRACT(website.strip().lower())
    if extracted.domain and extracted.suffix:
        return f"{extracted.domain}.{extracted.suffix}"
    return None
