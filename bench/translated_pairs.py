"""English renderings of company names against the companies' own names, by language:
the brand spelled (or as its place is spelled in English), the trade translated.

`SAME` pairs are one company (`Байкал Туризм`, Baikal Tours); `OTHER` pairs are two:
another brand of the same trade (`Тэрэлж Аялал`, Gobi Tours), the same brand in another
trade (`Тэрэлж Аялал`, Terelj Construction), or a brand with the same consonants in
another order (`Ήπειρος Λογισμική`, Pireus Software). Run:

    .venv/bin/python bench/translated_pairs.py

It prints, per language, how many `SAME` pairs match at the close (0.8) and strong (0.9)
lines of `worker.pipeline.matching.name_similarity`, and how many `OTHER` pairs reach the
close line, with the translation of trade words and without it (the matching before it),
measured in the same run.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from unittest import mock

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from shared import translated_names
from worker.pipeline.matching import name_similarity

SAME: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        ("Байкал Туризм", "Baikal Tours"), ("Урал Мебель", "Ural Furniture"),
        ("Кубань Агро", "Kuban Agriculture"), ("Алтай Мёд", "Altai Honey"),
        ("Амур Логистика", "Amur Transport"), ("Кама Хлеб", "Kama Bakery"),
        ("Ока Печать", "Oka Printing"), ("Вятка Строй", "Vyatka Construction"),
    ),
    "uk": (
        ("Карпати Туризм", "Karpaty Travel"), ("Поділля Меблі", "Podillia Furniture"),
        ("Дніпро Будівництво", "Dnipro Construction"), ("Полтава Молоко", "Poltava Dairy"),
        ("Черкаси Друк", "Cherkasy Printing"), ("Житомир Будмонтаж", "Zhytomyr Builders"),
    ),
    "kk": (
        ("Алтын Құрылыс", "Altyn Construction"), ("Тараз Балық", "Taraz Fish"),
        ("Арал Сауда", "Aral Trading"), ("Шымкент Нан", "Shymkent Bakery"),
    ),
    "mn": (
        ("Хангай Аялал", "Khangai Travel"), ("Орхон Барилга", "Orkhon Construction"),
        ("Говь Тавилга", "Gobi Furniture"), ("Сэлэнгэ Хүнс", "Selenge Foods"),
        ("Дархан Хэвлэл", "Darkhan Printing"), ("Туул Тээвэр", "Tuul Transport"),
    ),
    "uz": (
        ("Бухоро Қурилиш", "Bukhara Construction"), ("Buxoro Qurilish", "Bukhara Construction"),
        ("Samarqand Savdo", "Samarkand Trading"), ("Xiva Turizm", "Khiva Tours"),
    ),
    "he": (
        ("חיפה הובלות", "Haifa Transport"), ("נגב בנייה", "Negev Construction"),
        ("גולן יקב", "Golan Winery"), ("אילת תיירות", "Eilat Tourism"),
        ("כנרת דגים", "Kinneret Fish"), ("ירדן תוכנה", "Yarden Software"),
    ),
    "ar": (
        ("الرياض للمقاولات", "Riyadh Contracting"), ("الدوحة للسياحة", "Doha Tourism"),
        ("النخبة للطباعة", "Nukhba Printing"), ("الزهراء للأثاث", "Zahra Furniture"),
        ("الساحل للنقل", "Sahel Transport"),
    ),
    "fa": (
        ("تبریز فرش", "Tabriz Carpet"), ("شیراز ترابر", "Shiraz Transport"),
        ("مشهد نرم‌افزار", "Mashhad Software"), ("البرز سازه", "Alborz Construction"),
    ),
    "el": (
        ("Όλυμπος Τουριστική", "Olympos Tours"), ("Αιγαίο Λογισμικό", "Aigaio Software"),
        ("Μακεδονία Έπιπλα", "Makedonia Furniture"), ("Θεσσαλία Τρόφιμα", "Thessalia Foods"),
        ("Κρήτη Μέλι", "Kriti Honey"), ("Ήπειρος Λογισμική", "Epirus Software"),
        ("Όλυμπος Τουριστική", "Olympus Tours"), ("Κόρινθος Τρόφιμα", "Corinth Foods"),
    ),
    "ka": (
        ("კავკასია ტურიზმი", "Kavkasia Tourism"), ("რუსთავი სამშენებლო", "Rustavi Construction"),
        ("ქუთაისი ღვინო", "Kutaisi Wine"), ("ბათუმი ტრანსპორტი", "Batumi Transport"),
    ),
    "hy": (
        ("Արարատ Գինի", "Ararat Wine"), ("Գյումրի Շինարարություն", "Gyumri Construction"),
        ("Դիլիջան Մեղր", "Dilijan Honey"),
    ),
    "hi": (
        ("गंगा निर्माण", "Ganga Construction"), ("नर्मदा परिवहन", "Narmada Transport"),
        ("हिमालय पर्यटन", "Himalaya Travel"), ("कावेरी वस्त्र", "Kaveri Textiles"),
        ("सरस्वती मुद्रण", "Saraswati Printing"),
    ),
    "bn": (
        ("পদ্মা পরিবহন", "Padma Transport"), ("মেঘনা নির্মাণ", "Meghna Construction"),
        ("সুরমা মধু", "Surma Honey"), ("কর্ণফুলী বস্ত্র", "Karnaphuli Textile"),
    ),
    "ta": (
        ("மதுரை கட்டுமானம்", "Madurai Construction"), ("கோவை போக்குவரத்து", "Kovai Transport"),
        ("காவேரி உணவு", "Kaveri Foods"), ("சேலம் தேன்", "Salem Honey"),
    ),
    "si": (
        ("ගාල්ල ප්‍රවාහන", "Galle Transport"), ("මාතර ඉදිකිරීම්", "Matara Construction"),
        ("කෑගල්ල රෙදි", "Kegalle Textiles"),
    ),
    "th": (
        ("เชียงใหม่ ก่อสร้าง", "Chiang Mai Construction"), ("ภูเก็ต ท่องเที่ยว", "Phuket Tours"),
        ("สยาม ขนส่ง", "Siam Transport"), ("ล้านนา กาแฟ", "Lanna Coffee"),
    ),
    "lo": (
        ("ວຽງຈັນ ກໍ່ສ້າງ", "Vientiane Construction"), ("ປາກເຊ ກາເຟ", "Pakse Coffee"),
        ("ສະຫວັນ ຂົນສົ່ງ", "Savan Transport"),
    ),
    "my": (
        ("မန္တလေး ဆောက်လုပ်ရေး", "Mandalay Construction"), ("ပဲခူး ပို့ဆောင်ရေး", "Bago Transport"),
        ("ရန်ကုန် နည်းပညာ", "Yangon Technology"),
    ),
    "km": (
        ("សៀមរាប ទេសចរណ៍", "Siem Reap Tourism"), ("បាត់ដំបង សំណង់", "Battambang Construction"),
        ("កំពង់ចាម ដឹកជញ្ជូន", "Kampong Cham Transport"),
    ),
    "am": (
        ("አዲስ ግንባታ", "Addis Construction"), ("ጎንደር ቡና", "Gondar Coffee"),
        ("ሲዳማ ማር", "Sidama Honey"),
    ),
    "tr": (
        ("Kapadokya Turizm", "Kapadokya Tours"), ("Karadeniz İnşaat", "Karadeniz Construction"),
        ("Bursa Tekstil", "Bursa Textiles"), ("Anadolu Yazılım", "Anadolu Software"),
    ),
    "vi": (
        ("Hà Nội Du Lịch", "Ha Noi Travel"), ("Đà Nẵng Vận Tải", "Da Nang Transport"),
        ("Tân Phú Phần Mềm", "Tan Phu Software"), ("Mê Kông Thủy Sản", "Me Kong Seafood"),
    ),
    "id": (
        ("Nusantara Konstruksi", "Nusantara Construction"), ("Bali Wisata", "Bali Tours"),
        ("Borneo Perikanan", "Borneo Fisheries"), ("Jaya Tekstil", "Jaya Textiles"),
    ),
    "zh": (("华远建设", "Huayuan Construction"), ("天成物流", "Tiancheng Logistics")),
    "ja": (("北斗運輸", "Hokuto Transport"), ("青空商事", "Aozora Trading")),
    "ko": (("한빛건설", "Hanbit Construction"), ("새빛소프트", "Saebit Software")),
}  # fmt: skip

OTHER: dict[str, tuple[tuple[str, str], ...]] = {
    "same trade, other brand": (
        ("Байкал Туризм", "Altai Tours"), ("Тэрэлж Аялал", "Gobi Tours"),
        ("חיפה הובלות", "Eilat Transport"), ("ගාල්ල ප්‍රවාහන", "Matara Transport"),
        ("வன்னி போக்குவரத்து", "Jaffna Transport"), ("Kapadokya Turizm", "Pamukkale Tours"),
        ("الرياض للمقاولات", "Doha Contracting"), ("მცხეთა ღვინო", "Kutaisi Wine"),
        ("ရတနာ ဆော့ဖ်ဝဲ", "Shwe Software"), ("Хангай Барилга", "Orkhon Construction"),
        ("गंगा निर्माण", "Yamuna Construction"), ("สยาม ขนส่ง", "Lanna Transport"),
        ("華遠建設", "Hongda Construction"), ("Bali Wisata", "Lombok Tours"),
        ("תבור יינות", "Carmel Winery"), ("ሀረር ማር", "Sidama Honey"),
    ),
    "same brand, other trade": (
        ("Байкал Туризм", "Baikal Construction"), ("Тэрэлж Аялал", "Terelj Construction"),
        ("חיפה הובלות", "Haifa Software"), ("ගාල්ල ප්‍රවාහන", "Galle Textiles"),
        ("Ege Gıda", "Ege Construction"), ("ရတနာ ဆော့ဖ်ဝဲ", "Yatana Transport"),
        ("Волинь Будмонтаж", "Volyn Furniture"), ("الدوحة للسياحة", "Doha Printing"),
        ("Αιγαίο Λογισμικό", "Aigaio Foods"), ("ქუთაისი ღვინო", "Kutaisi Construction"),
        ("पद्मा परिवहन", "Padma Honey"), ("Hà Nội Du Lịch", "Ha Noi Software"),
        ("北斗運輸", "Hokuto Trading"), ("Тараз Балық", "Taraz Bakery"),
    ),
    "alike consonants, other brand": (
        ("Ήπειρος Λογισμική", "Pireus Software"), ("Πειραιάς Λογισμική", "Epirus Software"),
        ("Тэрэлж Аялал", "Tarlaj Tours"), ("Бухоро Қурилиш", "Barkhor Construction"),
        ("ගාල්ල ප්‍රවාහන", "Gilly Transport"), ("Орхон Барилга", "Rukhan Construction"),
        ("ארבל בנייה", "Rubel Construction"), ("Kapadokya Turizm", "Padoky Tours"),
    ),
}  # fmt: skip


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "-"


def _measure() -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    def scores(pairs: tuple[tuple[str, str], ...]) -> list[float]:
        return [name_similarity(latin, own) for own, latin in pairs]

    return (
        {lang: scores(pairs) for lang, pairs in SAME.items()},
        {kind: scores(pairs) for kind, pairs in OTHER.items()},
    )


def main() -> None:
    with mock.patch.object(translated_names, "similarity", return_value=0.0):
        before = _measure()
    after = _measure()
    print(f"load average {os.getloadavg()[0]:.2f}")
    head = f"{'pairs':>6}  {'>=0.8 before':>14}  {'>=0.8 after':>14}"
    print(f"{'language':<32}{head}  {'>=0.9 after':>14}")
    totals: dict[str, int] = defaultdict(int)
    for lang, scores in after[0].items():
        old = before[0][lang]
        close_old = sum(s >= 0.8 for s in old)
        close, strong = sum(s >= 0.8 for s in scores), sum(s >= 0.9 for s in scores)
        totals["n"] += len(scores)
        totals["old"] += close_old
        totals["close"] += close
        totals["strong"] += strong
        print(
            f"{lang:<32}{len(scores):>6}  {_rate(close_old, len(scores)):>14}  "
            f"{_rate(close, len(scores)):>14}  {_rate(strong, len(scores)):>14}"
        )
    n = totals["n"]
    print(
        f"{'all one-company pairs':<32}{n:>6}  {_rate(totals['old'], n):>14}  "
        f"{_rate(totals['close'], n):>14}  {_rate(totals['strong'], n):>14}"
    )
    print()
    print(f"{'two-company pairs':<32}{head}  {'max after':>10}")
    for kind, scores in after[1].items():
        old = before[1][kind]
        print(
            f"{kind:<32}{len(scores):>6}  {_rate(sum(s >= 0.8 for s in old), len(old)):>14}  "
            f"{_rate(sum(s >= 0.8 for s in scores), len(scores)):>14}  {max(scores):>10.3f}"
        )
    missed = [
        (latin, own, score)
        for lang, pairs in SAME.items()
        for (own, latin), score in zip(pairs, after[0][lang], strict=True)
        if score < 0.8
    ]
    if missed:
        listed = "; ".join(f"{a} / {b} {s:.2f}" for a, b, s in missed)
        print(f"\none-company pairs below 0.8: {listed}")


if __name__ == "__main__":
    main()
