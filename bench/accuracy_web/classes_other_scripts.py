"""Companies in Korean, Greek, Arabic, Hebrew, Thai and Hindi: sites written only in their
own script listed by a romanised name (Revised Romanization, ELOT and informal spellings,
Al-/El- articles, English trade words, legal forms), sites in Latin letters listed in the
company's own script, own-script sites that are down (LinkedIn only through search, by a
name in Latin letters), and Russian sites listed in informal Latin spellings (`j` for
`ж`, `sch` for `щ`, the soft sign left out)."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.builder import Builder, BuiltSite, slugify
from bench.accuracy_web.classes_scripts import _e, _page, _publish
from bench.accuracy_web.vocab import COUNTRIES, Country

KOREA = Country("South Korea", "KR", "co.kr", ("Incheon", "Daegu", "Ulsan"), "+82")
GREECE = Country("Greece", "GR", "gr", ("Larissa", "Volos", "Chania"), "+30")
UAE = Country("United Arab Emirates", "AE", "ae", ("Dubai", "Abu Dhabi", "Ras Al Khaimah"), "+971")
ISRAEL = Country("Israel", "IL", "co.il", ("Haifa", "Netanya", "Ashdod"), "+972")
THAILAND = Country("Thailand", "TH", "co.th", ("Bangkok", "Nakhon Ratchasima", "Udon Thani"), "+66")
INDIA = Country("India", "IN", "in", ("Pune", "Surat", "Nagpur"), "+91")
RUSSIA = next(c for c in COUNTRIES if c.iso == "RU")
CITY_IN = {
    "Incheon": "인천", "Daegu": "대구", "Ulsan": "울산", "Larissa": "Λάρισα", "Volos": "Βόλος",
    "Chania": "Χανιά", "Dubai": "دبي", "Abu Dhabi": "أبوظبي", "Ras Al Khaimah": "رأس الخيمة",
    "Haifa": "חיפה", "Netanya": "נתניה", "Ashdod": "אשדוד", "Bangkok": "กรุงเทพมหานคร",
    "Nakhon Ratchasima": "นครราชสีมา", "Udon Thani": "อุดรธานี", "Pune": "पुणे", "Surat": "सूरत",
    "Nagpur": "नागपुर",
}  # fmt: skip
# (country, language, native name, the row's Latin name, the domain's label, what it does)
OWN_SITES = (
    (KOREA, "ko", "은하정밀", "Eunha Precision", "eunha-precision", "산업용 정밀 부품 가공"),
    (KOREA, "ko", "바른식품", "Bareun Foods", "bareunfoods", "전통 장류와 반찬 생산"),
    (KOREA, "ko", "태양물산", "Taeyang Mulsan Co., Ltd.", "taeyangmulsan", "섬유 원단 수출입"),
    (GREECE, "el", "Ερμής Μεταφορική", "Ermis Metaforiki", "ermis-metaforiki",
     "οδικές μεταφορές φορτίων σε όλη την Ελλάδα"),
    (GREECE, "el", "Αιγαίο Κεραμικά Α.Ε.", "Aigaio Keramika S.A.", "aigaio-keramika",
     "χειροποίητα κεραμικά πλακάκια"),
    (GREECE, "el", "Πήγασος Ηλεκτρονική", "Pigasos Ilektroniki", "pigasosilektroniki",
     "συστήματα ασφαλείας και συναγερμού"),
    (UAE, "ar", "الشروق للتجارة", "Al Shorouk Trading", "alshorouk-trading",
     "استيراد مواد البناء وتوزيعها"),
    (UAE, "ar", "الهدى للهندسة", "El Hoda Engineering", "alhoda-engineering",
     "تصميم وتنفيذ أنظمة الكهرباء للمباني"),
    (UAE, "ar", "الأفق للنقل", "Al-Ofok Transport LLC", "alofoktransport",
     "نقل الحاويات بين الموانئ والمستودعات"),
    (ISRAEL, "he", "ברוש מערכות", "Brosh Systems", "brosh-systems", "מערכות בקרה למפעלי מזון"),
    (ISRAEL, "he", "תמר תעשיות", "Tamar Taasiyot Ltd", "tamar-taasiyot",
     "ייצור רהיטי גן מאלומיניום"),
    (ISRAEL, "he", "אלון מזון", "Alon Mazon", "alonmazon", "מאפים קפואים למסעדות ומלונות"),
    (THAILAND, "th", "ศรีนคร อาหาร", "Sri Nakhon Food", "srinakhonfood",
     "ผลิตน้ำพริกและเครื่องแกงสำเร็จรูป"),
    (THAILAND, "th", "บ้านสวน เซรามิก", "Ban Suan Ceramic", "bansuan-ceramic",
     "ผลิตจานชามเซรามิกสำหรับร้านอาหาร"),
    (THAILAND, "th", "ชัยมงคล ขนส่ง", "Chaimongkhon Transport", "chaimongkhon-transport",
     "ขนส่งสินค้าเกษตรทั่วภาคอีสาน"),
    (INDIA, "hi", "गणेश टेक्सटाइल्स", "Ganesh Textiles", "ganeshtextiles",
     "सूती धागे और कपड़े का उत्पादन"),
    (INDIA, "hi", "शिवम इंजीनियरिंग", "Shivam Engineering Pvt Ltd", "shivam-engineering",
     "औद्योगिक मशीनों के पुर्जों का निर्माण"),
    (INDIA, "hi", "कृष्णा फूड्स", "Krishna Foods", "krishnafoods", "नमकीन और मिठाइयों का उत्पादन"),
)  # fmt: skip
# (country, native name listed, the Latin name the site uses, the domain's label)
LATIN_SITES = (
    (KOREA, "다온소프트", "Daon Soft", "daonsoft"),
    (KOREA, "한결바이오", "Hangyeol Bio", "hangyeol-bio"),
    (GREECE, "Δήλος Λογισμικό", "Dilos Logismiko", "dilos-logismiko"),
    (UAE, "الريم للأغذية", "Al Reem Foods", "alreemfoods"),
    (UAE, "القلعة للمقاولات", "Al Qalaa Contracting", "alqalaa-contracting"),
    (ISRAEL, "רימון הנדסה", "Rimon Engineering", "rimon-engineering"),
    (THAILAND, "ทะเลทอง ฟู้ดส์", "Talay Thong Foods", "talaythongfoods"),
    (INDIA, "सागर फार्मा", "Sagar Pharma", "sagarpharma"),
)
# Sites and rows in their own script, LinkedIn pages in Latin letters (same fields as above).
OWN_OWN = (
    (KOREA, "ko", "새별전자", "Saebyeol Electronics", "saebyeol-electronics",
     "산업용 센서 모듈 생산"),
    (GREECE, "el", "Άρτεμις Τρόφιμα", "Artemis Trofima", "artemis-trofima",
     "παραδοσιακά ζυμαρικά και τραχανάς"),
    (ISRAEL, "he", "גלבוע חקלאות", "Gilboa Haklaut", "gilboa-haklaut", "גידול ירקות בחממות"),
    (INDIA, "hi", "अन्नपूर्णा मसाले", "Annapurna Masale", "annapurna-masale", "पिसे मसालों का उत्पादन"),
    (UAE, "ar", "الوفاء للطباعة", "Al Wafaa Printing", "alwafaa-printing", "طباعة الكتب والمجلات"),
)  # fmt: skip
# (native, the Latin name its LinkedIn page and domain use)
DOWN = (
    ("Πέτρα Δομική", "Petra Domiki", GREECE, "el"),
    ("النجمة للخدمات", "Al Najma Services", UAE, "ar"),
    ("푸른숲건설", "Pureunsup Construction", KOREA, "ko"),
)
# (Cyrillic name, the informal Latin the list uses, the domain's label, what it does)
INFORMAL = (
    ("Журавли Строй", "Juravli Stroy", "zhuravli-stroy", "строительство коттеджей под ключ"),
    ("Надёжность Плюс", "Nadejnost Plus", "nadezhnost-plus", "охранные системы для складов"),
    ("Щука Рыбпром", "Schuka Rybprom", "shchuka-rybprom", "переработка речной рыбы"),
    ("Ёжик Игрушки", "Yojik Igrushki", "ezhik-igrushki", "деревянные игрушки для детей"),
    ("Мягкость Текстиль", "Myagkost Tekstil", "myagkost-tekstil", "махровые полотенца и халаты"),
)

_HOME = {"ko": "홈", "el": "Αρχική", "ar": "الرئيسية", "he": "דף הבית", "th": "หน้าแรก",
         "hi": "होम", "ru": "Главная"}  # fmt: skip


def _describe(lang: str, name: str, city: str, does: str, year: int) -> str:
    return {
        "ko": f"{name}는 {year}년 설립 이래 {city}에서 {does} 분야의 전문 기업입니다.",
        "el": f"Η {name} δραστηριοποιείται από το {year} στην πόλη {city} με {does}.",
        "ar": f"تأسست {name} عام {year} في {city} وتعمل في مجال {does}.",
        "he": f"{name} נוסדה בשנת {year} ב{city} ועוסקת ב{does}.",
        "th": f"{name} ก่อตั้งเมื่อปี {year} ที่{city} ดำเนินธุรกิจ{does}",
        "hi": f"{name} की स्थापना {year} में {city} में हुई, कंपनी {does} करती है।",
        "ru": f"Компания «{name}» с {year} года работает в городе {city}: {does}.",
    }[lang]


def _own_site(
    b: Builder, n: int, lang: str, native: str, city: str, does: str, host: str
) -> BuiltSite:
    description = _describe(lang, native, city, does, b.rng.randint(1985, 2019))
    direction = ' dir="rtl"' if lang in ("ar", "he") else ""
    body = (
        f'<header{direction}><div class="logo">{_e(native)}</div>'
        f'<nav><a href="/">{_HOME[lang]}</a></nav></header>'
        f"<main{direction}><p>{_e(description)}</p></main><footer>{_e(city)} © 2025</footer>"
    )
    title = (native, f"{native} | {_HOME[lang]}", f"{_HOME[lang]} · {native}")[n % 3]
    return _publish(b, host, {"/": _page(lang, title, "", body)}, title, description)


def other_scripts_latin_rows(b: Builder) -> None:
    """Sites written only in their own script, listed by the romanised name."""
    for n, (country, lang, native, latin, label, does) in enumerate(OWN_SITES):
        city = country.cities[n % 3]
        host = f"{label}.{country.tld}"
        built = _own_site(b, n, lang, native, CITY_IN[city], does, host)
        linkedin = None
        if n % 3:
            plain = latin.split(" Co.,")[0].removesuffix(" S.A.").removesuffix(" LLC")
            plain = plain.removesuffix(" Ltd").removesuffix(" Pvt Ltd")
            linkedin = b.linkedin(plain, slugify(plain), b.industry(), city, country.name, host)
        b.add("other_script_latin", latin, country.name, city, host, built, linkedin,
              note=f"site says only {native}")  # fmt: skip


def other_scripts_own_rows(b: Builder) -> None:
    """Sites in Latin letters, listed by the company's name in its own script; and sites
    in their own script listed so, whose LinkedIn page is named in Latin letters."""
    for n, (country, native, latin, label) in enumerate(LATIN_SITES):
        industry, city = b.industry(), country.cities[(n + 1) % 3]
        host = f"{label}.{country.tld}"
        linkedin = b.linkedin(latin, slugify(latin), industry, city, country.name, host)
        info = b.info(latin, industry, city, country, host)
        if n % 2:
            info = replace(info, linkedin=None)
        built = b.site(host, ("jsonld", "opengraph", "meta")[n % 3], info)
        b.add("other_script_row", native, country.name, city, host, built, linkedin,
              note=f"site says only {latin}")  # fmt: skip
    for n, (country, lang, native, latin, label, does) in enumerate(OWN_OWN):
        city = country.cities[(n + 2) % 3]
        host = f"{label}.{country.tld}"
        built = _own_site(b, n, lang, native, CITY_IN[city], does, host)
        linkedin = b.linkedin(latin, slugify(latin), b.industry(), city, country.name, host)
        b.add("other_script_own", native, country.name, city, host, built, linkedin,
              note=f"site says only {native}; LinkedIn as {latin}")  # fmt: skip


def other_scripts_down(b: Builder) -> None:
    """Own-script sites answering 503: the LinkedIn page only through search, where it is
    named in Latin letters."""
    for n, (native, latin, country, lang) in enumerate(DOWN):
        city = country.cities[n % 3]
        host = f"{slugify(latin)}.{country.tld}"
        built = _own_site(b, n, lang, native, CITY_IN[city], "-", host)
        b.web.sites[host].status = 503
        linkedin = b.linkedin(latin, slugify(latin), b.industry(), city, country.name, host)
        down = replace(built, live=False, grounding=None)
        b.add("http_503", native, country.name, city, host, down, linkedin,
              website=host, note="site answers 503; LinkedIn only through search")  # fmt: skip


def informal_russian(b: Builder) -> None:
    """Russian sites in Cyrillic, listed by an informal Latin spelling."""
    for n, (native, informal, label, does) in enumerate(INFORMAL):
        city = RUSSIA.cities[n % len(RUSSIA.cities)]
        host = f"{label}.ru"
        built = _own_site(b, n, "ru", native, city, does, host)
        standard = label.replace("-", " ").title()
        linkedin = b.linkedin(standard, label, b.industry(), city, RUSSIA.name, host)
        b.add("informal_russian", informal, RUSSIA.name, city, host, built, linkedin,
              note=f"site says {native}")  # fmt: skip
