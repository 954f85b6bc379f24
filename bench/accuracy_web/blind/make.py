"""Building the blind web: firms and their sites, search documents with this web's own
titles and snippets, LinkedIn pages, business registers, and the labels."""

from __future__ import annotations

from bench.accuracy_web.blind.names import LATIN
from bench.accuracy_web.blind.scripted import SCRIPTED
from bench.accuracy_web.blind.templates import TEMPLATES
from bench.accuracy_web.blind.wording import SENTENCES
from bench.accuracy_web.builder import slugify
from bench.accuracy_web.land import Firm, Land
from bench.accuracy_web.land_maker import LandMaker, Stock

REGISTERS = (
    ("www.bizregister-global.com", "{name} · {town} · company profile", "{name} ({town}): legal form, VAT number, turnover band and contacts."),  # noqa: E501
    ("www.firmfinder-b2b.org", "{name} in {town} | FirmFinder", "Contact {name}, {town}. Phone, map and opening hours."),  # noqa: E501
    ("www.tradeportal-listings.net", "{name} - supplier profile", "{name} is listed as a supplier in {town}. Request a quote."),  # noqa: E501
)  # fmt: skip
FOLLOWERS = ("23 followers", "158 followers", "2,311 followers", "64 followers", "740 followers")


# Letters that Unicode does not decompose to a Latin base, as domain owners write them.
_SPELLED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
     "ß": "ss", "ð": "d", "þ": "th", "œ": "oe"}
)  # fmt: skip


def slug(text: str) -> str:
    """`Østervang Revision` -> `ostervang-revision`, `Đông Á` -> `dong-a`."""
    return slugify(text.translate(_SPELLED))


STOCK = Stock("b", SCRIPTED, LATIN, SENTENCES, TEMPLATES, slug, REGISTERS)


class Maker(LandMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, STOCK)

    def host_label(self, latin: str) -> str:
        return slug(latin.removesuffix(" Kft.").replace(".", ""))

    def site_result(self, firm: Firm, host: str) -> tuple[str, str]:
        title = self.rng.choice(
            (f"{firm.name} | {firm.town}", f"{firm.name} – {firm.country}", f"{firm.name}")
        )
        return title, firm.description[:160]

    def linkedin_result(
        self, name: str, industry: str, town: str, land: Land, website: str
    ) -> tuple[str, str]:
        snippet = f"{name} | {self.rng.choice(FOLLOWERS)} on LinkedIn. {industry} · {town}"
        if website:
            snippet += f" · {website}"
        title = self.rng.choice((f"{name} - LinkedIn", f"{name} | Company Page | LinkedIn"))
        return title, snippet

    def register_url(self, host: str, name: str, n: int) -> str:
        return f"https://{host}/profile/{slug(name) or 'x'}-{7100 + n * 13}"
