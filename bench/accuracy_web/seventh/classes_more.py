"""Classes only the seventh web has: websites given as the first link of a redirect chain
(several hosts, a meta refresh, a script, a link shortener), and LinkedIn pages whose
address is unlike the company's name (initials, a number, an old campaign's words)."""

from __future__ import annotations

import html

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_maker import LandMaker
from bench.accuracy_web.model import Page, Site
from bench.accuracy_web.seventh.lands import BR, ID, PH, PL, TR, VN
from bench.accuracy_web.seventh.templates import PLAIN

SHORTENER = "go.lnkpress.io"
# (land, how the given address reaches the site)
CHAINS: tuple[tuple[Land, str], ...] = (
    (TR, "hosts"),
    (BR, "meta_refresh"),
    (PL, "script"),
    (VN, "shortener"),
    (ID, "hosts"),
    (PH, "meta_refresh"),
    (BR, "script"),
    (TR, "shortener"),
)
# (land, how the LinkedIn address is written, the site links it)
UNLIKE: tuple[tuple[Land, str, bool], ...] = (
    (PL, "initials", True),
    (BR, "number", False),
    (VN, "campaign", True),
    (TR, "initials", False),
    (ID, "number", True),
    (PH, "campaign", False),
    (PL, "number", False),
    (BR, "initials", True),
)


def _home_page(land: Land) -> str:
    return {"tr": "/tr/anasayfa", "pt-BR": "/pt-br/inicio", "pl": "/pl/strona-glowna",
            "vi": "/vi/trang-chu", "id": "/id/beranda", "tl": "/en/home"}[land.lang]  # fmt: skip


def redirect_chains(m: LandMaker) -> None:
    slug = m.source.slug
    for n, (land, kind) in enumerate(CHAINS):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            slug(name.latin) + ("", "-sa", "-oficial")[n % 3],
            name.latin,
            name.industry,
            land.row_town(town),
            land,
            host if n % 2 else "",
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin if n % 2 == 0 else None)
        built = m.site(host, PLAIN[n % len(PLAIN)], firm, also=name.latin)
        homepage = f"https://{host}/"
        label = host.split(".")[0]
        if kind == "hosts":
            # bare .com -> www .com -> the country's domain
            first, second = f"{label}.com", f"www.{label}.com"
            m.web.add_site(Site(first, redirect_to=f"https://{second}"))
            m.web.add_site(Site(second, redirect_to=f"https://{host}"))
            given = f"http://{first}"
        else:
            site = m.web.sites[host]
            home = _home_page(land)
            if kind != "shortener":
                site.pages[home] = site.pages["/"]
            if kind == "meta_refresh":
                root = f'<meta charset="utf-8"><meta http-equiv="refresh" content="0; URL={home}">'
                site.pages["/"] = Page(f"<html><head>{root}</head><body></body></html>".encode())
                given = host
            elif kind == "script":
                root = (
                    '<html><head><meta charset="utf-8"><script>'
                    f"window.location.href='{home}';</script></head><body>"
                    f'<noscript><a href="{html.escape(home)}">{html.escape(name.own)}</a>'
                    "</noscript></body></html>"
                )
                site.pages["/"] = Page(root.encode())
                given = f"https://{host}"
            else:
                if SHORTENER not in m.web.sites:
                    m.web.add_site(Site(SHORTENER, {}))
                code = f"/{label[:3]}{7 + n * 13:x}"
                target = f"https://{host}/?utm_source=crm&utm_medium=link"
                m.web.sites[SHORTENER].pages[code] = Page(status=301, location=target)
                given = f"https://{SHORTENER}{code}"
        m.label(
            "redirect_chain",
            name.own,
            land,
            town,
            given,
            built,
            linkedin,
            industry=name.industry,
            homepage=homepage,
            note=f"given {given}, reached by {kind}",
        )


def _unlike(kind: str, latin: str, n: int) -> str:
    words = [w for w in latin.replace("&", " ").split() if w[:1].isalpha()]
    if kind == "initials":
        return "".join(w[0] for w in words).lower() + f"-{('official', 'hq', 'team')[n % 3]}"
    if kind == "number":
        return str(10_480_000 + n * 7_919)
    return f"we-are-{m_slug(words[-1])}-{2019 + n % 5}"


def m_slug(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalnum()) or "x"


def slugs_unlike_names(m: LandMaker) -> None:
    for n, (land, kind, linked) in enumerate(UNLIKE):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[(n + 2) % 3]
        address = m.source.slug(_unlike(kind, name.latin, n)) or str(n)
        linkedin = m.linkedin(
            address, name.latin, name.industry, land.row_town(town), land, host if n % 2 else ""
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin if linked else None)
        built = m.site(host, PLAIN[(n + 3) % len(PLAIN)], firm, also=name.latin)
        m.label(
            "slug_unlike",
            name.own,
            land,
            town,
            host if n % 2 else "",
            built,
            linkedin,
            industry=name.industry,
            note=f"LinkedIn {address} ({kind}), {'linked' if linked else 'not linked'}",
        )
