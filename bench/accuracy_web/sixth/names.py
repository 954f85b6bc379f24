"""Company names of the sixth web written in Latin letters, by country: brands and trades
(the trade in the country's language, its LinkedIn industry, what it does)."""

from __future__ import annotations

# stock: (brands, ((trade word, industry, what it does), ...))
LATIN: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    "KE": (
        ("Tana Ridge", "Kilifi Coast", "Nyandarua", "Meru Highland", "Athi Plains", "Lamu Dhow", "Ngong Hills"),  # noqa: E501
        (
            ("Wasafirishaji", "Truck Transportation", "husafirisha mizigo kutoka bandarini hadi Uganda"),  # noqa: E501
            ("Ujenzi", "Construction", "hujenga nyumba za makazi na maghala"),
            ("Vyakula", "Food Production", "husindika unga wa mahindi na mafuta ya kupikia"),
        ),
    ),
    "PE": (
        ("Huascarán", "Paracas", "Chavín", "Urubamba", "Mantaro", "Sechura", "Colca"),
        (
            ("Transportes", "Truck Transportation", "transporta carga pesada entre la costa y la sierra"),  # noqa: E501
            ("Textil", "Textile Manufacturing", "teje prendas de alpaca para exportación"),
            ("Agroexport", "Farming", "exporta palta y arándanos frescos"),
        ),
    ),
    "CL": (
        ("Cordillera Azul", "Llanquihue", "Atacameña", "Tolhuaca", "Quillota", "Chiloé Sur", "Maule Alto"),  # noqa: E501
        (
            ("Ingeniería", "Civil Engineering", "diseña obras hidráulicas para riego"),
            ("Vinos", "Wineries", "elabora vinos de cepa carmenere"),
            ("Logística", "Transportation, Logistics, Supply Chain and Storage", "opera bodegas refrigeradas cerca del puerto"),  # noqa: E501
        ),
    ),
    "CO": (
        ("Cafetera del Quindío", "Sierra Nevada", "Guatapé", "Magdalena Medio", "Chicamocha", "Llanos Orientales", "Tayrona"),  # noqa: E501
        (
            ("Soluciones", "IT Services and IT Consulting", "desarrolla software de facturación electrónica"),  # noqa: E501
            ("Confecciones", "Apparel Manufacturing", "confecciona ropa deportiva para tiendas"),
            ("Flores", "Farming", "cultiva rosas y claveles para exportar"),
        ),
    ),
    "CZ": (
        ("Podhorák", "Sázavan", "Krkonošská", "Šumavan", "Beskydka", "Polabí", "Jizerka"),
        (
            ("Strojírna", "Machinery Manufacturing", "vyrábí svařované ocelové konstrukce"),
            ("Stavby", "Construction", "staví rodinné domy a haly"),
            ("Pekárna", "Food Production", "peče chléb a koláče pro obchody"),
        ),
    ),
    "EE": (
        ("Peipsi", "Toomemäe", "Haapsalu Lahe", "Saaremaa Kivi", "Emajõe", "Kõrvemaa", "Vooremaa"),
        (
            ("Ehitus", "Construction", "ehitab puitmaju ja saunu"),
            ("Logistika", "Truck Transportation", "veab kaupa Baltimaade vahel"),
            ("Mööbel", "Furniture and Home Furnishings Manufacturing", "valmistab täispuidust mööblit"),  # noqa: E501
        ),
    ),
    "LV": (
        ("Gauja", "Daugavkrasts", "Kurzemes Vējš", "Ventspils Osta", "Sigulda Kalns", "Rāzna", "Zemgales Lauks"),  # noqa: E501
        (
            ("Būve", "Construction", "būvē noliktavas un dzīvojamās mājas"),
            ("Kokapstrāde", "Wood Product Manufacturing", "ražo līmētu koksni un grīdas dēļus"),
            ("Pārvadājumi", "Truck Transportation", "pārvadā kravas uz Skandināviju"),
        ),
    ),
    "SI": (
        ("Triglavka", "Pohorje", "Soča Dolina", "Kras Kamen", "Savinja", "Bohinjka", "Kozjansko"),
        (
            ("Gradnje", "Construction", "gradi stanovanjske hiše in poslovne objekte"),
            ("Elektro", "Electrical Equipment Manufacturing", "izdeluje električne omarice za industrijo"),  # noqa: E501
            ("Vina", "Wineries", "prideluje vina iz lastnih vinogradov"),
        ),
    ),
    "AL": (
        ("Drini", "Butrinti", "Tomorri", "Llogara", "Osumi", "Valbona", "Dajti"),
        (
            ("Ndërtim", "Construction", "ndërton banesa dhe objekte tregtare"),
            ("Ullishtë", "Food Production", "prodhon vaj ulliri ekstra të virgjër"),
            ("Transport", "Truck Transportation", "transporton mallra drejt Kosovës"),
        ),
    ),
    "MY": (
        ("Bukit Merah", "Seri Kinabalu", "Tanjung Emas", "Sungai Rajang", "Pelangi Timur", "Cahaya Melaka", "Gunung Ledang"),  # noqa: E501
        (
            ("Perkhidmatan", "Facilities Services", "menyediakan perkhidmatan pembersihan pejabat"),
            ("Pembinaan", "Construction", "membina kilang dan rumah kedai"),
            ("Makanan", "Food Production", "mengeluarkan sos cili dan kicap dalam botol"),
        ),
    ),
    "AZ": (
        ("Xəzər Dalğa", "Qafqaz Dağ", "Şahdağ", "Kür Çayı", "Naftalan", "Göygöl", "Qəbələ Vadisi"),
        (
            ("Tikinti", "Construction", "yaşayış binaları və anbarlar tikir"),
            ("Logistika", "Truck Transportation", "Gürcüstana və Türkiyəyə yük daşıyır"),
            ("Aqro", "Farming", "fındıq və nar becərir"),
        ),
    ),
    "UZ": (
        ("Zarafshon", "Registon", "Chorvoq", "Oloy Vodiy", "Amudaryo", "Nurota", "Ugʻom"),
        (
            ("Qurilish", "Construction", "turar-joy binolari va omborlar quradi"),
            ("Toʻqimachilik", "Textile Manufacturing", "paxta ipidan mato toʻqiydi"),
            ("Logistika", "Truck Transportation", "Qozogʻiston va Rossiyaga yuk tashiydi"),
        ),
    ),
    "RS-Latn": (
        ("Fruškogorac", "Zlatibor Vrh", "Tara Kanjon", "Đerdap", "Kopaonik Sloga", "Palić"),
        (
            ("Gradnja", "Construction", "gradi stambene zgrade i magacine"),
            ("Prevoz", "Truck Transportation", "prevozi robu ka Mađarskoj i Rumuniji"),
            ("Vinarija", "Wineries", "proizvodi vina od sorte prokupac"),
        ),
    ),
}  # fmt: skip
