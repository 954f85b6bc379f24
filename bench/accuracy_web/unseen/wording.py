"""What unseen-web sites say, per language: trades, description sentences, menus.
Written apart from the development and held-out webs' vocabulary."""

from __future__ import annotations

# (trade, [its English name for Japanese and Chinese,] what it does, industry).
TRADES: dict[str, tuple[tuple[str, ...], ...]] = {
    "it": (
        ("Arredamenti", "arredamenti su misura per negozi e uffici", "Furniture"),
        ("Impianti", "impianti elettrici e domotica per edifici residenziali", "Construction"),
        ("Ceramiche", "piastrelle in gres porcellanato per l'edilizia", "Manufacturing"),
        ("Trasporti", "trasporti refrigerati su strada in tutta Europa", "Logistics"),
        ("Software", "gestionali per studi professionali", "Software"),
    ),
    "pt": (
        ("Metalúrgica", "estruturas metálicas e serralharia industrial", "Manufacturing"),
        ("Vinhos", "vinhos de quinta e azeite virgem extra", "Food & Beverage"),
        (
            "Contabilidade",
            "contabilidade e consultoria fiscal para pequenas empresas",
            "Accounting",
        ),
        ("Engenharia", "projetos de climatização e eficiência energética", "Engineering"),
        ("Embalagens", "embalagens de cartão canelado para o comércio", "Packaging"),
    ),
    "pl": (
        ("Okna", "okna i drzwi z PCV oraz aluminium", "Construction"),
        ("Meble", "meble kuchenne i szafy na wymiar", "Furniture"),
        ("Transport", "transport krajowy i międzynarodowy ładunków paletowych", "Logistics"),
        ("Drukarnia", "druk ulotek, katalogów i opakowań", "Printing"),
        ("Serwis", "serwis i naprawę maszyn rolniczych", "Machinery"),
    ),
    "tr": (
        ("Tekstil", "örme kumaş ve hazır giyim üretimi", "Textiles"),
        ("Makina", "CNC tezgâhları ve yedek parça imalatı", "Machinery"),
        ("Gıda", "kuru meyve ve lokum üretimi", "Food & Beverage"),
        ("Lojistik", "uluslararası karayolu taşımacılığı ve depolama", "Logistics"),
        ("Yapı", "konut ve ticari bina inşaatı", "Construction"),
    ),
    "uk": (
        ("Агро", "вирощування зернових та олійних культур", "Agriculture"),
        ("Меблі", "виготовлення корпусних меблів на замовлення", "Furniture"),
        ("Буд", "будівництво та ремонт комерційних приміщень", "Construction"),
        ("Логістик", "складську логістику та доставку вантажів Україною", "Logistics"),
        ("Софт", "програмне забезпечення для аптечних мереж", "Software"),
    ),
    "kk": (
        ("Құрылыс", "тұрғын үй және өндірістік ғимараттар салу", "Construction"),
        ("Агро", "астық өсіру және ұн өндіру", "Agriculture"),
        ("Логистика", "жүк тасымалдау және қойма қызметтері", "Logistics"),
        ("Сервис", "арнайы техниканы жөндеу және қызмет көрсету", "Machinery"),
    ),
    "ja": (
        ("精工", "Seiko", "精密金属部品の切削加工", "Manufacturing"),
        ("製菓", "Seika", "和菓子と焼き菓子の製造・販売", "Food & Beverage"),
        ("電機", "Denki", "産業用制御盤の設計・製作", "Electrical"),
        ("建設", "Kensetsu", "住宅と店舗の設計・施工", "Construction"),
    ),
    "zh": (
        ("精密机械", "Precision Machinery", "精密数控零部件的加工与装配", "Machinery"),
        ("包装", "Packaging", "瓦楞纸箱和彩印包装的生产", "Packaging"),
        ("电子", "Electronics", "电源模块和控制板的研发与生产", "Electronics"),
        ("纺织", "Textile", "功能性面料的织造与染整", "Textiles"),
    ),
    "en": (
        ("Orchards", "apples, kiwifruit and cold storage for exporters", "Agriculture"),
        ("Plumbing", "commercial plumbing and gas fitting", "Construction"),
        ("Data", "payroll and HR software for small employers", "Software"),
        ("Marine", "boat building and hull repairs", "Shipbuilding"),
        ("Tours", "guided walking and wildlife tours", "Tourism"),
    ),
}

# Description sentences: {name}, {does}, {city}, {country}, {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "it": (
        "Dal {year} {name} realizza {does}, con sede a {city} e clienti in tutta {country}.",
        "{name} è un'azienda di {city} che si occupa di {does}, con un servizio attento "
        "e tempi certi.",
    ),
    "pt": (
        "Desde {year}, a {name} dedica-se a {does}, a partir de {city} para todo o país.",
        "A {name} é uma empresa de {city} especializada em {does}, com atendimento "
        "próximo e prazos cumpridos.",
    ),
    "pl": (
        "Od {year} roku firma {name} z siedzibą w mieście {city} oferuje {does}.",
        "{name} to rodzinna firma z miasta {city}, która specjalizuje się w usłudze: {does}.",
    ),
    "tr": (
        "{name}, {year} yılından bu yana {city} merkezli olarak {does} alanında hizmet "
        "vermektedir.",
        "{city} şehrinde kurulan {name}, {does} konusunda uzman bir aile şirketidir.",
    ),
    "uk": (
        "Компанія «{name}» з {year} року здійснює {does}. Наш офіс розташований у місті {city}.",
        "«{name}» — це {does} для клієнтів по всій країні; ми працюємо в місті {city}.",
    ),
    "kk": (
        "«{name}» компаниясы {year} жылдан бері {does} саласында жұмыс істейді. Кеңсеміз "
        "{city} қаласында орналасқан.",
        "«{name}» — {city} қаласындағы {does} бойынша сенімді серіктесіңіз.",
    ),
    "ja": (
        "{name}は{year}年の創業以来、{city}を拠点に{does}を手がけております。",
        "{name}は{city}の地で{does}を専門とする会社です。お客様の信頼にお応えします。",
    ),
    "zh": (
        "{name}成立于{year}年，位于{city}，专业从事{does}，产品远销海内外。",
        "{name}坐落于{city}，是一家专注于{does}的企业，以质量求生存。",
    ),
    "en": (
        "Established in {year}, {name} provides {does} from our yard in {city}.",
        "{name} is a locally owned {city} company offering {does} to customers across {country}.",
    ),
}

NAV: dict[str, tuple[str, str, str]] = {
    "it": ("Home", "Chi siamo", "Contatti"),
    "pt": ("Início", "Sobre nós", "Contactos"),
    "pl": ("Strona główna", "O firmie", "Kontakt"),
    "tr": ("Ana Sayfa", "Hakkımızda", "İletişim"),
    "uk": ("Головна", "Про компанію", "Контакти"),
    "kk": ("Басты бет", "Компания туралы", "Байланыс"),
    "ja": ("ホーム", "会社概要", "お問い合わせ"),
    "zh": ("首页", "关于我们", "联系我们"),
    "en": ("Home", "Our story", "Get in touch"),
}
ABOUT_PATH = {
    "it": "/chi-siamo",
    "pt": "/sobre-nos",
    "pl": "/o-firmie",
    "tr": "/hakkimizda",
    "uk": "/pro-kompaniyu",
    "kk": "/kompaniya-turaly",
    "ja": "/company",
    "zh": "/about.html",
    "en": "/our-story",
}
RIGHTS = {
    "it": "Tutti i diritti riservati",
    "pt": "Todos os direitos reservados",
    "pl": "Wszelkie prawa zastrzeżone",
    "tr": "Tüm hakları saklıdır",
    "uk": "Усі права захищено",
    "kk": "Барлық құқықтар қорғалған",
    "ja": "All Rights Reserved",
    "zh": "版权所有",
    "en": "All rights reserved",
}
SUFFIX = {
    "it": "S.r.l.",
    "pt": "Lda.",
    "pl": "sp. z o.o.",
    "tr": "A.Ş.",
    "uk": "ТОВ",
    "kk": "ЖШС",
    "en": "Pty Ltd",
}
