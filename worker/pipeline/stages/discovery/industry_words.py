"""The industries a row's label may name, each as the word stems a page of that industry
holds in the major languages (lower case; schema.org business types included). A label
matches an industry by the stems it holds itself; short stems are avoided where they
are parts of unrelated words."""

# (stems a label holds, stems a page of that industry holds).
INDUSTRIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (" account", " bookkeep", " audit", " tax ", " tax advi"),
        (
            *("accountan", "accounting", "bookkeep", "audit", "tax return", "payroll", "bokför"),
            *("redovisning", "revision", "deklaration", "bogføring", "bogholder", "bokfør"),
            *("bokhåll", "bokhold", "regnskab", "regnskap"),
            *("buchhalt", "steuerberat", "wirtschaftsprüf", "comptab", "contabil", "contab"),
            *("boekhoud", "belasting", "księgow", "účetn", "účtovn", "könyvel", "бухгалт"),
            *("λογιστ", "muhasebe", "ראיית חשבון", "محاسب", "会計", "会计", "회계"),
        ),
    ),
    (
        (" furniture", " joinery", " carpent", " woodwork", " cabinet"),
        (
            *("furniture", "joinery", "carpent", "cabinetmak", "woodwork", "möbel", "snickeri"),
            *("tischler", "schreiner", "meuble", "menuiser", "mueble", "carpinter", "mobili"),
            *("falegnam", "móve", "marcenar", "meubel", "timmerwerk", "møbel", "snekker"),
            *("meble", "stolar", "nábyt", "truhl", "bútor", "мебел", "столяр", "έπιπλ"),
            *("mobilya", "רהיט", "أثاث", "家具", "가구", "furniturestore"),
        ),
    ),
    (
        (" facilit", " clean", " janitor", " housekeep"),
        (
            *("cleaning", "janitor", "facility", "facilities", "housekeep", "reinigung"),
            *("nettoyage", "limpieza", "pulizi", "limpeza", "schoonmaak", "städ", "rengøring"),
            *("sprząt", "úklid", "takarít", "уборк", "клининг", "καθαρισ", "temizlik"),
            *("ניקיון", "تنظيف", "清掃", "清洁", "청소"),
        ),
    ),
    (
        (" information technology", " it ", " software", " computer", " cloud"),
        (
            *("it support", "managed it", "software", "cloud", "network", "helpdesk", "cyber"),
            *("it services", "it-service", "it-dienst", "informati", "backup", "server"),
            *("programm", "程序", "ソフトウェア", "软件", "소프트웨어", "програм", "πληροφορικ"),
            *("bilişim", "מחשוב", "تقنية المعلومات", "itservice", "computerstore"),
        ),
    ),
    (
        (" interior",),
        (
            *("interior", "inredning", "innenarchitekt", "innenausbau", "intérieur"),
            *("interiorismo", "decoración", "arredament", "interiores", "interieur"),
            *("indretning", "wnętrz", "interiér", "belsőépítész", "интерьер", "εσωτερικ"),
            *("iç mimar", "עיצוב פנים", "تصميم داخلي", "インテリア", "室内设计", "인테리어"),
        ),
    ),
    (
        (" web", " digital", " internet", " e-commerce", " online"),
        (
            *("website", "web design", "webdesign", "web site", "online shop", "e-commerce"),
            *("webshop", "seo", "sitios web", "páginas web", "siti web", "sites web"),
            *("sites internet", "strony internetow", "webové stránky", "weboldal", "сайт"),
            *("ιστοσελ", "ιστότοπ", "web sitesi", "אתרי אינטרנט", "مواقع", "ウェブ", "网站"),
            *("웹사이트", "홈페이지"),
        ),
    ),
    (
        (" construct", " building", " contractor", " civil engineering"),
        (
            *("construct", "builder", "building", "builds ", "contractor", "renovat"),
            *("bauunternehm", "hochbau", "sanierung", "rénovation", "reforma"),
            *("bâtiment", "construcc", "costruz", "construç", "bouw", "bygg", "budow"),
            *("stavb", "stavební", "építő", "строит", "κατασκευ", "inşaat", "בנייה"),
            *("بناء", "مقاول", "建設", "建筑", "건설"),
        ),
    ),
    (
        (" logist", " transport", " freight", " shipping", " warehous", " trucking"),
        (
            *("logisti", "transport", "freight", "shipping", "haulage", "warehous"),
            *("spedition", "fracht", "trasport", "vervoer", "frakt", "spedycj", "přeprav"),
            *("szállítm", "перевоз", "логист", "μεταφορ", "nakliye", "הובלה", "شحن"),
            *("物流", "运输", "運輸", "물류", "운송"),
        ),
    ),
    (
        (" food", " beverage", " baker", " dairy", " agricultur"),
        (
            *("food", "bakery", "snack", "dairy", "lebensmittel", "bäckerei", "aliment"),
            *("boulanger", "comida", "panader", "voedsel", "livsmedel", "fødevar"),
            *("żywnoś", "potravin", "élelmiszer", "продукт", "τρόφιμ", "gıda", "מזון"),
            *("غذائ", "食品", "식품", "foodestablishment", "flour", "harina", "farine", "mehl"),
        ),
    ),
    (
        (" beverage", " brewer", " winer", " wine", " distiller", " beer", " spirits"),
        (
            *("brewer", "brewing", "craft beer", "cider", "winery", "vineyard", "distiller"),
            *("beverage", "soft drink", "juice", "brauerei", "bier", "getränk", "apfelwein"),
            *("brasserie", "cidre", "boisson", "vignoble", "cervec", "sidra", "bebida"),
            *("bodega", "birrific", "bevand", "cantina", "brouwer", "dranken", "brygger"),
            *("dryck", "drikke", "browar", "napoj", "napój", "pivovar", "nápoj"),
            *("sörfőz", "пивовар", "напит", "сидр", "винодел", "ζυθοποι", "ποτά"),
            *("içecek", "מבשלת", "משקא", "مشروب", "醸造", "飲料", "饮料", "酿酒"),
            *("양조", "음료"),
        ),
    ),
    (
        (" renewable", " solar", " wind ", " clean energy"),
        (
            *("renewabl", "solar", "photovolt", "wind turbine", "wind farm", "heat pump"),
            *("erneuerbar", "windkraft", "wärmepump", "renouvel", "photovolta", "éolien"),
            *("renovabl", "fotovolt", "eólic", "rinnovabil", "eolic", "hernieuwbar"),
            *("zonnepan", "zonne-energ", "förnybar", "fornybar", "vedvarende", "solcell"),
            *("solenergi", "solpanel", "vindkraft", "vindmøll", "odnawial", "słoneczn"),
            *("wiatrow", "obnovitel", "solární", "megújuló", "napelem", "возобновля"),
            *("солнечн", "ветров", "ανανεώσ", "ηλιακ", "yenilenebilir", "güneş enerj"),
            *("אנרגיה סולארית", "طاقة شمسية", "太陽光", "再生可能", "太阳能", "可再生"),
            *("태양광", "재생에너지"),
        ),
    ),
    (
        (" electrical", " electric ", " electronic", " appliances"),
        (
            *("electric", "electronic", "switchboard", "switchgear", "transformer"),
            *("elektr", "schaltanlag", "schaltschr", "électri", "électroni", "eléctric"),
            *("electróni", "elettric", "elettroni", "elétric", "tavle", "ställverk"),
            *("электр", "ηλεκτρ", "חשמל", "كهرب", "電気", "電機", "电气", "电子", "전기"),
        ),
    ),
    (
        (" legal", " law ", " lawyer", " attorney", " notar"),
        (
            *("law firm", "lawyer", "attorney", "solicitor", "barrister", "legal advice"),
            *("litigation", "rechtsanw", "anwaltskanzlei", "kanzlei", "avocat", "abogad"),
            *("avvocat", "advogad", "advokat", "adwokat", "radca prawny"),
            *("ügyvéd", "адвокат", "юрист", "юридич", "δικηγορ", "avukat", "hukuk büro"),
            *("notar", "עורך דין", "עורכי דין", "محام", "法律事務所", "律师", "律師", "법률"),
        ),
    ),
    (
        (" hospital", " health", " medical", " dental", " clinic", " veterinar", " pharma"),
        (
            *("clinic", "medical", "dentist", "dental", "physiotherap", "patient"),
            *("health care", "healthcare", "hospital", "veterinar", "pharmac", "praxis"),
            *("zahnarzt", "ärzt", "klinik", "clinique", "médec", "dentaire", "clínica"),
            *("médic", "dental", "clinica", "medic", "tandläk", "tandlæg", "tannleg"),
            *("lääkär", "hammaslääk", "stomatolog", "klinika", "lékař", "zubn"),
            *("orvos", "fogorvos", "клиник", "стоматолог", "медицин", "врач", "ιατρ"),
            *("οδοντ", "klinik", "hastane", "diş hekim", "מרפאה", "רופא", "عيادة", "طبي"),
            *("病院", "クリニック", "歯科", "医院", "诊所", "牙科", "병원", "치과"),
        ),
    ),
    (
        (" real estate", " property", " leasing real", " realtor"),
        (
            *("real estate", "properties", "realtor", "estate agent", "letting agent"),
            *("properties", "property manag", "letting"),
            *("immobilie", "makler", "immobili", "inmobiliari", "imobiliári", "vastgoed"),
            *("makelaar", "fastighet", "ejendom", "eiendom", "kiinteistö", "nieruchomo"),
            *("nemovitost", "ingatlan", "недвижим", "риелтор", "риэлтор"),
            *("ακίνητ", "emlak", 'נדל"ן', "عقار", "不動産", "房地产", "房地產", "부동산"),
        ),
    ),
    (
        (" hospitality", " restaurant", " hotel", " travel", " tourism", " catering"),
        (
            *("hotel", "restaurant", "guesthouse", "hostel", "catering", "travel agen"),
            *("tour operator", "gasthaus", "gasthof", "reisebüro", "urlaub"),
            *("hôtel", "voyage", "hostal", "viaje", "albergo", "viaggi", "pousada"),
            *("viagem", "reisbureau", "resebyrå", "rejsebureau", "reisebyrå", "matkatoimist"),
            *("podróż", "cestovn", "szálloda", "utazás", "гостиниц", "отель", "туризм"),
            *("туроператор", "ξενοδοχ", "ταξίδ", "otel", "seyahat", "מלון", "فندق", "سياحة"),
            *("ホテル", "旅行", "酒店", "旅游", "호텔", "여행"),
        ),
    ),
    (
        (" marketing", " advertising", " public relations"),
        (
            *("marketing", "advertising", "branding", "public relations", "agency"),
            *("werbeagentur", "werbung", "publicité", "publicidad", "pubblicità"),
            *("publicidade", "reclamebureau", "reklam", "mainonta", "reklama", "reklám"),
            *("реклам", "маркетинг", "διαφήμισ", "פרסום", "إعلان", "広告", "广告", "광고"),
        ),
    ),
    (
        (" education", " training", " school", " e-learning"),
        (
            *("school", "training", "tuition", "education", "academy", "teach"),
            *("schule", "schulung", "weiterbildung", "école", "formation", "escuela"),
            *("formación", "scuola", "formazione", "escola", "formação", "opleiding"),
            *("utbildning", "uddannelse", "opplæring", "koulutus", "szkoł", "szkolen"),
            *("škol", "oktatás", "iskola", "обучени", "школ", "εκπαίδευσ"),
            *("eğitim", "okul", "לימוד", "تعليم", "教育", "学校", "培训", "교육", "학원"),
        ),
    ),
    (
        (" automotive", " motor vehicle", " car dealer", " vehicle repair"),
        (
            *("car dealer", "vehicle", "garage", "automotive", "car repair", "tyres"),
            *("autohaus", "kfz", "werkstatt", "automobile", "voiture", "taller mecánico"),
            *("automóvil", "officina", "autoveicol", "oficina mecânica", "bilverkstad"),
            *("autowerkplaats", "bilforhandl", "autokorjaam", "warsztat samoch", "autoserv"),
            *("autószerviz", "автосервис", "автомобил", "αυτοκίνητ", "oto servis", "מוסך"),
            *("سيارات", "自動車", "汽车", "汽車", "자동차"),
        ),
    ),
    (
        (" textile", " apparel", " fashion", " clothing"),
        (
            *("textile", "fabric", "apparel", "clothing", "garment", "fashion", "knitwear"),
            *("textil", "bekleidung", "tissu", "vêtement", "tessil"),
            *("abbigliam", "tecido", "roupa", "kleding", "kläder", "tøj", "klær", "vaate"),
            *("tkanin", "odzież", "oděv", "ruház", "текстил", "одежд", "ткан", "ρούχ"),
            *("υφάσμ", "tekstil", "giyim", "טקסטיל", "ביגוד", "نسيج", "ملابس", "繊維"),
            *("アパレル", "纺织", "服装", "紡織", "섬유", "의류"),
        ),
    ),
    (
        (" printing", " publishing"),
        (
            *("printing", "print shop", "publisher", "publishing", "druckerei", "verlag"),
            *("imprimerie", "édition", "imprenta", "editorial", "tipografia", "stampa"),
            *("gráfica", "drukkerij", "uitgever", "tryckeri", "trykkeri", "forlag"),
            *("painotal", "drukarni", "wydawnict", "tiskárn", "nyomda", "типограф"),
            *("издательств", "εκτυπώσ", "matbaa", "דפוס", "طباعة", "印刷", "出版", "인쇄"),
        ),
    ),
    (
        (" insur", " reinsur", " banking", " financial", " investment", " credit"),
        (
            *("insur", "bank", "loan", "mortgage", "asset manag", "investment fund", "financ"),
            *("credit union", "versicher", "finanz", "assurances", "assureur", "aseguradora"),
            *("seguros", "banque", "banco", "assicura", "verzeker", "försäkr", "forsikr"),
            *("vakuut", "ubezpiecz", "pojišt", "pojist", "poist", "biztosít", "страхов"),
            *("осигур", "osigur", "ασφαλ", "sigorta", "sığorta", "sigurim", "kindlustus"),
            *("apdrošin", "draudim", "zavarovan", "insurans", "банк", "кредит", "τράπεζ"),
            *("ביטוח", "בנק", "تأمين", "مصرف", "بنك", "保険", "保险", "银行", "銀行", "보험"),
            *("은행", "insuranceagency"),
        ),
    ),
    (
        (" architect", " engineering services", " civil engineering"),
        (
            *("architect", "engineering", "structural", "architekt", "ingenieur"),
            *("architecte", "bureau d'études", "arquitect", "ingenier", "architett"),
            *("ingegner", "arquitet", "engenhar", "ingenieurs", "arkitekt", "ingenjör"),
            *("ingeniør", "insinööri", "projektow", "mérnök", "építész"),
            *("архитект", "инженер", "проектир", "αρχιτεκτ", "μηχανικ", "mimarlık"),
            *("mühendis", "אדריכל", "הנדסה", "هندس", "設計事務所", "建築設計", "设计院"),
            *("건축", "엔지니어링"),
        ),
    ),
)
