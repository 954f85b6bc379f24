"""Checking that a quote the model gave is really on the page it named.

Models retype text: case, runs of whitespace, typographic quotes and dashes, and the
quotation marks or ellipses they wrap a quote in are ignored; every other character must
be found, in order, in the page's text.
"""

from __future__ import annotations

import re
import unicodedata

# Shorter than this, a "quote" would be found on almost any page.
MIN_QUOTE_CHARS = 12
_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_WRAPPING = " \t\r\n\"'`.…"


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold()
    return _SPACE.sub(" ", folded).strip()


def cleaned(quote: str) -> str:
    """The quote without the marks and ellipses a model wraps it in."""
    return quote.strip().strip(_WRAPPING).strip()


class PageText:
    """A page's text, normalised once for every quote checked against it."""

    def __init__(self, text: str) -> None:
        self._normalised = normalise(text)

    def holds(self, quote: str) -> bool:
        wanted = normalise(cleaned(quote))
        return len(wanted) >= MIN_QUOTE_CHARS and wanted in self._normalised
