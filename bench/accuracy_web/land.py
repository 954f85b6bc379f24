"""A country of the webs drawn by land (blind, sixth): how its sites and an English list
write it, and the names its companies are drawn from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Land:
    row: str  # the country as an English list writes it
    iso: str
    tld: str
    phone: str
    lang: str
    local: str  # the country in the site's language
    towns: tuple[str, ...]  # as the site writes them
    row_towns: tuple[str, ...] = ()  # as a Latin-script list writes them (same if empty)
    names: str = ""  # whose names it draws, when two lands share a country

    def row_town(self, town: str) -> str:
        if self.row_towns and town in self.towns:
            return self.row_towns[self.towns.index(town)]
        return town

    @property
    def stock(self) -> str:
        return self.names or self.iso


@dataclass(frozen=True)
class Name:
    own: str  # as the company writes it
    latin: str  # its Latin spelling (the same for Latin-script names)
    industry: str  # LinkedIn's industry
    does: str  # what it does, in the site's language
    informal: str = ""  # a spelling a list may use instead (no diacritics, other romanisation)


@dataclass(frozen=True)
class Firm:
    """What a site's templates write about its company."""

    name: str  # as the site writes it
    lang: str
    description: str
    town: str
    country: str  # in the site's language
    phone: str
    base: str  # https://host
    linkedin: str | None = None  # linked from the site
    lines: tuple[str, ...] = ()  # more text: "formerly ...", "a member of ..."
    alt_name: str = ""  # another spelling shown in the footer and structured data
    charset: str = ""  # declared in the page too
    products: tuple[str, ...] = ()  # a shop's items
