"""Company-name words of Georgian, Armenian, Bengali, Tamil, Amharic and Khmer as the same
companies write them in Latin letters (`სამშენებლო` construction, `Լոգիստիկ` logistic,
`টেক্সটাইল` textile, `ኮንስትራክሽን` construction, `សំណង់` construction). As in
`shared.script_trades`: the usual trade words of company registers, many of them English
words spelled in the script, not the names of any company."""

from __future__ import annotations

GEORGIAN_TRADES: dict[str, str] = {
    "სამშენებლო": "construction", "მშენებლობა": "construction", "ლოჯისტიკი": "logistics",
    "ლოჯისტიკა": "logistics", "ტექნოლოჯი": "technology", "ტექნოლოგია": "technology",
    "ტექნოლოგიები": "technologies", "ტექსტილი": "textile", "ავეჯი": "furniture",
    "ვაჭრობა": "trading", "სავაჭრო": "trading", "ინდუსტრია": "industry", "კვება": "food",
    "ტური": "tour", "ტურიზმი": "tourism", "ტრანსპორტი": "transport", "ენერჯი": "energy",
    "ენერგია": "energy", "ჯგუფი": "group", "გრუპი": "group", "სოფტი": "soft",
    "ინჟინერინგი": "engineering", "ფარმა": "pharma", "აგრო": "agro", "ჰოლდინგი": "holding",
    "სერვისი": "service", "ტრეიდი": "trade", "ტრევალი": "travel", "ღვინო": "wine",
}  # fmt: skip
ARMENIAN_TRADES: dict[str, str] = {
    "Շինարարություն": "construction", "Լոգիստիկ": "logistic",
    "Լոգիստիկա": "logistics", "Տեխնոլոգիաներ": "technologies", "Տեխնոլոջի": "technology",
    "Տեքս": "tex", "Տեքստիլ": "textile", "Սոֆթ": "soft", "Կահույք": "furniture",
    "Առևտուր": "trade", "Թրեյդ": "trade", "Տրանս": "trans", "Էներգիա": "energy",
    "Գրուպ": "group", "Խումբ": "group", "Տուր": "tour", "Ֆարմ": "pharm", "Ագրո": "agro",
    "Ինժեներինգ": "engineering", "Սերվիս": "service", "Հոլդինգ": "holding", "Ֆուդ": "food",
}  # fmt: skip
BENGALI_TRADES: dict[str, str] = {
    "লজিস্টিকস": "logistics", "টেক্সটাইল": "textile", "টেক্সটাইলস": "textiles",
    "ফার্মা": "pharma", "ফার্মাসিউটিক্যালস": "pharmaceuticals", "ফুডস": "foods",
    "সফটওয়্যার": "software", "ইন্ডাস্ট্রিজ": "industries", "গ্রুপ": "group",
    "ট্রেডিং": "trading", "কনস্ট্রাকশন": "construction", "ফার্নিচার": "furniture",
    "ট্রাভেলস": "travels", "টেকনোলজি": "technology", "টেকনোলজিস": "technologies",
    "এন্টারপ্রাইজ": "enterprise", "ইঞ্জিনিয়ারিং": "engineering", "এগ্রো": "agro",
    "গার্মেন্টস": "garments", "নিটওয়্যার": "knitwear", "শিপিং": "shipping",
}  # fmt: skip
TAMIL_TRADES: dict[str, str] = {
    "டெக்ஸ்டைல்ஸ்": "textiles", "லாஜிஸ்டிக்ஸ்": "logistics", "சாப்ட்வேர்": "software",
    "டெக்னாலஜிஸ்": "technologies", "டெக்னாலஜி": "technology", "இண்டஸ்ட்ரீஸ்": "industries",
    "டிரேடர்ஸ்": "traders", "டிரேடிங்": "trading", "ஃபுட்ஸ்": "foods", "குழுமம்": "group",
    "கன்ஸ்ட்ரக்ஷன்": "construction", "கட்டுமானம்": "construction", "பார்மா": "pharma",
    "எண்டர்பிரைசஸ்": "enterprises", "இன்ஜினியரிங்": "engineering", "டிராவல்ஸ்": "travels",
    "ஏஜென்சீஸ்": "agencies", "ஃபர்னிச்சர்": "furniture", "மோட்டார்ஸ்": "motors",
}  # fmt: skip

# Names are compared by their keys, in lower case: the Armenian words in both cases.
ARMENIAN_TRADES |= {word.lower(): english for word, english in ARMENIAN_TRADES.items()}
ARMENIAN_TRADES |= {word.replace("և", "եւ"): english for word, english in ARMENIAN_TRADES.items()}
ETHIOPIC_TRADES: dict[str, str] = {
    "ኮንስትራክሽን": "construction", "ግንባታ": "construction", "ትራንስፖርት": "transport",
    "ሎጅስቲክስ": "logistics", "ንግድ": "trading", "ትሬዲንግ": "trading", "ኢንዱስትሪ": "industry",
    "ኢንዱስትሪዎች": "industries", "ጨርቃጨርቅ": "textile", "ቴክስታይል": "textile",
    "ቡና": "coffee", "ላኪ": "export", "ኤክስፖርት": "export", "ምግብ": "food", "ፉድስ": "foods",
    "ማር": "honey", "ሆቴል": "hotel", "ቴክኖሎጂ": "technology", "ሶፍትዌር": "software",
    "ፋርማሲ": "pharmacy", "ፋርማ": "pharma", "ግሩፕ": "group", "ቡድን": "group",
    "ኢንጂነሪንግ": "engineering", "አግሮ": "agro", "ሆልዲንግ": "holding", "አገልግሎት": "service",
    "ቱር": "tour", "ትራቭል": "travel", "ኢነርጂ": "energy", "ሪል እስቴት": "real estate",
}  # fmt: skip
KHMER_TRADES: dict[str, str] = {
    "ដឹកជញ្ជូន": "logistics", "ភស្តុភារ": "logistics", "សំណង់": "construction",
    "ម្ហូប": "foods", "អាហារ": "food", "ពាណិជ្ជកម្ម": "trading", "បច្ចេកវិទ្យា": "technology",
    "អាយធី": "it", "ឱសថ": "pharmacy", "ធានារ៉ាប់រង": "insurance", "ទេសចរណ៍": "tourism",
    "ក្រុម": "group", "ក្រុមហ៊ុន": "company", "វាយនភណ្ឌ": "textile", "កសិកម្ម": "agriculture",
    "ថាមពល": "energy", "សេវាកម្ម": "service", "ម្រេច": "pepper", "ស្រា": "wine",
    "សណ្ឋាគារ": "hotel", "អចលនទ្រព្យ": "real estate",
}  # fmt: skip
BURMESE_TRADES: dict[str, str] = {
    "ကုန်သွယ်ရေး": "trading", "သယ်ယူပို့ဆောင်ရေး": "logistics", "ပို့ဆောင်ရေး": "transport",
    "ဆောက်လုပ်ရေး": "construction", "ချည်ထည်": "textile", "ဆော့ဖ်ဝဲ": "software",
    "ကော်ဖီ": "coffee", "လက်ဖက်": "tea", "စားသောက်ကုန်": "food", "အစားအစာ": "food",
    "ကုမ္ပဏီ": "company", "ဟိုတယ်": "hotel", "ခရီးသွား": "travel", "နည်းပညာ": "technology",
    "ဆေးဝါး": "pharma", "စိုက်ပျိုးရေး": "agriculture", "စွမ်းအင်": "energy",
    "အာမခံ": "insurance", "ဝန်ဆောင်မှု": "service", "ထုတ်လုပ်ရေး": "manufacturing",
    "အုပ်စု": "group",
}  # fmt: skip
