"""Which romanisation library matches company names across Cyrillic and Latin best.

A labelled list of real-world-style pairs (a company's Cyrillic name and the Latin name it
uses itself) is romanised by each candidate and compared with the Latin name after the
same spelling fold (`shared.transliteration.fold`). Printed per candidate:

- matched: share of true pairs whose similarity reaches the match line;
- false: share of wrong pairs (each Cyrillic name against another company's Latin name)
  that reach it;
- us/name: microseconds to romanise one name (median of --rounds), and its ratio to the
  fastest candidate measured in the same run.

The reverse direction (Latin -> Cyrillic, used only to widen searches) is printed for the
project's own reader and the libraries that have one.

The candidates are development dependencies, so `make install` brings them all.

`--script cjk` measures the readers of Japanese (pykakasi, cutlet when installed,
`uv pip install cutlet unidic-lite`) and Chinese (pypinyin) against anyascii, on the pairs
of bench/cjk_pairs.py: each library alone (the name's legal forms removed, the reading
compared with the Latin name by `shared.romanisation.reading_key`), and the project's
matching (`name_similarity`, with the trade words translated).

`--script other` measures anyascii against the project's readers of Korean, Greek, Arabic,
Hebrew, Thai and Devanagari (bench/transliteration_other.py).

`--script national` measures the Russian scheme and anyascii against the project's
Mongolian and Belarusian readings, and the Latin -> Cyrillic spellings of both languages
(bench/transliteration_national.py).

    .venv/bin/python bench/transliteration.py [--script cyrillic|cjk|other|national] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cyrtranslit
import iuliia
import transliterate
from anyascii import anyascii
from rapidfuzz import fuzz

from shared.company_keys import name_key
from shared.transliteration import fold, to_cyrillic, to_latin

# (Cyrillic name, the Latin name the company uses)
PAIRS: tuple[tuple[str, str], ...] = (
    ("Яндекс", "Yandex"), ("Лаборатория Касперского", "Kaspersky Lab"),
    ("Ростелеком", "Rostelecom"), ("Сбербанк", "Sberbank"), ("Газпром", "Gazprom"),
    ("Лукойл", "Lukoil"), ("Мегафон", "MegaFon"), ("Тинькофф", "Tinkoff"),
    ("Аэрофлот", "Aeroflot"), ("Норникель", "Nornickel"), ("Северсталь", "Severstal"),
    ("Шереметьево", "Sheremetyevo"), ("Хабр", "Habr"), ("Циан", "Cian"), ("Озон", "Ozon"),
    ("Авито", "Avito"), ("ВкусВилл", "VkusVill"), ("Пятёрочка", "Pyaterochka"),
    ("Магнит", "Magnit"), ("Ситимобил", "Citymobil"), ("Эльдорадо", "Eldorado"),
    ("Роснефть", "Rosneft"), ("Татнефть", "Tatneft"), ("Сургутнефтегаз", "Surgutneftegas"),
    ("Новатэк", "Novatek"), ("Полюс", "Polyus"), ("Акрон", "Acron"), ("Фосагро", "PhosAgro"),
    ("Русал", "Rusal"), ("Мечел", "Mechel"), ("Евраз", "Evraz"), ("Металлоинвест", "Metalloinvest"),
    ("Сибур", "Sibur"), ("Уралкалий", "Uralkali"), ("Ростех", "Rostec"),
    ("Росатом", "Rosatom"), ("Камаз", "Kamaz"), ("Соллерс", "Sollers"), ("Газель", "Gazelle"),
    ("Лента", "Lenta"), ("Дикси", "Dixy"), ("Детский мир", "Detsky Mir"),
    ("Спортмастер", "Sportmaster"), ("Ситилинк", "Citilink"), ("Связной", "Svyaznoy"),
    ("Леруа Мерлен", "Leroy Merlin"), ("Иль Де Ботэ", "Il de Beaute"),
    ("Золотое яблоко", "Zolotoe Yabloko"), ("Альфа-Банк", "Alfa-Bank"), ("ВТБ", "VTB"),
    ("Открытие", "Otkritie"), ("Совкомбанк", "Sovcombank"), ("Райффайзенбанк", "Raiffeisenbank"),
    ("Промсвязьбанк", "Promsvyazbank"), ("Росбанк", "Rosbank"), ("Ингосстрах", "Ingosstrakh"),
    ("Ренессанс Страхование", "Renaissance Insurance"), ("Согаз", "Sogaz"),
    ("Аптека Ригла", "Rigla"), ("Фармстандарт", "Pharmstandard"), ("Биокад", "Biocad"),
    ("Р-Фарм", "R-Pharm"), ("Герофарм", "Geropharm"), ("Черкизово", "Cherkizovo"),
    ("Мираторг", "Miratorg"), ("Русагро", "Rusagro"), ("Эфко", "Efko"), ("Балтика", "Baltika"),
    ("Красное и белое", "Krasnoe & Beloe"), ("ЛитРес", "LitRes"), ("Кинопоиск", "Kinopoisk"),
    ("Иви", "Ivi"), ("Скайэнг", "Skyeng"), ("Нетология", "Netology"), ("Контур", "Kontur"),
    ("1С", "1C"), ("Позитив Текнолоджиз", "Positive Technologies"), ("Ланит", "Lanit"),
    ("Крок", "Croc"), ("Ай-Теко", "I-Teco"), ("Инфотекс", "InfoTeCS"),
    ("Шереметьево-Карго", "Sheremetyevo-Cargo"), ("Юлмарт", "Ulmart"), ("Билайн", "Beeline"),
    ("Ашан", "Auchan"), ("Щёлково Агрохим", "Shchelkovo Agrohim"), ("Жуковский", "Zhukovsky"),
    ("Хлебный дом", "Khlebny Dom"), ("Чистая линия", "Chistaya Liniya"),
    ("Объединённая авиастроительная корпорация", "United Aircraft Corporation"),
)  # fmt: skip


def _backends() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {"dossier (iuliia wikipedia)": to_latin}
    for scheme in ("WIKIPEDIA", "GOST_779", "BGN_PCGN", "YANDEX_MAPS", "MOSMETRO"):
        found[f"iuliia {scheme.lower()}"] = getattr(iuliia, scheme).translate
    found["transliterate ru"] = lambda text: transliterate.translit(text, "ru", reversed=True)
    found["cyrtranslit ru"] = lambda text: cyrtranslit.to_latin(text, "ru")
    found["anyascii"] = anyascii
    return found


def similarity(left: str, right: str) -> float:
    a, b = fold(name_key(left)), fold(name_key(right))
    if not a or not b:
        return 0.0
    return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) * 0.92) / 100


def accuracy(romanise: Callable[[str], str], line: float) -> tuple[float, float]:
    matched = sum(similarity(romanise(cyr), lat) >= line for cyr, lat in PAIRS)
    wrong = [(PAIRS[i][0], PAIRS[(i + 7) % len(PAIRS)][1]) for i in range(len(PAIRS))]
    false = sum(similarity(romanise(cyr), lat) >= line for cyr, lat in wrong)
    return matched / len(PAIRS), false / len(wrong)


def speed(romanise: Callable[[str], str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for cyr, _lat in PAIRS * 20:
            romanise(cyr)
        times.append((time.perf_counter() - started) / (len(PAIRS) * 20))
    return statistics.median(times) * 1e6


def _reverse() -> dict[str, Callable[[str], str]]:
    return {
        "dossier to_cyrillic": to_cyrillic,
        "transliterate ru": lambda text: transliterate.translit(text, "ru"),
        "cyrtranslit ru": lambda text: cyrtranslit.to_cyrillic(text, "ru"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--line", type=float, default=0.8, help="similarity counted a match")
    parser.add_argument(
        "--script", choices=("cyrillic", "cjk", "other", "national"), default="cyrillic"
    )
    args = parser.parse_args()
    if args.script == "national":
        from bench.transliteration_national import report as national_report

        national_report(args.rounds, args.line)
        return
    if args.script == "other":
        from bench.transliteration_other import report as other_report

        other_report(args.rounds, args.line)
        return
    if args.script == "cjk":
        from bench.transliteration_cjk import report

        report(args.rounds, args.line)
        return
    print(f"{len(PAIRS)} labelled pairs, match line {args.line}")
    rows = []
    for label, romanise in _backends().items():
        matched, false = accuracy(romanise, args.line)
        rows.append((label, matched, false, speed(romanise, args.rounds)))
    fastest = min(row[3] for row in rows)
    print(f"{'Cyrillic -> Latin':30} {'matched':>8} {'false':>7} {'us/name':>8} {'x fastest':>9}")
    for label, matched, false, micros in rows:
        print(f"{label:30} {matched:8.2f} {false:7.2f} {micros:8.1f} {micros / fastest:9.1f}")
    print(f"\n{'Latin -> Cyrillic':30} {'close':>8}")
    for label, cyrillic in _reverse().items():
        close = sum(
            fuzz.ratio(cyrillic(lat).casefold(), cyr.casefold()) >= 80 for cyr, lat in PAIRS
        )
        print(f"{label:30} {close / len(PAIRS):8.2f}")


if __name__ == "__main__":
    main()
