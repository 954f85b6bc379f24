"""What the fresh web's companies are called and how their sites describe them, in each
language: names in their own script with a Latin spelling, trades, sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    own: str  # as the company's site writes it
    latin: str  # a Latin spelling (the same as `own` for Latin-script names)
    industry: str  # English, as an upload's industry column and LinkedIn write it
    does: str  # what it does, in the site's language


# Names in scripts other than Latin: (own, latin, industry, does).
SCRIPTED: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "el": (
        (
            "Αιγαίο Τεχνική",
            "Aigaio Techniki",
            "Engineering",
            "μελέτες και κατασκευές ψυκτικών εγκαταστάσεων",
        ),
        (
            "Όλυμπος Τρόφιμα",
            "Olympos Trofima",
            "Food Production",
            "παραγωγή παραδοσιακών ζυμαρικών και τραχανά",
        ),
        (
            "Καλλιστώ Εκδόσεις",
            "Kallisto Ekdoseis",
            "Publishing",
            "εκδόσεις παιδικών βιβλίων και εκπαιδευτικού υλικού",
        ),
        (
            "Ποσειδών Ναυτιλιακή",
            "Poseidon Naftiliaki",
            "Maritime",
            "διαχείριση φορτηγών πλοίων μικρής χωρητικότητας",
        ),
        (
            "Δρυάδα Ξυλουργική",
            "Dryada Xylourgiki",
            "Furniture",
            "κατασκευή επίπλων κουζίνας από μασίφ ξύλο",
        ),
        (
            "Ήλιος Ενέργεια Κρήτης",
            "Ilios Energeia Kritis",
            "Renewable Energy",
            "εγκατάσταση φωτοβολταϊκών σε αγροτικά ακίνητα",
        ),
        (
            "Μέλισσα Κτηνοτροφική",
            "Melissa Ktinotrofiki",
            "Agriculture",
            "ζωοτροφές και συμπληρώματα για αιγοπρόβατα",
        ),
        ("Αστέρας Υφάσματα", "Asteras Yfasmata", "Textiles", "βαμβακερά υφάσματα για ξενοδοχεία"),
    ),
    "he": (
        ("אופק מערכות", "Ofek Maarachot", "Software", "מערכות ניהול מלאי למפעלים קטנים"),
        ("גפן תעשיות", "Gefen Taasiyot", "Plastics", "ייצור אריזות פלסטיק לתעשיית המזון"),
        ("ים תיכון לוגיסטיקה", "Yam Tichon Logistika", "Logistics", "שילוח ימי ואחסון מכולות בנמל"),
        ("ארז בנייה ירוקה", "Erez Bniya Yeruka", "Construction", "בנייה ירוקה ושיפוץ מבני ציבור"),
        ("שקד מזון", "Shaked Mazon", "Food Production", "חטיפי שקדים ואגוזים ללא תוספת סוכר"),
        ("כרמל הנדסת מים", "Carmel Handasat Mayim", "Water Treatment", "מתקני טיהור מים לחקלאות"),
        ("נחל טכנולוגיות", "Nachal Technologiot", "Electronics", "חיישנים אלחוטיים למעקב אחר קרקע"),
    ),
    "ar": (
        (
            "النخيل للتجارة",
            "Al Nakheel Trading",
            "Wholesale",
            "استيراد وتوزيع التمور ومنتجات النخيل",
        ),
        (
            "الواحة للهندسة",
            "Al Waha Engineering",
            "Engineering",
            "تصميم أنظمة التكييف المركزي للمباني",
        ),
        ("النسر للنقل", "Al Nesr Transport", "Transportation", "نقل البضائع بالشاحنات بين المدن"),
        (
            "الفجر للأغذية",
            "Al Fajr Foods",
            "Food Production",
            "تصنيع الأجبان البيضاء والألبان الطازجة",
        ),
        (
            "الريان للمقاولات",
            "Al Rayyan Contracting",
            "Construction",
            "مقاولات الطرق والبنية التحتية",
        ),
        ("المرجان للسياحة", "Al Morgan Tourism", "Tourism", "رحلات الغوص والسياحة البحرية"),
        (
            "الصقر للصناعات المعدنية",
            "Al Saqr Metal Industries",
            "Metalworking",
            "تشكيل الصاج والهياكل المعدنية",
        ),
        (
            "السنبلة للمطاحن",
            "Al Sunbula Mills",
            "Food Production",
            "طحن القمح وإنتاج الدقيق للمخابز",
        ),
    ),
    "th": (
        (
            "ไทยรุ่งเรือง อุตสาหกรรม",
            "Thai Rungrueang Industry",
            "Manufacturing",
            "ผลิตชิ้นส่วนยางสำหรับรถจักรยานยนต์",
        ),
        ("สยามพัฒนา ฟู้ดส์", "Siam Pattana Foods", "Food Production", "ผลิตซอสปรุงรสและน้ำจิ้มส่งออก"),
        ("ล้านนา เซรามิก", "Lanna Ceramic", "Ceramics", "เครื่องปั้นดินเผาศิลาดลทำมือ"),
        ("อันดามัน มารีน", "Andaman Marine", "Marine", "ซ่อมบำรุงเรือยอชต์และเรือท่องเที่ยว"),
        ("ทองสุข การเกษตร", "Thongsuk Kankaset", "Agriculture", "ปุ๋ยอินทรีย์สำหรับสวนทุเรียน"),
        ("เจริญผล โลจิสติกส์", "Charoenphon Logistics", "Logistics", "ขนส่งสินค้าห้องเย็นทั่วภาคเหนือ"),
    ),
    "hi": (
        ("सूर्या टेक्सटाइल्स", "Surya Textiles", "Textiles", "हाथ से छपे सूती कपड़े और चादरें"),
        ("गंगा एग्रो", "Ganga Agro", "Agriculture", "जैविक बीज और कृषि उपकरण"),
        (
            "विजय इंजीनियरिंग वर्क्स",
            "Vijay Engineering Works",
            "Engineering",
            "औद्योगिक पंप और वाल्व का निर्माण",
        ),
        ("अरावली स्टोन", "Aravali Stone", "Mining", "संगमरमर और ग्रेनाइट की कटाई और निर्यात"),
        ("नर्मदा फार्मा", "Narmada Pharma", "Pharmaceuticals", "आयुर्वेदिक दवाइयों का निर्माण"),
        ("कमल पैकेजिंग", "Kamal Packaging", "Packaging", "नालीदार डिब्बे और कागज़ की पैकेजिंग"),
    ),
    "ko": (
        ("한빛정밀", "Hanbit Jeongmil", "Machinery", "자동차 부품용 정밀 금형 제작"),
        ("푸른바다수산", "Pureunbada Susan", "Seafood", "냉동 수산물 가공 및 수출"),
        ("새롬소프트", "Saerom Soft", "Software", "중소기업용 회계 소프트웨어 개발"),
        ("대양물류", "Daeyang Mulryu", "Logistics", "항만 창고 운영과 화물 운송"),
        ("누리바이오", "Nuri Bio", "Biotechnology", "발효 미생물 기반 사료 첨가제 연구"),
        ("청솔가구", "Cheongsol Gagu", "Furniture", "원목 가구 설계와 제작"),
    ),
    "bg": (
        (
            "Родопа Мебел",
            "Rodopa Mebel",
            "Furniture",
            "производство на мебели от масивна дървесина",
        ),
        ("Тракия Агро", "Trakia Agro", "Agriculture", "отглеждане и преработка на маслодайна роза"),
        (
            "Балкан Инженеринг",
            "Balkan Inzhenering",
            "Engineering",
            "проектиране на стоманени конструкции",
        ),
        (
            "Струма Транс",
            "Struma Trans",
            "Transportation",
            "международен транспорт на хладилни товари",
        ),
        ("Пирин Вода", "Pirin Voda", "Beverages", "бутилиране на планинска изворна вода"),
        ("Янтра Печат", "Yantra Pechat", "Printing", "офсетов печат на етикети и опаковки"),
    ),
    "sr": (
        (
            "Морава Градња",
            "Morava Gradnja",
            "Construction",
            "изградња стамбених објеката и пословних зграда",
        ),
        ("Дунав Лука", "Dunav Luka", "Logistics", "претовар и складиштење расутих терета"),
        ("Фрушка Вина", "Fruska Vina", "Wine", "производња вина са виноградима на Фрушкој гори"),
        ("Тара Дрво", "Tara Drvo", "Wood Products", "производња пелета и дрвене грађе"),
        ("Златибор Млекара", "Zlatibor Mlekara", "Dairy", "производња сира и кајмака"),
        ("Копаоник Туризам", "Kopaonik Turizam", "Tourism", "смештај и организација зимских тура"),
    ),
}

# Latin-script names are a brand and a trade: brands by language, trades as
# (word in the name, industry, what it does in the site's language).
BRANDS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Veenhof",
        "Brinkstra",
        "Wilgenrode",
        "Kooiker",
        "Zwanenveld",
        "Dijkmeer",
        "Eemhorst",
        "Lindewaard",
    ),
    "sv": (
        "Björkvik",
        "Hagström",
        "Ljungdal",
        "Fjällsta",
        "Sjöbacka",
        "Granlid",
        "Ekeryd",
        "Tallmo",
    ),
    "cs": (
        "Vltavín",
        "Hradecký",
        "Sokolík",
        "Javorník",
        "Bělostav",
        "Kamenec",
        "Ořechov",
        "Lipovec",
    ),
    "es": (
        "Sierra Alta",
        "Tlalocan",
        "Nopalera",
        "Cuauhtli",
        "Mezquital",
        "Altamira",
        "Huasteca",
        "Xochimil",
    ),
    "en": (
        "Fundy",
        "Kestrelmoor",
        "Tamarack",
        "Shannonside",
        "Burren",
        "Corrib",
        "Muskeg",
        "Aspenridge",
    ),
}
TRADES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "nl": (
        (
            "Installatietechniek",
            "Construction",
            "warmtepompen en ventilatie voor woningen en kantoren",
        ),
        ("Bouw", "Construction", "renovatie van monumentale panden en nieuwbouw"),
        ("Logistiek", "Logistics", "palletopslag en distributie in de Benelux"),
        ("Kaasmakerij", "Dairy", "boerenkaas van rauwe melk, ambachtelijk gemaakt"),
    ),
    "sv": (
        ("Snickeri", "Furniture", "platsbyggda kök och garderober i massivt trä"),
        ("Maskin", "Machinery", "service och reservdelar för skogsmaskiner"),
        (
            "Trädgård",
            "Landscaping",
            "anläggning och skötsel av trädgårdar för bostadsrättsföreningar",
        ),
        ("Bryggeri", "Beverages", "ekologiska öl bryggda med lokalt odlat korn"),
    ),
    "cs": (
        ("Strojírny", "Machinery", "výroba ozubených kol a převodovek na zakázku"),
        ("Stavby", "Construction", "rekonstrukce rodinných domů a zateplení fasád"),
        ("Tisk", "Printing", "digitální a ofsetový tisk pro malé nakladatele"),
        ("Sklárna", "Glass", "ručně foukané sklo a skleněné lustry"),
    ),
    "es": (
        ("Alimentos", "Food Production", "salsas y moles envasados para supermercados"),
        ("Construcciones", "Construction", "naves industriales y obra civil en el norte del país"),
        ("Textiles", "Textiles", "tejidos de algodón y mezclilla para confección"),
        ("Agroindustrial", "Agriculture", "empaque y exportación de aguacate y limón"),
    ),
    "en": (
        ("Fabrication", "Metalworking", "custom steel fabrication and welding for farms and mines"),
        ("Joinery", "Furniture", "bespoke staircases, windows and fitted furniture"),
        ("Analytics", "Software", "dashboards and forecasting tools for independent retailers"),
        ("Seafoods", "Seafood", "fresh and frozen shellfish for restaurants"),
    ),
}

# How each language's site introduces the company: {name}, {does}, {city}, {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "el": ("Η {name} δραστηριοποιείται από το {year} στη {city} με αντικείμενο {does}.",),
    "he": ("{name} פועלת מאז {year} ב{city} ועוסקת ב{does}.",),
    "ar": ("تأسست {name} عام {year} في {city} وتعمل في مجال {does}.",),
    "th": ("{name} ก่อตั้งเมื่อปี {year} ที่{city} ดำเนินธุรกิจ{does}",),
    "hi": ("{name} की स्थापना {year} में {city} में हुई; हम {does} में विशेषज्ञ हैं।",),
    "ko": ("{name}는 {year}년 {city}에서 설립되어 {does} 분야에서 일하고 있습니다.",),
    "bg": ("{name} е основана през {year} г. в {city} и се занимава с {does}.",),
    "sr": ("{name} од {year}. године у граду {city} ради на пољу: {does}.",),
    "nl": (
        "{name} uit {city} verzorgt sinds {year} {does}.",
        "Sinds {year} staat {name} in {city} voor {does}.",
    ),
    "sv": (
        "{name} i {city} har sedan {year} arbetat med {does}.",
        "Sedan {year} erbjuder {name} från {city} {does}.",
    ),
    "cs": (
        "Společnost {name} z města {city} se od roku {year} věnuje oboru: {does}.",
        "Od roku {year} nabízí {name} ({city}) {does}.",
    ),
    "es": (
        "Desde {year}, {name} ofrece en {city} {does}.",
        "{name} es una empresa de {city} fundada en {year}, dedicada a {does}.",
    ),
    "ru": ("Компания «{name}» с {year} года работает в городе {city}: {does}.",),
    "zh": ("{name}成立於{year}年，總部位於{city}，專營{does}。",),
    "ja": ("{name}は{year}年に{city}で創業し、{does}を手がけています。",),
    "en": (
        "Since {year}, {name} has provided {does} from its workshop in {city}.",
        "{name} is a {city} business founded in {year}, offering {does}.",
    ),
}
# The About page's link text in each language.
ABOUT: dict[str, str] = {
    "el": "Η εταιρεία",
    "he": "אודות",
    "ar": "من نحن",
    "th": "เกี่ยวกับเรา",
    "hi": "हमारे बारे में",
    "ko": "회사소개",
    "bg": "За нас",
    "sr": "О нама",
    "nl": "Over ons",
    "sv": "Om oss",
    "cs": "O firmě",
    "ru": "О компании",
    "zh": "關於我們",
    "ja": "会社概要",
    "es": "Quiénes somos",
    "en": "Our story",
}
# "formerly {old}" and "now part of {group}" as each language writes them.
FORMERLY: dict[str, str] = {
    "el": "(πρώην {old})",
    "he": "(לשעבר {old})",
    "ar": "(سابقاً {old})",
    "bg": "(бивша {old})",
    "sr": "(раније {old})",
    "nl": "voorheen {old}",
    "sv": "tidigare {old}",
    "cs": "dříve {old}",
    "es": "antes {old}",
    "en": "previously trading as {old}",
    "th": "(ชื่อเดิม {old})",
    "hi": "(पूर्व नाम {old})",
    "ko": "(구 {old})",
}
PART_OF: dict[str, str] = {
    "nl": "Onderdeel van {group}.",
    "sv": "Ett bolag i {group}.",
    "cs": "Člen skupiny {group}.",
    "es": "Una empresa de {group}.",
    "en": "A member of the {group} family of companies.",
    "el": "Μέλος του ομίλου {group}.",
    "bg": "Част от {group}.",
}
