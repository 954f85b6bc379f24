"""Criteria files: reading the table users write, and the rules of a product verdict."""

from __future__ import annotations

import pytest

from shared.criteria.model import Criterion, CriterionResult, CriterionType, Verdict
from shared.criteria.reading import CriteriaInvalid, check_name, criteria_from_table
from shared.criteria.rules import decide
from shared.errors import InvalidInput

pytestmark = pytest.mark.unit

HEADER = [
    "Product",
    "Target Audience",
    "Criteria Type",
    "Criteria",
    "Place",
    "Search Query",
    "Signals",
]
# fmt: off
ROWS = [
    ["CDN", "", "General", "Has a public website", "website", "", ""],            # r2
    ["", "", "General", "Serves users in several countries", "website", "", ""],  # r3
    ["", "", "General", "Publishes digital content", "website", "", ""],          # r4
    ["", "Game studios", "Qualification", "Makes video games", "website", "", ""],  # r5
    ["", "", "Mandatory", "Ships multiplayer", "search", "site:{website} multiplayer", ""],  # r6
    ["", "", "NTH", "Runs its own launcher", "website", "", "launcher"],          # r7
    ["", "", "Nice to Have", "Streams video", "website", "", ""],                 # r8
    ["", "Broadcasters", "Qualification", "Broadcasts TV", "website", "", ""],    # r9
    ["", "", "Mandatory", "Streams live events", "website", "", ""],              # r10
    [],
    ["Security", "", "general", "Has a login page", "website", "", ""],           # r12
]
# fmt: on


def results(**verdicts: Verdict) -> dict[str, CriterionResult]:
    return {cid: CriterionResult(criterion_id=cid, verdict=v) for cid, v in verdicts.items()}


P, F, N = Verdict.PASSED, Verdict.FAILED, Verdict.NO_DATA


def test_a_table_with_merged_cells_becomes_criteria_per_product_and_audience() -> None:
    criteria = criteria_from_table("cdn-2026", HEADER, ROWS)
    assert criteria.products() == ["CDN", "Security"]
    cdn = criteria.of_product("CDN")
    assert [c.id for c in cdn] == ["r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"]
    assert [c.audience for c in cdn] == ["", "", "", *["Game studios"] * 4, *["Broadcasters"] * 2]
    assert [c.type for c in cdn][5:7] == [CriterionType.NTH, CriterionType.NTH]
    assert cdn[4].query_for("acme.com") == "site:acme.com multiplayer"
    assert criteria.of_product("Security")[0].type is CriterionType.GENERAL


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        (["Product", "Criteria"], [["CDN", "x"]], "row 1: missing column(s) Criteria Type"),
        (HEADER, [["CDN", "", "Sometimes", "x", "", "", ""]], "row 2, column 'Criteria Type'"),
        (
            HEADER,
            [["CDN", "", "General", "a", "", "", ""], ["", "", "NTH", "", "", "", ""]],
            "row 3, column 'Criteria': the criterion is empty",
        ),
        (HEADER, [["", "", "General", "x", "", "", ""]], "row 2, column 'Product'"),
        (HEADER, [[], ["", "", "", "", "", "", ""]], "the file holds no criteria"),
        (HEADER, [["CDN", "", "General", "x" * 2001, "", "", ""]], "row 2, column 'Criteria'"),
    ],
)
def test_errors_name_the_row_and_column(
    header: list[str], rows: list[list[str]], message: str
) -> None:
    with pytest.raises(CriteriaInvalid) as raised:
        criteria_from_table("bad", header, rows)
    assert message in raised.value.message
    assert raised.value.code == "invalid_criteria"


def test_rows_below_a_header_further_down_keep_their_file_numbers() -> None:
    criteria = criteria_from_table("late", HEADER, ROWS[:2], header_row=4)
    assert [c.id for c in criteria.criteria] == ["r5", "r6"]
    with pytest.raises(CriteriaInvalid) as raised:
        criteria_from_table("late", HEADER, [[], ["CDN", "", "Often", "x"]], header_row=4)
    assert raised.value.message.startswith("row 6, column 'Criteria Type'")
    with pytest.raises(CriteriaInvalid) as missing:
        criteria_from_table("late", ["Product"], [], header_row=3)
    assert missing.value.message.startswith("row 3: missing column(s)")


@pytest.mark.parametrize("name", ["", "-cdn", ".cdn", "cdn\n", "c dn", "cdn/x", "x" * 65, "ж"])
def test_names_are_refused_unless_plain(name: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_name(name)
    assert raised.value.code == "invalid_criteria_name"


def test_plain_names_are_accepted() -> None:
    assert [check_name(n) for n in ("cdn", "CDN-2026.v2", "a_b", "9" * 64)]


def test_headers_match_whatever_their_case_and_spacing() -> None:
    header = ["product", "TARGET_AUDIENCE", "criteria type", "criteria"]
    criteria = criteria_from_table("loose", header, [["CDN", "Studios", "NTH", "x"]])
    assert criteria.criteria[0].audience == "Studios"


def cdn() -> list[Criterion]:
    return criteria_from_table("cdn", HEADER, ROWS).of_product("CDN")


def test_general_criteria_need_more_than_half() -> None:
    two_of_three = decide("CDN", cdn(), results(r2=P, r3=P, r4=F, r5=P))
    assert two_of_three.qualified
    one_of_three = decide("CDN", cdn(), results(r2=P, r3=N, r4=F, r5=P))
    assert not one_of_three.qualified
    assert "1 of 3" in one_of_three.reason
    assert one_of_three.audiences == []


def test_qualification_picks_audiences_and_mandatory_fails_only_on_evidence() -> None:
    games = decide("CDN", cdn(), results(r2=P, r3=P, r5=P, r6=N, r9=F))
    assert (games.qualified, games.audiences) == (True, ["Game studios"])  # no data tolerated
    failed = decide("CDN", cdn(), results(r2=P, r3=P, r5=P, r6=F, r9=F))
    assert not failed.qualified
    assert failed.reason == "a mandatory criterion failed for every qualified audience"
    both = decide("CDN", cdn(), results(r2=P, r3=P, r5=P, r9=P, r6=F))
    assert both.audiences == ["Broadcasters"]
    nobody = decide("CDN", cdn(), results(r2=P, r3=P, r5=N, r9=F))
    assert (nobody.qualified, nobody.reason) == (False, "no target audience qualified")


def test_nice_to_have_counts_for_qualified_audiences() -> None:
    verdict = decide("CDN", cdn(), results(r2=P, r3=P, r5=P, r7=P, r8=F, r9=F))
    assert (verdict.nth_score, verdict.nth_total) == (1, 2)
    assert [c.verdict for c in verdict.criteria][5:7] == [P, F]
    missing = [c for c in verdict.criteria if c.criterion_id == "r10"]
    assert missing[0].verdict is N  # every criterion is reported, answered or not
