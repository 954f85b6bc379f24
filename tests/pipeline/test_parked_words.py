"""The parked detector's plain-word search finds exactly what the regular expression of
the same words finds, on the labelled corpus and on text built to trip it."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from worker.pipeline.stages.page.page_facts import extract_facts
from worker.pipeline.stages.page.parked import wording
from worker.pipeline.stages.page.parked.signals import Landing

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parent / "parked_corpus"
WORDS = {
    "DOMAIN_WORD": wording.DOMAIN_WORD,
    "PARKED_WORD": wording.PARKED_WORD,
    "SELLING_WORD": wording.SELLING_WORD,
    "THIS_DOMAIN": wording.THIS_DOMAIN,
}
# The alternations these words stood for, as written before they became plain words.
PATTERNS = {
    "DOMAIN_WORD": r"domain|domin|domein|domínio|домен|domen|alan ad|ドメイン|域名",
    "PARKED_WORD": r"domain|domin|домен|ドメイン|域名|parked|web ?page|website|registered"
    r"|related searches|sponsored|future home|suspended|hosting provider|default page",
    "SELLING_WORD": r"sale|lease|rent|offer|buy|verkauf|vermiet|vendre|louer|venta|vende"
    r"|oferta|vendita|offerta|venda|koop|huur|прода|sprzeda|satılık|販売|売り|出售|待售|сатыл"
    r"|auction",
    "THIS_DOMAIN": r"this domain|the domain|ce (?:nom de )?domaine|diese domain|este dominio"
    r"|questo dominio|este domínio|dit domein|deze domeinnaam|этот домен|данный домен"
    r"|tę domenę|ta domena|このドメイン|该域名|此域名|該域名|цей домен|бұл домен",
}
TRICKY = [
    "",
    "the domain domain domaindomain web pagewebpage website webpagewebsite",
    "offerta offer offered vendita vende vendre venta venda vendere rent rental current",
    "ce nom de domaine, ce domaine; ce nom de domaine et ce domaine",
    "domin domain domein domínio домен domen ドメイン 域名 alan ad alan adı",
    "for sale leasesale buybuy auctions sprzedaż satılık 販売中 売り出し 出售 待售 сатылады",
]


def corpus_texts() -> list[str]:
    texts = list(TRICKY)
    for path in sorted(CORPUS.glob("*/*.html")):
        url = f"https://{path.stem.replace('_', '-')}.example/"
        texts.append(Landing(url, extract_facts(url, path.read_text(encoding="utf-8"))).text)
    return texts


@pytest.mark.parametrize("name", sorted(WORDS))
def test_plain_words_find_what_their_alternation_finds(name: str) -> None:
    words, pattern = WORDS[name], re.compile(PATTERNS[name])
    for text in corpus_texts():
        expected = [match.span() for match in pattern.finditer(text)]
        assert words.spans(text) == expected
        assert words.spans(text, 3) == expected[:3]
        assert words.within(text) == bool(expected)


def test_every_order_of_overlapping_words_is_found_as_an_alternation_finds_it() -> None:
    pieces = ["offer", "offerta", "ta", "rent", "current ", "sale"]
    words = wording.Words("offerta", "offer", "ta", "rent", "sale")
    pattern = re.compile("offerta|offer|ta|rent|sale")
    for order in itertools.permutations(pieces):
        text = "".join(order)
        assert words.spans(text) == [match.span() for match in pattern.finditer(text)]
