"""Korean, Greek, Arabic (and Persian), Hebrew, Thai, Hindi, Georgian, Armenian, Bengali,
Tamil, Amharic (Ge'ez), Khmer, Sinhala, Lao and Burmese names read in Latin letters, to
match a list's romanised name to a site in the company's own script and the reverse.

`한빛정밀` is Hanbit Jeongmil (or Hanbit Precision) in a list, `Αστέρας Υφάσματα` Asteras
Yfasmata, `النخيل للتجارة` Al Nakheel Trading, `כרמל הנדסת מים` Carmel Handasat Mayim,
`เจริญผล โลจิสติกส์` Charoenphon Logistics, `नर्मदा फार्मा` Narmada Pharma, `ალაზნის ველი`
Alaznis Veli, `Սևան Լոգիստիկ` Sevan Logistic, `মেঘনা লজিস্টিকস` Meghna Logistics,
`யாழ் பனை` Yaal Panai, `አዋሽ ኮንስትራክሽን` Awash Konstrakshn, `សុខា ដឹកជញ្ជូន` Sokha Logistics.
Georgian, Armenian and Ge'ez are read with anyascii, their ejectives' apostrophes left out;
Bengali and Tamil like Devanagari, with their inherent vowel, Khmer by its consonants'
two series (`a` or `o`), Sinhala with its `a` (`මහවැලි` Mahaweli), Lao like Thai
(`ພູສີ ກາເຟ` Phousi Kafe) and Burmese by syllables, as Myanmar names are spelled
(`မြစ်ကြီးနား` Myitkyina, `ရန်ကုန်` Yangon).
Korean is read in Revised Romanization (syllable blocks decomposed, final consonants
carried to a following vowel), Hebrew and Arabic letter by letter with the article and
the vowels people add left to the comparison, Greek, Thai and Devanagari with anyascii
after the fixes its letter-by-letter reading needs (Greek `ου`, Thai vowels written
before their consonant, Devanagari's unwritten `a`); chosen by measurement in
bench/transliteration.py (`--script other`). Each name is also read with its trade words
in English, as companies write them (`للتجارة` trading).

Readings and Latin names are compared twice: by their letters folded over informal
spellings, and by their consonants alone (`consonants`), since Arabic and Hebrew leave
vowels unwritten and Latin spellings add any (`نخيل` nkhyl, Nakheel, Nakhil).
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from anyascii import anyascii
from rapidfuzz import fuzz

from shared import script_readers
from shared.company_keys import name_key
from shared.more_script_trades import (
    ARMENIAN_TRADES,
    BENGALI_TRADES,
    BURMESE_TRADES,
    ETHIOPIC_TRADES,
    GEORGIAN_TRADES,
    KHMER_TRADES,
    TAMIL_TRADES,
)
from shared.name_onsets import (
    APART,
    Onset,
    agree,
    latin_onset,
    own_onset,
    same_first_sound,
)
from shared.script_trades import (
    ARABIC_TRADES,
    HEBREW_TRADES,
    HINDI_TRADES,
    KOREAN_TRADES,
    LATIN_ARTICLE,
    LATIN_FORMS,
    LEGAL_FORMS,
    PERSIAN_TRADES,
    THAI_TRADES,
)
from shared.thai_rtgs import rtgs_word
from shared.transliteration import fold, plain_letters

_WORDS = re.compile(r"[^\s\-–—,.;:()\"'«»“”״׳]+")


class Script(StrEnum):
    KOREAN = "ko"
    GREEK = "el"
    ARABIC = "ar"
    HEBREW = "he"
    THAI = "th"
    DEVANAGARI = "hi"
    GEORGIAN = "ka"
    ARMENIAN = "hy"
    BENGALI = "bn"
    TAMIL = "ta"
    ETHIOPIC = "am"
    KHMER = "km"
    SINHALA = "si"
    LAO = "lo"
    BURMESE = "my"


_LETTERS = {
    Script.KOREAN: re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    Script.GREEK: re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    Script.ARABIC: re.compile(r"[\u0620-\u064a\u066e-\u06d3\u0750-\u077f]"),
    Script.HEBREW: re.compile(r"[\u05d0-\u05ea]"),
    Script.THAI: re.compile(r"[\u0e01-\u0e5b]"),
    Script.DEVANAGARI: re.compile(r"[\u0900-\u097f]"),
    Script.GEORGIAN: re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]"),
    Script.ARMENIAN: re.compile(r"[\u0531-\u058a\ufb13-\ufb17]"),
    Script.BENGALI: re.compile(r"[\u0980-\u09ff]"),
    Script.TAMIL: re.compile(r"[\u0b80-\u0bff]"),
    Script.ETHIOPIC: re.compile(r"[\u1200-\u139f\u2d80-\u2ddf]"),
    Script.KHMER: re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]"),
    Script.SINHALA: re.compile(r"[\u0d80-\u0dff]"),
    Script.LAO: re.compile(r"[\u0e80-\u0eff]"),
    Script.BURMESE: re.compile(r"[\u1000-\u109f]"),
}
_TRADES = {
    Script.KOREAN: KOREAN_TRADES,
    # One script, two languages' trade words: Arabic's and Persian's.
    Script.ARABIC: {**ARABIC_TRADES, **PERSIAN_TRADES},
    Script.HEBREW: HEBREW_TRADES,
    Script.THAI: THAI_TRADES,
    Script.DEVANAGARI: HINDI_TRADES,
    Script.GEORGIAN: GEORGIAN_TRADES,
    Script.ARMENIAN: ARMENIAN_TRADES,
    Script.BENGALI: BENGALI_TRADES,
    Script.TAMIL: TAMIL_TRADES,
    Script.ETHIOPIC: ETHIOPIC_TRADES,
    Script.KHMER: KHMER_TRADES,
    Script.SINHALA: {},
    Script.LAO: {},
    Script.BURMESE: BURMESE_TRADES,
}
# Countries whose companies write their names in these scripts.
COUNTRIES = frozenset(
    {"KR", "KP", "GR", "CY", "IL", "TH", "IN", "NP", "AE", "SA", "EG", "QA", "KW", "BH",
     "OM", "JO", "LB", "SY", "IQ", "YE", "MA", "DZ", "TN", "LY", "SD", "PS", "IR", "AF",
     "GE", "AM", "BD", "LK", "ET", "ER", "KH", "LA", "MM"}
)  # fmt: skip


def script_of(text: str) -> Script | None:
    """The script of these the text is written in, if any."""
    if text.isascii():
        return None
    counts = {script: len(letters.findall(text)) for script, letters in _LETTERS.items()}
    script, count = max(counts.items(), key=lambda pair: pair[1])
    return script if count else None


# Korean: initial, medial and final jamo of a syllable block, in Revised Romanization.
_WORD_READERS = {
    Script.KOREAN: script_readers.korean_word,
    Script.HEBREW: script_readers.hebrew_word,
    Script.ARABIC: script_readers.arabic_word,
    Script.THAI: script_readers.thai_word,
    Script.DEVANAGARI: script_readers.devanagari_word,
    Script.GEORGIAN: script_readers.georgian_word,
    Script.ARMENIAN: script_readers.armenian_word,
    Script.BENGALI: script_readers.bengali_word,
    Script.TAMIL: script_readers.tamil_word,
    Script.ETHIOPIC: script_readers.ethiopic_word,
    Script.KHMER: script_readers.khmer_word,
    Script.SINHALA: script_readers.sinhala_word,
    Script.LAO: script_readers.lao_word,
    Script.BURMESE: script_readers.burmese_word,
}


_LONGEST_FIRST = {id(trades): sorted(trades, key=len, reverse=True) for trades in _TRADES.values()}


def _split_trades(word: str, trades: dict[str, str]) -> list[tuple[str, str | None]]:
    """A word without spaces (Korean) split at its trade words: (part, English or None)."""
    for trade in _LONGEST_FIRST[id(trades)]:
        at = word.find(trade)
        if at >= 0 and (trade == word or len(trade) >= 2):
            before, after = word[:at], word[at + len(trade) :]
            return [
                *_split_trades(before, trades),
                (trade, trades[trade]),
                *_split_trades(after, trades),
            ]
    return [(word, None)] if word else []


@functools.lru_cache(maxsize=2048)
def readings(name: str) -> tuple[str, ...]:
    """Latin readings of a name in one of these scripts (none otherwise): the name read
    as written, and with its trade words in English when it has any."""
    script = script_of(name)
    if script is None:
        return ()
    text = " ".join(LEGAL_FORMS.sub(" ", name).split()) or name
    # anyascii's letter-by-letter reading is kept beside the script's own: it reads some
    # spellings closer (Greek `υ` as `y`, Thai vowels as written), see bench/transliteration.py.
    general = " ".join(anyascii(text).lower().split())
    if script is Script.GREEK:
        return tuple(dict.fromkeys((" ".join(script_readers.greek(text).lower().split()), general)))
    trades = _TRADES[script]
    found: list[str] = []
    # Thai is read in RTGS first, as companies spell themselves; the letter-by-letter
    # reading after it catches what RTGS's syllable rules guess wrong.
    readers = (rtgs_word,) if script is Script.THAI else ()
    for reader in (*readers, _WORD_READERS[script]):
        plain: list[str] = []
        translated: list[str] = []
        for word in _WORDS.findall(text):
            parts = (
                _split_trades(word, trades)
                if script is Script.KOREAN
                else [(word, trades.get(word))]
            )
            for part, english in parts:
                read = reader(part).lower()
                plain.append(read)
                translated.append(english or read)
        found.append(" ".join(filter(None, plain)))
        if translated != plain:
            found.append(" ".join(filter(None, translated)))
    if script is Script.ARABIC and "ج" in text:
        # `ج` is `g` in Egypt (`المرجان` Al Morgan) where elsewhere it is `j`.
        found += [each.replace("j", "g") for each in found]
    if script not in (Script.ARABIC, Script.HEBREW):
        found.append(general)
    return tuple(dict.fromkeys(each for each in found if each))


def latin_key(latin: str) -> str:
    """A Latin name as compared with readings: lower-case ASCII words, no legal forms
    or Arabic article."""
    words = re.findall(r"[a-z0-9]+", plain_letters(name_key(latin) if latin.isascii() else latin))
    text = LATIN_FORMS.sub(" ", " ".join(words))
    return " ".join(LATIN_ARTICLE.sub("", text).split())


# Korean spelled informally: `eo` as `o`/`u`, voiced and voiceless stops alike, r and l.
_KOREAN_FOLDS = tuple(
    (re.compile(p), r)
    for p, r in ((r"eo|oo", "u"), (r"eu", "u"), (r"ae", "e"), (r"k", "g"), (r"t", "d"),
                 (r"p", "b"), (r"r", "l"), (r"q", "j"), (r"(.)\1+", r"\1"))
)  # fmt: skip


def _korean_key(key: str) -> str:
    for pattern, repl in _KOREAN_FOLDS:
        key = pattern.sub(repl, key)
    return key


# Consonant classes: vowels (and the letters that write them in abjads) left out.
_CONSONANT_FOLDS = tuple(
    (re.compile(p), r)
    for p, r in ((r"x", "ks"), (r"q|c", "k"), (r"ph", "f"), (r"th", "t"), (r"dh", "d"),
                 (r"gh", "g"), (r"tz", "z"), (r"v", "b"), (r"p", "f"), (r"[aeiouyhw'`]", ""),
                 (r"(.)\1+", r"\1"))
)  # fmt: skip


# Abugidas (Khmer, Thai, the Indic scripts, Ge'ez) say a final `b` as `p` and spell
# their stops either way in Latin letters (`សាប` Sap or Sab): one class of labials.
_ABUGIDAS = frozenset({"th", "hi", "bn", "ta", "am", "km"})
_LABIAL = re.compile(r"b")


def consonants(key: str, labials: bool = False) -> str:
    """The consonants of each word of a key (`al nakheel` -> `nkl`); `labials`: `b`, `p`,
    `f` and `v` as one letter."""
    words = []
    for word in key.split():
        for pattern, repl in _CONSONANT_FOLDS:
            word = pattern.sub(repl, word)
        if labials:
            word = re.sub(r"(.)\1+", r"\1", _LABIAL.sub("f", word))
        words.append(word)
    return " ".join(filter(None, words))


def _alike(left: str, right: str) -> float:
    """Word order aside, how alike two keys of spaced words are (0..1)."""
    squashed = fuzz.ratio(left.replace(" ", ""), right.replace(" ", ""))
    return max(squashed, fuzz.token_sort_ratio(left, right)) / 100


# A reading matches a little below the same name written alike; a match of consonants
# alone, lower still.
READING_MATCH = 0.95
CONSONANT_MATCH = 0.9
_MIN_CONSONANTS = 3
_TRADE_WORDS = frozenset(
    word for trades in _TRADES.values() for english in trades.values() for word in english.split()
) | {"industry", "industrial", "group", "holding", "international", "trade"}


def _compare(
    left: str,
    right: str,
    script: Script,
    within: bool = False,
    onsets: tuple[Onset, Onset] = (Onset.EITHER, Onset.EITHER),
) -> float:
    """`left` a Latin key, `right` a reading's key; `within`: `left` is a domain label,
    which may hold the reading among other letters; `onsets`: how the Latin name's brand
    and the name's own brand in its own letters begin (Arabic and Hebrew). Two names that
    share only a trade word (`Golan Industries`, `Dongwon Industries`) are as alike as
    their other words."""
    brand_left, brand_right = _brand(left, _loans(right)), _brand(right)
    # Consonants alone say the same brand only of brands that begin alike, with a vowel
    # or a consonant (`Rubel` is no reading of `ארבל` rvl, Arbel; `Pireus` none of
    # `ipiros`): see shared.name_onsets.
    abjad = script in _ABJAD_SCRIPTS
    bones = agree(*onsets) if abjad else True
    score = _letters(left, right, script, within, bones=bones)
    if not within and brand_left and brand_right and (brand_left, brand_right) != (left, right):
        # A brand of two consonants (`Rayyan`, `Noor`) is compared by them too: the whole
        # name's consonants have already agreed.
        score = min(score, _letters(brand_left, brand_right, script, within, 2, bones))
    if within:
        return score
    if abjad and not bones:
        # One begins with a vowel its letters write, the other with a consonant (`آریا`
        # Arya and `Riya`, `امید` Omid and `Mid`): two brands, whatever the letters after.
        score = min(score, APART)
    elif (onsets[1] is Onset.CONSONANT or not abjad) and _begin_apart(
        (brand_left or left).split(), (brand_right or right).split(), left, right
    ):
        # (Abjad readings leave a first vowel out, which the onsets have compared.)
        score = min(score, APART)
    return score


def _begin_apart(brand_left: list[str], brand_right: list[str], left: str, right: str) -> bool:
    """A brand that begins with another sound is another brand, however alike the rest
    (`Armada`, `नर्मदा` narmada; `Utaisi`, `ქუთაისი` kutaisi; `Pireus`, `Ήπειρος` ipiros).
    Brands of as many words are compared by their first words; of more or fewer (a page
    title's `Αρχική ·`, Home; Thai and Burmese words written without spaces between them),
    the Latin brand's first word must begin some word of the reading, spelled alike."""
    if not brand_left or not brand_right or same_first_sound(left, right):
        return False
    if len(brand_left) == len(brand_right):
        return not same_first_sound(brand_left[0], brand_right[0])
    head = fold(brand_left[0])
    return not any(
        same_first_sound(head, word) and fuzz.ratio(head, fold(word)) >= _ALIGNED
        for word in right.split()
    )


_ALIGNED = 75


_ABJAD_SCRIPTS = (Script.ARABIC, Script.HEBREW)


def _onsets(latin: str, own: str, script: Script) -> tuple[Onset, Onset]:
    """How a Latin name's brand and an Arabic or Hebrew name's brand (their first words
    that are no trade words) begin; either for other scripts, whose readings write their
    vowels, and for brands of more or fewer words (a page title's `الرئيسية ·`, Home)."""
    if script not in _ABJAD_SCRIPTS:
        return Onset.EITHER, Onset.EITHER
    trades = _TRADES[script]
    words = _WORDS.findall(LEGAL_FORMS.sub(" ", own))
    # A name of trade words alone (`العربية للمقاولات`, Arabia Contracting) is its first.
    brand = [word for word in words if word not in trades] or words[:1]
    latin_brand = _latin_brand(latin, script)
    if not brand or len(brand) != len(latin_brand):
        return Onset.EITHER, Onset.EITHER
    return latin_onset(latin_brand[0], article=script is Script.ARABIC), own_onset(brand[0])


_LATIN_ARTICLES = frozenset({"al", "el"})


def _latin_brand(latin: str, script: Script) -> list[str]:
    """A Latin name's brand words, as compared with an Arabic or Hebrew name's: its
    legal forms and trade words aside, and an Arabic article (which Hebrew has not)."""
    words = re.findall(r"[a-z0-9]+", plain_letters(name_key(latin) if latin.isascii() else latin))
    words = LATIN_FORMS.sub(" ", " ".join(words)).split()
    if script is Script.ARABIC:
        words = [word for word in words if word not in _LATIN_ARTICLES] or words
    return [word for word in words if word not in _TRADE_WORDS] or words


def _brand(key: str, loans: frozenset[str] = frozenset()) -> str:
    """The key without its trade words, nor words spelled like `loans` (consonants)."""
    return " ".join(
        word for word in key.split() if word not in _TRADE_WORDS and consonants(word) not in loans
    )


def _loans(key: str) -> frozenset[str]:
    """The consonants of a reading's trade words in English (`textile`: tkstl), which a
    Latin name may spell as its language borrowed them (`Tekstayl`)."""
    return frozenset(
        bones
        for word in key.split()
        if word in _TRADE_WORDS and len(bones := consonants(word)) > _MIN_CONSONANTS
    )


def _letters(
    left: str,
    right: str,
    script: Script,
    within: bool,
    least: int = _MIN_CONSONANTS,
    bones: bool = True,
) -> float:
    if within:
        squash = right.replace(" ", "")
        score = fuzz.partial_ratio(squash, left) / 100 if len(squash) >= 3 else 0.0
    else:
        score = _alike(fold(left), fold(right))
    if script is Script.KOREAN:
        score = max(score, _alike(_korean_key(fold(left)), _korean_key(fold(right))))
    score *= READING_MATCH
    if not bones:
        return score
    labials = script.value in _ABUGIDAS
    bones_left, bones_right = consonants(left, labials), consonants(right, labials)
    if min(len(bones_left.replace(" ", "")), len(bones_right.replace(" ", ""))) >= least:
        score = max(score, _alike(bones_left, bones_right) * CONSONANT_MATCH)
    return score


def similarity(latin: str, own: str) -> float:
    """How well a Latin name is a reading of a name in one of these scripts (0..1)."""
    script = script_of(own)
    left = latin_key(latin)
    if script is None or not left:
        return 0.0
    best = 0.0
    onsets = _onsets(latin, own, script)
    for reading in readings(own):
        right = latin_key(reading)
        if right:
            best = max(best, _compare(left, right, script, onsets=onsets))
    return round(best, 3)


def in_label(own: str, label: str) -> float:
    """How well a domain label spells a reading of the name (0..1)."""
    spelled = latin_key(label.replace("-", " "))
    script = script_of(own)
    if script is None or not spelled:
        return 0.0
    best = 0.0
    for reading in readings(own):
        right = latin_key(reading)
        if right:
            joined = right.replace(" ", "")
            best = max(
                best,
                _compare(spelled.replace(" ", ""), joined, script, within=True),
            )
    return round(best, 3)


def search_readings(name: str) -> list[str]:
    """Latin spellings to search for a name in one of these scripts: as read, and with
    its trade words in English. Arabic and Hebrew readings lack the vowels any Latin
    spelling adds, so only their trade words in English can be searched for as such."""
    found = readings(name)
    if script_of(name) in (Script.ARABIC, Script.HEBREW):
        return []
    return list(found[:2])


def trade_reading(name: str) -> str | None:
    """An Arabic or Hebrew name's reading with its trade words in English (`qlaa
    contracting`), for an unquoted search: engines match its trade words and place, and
    leave the vowel-less brand to the matching of candidates."""
    found = readings(name)
    if script_of(name) in (Script.ARABIC, Script.HEBREW) and len(found) > 1:
        # The second reading is the one with trade words in English, when it has any.
        return found[1] if found[1] != found[0].replace("j", "g") else None
    return None


def loose_reading(name: str) -> str | None:
    """A reading of a name in one of these scripts to search for unquoted, when nothing
    spells the name (no site, no domain): an Arabic or Hebrew name's consonants with its
    trade in English (`trade_reading`), another script's reading with its trade words in
    English, else as read (`អង្គរ ដឹកជញ្ជូន` ongkor logistics). A reading only guesses at
    the company's own Latin spelling (Angkor), which a quoted search must match letter
    for letter; unquoted, engines match the trade and place and the results are judged
    against the name itself."""
    if script_of(name) in (Script.ARABIC, Script.HEBREW):
        return trade_reading(name)
    found = readings(name)
    english = [each for each in found[:2] if not _TRADE_WORDS.isdisjoint(each.split())]
    return english[0] if english else (found[0] if found else None)
