"""Sites that talk about companies but are nobody's own website."""

from __future__ import annotations

from urllib.parse import urlsplit

from shared.company_keys import registered_domain

AGGREGATOR_DOMAINS = frozenset(
    {
        "linkedin.com", "wikipedia.org", "wikidata.org", "crunchbase.com", "facebook.com",
        "twitter.com", "x.com", "instagram.com", "youtube.com", "tiktok.com", "bloomberg.com",
        "zoominfo.com", "glassdoor.com", "indeed.com", "yelp.com", "pitchbook.com", "dnb.com",
        "owler.com", "craft.co", "apollo.io", "rocketreach.co", "tracxn.com", "cbinsights.com",
        "reddit.com", "medium.com", "github.com", "bbb.org", "yellowpages.com", "reuters.com",
        "forbes.com", "businesswire.com", "prnewswire.com", "opencorporates.com", "vk.com",
        "rusprofile.ru", "list-org.com", "glassdoor.co.uk", "trustpilot.com", "g2.com",
        "capterra.com", "mapquest.com", "yahoo.com", "google.com", "bing.com", "duckduckgo.com",
    }
)  # fmt: skip
AGGREGATOR_HOSTS = frozenset({"apps.apple.com", "play.google.com", "maps.apple.com"})


def is_aggregator(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in AGGREGATOR_HOSTS or registered_domain(url) in AGGREGATOR_DOMAINS
