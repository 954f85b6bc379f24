"""What the blind web's sites say, by language: the About page's name and path, and one
sentence about the company."""

from __future__ import annotations

# What each language calls the About page, and where it sits.
ABOUT: dict[str, tuple[str, str]] = {
    "fi": ("Tietoa meistä", "/tietoa-meista"),
    "hu": ("Rólunk", "/rolunk"),
    "ro": ("Despre noi", "/despre-noi"),
    "vi": ("Giới thiệu", "/gioi-thieu"),
    "id": ("Tentang Kami", "/tentang-kami"),
    "da": ("Om os", "/om-os"),
    "nb": ("Om oss", "/om-oss"),
    "hr": ("O nama", "/o-nama"),
    "sk": ("O nás", "/o-nas"),
    "lt": ("Apie mus", "/apie-mus"),
    "en": ("Who we are", "/who-we-are"),
    "ka": ("ჩვენს შესახებ", "/chven-shesakheb"),
    "hy": ("Մեր մասին", "/mer-masin"),
    "mn": ("Бидний тухай", "/bidnii-tukhai"),
    "mk": ("За нас", "/za-nas"),
    "be": ("Пра нас", "/pra-nas"),
    "ru": ("О компании", "/o-kompanii"),
    "fa": ("درباره ما", "/darbare-ma"),
    "bn": ("আমাদের সম্পর্কে", "/amader-somporke"),
    "ta": ("எங்களைப் பற்றி", "/engalai-patri"),
}

# One sentence about the company, per language: {name} {does} {town} {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "fi": (
        "Kotipaikka {town}: {name} {does} vuodesta {year}.",
        "Vuodesta {year} {name} {does} – kotipaikka {town}.",
    ),
    "hu": (
        "A {name} {year} óta {does} {town} környékén.",
        "{town} székhelyű cégünk, a {name}, {year} óta {does}.",
    ),
    "ro": (
        "{name} {does} din {year}, cu sediul în {town}.",
        "Din {year}, {name} {does} în zona {town}.",
    ),
    "vi": (
        "{name} {does} tại {town} từ năm {year}.",
        "Thành lập năm {year} tại {town}, {name} {does}.",
    ),
    "id": (
        "{name} {does} sejak {year} dari {town}.",
        "Berdiri sejak {year} di {town}, {name} {does}.",
    ),
    "da": (
        "{name} {does} i {town} siden {year}.",
        "Siden {year} har {name} haft base i {town} og {does}.",
    ),
    "nb": (
        "{name} {does} fra {town} siden {year}.",
        "Siden {year} har {name} holdt til i {town} og {does}.",
    ),
    "hr": (
        "{name} {does} od {year}. godine, sa sjedištem u {town}.",
        "Od {year}. {name} iz {town} {does}.",
    ),
    "sk": (
        "{name} {does} od roku {year}, sídlo v meste {town}.",
        "Od roku {year} {name} z mesta {town} {does}.",
    ),
    "lt": (
        "{name} {does} nuo {year} metų, būstinė – {town}.",
        "Nuo {year} m. {name} iš {town} {does}.",
    ),
    "en": (
        "Since {year}, {name} {does} out of {town}.",
        "{name} {does} from its base in {town}, as it has since {year}.",
    ),
    "ka": ("{name} — {does}. ქალაქი {town}, {year} წლიდან.",),
    "hy": ("{name}՝ {does}։ {town}, {year} թվականից։",),
    "mn": ("{name} {year} оноос хойш {town} хотод {does}.",),
    "mk": ("{name} од {year} година {does}, со седиште во {town}.",),
    "be": ("{name} з {year} года {does}. Горад {town}.",),
    "ru": ("{name} с {year} года {does}. Город {town}.",),
    "fa": ("{name} از سال {year} در {town} {does}.",),
    "bn": ("{name} {year} সাল থেকে {town} শহরে {does}।",),
    "ta": ("{name} {year} முதல் {town} நகரில் {does}.",),
}
