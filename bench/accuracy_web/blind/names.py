"""Company names of the blind web written in Latin letters, by country: brands and trades
(the trade in the country's language, what it does, its LinkedIn industry)."""

from __future__ import annotations

# iso: (brands, ((trade word, industry, what it does), ...))
LATIN: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    "FI": (
        ("Kuusela", "Revontuli", "Harjula", "Lumikko", "Tammisto", "Kaarna", "Vuoksi", "Pihlaja"),
        (
            ("Rakennus", "Construction", "rakentaa omakotitaloja ja rivitaloja"),
            ("Kuljetus", "Truck Transportation", "kuljettaa kappaletavaraa ja kuormalavoja"),
            ("Konepaja", "Machinery Manufacturing", "valmistaa hitsattuja teräsrakenteita"),
            ("Leipomo", "Food Production", "leipoo ruisleipää ja pullaa kahviloille"),
        ),
    ),
    "HU": (
        (
            "Tiszahát",
            "Bakonyér",
            "Mecsekalja",
            "Kőrösvíz",
            "Hegyköz",
            "Zalaháti",
            "Sárrét",
            "Nyírség",
        ),
        (
            ("Építő Kft.", "Construction", "családi házakat és csarnokokat épít"),
            (
                "Szállítmányozás",
                "Freight and Package Transportation",
                "belföldi és nemzetközi fuvarokat szervez",
            ),
            ("Pékség", "Food Production", "kenyeret és péksüteményt süt boltoknak"),
            (
                "Gépgyártó",
                "Industrial Machinery Manufacturing",
                "mezőgazdasági gépalkatrészeket gyárt",
            ),
        ),
    ),
    "RO": (
        ("Someșana", "Bucegi", "Argeșeni", "Dacora", "Mureșul", "Ceahlăul", "Olteanca", "Bârsana"),
        (
            ("Construct", "Construction", "construiește hale industriale și locuințe"),
            ("Transport", "Truck Transportation", "transportă marfă paletizată în toată țara"),
            ("Panificație", "Food Production", "produce pâine și cozonac pentru magazine"),
            (
                "Mobila",
                "Furniture and Home Furnishings Manufacturing",
                "produce mobilier din lemn masiv",
            ),
        ),
    ),
    "VN": (
        (
            "Hoàng Long",
            "Phương Nam",
            "Thành Đạt",
            "Minh Khang",
            "Sao Mai",
            "An Phát",
            "Đông Á",
            "Hưng Thịnh",
        ),
        (
            ("Xây Dựng", "Construction", "thi công nhà xưởng và nhà ở dân dụng"),
            ("Vận Tải", "Truck Transportation", "vận chuyển hàng hóa bằng xe tải và container"),
            ("Thực Phẩm", "Food Production", "sản xuất bánh phở và mì gạo xuất khẩu"),
            (
                "Nội Thất",
                "Furniture and Home Furnishings Manufacturing",
                "sản xuất đồ gỗ nội thất cho khách sạn",
            ),
        ),
    ),
    "ID": (
        (
            "Sinar Jaya",
            "Mitra Abadi",
            "Cahaya Timur",
            "Karya Mandiri",
            "Sumber Rejeki",
            "Bintang Samudra",
            "Tunas Harapan",
            "Gemilang Nusa",
        ),
        (
            (
                "Logistik",
                "Transportation, Logistics, Supply Chain and Storage",
                "melayani pengiriman barang antarpulau",
            ),
            ("Konstruksi", "Construction", "membangun gudang dan ruko di Jawa Timur"),
            (
                "Elektrik",
                "Electrical Equipment Manufacturing",
                "memasang panel listrik untuk pabrik",
            ),
            ("Pangan", "Food Production", "memproduksi keripik singkong dan sambal kemasan"),
        ),
    ),
    "DK": (
        (
            "Skovgaard",
            "Østervang",
            "Bøgely",
            "Havbro",
            "Lyngholm",
            "Fjordvang",
            "Egeskov",
            "Hedelund",
        ),
        (
            ("Tømrer", "Construction", "bygger tagkonstruktioner og tilbygninger"),
            ("VVS", "Plumbing", "installerer varmepumper og badeværelser"),
            ("Revision", "Accounting", "laver regnskab og skat for mindre virksomheder"),
            ("Bryghus", "Beverage Manufacturing", "brygger økologisk øl til restauranter"),
        ),
    ),
    "NO": (
        (
            "Fjellheim",
            "Solvik",
            "Nordstrand",
            "Bjørkås",
            "Havlys",
            "Tindeland",
            "Moldvik",
            "Granåsen",
        ),
        (
            (
                "Elektro",
                "Electrical Equipment Manufacturing",
                "leverer elektroinstallasjoner til næringsbygg",
            ),
            ("Sjømat", "Seafood Product Manufacturing", "foredler laks og torsk for eksport"),
            ("Maskin", "Construction", "utfører graving og tomtearbeid"),
            ("Regnskap", "Accounting", "fører regnskap og lønn for små bedrifter"),
        ),
    ),
    "HR": (
        ("Jadranka", "Velebit", "Kvarner", "Učka", "Dravska", "Biokovo", "Neretva", "Zagorka"),
        (
            ("Gradnja", "Construction", "gradi stambene zgrade i poslovne prostore"),
            ("Prijevoz", "Truck Transportation", "prevozi robu kamionima po Europi"),
            ("Pekara", "Food Production", "peče kruh i peciva za trgovine"),
            ("Brodogradilište", "Shipbuilding", "gradi i popravlja manje brodove"),
        ),
    ),
    "SK": (
        ("Tatranka", "Poľana", "Hronec", "Javorina", "Zemplínka", "Kriváň", "Ondava", "Sitno"),
        (
            ("Stavby", "Construction", "stavia rodinné domy a haly"),
            ("Doprava", "Truck Transportation", "zabezpečuje kamiónovú dopravu po Európe"),
            ("Strojáreň", "Machinery Manufacturing", "vyrába zvárané oceľové diely"),
            ("Mliekareň", "Dairy Product Manufacturing", "vyrába syry a jogurty z regiónu"),
        ),
    ),
    "LT": (
        (
            "Nemunėlis",
            "Baltijos Vėjas",
            "Ąžuolynė",
            "Gintarėlis",
            "Nerija",
            "Dubysa",
            "Žemaitė",
            "Šventoji",
        ),
        (
            ("Statyba", "Construction", "stato gyvenamuosius namus ir sandėlius"),
            ("Logistika", "Truck Transportation", "gabena krovinius po Baltijos šalis"),
            ("Kepykla", "Food Production", "kepa ruginę duoną parduotuvėms"),
            ("Baldai", "Furniture and Home Furnishings Manufacturing", "gamina baldus iš ąžuolo"),
        ),
    ),
    "NG": (
        (
            "Ikengha",
            "Olumide",
            "Ebonyhill",
            "Osogbo Crest",
            "Adamawa",
            "Okavango Bay",
            "Yewande",
            "Nkemdirim",
        ),
        (
            ("Agro Allied", "Farming", "processes cassava and maize for feed mills"),
            ("Haulage", "Truck Transportation", "moves containers from the Apapa port inland"),
            (
                "Solar Systems",
                "Renewable Energy Equipment Manufacturing",
                "installs solar mini-grids for clinics and schools",
            ),
            ("Pharmacy", "Retail Health and Personal Care Products", "runs community pharmacies"),
        ),
    ),
    "PH": (
        (
            "Bayanihan",
            "Mabuhay Coast",
            "Tala Bay",
            "Dagatan",
            "Kalayaan",
            "Malaya Hills",
            "Sampaguita",
            "Bagwis",
        ),
        (
            ("Builders", "Construction", "builds townhouses and small commercial buildings"),
            ("Shipping", "Maritime Transportation", "runs inter-island cargo vessels"),
            (
                "BPO Solutions",
                "Outsourcing and Offshoring Consulting",
                "staffs customer support teams for overseas clients",
            ),
            ("Food Corp", "Food Production", "makes dried mangoes and banana chips for export"),
        ),
    ),
}
