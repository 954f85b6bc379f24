"""Countries of the seventh web: the site's language, ccTLD and phone prefix, how the site
writes the country and its towns, and how an English-language list writes them. Sri Lanka
comes twice: sites in Sinhala and sites in Tamil."""

from __future__ import annotations

from bench.accuracy_web.land import Land

VN = Land("Vietnam", "VN", "com.vn", "+84", "vi", "Việt Nam", ("Đà Nẵng", "Hải Phòng", "Cần Thơ"),
          ("Da Nang", "Hai Phong", "Can Tho"))  # fmt: skip
TR = Land("Turkey", "TR", "com.tr", "+90", "tr", "Türkiye", ("İzmir", "Bursa", "Eskişehir"),
          ("Izmir", "Bursa", "Eskisehir"))  # fmt: skip
PL = Land("Poland", "PL", "pl", "+48", "pl", "Polska", ("Łódź", "Wrocław", "Gdańsk"),
          ("Lodz", "Wroclaw", "Gdansk"))  # fmt: skip
BR = Land("Brazil", "BR", "com.br", "+55", "pt-BR", "Brasil",
          ("Curitiba", "Belo Horizonte", "Recife"))  # fmt: skip
ID = Land("Indonesia", "ID", "co.id", "+62", "id", "Indonesia", ("Surabaya", "Bandung", "Medan"))
PH = Land("Philippines", "PH", "com.ph", "+63", "tl", "Pilipinas",
          ("Cebu City", "Davao City", "Iloilo City"))  # fmt: skip
UA = Land("Ukraine", "UA", "com.ua", "+380", "uk", "Україна", ("Львів", "Одеса", "Харків"),
          ("Lviv", "Odesa", "Kharkiv"))  # fmt: skip
KZ = Land("Kazakhstan", "KZ", "kz", "+7", "kk", "Қазақстан", ("Алматы", "Шымкент", "Қарағанды"),
          ("Almaty", "Shymkent", "Karaganda"))  # fmt: skip
AE = Land("United Arab Emirates", "AE", "ae", "+971", "ar", "الإمارات", ("دبي", "الشارقة", "العين"),
          ("Dubai", "Sharjah", "Al Ain"))  # fmt: skip
IL = Land("Israel", "IL", "co.il", "+972", "he", "ישראל", ("חיפה", "באר שבע", "נתניה"),
          ("Haifa", "Beersheba", "Netanya"))  # fmt: skip
IR = Land("Iran", "IR", "ir", "+98", "fa", "ایران", ("اصفهان", "شیراز", "تبریز"),
          ("Isfahan", "Shiraz", "Tabriz"))  # fmt: skip
BD = Land("Bangladesh", "BD", "com.bd", "+880", "bn", "বাংলাদেশ", ("চট্টগ্রাম", "খুলনা", "সিলেট"),
          ("Chattogram", "Khulna", "Sylhet"))  # fmt: skip
LKS = Land("Sri Lanka", "LK", "lk", "+94", "si", "ශ්‍රී ලංකාව", ("මහනුවර", "ගාල්ල", "කුරුණෑගල"),
           ("Kandy", "Galle", "Kurunegala"), names="LK-Sinh")  # fmt: skip
LKT = Land("Sri Lanka", "LK", "lk", "+94", "ta", "இலங்கை", ("யாழ்ப்பாணம்", "மட்டக்களப்பு", "திருகோணமலை"),
           ("Jaffna", "Batticaloa", "Trincomalee"), names="LK-Taml")  # fmt: skip
MM = Land("Myanmar", "MM", "com.mm", "+95", "my", "မြန်မာ", ("ရန်ကုန်", "မန္တလေး", "ပုသိမ်"),
          ("Yangon", "Mandalay", "Pathein"))  # fmt: skip
LA = Land("Laos", "LA", "la", "+856", "lo", "ລາວ", ("ວຽງຈັນ", "ຫຼວງພະບາງ", "ປາກເຊ"),
          ("Vientiane", "Luang Prabang", "Pakse"))  # fmt: skip
MN = Land("Mongolia", "MN", "mn", "+976", "mn", "Монгол Улс", ("Улаанбаатар", "Дархан", "Эрдэнэт"),
          ("Ulaanbaatar", "Darkhan", "Erdenet"))  # fmt: skip

LANDS = (VN, TR, PL, BR, ID, PH, UA, KZ, AE, IL, IR, BD, LKS, LKT, MM, LA, MN)
LATIN_LANDS = (VN, TR, PL, BR, ID, PH)
