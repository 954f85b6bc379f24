"""Companies whose difficulty is telling them from others: twins, acronyms, parked
domains, namesakes on LinkedIn, other scripts, rebrands, groups and their subsidiaries."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.builder import Builder, slugify
from bench.accuracy_web.classes_site import RUSSIA
from bench.accuracy_web.model import Doc, Page, Site
from bench.accuracy_web.parked import LANDER_STYLES, MARKETPLACES, lander, marketplace_listing
from bench.accuracy_web.vocab import COUNTRIES, CYRILLIC_BRANDS, CYRILLIC_TRADES, Country

STYLES = ("jsonld", "opengraph", "meta", "about_only", "plain")
QUALIFIERS = ("Industrial", "Technical", "General", "National", "Advanced", "Applied", "United")


def _own(
    b: Builder,
    cls: str,
    name: str,
    country: Country,
    city: str,
    domain: str,
    slug: str,
    *,
    note: str = "",
    style: str = "",
) -> None:
    industry = b.industry_of(name)
    linkedin = b.linkedin(name, slug, industry, city, country.name, domain)
    info = replace(b.info(name, industry, city, country, domain), linkedin=linkedin)
    built = b.site(domain, style or b.rng.choice(STYLES), info)
    b.listings(name, city, country.name)
    b.add(cls, name, country.name, city, domain, built, linkedin, note=note)


def twins(b: Builder) -> None:
    for _ in range(10):
        name = b.name(b.industry())
        first = b.country()
        second = b.country(not_named=(first.name, "United States"))
        for country in (first, second):
            domain = f"{slugify(name).replace('-', '')}.{country.tld}"
            _own(
                b,
                "twins",
                name,
                country,
                b.rng.choice(country.cities),
                domain,
                f"{slugify(name)}-{country.iso.lower()}",
                note=f"same name in {first.name} and {second.name}",
            )
    for _ in range(6):
        name = b.name(b.industry())
        country = b.rng.choice([c for c in COUNTRIES if c.iso in ("DE", "GB", "US", "FR")])
        home, other = b.rng.sample(country.cities, 2)
        for city, domain in (
            (home, f"{slugify(name)}.{country.tld}"),
            (other, f"{slugify(name)}-{slugify(other)}.{country.tld}"),
        ):
            _own(
                b,
                "city_twins",
                name,
                country,
                city,
                domain,
                f"{slugify(name)}-{slugify(city)}",
                note=f"same name in {home} and {other}",
            )


def acronyms(b: Builder) -> None:
    for n in range(8):
        industry, country = b.industry(), b.country()
        full = f"{b.brand()} {b.rng.choice(QUALIFIERS)} {industry.noun}"
        acronym = "".join(word[0] for word in full.split()).upper()
        city = b.rng.choice(country.cities)
        domain = f"{acronym.lower()}-{slugify(industry.noun)}-{n}.{country.tld}"
        row_name, site_name = (acronym, f"{full} ({acronym})") if n % 2 else (full, acronym)
        slug = f"{acronym.lower()}-{n}"
        linkedin = b.linkedin(site_name, slug, industry, city, country.name, domain)
        info = replace(
            b.info(site_name, industry, city, country, domain),
            linkedin=linkedin,
            extra=(f"{acronym} stands for {full}.",),
        )
        built = b.site(domain, b.rng.choice(("jsonld", "opengraph", "meta")), info)
        # Another company shares the letters, and ranks as well.
        other = f"{acronym} {b.rng.choice(('Solar', 'Dental', 'Games'))}"
        other_domain = f"{acronym.lower()}-{n}-{slugify(other.split()[1])}.com"
        info = b.info(other, b.industry(), "Denver", COUNTRIES[3], other_domain)
        b.site(other_domain, "meta", info)
        b.add(
            "acronym",
            row_name,
            country.name,
            city,
            domain,
            built,
            linkedin,
            note=f"{acronym} = {full}",
        )


def parked(b: Builder) -> None:
    for market in MARKETPLACES:
        b.web.add_site(Site(market, {"/": Page(marketplace_listing(market).encode())}))
    for n in range(15):
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        domain = b.domain(name, country)
        markup, _ = lander(n % LANDER_STYLES, domain, industry.noun)
        b.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        b.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{domain} {markup}", "parked"))
        linkedin = None
        if n % 3:
            linkedin = b.linkedin(name, slugify(name), industry, city, country.name, None)
        b.add(
            "parked",
            name,
            country.name,
            city,
            domain,
            None,
            linkedin,
            note=f"domain parked (lander style {n % LANDER_STYLES})",
        )


def no_linkedin(b: Builder) -> None:
    for n in range(12):
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        domain = b.domain(name, country)
        info = b.info(name, industry, city, country, domain)
        built = b.site(domain, b.rng.choice(STYLES), info)
        elsewhere = b.country(not_named=(country.name,))
        if n % 2:  # a namesake abroad
            b.linkedin(
                name,
                slugify(name),
                industry,
                elsewhere.cities[0],
                elsewhere.name,
                f"{slugify(name)}.{elsewhere.tld}",
            )
        else:  # a sibling brand with a similar slug
            b.linkedin(
                f"{name} Group",
                f"{slugify(name)}-group",
                industry,
                elsewhere.cities[1],
                elsewhere.name,
                None,
            )
        b.add(
            "no_linkedin",
            name,
            country.name,
            city,
            domain,
            built,
            None,
            note="no LinkedIn page; a namesake has one",
        )


def scripts(b: Builder) -> None:
    for n in range(16):
        brand, latin = CYRILLIC_BRANDS[(n + 8) % len(CYRILLIC_BRANDS)]
        trade, trade_latin, what = CYRILLIC_TRADES[(n + 3) % len(CYRILLIC_TRADES)]
        cyrillic, romanised = f"{brand} {trade}", f"{latin} {trade_latin}"
        city = RUSSIA.cities[n % 4]
        domain = f"{slugify(romanised)}.ru"
        industry = b.industry()
        linkedin = b.linkedin(romanised, slugify(romanised), industry, city, "Russia", domain)
        info = replace(b.info(romanised, industry, city, RUSSIA, domain), linkedin=linkedin)
        if n < 8:  # a Cyrillic name in the list, a Latin site
            legal = f"ООО «{cyrillic}»" if n % 2 else ""
            built = b.site(domain, b.rng.choice(STYLES), replace(info, legal_name=legal))
            b.add("cyrillic_name_latin_site", cyrillic, RUSSIA.name, city, domain, built, linkedin)
        else:  # a Latin name in the list, a Cyrillic site
            text = f"{cyrillic} — {what}. Наш офис находится в городе {city}."
            more = b.more("ru", "Россия")
            info = replace(info, name=cyrillic, description=text, more=more, lang="ru")
            built = b.site(domain, b.rng.choice(STYLES), info)
            b.add("latin_name_cyrillic_site", romanised, RUSSIA.name, city, domain, built, linkedin)


def rebrands(b: Builder) -> None:
    for n in range(10):
        industry, country = b.industry(), b.country()
        old, new = b.name(industry), b.name(industry)
        city = b.rng.choice(country.cities)
        old_domain, new_domain = b.domain(old, country), b.domain(new, country)
        wording = (
            f"{new} (formerly {old})",
            f"{new}, previously trading as {old}",
            f"In {2018 + n % 6}, {old} became {new}.",
        )[n % 3]
        linkedin = b.linkedin(new, slugify(new), industry, city, country.name, new_domain)
        info = replace(
            b.info(new, industry, city, country, new_domain),
            linkedin=linkedin,
            extra=(wording,),
            alternate_names=(old,) if n % 2 else (),
        )
        built = b.site(new_domain, b.rng.choice(("jsonld", "opengraph", "meta")), info)
        if n % 3 == 1:
            b.web.add_site(Site(old_domain, dead="dns"))
        else:
            b.redirect(old_domain, f"https://{new_domain}")
        b.web.docs.append(Doc(f"https://{old_domain}/", old, "", f"{old} {old_domain}", "site"))
        # An unrelated company whose name is close to the old one.
        other = b.name(b.industry(), old.split()[0])
        other_domain = b.domain(other, country)
        b.site(other_domain, "meta", b.info(other, b.industry(), city, country, other_domain))
        b.add(
            "rebrand",
            old,
            country.name,
            city,
            old_domain,
            built,
            linkedin,
            note=f"renamed to {new}",
        )


def groups(b: Builder) -> None:
    for n in range(6):
        brand, country = b.brand(), b.country()
        city = b.rng.choice(country.cities)
        members = [b.name(b.industry(), brand) for _ in range(2)]
        group = f"{brand} Group"
        group_domain = f"{slugify(brand)}-group.com"
        industry = b.industry()
        linkedin = b.linkedin(
            group, f"{slugify(brand)}-group", industry, city, country.name, group_domain
        )
        brands = f"Our companies: {', '.join(members)}."
        info = replace(
            b.info(group, industry, city, country, group_domain), linkedin=linkedin, extra=(brands,)
        )
        if n % 2:  # the group's site goes by the bare brand, as its subsidiaries' names begin
            info = replace(info, title=f"{brand} | {' · '.join(m.split()[1] for m in members)}")
        built = b.site(group_domain, "jsonld", info, rank_boost=2.0)
        b.add("group", group, country.name, city, group_domain, built, linkedin)
        for member in members:
            domain = f"{slugify(member)}.{country.tld}"
            _own(
                b,
                "subsidiary",
                member,
                country,
                city,
                domain,
                slugify(member),
                note=f"subsidiary of {group} ({group_domain})",
            )
