"""Parked and for-sale domains: alive, but not anybody's company website."""

from __future__ import annotations

import re

from shared.company_keys import registered_domain

_PARKING_HOSTS = {
    "sedo.com",
    "sedoparking.com",
    "dan.com",
    "afternic.com",
    "hugedomains.com",
    "parkingcrew.net",
    "bodis.com",
    "above.com",
    "godaddy.com",
    "undeveloped.com",
    "parklogic.com",
}
_PARKING_TEXT = re.compile(
    r"(this domain (name )?(is|may be) for sale|buy this domain|domain is parked|"
    r"parked free|parked domain|domain for sale|inquire about this domain|"
    r"this domain has been registered|домен продается|домен припаркован)",
    re.IGNORECASE,
)


def parking_reason(url: str, text: str) -> str | None:
    domain = registered_domain(url)
    if domain in _PARKING_HOSTS:
        return f"redirects to a domain marketplace ({domain})"
    match = _PARKING_TEXT.search(text[:20_000])
    if match:
        return f"parked domain page ('{match.group(0)}')"
    return None
