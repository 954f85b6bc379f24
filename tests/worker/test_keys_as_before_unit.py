"""Planning's fast paths give the answers the plain steps gave, input by input.

Name keys, cleanco's legal forms, a website's short-link path and the dedupe decisions
are checked against `keys_before` (every step on the text, cleanco's own `basename`,
`urlsplit`, every fact cell keyed anew) on generated inputs: names built from legal forms
of every list, the forms cleanco does not know, leading forms, punctuation, other
scripts, combining marks and odd whitespace; addresses of every shape; rows whose names,
sites and places repeat.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from cleanco import basename as cleanco_basename
from cleanco.clean import get_unique_terms, normalized
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.company_keys import fresh_name_key
from shared.legal_forms import _unaccented, basename
from tests.worker import keys_before
from worker.dedupe import Deduper, _page_of, _path_of

pytestmark = pytest.mark.unit

FORMS = sorted(get_unique_terms())
# Forms cleanco does not know, leading forms, and the words they are made of.
OTHER_FORMS = [
    "San. ve Tic.", "Ltd. Şti.", "Ltd Sti", "A.Ş.", "A S", "a.s.", "S/A", "Ltda.", "EIRELI",
    "Tbk", "tbk.", "s.c.", "sp.j.", "sp. k.", "Tic", "tic.", "Sti.", "şti", "s", "c", "j", "k",
    "PT", "pt.", "Pt", "CTCP", "ctcp", "ООО", "ТОВ", "жшс", "Công ty TNHH", "Công ty Cổ phần",
    "cong ty tnhh", "ooo", "too", "tov",
]  # fmt: skip
WORDS = [
    "Acme", "Northwind", "Trading", "0000001", "42", "Capcom", "Co", "Daddy", "Sons",
    "Müller", "Bäckerei", "Ромашка", "東京", "İstanbul", "ISTANBUL", "नर्मदा", "फार्मा",
    "รุ่งเรือง", "Peñalba", "e\u0301", "¨", "ﬁrm", "Ａｃｍｅ", "Ł", "ǅ", "ß", "ΣΑΣ", "x_y",
    "O'Brien", "AT&T", "3M", "Johnson-Smith", ".NET", "«Ромашка»", "(Pty)", "Inc.,", "&",
    "-", ".", ",", "'", "/", "_", "\u200b", "\u00ad", "Ⅻ", "²", "ශ්\u200dරී",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", ". ", "  ", " - ", "\t", "\u00a0", "\u3000", "", ","]


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.lower(), word.title())[how]


names = st.builds(
    lambda head, tail, separators, casing, end: (
        "".join(
            word + separators[i % len(separators)]
            for i, word in enumerate(_cased(w, casing) for w in head + tail)
        )
        + end
    ),
    st.lists(st.sampled_from(WORDS + OTHER_FORMS[20:]), max_size=4),
    st.lists(st.sampled_from(FORMS + OTHER_FORMS), max_size=4),
    st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3),
    st.integers(0, 3),
    st.sampled_from(["", "", ".", ")", " ", ",", "»", "\u200e"]),
)
any_text = st.text(
    st.characters(codec="utf-8") | st.sampled_from("aZ09 .,-&'"),
    max_size=24,
)


# No example database: what a run finds is in its report, and no run leaves files behind.
CHECKED = settings(
    max_examples=1500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@CHECKED
@given(st.one_of(names, any_text))
def test_name_keys_and_legal_forms_as_before(name: str) -> None:
    assert fresh_name_key(name) == keys_before.name_key(name)
    assert basename(name) == cleanco_basename(name)


def test_plain_names_of_a_large_list_as_before() -> None:
    """Names as lists give them, most of them plain words, some ending in forms."""
    rng = random.Random(5)
    plain = [w for w in WORDS + FORMS + OTHER_FORMS if w.replace(" ", "").isalnum()]
    marked = [w for w in WORDS + FORMS + OTHER_FORMS if w.isascii() and " " not in w]
    for _ in range(30_000):
        words = rng.choices(plain if rng.random() < 0.5 else marked, k=rng.randint(1, 5))
        ends = rng.choices(["", "", "", ".", ",", ".,"], k=len(words))
        name = " ".join(
            _cased(w, rng.randint(0, 3)) + end for w, end in zip(words, ends, strict=True)
        )
        assert fresh_name_key(name) == keys_before.name_key(name), name


def test_letters_normalize_as_cleanco_normalizes_them() -> None:
    rng = random.Random(9)
    letters = [chr(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF]
    for letter in letters:
        assert _unaccented(letter) == normalized(letter), hex(ord(letter))
    for _ in range(5_000):
        text = "".join(rng.choices(letters[:0x3000], k=rng.randint(1, 8)))
        assert _unaccented(text) == normalized(text), repr(text)


schemes = st.sampled_from(
    ["", "", "http://", "https://", "HTTPS://", "//", "ftp://", "http:/", "https:", "mailto:"]
)
hosts = st.lists(
    st.sampled_from(["www", "go", "bit", "ly", "ex-ample", "a", "xn--p1ai", "", "co", "uk", "com"]),
    min_size=1,
    max_size=4,
).map(".".join)
segments = st.sampled_from(
    ["ha2e", "tor5c", "3xYz9Qa", "about", "en", "contact", "p19", "3d-printing", "", "a b", "%20"]
)
websites = st.builds(
    lambda scheme, host, port, path, rest, pad: f"{pad}{scheme}{host}{port}{path}{rest}{pad}",
    schemes,
    hosts,
    st.sampled_from(["", "", ":8080", ":", ":x", "@user"]),
    st.lists(segments, max_size=3).map(lambda s: "".join("/" + x for x in s)),
    st.sampled_from(["", "", "/", "//", "?utm=1", "#top", "?a=/b2c4", "//x1y2", "[", "é"]),
    st.sampled_from(["", "", " ", "\t"]),
)


@CHECKED
@given(st.one_of(websites, any_text))
def test_short_link_paths_as_before(website: str) -> None:
    text = website.strip()
    assert _answer(_path_of, text) == _answer(keys_before.website_path, text)
    assert _answer(_page_of, website) == _answer(keys_before.page_of, website)


def _answer(read: Callable[[str], str], text: str) -> str:
    """What `read` gives; a text `urlsplit` refuses (an unmatched `[` or `]`) has no path,
    where before the error stopped the session's planning."""
    try:
        return read(text)
    except ValueError:
        return ""


def test_website_cells_of_a_large_list_as_before() -> None:
    rng = random.Random(13)
    parts = [
        "http://", "https://", "//", "www.", "go.", "acme", "-tools", ".com", ".co.uk", ":80",
        ":", "/", "/ha2e", "/3xYz9Qa", "/about", "?q=/x1y2", "#a", "//", "@", " ", "[", "é",
    ]  # fmt: skip
    for _ in range(20_000):
        website = "".join(rng.choices(parts, k=rng.randint(1, 6)))
        assert _answer(_page_of, website) == _answer(keys_before.page_of, website), website


def _rows(seed: int, count: int) -> list[tuple[str, str | None, dict[str, str]]]:
    """Rows whose names, sites, countries, places and industries repeat, in any mix."""
    rng = random.Random(seed)
    names = ["Acme", "Acme Ltd", "ACME, Inc.", "Nordlicht GmbH", "Ромашка", "ООО «Ромашка»"]
    sites = [None, None, "acme.com", "https://www.acme.com/", "go.shortlink.io/ha2e",
             "go.shortlink.io/tor5c", "https://acme.com/about", "1.2.3.4", "n/a"]  # fmt: skip
    places = {
        "country": ["", "Germany", "DE", "de", "France", "Германия", "Brasil", "Türkiye", "xyz"],
        "city": ["", "Lyon", "lyon", "Lyon, Rhône", "Saint-Étienne", "saint etienne", "Самара"],
        "region": ["", "Bavaria", "Bayern"],
        "industry": ["", "Joinery", "joinery", "Accounting", "x" * 300],
    }
    rows = []
    for n in range(count):
        name = rng.choice(names) + (f" {n % 7}" if rng.random() < 0.3 else "")
        facts = {role: cell for role, cells in places.items() if (cell := rng.choice(cells))}
        rows.append((name, rng.choice(sites), facts))
    return rows


@pytest.mark.parametrize("seed", range(5))
def test_dedupe_decisions_as_before(seed: int) -> None:
    now, before = Deduper(), keys_before.DeduperBefore()
    for row, (name, website, facts) in enumerate(_rows(seed, 3_000)):
        assert now.plan(row, name, website, facts) == before.plan(row, name, website, facts)
