"""`rows.jsonl` as the reader writes it (format 3: a header, then each row's cells): read
back, the rows the models give, for the awkward files users send (quoted newlines, a BOM,
semicolons, Windows-1251, ragged rows)."""

from __future__ import annotations

import io

import orjson
import pytest

from gateway.ingest.encoding import detect_delimiter, detect_encoding
from gateway.ingest.records import csv_records
from gateway.ingest.summary_rows import SUMMARY_ROWS
from gateway.ingest.table import TableReader
from shared.rows import InputRow
from shared.rows_format import ROWS_FORMAT, read_rows

pytestmark = pytest.mark.unit


def read(data: bytes) -> tuple[list[bytes], list[InputRow]]:
    encoding = detect_encoding(data)
    delimiter = detect_delimiter(data.decode(encoding, errors="ignore"))
    records = csv_records(io.BytesIO(data), encoding, delimiter)
    lines = list(TableReader(1_000, 1_000).jsonl(records))
    rows = list(TableReader(1_000, 1_000).rows(csv_records(io.BytesIO(data), encoding, delimiter)))
    return lines, rows


def assert_same_as_models(lines: list[bytes], rows: list[InputRow]) -> None:
    assert orjson.loads(lines[0])["rows_format"] == ROWS_FORMAT
    assert len(lines) == len(rows) + 1
    # Each row is its cells alone: no column name, no name or website written twice.
    assert all(orjson.loads(line).__class__ is list for line in lines[1:])
    assert read_rows(b"".join(lines)) == rows


def test_quoted_newlines_stay_in_their_cell_as_one_space() -> None:
    lines, rows = read(b'Company,Website\r\n"Acme\nTrading  Co",acme.com\r\nBeta,beta.io\r\n')
    assert_same_as_models(lines, rows)
    assert [row.name for row in rows] == ["Acme Trading Co", "Beta"]


def test_a_bom_does_not_reach_the_first_column_name() -> None:
    lines, rows = read("\ufeffCompany,Website\nAcme,acme.com\n".encode())
    assert_same_as_models(lines, rows)
    assert list(rows[0].original) == ["Company", "Website"]


def test_semicolon_files_split_on_semicolons() -> None:
    lines, rows = read("Компания;Сайт\nРомашка;romashka.ru\nВектор;vector.ru\n".encode())
    assert_same_as_models(lines, rows)
    assert rows[1].original == {"Компания": "Вектор", "Сайт": "vector.ru"}


def test_windows_1251_text_is_decoded() -> None:
    lines, rows = read("Компания,Сайт\nООО Ромашка,romashka.ru\n".encode("cp1251"))
    assert_same_as_models(lines, rows)
    assert rows[0].name == "ООО Ромашка"
    assert rows[0].website == "romashka.ru"


def test_short_and_long_rows_keep_every_cell() -> None:
    lines, rows = read(b"Company,Website\nAcme\nBeta,beta.io,extra\xc2\xa0 cell\n")
    assert_same_as_models(lines, rows)
    # The widest row of the first ones read sets the columns: the header gains a third.
    assert rows[0].original == {"Company": "Acme", "Website": "", "Column_3": ""}
    assert rows[1].original["Column_3"] == "extra cell"


def test_rows_past_the_sample_come_in_blocks_of_the_same_lines_and_counts() -> None:
    # Past the first 50 rows (the sample that chooses columns), the rows take the block
    # loop: blank rows, ragged rows, cells to clean and duplicate domains among them
    # (body[100] is row 98, after the two blank ones).
    body = [f"Acme {n},https://www.acme-{n % 40}.com,Paris,{n}" for n in range(130)]
    body[70], body[71], body[90] = "", ",,,", "  Beta\u00a0 Co ,beta.io"
    body[100] = "Gamma,gamma.io,Lyon,7,late extra,"
    data = ("Company,Website,City,Ref\n" + "\n".join(body) + "\n").encode()
    blocks_reader = TableReader(1_000, 1_000)
    blocks = list(blocks_reader.jsonl_blocks(csv_records(io.BytesIO(data), "utf-8", ","), 7))
    models_reader = TableReader(1_000, 1_000)
    rows = list(models_reader.rows(csv_records(io.BytesIO(data), "utf-8", ",")))
    lines = b"".join(blocks).splitlines(keepends=True)
    assert_same_as_models(lines, rows)
    # The header, the sample's rows and the first row past them, but the last five (held
    # back until later rows show they do not end the list, as summary rows would); then 7s.
    counts = [block.count(b"\n") for block in blocks]
    assert counts[0] == 51 - SUMMARY_ROWS
    assert set(counts[1:-1]) == {7}
    assert blocks_reader.stats == models_reader.stats
    assert blocks_reader.stats.rows == 128
    assert blocks_reader.stats.blank_rows_skipped == 2
    assert blocks_reader.stats.columns[-1] == "Column_5"
    assert rows[98].original["Column_5"] == "late extra"
    assert rows[98].facts == {"city": "Lyon"}
    assert rows[120].original["Column_5"] == ""
