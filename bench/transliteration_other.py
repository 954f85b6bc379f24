"""`bench/transliteration.py --script other`: Korean, Greek, Arabic, Hebrew, Thai and
Devanagari names against the Latin names their companies use (bench/other_script_pairs.py).

Printed per script and candidate:

- matched: share of true pairs whose similarity reaches the match line;
- false: share of wrong pairs (each native name against every other company's Latin name
  of the same script) that reach it;
- us/name: microseconds to read one name (median of --rounds), and its ratio to anyascii
  measured in the same run.

Candidates: anyascii alone (the general fallback, its reading compared with the Latin
name by the same folded letters), and the project's readers with the matching that uses
them (`shared.other_scripts`: Korean jamo in Revised Romanization, Arabic and Hebrew
consonant skeletons, trade words in English). Script-specific libraries are measured when
installed (`uv pip install korean-romanizer hangul-romanize indic-transliteration`).
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable

from anyascii import anyascii
from rapidfuzz import fuzz

from bench.other_script_pairs import PAIRS
from shared.company_keys import name_key
from shared.other_scripts import readings, similarity
from shared.transliteration import fold


def _folded(latin: str, native_reading: str) -> float:
    a, b = fold(name_key(latin)), fold(name_key(native_reading))
    if not a or not b:
        return 0.0
    squashed = fuzz.ratio(a.replace(" ", ""), b.replace(" ", ""))
    return max(fuzz.token_sort_ratio(a, b), squashed) / 100


def _library(reader: Callable[[str], str]) -> Callable[[str, str], float]:
    return lambda latin, native: _folded(latin, reader(native))


def _candidates(
    script: str,
) -> dict[str, tuple[Callable[[str, str], float], Callable[[str], object]]]:
    found: dict[str, tuple[Callable[[str, str], float], Callable[[str], object]]] = {
        "anyascii": (_library(anyascii), anyascii),
        "dossier readers + matching": (similarity, readings.__wrapped__),
    }
    if script == "ko" and importlib.util.find_spec("korean_romanizer"):
        from korean_romanizer.romanizer import Romanizer  # type: ignore[import-not-found]

        def romanize(text: str) -> str:
            return str(Romanizer(text).romanize())

        found["korean-romanizer"] = (_library(romanize), romanize)
    if script == "hi" and importlib.util.find_spec("indic_transliteration"):
        from indic_transliteration import sanscript  # type: ignore[import-not-found]

        def itrans(text: str) -> str:
            return str(sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.ITRANS))

        found["indic-transliteration"] = (_library(itrans), itrans)
    return found


def _speed(read: Callable[[str], object], names: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for name in names * 20:
            read(name)
        times.append((time.perf_counter() - started) / (len(names) * 20))
    return statistics.median(times) * 1e6


def report(rounds: int, line: float) -> None:
    print(f"match line {line}; false pairs: every native name against the other Latin names")
    header = f"{'script':7}{'candidate':30}{'pairs':>6}{'matched':>9}{'false':>7}{'us/name':>9}"
    print(header + f"{'x anyascii':>11}")
    totals: dict[str, list[int]] = {}
    for script, pairs in PAIRS.items():
        names = [native for native, _ in pairs]
        base = None
        for label, (score, read) in _candidates(script).items():
            matched = sum(score(latin, native) >= line for native, latin in pairs)
            wrong = [(n, other) for n, _ in pairs for m, other in pairs if m != n]
            false = sum(score(latin, native) >= line for native, latin in wrong)
            micros = _speed(read, names, rounds)
            base = base or micros
            total = totals.setdefault(label, [0, 0, 0, 0])
            total[0] += matched
            total[1] += len(pairs)
            total[2] += false
            total[3] += len(wrong)
            print(
                f"{script:7}{label:30}{len(pairs):6}{matched / len(pairs):9.2f}"
                f"{false / len(wrong):7.3f}{micros:9.1f}{micros / base:11.1f}"
            )
    for label, (hits, count, misses, wrongs) in totals.items():
        print(f"{'all':7}{label:30}{count:6}{hits / count:9.2f}{misses / wrongs:7.3f}")
