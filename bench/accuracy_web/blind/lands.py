"""Countries of the blind web: the site's language, ccTLD and phone prefix, how the site
writes the country and its towns, and how an English-language list writes them."""

from __future__ import annotations

from bench.accuracy_web.land import Land

FI = Land("Finland", "FI", "fi", "+358", "fi", "Suomi", ("Tampere", "Oulu", "Jyväskylä"))
HU = Land("Hungary", "HU", "hu", "+36", "hu", "Magyarország", ("Debrecen", "Szeged", "Győr"))
RO = Land("Romania", "RO", "ro", "+40", "ro", "România", ("Cluj-Napoca", "Iași", "Timișoara"))
VN = Land("Vietnam", "VN", "vn", "+84", "vi", "Việt Nam", ("Đà Nẵng", "Hải Phòng", "Cần Thơ"),
          ("Da Nang", "Hai Phong", "Can Tho"))  # fmt: skip
ID = Land("Indonesia", "ID", "co.id", "+62", "id", "Indonesia", ("Surabaya", "Bandung", "Medan"))
DK = Land("Denmark", "DK", "dk", "+45", "da", "Danmark", ("Aarhus", "Odense", "Aalborg"))
NO = Land("Norway", "NO", "no", "+47", "nb", "Norge", ("Bergen", "Trondheim", "Stavanger"))
HR = Land("Croatia", "HR", "hr", "+385", "hr", "Hrvatska", ("Split", "Rijeka", "Osijek"))
SK = Land("Slovakia", "SK", "sk", "+421", "sk", "Slovensko", ("Košice", "Žilina", "Nitra"))
LT = Land("Lithuania", "LT", "lt", "+370", "lt", "Lietuva", ("Kaunas", "Klaipėda", "Šiauliai"))
NG = Land("Nigeria", "NG", "com.ng", "+234", "en", "Nigeria", ("Lagos", "Ibadan", "Port Harcourt"))
PH = Land(
    "Philippines", "PH", "com.ph", "+63", "en", "Philippines", ("Cebu City", "Davao", "Iloilo")
)
GE = Land("Georgia", "GE", "ge", "+995", "ka", "საქართველო", ("თბილისი", "ბათუმი", "ქუთაისი"),
          ("Tbilisi", "Batumi", "Kutaisi"))  # fmt: skip
AM = Land("Armenia", "AM", "am", "+374", "hy", "Հայաստան", ("Երևան", "Գյումրի", "Վանաձոր"),
          ("Yerevan", "Gyumri", "Vanadzor"))  # fmt: skip
MN = Land("Mongolia", "MN", "mn", "+976", "mn", "Монгол Улс", ("Улаанбаатар", "Дархан", "Эрдэнэт"),
          ("Ulaanbaatar", "Darkhan", "Erdenet"))  # fmt: skip
MK = Land("North Macedonia", "MK", "mk", "+389", "mk", "Северна Македонија",
          ("Скопје", "Битола", "Охрид"), ("Skopje", "Bitola", "Ohrid"))  # fmt: skip
BY = Land("Belarus", "BY", "by", "+375", "be", "Беларусь", ("Гродна", "Брэст", "Магілёў"),
          ("Grodno", "Brest", "Mogilev"))  # fmt: skip
KG = Land("Kyrgyzstan", "KG", "kg", "+996", "ru", "Кыргызстан", ("Бишкек", "Ош", "Каракол"),
          ("Bishkek", "Osh", "Karakol"))  # fmt: skip
IR = Land("Iran", "IR", "ir", "+98", "fa", "ایران", ("اصفهان", "شیراز", "تبریز"),
          ("Isfahan", "Shiraz", "Tabriz"))  # fmt: skip
BD = Land("Bangladesh", "BD", "com.bd", "+880", "bn", "বাংলাদেশ", ("ঢাকা", "চট্টগ্রাম", "খুলনা"),
          ("Dhaka", "Chittagong", "Khulna"))  # fmt: skip
LK = Land("Sri Lanka", "LK", "lk", "+94", "ta", "இலங்கை", ("யாழ்ப்பாணம்", "திருகோணமலை", "மட்டக்களப்பு"),
          ("Jaffna", "Trincomalee", "Batticaloa"))  # fmt: skip

LANDS = (FI, HU, RO, VN, ID, DK, NO, HR, SK, LT, NG, PH, GE, AM, MN, MK, BY, KG, IR, BD, LK)
ISO = {land.row: land.iso for land in LANDS}
LATIN_LANDS = (FI, HU, RO, VN, ID, DK, NO, HR, SK, LT, NG, PH)
