"""Building the sixth web: firms and their sites, search documents with this web's own
titles and snippets (dated snippets, breadcrumb titles, LinkedIn results that lead with
the follower count), LinkedIn pages, business listings, and the labels."""

from __future__ import annotations

from typing import Unpack

from bench.accuracy_web.builder import BuiltSite, slugify
from bench.accuracy_web.making import LabelExtras, WebMaker, site_text
from bench.accuracy_web.model import Company, Doc, LinkedInPage, Site
from bench.accuracy_web.sixth.lands import Land
from bench.accuracy_web.sixth.names import LATIN, Name
from bench.accuracy_web.sixth.scripted import SCRIPTED
from bench.accuracy_web.sixth.templates import COOKIE_BANNER, TEMPLATES, Firm
from bench.accuracy_web.sixth.wording import SENTENCES

REGISTERS = (
    ("www.opencorp-index.net", "{name} — {town} — OpenCorp Index", "Registration details of {name}: status active, registered office {town}, officers and filings."),  # noqa: E501
    ("www.kompass-like-b2b.info", "{name} › {town} › Suppliers", "{name} ({town}) — products, services, key figures and contacts."),  # noqa: E501
    ("www.yellowpages-world.biz", "{name} | Yellow Pages World", "Call {name} in {town}. Reviews, directions and opening times."),  # noqa: E501
)  # fmt: skip
_MONTHS = ("Jan", "Mar", "Jun", "Sep", "Nov")
FOLLOWERS = ("41 followers", "1K followers", "3,208 followers", "97 followers", "512 followers")


# Letters that Unicode does not decompose to a Latin base, as domain owners write them.
_SPELLED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
     "ß": "ss", "ð": "d", "þ": "th", "œ": "oe", "ə": "e", "Ə": "E", "ı": "i", "ʻ": "",
     "ʼ": ""}
)  # fmt: skip


def slug(text: str) -> str:
    """`Xəzər Dalğa` -> `xezer-dalga`, `Đerdap` -> `derdap`."""
    return slugify(text.translate(_SPELLED))


class Maker(WebMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, "s")
        self._names: set[str] = set()
        self._drawn: dict[str, int] = {}

    def name(self, land: Land) -> Name:
        """The country's next unused name: scripted names in order, Latin ones as a brand
        and a trade, every brand once before any comes round with a second trade."""
        while True:
            k = self._drawn.get(land.stock, 0)
            self._drawn[land.stock] = k + 1
            if land.stock in SCRIPTED:
                own, latin, informal, industry, does = SCRIPTED[land.stock][k]  # IndexError: spent
                found = Name(own, latin, industry, does, informal)
            else:
                brands, trades = LATIN[land.stock]
                if k >= len(brands) * len(trades):
                    raise ValueError(f"{land.stock} names spent")
                word, industry, does = trades[(k // len(brands) + k) % len(trades)]
                own = f"{brands[k % len(brands)]} {word}"
                found = Name(own, own, industry, does, slug(own).replace("-", " ").title())
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
        label = slug(name.latin.replace(".", ""))
        if dashed is False or (dashed is None and self.rng.random() < 0.5):
            label = label.replace("-", "")
        return f"{label}.{land.tld}"

    def firm(self, name: Name, land: Land, host: str, *, town: str = "", **more: object) -> Firm:
        town = town or self.rng.choice(land.towns)
        text = self.rng.choice(SENTENCES[land.lang]).format(
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
        pages, grounding = TEMPLATES[template](firm)
        self.serve(host, pages, encoding, in_header, status, delay)
        # A consent banner is the CMS's words, not the company's: a description taken from
        # it comes from no text of the company's own.
        text = site_text(pages).replace(COOKIE_BANNER, " ")
        text += " " + firm.description  # also where only a script or a meta tag holds it
        if index:
            title = self.rng.choice(
                (f"Home · {firm.name}", f"{firm.name} › {firm.town}", f"{firm.name} ‒ {host}")
            )
            day = f"{self.rng.randint(1, 28)} {self.rng.choice(_MONTHS)} 2026 — "
            snippet = day + firm.description[:140]
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
        snippet = f"{self.rng.choice(FOLLOWERS)} · {industry} · {town}, {land.row}."
        if website:
            snippet += f" Website: {website}"
        title = self.rng.choice((f"{name} | LinkedIn", f"{name} on LinkedIn: {industry}"))
        every = f"{title} {snippet} {land.row}"
        self.web.docs.append(Doc(page.url, title, snippet, every, "linkedin"))
        return page.url

    def register(self, name: str, town: str, n: int) -> None:
        host, title, snippet = REGISTERS[n % len(REGISTERS)]
        self.web.docs.append(
            Doc(
                f"https://{host}/c/{8300 + n * 17}/{slug(name) or 'x'}",
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
