"""Rebrand wording per language: the words a site writes beside its old name ("formerly",
"previously known as", "our new name", "renamed").

Kept as a table, one line per language, like the sale and parking wording: a language
is added by adding its line. Alphabetic languages are matched at word starts; scripts
written without spaces between words, or whose vowel signs Python's `\\w` does not count
as letters (CJK, Thai, the Indic scripts), anywhere.
"""

from __future__ import annotations

import re

# Lower-case regular-expression phrases; `\w*` stands for inflected endings.
ALPHABETIC: dict[str, tuple[str, ...]] = {
    "en": (
        r"formerly", r"previously", r"f/k/a", r"fka", r"renamed", r"rebranded", r"re-branded",
        r"now known as", r"new name", r"is now", r"has become", r"became",
        r"changed (?:its|our) name", r"now called", r"trading as", r"now part of",
        r"acquired", r"merged",
        # The old address or name itself: "our old website", "nuestra antigua web", ...
        r"old (?:website|site|web address|address|domain|name)",
        r"former (?:website|site|name)",
        r"alte[nr]? (?:website|webseite|adresse|domain|name)",
        r"ancien(?:ne)? (?:site|nom|adresse)",
        r"antigu[ao] (?:web|sitio|página|dirección|nombre)",
        r"стар\w+ (?:сайт|адрес|название)",
    ),
    "de": (r"ehemals", r"vormals", r"früher\w*", r"umbenannt", r"heißt jetzt", r"jetzt teil",
           r"übernommen", r"wurde zur?", r"neuer name"),
    "nl": (r"voorheen", r"voormalig", r"nieuwe naam", r"hernoemd"),
    "fr": (r"anciennement", r"auparavant", r"précédemment", r"désormais", r"rebaptisé",
           r"renommée?", r"est devenue?", r"nouveau nom"),
    # "antes" alone, not "antes de" ("before").
    "es": (r"antes(?!\s+(?:de|del|que)\b)", r"anteriormente", r"antes conocid[ao]",
           r"antiguamente", r"ahora se llama",
           r"renombrad[ao]", r"se convirtió en", r"nuevo nombre"),
    "it": (r"precedentemente", r"ora si chiama", r"rinominat[ao]", r"già", r"nuovo nome"),
    "pt": (r"agora se chama", r"antes chamad[ao]", r"antiga(?:mente)?", r"novo nome",
           r"renomead[ao]"),
    "tr": (r"eski ad\w*", r"önceki ad\w*", r"yeni ad\w*", r"adını değiştir\w*",
           r"eski unvan\w*", r"önceki unvan\w*", r"yeni unvan\w*", r"unvan değişikliği"),
    "pl": (r"dawniej", r"wcześniej", r"obecnie", r"nowa nazwa", r"zmieni\w* nazw\w*"),
    "ru": (r"ранее", r"прежде", r"бывш\w*", r"переименова\w*", r"теперь", r"стал[аои]?",
           r"прежнее название", r"вошл\w* в состав", r"новое название"),
    "uk": (r"раніше", r"колишн\w*", r"перейменова\w*", r"нова назва"),
    "be": (r"раней", r"былы\w*", r"перайменава\w*", r"новая назва"),
    "bg_mk_sr": (r"преди", r"бивш\w*", r"порано", r"претходно", r"раније", r"преименува\w*",
                 r"преименова\w*", r"ново име"),
    "kk": (r"бұрынғы",),
    "mn": (r"хуучин нэр\w*", r"өмнө нь", r"нэрээ өөрчил\w*", r"шинэ нэр\w*"),
    "fi": (r"aiemmin", r"aikaisemmin", r"entinen", r"entiseltä nimeltään", r"uusi nimi\w*",
           r"nimi muuttui", r"nimenmuutos", r"vaihtoi nime\w*", r"nykyisin"),
    "et": (r"varem", r"endine", r"endise nimega", r"uus nimi", r"nimetati ümber"),
    "hu": (r"korábban", r"korábbi nev\w*", r"régi nev\w*", r"új nev\w*", r"néven működ\w*",
           r"átnevez\w*", r"nevet váltott"),
    # Not "a fost" alone, Romanian's "was": "fosta", "fostul" are "the former".
    "ro": (r"fost(?:ul|a|ele|ii)", r"foștii", r"fost\w* (?:denumit|numit|cunoscut)\w*",
           r"anterior", r"cunoscut\w* (?:anterior|înainte)", r"denumit\w* anterior",
           r"noul nume", r"noua denumire", r"redenumit\w*"),
    "sv": (r"tidigare", r"f\.d\.", r"före detta", r"nytt namn", r"bytt namn", r"bytte namn"),
    "da_nb": (r"tidligere", r"tidl\.", r"nyt navn", r"nytt navn", r"skiftet navn",
              r"skiftede navn", r"byttet navn", r"endret navn"),
    "is": (r"áður", r"nýtt nafn"),
    "hr_bs_sr_sl": (r"ranije", r"prije", r"prej", r"nekada\w*", r"nekdanj\w*", r"bivš\w*",
                    r"novo ime", r"preimenova\w*", r"poznat\w* kao"),
    "cs_sk": (r"predtým", r"pôvodne", r"dříve", r"původně", r"bývalý\w*", r"býval\w*",
              r"nový název", r"nový názov", r"nové meno", r"přejmenova\w*", r"premenova\w*"),
    "lt": (r"anksčiau", r"buvus\w*", r"pervadint\w*", r"naujas pavadinimas"),
    "lv": (r"agrāk", r"iepriekš", r"bijuš\w*", r"pārdēvē\w*", r"jaunais nosaukums"),
    "el": (r"πρώην", r"παλαιότερα", r"μετονομάστηκε", r"νέα επωνυμία", r"νέα ονομασία"),
    "vi": (r"trước đây", r"tên cũ", r"tên mới", r"đổi tên", r"nay là", r"tiền thân"),
    "id_ms": (r"sebelumnya", r"dahulu(?:nya)?", r"dulu(?:nya)? bernama", r"nama lama", r"nama baru",
              r"berganti nama", r"bertukar nama", r"kini menjadi", r"dikenal sebagai"),
    "tl": (r"dating kilala", r"dating pangalan"),
    "sw": (r"(?:zamani|awali) (?:i|iki)lijulikana", r"(?:zamani|awali) ikijulikana",
           r"jina jipya", r"jina la zamani"),
    "az": (r"əvvəlki ad\w*", r"keçmiş ad\w*", r"köhnə ad\w*", r"adını dəyiş\w*"),
    "uz": (r"avvalgi nom\w*", r"oldingi nom\w*", r"yangi nom\w*", r"sobiq",
           r"аввалги ном\w*", r"олдинги ном\w*", r"янги ном\w*", r"собиқ"),
    "sq": (r"më parë", r"emri i mëparshëm", r"emri i ri", r"riemërtua\w*"),
    "am": (r"ቀደም ሲል", r"የቀድሞ ስም\w*", r"አዲስ ስም\w*", r"ቀድሞ"),
    "ka": (r"ყოფილი", r"ადრე ცნობილი\w*", r"სახელი შეიცვალა", r"ახალი სახელი\w*"),
    "hy": (r"նախկին\w*", r"նախկինում", r"վերանվանվ\w*", r"նոր անուն\w*"),
    "he": (r"לשעבר", r"בעבר", r"שמה הקודם", r"שמו הקודם"),
    "ar_fa": (r"سابقا", r"سابقاً", r"قبلا", r"قبلاً", r"پیشتر", r"نام سابق", r"نام قبلی",
              r"الاسم السابق", r"المعروفة سابقا", r"كانت تعرف", r"تغيير الاسم", r"تغییر نام"),
}  # fmt: skip
UNSPACED: dict[str, tuple[str, ...]] = {
    "ja_zh": ("旧社名", "旧称", "舊稱", "社名変更", "原名", "曾用名", "更名", "前身"),
    "ko": ("구 사명", "구사명", "옛 이름", "사명 변경", "이전 이름", "옛 상호"),
    "th": ("ชื่อเดิม", "เดิมชื่อ", "เปลี่ยนชื่อ"),
    "hi": ("पूर्व में", "पहले जाना", "पूर्व नाम", "नया नाम"),
    "bn": ("পূর্বে", "পূর্বনাম", "পূর্বতন", "নতুন নাম"),
    "ta": ("முன்பு", "முன்னர்", "பழைய பெயர்", "புதிய பெயர்"),
    "ne": ("साबिकको", "पहिलेको नाम", "पुरानो नाम", "नयाँ नाम"),
    "km": ("ពីមុន", "ឈ្មោះចាស់", "ឈ្មោះថ្មី", "អតីត"),
}


def rebrand_pattern() -> re.Pattern[str]:
    alphabetic = "|".join(p for phrases in ALPHABETIC.values() for p in phrases)
    unspaced = "|".join(re.escape(p) for phrases in UNSPACED.values() for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alphabetic})(?!\w)|{unspaced}", re.IGNORECASE)
