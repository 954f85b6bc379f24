"""Company names of the sixth web written in other scripts: Amharic (Ge'ez), Khmer, Greek,
Serbian and Uzbek Cyrillic, and Nepali (Devanagari), each with the Latin spelling the
company uses and an informal one a list may use."""

from __future__ import annotations

# stock: ((own, Latin spelling the company uses, informal spelling, industry, what it does
# in the site's language), ...)
SCRIPTED: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "ET": (
        ("አባይ ቡና ላኪ", "Abay Buna Laki", "Abbay Coffee Export", "Food and Beverage Services", "የሲዳማ እና የይርጋጨፌ ቡና ወደ ውጭ እንልካለን"),  # noqa: E501
        ("ጣና ኮንስትራክሽን", "Tana Konstrakshn", "Tana Construction", "Construction", "የመኖሪያ ሕንጻዎችን እና መጋዘኖችን እንገነባለን"),  # noqa: E501
        ("ሰላም ትራንስፖርት", "Selam Transport", "Salam Transport", "Truck Transportation", "ከጅቡቲ ወደብ ጭነት እናጓጉዛለን"),  # noqa: E501
        ("ላሊበላ ጨርቃጨርቅ", "Lalibela Tekstayl", "Lalibela Textile", "Textile Manufacturing", "የጥጥ ጨርቆችን እና ነጠላዎችን እናመርታለን"),  # noqa: E501
        ("ሀረር ማር", "Harer Mar", "Harar Honey", "Food Production", "ንጹህ የተፈጥሮ ማር እናሽጋለን"),
    ),
    "KH": (
        ("អង្គរ ដឹកជញ្ជូន", "Angkor Deukchanchoun", "Angkor Logistics", "Truck Transportation", "ដឹកជញ្ជូនទំនិញពីកំពង់ផែក្រុងព្រះសីហនុ"),  # noqa: E501
        ("មេគង្គ សំណង់", "Mekong Samnang", "Mekong Construction", "Construction", "សាងសង់ឃ្លាំង និងផ្ទះល្វែង"),  # noqa: E501
        ("តូនលេសាប ម្ហូប", "Tonle Sap Mhob", "Tonlesap Foods", "Food Production", "ផលិតទឹកត្រី និងប្រហុកវេចខ្ចប់"),  # noqa: E501
        ("បាយ័ន អាយធី", "Bayon IT", "Bayon Tech", "IT Services and IT Consulting", "បង្កើតកម្មវិធីគណនេយ្យសម្រាប់អាជីវកម្មខ្នាតតូច"),  # noqa: E501
        ("កំពត ម្រេច", "Kampot Mrech", "Kampot Pepper", "Farming", "ដាំម្រេចកំពតសរីរាង្គ"),
    ),
    "GR": (
        ("Αιγαίο Ναυτιλιακή", "Aigaio Naftiliaki", "Aegean Shipping", "Maritime Transportation", "διαχειρίζεται φορτηγά πλοία ξηρού φορτίου"),  # noqa: E501
        ("Όθρυς Τρόφιμα", "Othrys Trofima", "Othris Foods", "Food Production", "παράγει φέτα και γιαούρτι από πρόβειο γάλα"),  # noqa: E501
        ("Πήλιο Κατασκευές", "Pilio Kataskeves", "Pelion Constructions", "Construction", "χτίζει πέτρινες κατοικίες και ξενώνες"),  # noqa: E501
        ("Κρήτη Ελαιουργία", "Kriti Elaiourgia", "Crete Olive Mill", "Food Production", "τυποποιεί εξαιρετικό παρθένο ελαιόλαδο"),  # noqa: E501
        ("Ήπειρος Λογισμική", "Ipeiros Logismiki", "Epirus Software", "Software Development", "αναπτύσσει λογισμικό για φαρμακεία"),  # noqa: E501
        ("Ρόδος Ξενοδοχειακή", "Rodos Xenodocheiaki", "Rhodes Hotels", "Hospitality", "λειτουργεί οικογενειακά ξενοδοχεία στη Ρόδο"),  # noqa: E501
        ("Μακεδονία Μεταφορές", "Makedonia Metafores", "Macedonia Transport", "Truck Transportation", "μεταφέρει φορτία προς τα Βαλκάνια"),  # noqa: E501
    ),
    "RS": (
        ("Шумадија Транс", "Sumadija Trans", "Shumadiya Trans", "Truck Transportation", "превози робу широм Балкана"),  # noqa: E501
        ("Ибар Градња", "Ibar Gradnja", "Ibar Gradnya", "Construction", "гради стамбене зграде и хале"),  # noqa: E501
        ("Голија Млекара", "Golija Mlekara", "Goliya Mlekara", "Dairy Product Manufacturing", "производи сир и кајмак од крављег млека"),  # noqa: E501
        ("Авала Софт", "Avala Soft", "Avala Software", "Software Development", "развија софтвер за књиговодство"),  # noqa: E501
        ("Дрина Дрво", "Drina Drvo", "Drina Wood", "Wood Product Manufacturing", "производи храстов паркет и греде"),  # noqa: E501
        ("Тимок Вино", "Timok Vino", "Timok Wine", "Wineries", "прави вина од грожђа из Тимочке крајине"),  # noqa: E501
    ),
    "UZ-Cyrl": (
        ("Самарқанд Ипак", "Samarqand Ipak", "Samarkand Silk", "Textile Manufacturing", "ипак гиламлар тўқийди"),  # noqa: E501
        ("Фарғона Мева", "Fargʻona Meva", "Fergana Fruit", "Food Production", "қуритилган мева ва ёнғоқ экспорт қилади"),  # noqa: E501
        ("Бухоро Қурилиш", "Buxoro Qurilish", "Bukhara Construction", "Construction", "турар-жой ва омборлар қуради"),  # noqa: E501
        ("Тошкент Транзит", "Toshkent Tranzit", "Tashkent Transit", "Truck Transportation", "Қозоғистонга юк ташийди"),  # noqa: E501
    ),
    "NP": (
        ("हिमालय कफी", "Himalaya Coffee", "Himalayan Kaphi", "Food and Beverage Services", "गुल्मीको अर्गानिक कफी निर्यात गर्छ"),  # noqa: E501
        ("सगरमाथा निर्माण", "Sagarmatha Nirman", "Everest Construction", "Construction", "आवासीय भवन र गोदाम निर्माण गर्छ"),  # noqa: E501
        ("अन्नपूर्ण ढुवानी", "Annapurna Dhuwani", "Annapurna Cargo", "Truck Transportation", "भारतबाट सामान ढुवानी गर्छ"),  # noqa: E501
        ("लुम्बिनी हस्तकला", "Lumbini Hastakala", "Lumbini Handicrafts", "Retail Art Supplies", "हातले बनाएका पस्मिना र ढाका बेच्छ"),  # noqa: E501
        ("जनकपुर चिया", "Janakpur Chiya", "Janakpur Tea", "Food Production", "इलामको चिया प्याक गर्छ"),
    ),
}  # fmt: skip
