"""Building the unseen web: firms with their sites, search documents worded as other
engines word them, LinkedIn pages with snippets in the page's language, local business
directories, and the labels."""

from __future__ import annotations

from typing import Unpack

from bench.accuracy_web.builder import BuiltSite, slugify
from bench.accuracy_web.making import LabelExtras, WebMaker, site_text
from bench.accuracy_web.model import Company, Doc, LinkedInPage
from bench.accuracy_web.unseen.places import Place
from bench.accuracy_web.unseen.templates import TEMPLATES, Firm
from bench.accuracy_web.unseen.wording import SENTENCES

STREETS = {
    "it": ("Via Roma 21", "Viale dell'Industria 4", "Via Emilia Est 132"),
    "pt": ("Rua das Flores 18", "Avenida da Liberdade 240", "Rua XV de Novembro 77"),
    "pl": ("ul. Długa 14", "ul. Przemysłowa 3", "al. Jana Pawła II 8"),
    "tr": ("Atatürk Cad. No:12", "Organize Sanayi Bölgesi 4. Cad.", "Cumhuriyet Mah. 25"),
    "uk": ("вул. Шевченка, 12", "просп. Свободи, 5", "вул. Промислова, 3"),
    "kk": ("Абай даңғылы, 15", "Төле би көшесі, 42", "Республика көшесі, 7"),
    "ja": ("中央区本町1-2-3", "北区西町4-5", "南区港3-10-1"),
    "zh": ("工业园区星湖街88号", "高新区长江路168号", "经济开发区东环路9号"),
    "en": ("12 Wharf Road", "Unit 4, 9 Industrial Drive", "33 Church Street"),
}
# Local company directories: (host, title pattern, snippet pattern) in their language.
DIRECTORIES = (
    (
        "www.elenco-imprese.it",
        "{name} - {city} | Elenco Imprese",
        "Indirizzo, telefono e partita IVA di {name}, {city}.",
    ),
    (
        "www.empresas-info.pt",
        "{name} em {city} — Contactos e NIF",
        "{name}: morada, telefone e atividade da empresa em {city}.",
    ),
    (
        "www.katalog-firm24.pl",
        "{name} – {city} – NIP, REGON, kontakt",
        "Dane rejestrowe firmy {name} ({city}): adres, telefon, opinie.",
    ),
    (
        "www.firmarehberi.com.tr",
        "{name} | {city} Firma Rehberi",
        "{name} adres, telefon ve vergi bilgileri — {city}.",
    ),
    (
        "www.kompanii-ua.com",
        "{name} — {city}, ЄДРПОУ, контакти",
        "Реквізити та контакти {name}, {city}.",
    ),
    (
        "www.bizdirectory.asia",
        "{name} ({city}) - Company Profile",
        "{name} company profile, address and phone number, {city}.",
    ),
)
FOLLOWERS = {
    "it": "{n} follower su LinkedIn",
    "pt": "{n} seguidores no LinkedIn",
    "pl": "{n} obserwujących w serwisie LinkedIn",
    "tr": "LinkedIn'de {n} takipçi",
    "uk": "{n} читачів у LinkedIn",
    "kk": "{n} followers on LinkedIn",
    "ja": "LinkedInのフォロワー: {n}人",
    "zh": "领英上有 {n} 位关注者",
    "en": "{n} followers on LinkedIn",
}


def slug(text: str) -> str:
    return slugify(text)


class Maker(WebMaker):
    def __init__(self, seed: int) -> None:
        super().__init__(seed, "u")
        self._taken: set[str] = set()

    def take(self, *names: str) -> None:
        self._taken.update(names)

    def fresh(self, pool: tuple[str, ...], start: int) -> str:
        for k in range(len(pool)):
            brand = pool[(start + k) % len(pool)]
            if brand not in self._taken:
                self._taken.add(brand)
                return brand
        raise ValueError("brand pool exhausted")

    def firm(
        self, name: str, place: Place, host: str, does: str, *, city: str = "", **more: object
    ) -> Firm:
        city = city or self.rng.choice(place.cities)
        text = self.rng.choice(SENTENCES[place.lang]).format(
            name=name, does=does, city=city, country=place.local, year=self.rng.randint(1981, 2018)
        )
        phone = f"{place.phone} {self.rng.randint(21, 89)} {self.rng.randint(1000000, 9999999)}"
        return Firm(
            name=name,
            lang=place.lang,
            description=text,
            city=city,
            country=place.local,
            phone=phone,
            street=self.rng.choice(STREETS[place.lang]),
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
        delay: float = 0.0,
        status: int | None = None,
        title: str = "",
        snippet: str | None = None,
        index: bool = True,
    ) -> BuiltSite:
        pages, grounding = TEMPLATES[template](firm)
        self.serve(host, pages, encoding, in_header, status, delay)
        text = site_text(pages)
        text += " " + firm.description
        if index:
            shown = firm.description[:140] if snippet is None else snippet
            names = f"{firm.name} {firm.other_name}"
            self.web.docs.append(
                Doc(
                    f"https://{host}/",
                    title or self.rng.choice((f"{firm.name} | {firm.city}", firm.name)),
                    shown,
                    f"{names} {shown} {text} {host}",
                    "site",
                )
            )
        return BuiltSite(f"https://{host}/", grounding if status is None else None, text)

    def linkedin(
        self, slug_: str, name: str, industry: str, where: str, lang: str, *, website: str = ""
    ) -> str:
        page = LinkedInPage(slug_, name, industry, where, "", website or None)
        if slug_ in self.web.linkedin:
            raise ValueError(f"slug {slug_} twice")
        self.web.linkedin[slug_] = page
        followers = FOLLOWERS[lang].format(n=self.rng.choice(("58", "403", "1.126", "97", "2K")))
        snippet = f"{industry} · {where} · {followers}"
        if website:
            snippet += f" · {website}"
        title = self.rng.choice((f"{name} - LinkedIn", f"{name} | LinkedIn"))
        self.web.docs.append(Doc(page.url, title, snippet, f"{title} {snippet}", "linkedin"))
        return page.url

    def listings(self, name: str, city: str) -> None:
        for host, title, snippet in self.rng.sample(DIRECTORIES, 2):
            n = self.rng.randint(10000, 99999)
            self.web.docs.append(
                Doc(
                    f"https://{host}/{slug(name) or n}-{n}",
                    title.format(name=name, city=city),
                    snippet.format(name=name, city=city),
                    f"{name} {city}",
                    "directory",
                    rank_boost=1.8,
                )
            )

    def label(
        self,
        cls: str,
        name: str,
        place: Place,
        city: str,
        given: str,
        built: BuiltSite | None,
        linkedin: str | None,
        *,
        country: str = "",
        **extras: Unpack[LabelExtras],
    ) -> Company:
        return self.labelled(
            cls, name, country or place.row, place.row_city(city), given, built, linkedin, **extras
        )
