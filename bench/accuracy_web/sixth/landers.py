"""For-sale, parked and expired domain pages in styles and languages the other webs do not
have: sale notices in Spanish, Czech, Estonian, Latvian, Slovene, Albanian, Malay, Swahili,
Azerbaijani, Uzbek, Greek, Serbian, Amharic and Khmer; a monthly lease offer, a registrar's
expired-name notice with a renewal grace period, a meta refresh to a marketplace, a script
that replaces the location, a picture whose only words are in its alt text, and an auction
countdown."""

from __future__ import annotations

import html

MARKET = "www.domainvault-market.com"
AUCTION = "auctions.namepulse.io"
MARKET_HOSTS = (MARKET, AUCTION)


def _page(domain: str, body: str, lang: str, head: str = "", title: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title or domain)}</title>{head}</head><body>{body}</body></html>"
    )


def _notice(domain: str, lang: str, line: str, ask: str) -> str:
    body = (
        f'<div class="lander"><div class="dn">{domain}</div><h2>{html.escape(line)}</h2>'
        f'<form action="https://{MARKET}/offer" method="post"><input type="hidden" name="d" '
        f'value="{domain}"><input name="price" placeholder="USD"><button>{html.escape(ask)}'
        "</button></form></div>"
    )
    return _page(domain, body, lang)


# (language, sale line, button) of the written notices.
NOTICES: tuple[tuple[str, str, str], ...] = (
    ("es", "¡Este dominio está en venta! Haga su oferta hoy mismo.", "Ofertar"),
    ("cs", "Tato doména je na prodej. Máte zájem? Napište nám nabídku.", "Odeslat nabídku"),
    ("et", "See domeen on müügil. Tee pakkumine omanikule.", "Tee pakkumine"),
    ("lv", "Šis domēns ir pārdošanā. Iesniedziet savu piedāvājumu.", "Piedāvāt cenu"),
    ("sl", "Ta domena je naprodaj. Pošljite svojo ponudbo.", "Pošlji ponudbo"),
    ("sq", "Ky domain është në shitje. Na kontaktoni për çmimin.", "Bëj ofertë"),
    ("ms", "Domain ini untuk dijual. Hantar tawaran anda sekarang.", "Buat tawaran"),
    ("sw", "Kikoa hiki kinauzwa. Tuma ofa yako leo.", "Tuma ofa"),
    ("az", "Bu domen satılır. Qiymət təklifinizi göndərin.", "Təklif göndər"),
    ("uz", "Ushbu domen sotuvda. Narx taklifingizni yuboring.", "Taklif yuborish"),
    ("el", "Αυτό το domain πωλείται. Κάντε την προσφορά σας.", "Υποβολή προσφοράς"),
    ("sr", "Овај домен је на продају. Пошаљите понуду власнику.", "Пошаљи понуду"),
    ("am", "ይህ የድር ስም ለሽያጭ ቀርቧል። ዋጋዎን ያቅርቡ።", "ዋጋ ያቅርቡ"),
    ("km", "ដែននេះកំពុងលក់។ សូមផ្ញើការផ្តល់ជូនរបស់អ្នក។", "ផ្ញើការផ្តល់ជូន"),
)
STYLES = len(NOTICES) + 6


def lander(style: int, domain: str) -> tuple[str, str]:
    """(markup, language) of lander `style` for `domain`."""
    if style < len(NOTICES):
        lang, line, ask = NOTICES[style]
        return _notice(domain, lang, line, ask), lang
    d = domain
    extra: tuple[tuple[str, str], ...] = (
        (
            _page(
                d,
                f"<section><h1>{d}</h1><p>Lease this name from US$ 79 per month, with the "
                "option to buy it at any time. First month free.</p><a href="
                f'"https://{MARKET}/lease/{d}">Start leasing</a></section>',
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<div class=notice><h1>{d}</h1><p>This domain name expired on 2026-11-02 and "
                "is in its renewal grace period. If you are the registrant, log in to renew it "
                "before it is released.</p><p>Registered through Tallnet Registrar.</p></div>",
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                "<p>Loading…</p>",
                "en",
                head=f'<meta http-equiv="refresh" content="0;url=https://{MARKET}/d/{d}">',
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<script>window.location.replace('https://{MARKET}/d/'+location.hostname)"
                "</script>",
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f'<a href="https://{MARKET}/d/{d}"><img src="https://{MARKET}/banner.png" '
                f'alt="{d} — premium domain for sale, make an offer"></a>',
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f'<div class="auction"><h1>{d}</h1><p>Auction ends in <span data-t="86400">'
                "23:59:59</span></p><p>Current bid: US$ 1,150 · 7 bidders</p><a href="
                f'"https://{AUCTION}/{d}">Place a bid</a></div>',
                "en",
            ),
            "en",
        ),
    )
    return extra[style - len(NOTICES)]


def listing_page(domain: str) -> str:
    """The marketplace's page for a name."""
    body = (
        f"<h1>{domain}</h1><p>Buy this domain with secure escrow. Fast transfer, "
        "instalment plans available.</p><form><input name=bid><button>Bid</button></form>"
    )
    return _page(domain, body, "en", title=f"{domain} for sale | DomainVault")
