"""Building blocks of the labelled web: unique brands, company sites with their pages and
search documents, LinkedIn pages, directory listings, and the labels that go with them."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from dataclasses import dataclass, replace

from bench.accuracy_web.model import Company, Doc, LinkedInPage, Page, Site, Web
from bench.accuracy_web.pages import SiteInfo, about_page, described_on_site, homepage, visible_text
from bench.accuracy_web.vocab import (
    BRANDS,
    COUNTRIES,
    INDUSTRIES,
    MORE,
    SENTENCES,
    Country,
    Industry,
)
from shared.company_keys import registered_domain

DIRECTORIES = ("bizindex.net", "firmaregister.net", "companyfacts.org")
AGGREGATOR_URLS = (
    "https://www.crunchbase.com/organization/{slug}",
    "https://en.wikipedia.org/wiki/{slug}",
)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class BuiltSite:
    """A company's own site as built: where it lives and what it says."""

    homepage: str
    grounding: str | None
    text: str
    live: bool = True


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.web = Web()
        brands = list(BRANDS)
        self.rng.shuffle(brands)
        # Brands come round again with other trades, as namesakes do on the real web.
        self._brands = itertools.cycle(brands)
        self._names: set[str] = set()
        self._keys = 0

    def brand(self) -> str:
        """The next brand word; after all of them, the first again."""
        return next(self._brands)

    def name(self, industry: Industry, brand: str | None = None) -> str:
        """A company name not given yet: a brand and its trade's noun."""
        name = f"{brand or self.brand()} {industry.noun}"
        while name in self._names:
            name = f"{self.brand()} {industry.noun}"
        self._names.add(name)
        return name

    def key(self) -> str:
        self._keys += 1
        return f"c{self._keys:03d}"

    def industry(self) -> Industry:
        return self.rng.choice(INDUSTRIES)

    def industry_of(self, name: str) -> Industry:
        """The trade a name ends with (`Kestrel Freight`), so the site says what it does."""
        found = [i for i in INDUSTRIES if name.endswith(f" {i.noun}")]
        return found[0] if found else self.industry()

    def country(self, *, not_named: tuple[str, ...] = ()) -> Country:
        return self.rng.choice([c for c in COUNTRIES[:10] if c.name not in not_named])

    def sentence(self, name: str, industry: Industry, city: str, country: str) -> str:
        template = self.rng.choice(SENTENCES)
        return template.format(
            name=name,
            product=self.rng.choice(industry.product),
            audience=self.rng.choice(industry.audience),
            city=city,
            country=country,
            year=self.rng.randint(1962, 2021),
        )

    def more(self, lang: str, country: str) -> str:
        return self.rng.choice(MORE[lang]).format(staff=self.rng.randint(4, 90), country=country)

    def domain(self, name: str, country: Country, *, variant: int | None = None) -> str:
        slug = slugify(name)
        choice = self.rng.randrange(3) if variant is None else variant
        label = (slug, slug.replace("-", ""), f"{slug.split('-')[0]}-{country.iso.lower()}")[choice]
        tld = country.tld if self.rng.random() < 0.6 else "com"
        for candidate in (f"{label}.{tld}", f"{slug}.{tld}", f"{slug}-{country.iso.lower()}.{tld}"):
            if candidate not in self.web.sites and f"www.{candidate}" not in self.web.sites:
                return candidate
        raise ValueError(f"no free domain for {name}")

    def info(
        self, name: str, industry: Industry, city: str, country: Country, host: str
    ) -> SiteInfo:
        return SiteInfo(
            name=name,
            description=self.sentence(name, industry, city, country.name),
            more=self.more("en", country.name),
            city=city,
            country=country.name,
            phone=f"{country.phone} {self.rng.randint(100, 999)} {self.rng.randint(1000, 9999)}",
            base=f"https://{host}",
            facts={"Industry": industry.linkedin, "Founded": str(self.rng.randint(1950, 2021))},
        )

    def site(
        self,
        host: str,
        style: str,
        info: SiteInfo,
        *,
        encoding: str = "utf-8",
        charset_in_header: bool = True,
        delay: float = 0.0,
        status: int | None = None,
        index: bool = True,
        rank_boost: float = 0.0,
    ) -> BuiltSite:
        """The site on `host`, its search document, and what a description must come from."""
        if not charset_in_header:
            info = replace(info, charset_in_meta=encoding)
        pages_markup = {"/": homepage(style, info, self.rng)}
        if style != "spa":
            pages_markup[info.about_path] = about_page(info, self.rng)
        header = f"text/html; charset={encoding}" if charset_in_header else "text/html"
        pages = {
            path: Page(markup.encode(encoding, errors="xmlcharrefreplace"), header)
            for path, markup in pages_markup.items()
        }
        self.web.add_site(Site(host, pages, delay=delay, status=status))
        text = " ".join(visible_text(m) for m in pages_markup.values())
        text += " " + info.description
        url = f"https://{host}/"
        if index:
            snippet = info.description if described_on_site(style, info) else ""
            title = info.title or info.name
            self.web.docs.append(
                Doc(url, title, snippet, f"{title} {snippet} {text} {host}", "site", rank_boost)
            )
        grounding = described_on_site(style, info) if status is None else None
        return BuiltSite(url, grounding, text)

    def redirect(self, host: str, target: str, *, index: bool = False, title: str = "") -> None:
        self.web.add_site(Site(host, redirect_to=target))
        if index:
            doc = Doc(f"https://{host}/", title or host, "", f"{title} {host}", "site")
            self.web.docs.append(doc)

    def linkedin(
        self, name: str, slug: str, industry: Industry, city: str, country: str, website: str | None
    ) -> str:
        page = LinkedInPage(slug, name, industry.linkedin, city, country, website)
        return self.web.add_linkedin(page)

    def listings(self, name: str, city: str, country: str) -> None:
        """Directory and aggregator pages about the company, as search engines index them."""
        slug = slugify(name)
        for directory in self.rng.sample(DIRECTORIES, self.rng.randint(0, 2)):
            self.web.docs.append(
                Doc(
                    f"https://www.{directory}/company/{slug}-{self.rng.randint(10, 99)}",
                    f"{name} - {city} | {directory}",
                    f"{name}, {city}, {country}: address, phone, directors and filings.",
                    f"{name} {city} {country} company profile",
                    "directory",
                    rank_boost=1.5,
                )
            )
        if self.rng.random() < 0.5:
            url = self.rng.choice(AGGREGATOR_URLS).format(slug=slug)
            self.web.docs.append(
                Doc(url, f"{name} - company profile", f"{name} in {city}", name, "aggregator", 1.0)
            )

    def add(
        self,
        cls: str,
        name: str,
        country: str,
        city: str,
        given: str,
        site: BuiltSite | None,
        linkedin: str | None,
        *,
        note: str = "",
        website: str | None = None,
    ) -> Company:
        """Label a company; `website` overrides the domain of `site` (a site that is down)."""
        domain = website
        if domain is None and site is not None:
            domain = registered_domain(site.homepage)
        company = Company(
            key=self.key(),
            cls=cls,
            name=name,
            country=country,
            city=city,
            given_website=given,
            website=domain,
            homepage=site.homepage if site else None,
            linkedin=linkedin,
            grounding=site.grounding if site else None,
            site_text=site.text if site else "",
            live=bool(site and site.live),
            note=note,
        )
        self.web.companies.append(company)
        return company
