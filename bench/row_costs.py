"""CPU per row of the upload's parse and of planning, next to baselines in the same run.

No services: the work done per row, in this process. For the upload: splitting the CSV
into records (`csv.reader`, the floor no parse goes under) against the gateway's whole
parse into rows.jsonl lines, and the bytes it stores a row against the CSV's. For
planning: the planner's chunk lines from the rows as the upload stores them, and from the
same rows stored as `InputRow` objects (format 2, the sessions stored before format 3),
against the same rows through the models (`InputRow` read, `plan_rows`, `PlannedRow`
written), as planning did before. Planning is also timed on varied rows (`varied_line`):
names with punctuation, legal forms and other scripts, two rows in five without a website
(keyed by name, country, city and industry), and the memory the planner's memos of fact
cells hold at worst. Best of `--rounds`, CPU time (the steadier figure on a shared
machine). Runs in another checkout too (copied there), to compare the two.

    .venv/bin/python bench/row_costs.py [--rows 200000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.million_rows import company_line
from gateway.ingest.records import csv_records
from gateway.ingest.table import TableReader
from shared.rows import InputRow
from worker import dedupe
from worker.dedupe import Deduper, plan_rows
from worker.plan_stream import ChunkPlanner

# Parts of varied rows: each row draws one of each by its number, so every run and every
# checkout plans the same rows.
_BRANDS = ["Northwind", "Acme", "Müller Bäckerei", "Ромашка", "Peñalba", "O'Brien & Sons",
           "Blue Sky", "東京精機", "Nordlicht", "Kaya Gıda", "Smith-Jones", "Delta"]  # fmt: skip
_SLUGS = ["northwind", "acme", "mueller", "romashka", "penalba", "obrien", "bluesky", "seiki"]
_FORMS = ["", "", "", "Ltd", "Inc.", "GmbH", "S.A.", "Co., Ltd.", "LLC", "B.V.", "AG",
          "San. ve Tic. Ltd. Şti.", "Pty Ltd", "S.r.l."]  # fmt: skip
_LEADING = [""] * 12 + ["ООО", "PT"]
_CITIES = ["Berlin", "Lyon", "Saint-Étienne", "Москва", "São Paulo", "Springfield", "İzmir",
           "Kraków", "Osaka", "", "Austin", "Zürich", "Kyiv", "Lagos", "Pune", ""]  # fmt: skip
_COUNTRIES = ["Germany", "France", "FR", "Россия", "Brazil", "US", "Türkiye", "Poland",
              "Japan", "", "United States", "CH", "Ukraine", "NG", "India", "DE"]  # fmt: skip
_INDUSTRIES = ["", "Software", "Bakery", "Logistics", "Accounting", "Joinery", "Retail"]


def varied_line(n: int) -> str:
    """A row of a mixed list: two in five without a website."""
    name = " ".join(
        part
        for part in (
            _LEADING[n % len(_LEADING)],
            _BRANDS[n % len(_BRANDS)],
            str(n // 7),
            _FORMS[n % len(_FORMS)],
        )
        if part
    )
    site = "" if n % 5 < 2 else f"https://www.{_SLUGS[n % len(_SLUGS)]}-{n}.com/"
    city, country = _CITIES[n % len(_CITIES)], _COUNTRIES[n % len(_COUNTRIES)]
    return f'"{name}",{site},{city},{country},{_INDUSTRIES[n % len(_INDUSTRIES)]},{n}\n'


def stored_rows(lines: str, rows: int) -> bytes:
    """`rows.jsonl` as the upload stores the CSV text `lines`."""
    data = lines.encode()
    return b"".join(
        TableReader(rows + 1, 10_000).jsonl(csv_records(io.BytesIO(data), "utf-8", ","))
    )


def memo_mib() -> float | None:
    """Memory the planner's memos of fact cells hold at worst: every cell distinct, as long
    as a remembered cell can be, in Cyrillic (two bytes a letter). None: no such memos."""
    deduper = Deduper()
    place, country = getattr(deduper, "_place", None), getattr(deduper, "_country", None)
    if place is None or country is None:
        return None
    cells = 3 * getattr(dedupe, "CELL_MEMO", 0)
    width = getattr(dedupe, "MEMO_CELL_CHARS", 200)
    # Tables the keys build once per process (country names in every language) are not
    # the memos': built before memory is traced.
    place("Warm-up")
    country("Warm-up")
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(cells):
        place((f"{n:06d} " + "Промышленная отрасль " * 12)[:width])
        country((f"{n:06d} " + "Страна не названа " * 12)[:width])
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return held / 2**20


def best_cpu(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        began = time.process_time()
        work()
        times.append(time.process_time() - began)
    return min(times)


def main(args: argparse.Namespace) -> int:
    data = ("Company,Website,City,Ref\n" + "".join(map(company_line, range(args.rows)))).encode()

    def split_only() -> object:
        return sum(1 for _ in csv.reader(io.StringIO(data.decode(), newline="")))

    def parse() -> object:
        reader = TableReader(args.rows + 1, 10_000)
        return sum(map(len, reader.jsonl_blocks(csv_records(io.BytesIO(data), "utf-8", ","), 1000)))

    reader = TableReader(args.rows + 1, 10_000)
    rows_jsonl = b"".join(reader.jsonl(csv_records(io.BytesIO(data), "utf-8", ",")))
    models = TableReader(args.rows + 1, 10_000).rows(csv_records(io.BytesIO(data), "utf-8", ","))
    format_2 = b"".join(row.model_dump_json().encode() + b"\n" for row in models)

    def through_models() -> object:
        rows = (InputRow.model_validate_json(line) for line in format_2.splitlines())
        return sum(len(row.model_dump_json()) for row in plan_rows(rows))

    def chunk_lines(stored: bytes) -> Callable[[], object]:
        def plan() -> object:
            planner = ChunkPlanner(200)
            return len(planner.feed(stored)) + (planner.rest() is not None)

        return plan

    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    per_row = 1e6 / args.rows
    split = best_cpu(args.rounds, split_only) * per_row
    upload = best_cpu(args.rounds, parse) * per_row
    models_cpu = best_cpu(args.rounds, through_models) * per_row
    planned = best_cpu(args.rounds, chunk_lines(rows_jsonl)) * per_row
    planned_2 = best_cpu(args.rounds, chunk_lines(format_2)) * per_row
    varied = stored_rows(
        "Company,Website,City,Country,Industry,Ref\n" + "".join(map(varied_line, range(args.rows))),
        args.rows,
    )
    planned_varied = best_cpu(args.rounds, chunk_lines(varied)) * per_row
    print(f"{args.rows} rows, CPU us per row, best of {args.rounds}")
    print(f"upload: csv.reader split only (baseline)   {split:7.2f}")
    print(f"upload: parse into rows.jsonl lines        {upload:7.2f}  {upload / split:5.1f}x")
    print(
        f"upload: rows.jsonl bytes a row             {len(rows_jsonl) / args.rows:7.1f}  "
        f"{len(rows_jsonl) / len(data):5.2f}x the CSV's"
    )
    print(f"planning: through the models (baseline)    {models_cpu:7.2f}")
    print(
        f"planning: chunk lines                      {planned:7.2f}  {planned / models_cpu:5.2f}x"
    )
    print(
        f"planning: chunk lines from format 2 rows   {planned_2:7.2f}  "
        f"{planned_2 / models_cpu:5.2f}x"
    )
    print(f"planning: chunk lines, varied rows         {planned_varied:7.2f}")
    memo = memo_mib()
    if memo is not None:
        print(f"planning: fact-cell memos at worst, MiB     {memo:7.2f}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    sys.exit(main(parser.parse_args()))
