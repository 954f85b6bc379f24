"""Hand-written cases of the fresh web: businesses whose pages sell things (names
included) without being for sale, and same-name companies."""

from __future__ import annotations

from bench.accuracy_web.fresh.lands import CA, CZ, IE, MX, NL, SE

# Real businesses whose pages offer things for sale, names included.
SELLERS = (
    (
        IE,
        "Kilbrack Motors",
        "Used Cars",
        "Quality used cars for sale in Cork, every one with a full service history "
        "and a 12-month warranty.",
        "framer",
    ),
    (
        NL,
        "Eemland Makelaardij",
        "Real Estate",
        "Woningen te koop en te huur in Utrecht en omgeving; gratis waardebepaling van uw huis.",
        "drupal",
    ),
    (
        CA,
        "Tidewater Domains",
        "Internet",
        "Register a domain name, transfer yours or browse premium names for sale — "
        "with DNS hosting included.",
        "ghost",
    ),
    (
        SE,
        "Fjällsta Företagsförmedling",
        "Business Brokerage",
        "Vi hjälper ägare att sälja sitt företag: värdering, annons och förhandling "
        "i hela Norrland.",
        "duda",
    ),
    (
        MX,
        "Lotes Huasteca",
        "Real Estate",
        "Terrenos en venta en Monterrey con escrituras y servicios; aparta tu lote "
        "con un enganche mínimo.",
        "carrd",
    ),
)


# Same-name pairs: (name, (land, city index, industry, does) twice).
TWINS = (
    (
        "Meridian Coatings",
        (NL, 0, "Chemicals", "industriële coatings voor staal en beton"),
        (MX, 1, "Chemicals", "recubrimientos anticorrosivos para la industria"),
    ),
    (
        "Polaris Dental Lab",
        (SE, 1, "Medical Devices", "kronor, broar och implantatprotetik"),
        (CZ, 0, "Medical Devices", "zubní náhrady a korunky pro ordinace"),
    ),
    (
        "Helix Controls",
        (IE, 2, "Automation", "control panels and SCADA upgrades for water plants"),
        (CA, 1, "Automation", "building automation and HVAC controls"),
    ),
    (
        "Vega Ceramics",
        (CA, 0, "Ceramics", "handmade tableware for restaurants"),
        (MX, 2, "Ceramics", "talavera artesanal para hoteles y casas"),
    ),
    (
        "Hora Stavby",
        (CZ, 0, "Construction", "stavby rodinných domů na klíč"),
        (CZ, 1, "Construction", "průmyslové haly a ocelové konstrukce"),
    ),
    (
        "De Wit Transport",
        (NL, 0, "Logistics", "koeltransport van groente en fruit"),
        (NL, 2, "Logistics", "containervervoer vanaf de haven"),
    ),
    (
        "Grupo Cedral",
        (MX, 0, "Food Production", "tortillas y harina de maíz nixtamalizado"),
        (MX, 2, "Furniture", "muebles de madera para oficina"),
    ),
    (
        "Lindgren & Co",
        (SE, 1, "Accounting", "bokföring och deklarationer för småföretag"),
        (SE, 1, "Furniture", "snickerier och inredning på beställning"),
    ),
    (
        "Maple Leaf Services",
        (CA, 1, "Facilities Services", "commercial cleaning and janitorial contracts"),
        (CA, 1, "IT Services", "managed IT support and cloud backups for clinics"),
    ),
    (
        "Claddagh Design",
        (IE, 0, "Interior Design", "interior design for hotels and pubs"),
        (IE, 0, "Web Design", "websites and online shops for local businesses"),
    ),
)
