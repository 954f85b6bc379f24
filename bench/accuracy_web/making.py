"""What every labelled web's maker does the same way: its seeded draws, serving a site's
markup in the encoding it is written in, and labelling a company from the site built for it."""

from __future__ import annotations

import random
from typing import TypedDict, Unpack

from bench.accuracy_web.builder import BuiltSite
from bench.accuracy_web.model import Company, Page, Site, Web
from bench.accuracy_web.pages import visible_text
from shared.company_keys import registered_domain


def site_text(pages: dict[str, str]) -> str:
    return " ".join(visible_text(markup) for markup in pages.values())


class LabelExtras(TypedDict, total=False):
    """What a label may say beyond the row: the upload's industry, what makes the company
    hard, and a website or homepage other than those of the site built for it (a site that
    is down, a company found on a page of another's site)."""

    industry: str
    note: str
    website: str | None
    homepage: str | None


class WebMaker:
    """What every web's maker holds: its seeded draws, the web made so far, and the count
    its labels' keys are numbered by (after a letter of each web's own)."""

    def __init__(self, seed: int, key_letter: str) -> None:
        self.rng = random.Random(seed)
        self.web = Web()
        self._key_letter = key_letter
        self._keys = 0

    def serve(
        self,
        host: str,
        pages: dict[str, str],
        encoding: str,
        charset_in_header: bool,
        status: int | None,
        delay: float,
    ) -> None:
        """Put the site on `host`; characters its encoding lacks go out as character
        references, as real sites in legacy encodings send them."""
        header = f"text/html; charset={encoding}" if charset_in_header else "text/html"
        served = {
            path: Page(markup.encode(encoding, errors="xmlcharrefreplace"), header)
            for path, markup in pages.items()
        }
        self.web.add_site(Site(host, served, status=status, delay=delay))

    def labelled(
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
        self._keys += 1
        website = extras.get("website")
        homepage = extras.get("homepage")
        company = Company(
            key=f"{self._key_letter}{self._keys:03d}",
            cls=cls,
            name=name,
            country=country,
            city=city,
            given_website=given,
            website=website or (registered_domain(built.homepage) if built else None),
            homepage=homepage or (built.homepage if built else None),
            linkedin=linkedin,
            grounding=built.grounding if built else None,
            site_text=built.text if built else "",
            live=bool(built and built.live),
            note=extras.get("note", ""),
            industry=extras.get("industry", ""),
        )
        self.web.companies.append(company)
        return company
