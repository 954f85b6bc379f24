"""For-sale, parked and expired domain pages in styles the other webs do not have: offer
forms, lease-to-own, sponsored-link parking, meta-refresh and script redirects to a
marketplace, a frameset, registrar placeholders, and sale notices in the web's languages."""

from __future__ import annotations

import html

MARKET = "www.domainmarket-hub.com"
PARKING = "park.nameservice-parking.net"
MARKET_HOSTS = (MARKET, PARKING)


def _page(domain: str, body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{domain}</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


def _offer(domain: str, line: str, button: str, lang: str) -> str:
    body = (
        f'<div class="wrap"><h1>{domain}</h1><p>{html.escape(line)}</p>'
        f'<form action="https://{MARKET}/offer" method="post"><input name="amount">'
        f"<button>{html.escape(button)}</button></form></div>"
    )
    return _page(domain, body, lang=lang)


def lander(style: int, domain: str) -> tuple[str, str]:
    """(markup, language) of lander `style` for `domain`."""
    d = domain
    styles: tuple[tuple[str, str], ...] = (
        (
            _offer(
                d,
                f"Interested in {d}? The owner is taking offers for this name.",
                "Submit your bid",
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<h2>{d}</h2><ul><li><a href=/r?q=1>Cheap Flights</a></li><li><a href=/r?q=2>"
                "Car Insurance Quotes</a></li><li><a href=/r?q=3>Online Degrees</a></li></ul>"
                "<small>Sponsored listings are shown by a third party. The owner of this name "
                "has no relation to the advertisers.</small>",
            ),
            "en",
        ),
        (
            _page(
                d,
                "<p>Redirecting…</p>",
                f'<meta http-equiv="refresh" content="0;url=https://{MARKET}/listing/{d}">',
            ),
            "en",
        ),
        (
            _page(
                d,
                f'<script>window.location.replace("https://{MARKET}/listing/{d}?src=landing");</script>',
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<h1>{d}</h1><p>This name was registered through Nameharbor. The owner has not "
                "built a website here yet.</p><p>Get your own name from $0.99 — hosting, email "
                "and an SSL certificate included.</p>",
            ),
            "en",
        ),
        (
            _offer(
                d,
                "Dit domein is te koop. Neem contact op met de eigenaar voor een prijsopgave.",
                "Bod uitbrengen",
                "nl",
            ),
            "nl",
        ),
        (
            _offer(
                d, f"Domänen {d} är till salu! Lämna ett bud så återkommer vi.", "Lämna bud", "sv"
            ),
            "sv",
        ),
        (
            _offer(
                d,
                "Tato doména je na prodej. Máte zájem? Pošlete nám svou nabídku.",
                "Odeslat nabídku",
                "cs",
            ),
            "cs",
        ),
        (_offer(d, f"Το όνομα τομέα {d} διατίθεται προς πώληση.", "Κάντε προσφορά", "el"), "el"),
        (_offer(d, f"¿Te interesa este dominio? {d} está en venta.", "Haz tu oferta", "es"), "es"),
        (
            _offer(d, f"הדומיין {d} עומד למכירה. השאירו הצעה ונחזור אליכם.", "שליחת הצעה", "he"),
            "he",
        ),
        (_offer(d, f"اسم النطاق {d} معروض للبيع. قدّم عرضك الآن.", "أرسل عرضك", "ar"), "ar"),
        (
            f'<html><head><title>{d}</title></head><frameset rows="100%"><frame '
            f'src="https://{PARKING}/?d={d}"></frameset></html>',
            "en",
        ),
        (
            _page(
                d,
                f"<h1>Lease {d} from $99/month</h1><p>Own it outright after 24 payments. "
                "Secure checkout and instant transfer of the name.</p>"
                "<a href=/checkout>Start now</a>",
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<h1>{d}</h1><p>This name expired on 2026-10-03 and is in its renewal grace "
                "period. If you are the registrant, renew it now to restore your services.</p>",
            ),
            "en",
        ),
        (
            _offer(
                d, f"Домейнът {d} се продава. Свържете се с нас за цена.", "Изпрати оферта", "bg"
            ),
            "bg",
        ),
        (_offer(d, f"โดเมน {d} พร้อมขาย ติดต่อเจ้าของเพื่อเสนอราคา", "เสนอราคา", "th"), "th"),
        (
            _offer(
                d,
                f"Sie möchten {d} erwerben? Senden Sie uns Ihren Preisvorschlag.",
                "Preis vorschlagen",
                "de",
            ),
            "de",
        ),
    )
    return styles[style]


LANDER_STYLES = 18


def market_page(domain: str) -> str:
    return _page(
        domain,
        f"<h1>{domain}</h1><p>Buy it now for US$ 2,350 or make an offer. Transfer in 24 hours, "
        "escrow included.</p>",
    )


def parking_page() -> str:
    return _page(
        "Related searches",
        "<ul><li>Business Loans</li><li>Web Hosting</li><li>Cloud Storage</li></ul>"
        "<small>Ads by a third party.</small>",
    )
