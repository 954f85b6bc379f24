"""Building the seventh web: firms and their sites, search documents with this web's own
titles and snippets (snippets cut at both ends, titles with the host first, LinkedIn results
that lead with the employee count), LinkedIn pages, business listings, and the labels."""

from __future__ import annotations

import re
from dataclasses import replace

from bench.accuracy_web.builder import BuiltSite, slugify
from bench.accuracy_web.land import Firm, Land
from bench.accuracy_web.land_maker import LandMaker, Stock
from bench.accuracy_web.making import site_text
from bench.accuracy_web.seventh.names import LATIN
from bench.accuracy_web.seventh.scripted import SCRIPTED
from bench.accuracy_web.seventh.templates import BUILDER_WORDS, TEMPLATES
from bench.accuracy_web.seventh.wording import SENTENCES

REGISTERS = (
    ("www.tradeatlas-b2b.com", "{name} ({town}) – company profile – TradeAtlas", "{name}, {town}: registration number, directors, shareholders and credit report."),  # noqa: E501
    ("www.bizdirectory-asia.net", "{name} - {town} | BizDirectory", "Find {name} in {town}: address, phone, map and customer reviews."),  # noqa: E501
    ("www.exporters-hub.org", "{name} · Exporters Hub", "{name} is listed among exporters in {town}. Products, certificates and contacts."),  # noqa: E501
)  # fmt: skip
EMPLOYEES = ("2-10 employees", "11-50 employees", "51-200 employees", "201-500 employees")

# Letters that Unicode does not decompose to a Latin base, as domain owners write them.
_SPELLED = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ʻ": "", "ʼ": "", "&": " "}
)
# Legal forms a domain leaves out.
_LEGAL = re.compile(
    r"(?<!\w)(?:A\.Ş\.|Ltd\. Şti\.|San\. ve Tic\.|Sp\. z o\.o\.|S\.A\.|s\.c\.|Ltda\.|S/A|"
    r"EIRELI|Tbk|Inc\.|Corp\.|Co)(?!\w)"
)


def slug(text: str) -> str:
    """`Hoàng Long Vận Tải` -> `hoang-long-van-tai`, `Wisła` -> `wisla`."""
    return slugify(text.translate(_SPELLED))


STOCK = Stock("v", SCRIPTED, LATIN, SENTENCES, TEMPLATES, slug, REGISTERS)


class Maker(LandMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, STOCK)

    def host_label(self, latin: str) -> str:
        return super().host_label(_LEGAL.sub(" ", latin))

    def site_text(self, pages: dict[str, str]) -> str:
        # A builder's banner or consent dialog is not the company's words: a description
        # taken from it comes from no text of the company's own.
        text = site_text(pages)
        for words in BUILDER_WORDS:
            text = text.replace(words, " ")
        return text

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
        built = super().site(
            host,
            template,
            firm,
            encoding=encoding,
            in_header=in_header,
            status=status,
            delay=delay,
            index=index,
            also=also,
            boost=boost,
        )
        # A page that shows no text keeps its lines ("formerly ...") in its data; they are
        # the company's own words all the same.
        return replace(built, text=" ".join((built.text, *firm.lines))) if firm.lines else built

    def site_result(self, firm: Firm, host: str) -> tuple[str, str]:
        title = self.rng.choice((f"{host} - {firm.name}", f"{firm.name}", f"{firm.name} – Home"))
        words = firm.description.split()
        cut = words[1:-1] if len(words) > 4 else words
        return title, "… " + " ".join(cut) + " …"

    def linkedin_result(
        self, name: str, industry: str, town: str, land: Land, website: str
    ) -> tuple[str, str]:
        snippet = f"{name} | {self.rng.choice(EMPLOYEES)} on LinkedIn. {industry}. "
        snippet += f"Headquarters: {town}, {land.row}."
        if website:
            snippet += f" {website}"
        title = self.rng.choice((f"{name} - LinkedIn", f"{name} | Company Page"))
        return title, snippet

    def register_url(self, host: str, name: str, n: int) -> str:
        return f"https://{host}/company/{slug(name) or 'x'}-{4100 + n * 23}"
