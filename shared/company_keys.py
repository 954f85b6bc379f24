"""The keys that make two rows the same company: the registered domain, else the name key.

The gateway's upload summary counts duplicate domains and the worker's planner marks
duplicate rows with these functions, so both see the same duplicates.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import tldextract
from cleanco.clean import strip_punct

from shared.legal_forms import basename, words_kept
from shared.public_suffix import UNSURE, SuffixWalk
from shared.transliteration import skeleton

# The bundled public-suffix snapshot: no network access, ever.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_WALK = SuffixWalk(_EXTRACT)
# A word's letters with their vowel signs and points: Devanagari and Thai write vowels as
# combining marks (`नर्मदा`, `รุ่งเรือง`), which `\w` alone would cut words at.
# `\w` leaves out the vowel signs and viramas of the Indic and Southeast Asian scripts
# (they are marks, not letters): a word of them is their whole blocks, Bengali to Sinhala,
# Lao, Myanmar and Khmer, beside Devanagari's and Thai's marks.
WORD = re.compile(
    r"[\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0903"
    r"\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    r"\u0980-\u0dff\u0e81-\u0eff\u1000-\u109f\u1780-\u17dd]+"
)
_WORDS = WORD
# Russian, Kazakh and Ukrainian legal forms come first ("ООО Ромашка", "ЖШС «Ақжол»",
# "ТОВ «Дністер»"); cleanco only knows trailing ones.
# Indonesia's `PT` and Vietnam's `Công ty TNHH` / `Công ty Cổ phần` come first too.
_LEADING_LEGAL_FORM = re.compile(
    r"^(?:ооо|оао|зао|пао|ао|ип|нко|тоо|жшс|тов|pt\.?|công ty (?:tnhh|cổ phần)(?: mtv)?|ctcp)\s+",
    re.IGNORECASE,
)
# The same forms as words, unaccented as slugs write them (`dameco-cong-ty-co-phan-...`):
# found after other words, they stand between a brand and the company's full name.
_INNER_LEGAL_FORMS: tuple[tuple[str, ...], ...] = (
    ("cong", "ty", "tnhh", "mtv"), ("cong", "ty", "tnhh"), ("cong", "ty", "co", "phan"),
    ("ctcp",), ("pt",), ("ооо",), ("оао",), ("зао",), ("пао",), ("тоо",), ("жшс",),
    ("тов",), ("ooo",), ("too",), ("tov",),
)  # fmt: skip
_UNDECOMPOSED = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ı": "i"})


def _unmarked(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def named_after_form(text: str) -> str:
    """The words after a legal form that names put first, when other words come before it
    (`DAMECO Công ty Cổ phần Cơ khí Đông Á`, the slug `dameco-cong-ty-co-phan-co-khi-dong-a`,
    `Indomaret PT Indomarco Prismatama`): the company's full name after its brand, or ""."""
    words = WORD.findall(text)
    plain = [_unmarked(w) for w in words]
    for start in range(1, len(words) - 1):
        for form in _INNER_LEGAL_FORMS:
            end = start + len(form)
            if end < len(words) and tuple(plain[start:end]) == form:
                return " ".join(words[end:])
    return ""


# Trailing forms cleanco does not know: Turkish (`San. ve Tic. A.Ş.`, `Ltd. Şti.`),
# Brazilian (`S/A`, `Ltda.`, `EIRELI`), Indonesian (`Tbk`), Polish partnerships (`s.c.`,
# `sp.j.`, `sp.k.`). Several may follow each other: `Gıda San. ve Tic. Ltd. Şti.`; lists
# typed without marks write `Ltd Sti`, `A S`.
_MORE_TRAILING_FORM = re.compile(
    r"(?:[\s,]+(?:san\.?\s*(?:ve\s*)?tic\.?|tic\.?|ltd\.?\s*[şs]ti\.?|şti\.?|sti\.|a\.?\s?[şs]\.?|"
    r"s/a|ltda\.?|eireli|tbk\.?|s\.\s?c\.|sp\.\s?[jk]\.))+\s*$",
    re.IGNORECASE,
)
# The last words those forms end with: most names end in none, and skip the pattern.
_MORE_FORM_ENDS = frozenset({
    "tic", "tic.", "şti", "şti.", "sti", "sti.", "a.ş.", "a.ş", "ş.", "ş", "s", "a.s.",
    "s/a", "ltda", "ltda.",
    "eireli", "tbk", "tbk.", "s.c.", "c.", "sp.j.", "sp.k.", "j.", "k.",
})  # fmt: skip


# Direction marks and embeddings (right-to-left pages put them around names and numbers),
# the zero-width space, the byte-order mark and the soft hyphen: invisible, and in a name
# or a description they only stop it from matching itself. (Zero-width joiners and
# non-joiners shape Indic and Persian words, and stay.)
# Removed by a pattern: `str.translate` with a table looks every character of a non-ASCII
# text up one by one, about 40x the pattern's cost on a 20 KB page's text.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


def clean_text(value: str) -> str:
    """NFKC (full-width letters and digits become ASCII), invisible marks removed, inner
    whitespace one space, trimmed."""
    # ASCII text is its own NFKC form; `str.split` splits on exactly what `\s` matches.
    if not value.isascii():
        value = _INVISIBLE.sub("", unicodedata.normalize("NFKC", value))
    return " ".join(value.split())


def _without_forms(text: str) -> str:
    """`text` without its trailing legal forms: cleanco's, then those it does not know."""
    stripped = basename(text).strip(" ,.")
    if not stripped or stripped.rsplit(None, 1)[-1].casefold() not in _MORE_FORM_ENDS:
        return stripped
    return _MORE_TRAILING_FORM.sub("", stripped).strip(" ,.") or stripped


def fresh_name_key(name: str) -> str:
    """Case-, punctuation- and legal-suffix-insensitive key of a company name.

    `Acme, Inc.` and `ACME` share a key; a name that is nothing but a legal form keeps it.
    Not cached: planning keys every row's name once, where a cache only costs.
    """
    cleaned = clean_text(name)
    if _PLAIN_WORDS.fullmatch(cleaned):
        plain = _plain_name_key(cleaned)
        if plain is not None:
            return plain
    text = _LEADING_LEGAL_FORM.sub("", cleaned)
    for _ in range(3):  # "Capcom Co., Ltd." carries two legal forms
        stripped = _without_forms(text)
        if not stripped or stripped == text or _cut_in_word(text, stripped):
            break
        text = stripped
    words = _WORDS.findall(_folded(text))
    return " ".join(words) or " ".join(_WORDS.findall(_folded(clean_text(name))))


# A cleaned name of ASCII words one space apart, each letters and digits, maybe joined by
# `.`, `,` or `-` and ended by dots and commas (`Northwind Trading 0000001 Ltd`, `Acme,
# Inc.`, `Foo Co., Ltd.`, `Bar S.A.`): most names of most lists. Its key is found from
# its words once, instead of from its text again at every step (5-10 us a name).
# Possessive: a word's runs of letters and digits are whole in any match, and the pattern
# costs a third less without the backtracking.
_PLAIN_WORDS = re.compile(
    r"[A-Za-z0-9]++(?:[.,-][A-Za-z0-9]++)*+[.,]*+"
    r"(?: [A-Za-z0-9]++(?:[.,-][A-Za-z0-9]++)*+[.,]*+)*+"
)


def _plain_name_key(text: str) -> str | None:
    """`fresh_name_key` of a cleaned name of plain words (`_PLAIN_WORDS`), by the same
    steps on its words: the leading form, then up to three rounds of cleanco's trailing
    forms. None when a form cleanco does not know may end it (`_MORE_FORM_ENDS`): the
    text's steps decide."""
    if text[:1] in "pPcC":  # of the leading forms, only `PT` and `CTCP` are ASCII
        text = _LEADING_LEGAL_FORM.sub("", text)
    lowered = text.lower()
    words = lowered.split(" ")
    # As cleanco compares them: every word keeps a letter or digit, so none vanishes.
    marked = "." in lowered or "," in lowered or "-" in lowered
    compared: list[str] = strip_punct(lowered).split(" ") if marked else words
    kept = len(words)
    # A round that only takes the dots and commas ending the name leaves its words as
    # they were, and the round after it removes nothing: a round without a form ends.
    for _ in range(3):
        left = words_kept(compared, kept)
        if not left:
            break  # a name that is nothing but legal forms keeps them
        if words[left - 1].rstrip(".,") in _MORE_FORM_ENDS:
            return None
        if left == kept:
            break
        kept = left
    if not marked:
        return " ".join(words[:kept])
    # `.`, `,` and `-` cut words as `_WORDS` reads them.
    return " ".join(_WORDS.findall(" ".join(words[:kept])))


def _folded(text: str) -> str:
    """Case-folded, Turkish `İ` as `i`: it folds to `i` and a combining dot, which no text
    writing `İ` matches again (a pattern ignoring case reads `İ` as `i`). A zero-width
    joiner inside a word (Sinhala's `ප්‍ර` pra, `ශ්‍රී` sri) only shapes how its letters
    are drawn: the key leaves it out, so the word stays whole and is read as one."""
    return text.casefold().replace("i\u0307", "i").replace("\u200d", "")


# A row's name is compared with every name a page gives, several times per page.
name_key = functools.lru_cache(maxsize=4096)(fresh_name_key)


def _cut_in_word(text: str, stripped: str) -> bool:
    """A legal form is a word of its own: a cut that leaves part of a word (a Devanagari
    vowel sign taken for a suffix, `फार्मा` -> `फार्म`) is no legal form removed."""
    return text.startswith(stripped) and bool(WORD.match(text[len(stripped) :]))


def plain_name(name: str) -> str:
    """The name as people search for it: legal forms and quotes left out, case and
    letters kept (`ООО «Ромашка»` -> `Ромашка`, `Peñalba S.L.` -> `Peñalba`)."""
    text = _LEADING_LEGAL_FORM.sub("", clean_text(name))
    for _ in range(3):
        stripped = _without_forms(text)
        if not stripped or stripped == text or _cut_in_word(text, stripped):
            break
        text = stripped
    text = clean_text(re.sub(r"[«»\"“”„]", " ", text))
    return text or clean_text(name)


def place_key(place: str) -> str:
    """Case-, accent-, punctuation- and script-insensitive key of a city or region cell.

    `Saint-Étienne`, `saint etienne` and `SAINT ETIENNE` share a key, as do `Самара` and
    `Samara`; a cell of only other scripts keeps its words, case-folded.
    """
    text = clean_text(place)
    return skeleton(text) or " ".join(_WORDS.findall(text.casefold()))


_NOT_IN_HOST = re.compile(r"[^\w-]")


def registered_domain(website: str | None) -> str | None:
    """`https://www.ea.com/en-gb` -> `ea.com`; an IPv4 address is its own key; else None."""
    if not website:
        return None
    quick = _WALK.registered_domain(website.strip().lower())
    if quick != UNSURE:
        return quick
    extracted = _EXTRACT(clean_text(website).lower())
    if extracted.domain and extracted.suffix:
        # A label with a bracket, a quote or a space is no host anything can fetch
        # (`http://[acme.com/x`): no domain, so the row is looked for as one without a site.
        if _NOT_IN_HOST.search(extracted.domain):
            return None
        return f"{extracted.domain}.{extracted.suffix}"
    return extracted.ipv4 or None
