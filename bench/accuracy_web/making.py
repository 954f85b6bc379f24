"""What every labelled web's maker does the same way: serving a site's markup in the
encoding it is written in, and labelling a company from the site built for it."""

from __future__ import annotations

from bench.accuracy_web.builder import BuiltSite
from bench.accuracy_web.model import Company, Page, Site, Web
from bench.accuracy_web.pages import visible_text
from shared.company_keys import registered_domain


def serve_site(
    web: Web,
    host: str,
    pages: dict[str, str],
    *,
    encoding: str,
    charset_in_header: bool,
    status: int | None,
    delay: float,
) -> None:
    """Put the site on `host`; characters its encoding lacks go out as character references,
    as real sites in legacy encodings send them."""
    header = f"text/html; charset={encoding}" if charset_in_header else "text/html"
    served = {
        path: Page(markup.encode(encoding, errors="xmlcharrefreplace"), header)
        for path, markup in pages.items()
    }
    web.add_site(Site(host, served, status=status, delay=delay))


def site_text(pages: dict[str, str]) -> str:
    return " ".join(visible_text(markup) for markup in pages.values())


def label(
    web: Web,
    key: str,
    cls: str,
    name: str,
    country: str,
    city: str,
    given: str,
    built: BuiltSite | None,
    linkedin: str | None,
    *,
    industry: str = "",
    note: str = "",
    website: str | None = None,
    homepage: str | None = None,
) -> Company:
    """Label a company; `website` and `homepage` override those of `built` (a site that is
    down, a company found on a page of another's site)."""
    company = Company(
        key=key,
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
        note=note,
        industry=industry,
    )
    web.companies.append(company)
    return company
