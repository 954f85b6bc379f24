"""Sale and parking wording in the major languages.

Two strengths: phrases about *this domain* being for sale or parked (a company's own site
almost never says them of itself), and ordinary selling words ("for sale", "make an
offer") that shops and estate agents use every day and that only count beside others.
Every pattern is matched against lower-case text.
"""

from __future__ import annotations

import re


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{phrase})" for phrase in phrases))


class Words:
    """Plain words, found as `re` finds the alternation of them (leftmost first; at one
    place the earlier word; no overlaps), but by `str.find`: a pattern of many
    alternatives is tried at every character of a page, a word is looked for in C."""

    def __init__(self, *words: str) -> None:
        self.words = words
        self.pattern = re.compile("|".join(re.escape(word) for word in words))

    def spans(self, text: str, limit: int = -1) -> list[tuple[int, int]]:
        """The first `limit` matches (all of them with -1), as `pattern.finditer` gives."""
        words = self.words
        ahead = [text.find(word) for word in words]
        found: list[tuple[int, int]] = []
        while len(found) != limit:
            start, index = min(
                ((at, n) for n, at in enumerate(ahead) if at != -1), default=(-1, -1)
            )
            if start == -1:
                break
            end = start + len(words[index])
            found.append((start, end))
            for n, at in enumerate(ahead):
                if at != -1 and at < end:
                    ahead[n] = text.find(words[n], end)
        return found

    def within(self, text: str) -> bool:
        return any(word in text for word in self.words)


# The long patterns are slow on long pages, so each only runs around the words its
# phrases cannot do without, and not at all on a page without them.
DOMAIN_WORD = Words(
    *("domain", "domin", "domein", "domínio", "домен", "domen", "alan ad", "ドメイン", "域名")
)
PARKED_WORD = Words(
    *("domain", "domin", "домен", "ドメイン", "域名", "parked", "web page", "webpage"),
    *("website", "registered", "related searches", "sponsored", "future home", "suspended"),
    *("hosting provider", "default page"),
)
SELLING_WORD = Words(
    *("sale", "lease", "rent", "offer", "buy", "verkauf", "vermiet", "vendre", "louer"),
    *("venta", "vende", "oferta", "vendita", "offerta", "venda", "koop", "huur", "прода"),
    *("sprzeda", "satılık", "販売", "売り", "出售", "待售", "сатыл", "auction"),
)
_ANCHORS_READ = 8  # landers say it early and briefly; a long page needs no more


DOMAIN_SALE = _any(
    # English
    r"(?:this|the) domain(?: name)? (?:is|may be|might be|could be) (?:for sale|available)",
    r"buy (?:this|the) domain\b",
    r"(?:get|own|purchase|acquire) this domain\b",
    r"domain(?: name)? (?:is )?for sale\b",
    r"(?:make an|submit an|make|send an?) offer (?:on|for) this domain",
    r"interested in (?:buying )?this domain",
    r"inquire about (?:this|the) domain",
    r"this premium domain\b",
    r"domain (?:is )?available for (?:purchase|lease|acquisition)",
    r"lease (?:this|the) domain\b",
    r"domain (?:name )?auction\b|place (?:a )?bid on (?:this|the) domain",
    # German
    r"diese domain (?:steht zum verkauf|ist zu verkaufen|kaufen|kann erworben)",
    r"die domain [\w.-]+ (?:steht zum verkauf|ist zu verkaufen|kaufen)",
    r"domain (?:zu verkaufen|kaufen|steht zum verkauf)\b",
    # French
    r"ce (?:nom de )?domaine (?:est|pourrait être|peut être) (?:à vendre|en vente|disponible)",
    r"acheter ce (?:nom de )?domaine\b",
    r"nom de domaine à vendre\b",
    # Spanish
    r"este dominio (?:está|puede estar) (?:a la venta|en venta|disponible)",
    r"comprar? este dominio\b",
    r"dominio en venta\b",
    # Italian
    r"questo dominio (?:è|potrebbe essere) in vendita",
    r"acquista(?:re)? questo dominio\b",
    r"dominio in vendita\b",
    # Portuguese
    r"este domínio (?:está|pode estar) (?:à venda|disponível)",
    r"compr(?:e|ar) este domínio\b",
    r"domínio à venda\b",
    # Dutch
    r"(?:dit domein|deze domeinnaam|het domein [\w.-]+) (?:is|staat) te koop",
    r"(?:koop|kopen) (?:dit domein|deze domeinnaam)\b",
    r"domeinnaam te koop\b",
    # Russian
    r"(?:этот |данный )?домен(?: [\w.-]+)? (?:продаётся|продается|выставлен на продажу)",
    r"купить (?:этот |данный )?домен\b",
    r"домен на продажу\b",
    # Ukrainian
    r"(?:цей )?домен(?: [\w.-]+)? (?:продається|виставлено на продаж)",
    r"(?:купити|придбати) (?:цей )?домен\b",
    # Kazakh
    r"(?:бұл )?домен(?: [\w.-]+)? сатылады",
    # Polish
    r"(?:ta )?domena(?: [\w.-]+)? (?:jest na sprzedaż|na sprzedaż|jest do kupienia)",
    r"kup (?:tę|te) domenę\b",
    # Turkish
    r"(?:bu )?alan adı (?:satılıktır|satılık)",
    r"bu alan adını satın al",
    # Japanese
    r"このドメイン(?:名)?は(?:販売中|売却|売り出し)",
    r"ドメイン(?:名)?(?:販売中|売ります|を購入)",
    # Chinese (simplified and traditional)
    r"(?:该|此|这个|本)域名(?:正在)?(?:出售|转让|可转让|待售)",
    r"(?:該|此|這個|本)域名(?:正在)?(?:出售|轉讓|待售)",
    r"购买(?:该|此)域名|購買(?:該|此)域名",
)

PARKED = _any(
    r"this domain (?:name )?(?:has been|was|is) (?:recently )?registered\b",
    r"(?:domain|web ?page|website) is parked\b",
    r"parked (?:free|domain|page)\b",
    r"parked (?:by|at|with|courtesy)",
    r"registered (?:at|with) (?:namecheap|porkbun|godaddy|dynadot|namesilo)",
    # Hosting placeholders: a suspended account, a server's or control panel's default
    # page, a builder's domain that points at no site. The hosting company speaks, not
    # the company the domain was bought for.
    r"(?:this )?account has been suspended\b|contact your hosting provider\b",
    r"(?:web ?server|web ?site|server)'?s? default page\b|default web ?(?:site|server)? ?page\b",
    r"no (?:web ?site|site|content) has been (?:published|uploaded|set up)\b",
    r"(?:domain )?(?:is not|isn't|not yet) connected to a (?:web ?site|site)\b",
    r"related searches\b",
    r"sponsored (?:listings|links)\b",
    r"future home of (?:something|[\w-]+\.[a-z]{2,})",
    r"domain(?: name)? (?:has )?expired\b|domain(?: name)? expired on",
    r"pending (?:renewal|deletion|redemption)\b",
    r"(?:renew|restore|reactivate) (?:this|the|your) domain",
    r"owner (?:of this domain )?has(?: not|n't) (?:yet )?(?:uploaded|published|set up|built) "
    r"(?:a |any |their |its )?(?:website|site|content)",
    r"diese domain wurde (?:soeben )?registriert|domain geparkt",
    r"ce domaine (?:a été|est) (?:enregistré|parqué)",
    r"este dominio (?:ha sido|fue) registrado|dominio aparcado",
    r"домен (?:припаркован|зарегистрирован)",
    r"このドメインは(?:お名前\.com|.{0,20})で(?:取得|登録)されています",
    r"域名(?:已被)?(?:停放|注册)",
)

SELLING = _any(
    r"for (?:sale|lease|rent)\b",
    r"make (?:an|us an) offer\b",
    r"buy now\b",
    r"zu verkaufen\b|zum verkauf\b|zu vermieten\b",
    r"à vendre\b|à louer\b|faire une offre\b",
    r"en venta\b|a la venta\b|haga una oferta\b|se vende\b",
    r"in vendita\b|fai un'offerta\b",
    r"à venda\b|faça uma oferta\b",
    r"te koop\b|te huur\b",
    r"продаётся|продается|на продажу|продається|сатылады",
    r"na sprzedaż\b",
    r"satılık",
    r"販売中|売り出し",
    r"出售|待售",
)

# Paying for the domain over time: lease-to-own, payment plans, a price per month. Said of
# the page's own domain name (or "this domain") only: a company that leases out machines
# or sells by the month says it of its products, never of its domain.
FINANCING = _any(
    r"lease[- ]to[- ]own|rent[- ]to[- ]own|lease (?:it|this)\b|payment plans?\b",
    r"(?:monthly )?install?ments?\b|monthly payments?\b|pay monthly\b|financing\b",
    r"[$€£¥₽]\s?[\d.,]+\s?(?:/|per |a )(?:mo\b|month)",
    r"[\d.,]+\s?(?:[$€£₽]|usd|eur|gbp|руб\.?)\s?(?:/|per |pro |par |al |por |в )"
    r"(?:mo\b|month|monat|mois|mes\b|mese|maand|месяц|мес)",
    r"mietkauf|ratenzahlung|in raten\b|monatliche raten",
    r"location[- ]vente|location avec option d'achat|paiement en plusieurs fois|mensualités?",
    r"opción a compra|pago a plazos|en cuotas|cuotas mensuales",
    r"affitto con riscatto|pagamento rateale|rate mensili|\ba rate\b",
    r"parcelad[oa]\b|em parcelas|prestações mensais",
    r"huurkoop|in termijnen|per maand\b",
    r"рассрочк|аренд\w* с выкупом|в месяц\b",
    r"na raty\b|miesięcznie\b",
    r"分割払い|月額|分期付款|分期|每月|月付",
)
THIS_DOMAIN = Words(
    *("this domain", "the domain", "ce nom de domaine", "ce domaine", "diese domain"),
    *("este dominio", "questo dominio", "este domínio", "dit domein", "deze domeinnaam"),
    *("этот домен", "данный домен", "tę domenę", "ta domena", "このドメイン", "该域名"),
    *("此域名", "該域名", "цей домен", "бұл домен"),
)

# Any sale word near the page's own domain name: "brightpath.io is for sale".
SALE_WORD = _any(
    r"for sale|for lease|buy|purchase|offer",
    r"verkauf|kaufen|vendre|vente|venta|vendita|venda|koop|продаж|прода|купить",
    r"sprzeda|satılık|satın|販売|購入|出售|转让|轉讓|придба|купити|сатыл",
)


def near(anchor: Words, pattern: re.Pattern[str], text: str) -> list[str]:
    """The matches of `pattern` within reach of the first matches of `anchor` in `text`."""
    spans: list[tuple[int, int]] = []
    for word_start, word_end in anchor.spans(text, _ANCHORS_READ):
        start, end = max(0, word_start - 30), word_end + 80
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [m.group(0) for start, end in spans for m in pattern.finditer(text[start:end])]
