"""Which row is a header, and which columns hold the company name and the website.

A header row is recognised by its cell names (English, Russian, and the words CRMs and
spreadsheets in other European and Asian languages write: `Firma`, `Empresa`, `Şirket`,
`Nazwa firmy`, `Webseite`, `Sitio web`, `公司名称`, `会社名`, `회사명`, ...). Without one, the
website column is the one whose values look like web addresses and the name column the
first other column, so a name-only file without a header is valid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.ingest.fact_columns import header_role
from shared.rows import RESULT_COLUMNS

_NAME_EXACT = {
    "company", "company name", "companyname", "name", "organisation", "organization",
    "organisation name", "organization name", "org", "firm", "business", "account",
    "account name", "brand", "employer", "компания", "название", "наименование",
    "организация", "название компании", "наименование организации", "имя", "фирма",
    "бренд", "клиент", "контрагент", "companies", "company title", "legal name",
    "name of company", "client", "customer", "компании", "название организации",
    # German, Dutch, French, Spanish, Portuguese, Italian, Polish, Czech, Turkish,
    # Indonesian, Vietnamese, Ukrainian
    "firma", "firmenname", "unternehmen", "unternehmensname", "bedrijf", "bedrijfsnaam",
    "entreprise", "société", "societe", "nom de l'entreprise", "raison sociale", "empresa",
    "nombre de la empresa", "razón social", "razon social", "nome da empresa",
    "razão social", "razao social", "azienda", "nome azienda", "ragione sociale",
    "nazwa firmy", "nazwa", "przedsiębiorstwo", "název firmy", "společnost", "şirket",
    "sirket", "şirket adı", "firma adı", "unvan", "perusahaan", "nama perusahaan",
    "công ty", "tên công ty", "компанія", "назва компанії", "підприємство",
    # Chinese (simplified, traditional), Japanese, Korean
    "公司", "公司名称", "公司名", "企业名称", "企业", "单位名称", "客户名称", "公司名稱",
    "企業名稱", "客戶名稱", "会社名", "企業名", "社名", "会社", "法人名", "取引先名",
    "회사명", "회사", "기업명", "업체명", "상호",
}  # fmt: skip
_NAME_PARTS = (
    "company", "compan", "organi", "компан", "назван", "наимен", "организ", "公司", "会社",
    "企业", "企業", "회사",
)  # fmt: skip
_WEBSITE_EXACT = {
    "website", "web site", "site", "url", "domain", "web", "homepage", "home page",
    "official website", "company website", "company url", "website url", "www", "link",
    "сайт", "веб сайт", "вебсайт", "домен", "адрес сайта", "ссылка", "урл", "сайт компании",
    "webseite", "internetseite", "internetadresse", "site web", "site internet", "sitio web",
    "página web", "pagina web", "sitio", "sito web", "sito", "strona www",
    "strona internetowa", "webová stránka", "web sitesi", "internet sitesi", "situs web",
    "situs", "trang web", "веб сайт компанії",
    "网站", "网址", "官网", "公司网站", "網站", "網址", "官網", "ウェブサイト", "ホームページ",
    "サイト", "웹사이트", "홈페이지", "사이트",
}  # fmt: skip
_WEBSITE_PARTS = ("website", "web site", "url", "domain", "сайт", "домен", "webseite", "sitio web")
# Keys the results API adds beside the columns of each row.
_RESERVED = ("row", "duplicate_of")
_LETTER = re.compile(r"[^\W\d_]")
_URLISH = re.compile(
    r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-zа-я]{2,24}(:\d+)?([/?#]\S*)?$", re.IGNORECASE
)


def _label(cell: str) -> str:
    return " ".join(re.sub(r"[_\-.:/]+", " ", cell.casefold()).split())


def is_website_label(cell: str) -> bool:
    label = _label(cell)
    return label in _WEBSITE_EXACT or any(part in label for part in _WEBSITE_PARTS)


def looks_like_url(value: str) -> bool:
    return bool(_URLISH.match(value.strip())) and " " not in value.strip()


def is_header(cells: Sequence[str]) -> bool:
    """A first row is a header when a cell is a known column name and none is a URL."""
    filled = [cell for cell in cells if cell]
    if not filled or any(looks_like_url(cell) for cell in filled):
        return False
    # Exact names only: a data row such as "Bright Company" must not pass for a header.
    return any(_label(cell) in _NAME_EXACT or _label(cell) in _WEBSITE_EXACT for cell in filled)


@dataclass(frozen=True)
class ColumnChoice:
    columns: list[str]
    name_index: int
    website_index: int | None


def _unique(names: Sequence[str]) -> list[str]:
    """Non-empty, distinct column names that cannot collide with the result columns."""
    taken: set[str] = set()
    out: list[str] = []
    for position, raw in enumerate(names, start=1):
        name = raw or f"Column_{position}"
        if name in RESULT_COLUMNS or name in _RESERVED:
            name = f"{name} (input)"
        candidate, suffix = name, 2
        while candidate.casefold() in taken:
            candidate, suffix = f"{name}_{suffix}", suffix + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def _name_rank(cell: str) -> int:
    """Lower is better: a company-ish label beats a plain `name` (maybe a contact's)."""
    label = _label(cell)
    if label not in _NAME_EXACT and header_role(cell) is not None:
        return 4  # "Company country" names a country, not the company
    if any(part in label for part in _NAME_PARTS):
        return 0 if label in _NAME_EXACT else 1
    return 2 if label in _NAME_EXACT else 3


def choose_from_header(header: Sequence[str]) -> ColumnChoice:
    website = next((i for i, cell in enumerate(header) if is_website_label(cell)), None)
    candidates = [i for i, cell in enumerate(header) if i != website and cell]
    name = min(candidates, key=lambda i: (_name_rank(header[i]), i)) if candidates else 0
    return ColumnChoice(_unique(header), name, website)


def has_letters(value: str) -> bool:
    return bool(_LETTER.search(value))


def choose_from_data(sample: Sequence[Sequence[str]], width: int) -> ColumnChoice:
    """Without a header: the website column is the most URL-like one (never the first),
    the name column the first other column that mostly holds words."""
    website: int | None = None
    best = 0.0
    for index in range(1, width):
        values = [row[index] for row in sample if index < len(row) and row[index]]
        if not values:
            continue
        share = sum(1 for value in values if looks_like_url(value)) / len(values)
        if share >= 0.5 and share > best:
            website, best = index, share
    name = next(
        (i for i in range(width) if i != website and _mostly_words(sample, i)),
        0 if website != 0 else 1,
    )
    return ColumnChoice(_unique([""] * width), name, website)


def _mostly_words(sample: Sequence[Sequence[str]], index: int) -> bool:
    values = [row[index] for row in sample if index < len(row) and row[index]]
    return bool(values) and sum(map(has_letters, values)) * 2 >= len(values)
