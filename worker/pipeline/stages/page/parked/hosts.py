"""Where domains are sold and parked: marketplaces, parking services, registrar landers."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# Marketplaces, brokers, parking services and registrars whose landers show a domain's
# sale or parking page. A link to one of them is common on ordinary sites ("hosted at
# ..."); what counts is landing there, or a link that names the page's own domain.
MARKETPLACES = frozenset(
    {
        "sedo.com",
        "sedoparking.com",
        "dan.com",
        "afternic.com",
        "hugedomains.com",
        "buydomains.com",
        "atom.com",
        "squadhelp.com",
        "brandbucket.com",
        "undeveloped.com",
        "efty.com",
        "domainmarket.com",
        "uniregistry.com",
        "domainnamesales.com",
        "flippa.com",
        "perfectdomain.com",
        "domainagents.com",
        "bodis.com",
        "parkingcrew.net",
        "above.com",
        "parklogic.com",
        "domainsponsor.com",
        "smartname.com",
        "fabulous.com",
        "godaddy.com",
        "namecheap.com",
        "porkbun.com",
        "dynadot.com",
        "epik.com",
        "sav.com",
        "namesilo.com",
        "namebright.com",
        "onamae.com",
        "gname.com",
        "juming.com",
        "ename.com",
        "reg.ru",
    }
)
# Hosts whose scripts only parking pages load.
PARKING_SCRIPT_HOSTS = frozenset(
    {"parkingcrew.net", "bodis.com", "sedoparking.com", "above.com", "parklogic.com"}
)
# Addresses of parking landers on the parked domain itself. Kept narrow: a car park's
# `/parking` page or an estate agent's `/listing` is no lander.
_LANDER_PATH = re.compile(
    r"/lander\b|/parked\b|/parking-?page|[?&]domain=|/for-?sale\b|/buy-?(?:this-?)?domain",
    re.IGNORECASE,
)
# Pages of a marketplace that sell a name (as opposed to its home, help or sign-in pages).
_LISTING_PATH = re.compile(
    r"domain|buy|offer|detail|for-?sale|listing|lander|lease|inquir|/names?/|/lot/|[?&]d="
    r"|verkauf|kaufen|vente|acheter|venta|comprar|vendita|acquista|venda|koop|salu|salg"
    r"|prodej|predaj|sprzedaz|satilik|prodaj|prodazh|auction|auktion|bid\b",
    re.IGNORECASE,
)
# A broker's or parking service's own name says what it does: "domainmarket-hub.com",
# "park.nameservice-parking.net". Read on the registered domain, never on the path.
_SELLS_DOMAINS = re.compile(
    r"domain|parking|parked|forsale|for-sale|namebroker|brokerage|aftermarket|auction"
)
_BODIS_HOST = re.compile(r"^ww\d+\.", re.IGNORECASE)


def _host_pattern(listed: frozenset[str]) -> re.Pattern[str]:
    # One anchored match per address rather than the public-suffix parser: pages carry
    # many links. The host is the listed name or a subdomain of it.
    names = "|".join(re.escape(name) for name in sorted(listed, key=len, reverse=True))
    scheme, user, subdomain = r"(?:[a-z][a-z0-9+.-]*:)?//", r"(?:[^/?#@]*@)?", r"(?:[^/?#:]*\.)?"
    return re.compile(rf"{scheme}{user}{subdomain}({names})\.?(?:[:/?#]|$)")


_MARKETPLACE_URL = _host_pattern(MARKETPLACES)
_PARKING_SCRIPT_URL = _host_pattern(PARKING_SCRIPT_HOSTS)


def marketplace(url: str) -> str | None:
    """The marketplace or parking service an address belongs to, if any."""
    found = _MARKETPLACE_URL.match(url.lower())
    return found.group(1) if found else None


def parking_script_host(url: str) -> str | None:
    """The parking service a script is loaded from, if any."""
    found = _PARKING_SCRIPT_URL.match(url.lower())
    return found.group(1) if found else None


def brand(domain: str | None) -> str:
    return (domain or "").split(".", 1)[0]


def names_domain(url: str, names: tuple[str, ...]) -> bool:
    """Whether an address mentions the domain (in its path or query), as a listing does."""
    parts = urlsplit(url)
    where = unquote(f"{parts.path}?{parts.query}").lower()
    return any(name in where for name in names)


def looks_like_listing(url: str) -> bool:
    """A marketplace address that sells a name: a listing, checkout or offer page."""
    parts = urlsplit(url)
    return bool(_LISTING_PATH.search(f"{parts.path}?{parts.query}"))


def sells_domains(host: str) -> bool:
    """Whether a registered domain's own name says it sells or parks domains."""
    return bool(_SELLS_DOMAINS.search(host.lower()))


def looks_like_lander(url: str) -> bool:
    """A parking lander's address: `/lander`, `?domain=...`, a `ww1.` host and the like."""
    parts = urlsplit(url)
    return bool(_LANDER_PATH.search(f"{parts.path}?{parts.query}")) or bool(
        _BODIS_HOST.match(parts.hostname or "")
    )
