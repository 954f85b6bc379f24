"""The companies of the benchmark's web: one site each, of a few kinds, as pages are.

Kinds, by share of the list: most homepages describe the company (meta, OpenGraph or
JSON-LD) and link their LinkedIn page and About page; some say nothing of the company
on the homepage (the About page does); some redirect apex -> www or www -> apex; a few
answer slowly and a few do not exist (the proxy cannot reach them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

WORDS = [
    "acme", "nimbus", "vertex", "harbor", "lumen", "quarry", "summit", "orbit", "cobalt",
    "meadow", "falcon", "granite", "pioneer", "beacon", "cedar", "atlas", "ember", "willow",
    "crescent", "tundra",
]  # fmt: skip
TRADES = (
    "logistics software",
    "industrial sensors",
    "organic bakery supplies",
    "payroll services",
    "marine engineering",
    "dental clinics",
    "solar installations",
    "freight brokerage",
)


@dataclass(frozen=True)
class Company:
    index: int
    name: str
    domain: str
    kind: str  # described, about_only, to_www, to_apex, slow, dead
    linkedin: bool

    @property
    def given_website(self) -> str:
        return f"www.{self.domain}" if self.kind == "to_apex" else self.domain

    @property
    def canonical_host(self) -> str:
        return f"www.{self.domain}" if self.kind == "to_www" else self.domain

    @property
    def trade(self) -> str:
        return TRADES[self.index % len(TRADES)]


def kind_of(index: int) -> str:
    slot = index % 100
    if slot < 2:
        return "dead"
    if slot < 4:
        return "slow"
    if slot < 16:
        return "about_only"
    if slot < 26:
        return "to_www"
    if slot < 31:
        return "to_apex"
    return "described"


def companies(count: int) -> list[Company]:
    found = []
    for index in range(count):
        first, second = WORDS[index % len(WORDS)], WORDS[(index // len(WORDS)) % len(WORDS)]
        name = f"{first.title()} {second.title()} {index}"
        found.append(
            Company(
                index=index,
                name=name,
                domain=f"{first}-{second}-{index}.com",
                kind=kind_of(index),
                linkedin=index % 10 != 7,
            )
        )
    return found


def _filler(company: Company, paragraphs: int) -> str:
    sentence = (
        f"Our team in the field of {company.trade} works with customers across the region, "
        "with weekly deliveries, a support line and a yearly review of every account. "
    )
    return "".join(f"<p>{sentence * 2}</p>\n" for _ in range(paragraphs))


def _page(title: str, head: str, body: str) -> str:
    nav = "".join(f'<li><a href="/{w}">{w.title()}</a></li>' for w in WORDS[:12])
    script = "<script>window.dataLayer=window.dataLayer||[];" + "var x=1;" * 300 + "</script>"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}{script}<link rel='stylesheet' href='/site.css'></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main>{body}</main>"
        f"<footer><p>&copy; 2026</p></footer></body></html>"
    )


def homepage(company: Company) -> str:
    summary = f"{company.name} provides {company.trade} to businesses in Europe and Asia."
    head = ""
    if company.kind != "about_only":
        style = company.index % 3
        if style == 0:
            head = f"<meta name='description' content='{summary}'>"
        elif style == 1:
            head = f"<meta property='og:description' content='{summary}'>"
        else:
            data = {"@type": "Organization", "name": company.name, "description": summary}
            head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    links = "<a href='/about'>About us</a> <a href='/contact'>Contact</a>"
    if company.linkedin:
        links += f" <a href='https://www.linkedin.com/company/{company.domain[:-4]}/'>LinkedIn</a>"
    body = f"<h1>{company.name}</h1><div class='hero'>Welcome</div>{links}"
    if company.kind != "about_only":
        body += _filler(company, 12)
    return _page(f"{company.name} | Home", head, body)


def about_page(company: Company) -> str:
    summary = f"{company.name} has supplied {company.trade} to manufacturers since 1998."
    head = f"<meta name='description' content='{summary}'>"
    return _page(f"About {company.name}", head, f"<h1>About us</h1>{_filler(company, 6)}")
