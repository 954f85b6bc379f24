"""For-sale, parked and expired domain pages in styles and languages the other webs do not
have: sale notices in Vietnamese, Turkish, Polish, Brazilian Portuguese, Indonesian,
Filipino, Ukrainian, Kazakh, Arabic, Hebrew, Persian, Bengali, Sinhala, Tamil, Burmese, Lao
and Mongolian; a lease-to-own checkout, a registrar's "coming soon" page, a page of related
searches, a page that is only an iframe of a marketplace, and a price tag with escrow."""

from __future__ import annotations

import html

MARKET = "www.namepoint-exchange.com"
BROKER = "buy.domainharbor.net"
MARKET_HOSTS = (MARKET, BROKER)


def _page(domain: str, body: str, lang: str, head: str = "", title: str = "") -> str:
    rtl = ' dir="rtl"' if lang in ("ar", "he", "fa") else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"{rtl}><head><meta charset="utf-8">'
        f"<title>{html.escape(title or domain)}</title>{head}</head><body>{body}</body></html>"
    )


def _notice(domain: str, lang: str, line: str, ask: str) -> str:
    body = (
        f'<main class="sale"><h1>{domain}</h1><p class="lead">{html.escape(line)}</p>'
        f'<a class="cta" href="https://{MARKET}/buy/{domain}">{html.escape(ask)}</a>'
        f'<p class="fine">{MARKET}</p></main>'
    )
    return _page(domain, body, lang)


# (language, sale line, button) of the written notices.
NOTICES: tuple[tuple[str, str, str], ...] = (
    ("vi", "Tên miền này đang được rao bán. Liên hệ ngay để sở hữu.", "Mua ngay"),
    ("tr", "Bu alan adı satılıktır. Teklifinizi hemen iletin.", "Teklif ver"),
    ("pl", "Ta domena jest na sprzedaż. Złóż ofertę już dziś.", "Złóż ofertę"),
    ("pt-BR", "Este domínio está à venda! Faça sua proposta.", "Comprar agora"),
    ("id", "Nama domain ini dijual. Ajukan penawaran Anda.", "Ajukan penawaran"),
    ("tl", "Ang domain na ito ay ibinebenta. Magpadala ng alok.", "Mag-alok"),
    ("uk", "Цей домен продається. Надішліть свою пропозицію.", "Зробити пропозицію"),
    ("kk", "Бұл домен сатылады. Ұсынысыңызды жіберіңіз.", "Ұсыныс жіберу"),
    ("ar", "هذا النطاق معروض للبيع. قدّم عرضك الآن.", "قدّم عرضاً"),
    ("he", "הדומיין הזה עומד למכירה. שלחו הצעה עוד היום.", "שליחת הצעה"),
    ("fa", "این دامنه فروشی است. پیشنهاد خود را ارسال کنید.", "ارسال پیشنهاد"),
    ("bn", "এই ডোমেইনটি বিক্রির জন্য উপলব্ধ। আপনার প্রস্তাব পাঠান।", "প্রস্তাব দিন"),
    ("si", "මෙම වසම විකිණීමට ඇත. ඔබේ මිල ගණන් යොමු කරන්න.", "ඉල්ලීමක් යවන්න"),
    ("ta", "இந்த டொமைன் விற்பனைக்கு உள்ளது. உங்கள் விலையை அனுப்புங்கள்.", "சலுகை அனுப்பு"),
    ("my", "ဤဒိုမိန်းကို ရောင်းရန်ရှိသည်။ သင့်ဈေးနှုန်းကို ပေးပို့ပါ။", "ဈေးကမ်းလှမ်းရန်"),
    ("lo", "ໂດເມນນີ້ມີໄວ້ຂາຍ. ສົ່ງຂໍ້ສະເໜີຂອງທ່ານ.", "ສົ່ງຂໍ້ສະເໜີ"),
    ("mn", "Энэ домэйн худалдаанд гарсан. Саналаа илгээнэ үү.", "Санал илгээх"),
)
STYLES = len(NOTICES) + 5


def lander(style: int, domain: str) -> tuple[str, str]:
    """(markup, language) of lander `style` for `domain`."""
    if style < len(NOTICES):
        lang, line, ask = NOTICES[style]
        return _notice(domain, lang, line, ask), lang
    d = domain
    extra = (
        _page(
            d,
            f'<div class="checkout"><h1>Get {d}</h1><p>Buy now for USD 2,495 or pay USD 208 '
            "a month with lease to own, 0% interest. Secure ownership transfer.</p>"
            f'<a href="https://{BROKER}/checkout/{d}">Continue</a></div>',
            "en",
        ),
        _page(
            d,
            f"<div class=cs><h1>{d}</h1><p>Coming soon! This domain was recently registered at "
            "Harbor Names. Is this your domain? Sign in to build your website.</p></div>",
            "en",
        ),
        _page(
            d,
            f'<div class=rs><h1>{d}</h1><h3>Related searches</h3><ul><li><a href="/?q=1">'
            'Freight Forwarding</a></li><li><a href="/?q=2">Cheap Flights</a></li><li><a '
            'href="/?q=3">Business Loans</a></li></ul><p class="disclaimer">This page is '
            "provided courtesy of the domain owner. Privacy policy.</p></div>",
            "en",
        ),
        _page(
            d,
            f'<iframe src="https://{MARKET}/frame/{d}" style="border:0;width:100%;height:100%">'
            "</iframe>",
            "en",
        ),
        _page(
            d,
            f'<div class="tag"><h1>{d}</h1><p class="price">€1,850</p><p>Secure payment via '
            "escrow · transfer within 24 hours · 30-day money-back guarantee</p>"
            f'<a href="https://{BROKER}/{d}">Buy this name</a></div>',
            "en",
        ),
    )
    return extra[style - len(NOTICES)], "en"


def listing_page(domain: str) -> str:
    """The marketplace's page for a name."""
    body = (
        f"<h1>{domain}</h1><p>This premium name is available now. Instant checkout, "
        "payment plans, free transfer assistance.</p><a href=/checkout>Buy</a>"
    )
    return _page(domain, body, "en", title=f"{domain} is available | NamePoint Exchange")
