"""Companies whose difficulty is their site: where the description is, redirects, deep
links, slow, down or dead sites, and pages in legacy encodings."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.builder import Builder, slugify
from bench.accuracy_web.model import Company, Doc, Site
from bench.accuracy_web.vocab import (
    ACCENTED,
    COUNTRIES,
    CYRILLIC_BRANDS,
    CYRILLIC_TRADES,
    JAPANESE_BRANDS,
)

RUSSIA = next(c for c in COUNTRIES if c.iso == "RU")
JAPAN = next(c for c in COUNTRIES if c.iso == "JP")
CITY_RU = {"Kazan": "Казань", "Samara": "Самара", "Tomsk": "Томск", "Perm": "Пермь"}
CITY_JP = {"Osaka": "大阪", "Nagoya": "名古屋", "Sendai": "仙台", "Kobe": "神戸"}


def standard(
    b: Builder,
    cls: str,
    style: str,
    *,
    www: bool = False,
    linked: bool = True,
    given_path: str = "",
    given: str = "",
    note: str = "",
    **site_options: object,
) -> Company:
    """A company with its own site in `style`, a LinkedIn page (linked from the site unless
    `linked` is false or the style cannot show links) and directory listings."""
    industry, country = b.industry(), b.country()
    name, city = b.name(industry), b.rng.choice(country.cities)
    domain = b.domain(name, country)
    host = f"www.{domain}" if www else domain
    linkedin = b.linkedin(name, slugify(name), industry, city, country.name, domain)
    info = b.info(name, industry, city, country, host)
    if linked and style != "spa":
        info = replace(info, linkedin=linkedin)
    if given_path:
        info = replace(info, about_path=given_path)
    if style == "spa":
        info = replace(info, spa_meta=b.rng.random() < 0.5)
    built = b.site(host, style, info, **site_options)  # type: ignore[arg-type]
    if www and given != "www":  # the bare name sends visitors to www, as most sites do
        b.redirect(domain, f"https://{host}")
    b.listings(name, city, country.name)
    if given == "www":  # the user wrote the www name of a site that lives on the apex
        given = f"www.{domain}"
    given = given or (f"https://{host}{given_path}" if given_path else domain)
    return b.add(cls, name, country.name, city, given, built, linkedin, note=note)


def presentation(b: Builder) -> None:
    for style, count in (
        ("jsonld", 20),
        ("opengraph", 20),
        ("meta", 15),
        ("about_only", 15),
        ("plain", 10),
        ("spa", 10),
    ):
        for _ in range(count):
            standard(b, style, style, www=b.rng.random() < 0.4)


def redirects(b: Builder) -> None:
    for n in range(10):
        to_www = n % 2 == 0
        style = b.rng.choice(("jsonld", "opengraph", "meta"))
        company = standard(b, "apex_www", style, www=to_www, given="" if to_www else "www")
        if not to_www:
            b.redirect(f"www.{company.website}", f"https://{company.website}")
    for n in range(10):
        path = ("/about", "/about-us", "/en/company", "/company/who-we-are")[n % 4]
        standard(
            b,
            "deep_link",
            b.rng.choice(("jsonld", "opengraph", "meta")),
            given_path=path,
            www=b.rng.random() < 0.5,
        )


def availability(b: Builder) -> None:
    for _ in range(8):
        standard(b, "slow", b.rng.choice(("jsonld", "meta")), delay=2.5)
    _down(b)
    _dead(b)


def _down(b: Builder) -> None:
    for _ in range(8):
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        domain = b.domain(name, country)
        linkedin = b.linkedin(name, slugify(name), industry, city, country.name, domain)
        info = replace(b.info(name, industry, city, country, domain), linkedin=linkedin)
        built = b.site(domain, "jsonld", info, status=503)
        b.listings(name, city, country.name)
        down = replace(built, live=False)
        b.add(
            "http_503",
            name,
            country.name,
            city,
            domain,
            down,
            linkedin,
            website=domain,
            note="site answers 503; LinkedIn only through search",
        )


def _dead(b: Builder) -> None:
    for n in range(18):
        dead = "dns" if n < 10 else "refused"
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        domain = b.domain(name, country)
        b.web.add_site(Site(domain, dead=dead))
        b.web.docs.append(_stale_doc(domain, name, city))
        linkedin: str | None = None
        if n % 2 == 0:
            linkedin = b.linkedin(name, slugify(name), industry, city, country.name, domain)
        b.add(
            f"dead_{dead}",
            name,
            country.name,
            city,
            domain,
            None,
            linkedin,
            website=domain,
            note="the company's only domain is dead",
        )


def _stale_doc(domain: str, name: str, city: str) -> Doc:
    """Search engines keep a dead site's listing for a while."""
    return Doc(f"https://{domain}/", name, f"{name}, {city}", f"{name} {city} {domain}", "site")


def encodings(b: Builder) -> None:
    for n in range(8):
        brand, latin = CYRILLIC_BRANDS[n]
        trade, trade_latin, what = CYRILLIC_TRADES[n % len(CYRILLIC_TRADES)]
        name, city = f"{brand} {trade}", RUSSIA.cities[n % 4]
        domain = f"{slugify(latin)}-{slugify(trade_latin)}.ru"
        description = f"{name} — {what}. Работаем в городе {CITY_RU[city]} с {1995 + n} года."
        info = replace(
            b.info(name, b.industry(), CITY_RU[city], RUSSIA, domain),
            description=description,
            more=b.more("ru", "Россия"),
            lang="ru",
            country="Россия",
        )
        built = b.site(
            domain,
            ("meta", "plain", "about_only")[n % 3],
            info,
            encoding="cp1251",
            charset_in_header=n % 2 == 0,
        )
        b.add("cp1251", name, RUSSIA.name, city, domain, built, None)
    for n, (name, city, country_name, what) in enumerate(ACCENTED):
        country = next(c for c in COUNTRIES if c.name == country_name)
        domain = f"{slugify(name)}.{country.tld}"
        description = (
            f"{name} {what} depuis {1980 + n}."
            if country.iso == "FR"
            else (f"{name} {what} seit {1980 + n}.")
        )
        info = replace(
            b.info(name, b.industry(), city, country, domain),
            description=description,
            more=b.more(country.iso.lower(), country.name),
            lang=country.iso.lower(),
        )
        built = b.site(
            domain,
            ("opengraph", "meta", "plain")[n % 3],
            info,
            encoding="latin-1",
            charset_in_header=n % 2 == 1,
        )
        b.add("latin1", name, country.name, city, domain, built, None)
    for n, (native, romaji, what) in enumerate(JAPANESE_BRANDS):
        city = JAPAN.cities[n % 4]
        domain = f"{slugify(romaji)}.co.jp"
        description = f"{native}は{CITY_JP[city]}の会社です。{what}。"
        info = replace(
            b.info(romaji, b.industry(), CITY_JP[city], JAPAN, domain),
            description=description,
            more=b.more("ja", "日本"),
            lang="ja",
            title=f"{native} | {romaji}",
        )
        built = b.site(
            domain,
            ("meta", "plain")[n % 2],
            info,
            encoding="shift_jis",
            charset_in_header=n % 2 == 0,
        )
        b.add("shift_jis", romaji, JAPAN.name, city, domain, built, None)
