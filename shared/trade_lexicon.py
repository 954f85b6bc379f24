"""Common trade and industry words of company names, by concept, in English and in the
languages of the countries whose companies write in another script (and a few Latin ones),
in their own letters and in the Latin spellings those companies use.

A company in Mongolia writes `Тэрэлж Аялал` (travel) and spells it Terelj Ayalal; a list
in English calls it Terelj Tours. Its brand is spelled, its trade translated. These are the
usual trade words of company registers (construction, transport, travel, software, foods,
textiles, ...), grouped by what they mean, not the names of any company; synonyms within
a concept (`tours`, `travel`, `tourism`) are one trade. A word may belong to two concepts
only when the language uses it for both.
"""

from __future__ import annotations

import functools
import re

# Each concept's English words, the first the one a search would use.
ENGLISH: dict[str, str] = {
    "construction": "construction, builders, building, constructions, contracting, contractors, construct, build",  # noqa: E501
    "transport": "transport, transportation, logistics, logistic, trucking, haulage, freight, cargo, transports",  # noqa: E501
    "travel": "travel, travels, tours, tour, tourism, touristic, tourist, voyages, holidays",
    "software": "software, soft, softwares",
    "technology": "technology, technologies, tech, it, computing, computers, informatics, digital",
    "food": "foods, food, foodstuffs, foodstuff",
    "fish": "fish, fisheries, fishery, seafood, fishing",
    "honey": "honey, apiary",
    "textile": "textile, textiles, fabrics, fabric, weaving",
    "garment": "garments, garment, clothing, apparel, sewing, fashion",
    "energy": "energy, power, energo",
    "solar": "solar",
    "trading": "trading, trade, traders, commerce, commercial",
    "consulting": "consulting, consultancy, consultants, advisory",
    "engineering": "engineering, engineers",
    "machinery": "machinery, mechanical, machines, machine, mechanics, machinebuilding",
    "agriculture": "agriculture, agro, agri, agricultural, farming, farm, farms, agrarian",
    "pharmacy": "pharmacy, pharma, pharmaceuticals, pharmaceutical, pharm, drugs, medicines",
    "furniture": "furniture, mebel",
    "printing": "printing, print, printers, press, polygraphy",
    "dairy": "dairy, milk",
    "meat": "meat, meats",
    "bakery": "bakery, bakeries, bread, bakers",
    "coffee": "coffee",
    "tea": "tea",
    "wine": "wine, wines, winery, wineries, vineyards",
    "water": "water, waters",
    "oil": "oil, petroleum",
    "mining": "mining, mines, minerals",
    "metal": "metal, metals, metallurgy, metalworks",
    "steel": "steel",
    "chemicals": "chemicals, chemical, chemistry, chem",
    "plastics": "plastics, plastic, polymers",
    "paper": "paper",
    "glass": "glass",
    "electric": "electric, electrical, electro, electrics",
    "electronics": "electronics, electronic",
    "medical": "medical, medicine, med, medic, clinic, health",
    "hotel": "hotel, hotels",
    "insurance": "insurance",
    "bank": "bank, banking",
    "finance": "finance, financial",
    "realestate": "realty, property, properties, estate",
    "auto": "auto, automotive, motors, cars, autos",
    "shipping": "shipping, maritime, marine",
    "wood": "wood, timber, woodworking, lumber, wooden",
    "leather": "leather",
    "cosmetics": "cosmetics, cosmetic, beauty",
    "security": "security",
    "education": "education, academy, training",
    "flour": "flour, mill, mills, milling",
    "fruit": "fruit, fruits",
    "carpet": "carpet, carpets, rugs",
    "tiles": "tiles, tile, ceramics, ceramic",
    "wool": "wool, cashmere",
    "silk": "silk",
    "spices": "spices, spice",
    "rice": "rice",
    "cement": "cement, concrete",
    "kitchens": "kitchens, kitchen",
    "stone": "stone, marble, granite",
    "jewellery": "jewellery, jewelry",
    "distribution": "distribution, distributors, distributor",
    "handicrafts": "handicrafts, crafts",
    "coconut": "coconut, coconuts",
}  # fmt: skip

# Per language: concept -> its words, native script first, then the Latin spellings the
# language's companies use. The first of each kind is the one a search uses.
_NATIVE: dict[str, str] = {
    "ru": """
construction: строительство, строительная, строительный, строй, строймонтаж, стройсервис
construction: stroy, stroitelstvo, stroymontazh
transport: транспорт, транспортная, логистика, перевозки, грузоперевозки, transport, logistika
travel: туризм, тур, туры, путешествия, трэвел, turizm, tur
software: софт, программное, soft
technology: технологии, технология, tekhnologii, tekh
food: продукты, продукт, пищевая, продукты питания, produkty
fish: рыба, рыбная, рыбный, ryba
honey: мёд, мед, myod, med
textile: текстиль, tekstil
garment: одежда, швейная, odezhda
energy: энерго, энергия, energo, energiya
solar: солнечная, солар, solnechnaya
trading: торг, торговый, торговая, трейд, торговля, torg, treyd
consulting: консалтинг, konsalting
engineering: инжиниринг, inzhiniring
machinery: машиностроение, маш, механика, mash
agriculture: агро, агрохолдинг, сельхоз, agro
pharmacy: фарм, фарма, фармация, аптека, farm, farma
furniture: мебель, mebel
printing: печать, полиграфия, типография, pechat, poligrafiya
dairy: молоко, молочная, молочный, moloko
meat: мясо, мясной, мясная, myaso
bakery: хлеб, хлебозавод, пекарня, khleb, pekarnya
coffee: кофе, kofe
tea: чай, chay
wine: вино, вина, винодельня, vino
water: вода, voda
oil: нефть, нефте, neft
mining: горнодобывающая, добыча, руда
metal: металл, металлург, metall
steel: сталь, stal
chemicals: химия, хим, khimiya, khim
plastics: пластик, пласт, plastik
paper: бумага, bumaga
glass: стекло, steklo
electric: электро, электрик, elektro
electronics: электроника, elektronika
medical: мед, медицина, медицинский, med
hotel: отель, гостиница, otel
insurance: страхование, страховая, strakhovanie
bank: банк, bank
finance: финанс, финансы, finans
realestate: недвижимость, nedvizhimost
auto: авто, avto
shipping: судоходство, морской
wood: лес, лесопром, дерево, деревообработка, les
leather: кожа, kozha
cosmetics: косметика, kosmetika
security: охрана, безопасность, okhrana
education: образование, обучение
flour: мука, мельница, muka
fruit: фрукты, frukty
carpet: ковры, ковер, kovry
tiles: плитка, керамика, plitka, keramika
wool: шерсть, кашемир, sherst
silk: шелк, shelk
cement: цемент, бетон, tsement, beton
kitchens: кухни, kukhni
stone: камень, kamen
jewellery: ювелир, yuvelir
distribution: дистрибуция, дистрибьюшн
""",
    "uk": """
construction: будівництво, будівельна, будівельний, будмонтаж, буд, будсервіс
construction: budmontazh, bud, budivnytstvo
transport: транспорт, логістика, перевезення, transport, lohistyka
travel: туризм, тур, тури, подорожі, turyzm, tur
software: софт, soft
technology: технології, tekhnolohii
food: продукти, харчові, харчова, produkty
fish: риба, рибна, ryba
honey: мед, мед, med
textile: текстиль, tekstyl
garment: одяг, швейна, odiah
energy: енерго, енергія, enerho
solar: сонячна, соняшна, soniachna
trading: торг, торгова, трейд, torh, treid
consulting: консалтинг, konsaltynh
engineering: інжиніринг, inzhynirynh
machinery: машбуд, машинобудування, механіка, mashbud
agriculture: агро, агросервіс, агрохолдинг, ahro
pharmacy: фарм, фарма, аптека, farm, farma
furniture: меблі, mebli
printing: друк, поліграфія, друкарня, druk, polihrafiia
dairy: молоко, молочна, moloko
meat: м'ясо, мясо, м’ясо, miaso
bakery: хліб, пекарня, хлібозавод, khlib, pekarnia
coffee: кава, kava
tea: чай, chai
wine: вино, вина, виноробня, vyno
water: вода, voda
oil: нафта, нафто, nafta
metal: метал, metal
steel: сталь, stal
chemicals: хімія, хім, khimiia
plastics: пластик, plastyk
paper: папір, papir
glass: скло, sklo
electric: електро, elektro
medical: мед, медицина, med
hotel: готель, hotel
insurance: страхування, strakhuvannia
bank: банк, bank
finance: фінанс, фінанси, finans
realestate: нерухомість, nerukhomist
auto: авто, avto
wood: деревообробка, дерево, ліс, derevoobrobka
cosmetics: косметика, kosmetyka
flour: борошно, млин, boroshno
fruit: фрукти, frukty
tiles: плитка, кераміка, plytka
cement: цемент, бетон, tsement
kitchens: кухні, kukhni
""",
    "be": """
construction: будаўніцтва, будаўнічы, будаўнічая, буд, budaunitstva
transport: транспарт, лагістыка, transpart
travel: турызм, тур, turyzm
software: софт, soft
food: прадукты, харчовы, praduktyi
textile: тэкстыль, tekstyl
furniture: мэбля, mebla, meblia
dairy: малако, malako
agriculture: агра, ahra
trading: гандаль, гандлёвы, handal
""",
    "kk": """
construction: құрылыс, курылыс, qurylys, kurylys
transport: көлік, тасымал, логистика, kolik, tasymal, logistika
travel: туризм, саяхат, тур, turizm, sayakhat
software: софт, бағдарлама, soft
technology: технологиялар, технология, tekhnologiyalar
food: азық, тағам, азық-түлік, azyq
fish: балық, balyq, balyk
honey: бал, bal
textile: тоқыма, текстиль, toqyma
energy: энергия, қуат, energiya
solar: күн, kun
trading: сауда, sauda
consulting: консалтинг, konsalting
engineering: инжиниринг, inzhiniring
agriculture: агро, ауыл шаруашылығы, agro
pharmacy: фарм, дәріхана, farm
furniture: жиһаз, zhihaz
printing: баспа, baspa
dairy: сүт, sut
meat: ет, et
bakery: нан, nan
flour: ұн, un
oil: мұнай, munay
mining: тау-кен, кен
wool: жүн, zhun
fruit: жеміс, алма, zhemis
""",
    "uz": """
construction: qurilish, қурилиш, kurilish
transport: transport, транспорт, logistika
travel: turizm, sayohat, туризм, саёҳат, tur
software: soft, dasturiy, софт
food: oziq-ovqat, озиқ-овқат, oziq
textile: to'qimachilik, тўқимачилик, tekstil
trading: savdo, савдо
agriculture: agro, qishloq, агро
fruit: meva, мева
honey: asal, асал
furniture: mebel, мебел
""",
    "ky": """
construction: курулуш, kurulush
transport: транспорт, ташуу
travel: туризм, саякат, sayakat
food: азык, azyk
trading: соода, sooda
""",
    "mn": """
construction: барилга, барилгын, barilga
transport: тээвэр, тээврийн, ложистик, teever, lojistik
travel: аялал, жуулчлал, жуулчлалын, тур, ayalal, juulchlal
software: софт, программ, soft
technology: технологи, технологийн, tekhnologi
food: хүнс, хүнсний, khuns
fish: загас, zagas
honey: зөгийн бал, бал, bal
textile: нэхмэл, nekhmel
garment: хувцас, оёдол, khuvtsas
energy: эрчим хүч, эрчим, энерги, erchim
solar: нарны, narny
trading: худалдаа, худалдааны, трейд, khudaldaa
consulting: зөвлөх, зөвлөгөө, zuvlukh
engineering: инженеринг, injenering
agriculture: хөдөө аж ахуй, тариалан, агро, agro
pharmacy: эм, эмийн сан, фарм, em
furniture: тавилга, tavilga
printing: хэвлэл, хэвлэлийн, khevlel
dairy: сүү, suu
meat: мах, махны, makh
bakery: талх, talkh
flour: гурил, guril
mining: уурхай, uurkhai
wool: ноос, ноолуур, кашемир, nooluur, noos
insurance: даатгал, daatgal
bank: банк, bank
finance: санхүү, sankhuu
hotel: зочид буудал, буудал
medical: эмнэлэг, emneleg
leather: арьс, ars
cement: цемент, tsement
""",
    "bg": """
construction: строителство, строителна, строй, stroitelstvo, stroy
transport: транспорт, логистика, transport
travel: туризъм, турс, тур, travel
software: софтуер, soft
food: храни, храна, hrani
wine: вино, винарна, vino
trading: търговия, трейд, targoviya
agriculture: агро, agro
""",
    "sr": """
construction: градња, грађевинарство, изградња, gradnja, gradjevinarstvo
transport: транспорт, превоз, логистика, transport, prevoz
travel: туризам, путовања, turizam
software: софтвер, softver
food: храна, hrana
trading: трговина, trgovina
agriculture: агро, пољопривреда, agro
""",
    "he": """
construction: בנייה, בניה, בנין, קבלנות, bniya, bnia, binyan
transport: הובלות, הובלה, תחבורה, לוגיסטיקה, hovalot, hovala, logistika
travel: תיירות, טיולים, נסיעות, tayarut, tiyulim
software: תוכנה, תוכנות, tochna, tokhna
technology: טכנולוגיות, טכנולוגיה, מחשוב, technologiot, mihshuv
food: מזון, mazon
fish: דגים, dagim
honey: דבש, dvash
textile: טקסטיל, textil
energy: אנרגיה, energia
solar: סולאר, סולארי, solar
trading: סחר, מסחר, sachar
consulting: ייעוץ, yeutz
engineering: הנדסה, הנדסת, handasa
machinery: מכונות, mechonot
agriculture: חקלאות, חקלאי, haklaut
pharmacy: פארם, תרופות, pharm
furniture: רהיטים, rahitim
printing: דפוס, dfus
dairy: חלב, halav
meat: בשר, basar
bakery: מאפייה, מאפה, מאפיית, maafia
coffee: קפה, kafe
wine: יין, יינות, יקב, יקבי, yekev
water: מים, mayim
oil: נפט, neft
metal: מתכת, matechet
steel: פלדה, plada
chemicals: כימיקלים, כימיה, chimikalim
plastics: פלסטיק, plastik
electric: חשמל, hashmal
electronics: אלקטרוניקה, elektronika
medical: רפואה, רפואי, refua
hotel: מלון, malon
insurance: ביטוח, bituach
finance: פיננסים, מימון
realestate: נדל"ן, נדלן, nadlan
auto: רכב, rechev
shipping: ספנות, sapanut
cosmetics: קוסמטיקה, kosmetika
security: אבטחה, avtacha
stone: אבן, even
kitchens: מטבחים, mitbachim
""",
    "ar": """
construction: المقاولات, للمقاولات, مقاولات, البناء, للبناء, بناء, الإنشاءات, للإنشاءات
construction: muqawalat, binaa, inshaat
transport: النقل, للنقل, نقل, اللوجستية, للخدمات اللوجستية, naql
travel: السياحة, للسياحة, سياحة, السفر, للسفر, siyaha, safar
software: البرمجيات, للبرمجيات, برمجيات, barmajiyat
technology: التكنولوجيا, للتكنولوجيا, تقنية المعلومات, لتقنية المعلومات, التقنية, tech
food: الأغذية, للأغذية, الاغذية, للاغذية, أغذية, ghithaa, aghthia
fish: الأسماك, للأسماك, اسماك, asmak
honey: العسل, عسل, asal
textile: النسيج, للنسيج, المنسوجات, nasij
garment: الملابس, للملابس, الألبسة
energy: الطاقة, للطاقة, طاقة, taqa
solar: الشمسية, شمسية, shamsiya
trading: التجارة, للتجارة, تجارة, التجارية, tijara, tijariya
consulting: الاستشارات, للاستشارات, استشارات, istisharat
engineering: الهندسة, للهندسة, الهندسية, handasa
machinery: المعدات, للمعدات, الآلات, الميكانيكية
agriculture: الزراعة, للزراعة, الزراعية, zira
pharmacy: الأدوية, للأدوية, الصيدلة, صيدلية, adwiya
furniture: الأثاث, للأثاث, athath
printing: الطباعة, للطباعة, tibaa
dairy: الألبان, للألبان, alban
meat: اللحوم, للحوم, luhum
bakery: المخابز, مخابز, makhabiz
coffee: القهوة, قهوة, qahwa
tea: الشاي, shai
water: المياه, للمياه, مياه, miyah
oil: النفط, للنفط, البترول, للبترول, naft
mining: التعدين, للتعدين, tadin
metal: المعادن, المعدنية, maadin
steel: الصلب, الحديد, hadid
chemicals: الكيماويات, للكيماويات, الكيميائية, kimawiyat
plastics: البلاستيك, للبلاستيك, plastic
paper: الورق, waraq
glass: الزجاج, zujaj
electric: الكهربائية, الكهرباء, kahraba
electronics: الإلكترونيات, الالكترونيات
medical: الطبية, الطبي, tibbiya
hotel: الفندقية, فندق, funduq
insurance: التأمين, للتأمين, tamin
bank: بنك, مصرف, bank
finance: المالية, للتمويل, التمويل
realestate: العقارات, العقارية, للعقارات, aqarat
auto: السيارات, للسيارات, sayarat
shipping: الشحن, للشحن, الملاحة, shahn
wood: الأخشاب, للأخشاب, akhshab
leather: الجلود, juloud
cosmetics: مستحضرات التجميل, التجميل
security: الأمن, الحراسة
flour: المطاحن, للمطاحن, الدقيق
fruit: الفواكه, fawakih
carpet: السجاد, sajjad
tiles: السيراميك, البلاط
spices: البهارات, التوابل
rice: الأرز
cement: الإسمنت, الاسمنت, الخرسانة, ismant
kitchens: المطابخ, للمطابخ, مطابخ, matabikh
stone: الرخام, الحجر
jewellery: المجوهرات, الذهب
distribution: التوزيع, للتوزيع, tawzi
""",
    "fa": """
construction: سازه, ساختمان, ساختمانی, عمران, سازان, sazeh, sakhteman, omran
transport: ترابر, ترابری, حمل و نقل, حمل‌ونقل, باربری, tarabar, haml o naql
travel: گردشگری, سیاحت, سفر, تور, gardeshgari, tour
software: نرم‌افزار, نرم افزار, narmafzar
technology: فناوری, تکنولوژی, fanavari
food: غذایی, مواد غذایی, ghazaei
fish: ماهی, mahi
honey: عسل, asal
textile: نساجی, پارچه, nasaji
garment: پوشاک, pooshak
energy: انرژی, energy
solar: خورشیدی, khorshidi
trading: بازرگانی, تجارت, bazargani
consulting: مشاوره, moshavereh
engineering: مهندسی, mohandesi
machinery: ماشین‌سازی, ماشین سازی, mashinsazi
agriculture: کشاورزی, keshavarzi
pharmacy: دارو, داروسازی, daru
furniture: مبلمان, مبل, mobl
printing: چاپ, chap
dairy: لبنیات, labaniyat
meat: گوشت, goosht
bakery: نان, nan
tea: چای, chai
oil: نفت, naft
metal: فلزات, felezat
steel: فولاد, foulad
chemicals: شیمی, شیمیایی, shimi
plastics: پلاستیک, plastic
electric: برق, bargh
electronics: الکترونیک, electronic
medical: پزشکی, pezeshki
insurance: بیمه, bimeh
auto: خودرو, khodro
shipping: کشتیرانی, keshtirani
carpet: فرش, farsh
tiles: کاشی, سرامیک, kashi
distribution: پخش, pakhsh
cement: سیمان, siman
stone: سنگ, sang
spices: زعفران
""",
    "el": """
construction: κατασκευές, κατασκευαστική, τεχνική, κατασκευαί, kataskeves, kataskevastiki
transport: μεταφορές, μεταφορική, logistics, metafores, metaforiki
travel: τουρισμός, τουριστική, ταξίδια, touristiki, tourismos, taxidia
software: λογισμικό, λογισμική, logismiko, logismiki
technology: τεχνολογία, τεχνολογίες, πληροφορική, technologia, pliroforiki
food: τρόφιμα, τροφίμων, trofima
fish: αλιεία, ψάρια, aliia, psaria
honey: μέλι, meli
textile: κλωστοϋφαντουργία, υφάσματα, yfasmata
energy: ενέργεια, energeia, energia
solar: ηλιακή, ηλιακά, iliaki
trading: εμπορική, εμπόριο, emporiki
consulting: συμβουλευτική, symvouleftiki
engineering: μηχανική, mixaniki
agriculture: αγροτική, γεωργία, agrotiki
pharmacy: φαρμακευτική, φαρμακείο, farmakeftiki
furniture: έπιπλα, epipla
printing: εκτυπώσεις, γραφικές τέχνες, ektyposeis
dairy: γαλακτοκομικά, γάλα, gala
meat: κρέας, kreas
bakery: αρτοποιία, φούρνος, artopoiia
coffee: καφές, kafes
wine: οινοποιία, κρασί, οίνοι, oinopoiia, krasi
oil: ελαιόλαδο, πετρέλαιο
shipping: ναυτιλιακή, ναυτιλία, naftiliaki
insurance: ασφαλιστική, asfalistiki
hotel: ξενοδοχείο, ξενοδοχειακή, xenodoxeio
medical: ιατρική, iatriki
realestate: ακίνητα, akinita
stone: μάρμαρα
""",
    "ka": """
construction: სამშენებლო, მშენებლობა, mshenebloba, samsheneblo
transport: ტრანსპორტი, ლოჯისტიკა, transporti
travel: ტურიზმი, მოგზაურობა, ტური, turizmi, mogzauroba, turi
software: სოფტი, პროგრამული, softi
technology: ტექნოლოგიები, ტექნოლოგია, teknologia
food: კვება, საკვები, kveba
textile: ტექსტილი, tekstili
energy: ენერგია, energia
trading: ვაჭრობა, სავაჭრო, vachroba
agriculture: აგრო, სოფლის მეურნეობა, agro
pharmacy: ფარმა, აფთიაქი, farma
furniture: ავეჯი, aveji
wine: ღვინო, ღვინის, gvino, ghvino
honey: თაფლი, tapli
dairy: რძე, rdze
""",
    "hy": """
construction: շինարարություն, շին, shinararutyun, shin
transport: տրանսպորտ, լոգիստիկա, transport
travel: տուր, տուրիզմ, ճանապարհորդություն, tour, turizm
software: սոֆթ, ծրագրային, soft
technology: տեխնոլոգիաներ, tekhnologianer
food: սնունդ, ֆուդ, snund
textile: տեքստիլ, tekstil
energy: էներգիա, energia
trading: առևտուր, թրեյդ, arevtur
agriculture: ագրո, agro
furniture: կահույք, kahuyk
wine: գինի, gini
honey: մեղր, meghr
""",
    "hi": """
construction: निर्माण, कंस्ट्रक्शन, nirman, construction
transport: परिवहन, ट्रांसपोर्ट, लॉजिस्टिक्स, ढुवानी, parivahan
travel: पर्यटन, यात्रा, टूर्स, ट्रेवल्स, ट्राभल्स, paryatan, yatra
software: सॉफ्टवेयर, software
technology: प्रौद्योगिकी, टेक्नोलॉजी, technology
food: खाद्य, फूड्स, आहार, khadya
fish: मत्स्य, मछली, matsya
honey: शहद, मधु, shahad, madhu
textile: वस्त्र, टेक्सटाइल्स, vastra
energy: ऊर्जा, urja
solar: सौर, saur
trading: व्यापार, ट्रेडर्स, ट्रेडिंग, vyapar
consulting: परामर्श, paramarsh
engineering: अभियांत्रिकी, इंजीनियरिंग, इन्जिनियरिङ
agriculture: कृषि, एग्रो, krishi
pharmacy: फार्मा, औषधि, aushadhi
furniture: फर्नीचर, furniture
printing: मुद्रण, प्रिंटिंग, mudran
dairy: डेयरी, दुग्ध, dugdh
coffee: कफी, कॉफी, kafi
tea: चाय, चिया, chai
handicrafts: हस्तकला, hastakala
""",
    "bn": """
construction: নির্মাণ, কনস্ট্রাকশন, nirman
transport: পরিবহন, ট্রান্সপোর্ট, লজিস্টিকস, paribahan, poribohon
travel: পর্যটন, ট্রাভেলস, ভ্রমণ, porjoton, bhraman
software: সফটওয়্যার, সফট, soft
technology: প্রযুক্তি, টেকনোলজি, projukti
food: খাদ্য, ফুডস, khadya
fish: মৎস্য, মাছ, matsya
honey: মধু, modhu, madhu
textile: বস্ত্র, টেক্সটাইল, টেক্সটাইলস, bastra
garment: গার্মেন্টস, পোশাক
energy: শক্তি, এনার্জি, shakti
solar: সৌর, sour
trading: বাণিজ্য, ট্রেডিং, banijya
agriculture: কৃষি, এগ্রো, krishi
pharmacy: ফার্মা, ঔষধ, ফার্মাসিউটিক্যালস, oushodh
furniture: আসবাব, ফার্নিচার, asbab
printing: মুদ্রণ, প্রিন্টিং, mudran
dairy: দুগ্ধ, ডেইরি, dugdho
tea: চা, cha
rice: চাল, chal
""",
    "ta": """
construction: கட்டுமானம், கன்ஸ்ட்ரக்ஷன், kattumanam
transport: போக்குவரத்து, லாஜிஸ்டிக்ஸ், pokkuvarathu, pokkuvarattu
travel: சுற்றுலா, டிராவல்ஸ், sutrula, suttrula
software: மென்பொருள், சாப்ட்வேர், menporul
technology: தொழில்நுட்பம், டெக்னாலஜி, tholilnutpam
food: உணவு, ஃபுட்ஸ், unavu
fish: மீன்வளம், மீன், meen, meenvalam
honey: தேன், then, thaen
textile: துணி, ஜவுளி, டெக்ஸ்டைல்ஸ், thuni, javuli
energy: எரிசக்தி, ஆற்றல், erisakthi
solar: சூரிய, sooriya
trading: வர்த்தகம், டிரேடர்ஸ், டிரேடிங், varthagam
agriculture: விவசாயம், vivasayam
pharmacy: மருந்து, பார்மா, marunthu
furniture: தளபாடம், ஃபர்னிச்சர், thalapadam
printing: அச்சகம், achagam, achchagam
coffee: காபி, kaapi
tea: தேநீர், theneer
coconut: தென்னை, thennai
""",
    "si": """
construction: ඉදිකිරීම්, ඉදිකිරීම, idikirim, idikirim
transport: ප්‍රවාහන, ප්රවාහන, prawahana, pravahana
travel: සංචාරක, චාරිකා, sancharaka, charika
software: මෘදුකාංග, mrudukanga
technology: තාක්ෂණ, thakshana
food: ආහාර, ahara
fish: මත්ස්‍ය, මාළු, malu
honey: මී පැණි, මීපැණි, mee pani
textile: රෙදි, redi
energy: බලශක්ති, balashakthi
solar: සූර්ය, soorya
trading: වෙළඳ, velenda, welenda
agriculture: කෘෂි, krushi
pharmacy: ඖෂධ, aushadha
furniture: ගෘහ භාණ්ඩ, ලී බඩු
printing: මුද්‍රණ, mudrana
tea: තේ, tea
coconut: පොල්, pol
spices: කුළුබඩු, කුරුඳු
""",
    "th": """
construction: ก่อสร้าง, คอนสตรัคชั่น, korsang, kosang
transport: ขนส่ง, โลจิสติกส์, khonsong
travel: ท่องเที่ยว, ทัวร์, thongthiao, tour
software: ซอฟต์แวร์, ซอฟท์แวร์, software
technology: เทคโนโลยี, technology
food: อาหาร, ฟู้ดส์, ฟู้ด, ahan
fish: ประมง, ปลา, pramong
honey: น้ำผึ้ง, nampueng
textile: สิ่งทอ, ผ้า, singtho, pha
energy: พลังงาน, phalangngan
solar: โซลาร์, แสงอาทิตย์, solar
trading: การค้า, เทรดดิ้ง, kankha
engineering: วิศวกรรม, เอ็นจิเนียริ่ง, witsawakam
agriculture: การเกษตร, เกษตร, kaset
pharmacy: เภสัช, ฟาร์มา, phesat
furniture: เฟอร์นิเจอร์, furniture
printing: การพิมพ์, พริ้นติ้ง, kanphim
coffee: กาแฟ, kafae
silk: ไหม, mai
""",
    "lo": """
construction: ກໍ່ສ້າງ, korsang, kosang
transport: ຂົນສົ່ງ, khonsong
travel: ທ່ອງທ່ຽວ, ທົວ, thongthieo, tour
software: ຊອບແວ, software
technology: ເຕັກໂນໂລຊີ, technology
food: ອາຫານ, ahan
fish: ປາ, pa
honey: ນ້ຳເຜິ້ງ
textile: ຕ່ຳແຜ່ນ, ຜ້າ, pha
energy: ພະລັງງານ, phalangngan
trading: ການຄ້າ, kankha
agriculture: ກະສິກຳ, kasikam
coffee: ກາເຟ, kafe
silk: ຜ້າໄໝ, phamai
""",
    "my": """
construction: ဆောက်လုပ်ရေး, saukloakyay
transport: ပို့ဆောင်ရေး, သယ်ယူပို့ဆောင်ရေး, ပို့ဆောင်ရေး, logistics
travel: ခရီးသွား, ခရီးစဉ်, kharithwa
software: ဆော့ဖ်ဝဲ, ဆော့ဝဲ, software
technology: နည်းပညာ, nipyinnya
food: စားသောက်ကုန်, အစားအစာ, food
fish: ငါး, nga
honey: ပျားရည်, pyarye
textile: ချည်ထည်, ရက်ကန်း, textile
energy: စွမ်းအင်, swan ahrin
trading: ကုန်သွယ်ရေး, trading
agriculture: စိုက်ပျိုးရေး, agriculture
pharmacy: ဆေးဝါး, pharma
coffee: ကော်ဖီ, coffee
tea: လက်ဖက်, lahpet
""",
    "km": """
construction: សំណង់, samnang
transport: ដឹកជញ្ជូន, ភស្តុភារ, doekchonchoun
travel: ទេសចរណ៍, tesachor
software: សូហ្វវែរ, software
technology: បច្ចេកវិទ្យា, bachekvityea
food: ម្ហូប, អាហារ, mhoub, ahar
fish: ត្រី, trey
textile: វាយនភណ្ឌ, vaynakphon
energy: ថាមពល, thampol
trading: ពាណិជ្ជកម្ម, peanichakam
agriculture: កសិកម្ម, kasekam
pharmacy: ឱសថ, osot
hotel: សណ្ឋាគារ
insurance: ធានារ៉ាប់រង
""",
    "am": """
construction: ኮንስትራክሽን, ግንባታ, konstrakshn, ginbata
transport: ትራንስፖርት, ሎጅስቲክስ, transport
travel: ቱሪዝም, ጉዞ, ቱር, ትራቭል, turizm, guzo
software: ሶፍትዌር, software
technology: ቴክኖሎጂ, teknoloji
food: ምግብ, ፉድስ, migib
honey: ማር, mar
textile: ጨርቃጨርቅ, ቴክስታይል, chirkachirk
coffee: ቡና, buna
trading: ንግድ, ትሬዲንግ, nigd
agriculture: ግብርና, አግሮ, gibrina
pharmacy: ፋርማሲ, ፋርማ, farmasi
energy: ኢነርጂ, ሃይል
""",
    "tr": """
construction: inşaat, yapı, insaat, yapi
transport: nakliyat, lojistik, taşımacılık, nakliye, tasimacilik
travel: turizm, seyahat, tur
software: yazılım, yazilim, soft
technology: teknoloji, bilişim, bilisim
food: gıda, gida
fish: balık, balikcilik, balik, su ürünleri
honey: bal, arıcılık
textile: tekstil, dokuma
garment: giyim, konfeksiyon
energy: enerji
solar: güneş, gunes, solar
trading: ticaret, dış ticaret
consulting: danışmanlık, danismanlik
engineering: mühendislik, muhendislik
machinery: makina, makine
agriculture: tarım, tarim, ziraat
pharmacy: ilaç, ilac, eczane
furniture: mobilya
printing: matbaa, baskı, baski
dairy: süt, sut
meat: et
bakery: fırın, firin, ekmek
coffee: kahve
tea: çay, cay
wine: şarap, sarap
water: su
oil: petrol
mining: madencilik
metal: metal
steel: çelik, celik
chemicals: kimya
plastics: plastik
paper: kağıt, kagit
glass: cam
electric: elektrik
electronics: elektronik
medical: medikal, sağlık, saglik
hotel: otel, otelcilik
insurance: sigorta
realestate: gayrimenkul, emlak
auto: otomotiv, oto
shipping: denizcilik
wood: ahşap, orman ürünleri
leather: deri
cosmetics: kozmetik
security: güvenlik
flour: un, değirmen
fruit: meyve
carpet: halı, hali
tiles: seramik, karo
cement: çimento, cimento, beton
""",
    "vi": """
construction: xây dựng, xay dung
transport: vận tải, van tai, logistics, vận chuyển
travel: du lịch, du lich, lữ hành
software: phần mềm, phan mem
technology: công nghệ, cong nghe
food: thực phẩm, thuc pham
fish: thủy sản, thuy san, hải sản
honey: mật ong, mat ong
textile: dệt may, det may, dệt
energy: năng lượng, nang luong
solar: mặt trời, năng lượng mặt trời
trading: thương mại, thuong mai
consulting: tư vấn, tu van
machinery: cơ khí, co khi
agriculture: nông nghiệp, nong nghiep
pharmacy: dược, dược phẩm, duoc pham
furniture: nội thất, noi that
printing: in ấn, in an
dairy: sữa, sua
coffee: cà phê, ca phe
tea: trà, tra
""",
    "id": """
construction: konstruksi, bangunan, pembangunan
transport: transportasi, angkutan, logistik, ekspedisi
travel: wisata, pariwisata, perjalanan, tour, travel
software: perangkat lunak, software
technology: teknologi
food: pangan, makanan, boga
fish: perikanan, ikan
honey: madu
textile: tekstil, tenun
garment: garmen, busana
energy: energi
solar: surya
trading: perdagangan, dagang, niaga
consulting: konsultan
engineering: teknik, rekayasa
agriculture: pertanian, agro, tani
pharmacy: farmasi, apotek
furniture: mebel
printing: percetakan
dairy: susu
bakery: roti
coffee: kopi
tea: teh
""",
    "zh": """
construction: 建设, 建設, 建筑, 建築, jianshe, jianzhu
transport: 运输, 運輸, 物流, yunshu, wuliu
travel: 旅游, 旅遊, 旅行社, lvyou, lüyou
software: 软件, 軟體, 軟件, ruanjian
technology: 科技, 技术, 技術, keji
food: 食品, shipin
fish: 水产, 水產, 渔业, 漁業, shuichan
honey: 蜂蜜, 蜂业, fengmi
textile: 纺织, 紡織, fangzhi
garment: 服装, 服裝, fuzhuang
energy: 能源, nengyuan
solar: 太阳能, 太陽能, 光伏
trading: 贸易, 貿易, 商贸, 商貿, maoyi
consulting: 咨询, 諮詢, zixun
engineering: 工程, gongcheng
machinery: 机械, 機械, jixie
agriculture: 农业, 農業, nongye
pharmacy: 医药, 醫藥, 制药, 製藥, yiyao
furniture: 家具, jiaju
printing: 印刷, yinshua
tea: 茶业, 茶業, 茶叶, 茶葉, chaye
""",
    "ja": """
construction: 建設, 建築, 工務店, kensetsu
transport: 運輸, 運送, 物流, unyu, unso
travel: 旅行, 観光, ryoko, kanko
software: ソフト, ソフトウェア, soft
technology: 技研, テクノロジー, giken
food: 食品, shokuhin
fish: 水産, suisan
textile: 繊維, 織物, seni
trading: 商事, 物産, 通商, 貿易, shoji, bussan
machinery: 機械, 精機, kikai, seiki
pharmacy: 製薬, 薬品, seiyaku
furniture: 家具, kagu
printing: 印刷, insatsu
tea: 製茶, 茶, seicha
""",
    "ko": """
construction: 건설, 건축, geonseol, kunsul
transport: 운수, 물류, 운송, unsu, mullyu
travel: 여행, 관광, 투어, yeohaeng, tour
software: 소프트, 소프트웨어, soft
technology: 테크, 텍, 기술, tech
food: 식품, 푸드, sikpum
fish: 수산, susan
textile: 섬유, seomyu
energy: 에너지, energy
trading: 무역, 상사, 통상, muyeok
engineering: 엔지니어링, engineering
machinery: 기계, 정밀, gigye
agriculture: 농업, 영농, nongeop
pharmacy: 제약, 약품, jeyak
furniture: 가구, gagu
printing: 인쇄, inswae
""",
}


# The languages a country's companies write their names in, the first the likeliest.
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "RU": ("ru",), "UA": ("uk", "ru"), "BY": ("be", "ru"), "KZ": ("kk", "ru"),
    "UZ": ("uz", "ru"), "KG": ("ky", "ru"), "TJ": ("ru",), "MN": ("mn",), "BG": ("bg",),
    "RS": ("sr",), "MK": ("sr",), "IL": ("he",), "IR": ("fa",), "AF": ("fa",),
    "GR": ("el",), "CY": ("el",), "GE": ("ka",), "AM": ("hy",), "IN": ("hi",),
    "NP": ("hi",), "BD": ("bn",), "LK": ("si", "ta"), "TH": ("th",), "LA": ("lo",),
    "MM": ("my",), "KH": ("km",), "ET": ("am",), "ER": ("am",), "TR": ("tr",),
    "VN": ("vi",), "ID": ("id",), "MY": ("id",), "CN": ("zh",), "TW": ("zh",),
    "HK": ("zh",), "MO": ("zh",), "JP": ("ja",), "KR": ("ko",),
    **dict.fromkeys(
        ("AE", "SA", "EG", "QA", "KW", "BH", "OM", "JO", "LB", "SY", "IQ", "YE", "MA", "DZ",
         "TN", "LY", "SD", "PS"),
        ("ar",),
    ),
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def _parse(block: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in block.strip().splitlines():
        concept, _, words = line.partition(":")
        # A concept's words may go on over more lines, each starting with its name.
        found.setdefault(concept.strip(), []).extend(_words(words))
    return found


NATIVE: dict[str, dict[str, list[str]]] = {lang: _parse(block) for lang, block in _NATIVE.items()}
ENGLISH_WORDS: dict[str, list[str]] = {concept: _words(ws) for concept, ws in ENGLISH.items()}
_LATIN = re.compile(r"[a-z' -]+")


def is_latin(word: str) -> bool:
    return bool(_LATIN.fullmatch(word))


@functools.lru_cache(maxsize=1)
def concepts() -> frozenset[str]:
    return frozenset(ENGLISH_WORDS) | frozenset(c for lang in NATIVE.values() for c in lang)
