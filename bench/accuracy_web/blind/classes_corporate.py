"""Classes of the blind web about companies and their groups: renamed companies (the row
writes the old name and the old domain), subsidiaries named like a better-ranked parent,
the parents themselves, brands that belong to a group under another name, and acronyms
that another firm abroad uses too."""

from __future__ import annotations

from bench.accuracy_web.blind.landers import EXCHANGE, listing_page
from bench.accuracy_web.blind.lands import DK, FI, HR, HU, ID, LT, NG, NO, PH, RO, SK, VN
from bench.accuracy_web.land import Land
from bench.accuracy_web.land_corporate import CorporateClasses

FORMERLY = {
    "fi": "Aiemmin {old}.",
    "hu": "Korábbi nevünk: {old}.",
    "ro": "Fostă {old}.",
    "vi": "Trước đây là {old}.",
    "id": "Sebelumnya bernama {old}.",
    "da": "Tidligere kendt som {old}.",
    "nb": "Tidligere {old}.",
    "hr": "Ranije poznati kao {old}.",
    "sk": "Predtým {old}.",
    "lt": "Anksčiau – {old}.",
    "en": "Formerly trading as {old}.",
}
MEMBER = {
    "fi": "{group} -konsernin jäsen.",
    "hu": "A {group} cégcsoport tagja.",
    "ro": "Membră a grupului {group}.",
    "vi": "Thành viên của {group}.",
    "id": "Bagian dari {group}.",
    "da": "En del af {group}.",
    "nb": "En del av {group}.",
    "hr": "Član grupe {group}.",
    "sk": "Súčasť skupiny {group}.",
    "lt": "{group} grupės narė.",
    "en": "A member of {group}.",
}
GROUP_WORD = {"fi": "Konserni", "hu": "Csoport", "ro": "Grup", "da": "Koncern", "en": "Group"}
GROUP_DOES = {
    "fi": "omistaa ja kehittää teollisuusyrityksiä",
    "hu": "ipari és kereskedelmi cégeket irányít",
    "ro": "deține și administrează companii industriale",
    "da": "ejer og udvikler industrivirksomheder",
    "en": "owns and runs industrial and trading companies",
    "nb": "eier og utvikler industribedrifter",
    "vi": "đầu tư và quản lý các công ty thành viên",
    "id": "mengelola anak perusahaan di bidang industri",
}
OUR_COMPANIES = {
    "fi": "Konserniin kuuluvat",
    "hu": "Tagvállalataink",
    "ro": "Companiile grupului",
    "da": "Koncernens selskaber",
    "en": "Our companies",
}

# (land, fate of the old domain): it redirects, no longer resolves, or is now for sale.
REBRANDS: tuple[tuple[Land, str], ...] = (
    (FI, "redirect"),
    (HU, "redirect"),
    (ID, "redirect"),
    (NG, "redirect"),
    (DK, "dead"),
    (HR, "dead"),
    (SK, "for_sale"),
    (LT, "for_sale"),
)
ABROAD = {"FI": NO, "HU": SK, "ID": VN, "NG": PH, "DK": FI, "HR": RO, "SK": HU, "LT": DK}


GROUPS: tuple[Land, ...] = (FI, HU, RO, DK, NG)


PART_OF: tuple[tuple[Land, str], ...] = (
    (NO, "Hardanger Industrigruppe"),
    (VN, "Tập đoàn Mekong Xanh"),
    (ID, "Grup Nusantara Raya"),
    (PH, "Visayan Pacific Group"),
)


ACRONYMS: tuple[tuple[Land, str, str, Land, str, str, str], ...] = (
    (FI, "Pohjolan Sähkö ja Automaatio", "PSAU", NO, "Electrical Equipment Manufacturing", "electrical", "(Pohjolan Sähkö ja Automaatio) suunnittelee sähkö- ja automaatiojärjestelmiä teollisuudelle"),  # noqa: E501
    (HU, "Dél-alföldi Mezőgazdasági Szövetkezet", "DAMSZ", SK, "Farming", "farming", "(Dél-alföldi Mezőgazdasági Szövetkezet) gabonát és napraforgót termel"),  # noqa: E501
    (RO, "Societatea de Transport Ardeleană", "STAR", HR, "Truck Transportation", "transport", "(Societatea de Transport Ardeleană) transportă marfă în Transilvania"),  # noqa: E501
    (NO, "Vestlandske Rør og Ventil", "VRV", DK, "Wholesale", "wholesale", "(Vestlandske Rør og Ventil) selger rør, ventiler og pumper til rørleggere"),  # noqa: E501
    (ID, "Perusahaan Niaga Kalimantan", "PNK", PH, "Wholesale", "wholesale", "(Perusahaan Niaga Kalimantan) memasok bahan bangunan ke toko-toko di Kalimantan"),  # noqa: E501
    (DK, "Jysk Varme og Energi", "JVE", LT, "Utilities", "energy", "(Jysk Varme og Energi) leverer fjernvarme til boliger i Jylland"),  # noqa: E501
    (NG, "Lagos Industrial Cleaning Services", "LICS", FI, "Facilities Services", "cleaning", "(Lagos Industrial Cleaning Services) cleans factories and warehouses"),  # noqa: E501
    (LT, "Kauno Medienos Apdirbimas", "KMA", HU, "Wood Product Manufacturing", "timber", "(Kauno Medienos Apdirbimas) gamina klijuotą medieną ir grindis"),  # noqa: E501
)  # fmt: skip


CORPORATE = CorporateClasses(
    rebrands=REBRANDS,
    abroad=ABROAD,
    formerly=FORMERLY,
    rebrand_templates=("typo3", "odoo", "jimdo", "webnode"),
    market=EXCHANGE,
    listing_page=listing_page,
    namesake_words=("Studio", "Trading", "Labs"),
    namesake_template="blogger",
    groups=GROUPS,
    group_word=GROUP_WORD,
    our_companies=OUR_COMPANIES,
    parent_template="jsonld_list",
    sub_templates=("webnode", "odoo", "typo3"),
    list_in_text=False,
    part_of=PART_OF,
    group_does=GROUP_DOES,
    member=MEMBER,
    group_template="typo3",
    member_templates=("jimdo", "blogger"),
    acronyms=ACRONYMS,
    acronym_templates=("odoo", "jsonld_list", "typo3", "webnode"),
    twin_template="blogger",
    finder_url="https://www.bizregister-global.com/acronym/",
    finder_title="{letters} - what does it stand for?",
)
