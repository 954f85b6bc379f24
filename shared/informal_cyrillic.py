"""Russian names typed in informal Latin spellings, read back into Cyrillic for searches.

Lists write Russian names as people type them, not by a scheme: `Jemchujina Yuga` for
`Жемчужина Юга` (`j` for `ж`), `Schit Bezopasnost` for `Щит Безопасность` (`sch` for `щ`,
the soft sign left out). `shared.transliteration.to_cyrillic` reads `j` as `дж` and writes
no soft sign; these are the other readings, and the same name respelled in the usual
scheme (`Zhemchuzhina Yuga`), which the company's domain and LinkedIn page most likely use.
"""

from __future__ import annotations

import re

from shared.transliteration import has_cyrillic, to_cyrillic, to_latin

_INFORMAL = re.compile(r"j|ost\b|tel\b|sch", re.IGNORECASE)
# An informal `j` is `ж` (`Jukov`) or, before `a` and `u`, also `я`/`ю` (`Julia`): both
# readings are kept. `dj` is `дж` either way.
_J_AS_ZH = re.compile(r"(?<![dD])j", re.IGNORECASE)
_J_AS_Y = re.compile(r"(?<![dD])j(?=[auAU])", re.IGNORECASE)


def _respelled(pattern: re.Pattern[str], spelled: str, latin: str) -> str:
    return pattern.sub(lambda m: spelled.capitalize() if m.group(0).isupper() else spelled, latin)


# Word endings whose soft sign informal spellings leave out (`-ость`, `-тель`), in words
# long enough not to be a short word of their own (`Мост`, `Рост`).
_SOFT_ENDINGS = re.compile(r"(?<=[а-яё]{3})(ост|тел)\b", re.IGNORECASE)


def informal_readings(name: str) -> list[str]:
    """The Cyrillic readings of an informally spelled Latin name and their respellings in
    the usual Latin scheme, when they differ from the plain reading; none otherwise."""
    if has_cyrillic(name) or not _INFORMAL.search(name):
        return []
    plain = to_cyrillic(name)
    found: list[str] = []
    for latin in (_respelled(_J_AS_ZH, "zh", name), _respelled(_J_AS_Y, "y", name)):
        latin = _respelled(_J_AS_ZH, "zh", latin)
        cyrillic = _SOFT_ENDINGS.sub(lambda m: m.group(0) + "ь", to_cyrillic(latin))
        respelled = to_latin(cyrillic)
        for each in (cyrillic, respelled):
            if each != plain and each.casefold() != name.casefold() and each not in found:
                found.append(each)
    return found
