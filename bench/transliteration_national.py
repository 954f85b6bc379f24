"""`bench/transliteration.py --script national`: Mongolian and Belarusian Cyrillic names
against the Latin names their companies use (bench/national_cyrillic_pairs.py).

Printed per language and candidate:

- matched: share of true pairs whose similarity reaches the match line;
- false: how many wrong pairs (each Cyrillic name against every other company's Latin
  name of the same language) reach it;
- us/name: microseconds to read one name (median of --rounds), and its ratio to the
  Russian scheme measured in the same run.

Candidates: the Russian scheme alone (iuliia's Wikipedia scheme, `to_latin`, compared
after the project's spelling fold), anyascii, and the project's matching
(`name_similarity`, which adds the language's own readings of `shared.national_cyrillic`).
Then the reverse, used only to widen searches: the Latin names spelled in Cyrillic by the
Russian reading (`to_cyrillic`), by the language's own (`shared.national_spellers`) and
by either (both are searched), counted exact (after the search engines' fold of marks)
and close (ratio >= 80).
"""

from __future__ import annotations

import statistics
import time
import unicodedata
from collections.abc import Callable

from anyascii import anyascii
from rapidfuzz import fuzz

from bench.national_cyrillic_pairs import BELARUSIAN, MONGOLIAN
from shared.company_keys import name_key
from shared.national_cyrillic import readings
from shared.national_spellers import cyrillic_spelling
from shared.transliteration import fold, to_cyrillic, to_latin
from worker.pipeline.matching import name_similarity

LANGUAGES = {"mn": ("MN", MONGOLIAN), "be": ("BY", BELARUSIAN)}


def _folded(reader: Callable[[str], str]) -> Callable[[str, str], float]:
    def score(native: str, latin: str) -> float:
        a, b = fold(name_key(reader(native))), fold(name_key(latin))
        if not a or not b:
            return 0.0
        return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) * 0.92) / 100

    return score


def _candidates() -> dict[str, tuple[Callable[[str, str], float], Callable[[str], object]]]:
    return {
        "russian scheme (to_latin)": (_folded(to_latin), to_latin),
        "anyascii": (_folded(anyascii), anyascii),
        "dossier readings + matching": (name_similarity, readings.__wrapped__),
    }


def _speed(read: Callable[[str], object], names: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for name in names * 20:
            read(name)
        times.append((time.perf_counter() - started) / (len(names) * 20))
    return statistics.median(times) * 1e6


def _engine_fold(text: str) -> str:
    """As search engines compare: case and marks aside (`ў` is `у` to them)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def report(rounds: int, line: float) -> None:
    print(f"match line {line}; false pairs: every Cyrillic name against the other Latin names")
    header = f"{'lang':6}{'candidate':30}{'pairs':>6}{'matched':>9}{'false':>10}{'us/name':>9}"
    print(header + f"{'x russian':>10}")
    for language, (_, pairs) in LANGUAGES.items():
        names = [native for native, _ in pairs]
        base = None
        for label, (score, read) in _candidates().items():
            matched = sum(score(native, latin) >= line for native, latin in pairs)
            wrong = [(n, other) for n, _ in pairs for m, other in pairs if m != n]
            false = sum(score(native, latin) >= line for native, latin in wrong)
            micros = _speed(read, names, rounds)
            base = base or micros
            print(
                f"{language:6}{label:30}{len(pairs):6}{matched / len(pairs):9.2f}"
                f"{f'{false}/{len(wrong)}':>10}{micros:9.1f}{micros / base:10.1f}"
            )
        score = _candidates()["dossier readings + matching"][0]
        missed = [f"{native} / {latin}" for native, latin in pairs if score(native, latin) < line]
        print(f"{language:6}not matched by the project: {'; '.join(missed) or 'none'}")
    print(f"\n{'Latin -> Cyrillic':36}{'exact':>8}{'close':>8}")
    for language, (country, pairs) in LANGUAGES.items():
        for label, spell in (
            ("russian reading (to_cyrillic)", to_cyrillic),
            ("own spelling (national_spellers)", lambda key, c=country: cyrillic_spelling(key, c)),
        ):
            spelled = [(spell(name_key(latin)) or "", name_key(native)) for native, latin in pairs]
            exact = sum(_engine_fold(a) == _engine_fold(b) for a, b in spelled)
            close = sum(fuzz.ratio(_engine_fold(a), _engine_fold(b)) >= 80 for a, b in spelled)
            print(f"{language:4}{label:32}{exact / len(pairs):8.2f}{close / len(pairs):8.2f}")
        # Both are searched: a name is found when either spells it.
        either = [
            max(
                fuzz.ratio(_engine_fold(spelled), _engine_fold(name_key(native)))
                for spelled in (
                    to_cyrillic(name_key(latin)),
                    cyrillic_spelling(name_key(latin), country) or "",
                )
            )
            for native, latin in pairs
        ]
        both_exact = sum(score == 100 for score in either) / len(pairs)
        both_close = sum(score >= 80 for score in either) / len(pairs)
        print(f"{language:4}{'either (both are searched)':32}{both_exact:8.2f}{both_close:8.2f}")
