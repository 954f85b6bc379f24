"""What the labelled web is made of: sites and their pages, the search index's documents,
LinkedIn pages, and each company's label (the right answers)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # a redirect's target (absolute URL)


@dataclass
class Site:
    """One host name. `redirect_to` sends every path to that base URL; `delay` holds each
    answer back; `dead` is `dns` (the name does not resolve) or `refused` (nothing listens);
    `status` answers every path with that status (a site that is down)."""

    host: str
    pages: dict[str, Page] = field(default_factory=dict)
    redirect_to: str | None = None
    delay: float = 0.0
    dead: str | None = None
    status: int | None = None


@dataclass(frozen=True)
class Doc:
    """A search result the engines can return: `kind` is site, linkedin, directory,
    aggregator or parked; `text` is what the engine matches queries against."""

    url: str
    title: str
    snippet: str
    text: str
    kind: str
    rank_boost: float = 0.0  # popular sites (groups, directories) rank higher


@dataclass(frozen=True)
class LinkedInPage:
    slug: str
    name: str
    industry: str
    city: str
    country: str
    website: str | None

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/company/{self.slug}"


@dataclass(frozen=True)
class Company:
    """One labelled company: how the user writes it, and the right answers.

    `website` is the registered domain of its own site, answering or not (None: it has
    none, and an empty cell is the right answer); `homepage` the canonical homepage URL; `grounding`
    the description its own site presents (None: the site says nothing usable);
    `site_text` all the text of its own pages, which a description must come from."""

    key: str
    cls: str
    name: str
    country: str
    city: str
    given_website: str
    website: str | None
    homepage: str | None
    linkedin: str | None
    grounding: str | None
    site_text: str = ""
    # Its own site answers, so a search can find and check it (dead, down: it cannot).
    live: bool = False
    note: str = ""  # what makes this company hard, for failure listings
    industry: str = ""  # what an upload with an industry column writes


@dataclass
class Web:
    companies: list[Company] = field(default_factory=list)
    sites: dict[str, Site] = field(default_factory=dict)
    docs: list[Doc] = field(default_factory=list)
    linkedin: dict[str, LinkedInPage] = field(default_factory=dict)

    def add_site(self, site: Site) -> Site:
        if site.host in self.sites:
            raise ValueError(f"host {site.host} generated twice")
        self.sites[site.host] = site
        return site

    def add_linkedin(self, page: LinkedInPage) -> str:
        if page.slug in self.linkedin:
            raise ValueError(f"LinkedIn slug {page.slug} generated twice")
        self.linkedin[page.slug] = page
        self.docs.append(
            Doc(
                page.url,
                f"{page.name} | LinkedIn",
                f"{page.name} | {page.industry} | {page.city}, {page.country}"
                + (f" | {page.website}" if page.website else ""),
                f"{page.name} {page.industry} {page.city} {page.country} {page.website or ''}",
                "linkedin",
            )
        )
        return page.url

    def dead_hosts(self) -> list[str]:
        return sorted(host for host, site in self.sites.items() if site.dead == "dns")
