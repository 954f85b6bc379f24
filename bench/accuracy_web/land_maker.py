"""The maker of the webs drawn by land (blind, sixth): names drawn from each country's
stock, firms and their sites, LinkedIn pages, business listings and the labels. Each web
gives its own names, wordings and templates, and writes its search results its own way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Unpack

from bench.accuracy_web.builder import BuiltSite
from bench.accuracy_web.land import Firm, Land, Name
from bench.accuracy_web.making import LabelExtras, WebMaker, site_text
from bench.accuracy_web.model import Company, Doc, LinkedInPage, Site

# stock: (own, latin, informal, industry, what it does) in the order they are drawn
Scripted = Mapping[str, Sequence[tuple[str, str, str, str, str]]]
# stock: (brands, ((trade word, industry, what it does), ...))
Latin = Mapping[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]]
Template = Callable[[Firm], tuple[dict[str, str], str | None]]


@dataclass(frozen=True)
class Stock:
    """What one web draws its companies and sites from."""

    key_letter: str  # the first letter of its labels' keys
    scripted: Scripted
    latin: Latin
    sentences: Mapping[str, Sequence[str]]  # by language, with {name} {does} {town} {year}
    templates: Mapping[str, Template]
    slug: Callable[[str], str]
    registers: Sequence[tuple[str, str, str]]  # (host, title, snippet) of business listings


class LandMaker(WebMaker, ABC):
    """Draws every web's own way through the hooks below; the rest is shared, in the same
    order of seeded draws for each web."""

    def __init__(self, seed: int, stock: Stock) -> None:
        super().__init__(seed, stock.key_letter)
        self.source = stock
        self._names: set[str] = set()
        self._drawn: dict[str, int] = {}

    def host_label(self, latin: str) -> str:
        """The host's label for a company's Latin name, dashes kept."""
        return self.source.slug(latin.replace(".", ""))

    def site_text(self, pages: dict[str, str]) -> str:
        return site_text(pages)

    @abstractmethod
    def site_result(self, firm: Firm, host: str) -> tuple[str, str]:
        """The title and snippet the search engines show for a company's site."""

    @abstractmethod
    def linkedin_result(
        self, name: str, industry: str, town: str, land: Land, website: str
    ) -> tuple[str, str]:
        """The title and snippet the search engines show for a LinkedIn page."""

    @abstractmethod
    def register_url(self, host: str, name: str, n: int) -> str:
        """The address of a company's page on a business listing."""

    def name(self, land: Land) -> Name:
        """The country's next unused name: scripted names in order, Latin ones as a brand
        and a trade, every brand once before any comes round with a second trade."""
        while True:
            k = self._drawn.get(land.stock, 0)
            self._drawn[land.stock] = k + 1
            if land.stock in self.source.scripted:
                # An IndexError here: the country's scripted names are spent.
                own, latin, informal, industry, does = self.source.scripted[land.stock][k]
                found = Name(own, latin, industry, does, informal)
            else:
                brands, trades = self.source.latin[land.stock]
                if k >= len(brands) * len(trades):
                    raise ValueError(f"{land.stock} names spent")
                word, industry, does = trades[(k // len(brands) + k) % len(trades)]
                own = f"{brands[k % len(brands)]} {word}"
                informal = self.source.slug(own).replace("-", " ").title()
                found = Name(own, own, industry, does, informal)
            if found.own not in self._names:
                self.claim(found.own)
                return found

    def claim(self, name: str) -> str:
        """A company name is used once unless a class makes namesakes on purpose."""
        if name in self._names:
            raise ValueError(f"name {name} generated twice")
        self._names.add(name)
        return name

    def host(self, name: Name, land: Land, dashed: bool | None = None) -> str:
        label = self.host_label(name.latin)
        if dashed is False or (dashed is None and self.rng.random() < 0.5):
            label = label.replace("-", "")
        return f"{label}.{land.tld}"

    def firm(self, name: Name, land: Land, host: str, *, town: str = "", **more: object) -> Firm:
        town = town or self.rng.choice(land.towns)
        text = self.rng.choice(self.source.sentences[land.lang]).format(
            name=name.own, does=name.does, town=town, year=self.rng.randint(1987, 2020)
        )
        phone = f"{land.phone} {self.rng.randint(10, 99)} {self.rng.randint(1000000, 9999999)}"
        return Firm(
            name=name.own,
            lang=land.lang,
            description=text,
            town=town,
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
        also: str = "",
        boost: float = 0.0,
    ) -> BuiltSite:
        """The site on `host`, its search document (`also`: more words it is found by)."""
        pages, grounding = self.source.templates[template](firm)
        self.serve(host, pages, encoding, in_header, status, delay)
        text = self.site_text(pages)
        text += " " + firm.description  # also where only a script or a meta tag holds it
        if index:
            title, snippet = self.site_result(firm, host)
            every = f"{firm.name} {firm.alt_name} {also} {snippet} {text} {host}"
            self.web.docs.append(Doc(f"https://{host}/", title, snippet, every, "site", boost))
        return BuiltSite(f"https://{host}/", grounding if status is None else None, text)

    def linkedin(
        self, slug: str, name: str, industry: str, town: str, land: Land, website: str = ""
    ) -> str:
        page = LinkedInPage(slug, name, industry, town, land.row, website or None)
        if slug in self.web.linkedin:
            raise ValueError(f"LinkedIn slug {slug} generated twice")
        self.web.linkedin[slug] = page
        title, snippet = self.linkedin_result(name, industry, town, land, website)
        every = f"{title} {snippet} {land.row}"
        self.web.docs.append(Doc(page.url, title, snippet, every, "linkedin"))
        return page.url

    def register(self, name: str, town: str, n: int) -> None:
        host, title, snippet = self.source.registers[n % len(self.source.registers)]
        self.web.docs.append(
            Doc(
                self.register_url(host, name, n),
                title.format(name=name, town=town),
                snippet.format(name=name, town=town),
                f"{name} {town}",
                "directory",
                rank_boost=1.7,
            )
        )

    def www(self, host: str) -> None:
        """The www name answers by moving visitors to the bare one."""
        self.web.add_site(Site(f"www.{host}", redirect_to=f"https://{host}"))

    def label(
        self,
        cls: str,
        row_name: str,
        land: Land,
        town: str,
        given: str,
        built: BuiltSite | None,
        linkedin: str | None,
        **extras: Unpack[LabelExtras],
    ) -> Company:
        return self.labelled(
            cls, row_name, land.row, land.row_town(town), given, built, linkedin, **extras
        )
