"""What held-out sites say, per language: trades, description sentences, navigation,
cookie walls. Written apart from the development web's vocabulary."""

from __future__ import annotations

# (trade as a name ends, what the company does) per language.
TRADES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Joinery", "bespoke kitchens, staircases and fitted wardrobes"),
        ("Analytics", "forecasting dashboards for retail chains"),
        ("Coatings", "powder coating and anodising of aluminium parts"),
        ("Veterinary", "small-animal surgery and out-of-hours care"),
        ("Surveyors", "boundary surveys and drone mapping for developers"),
        ("Brewing", "cask ales and seasonal lagers"),
    ),
    "de": (
        ("Feinmechanik", "Präzisionsteile für den Sondermaschinenbau"),
        ("Haustechnik", "Heizungs- und Sanitäranlagen für Wohnanlagen"),
        ("Druckerei", "Offset- und Digitaldruck für Verlage und Vereine"),
        ("Logistik", "Kontraktlogistik und Lagerhaltung für den Mittelstand"),
        ("Gartenbau", "Planung und Pflege von Firmengeländen"),
        ("Zahntechnik", "Kronen, Brücken und Implantatprothetik"),
    ),
    "fr": (
        ("Menuiserie", "menuiseries bois et aluminium sur mesure"),
        ("Conseil", "accompagnement des PME dans leur transition numérique"),
        ("Imprimerie", "impression de catalogues et d'étiquettes"),
        ("Transports", "transport frigorifique de denrées alimentaires"),
        ("Paysage", "conception et entretien de jardins et espaces verts"),
        ("Électricité", "installations électriques tertiaires et industrielles"),
    ),
    "es": (
        ("Construcciones", "obra civil y rehabilitación de edificios"),
        ("Consultores", "asesoría fiscal y laboral para autónomos"),
        ("Alimentación", "conservas artesanales de pescado y verdura"),
        ("Ingeniería", "proyectos de instalaciones solares fotovoltaicas"),
        ("Textil", "confección de uniformes laborales"),
        ("Mudanzas", "mudanzas nacionales e internacionales para empresas"),
    ),
    "ru": (
        ("Стройматериалы", "поставки кирпича, цемента и утеплителя для частного строительства"),
        ("Логистика", "складские услуги и доставку грузов по Поволжью"),
        ("Мебель", "корпусную мебель на заказ для офисов и квартир"),
        ("Агро", "выращивание зерновых и переработку подсолнечника"),
        ("Софт", "учётные системы для розничных магазинов"),
        ("Полиграфия", "печать каталогов, буклетов и упаковки"),
    ),
}

# Description sentences: {name}, {does}, {city}, {country}, {year}.
SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "Since {year}, {name} has delivered {does} to clients across {country} from our "
        "workshop in {city}.",
        "{name} is an independent {city} business specialising in {does}, trusted by "
        "customers for over a decade.",
        "From our base in {city}, the {name} team provides {does} with a personal service "
        "and honest prices.",
    ),
    "de": (
        "{name} steht seit {year} für {does} – zuverlässig, termintreu und aus {city}.",
        "Als inhabergeführtes Unternehmen aus {city} bietet {name} {does} für Kunden in "
        "ganz {country}.",
        "Willkommen bei {name}: Ihr Partner für {does} mit Sitz in {city}.",
    ),
    "fr": (
        "Depuis {year}, {name} propose {does} aux professionnels de la région de {city}.",
        "Entreprise familiale installée à {city}, {name} réalise {does} partout en {country}.",
        "{name} accompagne ses clients avec {does}, depuis son atelier de {city}.",
    ),
    "es": (
        "Desde {year}, {name} ofrece {does} a clientes de toda {country} desde {city}.",
        "{name} es una empresa de {city} especializada en {does}, con un trato cercano.",
        "En {name} nos dedicamos a {does}; trabajamos desde {city} para todo el país.",
    ),
    "ru": (
        "Компания «{name}» с {year} года предлагает {does}. Мы работаем в городе {city}.",
        "«{name}» — это {does} для клиентов по всей стране; наш офис находится в г. {city}.",
        "Мы, «{name}», с {year} года выполняем {does} и дорожим каждым клиентом из {city}.",
    ),
}

MORE: dict[str, str] = {
    "en": "Ask us for a free quote; we usually answer within one working day.",
    "de": "Fordern Sie ein unverbindliches Angebot an, wir melden uns innerhalb eines Werktags.",
    "fr": "Demandez un devis gratuit : nous répondons sous un jour ouvré.",
    "es": "Solicite presupuesto sin compromiso; respondemos en un día laborable.",
    "ru": "Оставьте заявку, и менеджер свяжется с вами в течение рабочего дня.",
}

NAV: dict[str, tuple[str, str, str]] = {
    "en": ("Home", "About us", "Contact"),
    "de": ("Start", "Über uns", "Kontakt"),
    "fr": ("Accueil", "Qui sommes-nous", "Contact"),
    "es": ("Inicio", "Quiénes somos", "Contacto"),
    "ru": ("Главная", "О компании", "Контакты"),
}
ABOUT_PATH = {
    "en": "/about-us",
    "de": "/ueber-uns",
    "fr": "/qui-sommes-nous",
    "es": "/quienes-somos",
    "ru": "/o-kompanii",
}

COOKIES: dict[str, str] = {
    "en": "We and our partners use cookies and similar technologies to store and access "
    "information on your device, to personalise content and ads, to provide social media "
    "features and to analyse our traffic. You can accept all cookies, reject them, or "
    "choose your preferences at any time in the settings.",
    "de": "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um "
    "Informationen auf Ihrem Gerät zu speichern und abzurufen, Inhalte zu personalisieren "
    "und Zugriffe zu analysieren. Sie können alle Cookies akzeptieren, ablehnen oder Ihre "
    "Einstellungen jederzeit ändern.",
    "fr": "Nous et nos partenaires utilisons des cookies et technologies similaires pour "
    "stocker et accéder à des informations sur votre appareil, personnaliser les contenus "
    "et mesurer l'audience. Vous pouvez accepter, refuser ou paramétrer vos choix à tout "
    "moment.",
    "es": "Utilizamos cookies propias y de terceros para almacenar y acceder a información "
    "en su dispositivo, personalizar contenidos y analizar el tráfico. Puede aceptar todas "
    "las cookies, rechazarlas o configurar sus preferencias en cualquier momento.",
    "ru": "Мы и наши партнёры используем файлы cookie и похожие технологии, чтобы хранить "
    "и получать информацию на вашем устройстве, персонализировать контент и анализировать "
    "посещаемость. Вы можете принять все файлы cookie, отказаться от них или настроить их.",
}

RIGHTS = {
    "en": "All rights reserved",
    "de": "Alle Rechte vorbehalten",
    "fr": "Tous droits réservés",
    "es": "Todos los derechos reservados",
    "ru": "Все права защищены",
}
