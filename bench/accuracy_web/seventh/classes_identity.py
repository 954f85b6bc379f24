"""Classes of the seventh web about who a company is: for-sale, parked and expired domains
(many named in other scripts), registrars, dealers and agents whose pages sell things
(domain names included), companies without a LinkedIn page beside a namesake abroad and a
sibling brand at home, and same-name companies told apart by country, town or trade."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_identity import IdentityClasses, Parking
from bench.accuracy_web.model import Page, Site, Web
from bench.accuracy_web.seventh.landers import BROKER, MARKET, STYLES, lander, listing_page
from bench.accuracy_web.seventh.lands import (
    AE,
    BD,
    BR,
    ID,
    IL,
    IR,
    KZ,
    LA,
    LKS,
    LKT,
    MM,
    MN,
    PH,
    PL,
    TR,
    UA,
    VN,
)
from bench.accuracy_web.seventh.templates import PLAIN

_NOTICE_LAND = {
    "vi": VN,
    "tr": TR,
    "pl": PL,
    "pt-BR": BR,
    "id": ID,
    "tl": PH,
    "uk": UA,
    "kk": KZ,
    "ar": AE,
    "he": IL,
    "fa": IR,
    "bn": BD,
    "si": LKS,
    "ta": LKT,
    "my": MM,
    "lo": LA,
    "mn": MN,
}
_ENGLISH = (PH, BR, ID, VN, TR)


def _open_markets(web: Web) -> None:
    web.add_site(Site(MARKET, {}))
    web.add_site(Site(BROKER, {}))


def _serve(web: Web, domain: str, markup: str) -> None:
    web.sites[MARKET].pages[f"/buy/{domain}"] = Page(listing_page(domain).encode())
    web.sites[MARKET].pages[f"/frame/{domain}"] = Page(listing_page(domain).encode())
    web.sites[BROKER].pages[f"/{domain}"] = Page(listing_page(domain).encode())
    web.add_site(Site(domain, {"/": Page(markup.encode())}))


PARKING = Parking(STYLES, lander, _NOTICE_LAND, _ENGLISH, _open_markets, _serve)


# Real businesses whose pages sell things, domain names included.
SELLERS: tuple[tuple[Land, str, str, str, str], ...] = (
    (TR, "Alan Adı Dünyası", "Technology, Information and Internet", "Alan adı tescili ve hosting: .com.tr alan adınızı hemen alın, premium alan adları da satışta.", "webflow"),  # noqa: E501
    (BR, "Imóveis Litoral Sul", "Real Estate", "Casas e apartamentos à venda no litoral paranaense, com financiamento facilitado.", "squarespace"),  # noqa: E501
    (PL, "Auto Komis Mazury", "Retail Motor Vehicles", "Samochody używane na sprzedaż z gwarancją; skupujemy auta za gotówkę od ręki.", "jimdo"),  # noqa: E501
    (VN, "Tên Miền Việt", "Technology, Information and Internet", "Đăng ký tên miền .vn giá rẻ, mua bán tên miền đẹp và dịch vụ hosting tốc độ cao.", "tilda"),  # noqa: E501
    (ID, "Tanah Kavling Bogor", "Real Estate", "Dijual tanah kavling siap bangun di Bogor, sertifikat SHM, cicilan tanpa bunga.", "carrd"),  # noqa: E501
    (PH, "Lupa at Bahay Realty", "Real Estate", "House and lot for sale in Cebu, rent-to-own and bank financing available for every unit.", "wix"),  # noqa: E501
)  # fmt: skip


SIBLINGS = (" Group", " Trading", " Tech", " Export")
# (home, where a namesake has the LinkedIn page)
NO_LINKEDIN = tuple(
    zip(
        (VN, TR, PL, BR, ID, PH, VN, TR, PL, BR, ID, PH),
        (ID, PL, TR, PH, VN, BR, PH, BR, ID, VN, TR, PL),
        strict=True,
    )
)


# Same-name pairs: (name, (land, town index, industry, what it does) twice).
TWINS: tuple[tuple[str, tuple[Land, int, str, str], tuple[Land, int, str, str]], ...] = (
    ("Atlas Lojistik", (TR, 0, "Truck Transportation", "Irak'a kara yolu taşımacılığı yapıyor"), (PL, 1, "Truck Transportation", "obsługuje magazyny celne we Wrocławiu")),  # noqa: E501
    ("Golden Lotus", (VN, 0, "Restaurants", "phục vụ món chay và trà sen"), (ID, 1, "Restaurants", "menyajikan masakan vegetarian dan teh melati")),  # noqa: E501
    ("Nova Era Sistemas", (BR, 0, "IT Services and IT Consulting", "implanta sistemas de gestão para o varejo"), (PL, 2, "IT Services and IT Consulting", "wdraża systemy ERP dla hurtowni")),  # noqa: E501
    ("Orion Foods", (PH, 0, "Food Production", "gumagawa ng de-latang sardinas"), (ID, 0, "Food Production", "memproduksi mi instan dan bumbu dapur")),  # noqa: E501
    ("Sakura Dental", (VN, 1, "Medical Practices", "cấy ghép implant và chỉnh nha"), (BR, 2, "Medical Practices", "oferece implantes e clareamento dental")),  # noqa: E501
    ("Marmara Tekstil", (TR, 1, "Textile Manufacturing", "pamuklu havlu ve bornoz dokuyor"), (TR, 1, "Retail", "ev tekstili ürünleri satıyor")),  # noqa: E501
    ("Vista Verde", (BR, 0, "Farming", "cultiva café especial no cerrado mineiro"), (BR, 1, "Real Estate", "administra imóveis residenciais para locação")),  # noqa: E501
    ("Polar Star", (PL, 0, "Machinery Manufacturing", "produkuje agregaty chłodnicze"), (UA, 1, "Machinery Manufacturing", "виробляє холодильні камери")),  # noqa: E501
    ("Sunrise Pharma", (BD, 0, "Pharmaceutical Manufacturing", "জেনেরিক ওষুধ তৈরি করে"), (PH, 1, "Pharmaceutical Manufacturing", "namamahagi ng mga gamot sa mga botika")),  # noqa: E501
    ("Crescent Trading", (AE, 0, "Wholesale", "تستورد الأرز والسكر"), (BD, 2, "Wholesale", "চাল ও চিনি আমদানি করে")),  # noqa: E501
)  # fmt: skip


IDENTITY = IdentityClasses(
    parking=PARKING,
    sellers=SELLERS,
    no_linkedin=NO_LINKEDIN,
    no_linkedin_templates=PLAIN,
    siblings=SIBLINGS,
    twins=TWINS,
    twin_templates=PLAIN,
)
