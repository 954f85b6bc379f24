"""Company-name words of Korean, Greek, Arabic, Hebrew, Thai and Hindi as the same
companies write them in Latin letters, and the legal forms that are no part of a name.

A Korean company romanises its brand and often translates or spells its trade in English
(`한빛정밀` Hanbit Precision, `누리바이오` Nuri Bio); an Arabic one writes "X for Y"
(`النخيل للتجارة` Al Nakheel Trading); Thai and Hindi names carry English loanwords
spelled in their letters (`โลจิสติกส์` logistics, `फार्मा` pharma), which a reading
spells closely enough. These are the usual trade words of company registers, not the
names of any company.
"""

from __future__ import annotations

import re

# Legal forms and "company" words, written before or after the name.
LEGAL_FORMS = re.compile(
    r"주식회사|유한회사|유한책임회사|\(주\)|㈜|\(유\)|(?<!\S)[주유](?!\S)|"
    r"\bΑ\.?Ε\.?(?=\s|$)|\bΕ\.?Π\.?Ε\.?(?=\s|$)|\bΙ\.?Κ\.?Ε\.?(?=\s|$)|\bΟ\.?Ε\.?(?=\s|$)|"
    r"\bΜΟΝ\.?\s?ΙΚΕ\b|"
    r"ش\.?\s?م\.?\s?م\.?|ذ\.?\s?م\.?\s?م\.?|ش\.?\s?م\.?\s?ع\.?|شركة|مؤسسة|"
    r"בע\"?״?מ|בעמ|"
    r"บริษัท|จำกัด|\(มหาชน\)|มหาชน|ห้างหุ้นส่วน|"
    r"प्राइवेट|प्रा\.?|लिमिटेड|लि\.?(?=\s|$)|"
    # Georgian, Armenian, Bengali, Tamil
    r"(?<!\S)შპს(?!\S)|(?<!\S)სს(?!\S)|ՍՊԸ|ՓԲԸ|ԲԲԸ|লিমিটেড|প্রাইভেট|লিঃ|"
    r"லிமிடெட்|பிரைவேட்|நிறுவனம்"
)
# The same in Latin letters, matched in a name key (lower case, punctuation gone).
LATIN_FORMS = re.compile(
    r"\b(co ltd|ltd|llc|l l c|co|inc|corp|corporation|limited|company|sa|ae|a e|epe|ike|oe|"
    r"pvt|private|pte|plc|est|establishment|wll|fze|fzco|bm|b m|jusik hoesa|jusikhoesa|"
    r"chusik hoesa|public)\b"
)
# The Arabic article as Latin names write it, before a word or joined to it.
LATIN_ARTICLE = re.compile(r"\b(?:al|el|al-|el-)\s*(?=\w)|\b(?:al|el)-")

KOREAN_TRADES: dict[str, str] = {
    "소프트": "soft", "바이오": "bio", "테크": "tech", "텍": "tech", "시스템": "system",
    "솔루션": "solution", "푸드": "food", "에너지": "energy", "로지스틱스": "logistics",
    "메디칼": "medical", "메디컬": "medical", "엔지니어링": "engineering", "케미칼": "chemical",
    "디자인": "design", "네트웍스": "networks", "네트워크": "network", "코리아": "korea",
    "글로벌": "global", "인터내셔널": "international", "모터스": "motors", "전자": "electronics",
    "정밀": "precision", "수산": "fisheries", "물류": "logistics", "가구": "furniture",
    "건설": "construction", "산업": "industrial", "식품": "foods", "제약": "pharm",
    "화학": "chemical", "기계": "machinery", "무역": "trading", "중공업": "heavy industries",
    "통상": "trading", "제지": "paper", "섬유": "textile", "철강": "steel", "해운": "shipping",
    "랩스": "labs", "랩": "lab", "파마": "pharma", "테크놀로지": "technology",
    "엔터테인먼트": "entertainment", "미디어": "media", "플라스틱": "plastics",
}  # fmt: skip
ARABIC_TRADES: dict[str, str] = {
    "التجارة": "trading", "تجارة": "trading", "الهندسة": "engineering", "النقل": "transport",
    "الأغذية": "foods", "الاغذية": "foods", "المقاولات": "contracting", "السياحة": "tourism",
    "الصناعات": "industries", "صناعات": "industries", "المعدنية": "metal",
    "المطاحن": "mills", "الشحن": "shipping", "الخدمات": "services", "الاستثمار": "investment",
    "العقارات": "real estate", "العقارية": "real estate", "التطوير": "development",
    "الكهربائية": "electrical", "الإلكترونيات": "electronics", "الأدوية": "pharmaceuticals",
    "البلاستيك": "plastics", "الطباعة": "printing", "للطباعة": "printing", "التعليم": "education",
    "الاتصالات": "telecom", "الزراعة": "agriculture", "الزراعية": "agricultural",
    "الدولية": "international", "العربية": "arabia", "المتحدة": "united", "الحديثة": "modern",
    "الوطنية": "national", "الخليج": "gulf", "الشرق": "east", "للتجارة": "trading",
    "للهندسة": "engineering", "للنقل": "transport", "المطابخ": "kitchens", "للمطابخ": "kitchens",
    "مطابخ": "kitchens",
    "للأغذية": "foods", "للمقاولات": "contracting", "للسياحة": "tourism",
    "للصناعات": "industries", "للمطاحن": "mills", "للخدمات": "services",
    "للاستثمار": "investment", "للتطوير": "development", "للشحن": "shipping",
}  # fmt: skip
# Persian writes its names in Arabic letters with trade words of its own (`سازه`
# structures, as builders name themselves; `صنعت` industry), read in English the same way.
PERSIAN_TRADES: dict[str, str] = {
    "سازه": "construction", "ساختمان": "construction", "ساختمانی": "construction",
    "صنعت": "industry", "صنایع": "industries", "صنعتی": "industrial", "بازرگانی": "trading",
    "مهندسی": "engineering", "فولاد": "steel", "سیمان": "cement", "ماهی": "fish",
    "غذایی": "food", "کشاورزی": "agriculture", "نساجی": "textile", "فرش": "carpet",
    "داروسازی": "pharmaceuticals", "دارو": "pharma", "پخش": "distribution",
    "ترابری": "transport", "ترابر": "transport", "گردشگری": "tourism", "فناوری": "technology",
    "الکترونیک": "electronics", "پلاستیک": "plastics", "چاپ": "printing", "انرژی": "energy",
    "خودرو": "automotive", "معدن": "mining", "شیمی": "chemical", "شیمیایی": "chemical",
}  # fmt: skip
HEBREW_TRADES: dict[str, str] = {
    "מערכות": "systems", "תעשיות": "industries", "לוגיסטיקה": "logistics", "בנייה": "construction",
    "מזון": "food", "הנדסה": "engineering", "טכנולוגיות": "technologies", "תוכנה": "software",
    "השקעות": "investments", "אחזקות": "holdings", "שירותים": "services", "מים": "water",
    "תקשורת": "communications", "אנרגיה": "energy", "ירוקה": "green", "חשמל": "electric",
    "יינות": "wines", "יקב": "winery", "יקבי": "winery", "יין": "wine",
}  # fmt: skip
THAI_TRADES: dict[str, str] = {
    "อุตสาหกรรม": "industry", "การเกษตร": "agriculture", "ก่อสร้าง": "construction",
    "ขนส่ง": "transport", "อาหาร": "food", "วิศวกรรม": "engineering", "การค้า": "trading",
    "พัฒนา": "pattana", "ไทย": "thai", "สยาม": "siam",
    # English trade words as Thai names write them.
    "โลจิสติกส์": "logistics", "ฟู้ดส์": "foods", "ฟู้ด": "food", "มารีน": "marine",
    "เซรามิก": "ceramic", "กรุ๊ป": "group", "เทรดดิ้ง": "trading",
    "เอ็นจิเนียริ่ง": "engineering", "อินเตอร์เนชั่นแนล": "international",
    "คอร์ปอเรชั่น": "corporation", "เทคโนโลยี": "technology", "ซัพพลาย": "supply",
    "โฮลดิ้ง": "holding", "อินดัสทรี": "industry", "เซอร์วิส": "service",
    "ฟาร์มา": "pharma", "ออโต้": "auto", "คอนสตรัคชั่น": "construction",
}  # fmt: skip
HINDI_TRADES: dict[str, str] = {
    "उद्योग": "industries", "इंजीनियरिंग": "engineering", "वर्क्स": "works",
    "टेक्सटाइल्स": "textiles", "एग्रो": "agro", "फार्मा": "pharma", "पैकेजिंग": "packaging",
    "स्टोन": "stone", "इंडस्ट्रीज": "industries", "एंटरप्राइजेज": "enterprises",
    "ट्रेडर्स": "traders", "ट्रेडिंग": "trading", "सॉफ्टवेयर": "software", "फूड्स": "foods",
    "केमिकल्स": "chemicals", "स्टील": "steel", "मोटर्स": "motors", "सॉल्यूशंस": "solutions",
    # Nepali, in the same letters: coffee and tea as Nepal writes them, its usual trades.
    "कफी": "coffee", "कॉफी": "coffee", "चिया": "tea", "निर्माण": "construction",
    "ढुवानी": "transport", "हस्तकला": "handicrafts", "होटल": "hotel", "ट्राभल्स": "travels",
    "इन्जिनियरिङ": "engineering",
}  # fmt: skip
