"""Does a candidate website belong to a company of the row's industry?

A CRM's industry column is written in English labels ("Accounting", "Facilities
Services", "Interior Design"); the company's site says what it does in its own words and
language ("bokföring och deklarationer", "commercial cleaning"). Each known industry is a
list of lower-case word stems in the major languages, schema.org business types included;
a label the list does not know is matched by its own words. Two namesakes of one city are
often told apart by nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.pipeline.stages.page.page_facts import PageFacts

# (stems a label holds, stems a page of that industry holds).
_INDUSTRIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (" account", " bookkeep", " audit", " tax ", " tax advi"),
        (
            *("accountan", "accounting", "bookkeep", "audit", "tax return", "payroll", "bokför"),
            *("redovisning", "revision", "deklaration", "bogføring", "regnskab", "regnskap"),
            *("buchhalt", "steuerberat", "wirtschaftsprüf", "comptab", "contabil", "contab"),
            *("boekhoud", "belasting", "księgow", "účetn", "účtovn", "könyvel", "бухгалт"),
            *("λογιστ", "muhasebe", "ראיית חשבון", "محاسب", "会計", "会计", "회계"),
        ),
    ),
    (
        (" furniture", " joinery", " carpent", " woodwork", " cabinet"),
        (
            *("furniture", "joinery", "carpent", "cabinetmak", "woodwork", "möbel", "snickeri"),
            *("tischler", "schreiner", "meuble", "menuiser", "mueble", "carpinter", "mobili"),
            *("falegnam", "móve", "marcenar", "meubel", "timmerwerk", "møbel", "snekker"),
            *("meble", "stolar", "nábyt", "truhl", "bútor", "мебел", "столяр", "έπιπλ"),
            *("mobilya", "רהיט", "أثاث", "家具", "가구", "furniturestore"),
        ),
    ),
    (
        (" facilit", " clean", " janitor", " housekeep"),
        (
            *("cleaning", "janitor", "facility", "facilities", "housekeep", "reinigung"),
            *("nettoyage", "limpieza", "pulizi", "limpeza", "schoonmaak", "städ", "rengøring"),
            *("sprząt", "úklid", "takarít", "уборк", "клининг", "καθαρισ", "temizlik"),
            *("ניקיון", "تنظيف", "清掃", "清洁", "청소"),
        ),
    ),
    (
        (" information technology", " it ", " software", " computer", " cloud"),
        (
            *("it support", "managed it", "software", "cloud", "network", "helpdesk", "cyber"),
            *("it services", "it-service", "it-dienst", "informati", "backup", "server"),
            *("programm", "程序", "ソフトウェア", "软件", "소프트웨어", "програм", "πληροφορικ"),
            *("bilişim", "מחשוב", "تقنية المعلومات", "itservice", "computerstore"),
        ),
    ),
    (
        (" interior",),
        (
            *("interior", "inredning", "innenarchitekt", "innenausbau", "intérieur"),
            *("interiorismo", "decoración", "arredament", "interiores", "interieur"),
            *("indretning", "wnętrz", "interiér", "belsőépítész", "интерьер", "εσωτερικ"),
            *("iç mimar", "עיצוב פנים", "تصميم داخلي", "インテリア", "室内设计", "인테리어"),
        ),
    ),
    (
        (" web", " digital", " internet", " e-commerce", " online"),
        (
            *("website", "web design", "webdesign", "web site", "online shop", "e-commerce"),
            *("webshop", "seo", "sitios web", "páginas web", "siti web", "sites web"),
            *("sites internet", "strony internetow", "webové stránky", "weboldal", "сайт"),
            *("ιστοσελ", "ιστότοπ", "web sitesi", "אתרי אינטרנט", "مواقع", "ウェブ", "网站"),
            *("웹사이트", "홈페이지"),
        ),
    ),
    (
        (" construct", " building", " contractor", " civil engineering"),
        (
            *("construct", "builder", "building", "builds ", "contractor", "renovat"),
            *("bauunternehm", "hochbau", "sanierung", "rénovation", "reforma"),
            *("bâtiment", "construcc", "costruz", "construç", "bouw", "bygg", "budow"),
            *("stavb", "stavební", "építő", "строит", "κατασκευ", "inşaat", "בנייה"),
            *("بناء", "مقاول", "建設", "建筑", "건설"),
        ),
    ),
    (
        (" logist", " transport", " freight", " shipping", " warehous", " trucking"),
        (
            *("logisti", "transport", "freight", "shipping", "haulage", "warehous"),
            *("spedition", "fracht", "trasport", "vervoer", "frakt", "spedycj", "přeprav"),
            *("szállítm", "перевоз", "логист", "μεταφορ", "nakliye", "הובלה", "شحن"),
            *("物流", "运输", "運輸", "물류", "운송"),
        ),
    ),
    (
        (" food", " beverage", " baker", " dairy", " agricultur"),
        (
            *("food", "bakery", "snack", "dairy", "lebensmittel", "bäckerei", "aliment"),
            *("boulanger", "comida", "panader", "voedsel", "livsmedel", "fødevar"),
            *("żywnoś", "potravin", "élelmiszer", "продукт", "τρόφιμ", "gıda", "מזון"),
            *("غذائ", "食品", "식품", "foodestablishment", "flour", "harina", "farine", "mehl"),
        ),
    ),
    (
        (" insur", " reinsur"),
        (
            *("insur", "assur", "versicher", "seguro", "assicura", "verzeker", "försäkr"),
            *("forsikr", "vakuut", "ubezpiecz", "pojišt", "pojist", "poist", "biztosít", "страхов"),
            *("осигур", "osigur", "ασφαλ", "sigorta", "sığorta", "sigurim", "kindlustus"),
            *("apdrošin", "draudim", "zavarovan", "insurans", "ביטוח", "تأمين", "保険"),
            *("保险", "보험", "insuranceagency"),
        ),
    ),
)
# Words of a label that say nothing of what a company does.
_GENERIC = frozenset(
    {"services", "service", "industry", "industries", "products", "production", "and", "the"}
    | {"manufacturing", "management", "solutions", "company", "other", "general", "design"}
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_PUNCTUATION = re.compile(r"[^\w\s-]")
# The page read for the industry: what it says first says what it does.
_TEXT = 4_000
_TOO_LITTLE = 40  # characters: a page that says less cannot tell
AGREES, DIFFERS = 0.05, 0.15


@dataclass(frozen=True)
class IndustryEvidence:
    verdict: int = 0  # 1 the page speaks of the row's industry, -1 it does not, 0 unknown
    score: float = 0.0
    detail: str = ""


def _stems(label: str) -> tuple[str, ...]:
    """What a page of the industry `label` says: the known industry's stems, or the
    label's own words."""
    known = tuple(
        stem
        for marks, stems in _INDUSTRIES
        if any(mark in label for mark in marks)
        for stem in stems
    )
    own = tuple(word[:6] for word in _WORD.findall(label) if word not in _GENERIC)
    return known + own


def industry_evidence(industry: str, facts: PageFacts) -> IndustryEvidence:
    """How far the page agrees with the row's industry cell."""
    label = " ".join(_PUNCTUATION.sub(" ", industry.casefold()).split())
    stems = _stems(f" {label} ") if label else ()
    if not stems:
        return IndustryEvidence()
    org = facts.organization
    parts = [facts.title, facts.meta_description, facts.og_description, facts.main_text[:_TEXT]]
    if org is not None:
        parts += [org.type, org.description]
    text = " ".join(parts).casefold()
    if len(text) < _TOO_LITTLE:
        return IndustryEvidence()  # too little said to tell
    found = next((stem for stem in stems if stem in text), None)
    if found is not None:
        return IndustryEvidence(1, AGREES, f"industry agrees ('{found}')")
    if not _known(f" {label} ") and not _reads_english(text):
        # A label known only by its own English words cannot be missed on a page in
        # another language (`seguros de vida` for Insurance): that says nothing.
        return IndustryEvidence()
    return IndustryEvidence(-1, -DIFFERS, f"industry differs (no word of '{industry}')")


def _known(label: str) -> bool:
    return any(mark in label for marks, _ in _INDUSTRIES for mark in marks)


# Words nearly every English text has, and few texts in other languages do.
_ENGLISH = frozenset(
    {"the", "and", "of", "for", "with", "our", "we", "to", "in", "is", "are", "from", "since"}
)
_LATIN_WORD = re.compile(r"[a-z]+")


def _reads_english(text: str) -> bool:
    words = _LATIN_WORD.findall(text)
    common = sum(word in _ENGLISH for word in words)
    return common >= 2 and common >= 0.05 * len(words)
