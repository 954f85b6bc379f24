"""Classes of the seventh web about companies and their groups: renamed companies (the row
writes the old name and the old domain), subsidiaries named like a better-ranked parent,
the parents themselves, brands that belong to a group under another name, and acronyms
that another firm abroad uses too."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_corporate import CorporateClasses
from bench.accuracy_web.seventh.landers import MARKET, listing_page
from bench.accuracy_web.seventh.lands import BR, ID, PH, PL, TR, VN
from bench.accuracy_web.seventh.templates import PLAIN

FORMERLY = {
    "vi": "Trước đây mang tên {old}.",
    "tr": "Eski unvanı: {old}.",
    "pl": "Dawniej działająca jako {old}.",
    "pt-BR": "Antiga {old}.",
    "id": "Sebelumnya bernama {old}.",
    "tl": "Dating kilala bilang {old}.",
    "en": "Trading as {old} until 2023.",
}
MEMBER = {
    "vi": "Thành viên của {group}.",
    "tr": "Bir {group} kuruluşudur.",
    "pl": "Spółka z grupy {group}.",
    "pt-BR": "Uma empresa do {group}.",
    "id": "Anak perusahaan {group}.",
    "tl": "Kasapi ng {group}.",
    "en": "A {group} company.",
}
GROUP_WORD = {"tr": "Holding", "pl": "Grupa", "pt-BR": "Participações", "id": "Grup", "vi": "Group"}
GROUP_DOES = {
    "vi": "quản lý các công ty sản xuất và thương mại",
    "tr": "sanayi ve ticaret şirketlerini yönetiyor",
    "pl": "zarządza spółkami produkcyjnymi i handlowymi",
    "pt-BR": "administra empresas industriais e comerciais",
    "id": "mengelola perusahaan industri dan perdagangan",
    "tl": "namamahala ng mga kumpanya sa industriya at kalakalan",
    "en": "owns and runs industrial and trading companies",
}
OUR_COMPANIES = {
    "vi": "Công ty thành viên",
    "tr": "Grup şirketlerimiz",
    "pl": "Spółki grupy",
    "pt-BR": "Nossas empresas",
    "id": "Perusahaan kami",
}

# (land, fate of the old domain): it redirects, no longer resolves, or is now for sale.
REBRANDS: tuple[tuple[Land, str], ...] = (
    (VN, "redirect"),
    (TR, "redirect"),
    (PL, "dead"),
    (BR, "redirect"),
    (ID, "for_sale"),
    (PH, "redirect"),
    (VN, "dead"),
    (TR, "for_sale"),
    (PL, "redirect"),
    (BR, "redirect"),
)
ABROAD = {"VN": ID, "TR": PL, "PL": BR, "BR": PH, "ID": VN, "PH": TR}

GROUPS: tuple[Land, ...] = (TR, PL, BR, ID, VN)

PART_OF: tuple[tuple[Land, str], ...] = (
    (PH, "Ayala-Sandoval Holdings Inc."),
    (BR, "Grupo Vale do Sol S.A."),
    (ID, "Grup Sinar Abadi"),
    (PL, "Grupa Kapitałowa Orzeł"),
)

ACRONYMS: tuple[tuple[Land, str, str, Land, str, str, str], ...] = (
    (TR, "Türkiye Tarım Makineleri Sanayi", "TTMS", PL, "Machinery Manufacturing", "machinery", "(Türkiye Tarım Makineleri Sanayi) traktör römorku ve pulluk üretiyor"),  # noqa: E501
    (PL, "Przedsiębiorstwo Usług Komunalnych", "PUK", BR, "Environmental Services", "services", "(Przedsiębiorstwo Usług Komunalnych) wywozi odpady i utrzymuje zieleń miejską"),  # noqa: E501
    (BR, "Companhia Paranaense de Armazéns", "CPA", ID, "Warehousing and Storage", "storage", "(Companhia Paranaense de Armazéns) armazena soja e milho em silos"),  # noqa: E501
    (VN, "Công ty Cổ phần Cơ khí Đông Á", "DAMECO", TR, "Machinery Manufacturing", "machinery", "(Công ty Cổ phần Cơ khí Đông Á) chế tạo kết cấu thép và băng tải"),  # noqa: E501
    (ID, "Perusahaan Angkutan Laut Nusantara", "PALN", PH, "Maritime Transportation", "shipping", "(Perusahaan Angkutan Laut Nusantara) mengoperasikan kapal kargo antarpulau"),  # noqa: E501
    (PH, "Visayas Electric and Water Utilities", "VEWU", VN, "Utilities", "utilities", "(Visayas Electric and Water Utilities) ay nagbibigay ng kuryente at tubig sa mga bayan"),  # noqa: E501
    (TR, "Anadolu Kimya ve Boya", "AKB", BR, "Chemical Manufacturing", "chemicals", "(Anadolu Kimya ve Boya) endüstriyel boya ve vernik üretiyor"),  # noqa: E501
    (PL, "Zakłady Mięsne Pomorze", "ZMP", VN, "Food Production", "foods", "(Zakłady Mięsne Pomorze) produkuje wędliny i kiełbasy"),  # noqa: E501
)  # fmt: skip


CORPORATE = CorporateClasses(
    rebrands=REBRANDS,
    abroad=ABROAD,
    formerly=FORMERLY,
    rebrand_templates=("spa_jsonld", *PLAIN),
    market=MARKET,
    listing_page=listing_page,
    namesake_words=("Boutique", "Ventures", "Studio"),
    namesake_template="carrd",
    groups=GROUPS,
    group_word=GROUP_WORD,
    our_companies=OUR_COMPANIES,
    parent_template="squarespace",
    sub_templates=PLAIN,
    list_in_text=True,
    part_of=PART_OF,
    group_does=GROUP_DOES,
    member=MEMBER,
    group_template="webflow",
    member_templates=("jimdo", "tilda"),
    acronyms=ACRONYMS,
    acronym_templates=("webflow", "spa_jsonld", "squarespace", "hero_h2"),
    twin_template="carrd",
    finder_url="https://www.abbreviations-db.net/company/",
    finder_title="{letters} – what does it stand for? | Abbreviations DB",
)
