"""Parked and for-sale landers in styles the development web does not have: brokers and
registrars it does not know, other wordings in five languages, expiry notices, hosting
placeholders, JavaScript hand-offs to a sales page with the domain in the query."""

from __future__ import annotations

import html

# Broker hosts the held-out landers hand visitors to (the web serves a page on each).
BROKERS = ("domainagents.com", "efty.com", "spaceship.com", "sav.com", "brandpa.com")


def _page(title: str, body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>'
        f"{html.escape(title)}</title>{head}</head><body>{body}</body></html>"
    )


def lander(style: int, domain: str) -> str:
    d = html.escape(domain)
    styles = (
        # A broker's card: price, buy-now and offer buttons.
        lambda: _page(
            d,
            f'<div class="card"><h1>{d}</h1><p class="price">USD 2,499</p>'
            '<a class="btn" href="https://efty.com/checkout">Buy now</a> '
            '<a class="btn" href="#offer">Submit a bid</a>'
            "<p>Secure checkout · Free ownership transfer</p></div>",
        ),
        # German: the domain may be bought.
        lambda: _page(
            f"{d} kaufen",
            f"<h1>Diese Domain kaufen</h1><p>Die Domain {d} steht zum Verkauf. "
            "Nehmen Sie jetzt Kontakt mit dem Inhaber auf und unterbreiten Sie Ihr Angebot.</p>"
            '<form><input name="angebot" placeholder="Ihr Preisvorschlag in EUR"></form>',
            lang="de",
        ),
        # French.
        lambda: _page(
            f"{d} est à vendre",
            f"<h2>Ce nom de domaine est à vendre !</h2><p>Vous souhaitez acquérir {d} ? "
            "Faites une offre au propriétaire, réponse sous 48 h.</p>",
            lang="fr",
        ),
        # Spanish.
        lambda: _page(
            d,
            f"<h1>{d}</h1><p>¡Este dominio está en venta! Contacte con nosotros para "
            "comprar este dominio al mejor precio.</p>",
            lang="es",
        ),
        # Russian.
        lambda: _page(
            f"Домен {d} продаётся",
            f"<h1>Домен {d} продаётся</h1><p>Вы можете купить этот домен. Отправьте своё "
            "предложение владельцу через форму ниже.</p><form><input name=price></form>",
            lang="ru",
        ),
        # A registrar's expiry notice.
        lambda: _page(
            "Domain expired",
            f"<h1>{d} has expired</h1><p>This domain name expired on 2026-09-14 and is "
            "pending renewal or deletion. If you are the registrant, log in to your account "
            "to renew it.</p>",
        ),
        # A hosting company's placeholder for a domain nobody set up.
        lambda: _page(
            "Welcome to nginx!",
            "<h1>Website coming soon</h1><p>This domain has been registered with HostPoint. "
            "The owner has not uploaded a website yet.</p><p>Register your own domain "
            "today from 0.99/yr.</p>",
        ),
        # A script that hands the visitor to a broker's sales page, naming the domain.
        lambda: _page(
            "Loading...",
            "<script>window.location.href='https://domainagents.com/buy?domain="
            f"{d}&src=lander';</script><p>Redirecting…</p>",
        ),
        # A meta refresh to a broker.
        lambda: _page(
            d,
            "<p>Redirecting to our sales page…</p>",
            f'<meta http-equiv="refresh" content="0;url=https://sav.com/domain/{d}">',
        ),
        # Pay-per-click listings with a sale banner.
        lambda: _page(
            d,
            f'<div class="banner">The owner of {d} is offering it for sale for an asking price '
            'of 1,850 EUR.</div><div class="ads"><h3>Sponsored Links</h3><ul>'
            '<li><a href="/?q=insurance">Insurance quotes</a></li>'
            '<li><a href="/?q=loans">Business loans</a></li>'
            '<li><a href="/?q=hosting">Web hosting</a></li></ul></div>',
        ),
        # A "this domain may be for sale" inquiry form.
        lambda: _page(
            f"Inquire about {d}",
            f"<h1>Interested in {d}?</h1><p>This premium domain name may be available for "
            "purchase. Fill in the form and a broker will get back to you.</p>"
            '<form><input name="name"><input name="email"><input name="offer"></form>',
        ),
        # An almost empty page in a frame from a broker.
        lambda: _page(
            d,
            f'<iframe src="https://brandpa.com/names/{d}" width="100%" height="100%"></iframe>',
        ),
    )
    return styles[style % len(styles)]()


LANDER_STYLES = 12


def broker_page(host: str) -> str:
    return _page(
        f"{host} - buy and sell domain names",
        f"<h1>{html.escape(host)}</h1><p>The marketplace for premium domain names. Buy, sell "
        "and lease domains with escrow.</p>",
    )
