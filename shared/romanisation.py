"""Chinese and Japanese names read in Latin letters, to match a list's romanised name.

A Japanese company's list entry `Hokuto Seiko` is `株式会社北斗精工` on its own site; a
Chinese one's `Huarui Precision Machinery` is `华瑞精密机械有限公司`. Japanese is read in
Hepburn by pykakasi, Chinese in tone-less pinyin by pypinyin (chosen by measurement in
bench/transliteration.py). A name of kanji alone may be either language: both readings
are kept. Each is also read with its trade words translated (`精密机械` precision
machinery), as Chinese companies write their English names. A name in traditional
characters (Taiwan, Hong Kong) is also read in Wade-Giles, which companies there still
use (`永豐` Yung Feng, not pinyin's Yongfeng). Spelling variants of Hepburn
(`ō`/`ou`/`oh`, `m`/`n` before `b`, Kunrei-shiki's `si`/`tu`) and word breaks (`Hua Rui`,
`Huarui`) are folded by `reading_key`.

Only names with CJK letters get here: the dictionaries load on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, NamedTuple

from shared.cjk_trades import LEGAL_FORMS, STRUCTURE, TRADE_WORDS, TRADES

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
_JAPANESE_FORMS = re.compile("株式会社|有限会社|合同会社|合資会社|合名会社|[（(]株[）)]|㈱")
_CHINESE_FORMS = re.compile("有限公司|公司|集团|集團|股份")
# Applied in order to lower-case ASCII readings of Japanese, on both sides of a comparison.
_HEPBURN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"['\-]", ""), (r"nihon", "nippon"), (r"ou|oh(?![aeiouy])", "o"), (r"([aeiou])\1+", r"\1"),
        (r"ei(?=[^aeiou]|\b)", "e"), (r"m(?=[bpm])", "n"),
        (r"si", "shi"), (r"ti", "chi"), (r"tu", "tsu"), (r"(?<![scz])hu", "fu"), (r"zi", "ji"),
        (r"sy(?=[aou])", "sh"), (r"ty(?=[aou])", "ch"), (r"[zj]y(?=[aou])", "j"),
        (r"(?<=n)n(?=[^aeiouy]|\b)", ""), (r"(?<=[aeiou])h(?=[^aeiouy]|\b)", ""),
    )
)  # fmt: skip


class Reading(NamedTuple):
    text: str
    japanese: bool  # read as Japanese (Hepburn), else as Chinese (pinyin or Wade-Giles)
    wade_giles: bool = False


# Japanese and Chinese legal forms as romanised in Latin names (`Kabushiki Kaisha`),
# matched in a name key (lower case, punctuation gone).
READING_FORMS = re.compile(
    r"\b(kabushiki ?[kg]aisha|yugen ?[kg]aisha|godo ?[kg]aisha|k ?k|youxian ?gongsi|gufen|"
    r"co ltd|corporation|limited|group|holdings?)\b"
)


def has_cjk(text: str) -> bool:
    return not text.isascii() and bool(_CJK.search(text))


def _japanese(text: str) -> bool | None:
    """True for Japanese, False for Chinese, None when kanji alone cannot tell."""
    if _KANA.search(text) or _JAPANESE_FORMS.search(text):
        return True
    if _CHINESE_FORMS.search(text):
        return False
    return None


@functools.cache
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def _hepburn(text: str) -> str:
    return " ".join(item["hepburn"] for item in _kakasi().convert(text) if item["hepburn"])


# Other readings of a name's kanji words tried at most: each is one more guess to match.
MAX_OTHER_READINGS = 2


@functools.cache
def _kanwa() -> Any:
    from pykakasi.kanji import Kanwa

    return Kanwa()  # type: ignore[no-untyped-call]


def _other_hepburn(text: str) -> list[str]:
    """The name read with one kanji word read another way the dictionary knows (`紅葉`
    is kōyō to pykakasi, momiji to the company that chose it): pykakasi's dictionary
    holds every reading of a word and uses the first."""
    items = [item for item in _kakasi().convert(text) if item["hepburn"]]
    found: list[str] = []
    for index, item in enumerate(items):
        word = item["orig"]
        if len(word) < 2 or not _CJK.search(word) or _KANA.search(word):
            continue
        table = _kanwa().load(word[0]) or {}
        for yomi, condition in table.get(word, []):
            if condition is not None or yomi == item["hira"]:
                continue
            other = _hepburn(yomi)
            words = [each["hepburn"] for each in items]
            words[index] = other
            found.append(" ".join(words))
            if len(found) >= MAX_OTHER_READINGS:
                return found
    return found


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    # One run of hanzi is one word: `华瑞` is `huarui`, as the brand is spelled.
    return "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True))


def _wade_giles(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    # Syllables apart and without the aspiration mark, as `Yung Feng` and `Chang Hua` are
    # written in company names.
    return " ".join(s.replace("'", "") for s in lazy_pinyin(text, style=Style.WADEGILES))


def _traditional(text: str) -> bool:
    """Written with a traditional character: one the simplified charset (GB 2312) lacks
    and Big5 has."""
    for ch in _CJK_RUN.findall(text):
        for letter in ch:
            try:
                letter.encode("gb2312")
            except UnicodeEncodeError:
                try:
                    letter.encode("big5")
                except UnicodeEncodeError:
                    continue
                return True
    return False


def _read(text: str, reader: Any, translate: bool) -> str:
    def run(match: re.Match[str]) -> str:
        chunk = match.group(0)
        if not translate:
            return f" {reader(chunk)} "
        parts = TRADE_WORDS.split(chunk)
        words = TRADE_WORDS.findall(chunk)
        out = []
        for index, part in enumerate(parts):
            if part:
                out.append(reader(part))
            if index < len(words):
                out.append(TRADES[words[index]])
        return f" {' '.join(out)} "

    return " ".join(_CJK_RUN.sub(run, text).split())


_LONE_FORM = re.compile(r"^[株有]\s|\s[株有]$")


def strip_forms(name: str) -> str:
    """The name without its CJK legal forms (`株式会社`, `有限公司`) and group words
    (`集团`): lists leave them out as often as they write them (`Haier` for 海尔集团), so
    they are left out on both sides of a comparison (see `READING_FORMS`)."""
    # `(株)` whose brackets a name key has already dropped stands alone.
    text = _LONE_FORM.sub(" ", LEGAL_FORMS.sub(" ", name))
    for word in STRUCTURE:
        text = text.replace(word, " ")
    return " ".join(text.split()) or name


@functools.lru_cache(maxsize=2048)
def readings(name: str) -> tuple[Reading, ...]:
    """Latin readings of a name with CJK letters (none for one without): the romanisation
    and the one with trade words translated, in each language the letters may be."""
    if not has_cjk(name):
        return ()
    language = _japanese(name)
    text = strip_forms(name)
    readers = []
    if language is not False:
        readers.append(_hepburn)
    if language is not True:
        readers.append(_pinyin)
        if _traditional(text):
            readers.append(_wade_giles)
    found: list[Reading] = []
    for reader in readers:
        # Read with trade words translated only when it has some.
        for translate in (False, True) if TRADE_WORDS.search(text) else (False,):
            reading = Reading(
                _read(text, reader, translate), reader is _hepburn, reader is _wade_giles
            )
            if reading.text and reading not in found:
                found.append(reading)
    if language is not False:
        found += [Reading(other, True) for other in _other_hepburn(text)]
    return tuple(dict.fromkeys(found))


def reading_key(latin: str, japanese: bool = False) -> str:
    """Latin text without accents, marks and word breaks (`Hua Rui`, `Huarui` share
    `huarui`); for Japanese also folded over Hepburn variants: `Hokuto Seikou`, `hokuto
    seikō` and `Hokutoseiko` share one key."""
    decomposed = unicodedata.normalize("NFKD", latin.casefold())
    text = "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in " '-"))
    words = []
    for word in text.split():
        if japanese:
            for pattern, repl in _HEPBURN:
                word = pattern.sub(repl, word)
        words.append(word.replace("'", "").replace("-", ""))
    return "".join(words)


# Long vowels as company names write them (`Seikou` is spelled `Seiko`).
_PLAIN_VOWELS = re.compile(r"ou|oo|uu")


def search_reading(name: str, japanese: bool | None = None) -> str | None:
    """How the company likely writes its name in Latin letters, for a search: Japanese in
    Hepburn without long vowels, Chinese as pinyin brand and English trade words.
    `japanese`: what the row's country says of a name of kanji alone."""
    found = readings(name)
    if not found:
        return None
    chinese = [r.text for r in found if not r.japanese and not r.wade_giles]
    if chinese and (japanese is False or not any(r.japanese for r in found)):
        return chinese[-1]
    return _PLAIN_VOWELS.sub(lambda m: m.group(0)[0], found[0].text)


def search_readings(name: str, japanese: bool | None = None) -> list[str]:
    """`search_reading`, and for a name in traditional characters first its Wade-Giles
    reading with trade words in English (`永豐茶業` Yung Feng Tea): which one a company in
    Taiwan uses cannot be told from its characters, and kanji alone may be Japanese (whose
    reading stays second unless `japanese` says Chinese)."""
    wade = [r.text for r in readings(name) if r.wade_giles]
    if wade and japanese is not True:
        other = search_reading(name, japanese)
        return list(dict.fromkeys([wade[-1], *([other] if other else [])]))
    first = search_reading(name, japanese)
    if first is None:
        return []
    if japanese is not False and (others := _other_hepburn(strip_forms(name))):
        # `紅葉電機`: kōyō by the dictionary's first reading, Momiji Denki by its company.
        return [first, _PLAIN_VOWELS.sub(lambda m: m.group(0)[0], others[0])]
    return [first]
