"""Name-only rows of one name are duplicates only within one country."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from worker.dedupe import plan_rows

pytestmark = pytest.mark.unit


def test_one_name_in_two_countries_is_two_companies() -> None:
    rows = [
        InputRow(row=0, name="Nordlicht", facts={"country": "Germany"}),
        InputRow(row=1, name="Nordlicht GmbH", facts={"country": "DE"}),
        InputRow(row=2, name="Nordlicht", facts={"country": "France"}),
        InputRow(row=3, name="Nordlicht"),
        InputRow(row=4, name="NORDLICHT", facts={"country": "xyz"}),
        InputRow(row=5, name="Nordlicht", website="nordlicht.de", facts={"country": "FR"}),
        InputRow(row=6, name="Other", website="nordlicht.de", facts={"country": "DE"}),
    ]
    planned = list(plan_rows(rows))
    assert [p.duplicate_of for p in planned] == [None, 0, None, None, 3, None, 5]
    assert planned[2].facts == {"country": "France"}
