"""Classes of the sixth web about companies and their groups: renamed companies (the row
writes the old name and the old domain), subsidiaries named like a better-ranked parent,
the parents themselves, brands that belong to a group under another name, and acronyms
that another firm abroad uses too."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_corporate import CorporateClasses
from bench.accuracy_web.sixth.landers import MARKET, listing_page
from bench.accuracy_web.sixth.lands import AL, AZ, CL, CO, CZ, EE, KE, LV, MY, PE, RSL, SI, UZ
from bench.accuracy_web.sixth.templates import PLAIN

FORMERLY = {
    "es": "Antes conocida como {old}.",
    "cs": "Dříve {old}.",
    "et": "Endise nimega {old}.",
    "lv": "Iepriekš – {old}.",
    "sl": "Prej {old}.",
    "sq": "Më parë e njohur si {old}.",
    "ms": "Dahulunya dikenali sebagai {old}.",
    "sw": "Zamani ikijulikana kama {old}.",
    "az": "Əvvəlki adı: {old}.",
    "uz": "Avvalgi nomi: {old}.",
    "sr-Latn": "Ranije poslovala kao {old}.",
    "en": "Previously operating as {old}.",
}
MEMBER = {
    "es": "Una empresa del {group}.",
    "cs": "Člen skupiny {group}.",
    "et": "{group} kontserni liige.",
    "lv": "{group} grupas uzņēmums.",
    "sl": "Del skupine {group}.",
    "sq": "Pjesë e grupit {group}.",
    "ms": "Anak syarikat {group}.",
    "sw": "Kampuni tanzu ya {group}.",
    "az": "{group} holdinqinin üzvü.",
    "uz": "{group} guruhi tarkibida.",
    "sr-Latn": "Članica grupe {group}.",
    "en": "Part of the {group} family of companies.",
}
GROUP_WORD = {"es": "Grupo", "cs": "Holding", "et": "Grupp", "lv": "Grupa", "sw": "Group"}
GROUP_DOES = {
    "es": "administra empresas industriales y comerciales",
    "cs": "řídí průmyslové a obchodní společnosti",
    "et": "omab ja arendab tööstusettevõtteid",
    "lv": "pārvalda ražošanas un tirdzniecības uzņēmumus",
    "sw": "inamiliki na kuendesha makampuni ya viwanda na biashara",
    "ms": "mengurus syarikat perindustrian dan perdagangan",
    "sl": "upravlja industrijska in trgovska podjetja",
    "uz": "sanoat va savdo korxonalarini boshqaradi",
    "en": "owns and runs industrial and trading companies",
}
OUR_COMPANIES = {
    "es": "Nuestras empresas",
    "cs": "Společnosti skupiny",
    "et": "Kontserni ettevõtted",
    "lv": "Grupas uzņēmumi",
    "sw": "Kampuni zetu",
}

# (land, fate of the old domain): it redirects, no longer resolves, or is now for sale.
REBRANDS: tuple[tuple[Land, str], ...] = (
    (PE, "redirect"),
    (CZ, "redirect"),
    (MY, "redirect"),
    (KE, "redirect"),
    (AZ, "redirect"),
    (EE, "dead"),
    (SI, "dead"),
    (AL, "for_sale"),
    (UZ, "for_sale"),
    (RSL, "redirect"),
)
ABROAD = {"PE": CO, "CZ": SI, "MY": KE, "KE": MY, "AZ": UZ, "EE": LV, "SI": CZ, "AL": CL,
          "UZ": AZ, "RS": AL}  # fmt: skip


GROUPS: tuple[Land, ...] = (PE, CZ, EE, LV, KE)


PART_OF: tuple[tuple[Land, str], ...] = (
    (CL, "Grupo Austral Pacífico"),
    (MY, "Kumpulan Nusa Selatan"),
    (SI, "Skupina Alpe Adria Invest"),
    (UZ, "Turon Invest Guruhi"),
)


ACRONYMS: tuple[tuple[Land, str, str, Land, str, str, str], ...] = (
    (PE, "Compañía Minera del Sur Andino", "CMSA", CL, "Mining", "mining", "(Compañía Minera del Sur Andino) extrae cobre y molibdeno en el sur del Perú"),  # noqa: E501
    (CZ, "Moravské Strojírny a Slévárny", "MSAS", SI, "Machinery Manufacturing", "machinery", "(Moravské Strojírny a Slévárny) odlévá a obrábí díly pro zemědělské stroje"),  # noqa: E501
    (EE, "Lõuna-Eesti Energia", "LEE", LV, "Utilities", "energy", "(Lõuna-Eesti Energia) müüb elektrit ja kaugkütet kodudele"),  # noqa: E501
    (CO, "Transportadora Nacional de Carga", "TNC", PE, "Truck Transportation", "transport", "(Transportadora Nacional de Carga) mueve carga entre Buenaventura y Bogotá"),  # noqa: E501
    (KE, "Kenya Agricultural Supplies Company", "KASCO", MY, "Wholesale", "supplies", "(Kenya Agricultural Supplies Company) inasambaza mbolea na mbegu kwa wakulima"),  # noqa: E501
    (MY, "Syarikat Pengangkutan Pantai Timur", "SPPT", KE, "Truck Transportation", "transport", "(Syarikat Pengangkutan Pantai Timur) mengangkut kontena dari pelabuhan Kuantan"),  # noqa: E501
    (AZ, "Azərbaycan Tikinti Materialları", "ATM", UZ, "Wholesale", "building", "(Azərbaycan Tikinti Materialları) sement və kərpic satır"),  # noqa: E501
    (SI, "Zavod za Gradbeništvo Celje", "ZGC", CZ, "Civil Engineering", "engineering", "(Zavod za Gradbeništvo Celje) preskuša gradbene materiale"),  # noqa: E501
)  # fmt: skip


CORPORATE = CorporateClasses(
    rebrands=REBRANDS,
    abroad=ABROAD,
    formerly=FORMERLY,
    rebrand_templates=("rdfa", *PLAIN),
    market=MARKET,
    listing_page=listing_page,
    namesake_words=("Atelier", "Imports", "Digital Lab"),
    namesake_template="ghost",
    groups=GROUPS,
    group_word=GROUP_WORD,
    our_companies=OUR_COMPANIES,
    parent_template="microdata",
    sub_templates=PLAIN,
    list_in_text=True,
    part_of=PART_OF,
    group_does=GROUP_DOES,
    member=MEMBER,
    group_template="drupal",
    member_templates=("ghost", "hubspot"),
    acronyms=ACRONYMS,
    acronym_templates=("drupal", "microdata", "framer", "rdfa"),
    twin_template="ghost",
    finder_url="https://www.acronymfinder-biz.com/",
    finder_title="{letters} meaning · company abbreviations",
)
