"""Building the sixth web: firms and their sites, search documents with this web's own
titles and snippets (dated snippets, breadcrumb titles, LinkedIn results that lead with
the follower count), LinkedIn pages, business listings, and the labels."""

from __future__ import annotations

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.land import Firm, Land
from bench.accuracy_web.land_maker import LandMaker, Stock
from bench.accuracy_web.making import site_text
from bench.accuracy_web.sixth.names import LATIN
from bench.accuracy_web.sixth.scripted import SCRIPTED
from bench.accuracy_web.sixth.templates import COOKIE_BANNER, TEMPLATES
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


STOCK = Stock("s", SCRIPTED, LATIN, SENTENCES, TEMPLATES, slug, REGISTERS)


class Maker(LandMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, STOCK)

    def site_text(self, pages: dict[str, str]) -> str:
        # A consent banner is the CMS's words, not the company's: a description taken from
        # it comes from no text of the company's own.
        return site_text(pages).replace(COOKIE_BANNER, " ")

    def site_result(self, firm: Firm, host: str) -> tuple[str, str]:
        title = self.rng.choice(
            (f"Home · {firm.name}", f"{firm.name} › {firm.town}", f"{firm.name} ‒ {host}")
        )
        day = f"{self.rng.randint(1, 28)} {self.rng.choice(_MONTHS)} 2026 — "
        return title, day + firm.description[:140]

    def linkedin_result(
        self, name: str, industry: str, town: str, land: Land, website: str
    ) -> tuple[str, str]:
        snippet = f"{self.rng.choice(FOLLOWERS)} · {industry} · {town}, {land.row}."
        if website:
            snippet += f" Website: {website}"
        title = self.rng.choice((f"{name} | LinkedIn", f"{name} on LinkedIn: {industry}"))
        return title, snippet

    def register_url(self, host: str, name: str, n: int) -> str:
        return f"https://{host}/c/{8300 + n * 17}/{slug(name) or 'x'}"
