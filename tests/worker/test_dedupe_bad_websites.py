"""A website cell no URL parser takes (an unmatched bracket) is that row's problem only:
planning goes on, and the row is planned as one without a site."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from worker.dedupe import plan_rows

pytestmark = pytest.mark.unit


def test_cells_with_unmatched_brackets_plan_as_rows_without_a_domain() -> None:
    cells = ["http://[acme.com/about", "[acme.com", "acme]tools.com/x", "https://[::1/"]
    rows = [InputRow(row=n, name=f"Co {n}", website=cell) for n, cell in enumerate(cells)]
    rows.append(InputRow(row=len(cells), name="Acme", website="https://acme.com/"))
    planned = list(plan_rows(rows))
    assert [row.domain for row in planned] == [None] * len(cells) + ["acme.com"]
    assert [row.duplicate_of for row in planned] == [None] * len(planned)
