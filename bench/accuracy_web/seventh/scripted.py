"""Company names of the seventh web written in other scripts: Ukrainian and Kazakh
Cyrillic, Arabic, Hebrew, Persian, Bengali, Sinhala, Tamil, Burmese, Lao and Mongolian
Cyrillic, each with the Latin spelling the company uses and an informal or English one a
list may use."""

from __future__ import annotations

# stock: ((own, Latin spelling the company uses, informal spelling, industry, what it does
# in the site's language), ...)
SCRIPTED: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "UA": (
        ("Карпати Деревообробка", "Karpaty Derevoobrobka", "Carpathian Woodworking", "Wood Product Manufacturing", "виготовляє меблеві щити та вагонку"),  # noqa: E501
        ("Дніпро Агросервіс", "Dnipro Ahroservis", "Dnepr Agroservice", "Farming", "вирощує соняшник і пшеницю"),  # noqa: E501
        ("Поділля Молоко", "Podillia Moloko", "Podolia Milk", "Dairy Product Manufacturing", "виробляє сир і вершкове масло"),  # noqa: E501
        ("Чорноморська Логістика", "Chornomorska Lohistyka", "Black Sea Logistics", "Truck Transportation", "перевозить контейнери з портів Одеси"),  # noqa: E501
        ("Галицька Пекарня", "Halytska Pekarnia", "Galician Bakery", "Food Production", "пече хліб і здобу для супермаркетів"),  # noqa: E501
        ("Слобожанська Софт", "Slobozhanska Soft", "Sloboda Software", "Software Development", "розробляє програми для бухгалтерії"),  # noqa: E501
        ("Волинь Будмонтаж", "Volyn Budmontazh", "Volhynia Construction", "Construction", "будує житлові будинки та склади"),  # noqa: E501
        ("Буковина Текстиль", "Bukovyna Tekstyl", "Bukovina Textile", "Textile Manufacturing", "шиє робочий одяг"),  # noqa: E501
    ),
    "KZ": (
        ("Алатау Құрылыс", "Alatau Qurylys", "Alatau Kurylys", "Construction", "тұрғын үйлер мен қоймалар салады"),  # noqa: E501
        ("Сарыарқа Көлік", "Saryarqa Kolik", "Saryarka Transport", "Truck Transportation", "Ресей мен Қытайға жүк тасымалдайды"),  # noqa: E501
        ("Ақмола Ұн", "Aqmola Un", "Akmola Flour", "Food Production", "бидай ұнын тартады"),
        ("Жетісу Алма", "Zhetisu Alma", "Zhetysu Apple", "Farming", "алма мен өрік өсіреді"),
        ("Каспий Мұнай Сервис", "Kaspiy Munay Servis", "Caspian Oil Service", "Oil and Gas", "мұнай ұңғымаларына қызмет көрсетеді"),  # noqa: E501
        ("Тұран Софт", "Turan Soft", "Toran Software", "Software Development", "бухгалтерлік бағдарламалар жасайды"),  # noqa: E501
        ("Ертіс Жүн", "Ertis Zhun", "Irtysh Wool", "Textile Manufacturing", "қой жүнінен мата тоқиды"),  # noqa: E501
        ("Балқаш Балық", "Balqash Balyq", "Balkhash Fish", "Food Production", "көл балығын өңдейді"),  # noqa: E501
    ),
    "AE": (
        ("الخليج للتجارة العامة", "Al Khaleej General Trading", "Gulf General Trading", "Wholesale", "تستورد مواد البناء وتوزعها في الإمارات"),  # noqa: E501
        ("النخيل للمقاولات", "Al Nakheel Contracting", "Nakhil Contracting", "Construction", "تبني الفلل والمستودعات"),  # noqa: E501
        ("الواحة للأغذية", "Al Waha Foods", "Oasis Foods", "Food Production", "تعبئ التمور والعسل"),
        ("صقر للشحن", "Saqr Shipping", "Falcon Shipping", "Freight and Package Transportation", "تشحن البضائع من ميناء جبل علي"),  # noqa: E501
        ("الريم لتقنية المعلومات", "Al Reem IT", "Reem Information Technology", "IT Services and IT Consulting", "تقدم حلول الحوسبة السحابية للشركات"),  # noqa: E501
        ("اللؤلؤة للسياحة", "Al Lulu Tourism", "Pearl Tourism", "Travel Arrangements", "تنظم رحلات الصحراء والجولات البحرية"),  # noqa: E501
        ("المرجان للمطابخ", "Al Marjan Kitchens", "Coral Kitchens", "Furniture and Home Furnishings Manufacturing", "تصنع المطابخ والخزائن حسب الطلب"),  # noqa: E501
        ("الفجر للطاقة الشمسية", "Al Fajr Solar", "Dawn Solar Energy", "Renewable Energy Semiconductor Manufacturing", "تركب الألواح الشمسية للمصانع"),  # noqa: E501
    ),
    "IL": (
        ("כרמל תעשיות פלסטיק", "Carmel Plastic Industries", "Karmel Plastics", "Plastics Manufacturing", "מייצרת אריזות פלסטיק למזון"),  # noqa: E501
        ("גליל הובלות", "Galil Hovalot", "Galilee Transport", "Truck Transportation", "מובילה סחורות מנמל חיפה"),  # noqa: E501
        ("נגב אנרגיה", "Negev Energia", "Negev Energy", "Renewable Energy Semiconductor Manufacturing", "מקימה שדות סולאריים בדרום"),  # noqa: E501
        ("שקמה מחשוב", "Shikma Computing", "Shiqma Computers", "IT Services and IT Consulting", "מספקת שירותי ענן ואבטחת מידע"),  # noqa: E501
        ("תבור יינות", "Tavor Wines", "Tabor Winery", "Wineries", "מייצרת יינות מענבי הגליל"),
        ("ארבל בנייה", "Arbel Bniya", "Arbel Construction", "Construction", "בונה בנייני מגורים"),
        ("עמק מזון", "Emek Mazon", "Valley Foods", "Food Production", "מייצרת חומוס וסלטים"),
        ("ים המלח קוסמטיקה", "Yam Hamelach Cosmetics", "Dead Sea Cosmetics", "Personal Care Product Manufacturing", "מייצרת מוצרי טיפוח ממינרלים"),  # noqa: E501
    ),
    "IR": (
        ("زاگرس سازه", "Zagros Sazeh", "Zagros Structures", "Construction", "ساختمان‌های مسکونی و انبار می‌سازد"),  # noqa: E501
        ("البرز ترابر", "Alborz Tarabar", "Alborz Transport", "Truck Transportation", "بار را به ترکیه و عراق حمل می‌کند"),  # noqa: E501
        ("پارس فرش", "Pars Farsh", "Persian Carpet", "Textile Manufacturing", "فرش دستباف صادر می‌کند"),  # noqa: E501
        ("کویر زعفران", "Kavir Zaferan", "Desert Saffron", "Farming", "زعفران خراسان را بسته‌بندی می‌کند"),  # noqa: E501
        ("سپهر نرم‌افزار", "Sepehr Narmafzar", "Sepehr Software", "Software Development", "نرم‌افزار حسابداری تولید می‌کند"),  # noqa: E501
        ("خزر ماهی", "Khazar Mahi", "Caspian Fish", "Food Production", "ماهی دریای خزر را فرآوری می‌کند"),  # noqa: E501
        ("آریا پخش", "Arya Pakhsh", "Aria Distribution", "Wholesale", "مواد غذایی را در سراسر کشور پخش می‌کند"),  # noqa: E501
        ("دماوند کاشی", "Damavand Kashi", "Damavand Tiles", "Building Materials", "کاشی و سرامیک تولید می‌کند"),  # noqa: E501
    ),
    "BD": (
        ("করতোয়া টেক্সটাইল", "Karatoya Textile", "Korotoa Textiles", "Textile Manufacturing", "তৈরি পোশাকের জন্য কাপড় বোনে"),  # noqa: E501
        ("মেঘনা ফুডস", "Meghna Foods", "Megna Food", "Food Production", "মসলা ও আটা প্যাকেটজাত করে"),
        ("যমুনা ট্রান্সপোর্ট", "Jamuna Transport", "Jomuna Transport", "Truck Transportation", "চট্টগ্রাম বন্দর থেকে মালামাল পরিবহন করে"),  # noqa: E501
        ("সুন্দরবন মধু", "Sundarban Modhu", "Sundarbans Honey", "Food Production", "খাঁটি মধু সংগ্রহ ও বিক্রি করে"),  # noqa: E501
        ("বরেন্দ্র কৃষি", "Barendra Krishi", "Barind Agro", "Farming", "আম ও ধান চাষ করে"),
        ("সোনালী সফট", "Sonali Soft", "Shonali Software", "Software Development", "ব্যাংকের জন্য সফটওয়্যার তৈরি করে"),  # noqa: E501
        ("তিস্তা নির্মাণ", "Teesta Nirman", "Tista Construction", "Construction", "আবাসিক ভবন নির্মাণ করে"),  # noqa: E501
    ),
    "LK-Sinh": (
        ("රුහුණු තේ", "Ruhunu Tea", "Ruhuna Tea", "Food Production", "උඩරට තේ ඇසුරුම් කරයි"),
        ("කැලණි ඉදිකිරීම්", "Kelani Idikirim", "Kelani Construction", "Construction", "නිවාස සහ ගබඩා ඉදිකරයි"),  # noqa: E501
        ("සිගිරි ප්‍රවාහන", "Sigiri Prawahana", "Sigiriya Transport", "Truck Transportation", "කොළඹ වරායේ සිට භාණ්ඩ ප්‍රවාහනය කරයි"),  # noqa: E501
        ("මහවැලි කුරුඳු", "Mahaweli Kurundu", "Mahaweli Cinnamon", "Farming", "කුරුඳු අපනයනය කරයි"),
        ("ලංකා රෙදි", "Lanka Redi", "Lanka Textiles", "Textile Manufacturing", "ඇඟලුම් සඳහා රෙදි නිෂ්පාදනය කරයි"),  # noqa: E501
        ("නුවර මෘදුකාංග", "Nuwara Mrudukanga", "Kandy Software", "Software Development", "ගිණුම් මෘදුකාංග සාදයි"),  # noqa: E501
        ("දකුණු පොල්", "Dakunu Pol", "Southern Coconut", "Food Production", "පොල් තෙල් නිෂ්පාදනය කරයි"),
    ),
    "LK-Taml": (
        ("யாழ் கட்டுமானம்", "Yarl Kattumanam", "Jaffna Construction", "Construction", "வீடுகள் மற்றும் களஞ்சியங்களைக் கட்டுகிறது"),  # noqa: E501
        ("நல்லூர் உணவு", "Nallur Unavu", "Nallur Foods", "Food Production", "பனங்கட்டி மற்றும் ஊறுகாய் தயாரிக்கிறது"),  # noqa: E501
        ("கிழக்கு மீன்வளம்", "Kizhakku Meenvalam", "Eastern Fisheries", "Fisheries", "கடல் மீன்களை பதப்படுத்துகிறது"),  # noqa: E501
        ("வன்னி போக்குவரத்து", "Vanni Pokkuvarathu", "Vanni Transport", "Truck Transportation", "கொழும்புக்கு சரக்குகளை கொண்டு செல்கிறது"),  # noqa: E501
        ("தமிழ் மென்பொருள்", "Tamil Menporul", "Tamil Software", "Software Development", "பள்ளிகளுக்கு மென்பொருள் உருவாக்குகிறது"),  # noqa: E501
        ("திருமலை துணி", "Thirumalai Thuni", "Trinco Textiles", "Textile Manufacturing", "பருத்தி ஆடைகளை நெய்கிறது"),  # noqa: E501
        ("பாலை தென்னை", "Palai Thennai", "Palai Coconut", "Farming", "தென்னந்தோப்புகளை பராமரிக்கிறது"),
    ),
    "MM": (
        ("ရွှေမြန်မာ ကုန်သွယ်ရေး", "Shwe Myanmar Trading", "Golden Myanmar Trade", "Wholesale", "ဆန်နှင့် ပဲမျိုးစုံ တင်ပို့သည်"),  # noqa: E501
        ("ဧရာဝတီ သယ်ယူပို့ဆောင်ရေး", "Ayeyarwady Logistics", "Irrawaddy Logistics", "Truck Transportation", "ရန်ကုန်ဆိပ်ကမ်းမှ ကုန်စည်များ သယ်ယူသည်"),  # noqa: E501
        ("ပုဂံ ဆောက်လုပ်ရေး", "Bagan Construction", "Pagan Builders", "Construction", "လူနေအိမ်နှင့် ဂိုဒေါင်များ ဆောက်လုပ်သည်"),  # noqa: E501
        ("မြစ်ကြီးနား လက်ဖက်", "Myitkyina Lahpet", "Myitkyina Tea Leaf", "Food Production", "လက်ဖက်သုပ် ထုပ်ပိုးသည်"),  # noqa: E501
        ("ရတနာ ဆော့ဖ်ဝဲ", "Yadanar Software", "Yatana Soft", "Software Development", "ဘဏ်များအတွက် ဆော့ဖ်ဝဲ ရေးသားသည်"),  # noqa: E501
        ("အင်းလေး ချည်ထည်", "Inle Textiles", "Inlay Weaving", "Textile Manufacturing", "ကြာချည်ထည်များ ယက်လုပ်သည်"),  # noqa: E501
        ("ရှမ်း ကော်ဖီ", "Shan Coffee", "Shan Highland Coffee", "Food and Beverage Services", "ရှမ်းကုန်းပြင်မြင့် ကော်ဖီ ကြော်လှော်သည်"),  # noqa: E501
    ),
    "LA": (
        ("ຈຳປາ ຂົນສົ່ງ", "Champa Khonsong", "Champa Transport", "Truck Transportation", "ຂົນສົ່ງສິນຄ້າໄປໄທ ແລະ ຫວຽດນາມ"),  # noqa: E501
        ("ແມ່ຂອງ ກໍ່ສ້າງ", "Maekhong Korsang", "Mekong Builders", "Construction", "ກໍ່ສ້າງເຮືອນ ແລະ ສາງສິນຄ້າ"),  # noqa: E501
        ("ພູສີ ກາເຟ", "Phousi Kafe", "Phousy Coffee", "Food and Beverage Services", "ຄົ່ວກາເຟຈາກພູພຽງບໍລະເວນ"),  # noqa: E501
        ("ລ້ານຊ້າງ ຜ້າໄໝ", "Lanxang Phamai", "Lane Xang Silk", "Textile Manufacturing", "ທໍຜ້າໄໝດ້ວຍມື"),
        ("ດອກຈຳປາ ອາຫານ", "Dokchampa Ahan", "Champa Flower Foods", "Food Production", "ຜະລິດເຂົ້າໜຽວ ແລະ ແຈ່ວບອງ"),  # noqa: E501
        ("ນໍ້າງື່ມ ພະລັງງານ", "Nam Ngum Phalangngan", "Nam Ngum Energy", "Utilities", "ຜະລິດໄຟຟ້າພະລັງນໍ້າ"),
        ("ສະຫວັນ ຊອບແວ", "Savan Software", "Savanh Soft", "Software Development", "ພັດທະນາໂປຣແກຣມບັນຊີ"),  # noqa: E501
    ),
    "MN": (
        ("Хангай Барилга", "Khangai Barilga", "Khangai Construction", "Construction", "орон сууц, агуулах барьдаг"),  # noqa: E501
        ("Хөвсгөл Ноолуур", "Khuvsgul Nooluur", "Hovsgol Cashmere", "Textile Manufacturing", "ямааны ноолуураар цамц нэхдэг"),  # noqa: E501
        ("Говь Тээвэр", "Gobi Teever", "Gobi Transport", "Truck Transportation", "Хятад руу ачаа тээвэрлэдэг"),  # noqa: E501
        ("Орхон Мах", "Orkhon Makh", "Orkhon Meat", "Food Production", "мах боловсруулж экспортолдог"),  # noqa: E501
        ("Тэрэлж Аялал", "Terelj Ayalal", "Terelj Tours", "Travel Arrangements", "аялал жуулчлалын үйлчилгээ үзүүлдэг"),  # noqa: E501
        ("Богд Софт", "Bogd Soft", "Bogd Software", "Software Development", "нягтлан бодох бүртгэлийн программ хийдэг"),  # noqa: E501
        ("Сэлэнгэ Гурил", "Selenge Guril", "Selenge Flour", "Food Production", "улаан буудайн гурил тээрэмддэг"),  # noqa: E501
    ),
}  # fmt: skip
