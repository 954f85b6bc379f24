"""Unseen companies whose difficulty is their site: builder and CMS markup in nine
languages, how it is reached (redirects, pasted deep links), whether it answers (down,
gone, refused, slow) and how it is encoded."""

from __future__ import annotations

from bench.accuracy_web.model import Site
from bench.accuracy_web.unseen.brands import BRANDS, CJK_BRANDS
from bench.accuracy_web.unseen.make import Maker
from bench.accuracy_web.unseen.names import Name, label, make_name
from bench.accuracy_web.unseen.places import BY_LANG, CN, JP, KZ, PL, TR, UA, Place
from bench.accuracy_web.unseen.templates import TEMPLATES
from bench.accuracy_web.unseen.wording import SUFFIX

LANGS = ("it", "pt", "pl", "tr", "uk", "kk", "ja", "zh", "en")
# Templates a site in that language is plausibly built with.
FITS = {
    "ja": ("jp_profile", "wordpress", "wix", "nuxt"),
    "zh": ("cn_corporate", "wordpress", "shop", "joomla"),
    "uk": ("bitrix", "tilda", "wordpress", "joomla"),
    "kk": ("bitrix", "tilda", "wix", "wordpress"),
}


def new_name(m: Maker, lang: str, start: int, trade: int) -> Name:
    if lang in CJK_BRANDS:
        pool = tuple(native for native, _ in CJK_BRANDS[lang])
        native = m.fresh(pool, start)
        return make_name(lang, pool.index(native), trade)
    return make_name(lang, 0, trade, brand=m.fresh(BRANDS[lang], start))


def row_name(name: Name, lang: str, n: int) -> str:
    """How a list writes it: as the site does, with a legal form, in capitals, or (for
    Japanese and Chinese companies) by the English name the site gives beside it."""
    if lang in CJK_BRANDS:
        return name.latin if n % 2 else name.site
    if n % 4 == 1:
        return (
            f"{SUFFIX[lang]} «{name.site}»"
            if lang in ("uk", "kk")
            else f"{name.site} {SUFFIX[lang]}"
        )
    if n % 4 == 3 and lang not in ("uk", "kk"):
        return name.site.upper()
    return name.site


def host_for(name: Name, place: Place, n: int) -> str:
    lab = label(name.plain)
    return (
        f"{lab}.{place.tld}",
        f"{label(name.brand_latin)}-{place.iso.lower()}.com",
        f"{lab.replace('-', '')}.{place.tld}",
    )[n % 3]


def linked_firm(
    m: Maker, n: int, lang: str, place: Place, name: Name, host: str, city: str, kind: int
) -> tuple[str | None, str | None]:
    """(LinkedIn page, link on the site): linked (kinds 0, 1), only findable (2), none (3)."""
    if kind == 3:
        return None, None
    where = f"{place.row_city(city)}, {place.row}"
    url = m.linkedin(
        label(name.plain) + ("-" + place.iso.lower() if n % 2 else ""),
        name.latin if lang in ("ja", "zh", "uk", "kk") else name.site,
        name.industry,
        where,
        lang,
    )
    return url, url if kind < 2 else None


def presented(m: Maker, n: int, lang: str, template: str, cls: str, **site: object) -> None:
    place = BY_LANG[lang][n % len(BY_LANG[lang])]
    name = new_name(m, lang, n, n)
    host = host_for(name, place, n)
    city = m.rng.choice(place.cities)
    linkedin, link = linked_firm(m, n, lang, place, name, host, city, n % 4)
    other = name.latin if lang in CJK_BRANDS else ""
    firm = m.firm(name.site, place, host, name.does, city=city, linkedin=link, other_name=other)
    built = m.site(host, template, firm, **site)  # type: ignore[arg-type]
    if n % 3 == 0:
        m.listings(name.site, place.row_city(city))
    country = (place.row, place.iso, place.local)[n % 5] if n % 5 < 3 else place.row
    given = (host, f"https://{host}/", f"{host.upper()}/")[n % 3]
    m.label(
        cls,
        row_name(name, lang, n),
        place,
        city,
        given,
        built,
        linkedin,
        industry=name.industry,
        country=country,
        note=f"{template} in {lang}",
    )


def presentation(m: Maker) -> None:
    builders = [t for t in TEMPLATES if t not in ("jp_profile", "cn_corporate")]
    for n in range(48):
        lang = LANGS[n % len(LANGS)]
        fits = FITS.get(lang)
        template = fits[(n // len(LANGS)) % len(fits)] if fits else builders[n % len(builders)]
        presented(m, n, lang, template, template)


def redirects(m: Maker) -> None:
    """Sites reached by a redirect: bare domain to www, http to https, a language prefix,
    a renamed host; given with tracking queries and deep paths."""
    for n, lang in enumerate(("it", "pt", "pl", "tr", "ja", "en")):
        place = BY_LANG[lang][0]
        name = new_name(m, lang, n + 20, n + 1)
        lab = label(name.plain)
        apex, www = f"{lab}.{place.tld}", f"www.{lab}.{place.tld}"
        linkedin = m.linkedin(
            f"{lab}-group" if n % 2 else lab, name.latin, name.industry, place.row, lang
        )
        firm = m.firm(
            name.site,
            place,
            www,
            name.does,
            linkedin=linkedin,
            other_name=name.latin if lang == "ja" else "",
        )
        built = m.site(
            www, ("wordpress", "webflow", "joomla", "weebly", "jp_profile", "wix")[n], firm
        )
        m.web.add_site(Site(apex, redirect_to=f"https://{www}"))
        given = (
            f"http://{apex}/?fbclid=IwAR3x",
            f"{www}/pt/contactos",
            f"https://{apex}/kontakt.html",
            f"{apex}/#iletisim",
            f"https://{www}/company?ref=top",
            f"www.{lab}.{place.tld}/our-story/",
        )[n]
        m.label(
            "redirect_deep",
            name.site if lang != "ja" else name.latin,
            place,
            firm.city,
            given,
            built,
            linkedin,
            industry=name.industry,
            homepage=f"https://{www}/",
            note=f"given {given}, site on {www}",
        )


def availability(m: Maker) -> None:
    cases = (
        ("it", "down"),
        ("tr", "down"),
        ("pl", "gone"),
        ("pt", "gone"),
        ("uk", "refused"),
        ("en", "slow"),
        ("kk", "slow"),
    )
    for n, (lang, fate) in enumerate(cases):
        place = BY_LANG[lang][0]
        name = new_name(m, lang, n + 30, n + 2)
        host = f"{label(name.plain)}.{place.tld}"
        city = place.cities[n % len(place.cities)]
        linkedin = m.linkedin(
            label(name.plain) + "-official",
            name.latin,
            name.industry,
            f"{place.row_city(city)}, {place.row}",
            lang,
            website=host,
        )
        firm = m.firm(name.site, place, host, name.does, city=city, linkedin=linkedin)
        if fate == "down":
            m.site(host, "webflow", firm, status=(503, 500)[n % 2], index=False)
        elif fate == "gone":
            m.web.add_site(Site(host, dead="dns"))
        elif fate == "refused":
            m.web.add_site(Site(host, dead="refused"))
        if fate in ("down", "gone", "refused"):
            m.label(
                fate,
                name.site,
                place,
                city,
                host,
                None,
                linkedin,
                website=host,
                industry=name.industry,
                note=f"site {fate}",
            )
            continue
        built = m.site(host, ("squarespace", "tilda")[n % 2], firm, delay=(3.0, 2.2)[n % 2])
        m.label(
            "slow",
            name.site,
            place,
            city,
            f"https://{host}",
            built,
            linkedin,
            industry=name.industry,
            note="answers after 2-3 s",
        )


def encodings(m: Maker) -> None:
    cases = (
        (JP, "euc-jp", False, "jp_profile"),
        (CN, "gbk", True, "cn_corporate"),
        (PL, "windows-1250", False, "joomla"),
        (TR, "windows-1254", True, "weebly"),
        (UA, "windows-1251", True, "bitrix"),
        (KZ, "utf-8", False, "bitrix"),
    )
    for n, (place, encoding, in_header, template) in enumerate(cases):
        name = new_name(m, place.lang, n + 40, n + 3)
        host = f"{label(name.plain)}.{place.tld}"
        linkedin = m.linkedin(
            label(name.plain) + "-ltd", name.latin, name.industry, place.row, place.lang
        )
        other = name.latin if place.lang in CJK_BRANDS else ""
        firm = m.firm(
            name.site,
            place,
            host,
            name.does,
            linkedin=linkedin,
            other_name=other,
            charset="" if encoding == "utf-8" and in_header else encoding,
        )
        built = m.site(host, template, firm, encoding=encoding, in_header=in_header)
        m.label(
            "legacy_encoding",
            name.site,
            place,
            firm.city,
            host,
            built,
            linkedin,
            industry=name.industry,
            note=f"{encoding}, charset {'in header' if in_header else 'in page'}",
        )
