"""Countries of the unseen web: what their sites write (country in the site's language,
phone prefix, ccTLD), how a list writes the country and its cities."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    row: str  # how an upload writes the country
    iso: str
    tld: str
    phone: str
    lang: str
    local: str  # the country in the site's language
    cities: tuple[str, ...]  # as the site writes them
    row_cities: tuple[str, ...] = ()  # as a Latin-script list writes them (when different)

    def row_city(self, city: str) -> str:
        if self.row_cities and city in self.cities:
            return self.row_cities[self.cities.index(city)]
        return city


IT = Place("Italy", "IT", "it", "+39", "it", "Italia", ("Bologna", "Verona", "Bari"))
PT = Place("Portugal", "PT", "pt", "+351", "pt", "Portugal", ("Porto", "Braga", "Coimbra"))
BR = Place("Brazil", "BR", "com.br", "+55", "pt", "Brasil", ("Curitiba", "Campinas", "Recife"))
PL = Place("Poland", "PL", "pl", "+48", "pl", "Polska", ("Kraków", "Wrocław", "Gdańsk"))
TR = Place("Turkey", "TR", "com.tr", "+90", "tr", "Türkiye", ("İzmir", "Bursa", "Konya"))
UA = Place(
    "Ukraine",
    "UA",
    "com.ua",
    "+380",
    "uk",
    "Україна",
    ("Львів", "Харків", "Вінниця"),
    ("Lviv", "Kharkiv", "Vinnytsia"),
)
KZ = Place(
    "Kazakhstan",
    "KZ",
    "kz",
    "+7",
    "kk",
    "Қазақстан",
    ("Шымкент", "Өскемен", "Қостанай"),
    ("Shymkent", "Oskemen", "Kostanay"),
)
JP = Place(
    "Japan",
    "JP",
    "co.jp",
    "+81",
    "ja",
    "日本",
    ("浜松", "金沢", "仙台"),
    ("Hamamatsu", "Kanazawa", "Sendai"),
)
CN = Place(
    "China",
    "CN",
    "cn",
    "+86",
    "zh",
    "中国",
    ("苏州", "宁波", "东莞"),
    ("Suzhou", "Ningbo", "Dongguan"),
)
TW = Place(
    "Taiwan",
    "TW",
    "com.tw",
    "+886",
    "zh",
    "台灣",
    ("台中", "高雄", "新竹"),
    ("Taichung", "Kaohsiung", "Hsinchu"),
)
NZ = Place(
    "New Zealand", "NZ", "co.nz", "+64", "en", "New Zealand", ("Nelson", "Napier", "Dunedin")
)
ZA = Place(
    "South Africa", "ZA", "co.za", "+27", "en", "South Africa", ("Durban", "Pretoria", "George")
)
SG = Place("Singapore", "SG", "com.sg", "+65", "en", "Singapore", ("Singapore",))
IN = Place("India", "IN", "in", "+91", "en", "India", ("Pune", "Kochi", "Jaipur"))
CH_IT = Place("Switzerland", "CH", "ch", "+41", "it", "Svizzera", ("Lugano", "Bellinzona"))

PLACES = (IT, PT, BR, PL, TR, UA, KZ, JP, CN, TW, NZ, ZA, SG, IN, CH_IT)
BY_LANG: dict[str, tuple[Place, ...]] = {
    "it": (IT, CH_IT),
    "pt": (PT, BR),
    "pl": (PL,),
    "tr": (TR,),
    "uk": (UA,),
    "kk": (KZ,),
    "ja": (JP,),
    "zh": (CN, TW),
    "en": (NZ, ZA, SG, IN),
}
ISO = {place.row: place.iso for place in PLACES}
