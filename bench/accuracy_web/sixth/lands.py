"""Countries of the sixth web: the site's language, ccTLD and phone prefix, how the site
writes the country and its towns, and how an English-language list writes them. Serbia
and Uzbekistan come twice: sites in Cyrillic and sites in Latin letters."""

from __future__ import annotations

from bench.accuracy_web.land import Land

KE = Land("Kenya", "KE", "co.ke", "+254", "sw", "Kenya", ("Mombasa", "Kisumu", "Nakuru"))
PE = Land("Peru", "PE", "com.pe", "+51", "es", "Perú", ("Arequipa", "Trujillo", "Cusco"))
CL = Land("Chile", "CL", "cl", "+56", "es", "Chile", ("Valparaíso", "Concepción", "Temuco"))
CO = Land("Colombia", "CO", "com.co", "+57", "es", "Colombia", ("Medellín", "Cali", "Bucaramanga"))
CZ = Land("Czechia", "CZ", "cz", "+420", "cs", "Česko", ("Brno", "Ostrava", "Plzeň"))
EE = Land("Estonia", "EE", "ee", "+372", "et", "Eesti", ("Tartu", "Pärnu", "Narva"))
LV = Land("Latvia", "LV", "lv", "+371", "lv", "Latvija", ("Liepāja", "Daugavpils", "Jelgava"))
SI = Land("Slovenia", "SI", "si", "+386", "sl", "Slovenija", ("Maribor", "Celje", "Koper"))
AL = Land("Albania", "AL", "al", "+355", "sq", "Shqipëria", ("Durrës", "Vlorë", "Shkodër"))
MY = Land("Malaysia", "MY", "com.my", "+60", "ms", "Malaysia", ("Johor Bahru", "Ipoh", "Kuching"))
AZ = Land("Azerbaijan", "AZ", "az", "+994", "az", "Azərbaycan", ("Gəncə", "Sumqayıt", "Şəki"),
          ("Ganja", "Sumgait", "Sheki"))  # fmt: skip
UZ = Land("Uzbekistan", "UZ", "uz", "+998", "uz", "Oʻzbekiston", ("Samarqand", "Buxoro", "Namangan"),  # noqa: E501
          ("Samarkand", "Bukhara", "Namangan"))  # fmt: skip
ET = Land("Ethiopia", "ET", "com.et", "+251", "am", "ኢትዮጵያ", ("አዲስ አበባ", "ባሕር ዳር", "ሐዋሳ"),
          ("Addis Ababa", "Bahir Dar", "Hawassa"))  # fmt: skip
KH = Land("Cambodia", "KH", "com.kh", "+855", "km", "កម្ពុជា", ("ភ្នំពេញ", "សៀមរាប", "បាត់ដំបង"),
          ("Phnom Penh", "Siem Reap", "Battambang"))  # fmt: skip
GR = Land("Greece", "GR", "gr", "+30", "el", "Ελλάδα", ("Θεσσαλονίκη", "Πάτρα", "Ηράκλειο"),
          ("Thessaloniki", "Patras", "Heraklion"))  # fmt: skip
RS = Land("Serbia", "RS", "rs", "+381", "sr", "Србија", ("Нови Сад", "Ниш", "Крагујевац"),
          ("Novi Sad", "Nis", "Kragujevac"))  # fmt: skip
RSL = Land("Serbia", "RS", "rs", "+381", "sr-Latn", "Srbija", ("Novi Sad", "Niš", "Subotica"),
           ("Novi Sad", "Nis", "Subotica"), names="RS-Latn")  # fmt: skip
UZC = Land("Uzbekistan", "UZ", "uz", "+998", "uz-Cyrl", "Ўзбекистон",
           ("Тошкент", "Фарғона", "Андижон"), ("Tashkent", "Fergana", "Andijan"),
           names="UZ-Cyrl")  # fmt: skip
NP = Land("Nepal", "NP", "com.np", "+977", "ne", "नेपाल", ("काठमाडौं", "पोखरा", "विराटनगर"),
          ("Kathmandu", "Pokhara", "Biratnagar"))  # fmt: skip

LANDS = (KE, PE, CL, CO, CZ, EE, LV, SI, AL, MY, AZ, UZ, ET, KH, GR, RS, RSL, UZC, NP)
LATIN_LANDS = (KE, PE, CL, CO, CZ, EE, LV, SI, AL, MY, AZ, UZ, RSL)
