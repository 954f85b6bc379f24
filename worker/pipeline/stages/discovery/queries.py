"""The searches run to find a company's website from its name and the row's place.

The place (city, country) goes after the usual words, so a search without a place is
unchanged. A name written in one script is also searched in the other when the company
may well spell it so: a Cyrillic name always (most such companies also have a Latin
name), a Latin name when the row's country writes in Cyrillic. The other spelling leaves
out legal forms and quotes ("ООО «Ромашка»" -> "romashka"); case does not matter to
search engines.
"""

from __future__ import annotations

from shared.company_keys import name_key, plain_name
from shared.transliteration import has_cyrillic, has_latin, other_script, to_ukrainian
from worker.pipeline.row_place import RowPlace

# Countries whose companies commonly write their names in Cyrillic.
CYRILLIC_COUNTRIES = frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN"})


def website_queries(name: str, place: RowPlace | None = None) -> list[str]:
    where = place.query_terms() if place else ""
    names = [name]
    # Legal forms and quotes ("ООО «Ромашка»") are no part of the name in the other script.
    other = other_script(name_key(name))
    if other and (has_cyrillic(name) or (place and place.country in CYRILLIC_COUNTRIES)):
        names.append(other)
    if place and place.country == "UA" and has_latin(name) and not has_cyrillic(name):
        # Ukrainian spells `i`, `y` and `h` with its own letters (`Дністер`, not `Днистер`).
        ukrainian = to_ukrainian(name_key(name))
        if ukrainian not in names:
            names.append(ukrainian)
    return [" ".join(filter(None, (f'"{each}" official website', where))) for each in names]


def plain_query(name: str, place: RowPlace | None = None) -> str | None:
    """The search without the name's legal form and quotes (`"Peñalba S.L."` ->
    `"Peñalba"`), for when the name as written finds nothing: sites seldom write their
    legal form, and an engine asked for it in quotes may then miss them."""
    plain = plain_name(name)
    if plain == name.strip():
        return None
    where = place.query_terms() if place else ""
    return " ".join(filter(None, (f'"{plain}" official website', where)))
