"""Labelled pairs for bench/transliteration.py --script other: a company's name in its own
script (Korean, Greek, Arabic, Hebrew, Thai, Devanagari, Khmer, Burmese) and the Latin
name it uses, in the spellings companies and lists choose (Revised Romanization and older
spellings, ELOT 743 and Greeklish, Al-/El- with vowels added at will, English trade words;
Khmer provinces and Myanmar places as their companies spell them)."""

from __future__ import annotations

PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "ko": (
        ("삼성전자", "Samsung Electronics"), ("농심", "Nongshim"), ("오뚜기", "Ottogi"),
        ("한화", "Hanwha"), ("두산", "Doosan"), ("대상", "Daesang"), ("효성", "Hyosung"),
        ("셀트리온", "Celltrion"), ("신한", "Shinhan"), ("금호타이어", "Kumho Tire"),
        ("동원산업", "Dongwon Industries"), ("한샘", "Hanssem"), ("코웨이", "Coway"),
        ("풍산", "Poongsan"), ("빙그레", "Binggrae"), ("대한제분", "Daehan Flour Mills"),
        ("세종물산", "Sejong Mulsan"), ("미래솔루션", "Mirae Solution"),
        ("별빛정밀", "Byeolbit Precision"), ("하늘바이오", "Haneul Bio"),
        ("동해수산", "Donghae Fisheries"), ("새빛테크", "Saebit Tech"),
        ("청운건설", "Cheongwoon Construction"),
    ),
    "el": (
        ("Μύλοι Αγίου Γεωργίου", "Myloi Agiou Georgiou"), ("Κρι Κρι", "Kri Kri"),
        ("Παπαστράτος", "Papastratos"), ("Ελληνικά Πετρέλαια", "Ellinika Petrelaia"),
        ("Μουσείο Ακρόπολης", "Mouseio Akropolis"), ("Ζαγόρι Νερά", "Zagori Nera"),
        ("Αθηναϊκή Ζυθοποιία", "Athinaiki Zythopoiia"), ("Χαλκόρ", "Halkor"),
        ("Θεσσαλική Γη", "Thessaliki Gi"), ("Αιγαίο Ξενοδοχεία", "Aigaio Xenodocheia"),
        ("Ευρώπη Μεταφορές", "Evropi Metafores"), ("Ψυχογιός Εκδόσεις", "Psichogios Ekdoseis"),
    ),
    "ar": (
        ("الراجحي", "Al Rajhi"), ("المراعي", "Almarai"), ("الفطيم", "Al-Futtaim"),
        ("الغرير", "Al Ghurair"), ("الزامل للصناعة", "Zamil Industrial"),
        ("الشايع", "Alshaya"), ("النهدي", "Nahdi"), ("الجزيرة للتجارة", "Al Jazira Trading"),
        ("الخليج للمقاولات", "Gulf Contracting"), ("البركة للاستثمار", "Al Baraka Investment"),
        ("الصفوة للخدمات", "Al Safwa Services"), ("القمة للهندسة", "El Qemma Engineering"),
        ("النور للأغذية", "Al Noor Foods"), ("الأمل للنقل", "Al Amal Transport"),
    ),
    "he": (
        ("תנובה", "Tnuva"), ("אסם", "Osem"), ("שטראוס", "Strauss"), ("עלית", "Elite"),
        ("אלביט מערכות", "Elbit Systems"), ("כתר פלסטיק", "Keter Plastic"),
        ("שפיר הנדסה", "Shapir Engineering"), ("מטריקס", "Matrix"), ("דלק", "Delek"),
        ("אורמת טכנולוגיות", "Ormat Technologies"), ("נטפים", "Netafim"),
        ("אשטרום", "Ashtrom"), ("גולן תעשיות", "Golan Industries"),
    ),
    "th": (
        ("ไทยเบฟเวอเรจ", "Thai Beverage"), ("ปูนซิเมนต์ไทย", "Siam Cement"),
        ("เจริญโภคภัณฑ์", "Charoen Pokphand"), ("บางจาก", "Bangchak"), ("ศรีสวัสดิ์", "Srisawad"),
        ("สหพัฒน์", "Saha Pathana"), ("มิตรผล", "Mitr Phol"), ("ทิพยประกันภัย", "Dhipaya Insurance"),
        ("บ้านปู", "Banpu"), ("ศรีไทย", "Srithai"), ("สยามแม็คโคร", "Siam Makro"),
    ),
    "hi": (
        ("टाटा मोटर्स", "Tata Motors"), ("बजाज ऑटो", "Bajaj Auto"), ("अमूल", "Amul"),
        ("पतंजलि आयुर्वेद", "Patanjali Ayurved"), ("डाबर", "Dabur"), ("हल्दीराम", "Haldiram"),
        ("गोदरेज", "Godrej"), ("महिंद्रा", "Mahindra"), ("लक्ष्मी स्टील", "Lakshmi Steel"),
        ("शक्ति पंप्स", "Shakti Pumps"), ("सुदर्शन केमिकल्स", "Sudarshan Chemicals"),
        ("राजस्थान ट्रेडर्स", "Rajasthan Traders"), ("कावेरी सीड्स", "Kaveri Seeds"),
        ("सूर्य रोशनी", "Surya Roshni"), ("आदित्य बिड़ला", "Aditya Birla"),
        ("राष्ट्रीय केमिकल्स", "Rashtriya Chemicals"), ("मेघालय सीमेंट्स", "Meghalaya Cements"),
    ),
    "km": (
        ("ភ្នំពេញ ដឹកជញ្ជូន", "Phnom Penh Logistics"), ("សៀមរាប សណ្ឋាគារ", "Siem Reap Hotel"),
        ("បាត់ដំបង កសិកម្ម", "Battambang Agriculture"), ("កំពង់ចាម", "Kampong Cham"),
        ("កំពង់ធំ សំណង់", "Kampong Thom Construction"), ("កែប", "Kep"), ("តាកែវ", "Takeo"),
        ("កោះកុង", "Koh Kong"), ("ស្វាយរៀង", "Svay Rieng"), ("ព្រៃវែង", "Prey Veng"),
        ("ក្រចេះ", "Kratie"), ("ស្ទឹងត្រែង", "Stung Treng"), ("ពោធិ៍សាត់", "Pursat"),
        ("រតនគិរី", "Ratanakiri"), ("មណ្ឌលគិរី", "Mondulkiri"), ("កណ្ដាល", "Kandal"),
        ("ប៉ៃលិន", "Pailin"), ("កំពង់សោម", "Kampong Som"), ("សុខា", "Sokha"),
    ),
    "my": (
        ("ရန်ကုန် ကုန်သွယ်ရေး", "Yangon Trading"), ("မန္တလေး ကော်ဖီ", "Mandalay Coffee"),
        ("တောင်ကြီး ဟိုတယ်", "Taunggyi Hotel"), ("မော်လမြိုင်", "Mawlamyine"),
        ("ရွှေတောင်", "Shwe Taung"), ("အောင်မင်္ဂလာ", "Aung Mingalar"), ("ပုသိမ်", "Pathein"),
        ("မြိတ်", "Myeik"), ("လှိုင် ဆောက်လုပ်ရေး", "Hlaing Construction"),
        ("နေပြည်တော်", "Nay Pyi Taw"), ("မုံရွာ", "Monywa"), ("ကလော", "Kalaw"),
        ("ဟင်္သာတ", "Hinthada"), ("မိတ္ထီလာ", "Meiktila"), ("မကွေး", "Magway"),
        ("စစ်ကိုင်း", "Sagaing"), ("ဧရာဝတီ", "Ayeyarwady"), ("ထားဝယ်", "Dawei"),
    ),
}  # fmt: skip
