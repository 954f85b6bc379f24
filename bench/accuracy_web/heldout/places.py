"""Countries as the held-out companies live in them: what their sites write (the country
in the site's language, phone prefix, ccTLD) and what a list may write (`row`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    row: str  # how an upload writes the country
    iso: str
    tld: str
    phone: str
    lang: str
    local: str  # the country's name in the site's language
    cities: tuple[str, ...]


DE = Place("Germany", "DE", "de", "+49", "de", "Deutschland", ("Leipzig", "Bremen", "Kassel"))
AT = Place("Austria", "AT", "at", "+43", "de", "Österreich", ("Graz", "Linz", "Salzburg"))
CH = Place("Switzerland", "CH", "ch", "+41", "de", "Schweiz", ("Basel", "Luzern", "Bern"))
FR = Place("France", "FR", "fr", "+33", "fr", "France", ("Nantes", "Lille", "Rennes"))
BE = Place("Belgium", "BE", "be", "+32", "fr", "Belgique", ("Liège", "Namur", "Mons"))
ES = Place("Spain", "ES", "es", "+34", "es", "España", ("Zaragoza", "Málaga", "Bilbao"))
MX = Place("Mexico", "MX", "mx", "+52", "es", "México", ("Puebla", "Monterrey", "Mérida"))
AR = Place("Argentina", "AR", "ar", "+54", "es", "Argentina", ("Rosario", "Córdoba", "Salta"))
RU = Place("Russia", "RU", "ru", "+7", "ru", "Россия", ("Казань", "Самара", "Пермь"))
KZ = Place("Kazakhstan", "KZ", "kz", "+7", "ru", "Казахстан", ("Алматы", "Караганда", "Актобе"))
GB = Place(
    "United Kingdom",
    "GB",
    "co.uk",
    "+44",
    "en",
    "United Kingdom",
    ("Leeds", "Bristol", "Cambridge"),
)
US = Place("United States", "US", "com", "+1", "en", "USA", ("Cambridge", "Portland", "Austin"))
IE = Place("Ireland", "IE", "ie", "+353", "en", "Ireland", ("Cork", "Galway", "Limerick"))
CA = Place("Canada", "CA", "ca", "+1", "en", "Canada", ("Halifax", "Calgary", "London"))
AU = Place("Australia", "AU", "com.au", "+61", "en", "Australia", ("Perth", "Hobart", "Newcastle"))

# Cities as a Latin-script list writes the Russian and Kazakh ones.
LATIN_CITIES = {
    "Казань": "Kazan",
    "Самара": "Samara",
    "Пермь": "Perm",
    "Алматы": "Almaty",
    "Караганда": "Karaganda",
    "Актобе": "Aktobe",
}
