"""Sale and parking wording in the major languages.

Two strengths: phrases about *this domain* being for sale or parked (a company's own
site almost never says them of itself), and ordinary selling words ("for sale", "make an
offer") that shops and estate agents use every day and that only count beside others.
"""

from __future__ import annotations

import re


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{phrase})" for phrase in phrases), re.IGNORECASE)


DOMAIN_SALE = _any(
    # English
    r"\b(?:this|the) domain(?: name)? (?:is|may be|might be|could be) (?:for sale|available)",
    r"\bbuy (?:this|the) domain\b",
    r"\b(?:get|own|purchase|acquire) this domain\b",
    r"\bdomain(?: name)? (?:is )?for sale\b",
    r"\b(?:make an|submit an|make|send an?) offer (?:on|for) this domain",
    r"\binterested in (?:buying )?this domain",
    r"\binquire about (?:this|the) domain",
    r"\bthis premium domain\b",
    r"\bdomain (?:is )?available for (?:purchase|lease|acquisition)",
    r"\blease (?:this|the) domain\b",
    # German
    r"\bdiese domain (?:steht zum verkauf|ist zu verkaufen|kaufen|kann erworben)",
    r"\bdie domain [\w.-]+ (?:steht zum verkauf|ist zu verkaufen|kaufen)",
    r"\bdomain (?:zu verkaufen|kaufen|steht zum verkauf)\b",
    # French
    r"\bce (?:nom de )?domaine (?:est|pourrait être|peut être) (?:à vendre|en vente|disponible)",
    r"\bacheter ce (?:nom de )?domaine\b",
    r"\bnom de domaine à vendre\b",
    # Spanish
    r"\beste dominio (?:está|puede estar) (?:a la venta|en venta|disponible)",
    r"\bcomprar? este dominio\b",
    r"\bdominio en venta\b",
    # Italian
    r"\bquesto dominio (?:è|potrebbe essere) in vendita",
    r"\bacquista(?:re)? questo dominio\b",
    r"\bdominio in vendita\b",
    # Portuguese
    r"\beste domínio (?:está|pode estar) (?:à venda|disponível)",
    r"\bcompr(?:e|ar) este domínio\b",
    r"\bdomínio à venda\b",
    # Dutch
    r"\b(?:dit domein|deze domeinnaam|het domein [\w.-]+) (?:is|staat) te koop",
    r"\b(?:koop|kopen) (?:dit domein|deze domeinnaam)\b",
    r"\bdomeinnaam te koop\b",
    # Russian
    r"(?:этот |данный )?домен(?: [\w.-]+)? (?:продаётся|продается|выставлен на продажу)",
    r"\bкупить (?:этот |данный )?домен\b",
    r"\bдомен на продажу\b",
    # Polish
    r"\b(?:ta )?domena(?: [\w.-]+)? (?:jest na sprzedaż|na sprzedaż|jest do kupienia)",
    r"\bkup (?:tę|te) domenę\b",
    # Turkish
    r"\b(?:bu )?alan adı (?:satılıktır|satılık)",
    r"\bbu alan adını satın al",
    # Japanese
    r"このドメイン(?:名)?は(?:販売中|売却|売り出し)",
    r"ドメイン(?:名)?(?:販売中|売ります|を購入)",
    # Chinese (simplified and traditional)
    r"(?:该|此|这个|本)域名(?:正在)?(?:出售|转让|可转让|待售)",
    r"(?:該|此|這個|本)域名(?:正在)?(?:出售|轉讓|待售)",
    r"购买(?:该|此)域名|購買(?:該|此)域名",
)

PARKED = _any(
    r"\bthis domain (?:name )?(?:has been|was|is) (?:recently )?registered\b",
    r"\b(?:domain|web ?page|website) is parked\b",
    r"\bparked (?:free|domain|page)\b",
    r"\bparked (?:by|at|with|courtesy)",
    r"\bregistered (?:at|with) (?:namecheap|porkbun|godaddy|dynadot|namesilo)",
    r"\brelated searches\b",
    r"\bsponsored (?:listings|links)\b",
    r"\bfuture home of\b",
    r"diese domain wurde (?:soeben )?registriert|domain geparkt",
    r"ce domaine (?:a été|est) (?:enregistré|parqué)",
    r"este dominio (?:ha sido|fue) registrado|dominio aparcado",
    r"домен (?:припаркован|зарегистрирован)",
    r"このドメインは(?:お名前\.com|.{0,20})で(?:取得|登録)されています",
    r"域名(?:已被)?(?:停放|注册)",
)

SELLING = _any(
    r"\bfor (?:sale|lease|rent)\b",
    r"\bmake (?:an|us an) offer\b",
    r"\bbuy now\b",
    r"\bzu verkaufen\b|\bzum verkauf\b|\bzu vermieten\b",
    r"\bà vendre\b|\bà louer\b|\bfaire une offre\b",
    r"\ben venta\b|\ba la venta\b|\bhaga una oferta\b|\bse vende\b",
    r"\bin vendita\b|\bfai un'offerta\b",
    r"\bà venda\b|\bfaça uma oferta\b",
    r"\bte koop\b|\bte huur\b",
    r"продаётся|продается|на продажу",
    r"\bna sprzedaż\b",
    r"satılık",
    r"販売中|売り出し",
    r"出售|待售",
)

# Any sale word near the page's own domain name: "brightpath.io is for sale".
SALE_WORD = _any(
    r"for sale|for lease|buy|purchase|offer",
    r"verkauf|kaufen|vendre|vente|venta|vendita|venda|koop|продаж|прода|купить",
    r"sprzeda|satılık|satın|販売|購入|出售|转让|轉讓",
)
