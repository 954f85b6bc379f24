"""The fast paths of the company keys give the libraries' own answers, input by input.

`shared.public_suffix` walks tldextract's trie for plain addresses and `shared.legal_forms`
indexes cleanco's legal forms; both must agree with the library on every input, including
the ones they hand back to it.
"""

from __future__ import annotations

import random

import pytest
from cleanco import basename as cleanco_basename
from cleanco.clean import get_unique_terms, strip_tail

from shared.company_keys import _EXTRACT, clean_text, registered_domain
from shared.legal_forms import _strip_tail, basename
from shared.public_suffix import UNSURE, SuffixWalk

pytestmark = pytest.mark.unit

WEBSITES = [
    "https://www.EA.com/en-gb", "ea.com", "http://bbc.co.uk", "http://forums.bbc.co.uk:8080/x?y#z",
    "co.uk", "www.ck", "a.b.ck", "x.kawasaki.jp", "city.kawasaki.jp", "www.city.kawasaki.jp",
    "1.2.3.4", "http://127.0.0.1:9/", "https://user@ex.com", "ftp://ex.com", "ex.com.", "a..com",
    " https://ex.com ", "https://ex.com/a b", "xn--80ak6aa92e.com", "пример.рф", "https://example",
    "localhost", "s3.amazonaws.com", "foo.blogspot.com", "//ex.org/p", "http://ex.org\\evil.com",
    "http://[ex.com/x", "closing]co.com", "ex com.org",
    "EX.ORG:", "ex.org:abc", "ex.org:8080", "-.com", "a-.co.uk", "https://a.b.c.d.e.f.co.uk",
    "www.gov.uk", "parliament.uk", "https://www.ex.com.au/x", "ex.nom.br", "b.ex.nom.br",
    "http://www.example.com?q=1", "https://example.com#top", "HTTPS://WWW.EXAMPLE.CO.UK/A",
    "http://192.168.0.1:8080/admin", "999.1.1.1", "http://[::1]:8080/", "n/a", "-", "com",
    "https://shop.example.com.br/x", "example.com/path/with:colon", "http://ex.com:/x",
    "ex_ample.com", "ex.com\u00a0", "https://sub.sub2.example.ac.jp", "a.b.c.github.io",
    ".ex.com", "https://.com", "a.b.c.", "a.xn--p1ai.com", "a.b.c.d.com", "b-2.io:81",
]  # fmt: skip


def library_domain(website: str) -> str | None:
    """`registered_domain` as tldextract alone answers it, a label no host has (a bracket,
    a backslash, a space) answering none."""
    extracted = _EXTRACT(clean_text(website).lower())
    if extracted.domain and extracted.suffix:
        if not all(ch.isalnum() or ch in "_-" for ch in extracted.domain):
            return None
        return f"{extracted.domain}.{extracted.suffix}"
    return extracted.ipv4 or None


@pytest.mark.parametrize("website", WEBSITES)
def test_registered_domain_matches_tldextract(website: str) -> None:
    assert registered_domain(website) == library_domain(website)


def test_the_walk_hands_unusual_addresses_back() -> None:
    walk = SuffixWalk(_EXTRACT)
    for website in ("1.2.3.4", "xn--80ak6aa92e.com", "пример.рф", "a..com", "ftp://ex.com"):
        assert walk.registered_domain(website) == UNSURE
    assert walk.registered_domain("https://www.example.co.uk/a") == "example.co.uk"


def test_generated_hosts_match_tldextract() -> None:
    rng = random.Random(3)
    suffixes = ["com", "co.uk", "com.au", "jp", "kawasaki.jp", "ck", "github.io", "de", "example"]
    labels = ["www", "shop", "a-b", "x1", "eu", "mail", "co", "com", "uk"]
    for _ in range(2_000):
        host = ".".join([*rng.choices(labels, k=rng.randint(0, 3)), rng.choice(suffixes)])
        website = rng.choice(["", "http://", "https://"]) + host + rng.choice(["", "/", ":80/x"])
        assert registered_domain(website) == library_domain(website), website


def test_basename_matches_cleanco_on_names_with_legal_forms() -> None:
    rng = random.Random(7)
    forms = sorted(get_unique_terms())
    bases = ["Acme", "Capcom", "Daddy & Sons", "Ромашка", "Müller Bäckerei", "東京", "", "Ltd"]
    names = ["Capcom Co., Ltd.", "Foo GmbH & Co. KG", "Baz S.A. de C.V.", "Inc Inc", "A.B.C."]
    for base in bases:
        for _ in range(300):
            separator = rng.choice([" ", ", ", ". ", " - "])
            tail = separator.join(rng.choice(forms) for _ in range(rng.randint(1, 3)))
            names.append(f"{base}{separator}{tail}{rng.choice(['', '.', ')', ' '])}")
            names.append(f"{base} {rng.choice(forms).upper()}")
    assert [basename(name) for name in names] == [cleanco_basename(name) for name in names]


def test_trailing_marks_are_stripped_as_cleanco_strips_them() -> None:
    rng = random.Random(11)
    marks = "aZ09_.,;!? -\n\t)(é中٣²Ⅻ\u00a0"
    for _ in range(20_000):
        name = "".join(rng.choice(marks) for _ in range(rng.randint(0, 6)))
        assert _strip_tail(name) == strip_tail(name), repr(name)
