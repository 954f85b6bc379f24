"""How well a page or a search hit matches a company name (0..1)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from shared import name_onsets, other_scripts, translated_names
from shared.company_keys import name_key
from shared.romanisation import READING_FORMS, has_cjk, reading_key, readings
from shared.transliteration import (
    fold,
    has_cyrillic,
    has_latin,
    is_kazakh_latin,
    latin_readings,
    plain_letters,
    to_latin,
)

_STOPWORDS = {
    "the", "and", "for", "with", "that", "this", "which", "what", "who", "are", "our",
    "their", "they", "from", "into", "have", "has", "run", "own", "companies", "company",
    "these", "those", "about", "your", "you", "does", "them", "list", "all",
}  # fmt: skip


# Two names that end in the same words after different, unrelated first words
# (`Kalayaan Trucking Services`, `Banaue Trucking Services`), or that begin alike and go on
# to different, unrelated trades (`Ege Yıldızı İnşaat`, `Ege Yıldızı Gıda`), are two
# companies: however much of the name they share, they stay below a close match.
OTHER_BRAND_MATCH = 0.6


def other_brand(left: str, right: str) -> bool:
    """The two name keys share their last words (or their first ones), and the rest
    differs with nothing in common: no shared word, not alike, not one the other's
    initials."""
    if _all_latin(left) and _all_latin(right):
        left, right = plain_letters(left), plain_letters(right)
    lw, rw = left.split(), right.split()
    return _differ_around_shared(lw, rw) or _differ_around_shared(lw[::-1], rw[::-1])


def _differ_around_shared(lw: list[str], rw: list[str]) -> bool:
    """The words before the two lists' shared last words differ and are unrelated."""
    shared = 0
    while shared < min(len(lw), len(rw)) and lw[-1 - shared] == rw[-1 - shared]:
        shared += 1
    before_left, before_right = lw[: len(lw) - shared], rw[: len(rw) - shared]
    if not shared or not before_left or not before_right:
        return False
    if set(before_left) & set(before_right):
        return False
    if any(_one_word(x, y) for x in before_left for y in before_right):
        return False  # `Tools` and `Toolworks`: one word, written longer
    a, b = " ".join(before_left), " ".join(before_right)
    if _similarity(a, b) >= 0.75 or fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")) >= 75:
        return False
    first_letters = ("".join(w[0] for w in before_left), "".join(w[0] for w in before_right))
    return b.replace(" ", "") != first_letters[0] and a.replace(" ", "") != first_letters[1]


def _one_word(x: str, y: str) -> bool:
    """Two words that begin alike for four letters or more, or one the other's start."""
    short, long = sorted((x, y), key=len)
    return len(short) >= 3 and (long.startswith(short) or short[:4] == long[:4])


def name_similarity(name: str, candidate: str) -> float:
    """Token-order-insensitive similarity of two names, legal forms ignored; two names
    that share only their trade words after different brands, or only their brand before
    different trades, stay below a close match."""
    left, right = name_key(name), name_key(candidate)
    if not left or not right:
        return 0.0
    score = _key_similarity(left, right)
    if OTHER_BRAND_MATCH < score < 1.0 and other_brand(left, right):
        score = OTHER_BRAND_MATCH
    if score < translated_names.TRANSLATED_MATCH:
        # `Terelj Tours` and `Тэрэлж Аялал` (or Terelj Ayalal): the brand read alike, the
        # trade translated. Its brand must agree, so it is no other brand of the trade.
        score = max(score, translated_names.similarity(left, right))
    return score


def _key_similarity(left: str, right: str) -> float:
    score = _similarity(left, right)
    if score == 1.0 or (left.isascii() and right.isascii()):
        return round(score, 3)
    if has_cyrillic(left + right):
        # `Яндекс` and `Yandex`, `Ростелеком` and `Rostelecom`: compare spelling skeletons,
        # of each way a name with `ё` or a leading `е` is spelled (`Ёжик`: Yozhik, Ezhik).
        score = max(
            score,
            *(_read_alike(a, b) for a in fold_keys(left) for b in fold_keys(right)),
        )
    elif _UNDECOMPOSED.search(left + right):
        # `Kızılırmak` and `Kizilirmak`: a dotless `ı` is no `i` to a comparison of letters.
        # (Marks that decompose, `ö`, `ř`, are left to count as they always have.)
        score = max(score, _similarity(_plain_undecomposed(left), _plain_undecomposed(right)))
    if left.isascii() != right.isascii() and _all_latin(left) and _all_latin(right):
        # `Hung Thinh Noi That` for `Hưng Thịnh Nội Thất`: a name typed without its marks,
        # as lists of Vietnamese (and other heavily marked) names often are, reads the same
        # letters; a little below the name written alike.
        bare = _similarity(plain_letters(left), plain_letters(right)) * UNMARKED_MATCH
        score = max(score, bare)
    cjk_left, cjk_right = has_cjk(left), has_cjk(right)
    if cjk_left != cjk_right:
        # `北斗精工` and `Hokuto Seiko`: the CJK name read in Latin letters.
        latin, cjk = (right, left) if cjk_left else (left, right)
        score = max(score, reading_similarity(latin, cjk))
    elif pair := _latin_and_other(left, right):
        # `Αστέρας Υφάσματα` and `Asteras Yfasmata`, `النخيل للتجارة` and `Al Nakheel
        # Trading`: the name in its own script read in Latin letters.
        score = max(score, other_scripts.similarity(*pair))
    return round(score, 3)


def _read_alike(left: str, right: str) -> float:
    """Two names read in Latin letters, as alike as `_similarity` says, unless they are
    two brands of one trade: a reading with its trade word in English (`Орхон Барилга`,
    orkhon construction) shares that word with any company of the trade (`Rukhan
    Construction`), and a long trade word outweighs a short brand's letters."""
    score = _similarity(left, right)
    if OTHER_BRAND_MATCH < score < 1.0 and _other_brand_before(left, right):
        return OTHER_BRAND_MATCH
    return min(score, name_onsets.APART) if _begin_apart(left, right) else score


def _begin_apart(left: str, right: str) -> bool:
    """A name and a reading whose brands begin with different sounds (`Rural` and `Урал`
    ural, `Araz` and `Тараз` taraz): two brands, however alike the rest. The brands are
    the words before the words both end in (their trade), or names of one word: a name
    of more words may put its trade first (`Аптека Ригла`, `Kaspersky Lab`)."""
    lw, rw = left.split(), right.split()
    shared = 0
    while shared < min(len(lw), len(rw)) and lw[-1 - shared] == rw[-1 - shared]:
        shared += 1
    lw, rw = lw[: len(lw) - shared], rw[: len(rw) - shared]
    if not lw or not rw or (not shared and len(lw) + len(rw) > 2):
        return False
    return not name_onsets.same_first_sound(lw[0], rw[0])


def _other_brand_before(left: str, right: str) -> bool:
    """Two readings end in the same words (the trade, as these names put it last) after
    different, unrelated brands. (Readings that begin alike and end apart are left to
    the letters: `Иль Де Ботэ` read il de bote, Il de Beaute.)"""
    if _all_latin(left) and _all_latin(right):
        left, right = plain_letters(left), plain_letters(right)
    lw, rw = left.split(), right.split()
    shared = 0
    while shared < min(len(lw), len(rw)) and lw[-1 - shared] == rw[-1 - shared]:
        shared += 1
    # A letter or two before the shared words is a prefix read two ways, no brand
    # (`Ай-Теко` read ai teko, I-Teco).
    shortest = min(len("".join(lw[: len(lw) - shared])), len("".join(rw[: len(rw) - shared])))
    return shortest >= _MIN_BRAND and _differ_around_shared(lw, rw)


_MIN_BRAND = 3


def _latin_and_other(left: str, right: str) -> tuple[str, str] | None:
    """(the Latin name, the other-script name) when one is in Latin letters and the other
    in Korean, Greek, Arabic, Hebrew, Thai or Devanagari letters."""
    left_script, right_script = other_scripts.script_of(left), other_scripts.script_of(right)
    if left_script and not right_script and has_latin(right):
        return right, left
    if right_script and not left_script and has_latin(left):
        return left, right
    return None


# A reading matches a little below the same name written alike: different characters
# can read the same (`宏达` and `鸿达` are both Hongda).
READING_MATCH = 0.95


def reading_similarity(latin: str, cjk: str) -> float:
    """How well a Latin name is one of the readings of a CJK name (0..1)."""
    bare = READING_FORMS.sub(" ", name_key(latin))
    best = 0.0
    for reading in readings(cjk):
        left = reading_key(bare, reading.japanese)
        right = reading_key(reading.text, reading.japanese)
        if left and right:
            score = fuzz.ratio(left, right) / 100
            # `華遠建設` read with its trade in English (huayuan construction) shares that
            # word with every builder (`Hongda Construction`): the brands must agree too.
            if OTHER_BRAND_MATCH < score < 1.0 and _other_brand_before(bare, reading.text):
                score = OTHER_BRAND_MATCH
            if _begin_apart(bare, reading.text):
                score = min(score, name_onsets.APART)
            best = max(best, score)
    return best * READING_MATCH


_UNDECOMPOSED = re.compile("[ıəŋ]")
_UNDECOMPOSED_AS = str.maketrans({"ı": "i", "ə": "a", "ŋ": "n"})


# A name matched only once its marks are dropped, a little below one written alike.
UNMARKED_MATCH = 0.95


def _all_latin(key: str) -> bool:
    """Only Latin letters (marked or not), digits and spaces."""
    # A combining mark counts with its letter: Turkish `İ` lower-cases to `i` and a dot.
    return all(
        ch.isspace()
        or ch.isdigit()
        or "LATIN" in unicodedata.name(ch, "")
        or unicodedata.category(ch) == "Mn"
        for ch in key
    )


def _plain_undecomposed(key: str) -> str:
    return key.translate(_UNDECOMPOSED_AS)


def fold_key(key: str) -> str:
    return fold(to_latin(key))


def fold_keys(key: str) -> list[str]:
    """The skeletons of each Latin reading of a Cyrillic key (one for a Latin key)."""
    return [fold(each) for each in latin_readings(key)] if has_cyrillic(key) else [fold(key)]


def _similarity(left: str, right: str) -> float:
    if not left or not right:
        return 0.0
    subset = fuzz.token_set_ratio(left, right) * 0.92
    return max(fuzz.token_sort_ratio(left, right), subset) / 100


def best_name_similarity(
    name: str, candidates: list[str], page_text: str = ""
) -> tuple[float, str]:
    """The best-matching candidate name; with the page's text, a candidate that is the
    name's initials (or the reverse) counts too when the page corroborates it."""
    scored = [(name_similarity(name, c), c) for c in candidates if c]
    if page_text:
        scored += [(ACRONYM_MATCH, c) for c in candidates if c and acronym_of(name, c, page_text)]
    return max(scored, default=(0.0, ""))


def domain_similarity(name: str, domain: str | None) -> float:
    """`Bandai Namco` vs `bandainamcoent.eu` -> high; compares the name to the domain label."""
    if not domain:
        return 0.0
    label = domain.split(".")[0].replace("-", "")
    key = name_key(name)
    if has_cyrillic(key) and not has_cyrillic(label):
        # `Яндекс` against `yandex.ru`: both as spelling skeletons (the reading the
        # domain spells, of a name read more than one way).
        label = fold(label)
        key = max(fold_keys(key), key=lambda k: fuzz.partial_ratio(k.replace(" ", ""), label))
    elif has_cjk(key) and label.isascii():
        # `北斗精工` against `hokutoseiko.jp`: the name's readings against the label.
        return round(_reading_in_label(key, label) * READING_MATCH, 3)
    elif label.isascii() and other_scripts.script_of(key):
        # `한빛정밀` against `hanbitjeongmil.co.kr`: the name read in Latin letters.
        return other_scripts.in_label(key, domain.split(".")[0])
    squashed = key.replace(" ", "")
    if not squashed:
        return 0.0
    # `sigiri-prawahana` for Sigiriya Transport: the brand with its trade in the
    # company's language, as its domain spells it.
    translated = translated_names.in_label(key, label) * 100 if label.isascii() else 0.0
    initials = "".join(word[0] for word in key.split())
    score = max(
        translated,
        _partial_in_label(key, squashed, label),
        fuzz.ratio(initials, label) * 0.9,
        _initials_and_words(key, domain.split(".")[0]) * 100,
    )
    if score < 90 and is_kazakh_latin(squashed):
        # `Aqjol Qūrylys` (2021 Kazakh Latin) on `akzholkurylys.kz` (informal): the name's
        # letters as domains spell them.
        score = max(score, fuzz.partial_ratio(fold(key).replace(" ", ""), fold(label)))
    if _label_shifted(key.split()[0], label.lower()):
        score = min(score, name_onsets.APART * 100)
    return round(score / 100, 3)


# Letters of a brand (four, or all but one of a shorter word) that, spelled from its second
# letter or after one letter more, make another brand.
_SHIFTED = 4


def _label_shifted(first: str, label: str) -> bool:
    """The label spells the name's first word without its first letter, or with one more
    before it, and so begins with another sound: another brand (`araz` of Taraz, `narmada`
    for Armada). A label that spells a later word of the name (`namco` of Bandai Namco),
    or the name after a prefix (`getnarmada`), is no such label."""
    if min(len(first), len(label)) < _SHIFTED or name_onsets.same_first_sound(first, label):
        return False
    letters = min(_SHIFTED, len(first) - 1)
    return label.startswith(first[1 : 1 + letters]) or label[1:].startswith(first[:letters])


def _partial_in_label(key: str, squashed: str, label: str) -> float:
    """How much of the name the label spells; a label that spells the name's later words
    after another brand (`banauetruckingservices` for `Kalayaan Trucking Services`) is
    another company's of the same trade."""
    score = fuzz.partial_ratio(squashed, label)
    words = (plain_letters(key) if label.isascii() and _all_latin(key) else key).split()
    if score < 75 or len(words) < 2 or len(words[0]) < 3:
        return score
    rest = "".join(words[1:])
    before = label.find(rest)
    if before >= 3 and fuzz.partial_ratio(words[0], label[:before]) < 75:
        return min(score, 70.0)
    return score


def _reading_in_label(key: str, label: str) -> float:
    best = 0.0
    for reading in readings(key):
        spelled = reading_key(reading.text, reading.japanese)
        if spelled:
            best = max(best, fuzz.partial_ratio(spelled, reading_key(label, reading.japanese)))
    return best / 100


def _initials_and_words(key: str, label: str) -> float:
    """`itb-bakery` for `Ivorine Technical Bakery`: a label made of the name's initials
    and some of its words (numbers aside) matches like the name itself."""
    tokens = [t for t in label.split("-") if t and not t.isdigit()]
    short = initials(key)
    if len(short) < MIN_INITIALS or short not in tokens:
        return 0.0
    words = set(key.split())
    return 0.9 if all(t == short or t in words for t in tokens) else 0.0


def context_terms(context_text: str, limit: int = 12) -> list[str]:
    words = re.findall(r"\w{4,}", context_text.casefold())
    seen: list[str] = []
    for word in words:
        if word not in _STOPWORDS and word not in seen:
            seen.append(word)
    return seen[:limit]


def terms_found(terms: list[str], text: str) -> list[str]:
    lowered = text.casefold()
    return [term for term in terms if term in lowered]


def mentions_name(name: str, text: str) -> bool:
    """The page names the company, in its own script or (`Яндекс` on a page saying
    `Yandex`) in the other."""
    key = name_key(name)
    if not key:
        return False
    # Turkish `İ` folds to `i` and a combining dot, which the name's key leaves out.
    words = " ".join(re.findall(r"\w+", text.casefold().replace("i\u0307", "i")))
    if key in words:
        return True
    if not has_cyrillic(key + words):
        return False
    folded = fold_key(key)
    return bool(folded) and f" {folded} " in f" {fold_key(words)} "


# Two letters are anyone's initials; three or more, with the page agreeing, are a name.
MIN_INITIALS = 3
ACRONYM_MATCH = 0.9
_CONNECTORS = {"and", "of", "the", "for", "und", "et", "de", "des", "du", "la", "le", "y", "e"}
_PARENTHESIS = re.compile(r"\([^)]*\)")
_CAPITALS = re.compile(r"\b[A-Z0-9&]{2,}\b")


def initials(name: str) -> str:
    """`International Business Machines` -> `ibm`; connecting words and legal forms left
    out, and lower-case words of a capitalised name (`Chemins de fer Français`)."""
    kept = set(name_key(name).split()) - _CONNECTORS
    words = [w for w in re.findall(r"\w+", name) if w.casefold() in kept]
    if any(w[0].isupper() for w in words):
        words = [w for w in words if not w[0].islower()]
    return "".join(word[0] for word in words).casefold() if len(words) > 1 else ""


# Legal forms that acronyms take in as letters (`CIMSA`: Comercializadora Industrial del
# Mezquital, S.A.).
_FORM_LETTERS = frozenset({"sa", "sl", "sas", "srl", "spa", "sc", "ag", "ab", "as", "bv", "nv"})


def _initials_with_form(short: str, letters: str) -> bool:
    return short == letters or (
        short.startswith(letters) and short[len(letters) :] in _FORM_LETTERS
    )


def acronym_of(name: str, candidate: str, page_text: str) -> bool:
    """`name` and `candidate` are one company, the one written as the other's initials,
    and the page says both: the full name somewhere, the initials in capitals."""
    left, right = name_key(name).replace(" ", ""), name_key(candidate).replace(" ", "")
    for short, full in ((right, name), (left, candidate)):
        full = _PARENTHESIS.sub(" ", full)  # "Ivorine Technical Bakery (ITB)"
        letters = initials(full)
        if len(letters) >= MIN_INITIALS and _initials_with_form(short, letters):
            capitals = {c.casefold() for c in _CAPITALS.findall(page_text)}
            return short in capitals and mentions_name(full, page_text)
    return False
