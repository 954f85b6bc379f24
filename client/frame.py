"""Result rows as a pandas DataFrame."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd


def results_frame(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """One line per row, `columns` in their order, indexed by the row's position; the
    JSON-only `duplicate_of` stays out so the frame matches the CSV and XLSX files."""
    return pd.DataFrame(
        [[row.get(column) for column in columns] for row in rows],
        columns=list(columns),
        index=pd.Index([int(row["row"]) for row in rows], name="row"),
    )
