"""Parked and for-sale landers in the styles of the main marketplaces, parking services and
registrars, in several languages: alive, and nobody's company website."""

from __future__ import annotations

import html

# Marketplace hosts a lander may send the visitor to; the web serves a listing on each.
MARKETPLACES = ("dan.com", "sedo.com", "afternic.com", "hugedomains.com", "atom.com")


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


def _ppc(domain: str, topic: str) -> str:
    links = "".join(
        f'<li><a href="/search?q={t.replace(" ", "+")}">{html.escape(t)}</a></li>'
        for t in (f"{topic} services", f"Cheap {topic}", f"{topic} near me", "Best deals")
    )
    return f"<h2>Related searches</h2><ul>{links}</ul>"


def _described(markup: str, text: str) -> str:
    """Marketplace landers carry a meta description of the sale, which snippets show."""
    meta = f'<meta name="description" content="{html.escape(text)}">'
    return markup.replace("</head>", meta + "</head>", 1)


def lander(style: int, domain: str, topic: str) -> tuple[str, str | None]:
    """(markup, meta-refresh or script target) of lander `style` for `domain`."""
    sale = {
        0: f"{domain} is available at a great price. Secure your domain name today with a "
        "trusted transfer service and buyer protection.",
        1: f"Get {domain} for your business. Affordable payment plans, lease to own, and "
        "transfer within 24 hours.",
        2: f"{domain} - the best resources about {topic} and related services, hand-picked.",
        4: f"The owner of {domain} is accepting offers. Submit yours and negotiate directly.",
        7: f"{domain} est disponible. Achetez ce nom de domaine premium en toute sécurité.",
    }
    styles = [
        (  # marketplace "buy now" page
            _page(
                domain,
                f"<h1>{domain}</h1><p>Buy now for $2,499 or make an offer.</p>"
                "<p>Secure checkout · Fast transfer · Buyer protection</p>",
            ),
            None,
        ),
        (  # sale with financing
            _page(
                f"{domain} is available for purchase",
                f"<h1>Own {domain} today!</h1><p>Price: $3,295</p><p>Lease to own from "
                "$137/month. Payment plans available.</p><button>Buy Now</button>",
            ),
            None,
        ),
        (  # parking service with pay-per-click links
            _page(
                domain,
                f"<p>{domain}</p>{_ppc(domain, topic)}"
                "<p>The domain owner may offer this domain for sale. Privacy Policy</p>",
            ),
            None,
        ),
        (  # registrar placeholder
            _page(
                domain,
                f"<h1>{domain}</h1><p>This domain is registered and parked free, courtesy "
                "of our registrar. Get your own domain name today.</p>",
            ),
            None,
        ),
        (  # make an offer
            _page(
                f"{domain} - make an offer",
                f"<h2>The domain name {domain} is listed for sale by its owner.</h2>"
                "<form><input name=offer placeholder='Your offer (USD)'><button>Submit "
                "offer</button></form>",
            ),
            None,
        ),
        (  # German
            _page(
                domain,
                f"<h1>Diese Domain steht zum Verkauf!</h1><p>{domain} kann jetzt erworben "
                "werden. Preis auf Anfrage.</p>",
            ),
            None,
        ),
        (  # Spanish
            _page(
                domain,
                f"<h1>¡Este dominio está en venta!</h1><p>Compre {domain} hoy mismo.</p>",
            ),
            None,
        ),
        (  # French
            _page(
                domain,
                f"<h1>Ce nom de domaine est à vendre</h1><p>{domain} — faites une offre.</p>",
            ),
            None,
        ),
        (  # Russian
            _page(
                domain,
                f"<h1>Домен {domain} продаётся</h1><p>Купить домен можно прямо сейчас. "
                "Безопасная сделка.</p>",
            ),
            None,
        ),
        (  # JavaScript redirect to a marketplace listing, nothing else on the page
            _page(
                domain,
                f'<script>window.location.href="https://sedo.com/search/details/?domain={domain}";'
                "</script>",
            ),
            f"https://sedo.com/search/details/?domain={domain}",
        ),
        (  # meta refresh to a marketplace
            _page(
                domain,
                "<p>Redirecting…</p>",
                head=f'<meta http-equiv="refresh" content="0;url=https://dan.com/buy-domain/'
                f'{domain}">',
            ),
            f"https://dan.com/buy-domain/{domain}",
        ),
        (  # coming-soon page left by a hosting panel, with the inquiry form
            _page(
                f"{domain} — coming soon",
                f"<h1>{domain}</h1><p>Interested in this domain? Contact the owner.</p>"
                "<p>Hosted by a web hosting provider.</p>",
            ),
            None,
        ),
    ]
    markup, target = styles[style % len(styles)]
    if style % len(styles) in sale:
        markup = _described(markup, sale[style % len(styles)])
    return markup, target


def marketplace_listing(host: str) -> str:
    return _page(
        f"Domain for sale | {host}",
        "<h1>Domains for sale</h1><p>Find your perfect domain name. Buy, sell and lease "
        "premium domains with escrow protection.</p>",
    )


LANDER_STYLES = 12
