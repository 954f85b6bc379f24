"""Company-name words of Mongolian and Belarusian as the same companies write them in
English (`Барилга` construction, `Мэбля` furniture), and their legal forms.

A company in Mongolia or Belarus keeps its brand in Latin letters and most often gives its
trade in English (`Тэнгэр Даатгал` Tenger Insurance); many of these words are English or
Russian loanwords spelled the language's way (`Ложистик`, `Лагістыка`), which neither the
Russian romanisation nor the Russian reading of a Latin name spells. These are the usual
trade words of company registers, not the names of any company.
"""

from __future__ import annotations

import re

MONGOLIAN_TRADES: dict[str, str] = {
    "барилга": "construction", "барилгын": "construction", "аялал": "travel",
    "жуулчлал": "tourism", "жуулчлалын": "tourism", "ложистик": "logistics",
    "тээвэр": "transport", "тээврийн": "transport", "худалдаа": "trading",
    "худалдааны": "trading", "үйлдвэр": "factory", "үйлдвэрлэл": "manufacturing",
    "ноос": "wool", "ноолуур": "cashmere", "кашемир": "cashmere", "сүү": "dairy",
    "хүнс": "foods", "хүнсний": "foods", "мах": "meat", "махны": "meat", "гурил": "flour",
    "талх": "bakery", "энерги": "energy", "эрчим": "energy", "технологи": "technology",
    "технологийн": "technology", "софт": "soft", "систем": "systems", "санхүү": "finance",
    "санхүүгийн": "financial", "даатгал": "insurance", "даатгалын": "insurance",
    "банк": "bank", "групп": "group", "трейд": "trade", "уурхай": "mining",
    "түлш": "fuel", "эмнэлэг": "hospital", "хэвлэл": "printing", "хэвлэлийн": "printing",
    "тавилга": "furniture", "хувцас": "clothing", "оёдол": "garment", "арьс": "leather",
    "тариалан": "farming", "мал": "livestock", "зөвлөх": "consulting",
    "зөвлөгөө": "consulting", "аудит": "audit", "сургалт": "training",
    "боловсрол": "education", "дэлгүүр": "store", "инженеринг": "engineering",
    "цахилгаан": "electric", "дизайн": "design", "медиа": "media",
    "үйлчилгээ": "services", "хөгжил": "development", "хөрөнгө": "capital",
}  # fmt: skip
BELARUSIAN_TRADES: dict[str, str] = {
    "мэбля": "furniture", "мэблі": "furniture", "тэкстыль": "textile", "лагістык": "logistic",
    "лагістыка": "logistics", "агра": "agro", "будаўніцтва": "construction",
    "будаўнічы": "construction", "будаўнічая": "construction", "транспарт": "transport",
    "гандаль": "trade", "гандлёвы": "trading", "гандлёвая": "trading", "прадукт": "product",
    "прадукты": "products", "харчовы": "food", "харчовая": "food", "малако": "dairy",
    "малочны": "dairy", "мяса": "meat", "мясны": "meat", "піва": "beer", "завод": "plant",
    "фабрыка": "factory", "тэхналогіі": "technologies", "тэхналогія": "technology",
    "тэх": "tech", "сістэмы": "systems", "сэрвіс": "service", "паслугі": "services",
    "інжынірынг": "engineering", "энерга": "energo", "энергія": "energy",
    "фінансы": "finance", "страхаванне": "insurance", "група": "group", "груп": "group",
    "трэйд": "trade", "турызм": "tourism", "тур": "tour", "дрэва": "wood", "абутак": "footwear",
    "адзенне": "clothing", "шкло": "glass", "друк": "print", "медыя": "media",
    "дызайн": "design", "фарм": "pharm", "фармацыя": "pharmacy", "кансалтынг": "consulting",
    "аўта": "auto", "электра": "electro", "медтэх": "medtech", "сталь": "steel",
}  # fmt: skip
# Trade words Russian or Ukrainian write the same way: they translate a name's word, but do
# not tell its language (`Альфа Банк`, `Тур Групп` are Russian).
SHARED_WITH_RUSSIAN = frozenset(
    {"банк", "групп", "груп", "група", "систем", "софт", "медиа", "дизайн", "аудит", "трейд",
     "кашемир", "мал", "мах", "завод", "тур", "фарм", "сталь", "мяса", "тэх"}
)  # fmt: skip
# Legal forms written before or after the name: Mongolian ХХК (LLC), ХК (JSC), ТӨХК (a
# state-owned JSC), ТББ (an NGO); Belarusian ТАА (LLC), ААТ (JSC), ЗАТ (a closed JSC), УП,
# ПУП, ПрУП (unitary enterprises), ІП (a sole trader).
LEGAL_FORMS = re.compile(
    r"(?<!\w)(?:ххк|хк|төхк|тбб|таа|аат|зат|уп|пуп|пруп|іп)(?!\w)", re.IGNORECASE
)
