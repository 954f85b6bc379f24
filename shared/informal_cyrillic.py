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

_INFORMAL = re.compile(r"j|ost\b|tel\b|ju|ja", re.IGNORECASE)
# Applied in order to the Latin name before reading it in Cyrillic.
_RESPELL: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), repl)
    for pattern, repl in (
        (r"(?<![dD])j(?=[uU])", "y"), (r"(?<![dD])j(?=[aA])", "y"),  # `Jula` is Юла
        (r"(?<![dD])j", "zh"),
    )
)  # fmt: skip
# Word endings whose soft sign informal spellings leave out (`-ость`, `-тель`), in words
# long enough not to be a short word of their own (`Мост`, `Рост`).
_SOFT_ENDINGS = re.compile(r"(?<=[а-яё]{3})(ост|тел)\b", re.IGNORECASE)


def informal_readings(name: str) -> list[str]:
    """The Cyrillic reading of an informally spelled Latin name and its respelling in
    the usual Latin scheme, when they differ from the plain reading; none otherwise."""
    if has_cyrillic(name) or not _INFORMAL.search(name):
        return []
    latin = name
    for pattern, repl in _RESPELL:
        latin = pattern.sub(lambda m, r=repl: r.capitalize() if m.group(0).isupper() else r, latin)  # type: ignore[misc]
    cyrillic = _SOFT_ENDINGS.sub(lambda m: m.group(0) + "ь", to_cyrillic(latin))
    if cyrillic == to_cyrillic(name):
        return []
    respelled = to_latin(cyrillic)
    return [cyrillic] + ([respelled] if respelled.casefold() != name.casefold() else [])
