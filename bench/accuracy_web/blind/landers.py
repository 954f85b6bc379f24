"""For-sale and parked domain pages in styles and languages the other webs do not have:
sale notices in Finnish, Hungarian, Romanian, Vietnamese, Indonesian, Danish, Norwegian,
Croatian, Slovak, Lithuanian and Persian; a buy-now price with monthly instalments, a
portfolio holding notice, a registrar's "reserved for a client" page, a script-only
parking page with no text at all, a full-window iframe onto a marketplace, and a server
redirect to a marketplace listing."""

from __future__ import annotations

import html

EXCHANGE = "www.namebazaar-exchange.com"
ADS = "cdn.parkline-ads.net"
EXCHANGE_HOSTS = (EXCHANGE, ADS)


def _page(domain: str, body: str, lang: str, head: str = "", title: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title or domain)}</title>{head}</head><body>{body}</body></html>"
    )


def _notice(domain: str, lang: str, line: str, ask: str) -> str:
    body = (
        f'<main class="sale"><h1>{domain}</h1><p>{html.escape(line)}</p>'
        f'<a class="btn" href="https://{EXCHANGE}/d/{domain}">{html.escape(ask)}</a></main>'
    )
    return _page(domain, body, lang)


# (language, sale line, button) of the written notices.
NOTICES: tuple[tuple[str, str, str], ...] = (
    (
        "fi",
        "Tämä verkkotunnus on myytävänä. Jätä ostotarjous alla olevalla lomakkeella.",
        "Tee tarjous",
    ),
    ("hu", "Ez a domain eladó! Érdeklődjön a tulajdonosnál az árról.", "Ajánlatot teszek"),
    (
        "ro",
        "Acest domeniu este de vânzare. Contactați proprietarul pentru preț.",
        "Trimite o ofertă",
    ),
    ("vi", "Tên miền này đang được rao bán. Liên hệ ngay để được báo giá.", "Mua tên miền"),
    ("id", "Domain ini dijual! Hubungi pemilik untuk negosiasi harga.", "Ajukan penawaran"),
    ("da", "Dette domæne er til salg. Giv et bud via vores formular.", "Afgiv bud"),
    ("nb", "Dette domenet er til salgs. Send oss et pristilbud.", "Gi et bud"),
    ("hr", "Ova domena je na prodaju. Pošaljite ponudu vlasniku.", "Pošalji ponudu"),
    ("sk", "Táto doména je na predaj. Kontaktujte majiteľa.", "Poslať ponuku"),
    ("lt", "Šis domenas parduodamas. Susisiekite su savininku dėl kainos.", "Siųsti pasiūlymą"),
    ("fa", "این دامنه فروشی است. برای خرید با ما تماس بگیرید.", "پیشنهاد قیمت"),
)
STYLES = len(NOTICES) + 6


def lander(style: int, domain: str) -> tuple[str, str]:
    """(markup, language) of lander `style` for `domain`; the server-redirect style (the
    last) has no markup of its own."""
    if style < len(NOTICES):
        lang, line, ask = NOTICES[style]
        return _notice(domain, lang, line, ask), lang
    d = domain
    extra: tuple[tuple[str, str], ...] = (
        (
            _page(
                d,
                f'<div class="bn"><h1>{d}</h1><div class="price">US$ 3,450</div>'
                "<p>Buy it now, or pay in 12 monthly instalments of US$ 287 with no interest."
                " Ownership is transferred after the last payment.</p>"
                f'<a href="https://{EXCHANGE}/checkout/{d}">Buy now</a></div>',
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<h2>{d}</h2><p>This name is held in the Corvane Holdings portfolio of premium "
                "domains. Serious enquiries only: brokers@corvane-holdings.com</p>",
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f"<div class=ph><h1>{d}</h1><p>This domain has been reserved on behalf of a "
                "client of Hostvale. Coming soon.</p><p>Hostvale — domains, hosting, email."
                "</p></div>",
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f'<div id="pk"></div><script src="https://{ADS}/lp.js" data-d="{d}"></script>',
                "en",
            ),
            "en",
        ),
        (
            _page(
                d,
                f'<iframe src="https://{EXCHANGE}/d/{d}" style="position:fixed;top:0;left:0;'
                'width:100%;height:100%;border:0"></iframe>',
                "en",
            ),
            "en",
        ),
        ("", "en"),
    )
    return extra[style - len(NOTICES)]


def listing_page(domain: str) -> str:
    """The marketplace's page for a name."""
    body = (
        f"<h1>{domain} is available</h1><p>Secure checkout, escrow included, transfer in "
        "24 hours. Make an offer or buy it now.</p><form><input name=offer><button>Offer"
        "</button></form>"
    )
    return _page(domain, body, "en", title=f"{domain} | NameBazaar")


def ads_script() -> str:
    return "document.getElementById('pk').innerHTML='Related searches';"
