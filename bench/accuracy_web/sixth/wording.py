"""What the sixth web's sites say, by language: the About page's name and path, and one
sentence about the company."""

from __future__ import annotations

# What each language calls the About page, and where it sits.
ABOUT: dict[str, tuple[str, str]] = {
    "sw": ("Kuhusu sisi", "/kuhusu-sisi"),
    "es": ("Quiénes somos", "/quienes-somos"),
    "cs": ("O firmě", "/o-firme"),
    "et": ("Meist", "/meist"),
    "lv": ("Par mums", "/par-mums"),
    "sl": ("O podjetju", "/o-podjetju"),
    "sq": ("Rreth nesh", "/rreth-nesh"),
    "ms": ("Mengenai kami", "/mengenai-kami"),
    "az": ("Haqqımızda", "/haqqimizda"),
    "uz": ("Biz haqimizda", "/biz-haqimizda"),
    "am": ("ስለ እኛ", "/sle-egna"),
    "km": ("អំពីយើង", "/ompi-yeung"),
    "el": ("Η εταιρεία", "/i-etaireia"),
    "sr": ("О нама", "/o-nama"),
    "sr-Latn": ("O nama", "/o-nama"),
    "uz-Cyrl": ("Биз ҳақимизда", "/biz-haqimizda"),
    "ne": ("हाम्रो बारेमा", "/hamro-barema"),
    "en": ("Our story", "/our-story"),
}

# One sentence about the company, per language: {name} {does} {town} {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "sw": (
        "Tangu mwaka {year}, {name} {does} kutoka {town}.",
        "{name} ya {town} {does} tangu {year}.",
    ),
    "es": (
        "Desde {year}, {name} {does} desde {town}.",
        "{name}, con sede en {town}, {does} desde el año {year}.",
    ),
    "cs": (
        "{name} od roku {year} {does}, sídlo má v {town}.",
        "Firma {name} z {town} {does} už od roku {year}.",
    ),
    "et": (
        "{name} {does} aastast {year}, asukoht {town}.",
        "Alates {year}. aastast {name} {does} – kodulinn {town}.",
    ),
    "lv": (
        "{name} kopš {year}. gada {does}, birojs – {town}.",
        "Kopš {year}. gada {name} no {town} {does}.",
    ),
    "sl": (
        "{name} od leta {year} {does}, sedež v kraju {town}.",
        "Podjetje {name} iz kraja {town} {does} že od leta {year}.",
    ),
    "sq": (
        "Që nga viti {year}, {name} {does} nga {town}.",
        "{name} me seli në {town} {does} që prej vitit {year}.",
    ),
    "ms": (
        "Sejak {year}, {name} {does} dari {town}.",
        "{name} yang berpangkalan di {town} {does} sejak tahun {year}.",
    ),
    "az": (
        "{name} {year}-ci ildən {town} şəhərində {does}.",
        "{year}-ci ildən bəri {name} ({town}) {does}.",
    ),
    "uz": (
        "{name} {year}-yildan beri {town} shahrida {does}.",
        "{year}-yildan buyon {name} ({town}) {does}.",
    ),
    "am": ("{name} ከ{year} ጀምሮ በ{town} {does}።",),
    "km": ("{name} {does} នៅ{town} តាំងពីឆ្នាំ {year}។",),
    "el": (
        "Η {name} {does} από το {year}, με έδρα τη {town}.",
        "Από το {year} η {name} ({town}) {does}.",
    ),
    "sr": ("{name} од {year}. године {does}, седиште у граду {town}.",),
    "sr-Latn": (
        "{name} od {year}. godine {does}, sedište u gradu {town}.",
        "Od {year}. {name} iz grada {town} {does}.",
    ),
    "uz-Cyrl": ("{name} {year} йилдан бери {town} шаҳрида {does}.",),
    "ne": ("{name} सन् {year} देखि {town} मा {does}।",),
    "en": (
        "Founded in {year}, {name} {does} from {town}.",
        "{name} {does}; the team has worked out of {town} since {year}.",
    ),
}
