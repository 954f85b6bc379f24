"""`rows.jsonl` in every format it has been written in reads to the same rows; format 3
is the upload's cells once, its columns in a header."""

from __future__ import annotations

import io

import orjson
import pytest

from gateway.ingest.records import csv_records
from gateway.ingest.table import TableReader
from shared.rows import InputRow
from shared.rows_format import RowsHeader, RowsReader, given_line, read_rows

pytestmark = pytest.mark.unit

# Ragged rows (short, and wider than the header past the first rows), cells to clean, a
# recognised City column, a row with no website.
CSV = (
    "Company,Website,City,Ref\n"
    + "".join(f"Acme {n} Ltd,https://www.acme-{n}.com,Paris,{n}\n" for n in range(60))
    + "Short Co\n"
    + "  Beta\u00a0 GmbH ,,Lyon,7,late extra\n"
    + "Gamma,gamma.io,,8\n"
).encode()


def parsed(data: bytes) -> tuple[bytes, list[InputRow]]:
    lines = b"".join(TableReader(1_000, 1_000).jsonl(csv_records(io.BytesIO(data), "utf-8", ",")))
    rows = list(TableReader(1_000, 1_000).rows(csv_records(io.BytesIO(data), "utf-8", ",")))
    return lines, rows


def format_2(rows: list[InputRow]) -> bytes:
    return b"".join(row.model_dump_json().encode() + b"\n" for row in rows)


def format_1(rows: list[InputRow]) -> bytes:
    # Before facts were kept: the same objects without them.
    return b"".join(row.model_dump_json(exclude={"facts"}).encode() + b"\n" for row in rows)


def test_an_upload_reads_back_as_its_rows_from_format_3_and_from_the_formats_before() -> None:
    stored, rows = parsed(CSV)

    assert read_rows(stored) == rows
    assert read_rows(format_2(rows)) == rows
    assert read_rows(format_1(rows)) == [row.model_copy(update={"facts": {}}) for row in rows]
    # The rows past the header's columns, as the parse named them, and the facts.
    assert rows[61].original["Column_5"] == "late extra"
    assert (rows[61].name, rows[61].website, rows[61].facts) == (
        "Beta GmbH",
        None,
        {"city": "Lyon"},
    )
    # A row gets the columns known when it was read: none of the later ones.
    assert rows[60].original == {"Company": "Short Co", "Website": "", "City": "", "Ref": ""}
    assert rows[62].original["Column_5"] == ""
    assert rows[62].facts == {}


def test_format_3_holds_each_cell_once_and_the_columns_in_its_header() -> None:
    stored, rows = parsed(CSV)
    header, *lines = stored.splitlines()

    assert orjson.loads(header) == {
        "rows_format": 3,
        "columns": ["Company", "Website", "City", "Ref"],
        "name": 0,
        "website": 1,
        "facts": {"city": 2},
    }
    assert orjson.loads(lines[0]) == ["Acme 0 Ltd", "https://www.acme-0.com", "Paris", "0"]
    assert orjson.loads(lines[60]) == ["Short Co"]
    assert len(stored) < len(format_2(rows)) / 2


def test_rows_given_with_their_names_and_websites_and_whole_rows_read_in_order() -> None:
    columns = ["Company", "Group"]
    rows = [
        InputRow(row=0, name="Acme", website="acme.com", original={"Company": "A", "Group": "x"}),
        InputRow(row=1, name="Beta", original={"Company": "B", "Group": ""}),
        # Other columns than the header's: kept as a whole row.
        InputRow(row=2, name="Gamma", original={"Other": "G"}),
        InputRow(row=3, name="Delta", original={"Company": "D", "Group": "y"}, facts={"city": "X"}),
        InputRow(row=4, name="Eta", website="eta.io", original={"Company": "E", "Group": "z"}),
    ]
    stored = RowsHeader(columns, name=None).line() + b"".join(given_line(r, columns) for r in rows)

    assert read_rows(stored) == rows
    assert [orjson.loads(line).__class__ for line in stored.splitlines()[1:]] == [
        list,
        list,
        dict,
        dict,
        list,
    ]


@pytest.mark.parametrize(
    ("stored", "why"),
    [
        pytest.param(b'{"rows_format":4,"columns":[]}\n["a"]\n', "rows format 4", id="newer"),
        pytest.param(b'{"rows_format":3,"name":0}\n', "without its columns", id="no-columns"),
        pytest.param(
            b'{"rows_format":3,"columns":["A"],"name":"A"}\n', "wrong type", id="name-not-index"
        ),
        pytest.param(b'{"rows_format":3,"columns":["A"],"name":0}\n["a",1]\n', "not text"),
        pytest.param(b'{"row":0,"name":"A","original":{}}\n["a"]\n', "", id="cells-in-format-2"),
        pytest.param(
            b'{"rows_format":3,"columns":["A"],"name":null}\n[null]\n', "without its name"
        ),
        pytest.param(b"{not json\n", "", id="not-json"),
    ],
)
def test_lines_that_are_no_rows_are_refused(stored: bytes, why: str) -> None:
    with pytest.raises(ValueError, match=f"unreadable row in rows.jsonl: .*{why}"):
        read_rows(stored)


def test_a_header_is_read_only_as_the_first_line() -> None:
    late = b'{"row":0,"name":"A"}\n{"rows_format":3,"columns":["A"],"name":0}\n'
    with pytest.raises(ValueError, match="unreadable row"):
        read_rows(late)
    reader = RowsReader()
    assert reader.fields(b'{"rows_format":3,"columns":["A"],"name":0}') is None
    assert reader.fields(b'["Acme"]') == (
        {"row": 0, "name": "Acme", "website": None, "original": {"A": "Acme"}, "facts": {}},
        False,
    )
