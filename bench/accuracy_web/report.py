"""The benchmark's printed figures: per input, the headline ratios, precision per
confidence band, and the failures by class with example rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from bench.accuracy_web.scoring import BANDS, UNSCORED, Score

KINDS = (
    "website_wrong",
    "website_missed",
    "linkedin_wrong",
    "linkedin_missed",
    "description_ungrounded",
    "description_missed",
)
_SHORT = ("web wrong", "web miss", "li wrong", "li miss", "desc ungr", "desc miss")


def headline(name: str, s: Score) -> Iterator[str]:
    r = Score.ratio
    yield f"== {name}: {s.rows} rows; statuses " + ", ".join(
        f"{k or '(none)'} {v}" for k, v in s.statuses.most_common()
    )
    yield (
        f"website precision {r(s.website_correct, s.website_filled):.3f} "
        f"({s.website_correct}/{s.website_filled})  "
        f"recall {r(s.website_found, s.website_truth):.3f} ({s.website_found}/{s.website_truth})  "
        f"canonical homepage {s.homepage_exact}/{s.website_correct}  "
        f"flagged dead or blocked {s.website_flagged}"
    )
    yield (
        f"linkedin accuracy {r(s.linkedin_correct, s.rows):.3f} ({s.linkedin_correct}/{s.rows})  "
        f"precision of filled {r(s.linkedin_filled_correct, s.linkedin_filled):.3f} "
        f"({s.linkedin_filled_correct}/{s.linkedin_filled})"
    )
    yield (
        f"description grounded in own site {r(s.description_grounded, s.description_expected):.3f} "
        f"({s.description_grounded}/{s.description_expected})  filled but not from own site "
        f"{s.description_ungrounded}"
    )
    yield (
        f"wrong-company rows {s.wrong_rows} (a wrong field at confidence >= 0.8: "
        f"{s.wrong_rows_high}; wrong fields without a confidence: {s.wrong_rows_unscored})"
    )
    if s.review_rows:
        yield (
            f"needs_review rows {s.review_rows}, "
            f"right website among candidates {s.review_with_truth}"
        )


def bands(s: Score) -> Iterator[str]:
    yield f"{'band':<12}{'website n':>10}{'prec':>7}{'linkedin n':>12}{'prec':>7}"
    for label in [label for _, label in BANDS] + [UNSCORED]:
        web = s.website_bands.get(label, [0, 0])
        link = s.linkedin_bands.get(label, [0, 0])
        if web[0] or link[0]:
            yield (f"{label:<12}{web[0]:>10}{_prec(web):>7}{link[0]:>12}{_prec(link):>7}")
    for label, counts in sorted(s.sources.items()):
        if "(no column)" not in label:
            yield f"source {label:<28} n {counts[0]:>4}  precision {_prec(counts)}"


def _prec(counts: list[int]) -> str:
    return f"{counts[1] / counts[0]:.2f}" if counts[0] else "-"


def by_class(s: Score, examples: int) -> Iterator[str]:
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for failure in s.failures:
        tally[failure.cls][failure.kind] += 1
    yield f"{'class':<26}{'rows':>5}" + "".join(f"{k:>11}" for k in _SHORT)
    for cls, rows in sorted(s.classes.items()):
        counts = tally.get(cls, Counter())
        yield f"{cls:<26}{rows:>5}" + "".join(f"{counts[k] or '':>11}" for k in KINDS)
    shown: Counter[tuple[str, str]] = Counter()
    for f in s.failures:
        if shown[(f.cls, f.kind)] >= examples:
            continue
        shown[(f.cls, f.kind)] += 1
        yield (
            f"  {f.cls} {f.key} {f.name!r}: {f.kind} expected {f.expected!r} got {f.got!r} "
            f"(confidence {f.confidence or '-'}, {f.status})"
        )


def summary(scores: dict[str, Score]) -> Iterator[str]:
    r = Score.ratio
    columns = ("web prec", "web rec", "li acc", "desc", "wrong", ">=0.8")
    yield f"{'input':<14}" + "".join(f"{c:>9}" for c in columns)
    for name, s in scores.items():
        yield (
            f"{name:<14}{r(s.website_correct, s.website_filled):>9.3f}"
            f"{r(s.website_found, s.website_truth):>9.3f}{r(s.linkedin_correct, s.rows):>9.3f}"
            f"{r(s.description_grounded, s.description_expected):>9.3f}{s.wrong_rows:>9}"
            f"{s.wrong_rows_high:>9}"
        )
