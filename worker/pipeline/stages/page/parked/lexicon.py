"""Plain words of sale, lease and lapse landers in the major languages, beside the words
for "domain" they are said of.

The precise phrases of `wording` catch the common sentences; these catch the rest: a
lander says the domain (or the domain name, "this domain") and, close to it, that it is
sold, leased, taken offers for, expired, up for renewal or just registered, in words no
list of whole sentences can keep up with. Each list is of lower-case substrings (stems,
so one entry finds the inflected forms), looked for with `str.find`, never as patterns.

Words for "domain" are kept to what means the web address: the Romanian "domeniu", the
Greek "τομέας" and the Arabic "نطاق" also mean a field of business, so only their
"domain name" and "this domain" forms are listed.
"""

from __future__ import annotations

DOMAIN_NOUNS: tuple[str, ...] = (
    *("domain", "domein", "dominio", "domínio", "domän", "domæne", "domene"),  # en de fr...
    *("verkkotunnu", "domen", "domén", "nume de domeniu", "numele de domeniu"),
    *("acest domeniu", "όνομα τομέα", "ονόματος τομέα", "ντομέιν", "דומיין", "שם מתחם"),
    *("שם המתחם", "اسم النطاق", "هذا النطاق", "الدومين", "دومين", "اسم المجال"),
    *("alan adı", "alan adi", "домен", "домейн", "โดเมน", "ドメイン", "域名", "網域", "도메인"),
    *("डोमेन", "tên miền", "ten mien", "domeen", "domēn", "kikoa", "ዶሜይን", "የድር ስም"),
    *("ដែន",),
)

# Sold, bought, offered for, leased or auctioned.
SALE_TERMS: tuple[str, ...] = (
    # English
    *("for sale", "purchase", "buy", "offer", "bid on", "bids", "acquire", "acquisition"),
    *("auction", "for lease", "lease", "sell", "own this", "get this"),
    # German
    *("verkauf", "kaufen", "erwerb", "angebot", "preisvorschlag", "gebot", "vermiet"),
    *("käuflich", "veräußer", "übernehmen"),
    # French
    *("à vendre", "vendre", "vente", "achet", "achat", "acquérir", "offre", "enchère"),
    *("à louer", "en location"),
    # Spanish
    *("venta", "se vende", "vender", "comprar", "compra", "adquirir", "oferta", "subasta"),
    *("alquil", "arrend"),
    # Italian
    *("in vendita", "vendesi", "vendita", "acquist", "offerta", "all'asta", "affitt"),
    # Portuguese
    *("à venda", "a venda", "vende-se", "venda", "compre", "adquir", "proposta", "leilão"),
    *("alug",),
    # Dutch
    *("te koop", "koop", "kopen", "verkoop", "bod ", "bieden", "aanbod", "te huur", "veiling"),
    *("overnemen",),
    # Swedish, Danish, Norwegian
    *("till salu", "säljes", "sälj", "köp", "bud", "erbjud", "förvärv", "uthyr", "auktion"),
    *("til salg", "sælges", "salg", "køb", "tilbud", "erhverv", "udlej", "selges", "kjøp"),
    *("leie", "auksjon"),
    # Finnish
    *("myytävänä", "myydään", "myynnissä", "myynti", "ostaa", "osta tämä", "tarjo"),
    *("huutokaup", "vuokra"),
    # Polish
    *("sprzeda", "kup", "zakup", "ofert", "nabyć", "nabycia", "aukcj", "wynaj", "dzierżaw"),
    # Czech, Slovak
    *("na prodej", "prodej", "prodá", "koupi", "koupě", "nabíd", "nabídk", "aukc"),
    *("pronáj", "pronaj", "na predaj", "predaj", "predá", "kúpi", "kúpu", "ponuk"),
    *("prenáj",),
    # Hungarian
    *("eladó", "elad", "megvásárol", "megvesz", "vásárol", "ajánlat", "licit", "árverés"),
    *("bérbe", "bérel"),
    # Romanian
    *("de vânzare", "vânzare", "vanzare", "cumpăr", "cumpar", "ofert", "licita"),
    *("închiri", "inchiri"),
    # Greek
    *("πώληση", "πωλείται", "πωλητ", "πουλ", "αγορά", "αγοράσ", "προσφορ", "διατίθεται"),
    *("δημοπρασ", "ενοικ", "μίσθωσ"),
    # Hebrew
    *("למכירה", "מכירה", "נמכר", "לקנות", "לרכוש", "רכישה", "רכישת", "הצעה", "הצעת", "מכרז"),
    *("להשכרה", "השכרה"),
    # Arabic
    *("للبيع", "البيع", "بيع", "شراء", "اشتر", "عرض", "عروض", "مزاد", "للإيجار", "إيجار"),
    *("تأجير", "امتلك"),
    # Turkish
    *("satılık", "satilik", "satış", "satis", "satın", "satin al", "teklif", "müzayede"),
    *("kiralık",),
    # Russian, Ukrainian, Bulgarian, Serbian, Kazakh
    *("прода", "купить", "покупк", "приобре", "предложен", "аукцион", "аренд", "купити"),
    *("придба", "пропозиц", "аукціон", "оренд", "купи", "закуп", "оферт", "търг", "наем"),
    *("понуд", "prodaj", "kupi", "ponud", "сатыл", "сатып"),
    # Thai
    *("ขาย", "ซื้อ", "เสนอราคา", "ประมูล", "ให้เช่า"),
    # Japanese
    *("販売", "売り", "売却", "購入", "買い", "譲渡", "オファー", "入札", "オークション", "リース"),
    # Chinese
    *("出售", "待售", "转让", "轉讓", "购买", "購買", "出价", "出價", "报价", "報價", "拍卖"),
    *("拍賣", "出租", "求购"),
    # Korean
    *("판매", "매매", "구매", "구입", "양도", "제안", "입찰", "경매", "임대"),
    # Hindi
    *("बिक्री", "बिकाऊ", "बेच", "खरीद", "ऑफ़र", "ऑफर", "प्रस्ताव", "नीलामी", "किराए"),
    # Indonesian
    *("dijual", "jual", "membeli", "penawaran", "tawar", "lelang", "disewakan", "sewa"),
    # Vietnamese
    *("bán", "mua", "chào giá", "đề nghị", "trả giá", "đấu giá", "cho thuê"),
    # Estonian, Latvian
    *("müügil", "müüa", "müük", "pakkumi", "osta", "oksjon", "rendi"),
    *("pārdošan", "pārdod", "piedāvājum", "pirkt", "izsol", "nomā"),
    # Swahili
    *("inauzwa", "kinauzwa", "kuuzwa", "kuuza", "nunua", "ofa ", "mnada"),
    # Azerbaijani, Uzbek
    *("satılır", "satışa", "təklif", "hərrac", "sotuvda", "sotiladi", "sotib ol"),
    *("taklif", "kim oshdi"),
    # Amharic
    *("ለሽያጭ", "ሽያጭ", "ይሸጣል", "ለመግዛት", "ግዢ", "ጨረታ", "ዋጋዎን"),
    # Khmer
    *("កំពុងលក់", "សម្រាប់លក់", "លក់", "ទិញ", "ការផ្តល់ជូន", "ដេញថ្លៃ", "ជួល"),
)

# Expired, due for renewal, deleted or only just registered: a registrar's placeholder.
LAPSE_TERMS: tuple[str, ...] = (
    # English
    *("expired", "expiration", "expires", "renew", "grace period", "redemption"),
    *("pending delet", "registrant", "registered", "suspended", "reactivat", "restore"),
    # German, French, Spanish, Italian, Portuguese, Dutch
    *("abgelaufen", "verlänger", "registriert", "gelöscht", "expiré", "renouvel"),
    *("enregistré", "expirado", "caducado", "vencido", "renovar", "renovación"),
    *("registrado", "scadut", "scadenza", "rinnov", "registrato", "expirou", "renovaç"),
    *("registado", "verlopen", "vernieuw", "verleng", "geregistreerd"),
    # Nordic
    *("har gått ut", "utgått", "förnya", "registrerad", "udløbet", "forny", "registreret"),
    *("utløpt", "registrert", "vanhentu", "umpeutu", "uusi verkkotunnu", "rekisteröi"),
    # Central and Eastern Europe
    *("wygasł", "odnow", "zarejestrowan", "vypršel", "vypršela", "expirova", "prodlouž"),
    *("obnov", "registrován", "vypršal", "predĺž", "registrovan", "lejárt", "megújít"),
    *("regisztrál", "expirat", "reînnoi", "reinnoi", "înregistrat"),
    # Greek, Hebrew, Arabic, Turkish
    *("έληξε", "λήξη", "ανανέωσ", "ανανεώσ", "καταχωρ", "פג תוקף", "פג התוקף", "חידוש"),
    *("חדשו", "רשום", "انتهت صلاحية", "انتهى", "منتهي", "تجديد", "جدد", "مسجل"),
    *("süresi dol", "yenile", "kayıtlı", "kaydedil"),
    # Cyrillic
    *("истёк", "истек", "продлить", "продлен", "зарегистрирован", "освобожд"),
    *("закінчи", "сплив", "продовж", "зареєстрован", "изтекъл", "изтече", "поднов"),
    *("регистриран",),
    # Asian
    *("หมดอายุ", "ต่ออายุ", "จดทะเบียน", "期限切れ", "有効期限", "失効", "更新", "取得され"),
    *("登録", "过期", "過期", "到期", "续费", "續費", "注册", "註冊", "만료", "갱신", "등록"),
    *("समाप्त", "नवीनीकरण", "पंजीकृत", "kedaluwarsa", "kadaluarsa", "perpanjang"),
    *("terdaftar", "hết hạn", "gia hạn", "đăng ký"),
)

# Said of a name's lifecycle and nothing else: a registrar's expiry notice uses several of
# them with no word for "domain" at all ("this name expired on ..., renew it now").
LIFECYCLE_TERMS: tuple[str, ...] = (
    *("grace period", "redemption period", "pending delet", "registrant", "expired on"),
    *("renew it", "renew now", "renewal period", "restore your", "expired and", "has expired"),
)
