"""Company names of the unseen web per language, and the Latin spelling their owners
pick for a domain (informal, as people write it, not a standard)."""

from __future__ import annotations

from dataclasses import dataclass

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.unseen.brands import BRANDS, CJK_BRANDS
from bench.accuracy_web.unseen.wording import TRADES

_CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёэыъәғқңөұүһ",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ye",
            "zh",
            "z",
            "y",
            "i",
            "yi",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "yu",
            "ya",
            "e",
            "e",
            "y",
            "-",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
        ],
        strict=True,
    )
)
_LATIN = {"ł": "l", "ı": "i", "İ": "I", "ß": "ss", "Ł": "L"}
# Kazakh (and Russian) letters Ukrainians spell otherwise.
_KAZAKH = {"г": "g", "и": "i", "х": "kh"}


def latin(text: str, lang: str = "uk") -> str:
    """`Лелека Агро` -> `Leleka Ahro`, `Сарыарқа Агро` (kk) -> `Saryarka Agro`,
    `Sokołowski` -> `Sokolowski`."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            spelled = (_KAZAKH.get(low) if lang == "kk" else None) or _CYRILLIC[low]
            spelled = spelled.replace("-", "")
            out.append(spelled.capitalize() if ch != low else spelled)
        else:
            out.append(_LATIN.get(ch, ch))
    return "".join(out)


def label(text: str) -> str:
    return slugify(latin(text))


@dataclass(frozen=True)
class Name:
    site: str  # as its own site writes it
    latin: str  # its Latin or English name (the same for Latin-script names)
    brand_latin: str  # the brand word in Latin letters, for domains
    does: str
    industry: str

    @property
    def plain(self) -> str:
        """The Latin name without the legal form, as domains and LinkedIn slugs spell it."""
        return self.latin.removesuffix(" Co., Ltd.")


def make_name(lang: str, brand_index: int, trade_index: int, brand: str | None = None) -> Name:
    if lang in CJK_BRANDS:
        native, roman = CJK_BRANDS[lang][brand_index % len(CJK_BRANDS[lang])]
        trade, trade_en, does, industry = TRADES[lang][trade_index % len(TRADES[lang])]
        if lang == "ja":
            return Name(
                f"株式会社{native}{trade}", f"{roman} {trade_en} Co., Ltd.", roman, does, industry
            )
        return Name(
            f"{native}{trade}有限公司", f"{roman} {trade_en} Co., Ltd.", roman, does, industry
        )
    brand = brand or BRANDS[lang][brand_index % len(BRANDS[lang])]
    trade, does, industry = TRADES[lang][trade_index % len(TRADES[lang])]
    site = f"{brand} {trade}"
    return Name(site, latin(site, lang), latin(brand, lang), does, industry)
