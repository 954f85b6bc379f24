"""Summary rows at the end of a sheet ("Total", "Итого", "合计") told from companies.

Exported sheets often end with a row adding up the columns above. Such a row is no
company, but a company may well be called "Total". The signal is the row's shape, not
its name alone: only rows after the last company are looked at, and one is a summary
when a cell (the name cell, or the only labelled cell when the name cell is empty) says
total in one of many languages, it has no website, and every other filled cell is a
number (at least one, when the label is in the name cell).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Most trailing rows looked at: a total, a grand total, a count, an average ...
SUMMARY_ROWS = 5

# "Total" and its kin, as spreadsheet exports and pivot tables label them, casefolded.
TOTAL_WORDS = frozenset(
    (
        # English
        "total", "totals", "grand total", "sum", "sum total", "subtotal", "sub-total",
        "sub total", "overall total", "total sum",
        # German, Dutch, Scandinavian, Finnish
        "gesamt", "summe", "gesamtsumme", "insgesamt", "gesamtergebnis", "gesamtbetrag",
        "zwischensumme", "totaal", "eindtotaal", "generaal totaal", "subtotaal", "som",
        "summa", "totalt", "i alt", "yhteensä",
        # French, Spanish, Portuguese, Italian, Romanian, Catalan
        "total général", "total general", "totaux", "somme", "sous-total", "totales",
        "suma", "suma total", "total geral", "soma", "totale", "totale generale",
        "totale complessivo", "somma", "subtotale", "totaluri",
        # Polish, Czech, Slovak, Hungarian, Turkish, Indonesian, Vietnamese
        "razem", "ogółem", "suma końcowa", "celkem", "součet", "spolu", "súčet",
        "összesen", "végösszeg", "toplam", "genel toplam", "jumlah", "tổng", "tổng cộng",
        # Russian, Ukrainian, Belarusian, Bulgarian, Serbian
        "итого", "итог", "всего", "общий итог", "сумма", "разом", "усього",
        "всього", "підсумок", "загальний підсумок", "разам", "усяго", "общо", "укупно",
        # Chinese, Japanese, Korean
        "合计", "合計", "总计", "總計", "小计", "小計", "总和", "總和", "共计", "共計",
        "総計", "総合計", "합계", "총계", "총합계", "소계",
        # Greek, Hebrew, Arabic, Hindi, Thai
        "σύνολο", "סה\"כ", "סך הכל", "المجموع", "الإجمالي", "कुल", "รวม", "ยอดรวม",
    )
)  # fmt: skip

# Around the label: "Total:", "*Total*", "— Total —", "(Total)".
_LABEL_EDGES = " \t:：.。*·-–—=()[]（）"
# A number as sheets write it: signs, currency, thousands separators, decimals, percent,
# accounting parentheses; at least one digit.
_NUMBER = re.compile(
    r"[-+−(]?\s*[$€£¥₽₩₹¤]?\s*[-+−]?\d[\d\s\u00a0\u202f.,']*\s*(?:[$€£¥₽₩₹¤%]|[A-Z]{3})?\)?"
)


def is_total_label(cell: str) -> bool:
    return " ".join(cell.casefold().strip(_LABEL_EDGES).split()) in TOTAL_WORDS


def is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None


def is_summary_row(record: Sequence[str], name_index: int, website_index: int | None) -> bool:
    """A total label where the name belongs (or alone in the row when the name cell is
    empty), no website, and nothing else but numbers."""
    if website_index is not None and website_index < len(record) and record[website_index]:
        return False
    name = record[name_index] if name_index < len(record) else ""
    if name:
        if not is_total_label(name):
            return False
        others = [cell for i, cell in enumerate(record) if cell and i != name_index]
        if not others:
            # A name and nothing else is as much a company called Total as a label: kept,
            # since a row left out is lost and a company too many is only one row more.
            return False
    else:
        labels = [i for i, cell in enumerate(record) if cell and not is_number(cell)]
        if len(labels) != 1 or not is_total_label(record[labels[0]]):
            return False
        others = [cell for i, cell in enumerate(record) if cell and i != labels[0]]
    return all(map(is_number, others))


def summary_tail(
    records: Sequence[Sequence[str]], name_index: int, website_index: int | None
) -> int:
    """How many of the last records (at most `SUMMARY_ROWS`) are summary rows."""
    count = 0
    for record in reversed(records[-SUMMARY_ROWS:]):
        if not is_summary_row(record, name_index, website_index):
            break
        count += 1
    return count
