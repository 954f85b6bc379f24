"""Countries of the fresh web: their language, ccTLD, phone prefix, how a site writes the
country and its cities, and how a Latin-script list writes them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Land:
    row: str  # the country as an English list writes it
    iso: str
    tld: str
    phone: str
    lang: str
    local: str  # the country in the site's own language
    cities: tuple[str, ...]  # as the site writes them
    row_cities: tuple[str, ...]  # as a Latin-script list writes them

    def row_city(self, city: str) -> str:
        return self.row_cities[self.cities.index(city)] if city in self.cities else city


GR = Land(
    "Greece",
    "GR",
    "gr",
    "+30",
    "el",
    "Ελλάδα",
    ("Θεσσαλονίκη", "Πάτρα", "Ηράκλειο"),
    ("Thessaloniki", "Patras", "Heraklion"),
)
IL = Land(
    "Israel",
    "IL",
    "co.il",
    "+972",
    "he",
    "ישראל",
    ("חיפה", "באר שבע", "נתניה"),
    ("Haifa", "Beersheba", "Netanya"),
)
EG = Land(
    "Egypt",
    "EG",
    "com.eg",
    "+20",
    "ar",
    "مصر",
    ("الإسكندرية", "المنصورة", "أسيوط"),
    ("Alexandria", "Mansoura", "Asyut"),
)
AE = Land(
    "United Arab Emirates",
    "AE",
    "ae",
    "+971",
    "ar",
    "الإمارات",
    ("الشارقة", "العين", "عجمان"),
    ("Sharjah", "Al Ain", "Ajman"),
)
TH = Land(
    "Thailand",
    "TH",
    "co.th",
    "+66",
    "th",
    "ประเทศไทย",
    ("เชียงใหม่", "ขอนแก่น", "ภูเก็ต"),
    ("Chiang Mai", "Khon Kaen", "Phuket"),
)
IN = Land(
    "India",
    "IN",
    "in",
    "+91",
    "hi",
    "भारत",
    ("जयपुर", "लखनऊ", "इंदौर"),
    ("Jaipur", "Lucknow", "Indore"),
)
KR = Land(
    "South Korea",
    "KR",
    "co.kr",
    "+82",
    "ko",
    "대한민국",
    ("부산", "대전", "광주"),
    ("Busan", "Daejeon", "Gwangju"),
)
BG = Land(
    "Bulgaria",
    "BG",
    "bg",
    "+359",
    "bg",
    "България",
    ("Пловдив", "Варна", "Русе"),
    ("Plovdiv", "Varna", "Ruse"),
)
RS = Land(
    "Serbia",
    "RS",
    "rs",
    "+381",
    "sr",
    "Србија",
    ("Нови Сад", "Ниш", "Крагујевац"),
    ("Novi Sad", "Nis", "Kragujevac"),
)
NL = Land(
    "Netherlands",
    "NL",
    "nl",
    "+31",
    "nl",
    "Nederland",
    ("Utrecht", "Eindhoven", "Groningen"),
    ("Utrecht", "Eindhoven", "Groningen"),
)
SE = Land(
    "Sweden",
    "SE",
    "se",
    "+46",
    "sv",
    "Sverige",
    ("Göteborg", "Malmö", "Umeå"),
    ("Gothenburg", "Malmo", "Umea"),
)
CZ = Land(
    "Czechia",
    "CZ",
    "cz",
    "+420",
    "cs",
    "Česko",
    ("Brno", "Ostrava", "Plzeň"),
    ("Brno", "Ostrava", "Plzen"),
)
MX = Land(
    "Mexico",
    "MX",
    "com.mx",
    "+52",
    "es",
    "México",
    ("Monterrey", "Guadalajara", "Puebla"),
    ("Monterrey", "Guadalajara", "Puebla"),
)
CA = Land(
    "Canada",
    "CA",
    "ca",
    "+1",
    "en",
    "Canada",
    ("Halifax", "Winnipeg", "Victoria"),
    ("Halifax", "Winnipeg", "Victoria"),
)
IE = Land(
    "Ireland",
    "IE",
    "ie",
    "+353",
    "en",
    "Ireland",
    ("Galway", "Limerick", "Cork"),
    ("Galway", "Limerick", "Cork"),
)
RU = Land(
    "Russia",
    "RU",
    "ru",
    "+7",
    "ru",
    "Россия",
    ("Екатеринбург", "Новосибирск", "Самара"),
    ("Yekaterinburg", "Novosibirsk", "Samara"),
)
TW = Land(
    "Taiwan",
    "TW",
    "com.tw",
    "+886",
    "zh",
    "臺灣",
    ("臺中", "高雄", "新竹"),
    ("Taichung", "Kaohsiung", "Hsinchu"),
)
JP = Land(
    "Japan",
    "JP",
    "co.jp",
    "+81",
    "ja",
    "日本",
    ("静岡", "岡山", "熊本"),
    ("Shizuoka", "Okayama", "Kumamoto"),
)
LANDS = (RU, TW, JP, GR, IL, EG, AE, TH, IN, KR, BG, RS, NL, SE, CZ, MX, CA, IE)
ISO = {land.row: land.iso for land in LANDS}
