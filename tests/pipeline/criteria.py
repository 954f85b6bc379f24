"""Criteria for qualification tests, written for the site farm's StreamForge.

Signals steer the fake model (tests/pipeline/fakes/llm.py): `word` passes on the sentence
holding it, `!word` fails on it, `~word` passes with a quote that is on no page.
"""

from __future__ import annotations

from shared.criteria.model import CriteriaFile, Criterion, CriterionType, SessionCriteria
from shared.models import QualificationOptions, SessionOptions

GENERAL = CriterionType.GENERAL
QUALIFICATION = CriterionType.QUALIFICATION
MANDATORY = CriterionType.MANDATORY
NTH = CriterionType.NTH
GAMES = "Game studios"
TV = "Broadcasters"
PLATFORMS = "Platforms"


def criterion(
    line: int,
    product: str,
    kind: CriterionType,
    text: str,
    signals: str,
    audience: str = "",
    **extra: str,
) -> Criterion:
    return Criterion(
        id=f"r{line}",
        product=product,
        audience=audience,
        type=kind,
        text=text,
        signals=signals,
        **extra,
    )


CDN = [
    # General: two of three pass, a majority.
    criterion(2, "CDN", GENERAL, "Delivers video to end users", "video streaming"),
    criterion(3, "CDN", GENERAL, "Reaches a global audience", "40 countries"),
    criterion(4, "CDN", GENERAL, "Publishes a status page", "status page"),
    criterion(5, "CDN", QUALIFICATION, "Serves game studios", "game studios", GAMES),
    criterion(6, "CDN", QUALIFICATION, "Serves TV broadcasters", "broadcast", TV),
    criterion(7, "CDN", MANDATORY, "Has an online player base", "players", GAMES),
    # No data on a mandatory criterion is tolerated.
    criterion(8, "CDN", MANDATORY, "Holds ISO 27001", "iso 27001", GAMES),
    criterion(9, "CDN", NTH, "Runs live events", "live events", GAMES),
    criterion(
        10,
        "CDN",
        NTH,
        "Founded by game developers",
        "former game developers",
        GAMES,
        place="Search",
        search_query="{website} reviews",
    ),
    # The model's quote for this one is on no page: no data.
    criterion(11, "CDN", NTH, "Listed on a stock exchange", "~stock exchange", GAMES),
    # Passes, but its audience does not qualify, so it does not count.
    criterion(12, "CDN", NTH, "Runs a TV channel", "video streaming", TV),
]
SECURITY = [
    criterion(14, "Security", GENERAL, "Serves business customers", "customers"),
    criterion(15, "Security", QUALIFICATION, "Operates an online platform", "platform", PLATFORMS),
    # Evidence that it fails: the audience, and so the product, is out.
    criterion(
        16,
        "Security",
        MANDATORY,
        "Operates its own data centres",
        "!does not operate its own data centres",
        PLATFORMS,
    ),
    criterion(17, "Security", MANDATORY, "Has a security team", "security team", PLATFORMS),
]
ADS = [
    criterion(18, "Ads", GENERAL, "Sells advertising", "advertising"),
    criterion(19, "Ads", GENERAL, "Has a mobile app", "mobile app"),
    # Its quote starts like a spreadsheet formula.
    criterion(20, "Ads", GENERAL, "Explains formulas", "formula here"),
]
CRITERIA = SessionCriteria(files=[CriteriaFile(name="sales", criteria=[*CDN, *SECURITY, *ADS])])
ONLY_CDN = SessionCriteria(files=CRITERIA.files, products=["CDN"])


def qualifying(qualify_only: bool = False, **options: bool) -> SessionOptions:
    qualification = QualificationOptions(criteria=["sales"], qualify_only=qualify_only)
    return SessionOptions(qualification=qualification, **options)
