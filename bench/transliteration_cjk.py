"""The Japanese and Chinese half of bench/transliteration.py (see there)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from anyascii import anyascii
from rapidfuzz import fuzz

from bench.cjk_pairs import CHINESE_PAIRS, JAPANESE_PAIRS
from shared.company_keys import name_key
from shared.romanisation import READING_FORMS, reading_key, readings, strip_forms
from worker.pipeline.matching import READING_MATCH, name_similarity

Pairs = tuple[tuple[str, str], ...]


def _candidates(japanese: bool) -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {}
    if japanese:
        import pykakasi

        kakasi = pykakasi.kakasi()  # type: ignore[no-untyped-call]
        found["pykakasi (hepburn)"] = lambda text: " ".join(
            item["hepburn"] for item in kakasi.convert(text)
        )
        try:
            import cutlet

            katsu = cutlet.Cutlet()
            found["cutlet (hepburn)"] = katsu.romaji
        except ImportError:  # a heavy dictionary: measured when installed by hand
            print("cutlet not installed: left out")
    else:
        from pypinyin import Style, lazy_pinyin

        found["pypinyin (tone-less)"] = lambda text: "".join(
            lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)
        )
    found["anyascii (baseline)"] = anyascii
    return found


def _library_similarity(romanise: Callable[[str], str], japanese: bool) -> Callable[..., float]:
    def score(cjk: str, latin: str) -> float:
        left = reading_key(READING_FORMS.sub(" ", name_key(latin)), japanese)
        right = reading_key(romanise(strip_forms(cjk)), japanese)
        return fuzz.ratio(left, right) / 100 * READING_MATCH if left and right else 0.0

    return score


def _accuracy(score: Callable[[str, str], float], pairs: Pairs, line: float) -> tuple[float, float]:
    matched = sum(score(cjk, lat) >= line for cjk, lat in pairs)
    wrong = [(pairs[i][0], pairs[(i + 7) % len(pairs)][1]) for i in range(len(pairs))]
    false = sum(score(cjk, lat) >= line for cjk, lat in wrong)
    return matched / len(pairs), false / len(wrong)


def _speed(romanise: Callable[[str], object], pairs: Pairs, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for cjk, _lat in pairs * 5:
            romanise(strip_forms(cjk))
        times.append((time.perf_counter() - started) / (len(pairs) * 5))
    return statistics.median(times) * 1e6


def report(rounds: int, line: float) -> None:
    uncached = readings.__wrapped__
    for label, pairs, japanese in (
        ("Japanese", JAPANESE_PAIRS, True),
        ("Chinese", CHINESE_PAIRS, False),
    ):
        print(f"\n{label}: {len(pairs)} labelled pairs, match line {line}")
        rows = []
        for name, romanise in _candidates(japanese).items():
            romanise(strip_forms(pairs[0][0]))  # dictionaries loaded before timing
            matched, false = _accuracy(_library_similarity(romanise, japanese), pairs, line)
            rows.append((name, matched, false, _speed(romanise, pairs, rounds)))
        matched, false = _accuracy(lambda cjk, lat: name_similarity(lat, cjk), pairs, line)
        rows.append(("dossier matching", matched, false, _speed(uncached, pairs, rounds)))
        base = rows[-2][3]
        print(f"{'reader':30} {'matched':>8} {'false':>7} {'us/name':>8} {'x anyascii':>10}")
        for name, matched, false, micros in rows:
            print(f"{name:30} {matched:8.2f} {false:7.2f} {micros:8.1f} {micros / base:10.1f}")
