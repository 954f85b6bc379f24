"""Does a candidate website belong to a company in the row's country and city?

Plain functions over the fetched page: the domain's country-code TLD, the address country
of the page's structured data, the country calling codes of its phone numbers, the page
language, and the row's city named on the page. Each agreeing signal adds a little to the
candidate's score and each contradicting one takes some away, so of two namesakes the one
in the row's country wins; with no country or city in the row the score is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from shared.countries import parse_country
from shared.transliteration import other_script
from worker.pipeline.row_place import RowPlace

# Country-code TLDs sold worldwide as generic names: they say nothing about a country.
_VANITY_TLDS = frozenset({
    "io", "co", "ai", "tv", "me", "fm", "ly", "am", "to", "gg", "sh", "ws", "cc", "app", "la",
    "so", "vc", "nu", "tk", "gl", "im", "ms",
})  # fmt: skip
_TLD_COUNTRY = {"uk": "GB", "su": "RU", "рф": "RU", "eu": ""}
# Languages spoken chiefly in a few countries; English and other world languages are
# neutral.
_LANGUAGE_COUNTRIES: dict[str, frozenset[str]] = {
    "ru": frozenset({"RU", "BY", "KZ", "KG", "UA", "UZ", "TJ", "AM", "AZ", "MD", "GE", "LV", "EE"}),
    "de": frozenset({"DE", "AT", "CH", "LI", "LU", "BE", "IT"}),
    "fr": frozenset({"FR", "BE", "CH", "LU", "MC", "CA", "SN", "CI", "MA", "TN", "DZ"}),
    "it": frozenset({"IT", "CH", "SM", "VA"}), "pl": frozenset({"PL"}),
    "nl": frozenset({"NL", "BE", "SR"}), "cs": frozenset({"CZ"}), "sk": frozenset({"SK"}),
    "ja": frozenset({"JP"}), "ko": frozenset({"KR"}), "uk": frozenset({"UA"}),
    "sv": frozenset({"SE", "FI"}), "fi": frozenset({"FI"}), "da": frozenset({"DK"}),
    "nb": frozenset({"NO"}), "no": frozenset({"NO"}), "hu": frozenset({"HU"}),
    "ro": frozenset({"RO", "MD"}), "el": frozenset({"GR", "CY"}), "tr": frozenset({"TR", "CY"}),
    "he": frozenset({"IL"}), "bg": frozenset({"BG"}), "lt": frozenset({"LT"}),
    "lv": frozenset({"LV"}), "et": frozenset({"EE"}), "hr": frozenset({"HR", "BA"}),
    "sl": frozenset({"SI"}), "sr": frozenset({"RS", "BA", "ME"}), "th": frozenset({"TH"}),
    "vi": frozenset({"VN"}), "kk": frozenset({"KZ"}), "be": frozenset({"BY"}),
}  # fmt: skip
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?", re.I)
_ADDRESS_COUNTRY = re.compile(
    r"\"addressCountry\"\s*:\s*(?:\"([^\"]{2,60})\"|\{[^{}]*?\"name\"\s*:\s*\"([^\"]{2,60})\")"
)
_ADDRESS_LOCALITY = re.compile(r"\"addressLocality\"\s*:\s*\"([^\"]{2,80})\"")
_TAG = re.compile(r"<[^>]*>")
_CONTENT = re.compile(r"\bcontent\s*=\s*\"([^\"]*)\"")
# The page's own markup read for the city: footers and structured data hold the address.
_CITY_MARKUP = 200_000
# An international number: `+49 30 1234 5678`, `tel:+74951234567`, `+1 (415) 555-0100`.
_PHONE = re.compile(r"\+(\d{1,3})(?:[\s().\-]{0,2}\d{1,4}){3,5}")
# Weights: the address in structured data is the strongest statement a site makes.
_WEIGHTS = {"address": 0.12, "tld": 0.08, "phone": 0.05, "city": 0.05, "language": 0.03}
MAX_BONUS, MAX_PENALTY = 0.15, 0.2


@dataclass(frozen=True)
class LocationEvidence:
    score: float = 0.0
    agrees: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    # The same sum without the caps: of two namesakes that both reach the bonus's cap
    # (same country, same TLD), the one naming the row's city still weighs more.
    strength: float = 0.0

    def describe(self) -> str:
        parts = [f"location agrees ({', '.join(self.agrees)})" if self.agrees else ""]
        parts.append(f"location differs ({', '.join(self.conflicts)})" if self.conflicts else "")
        return ", ".join(part for part in parts if part)


def tld_country(host: str) -> str | None:
    """`acme.de` -> DE, `acme.co.uk` -> GB; generic and vanity TLDs -> None."""
    tld = host.rstrip(".").rsplit(".", 1)[-1].casefold()
    if tld in _TLD_COUNTRY:
        return _TLD_COUNTRY[tld] or None
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    return parse_country(tld.upper())


def address_countries(html: str) -> set[str]:
    """Countries of the postal addresses in the page's JSON-LD."""
    found = set()
    for match in _ADDRESS_COUNTRY.finditer(html):
        code = parse_country(match.group(1) or match.group(2))
        if code:
            found.add(code)
    return found


def phone_countries(html: str) -> set[str]:
    """Countries whose calling code starts an international phone number on the page."""
    found: set[str] = set()
    for match in _PHONE.finditer(html):
        digits = match.group(1)
        for length in range(len(digits), 0, -1):
            regions = phonenumbers.region_codes_for_country_code(int(digits[:length]))
            if regions and regions[0] != "001":
                found.update(regions)
                break
    return found


def page_language(html: str) -> tuple[str, str | None]:
    """The `<html lang>` language and its region subtag's country, if any."""
    match = _LANG.search(html[:5000])
    if not match:
        return "", None
    region = match.group(2)
    return match.group(1).casefold(), parse_country(region.upper()) if region else None


def address_localities(html: str) -> set[str]:
    """Cities of the postal addresses in the page's JSON-LD, case-folded."""
    return {m.group(1).strip().casefold() for m in _ADDRESS_LOCALITY.finditer(html)}


def names_city(city: str, text: str) -> bool:
    """The page writes the city as a name: capitalised (`Nice`, `NICE`), not the word
    `nice`; in its own script or the other."""
    if not city:
        return False
    for spelling in (city.strip(), other_script(city.strip()) or ""):
        if not spelling:
            continue
        first, rest = spelling[0].upper(), re.escape(spelling[1:])
        if re.search(rf"(?<!\w){re.escape(first)}(?i:{rest})(?!\w)", text):
            return True
    return False


def location_evidence(host: str, html: str, text: str, place: RowPlace | None) -> LocationEvidence:
    """How far the page at `host` agrees with the row's country and city."""
    if place is None or (place.country is None and place.country_hint is None and not place.city):
        return LocationEvidence()
    agrees: list[str] = []
    conflicts: list[str] = []
    country = place.country or place.country_hint
    if country:
        tld = tld_country(host)
        _judge("tld", {tld} if tld else set(), country, agrees, conflicts)
        _judge("address", address_countries(html), country, agrees, conflicts)
        phones = phone_countries(html)
        if phones:
            (agrees if country in phones else conflicts).append("phone")
        language, region = page_language(html)
        if region:
            (agrees if region == country else conflicts).append("language")
        elif language in _LANGUAGE_COUNTRIES:
            (agrees if country in _LANGUAGE_COUNTRIES[language] else conflicts).append("language")
    if place.country is None:
        # A country read only from another language's names: agreement counts, no conflict.
        conflicts.clear()
    if place.city:
        _judge_city(place.city, html, text, agrees, conflicts)
    raw_bonus = sum(_WEIGHTS[name] for name in agrees)
    raw_penalty = sum(_WEIGHTS[name] * 1.5 for name in conflicts)
    bonus, penalty = min(raw_bonus, MAX_BONUS), min(raw_penalty, MAX_PENALTY)
    return LocationEvidence(
        round(bonus - penalty, 3),
        tuple(agrees),
        tuple(conflicts),
        round(raw_bonus - raw_penalty, 3),
    )


def _judge(
    signal: str, found: set[str], country: str, agrees: list[str], conflicts: list[str]
) -> None:
    if country in found:
        agrees.append(signal)
    elif found:
        conflicts.append(signal)


def _judge_city(city: str, html: str, text: str, agrees: list[str], conflicts: list[str]) -> None:
    """The row's city named anywhere on the page (the main text, or the footer and
    structured data that hold the address) agrees; a structured address in another city
    only, as a namesake's in the next town has, differs."""
    head = html[:_CITY_MARKUP]
    markup = " ".join([_TAG.sub(" ", head), *_CONTENT.findall(head)])
    if names_city(city, text) or names_city(city, markup):
        agrees.append("city")
    elif address_localities(html):
        conflicts.append("city")
