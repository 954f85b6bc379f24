"""Word stock the labelled web is generated from: invented brand words, industries with
their wordings, countries with their cities and domain endings, names in other scripts."""

from __future__ import annotations

from dataclasses import dataclass

BRANDS = (
    "Aldercrest", "Brightwater", "Copperline", "Driftmark", "Emberfield", "Fernhollow",
    "Glenmore", "Harrowgate", "Ironvale", "Juniper", "Kestrel", "Larkspur", "Marrowind",
    "Northwick", "Oakhurst", "Pinecroft", "Quillon", "Redmere", "Silverbirch", "Thornbury",
    "Umberlake", "Valemont", "Westbrook", "Yarrowby", "Zephyrine", "Ashgrove", "Bramblewood",
    "Calderon", "Dunmore", "Elderstone", "Foxmoor", "Greyhaven", "Hollowell", "Ivorine",
    "Jasperton", "Kingsmere", "Lindqvist", "Moorcastle", "Nettlefield", "Orrington",
    "Pellucid", "Quarrymoor", "Rosslare", "Saltmarsh", "Tidewell", "Underhill", "Verdant",
    "Wickford", "Yellowknife", "Zanderwell", "Amberlyn", "Blackthorn", "Cobaltine",
    "Dovecote", "Eastmarch", "Flintridge", "Goldcrest", "Heathrow", "Inglewood", "Jadeport",
    "Kilnworth", "Lowmoor", "Millbrook", "Nightjar", "Osprey", "Pembrook", "Quayside",
    "Ravenholt", "Stonebridge", "Tamarind", "Upperton", "Vantage", "Wrenfield", "Yorkgate",
    "Zenobia", "Arrowmill", "Beaconsfield", "Cinderby", "Duskwood", "Evenlode", "Fairhaven",
    "Galloway", "Highmoor", "Islay", "Juneberry", "Kittering", "Loxley", "Marchbank",
    "Newhaven", "Oldcastle", "Pendle", "Quenby", "Riverton", "Sunderby", "Trelawny",
    "Uffington", "Vireo", "Whitmore", "Yeovale", "Zennor", "Alveston", "Belmont", "Carrick",
    "Dalwood", "Exmoor", "Fenwick", "Gorsefield", "Hazelmere", "Ilbury", "Jarrow",
    "Kenmare", "Langdale", "Mossgiel", "Norland", "Ormsby", "Penrose", "Ravensworth",
    "Sedgemoor", "Tarnwick", "Ulverston", "Wolvercote", "Ashcombe", "Brackley", "Corrie",
    "Dunstable", "Elmsworth", "Fallowfield", "Grantly", "Hartwell", "Ivybridge", "Keswick",
    "Lambourne", "Malvern", "Netherby", "Ottery", "Polden", "Ripley", "Stanway", "Tenbury",
)  # fmt: skip


@dataclass(frozen=True)
class Industry:
    noun: str  # the word a company of this trade puts after its brand
    linkedin: str  # LinkedIn's industry label
    product: tuple[str, ...]  # what it makes or does, several wordings
    audience: tuple[str, ...]


INDUSTRIES = (
    Industry("Analytics", "Software Development",
             ("demand forecasting software", "dashboards that predict sales",
              "a forecasting platform"), ("retailers", "grocery chains", "online shops")),
    Industry("Freight", "Transportation, Logistics and Storage",
             ("road freight services", "refrigerated trucking", "container haulage"),
             ("food producers", "importers", "wholesalers")),
    Industry("Robotics", "Automation Machinery Manufacturing",
             ("warehouse picking robots", "robotic arms for packing lines",
              "autonomous pallet movers"), ("distribution centres", "factories", "3PLs")),
    Industry("Dental", "Medical Practices",
             ("family dentistry", "dental implants and orthodontics", "cosmetic dentistry"),
             ("families", "patients of all ages", "local residents")),
    Industry("Bakery", "Food and Beverage Manufacturing",
             ("sourdough bread and pastries", "organic bread", "wedding cakes and pastries"),
             ("cafes", "hotels", "neighbourhood shops")),
    Industry("Solar", "Renewable Energy Equipment Manufacturing",
             ("rooftop solar installations", "solar panels and home batteries",
              "commercial solar farms"), ("homeowners", "farms", "small businesses")),
    Industry("Legal", "Law Practice",
             ("commercial law advice", "employment law services", "contract and IP law"),
             ("start-ups", "employers", "family businesses")),
    Industry("Games", "Computer Games",
             ("mobile puzzle games", "indie strategy games", "multiplayer racing games"),
             ("players worldwide", "casual gamers", "console players")),
    Industry("Textiles", "Textile Manufacturing",
             ("woven technical fabrics", "organic cotton yarn", "upholstery textiles"),
             ("fashion brands", "furniture makers", "car makers")),
    Industry("Security", "Computer and Network Security",
             ("penetration testing", "managed threat detection", "email security gateways"),
             ("banks", "hospitals", "mid-sized companies")),
    Industry("Architects", "Architecture and Planning",
             ("timber-frame housing design", "school and library design",
              "sustainable office buildings"), ("councils", "developers", "universities")),
    Industry("Brewing", "Beverage Manufacturing",
             ("craft lagers and pale ales", "small-batch stouts", "alcohol-free beers"),
             ("pubs", "restaurants", "beer lovers")),
    Industry("Marine", "Maritime Transportation",
             ("ship repair and maintenance", "harbour towing", "offshore supply vessels"),
             ("shipowners", "ports", "wind farm operators")),
    Industry("Payments", "Financial Services",
             ("card payment terminals", "online payment processing", "invoice financing"),
             ("merchants", "marketplaces", "freelancers")),
    Industry("Optics", "Medical Equipment Manufacturing",
             ("precision lenses", "laser optics", "microscope objectives"),
             ("laboratories", "camera makers", "research institutes")),
)  # fmt: skip

SENTENCES = (
    "{name} provides {product} for {audience} from its base in {city}.",
    "Founded in {year} in {city}, {name} offers {product} to {audience}.",
    "We are {name}: {product} for {audience}, made in {city} since {year}.",
    "{name} is a {city} company specialising in {product} for {audience}.",
    "Since {year}, {name} has delivered {product} to {audience} across {country}.",
    "At {name} we design {product} for {audience}. Our team works from {city}.",
)

# What an About paragraph goes on to say, by page language.
MORE = {
    "en": (
        "Our team of {staff} people serves customers across {country}.",
        "We are proud of long partnerships and answer every enquiry within a day.",
        "Quality, honesty and good service have guided us from the very first day.",
    ),
    "fr": ("Notre équipe de {staff} personnes accueille ses clients du lundi au samedi.",),
    "de": ("Unser Team aus {staff} Leuten berät Sie gerne persönlich vor Ort.",),
    "ru": ("Наша команда из {staff} человек работает для клиентов по всей стране.",),
    "ja": ("お気軽にお問い合わせください。",),
}


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    tld: str  # the domain ending its companies prefer
    cities: tuple[str, ...]
    phone: str


COUNTRIES = (
    Country("United Kingdom", "GB", "co.uk", ("London", "Leeds", "Bristol", "Glasgow"), "+44"),
    Country("Germany", "DE", "de", ("Hamburg", "Munich", "Cologne", "Leipzig"), "+49"),
    Country("France", "FR", "fr", ("Lyon", "Nantes", "Lille", "Bordeaux"), "+33"),
    Country("United States", "US", "com", ("Denver", "Austin", "Portland", "Boston"), "+1"),
    Country("Australia", "AU", "com.au", ("Sydney", "Perth", "Brisbane", "Adelaide"), "+61"),
    Country("Canada", "CA", "ca", ("Toronto", "Calgary", "Halifax", "Ottawa"), "+1"),
    Country("Netherlands", "NL", "nl", ("Utrecht", "Rotterdam", "Eindhoven", "Delft"), "+31"),
    Country("Sweden", "SE", "se", ("Malmö", "Uppsala", "Gothenburg", "Lund"), "+46"),
    Country("Ireland", "IE", "ie", ("Cork", "Galway", "Limerick", "Dublin"), "+353"),
    Country("Spain", "ES", "es", ("Valencia", "Seville", "Bilbao", "Zaragoza"), "+34"),
    Country("Russia", "RU", "ru", ("Kazan", "Samara", "Tomsk", "Perm"), "+7"),
    Country("Japan", "JP", "jp", ("Osaka", "Nagoya", "Sendai", "Kobe"), "+81"),
)

# Brand words in Cyrillic with their usual Latin spelling (as on the company's domain).
CYRILLIC_BRANDS = (
    ("Ромашка", "Romashka"), ("Берёзка", "Beryozka"), ("Светлячок", "Svetlyachok"),
    ("Радуга", "Raduga"), ("Кедровый", "Kedrovy"), ("Сокольники", "Sokolniki"),
    ("Заречье", "Zarechye"), ("Восход", "Voskhod"), ("Янтарный", "Yantarny"),
    ("Гранитный", "Granitny"), ("Ладожский", "Ladozhsky"), ("Ирбис", "Irbis"),
    ("Алмазный", "Almazny"), ("Северянка", "Severyanka"), ("Журавли", "Zhuravli"),
    ("Черемуха", "Cheremukha"), ("Малахит", "Malakhit"), ("Снегирь", "Snegir"),
    ("Ярило", "Yarilo"), ("Полесье", "Polesye"), ("Чайка", "Chayka"), ("Волжанка", "Volzhanka"),
)  # fmt: skip
CYRILLIC_TRADES = (
    ("Логистика", "Logistika", "грузоперевозки по России и странам СНГ"),
    ("Софт", "Soft", "программное обеспечение для учёта и складов"),
    ("Строй", "Stroy", "строительство складов и производственных зданий"),
    ("Агро", "Agro", "выращивание зерна и поставки семян фермерам"),
    ("Мебель", "Mebel", "производство офисной мебели на заказ"),
    ("Пекарня", "Pekarnya", "свежий хлеб и выпечку для кафе и магазинов"),
)

# Japanese brand words (Shift_JIS pages) with their romanised names.
JAPANESE_BRANDS = (
    ("さくら精機", "Sakura Seiki", "精密部品の製造と販売を行っています"),
    ("みどり食品", "Midori Foods", "地元の野菜を使った食品を製造しています"),
    ("あおば電子", "Aoba Denshi", "産業用センサーの開発と製造を行っています"),
    ("ひかり物流", "Hikari Butsuryu", "関西地方の倉庫と配送サービスを提供しています"),
    ("やまと建設", "Yamato Kensetsu", "住宅と店舗の設計施工を行っています"),
    ("はやて工業", "Hayate Kogyo", "金属加工と溶接の専門会社です"),
    ("つばさ商事", "Tsubasa Shoji", "工業用品の輸入と卸売を行っています"),
)

# Latin-1 pages: French and German brands with accented names.
ACCENTED = (
    ("Société Lumière", "Lyon", "France", "conçoit des luminaires pour les hôtels et musées"),
    ("Côté Jardin Paysage", "Nantes", "France", "aménage des jardins et terrasses privés"),
    ("Bäckerei Müller", "Leipzig", "Germany", "backt Brot und Brötchen für Cafés"),
    ("Grün & Söhne", "Cologne", "Germany", "fertigt Möbel aus heimischem Holz"),
    ("Élan Vélo", "Bordeaux", "France", "fabrique des vélos électriques sur mesure"),
    ("Größner Präzision", "Munich", "Germany", "fräst Präzisionsteile für Maschinenbauer"),
    ("Crèmerie Fréchette", "Lille", "France", "affine des fromages fermiers régionaux"),
    ("Wärme Täglich", "Hamburg", "Germany", "installiert Wärmepumpen für Einfamilienhäuser"),
    ("Hôtel Écrin", "Lyon", "France", "accueille ses clients dans un hôtel de charme"),
)
