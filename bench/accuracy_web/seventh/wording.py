"""What the seventh web's sites say, by language: the About page's name and path, and one
sentence about the company."""

from __future__ import annotations

# What each language calls the About page, and where it sits.
ABOUT: dict[str, tuple[str, str]] = {
    "vi": ("Giới thiệu", "/gioi-thieu"),
    "tr": ("Hakkımızda", "/hakkimizda"),
    "pl": ("O nas", "/o-nas"),
    "pt-BR": ("Quem somos", "/quem-somos"),
    "id": ("Tentang Kami", "/tentang-kami"),
    "tl": ("Tungkol sa Amin", "/tungkol-sa-amin"),
    "uk": ("Про нас", "/pro-nas"),
    "kk": ("Біз туралы", "/biz-turaly"),
    "ar": ("من نحن", "/man-nahnu"),
    "he": ("אודות", "/odot"),
    "fa": ("درباره ما", "/darbare-ma"),
    "bn": ("আমাদের সম্পর্কে", "/amader-somporke"),
    "si": ("අප ගැන", "/apa-gana"),
    "ta": ("எங்களைப் பற்றி", "/engalai-patri"),
    "my": ("ကျွန်ုပ်တို့အကြောင်း", "/about-us-mm"),
    "lo": ("ກ່ຽວກັບພວກເຮົາ", "/kiaw-kap-phuak-hao"),
    "mn": ("Бидний тухай", "/bidnii-tukhai"),
    "en": ("Who we are", "/who-we-are"),
}

# One sentence about the company, per language: {name} {does} {town} {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "vi": (
        "Thành lập năm {year} tại {town}, {name} {does}.",
        "{name} có trụ sở tại {town} và {does} từ năm {year}.",
    ),
    "tr": (
        "{year} yılından bu yana {town} merkezli {name}, {does}.",
        "{name} {year} yılında {town}'da kuruldu ve {does}.",
    ),
    "pl": (
        "Od {year} roku {name} z siedzibą w {town} {does}.",
        "Firma {name} ({town}) {does} nieprzerwanie od {year} roku.",
    ),
    "pt-BR": (
        "Desde {year}, a {name} {does} a partir de {town}.",
        "Com sede em {town}, a {name} {does} desde {year}.",
    ),
    "id": (
        "Sejak {year}, {name} yang berkantor pusat di {town} {does}.",
        "{name} didirikan di {town} pada tahun {year} dan {does}.",
    ),
    "tl": (
        "Mula noong {year}, ang {name} ay {does} mula sa {town}.",
        "Ang {name} ng {town} ay {does} mula pa noong {year}.",
    ),
    "uk": (
        "{name} з {year} року {does}, головний офіс у місті {town}.",
        "З {year} року компанія {name} ({town}) {does}.",
    ),
    "kk": (
        "{name} {year} жылдан бері {town} қаласында {does}.",
        "{year} жылы құрылған {name} ({town}) {does}.",
    ),
    "ar": (
        "تأسست {name} في {town} عام {year}، وهي {does}.",
        "منذ عام {year}، {name} {does} انطلاقاً من {town}.",
    ),
    "he": (
        "{name} {does} מאז {year}, מהמשרדים ב{town}.",
        "מאז שנת {year} {name} מ{town} {does}.",
    ),
    "fa": (
        "{name} از سال {year} در {town} {does}.",
        "شرکت {name} با مرکزیت {town} از سال {year} {does}.",
    ),
    "bn": (
        "{year} সাল থেকে {town} ভিত্তিক {name} {does}।",
        "{name} {year} সালে {town}-এ প্রতিষ্ঠিত হয় এবং {does}।",
    ),
    "si": ("{year} සිට {town} නගරයේ පිහිටි {name} {does}.",),
    "ta": ("{year} முதல் {town} நகரில் இயங்கும் {name} {does}.",),
    "my": ("{year} ခုနှစ်မှစ၍ {town}မြို့တွင် အခြေစိုက်သော {name} သည် {does}။",),
    "lo": ("{name} ຕັ້ງຢູ່{town} ນັບແຕ່ປີ {year} {does}.",),
    "mn": (
        "{name} {year} оноос хойш {town} хотод {does}.",
        "{year} онд байгуулагдсан {name} ({town}) {does}.",
    ),
    "en": (
        "Since {year}, {name} {does}, working from {town}.",
        "{name}, based in {town}, {does} and has done so since {year}.",
    ),
}
