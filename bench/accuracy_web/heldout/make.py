"""Building the held-out web: firms with their sites, search documents worded as other
engines word them, LinkedIn pages with follower-count snippets, directory listings, and
the labels."""

from __future__ import annotations

from typing import Unpack

from bench.accuracy_web.builder import BuiltSite, slugify
from bench.accuracy_web.heldout.names import BRANDS, latin
from bench.accuracy_web.heldout.places import Place
from bench.accuracy_web.heldout.templates import TEMPLATES, Firm
from bench.accuracy_web.heldout.wording import COOKIES, SENTENCES, TRADES
from bench.accuracy_web.making import LabelExtras, WebMaker
from bench.accuracy_web.model import Company, Doc, LinkedInPage
from bench.accuracy_web.pages import visible_text

STREETS = {
    "en": ("14 High Street", "Unit 3, Riverside Park", "220 Main Street"),
    "de": ("Hauptstraße 12", "Industriestraße 3", "Am Markt 7"),
    "fr": ("12 rue Nationale", "3 avenue de la Gare", "ZA des Prés, lot 9"),
    "es": ("Calle Mayor 8", "Av. de la Constitución 21", "Polígono Sur, nave 4"),
    "ru": ("ул. Ленина, 5", "пр. Мира, 17, оф. 3", "ул. Заводская, 2"),
}
DIRECTORIES = (
    "www.firmenverzeichnis-online.de",
    "www.annuaire-societes.fr",
    "www.directorio-empresas.es",
    "www.companycheck-register.co.uk",
    "www.spravochnik-firm.ru",
)
AGGREGATORS = (
    "https://www.crunchbase.com/organization/{slug}",
    "https://www.zoominfo.com/c/{slug}/1{n}",
)


def slug(text: str) -> str:
    return slugify(text)


class Maker(WebMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, "h")
        self._names: set[str] = set()

    def reserve(self, *names: str) -> None:
        """Names a class writes by hand, kept from the generated ones."""
        self._names.update(slug(latin(name)) for name in names)

    def fresh(self, lang: str, start: int, trade: str) -> str:
        """A brand of `lang` (from the `start`th on) with `trade`, not used by another class."""
        brands = BRANDS[lang]
        for k in range(len(brands)):
            name = f"{brands[(start + k) % len(brands)]} {trade}"
            if slug(latin(name)) not in self._names:
                self._names.add(slug(latin(name)))
                return name
        raise ValueError(f"no fresh {lang} name for {trade}")

    def trade(self, lang: str, n: int) -> tuple[str, str]:
        return TRADES[lang][n % len(TRADES[lang])]

    def firm(
        self,
        name: str,
        place: Place,
        host: str,
        does: str,
        *,
        lang: str = "",
        city: str = "",
        **more: object,
    ) -> Firm:
        lang = lang or place.lang
        city = city or self.rng.choice(place.cities)
        text = self.rng.choice(SENTENCES[lang]).format(
            name=name, does=does, city=city, country=place.local, year=self.rng.randint(1978, 2019)
        )
        street = self.rng.choice(STREETS[lang])
        phone = f"{place.phone} {self.rng.randint(20, 99)} {self.rng.randint(100000, 999999)}"
        return Firm(
            name=name,
            lang=lang,
            description=text,
            city=city,
            country=place.local,
            phone=phone,
            street=street,
            base=f"https://{host}",
            iso=place.iso,
            **more,  # type: ignore[arg-type]
        )

    def site(
        self,
        host: str,
        template: str,
        firm: Firm,
        *,
        encoding: str = "utf-8",
        charset_in_header: bool = True,
        delay: float = 0.0,
        status: int | None = None,
        title: str = "",
        snippet: str | None = None,
        boost: float = 0.0,
        index: bool = True,
        index_path: str = "/",
    ) -> BuiltSite:
        pages, grounding = TEMPLATES[template](firm)
        self.serve(host, pages, encoding, charset_in_header, status, delay)
        # A consent wall is on the page but says nothing of the company.
        text = " ".join(
            visible_text(markup).replace(COOKIES[firm.lang], " ") for markup in pages.values()
        )
        text += " " + firm.description + " " + " ".join(v[2] for v in firm.versions.values())
        if index:
            shown = firm.description[:150] if snippet is None else snippet
            self.web.docs.append(
                Doc(
                    f"https://{host}{index_path}",
                    title or f"{firm.name} – {firm.city}",
                    shown,
                    # Engines read structured data too: the names it gives are found.
                    f"{firm.name} {' '.join(firm.alternate_names)} {shown} {text} {host}",
                    "site",
                    boost,
                )
            )
        return BuiltSite(f"https://{host}/", grounding if status is None else None, text)

    def linkedin(
        self,
        slug_: str,
        name: str,
        industry: str,
        city: str,
        country: str,
        *,
        tagline: str = "",
        website: str = "",
    ) -> str:
        page = LinkedInPage(slug_, name, industry, city, country, website or None)
        if slug_ in self.web.linkedin:
            raise ValueError(f"slug {slug_} twice")
        self.web.linkedin[slug_] = page
        followers = self.rng.choice(("87", "312", "1,204", "46", "2,9K"))
        where = f"{city}, {country}" if city else country
        snippet = f"{name} | {followers} followers on LinkedIn. {tagline} | {industry} · {where}"
        if website:
            snippet += f" · Website: {website}"
        title = self.rng.choice((f"{name}: Overview | LinkedIn", f"{name} | LinkedIn"))
        self.web.docs.append(Doc(page.url, title, snippet, f"{title} {snippet}", "linkedin"))
        return page.url

    def listings(self, name: str, city: str, country: str) -> None:
        for directory in self.rng.sample(DIRECTORIES, self.rng.randint(1, 2)):
            n = self.rng.randint(100, 999)
            self.web.docs.append(
                Doc(
                    f"https://{directory}/firma/{slug(name)}-{n}",
                    f"{name} in {city} - Adresse, Telefon, Bewertungen",
                    f"{name}, {city} ({country}). Kontaktdaten, Öffnungszeiten, Handelsregister.",
                    f"{name} {city} {country}",
                    "directory",
                    rank_boost=2.0,
                )
            )
        if self.rng.random() < 0.4:
            url = self.rng.choice(AGGREGATORS).format(slug=slug(name), n=self.rng.randint(1, 9))
            self.web.docs.append(
                Doc(url, f"{name} Company Profile", f"{name}, {city}", name, "aggregator", 1.2)
            )

    def label(
        self,
        cls: str,
        name: str,
        country: str,
        city: str,
        given: str,
        built: BuiltSite | None,
        linkedin: str | None,
        **extras: Unpack[LabelExtras],
    ) -> Company:
        return self.labelled(cls, name, country, city, given, built, linkedin, **extras)
