"""Building the fresh web: firms and their sites, search documents with this web's own
titles and snippets, LinkedIn pages, business directories, and the labels."""

from __future__ import annotations

from typing import Unpack

from bench.accuracy_web.builder import BuiltSite, slugify
from bench.accuracy_web.fresh.lands import Land
from bench.accuracy_web.fresh.templates import TEMPLATES, Firm
from bench.accuracy_web.fresh.words import BRANDS, SCRIPTED, SENTENCES, TRADES, Name
from bench.accuracy_web.making import LabelExtras, WebMaker, site_text
from bench.accuracy_web.model import Company, Doc, LinkedInPage

DIRECTORIES = (
    (
        "www.tradeatlas-firms.com",
        "{name}, {city} — company record",
        "Registered office, phone and activity of {name} in {city}.",
    ),
    (
        "www.opencorp-index.net",
        "{name} ({city}) | OpenCorp Index",
        "{name}: filings, officers and contact details. {city}.",
    ),
    (
        "www.b2b-yellowbook.eu",
        "{name} - {city} - Yellowbook B2B",
        "Find {name} in {city}: address, opening hours, reviews.",
    ),
)
FOLLOWERS = ("41 followers", "312 followers", "1,908 followers", "87 followers", "5K+ followers")


class Maker(WebMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, "f")
        self._names: set[str] = set()
        self._drawn: dict[str, int] = {}

    def name(self, lang: str) -> Name:
        """The language's next unused name: scripted names in order, Latin names as a brand
        and a trade, each brand used once before any is used with a second trade."""
        while True:
            k = self._drawn.get(lang, 0)
            self._drawn[lang] = k + 1
            if lang in SCRIPTED:
                own, latin, industry, does = SCRIPTED[lang][k]  # IndexError: pool exhausted
                found = Name(own, latin, industry, does)
            else:
                brands, trades = BRANDS[lang], TRADES[lang]
                if k >= len(brands) * len(trades):
                    raise ValueError(f"{lang} names exhausted")
                word, industry, does = trades[(k // len(brands) + k) % len(trades)]
                own = f"{brands[k % len(brands)]} {word}"
                found = Name(own, own, industry, does)
            if found.own not in self._names:
                self.claim(found.own)
                return found

    def host(self, name: Name, land: Land, dashed: bool | None = None) -> str:
        label = slugify(name.latin)
        if dashed is False or (dashed is None and self.rng.random() < 0.5):
            label = label.replace("-", "")
        return f"{label}.{land.tld}"

    def claim(self, name: str) -> str:
        """A company name is used once unless a class makes namesakes on purpose."""
        if name in self._names:
            raise ValueError(f"name {name} generated twice")
        self._names.add(name)
        return name

    def firm(self, name: Name, land: Land, host: str, *, city: str = "", **more: object) -> Firm:
        city = city or self.rng.choice(land.cities)
        text = self.rng.choice(SENTENCES[land.lang]).format(
            name=name.own, does=name.does, city=city, year=self.rng.randint(1979, 2019)
        )
        phone = f"{land.phone} {self.rng.randint(20, 99)} {self.rng.randint(100000, 999999)}"
        return Firm(
            name=name.own,
            lang=land.lang,
            description=text,
            city=city,
            country=land.local,
            phone=phone,
            base=f"https://{host}",
            **more,  # type: ignore[arg-type]
        )

    def site(
        self,
        host: str,
        template: str,
        firm: Firm,
        *,
        encoding: str = "utf-8",
        in_header: bool = True,
        status: int | None = None,
        delay: float = 0.0,
        index: bool = True,
        names: str = "",
    ) -> BuiltSite:
        pages, grounding = TEMPLATES[template](firm)
        self.serve(host, pages, encoding, in_header, status, delay)
        text = site_text(pages)
        text += " " + firm.description  # also where only a script or a meta tag holds it
        if index:
            title = self.rng.choice(
                (f"{firm.name} — {firm.city}", f"Home · {firm.name}", firm.name)
            )
            snippet = firm.description[:150]
            every = f"{firm.name} {firm.other_name} {names} {snippet} {text} {host}"
            self.web.docs.append(Doc(f"https://{host}/", title, snippet, every, "site"))
        return BuiltSite(f"https://{host}/", grounding if status is None else None, text)

    def linkedin(
        self, slug: str, name: str, industry: str, city: str, land: Land, website: str = ""
    ) -> str:
        page = LinkedInPage(slug, name, industry, city, land.row, website or None)
        if slug in self.web.linkedin:
            raise ValueError(f"LinkedIn slug {slug} generated twice")
        self.web.linkedin[slug] = page
        snippet = f"{industry}. {city}, {land.row}. {self.rng.choice(FOLLOWERS)}."
        if website:
            snippet += f" Website: {website}"
        title = self.rng.choice((f"{name} | LinkedIn", f"{name}: Overview | LinkedIn"))
        self.web.docs.append(Doc(page.url, title, snippet, f"{title} {snippet}", "linkedin"))
        return page.url

    def listings(self, name: str, city: str, n: int) -> None:
        host, title, snippet = DIRECTORIES[n % len(DIRECTORIES)]
        number = 40000 + n * 37
        self.web.docs.append(
            Doc(
                f"https://{host}/c/{number}",
                title.format(name=name, city=city),
                snippet.format(name=name, city=city),
                f"{name} {city}",
                "directory",
                rank_boost=1.6,
            )
        )

    def label(
        self,
        cls: str,
        row_name: str,
        land: Land,
        city: str,
        given: str,
        built: BuiltSite | None,
        linkedin: str | None,
        **extras: Unpack[LabelExtras],
    ) -> Company:
        return self.labelled(
            cls, row_name, land.row, land.row_city(city), given, built, linkedin, **extras
        )
