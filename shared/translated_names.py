"""A company name rendered in English against the company's own name: its brand spelled
(transliterated), its trade word translated.

`Terelj Tours` is `Тэрэлж Аялал` (Terelj Ayalal, `аялал` travel), `Arbel Construction`
`ארבל בנייה`, `Sigiriya Transport` `සිගිරි ප්‍රවාහන` (Sigiri Prawahana). No reading spells
the one as the other: the trade word is another word. The two are one name when their
trade words mean the same trade (`shared.trade_lexicon`) and their brands read alike
(the other-script brand read in Latin letters as `shared.other_scripts`,
`shared.transliteration` and `shared.romanisation` read it). A shared trade alone never
makes a match: the brands must agree closely, and not only by a few consonants
(`Pireus Software` is not `Ήπειρος Λογισμική`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from shared import other_scripts
from shared.company_keys import name_key
from shared.name_onsets import same_first_sound
from shared.national_spellers import cyrillic_spelling
from shared.romanisation import has_cjk
from shared.romanisation import readings as cjk_readings
from shared.script_spellers import native_spelling
from shared.trade_lexicon import COUNTRY_LANGUAGES, ENGLISH_WORDS, NATIVE, is_latin
from shared.transliteration import (
    fold,
    has_cyrillic,
    latin_readings,
    plain_letters,
    to_cyrillic,
    to_kazakh,
    to_ukrainian,
)

# A brand read this closely is the same brand (0..1); a translated name matches a little
# below a reading of the name itself.
BRAND_LINE = 0.8
TRANSLATED_MATCH = 0.95
# Latin spellings of trade words shorter than this are too often other words (`et`, `su`).
_MIN_LATIN = 3
_MAX_WORDS = 3


@dataclass(frozen=True)
class _Trade:
    concepts: frozenset[str]
    english: bool


def _key_words(word: str) -> tuple[str, ...]:
    return tuple(name_key(word).split())


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], _Trade]:
    """Every trade word as the name key writes it (a tuple of words), with its concepts."""
    concepts: dict[tuple[str, ...], set[str]] = {}
    english: set[tuple[str, ...]] = set()
    for concept, words in ENGLISH_WORDS.items():
        for word in words:
            key = _key_words(word)
            concepts.setdefault(key, set()).add(concept)
            english.add(key)
    for lexicon in NATIVE.values():
        for concept, words in lexicon.items():
            for word in words:
                if is_latin(word) and len(word) < _MIN_LATIN:
                    continue
                key = _key_words(word)
                if key and len(key) <= _MAX_WORDS:
                    concepts.setdefault(key, set()).add(concept)
    return {key: _Trade(frozenset(found), key in english) for key, found in concepts.items()}


@dataclass(frozen=True)
class Parts:
    """A name key split: its brand words and its trade words (with their concepts)."""

    brand: tuple[str, ...]
    trades: tuple[tuple[str, _Trade], ...]

    @property
    def english_only(self) -> bool:
        return all(trade.english for _, trade in self.trades)


def _plain(word: str) -> str:
    """Latin words without marks (`inşaat` as `insaat`, Vietnamese `đ` as `d`); other
    scripts as written."""
    if all("LATIN" in unicodedata.name(ch, "") or not ch.isalpha() for ch in word):
        return plain_letters(word.replace("đ", "d"))
    return word


@functools.lru_cache(maxsize=1)
def _unspaced_trades() -> tuple[str, ...]:
    """Chinese, Japanese and Korean trade words, longest first: these languages write a
    name without spaces (`华远建设`), its trade last."""
    return tuple(
        sorted(
            {w for lang in ("zh", "ja", "ko") for ws in NATIVE[lang].values() for w in ws}
            - _all_latin_words(),
            key=len,
            reverse=True,
        )
    )


def _all_latin_words() -> set[str]:
    return {w for lexicon in NATIVE.values() for ws in lexicon.values() for w in ws if is_latin(w)}


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def _unspaced(word: str) -> list[str]:
    """A Chinese, Japanese or Korean word with a trade word at its end split before it."""
    if not _UNSPACED.search(word):
        return [word]
    for trade in _unspaced_trades():
        if word.endswith(trade) and len(word) > len(trade):
            return [word[: -len(trade)], trade]
    return [word]


@functools.lru_cache(maxsize=4096)
def split(key: str) -> Parts:
    """The key's brand words and trade words, longest trade phrases first."""
    words = [part for word in key.split() for part in _unspaced(_plain(word))]
    phrases = _phrases()
    brand: list[str] = []
    trades: list[tuple[str, _Trade]] = []
    at = 0
    while at < len(words):
        for size in range(min(_MAX_WORDS, len(words) - at), 0, -1):
            phrase = tuple(words[at : at + size])
            trade = phrases.get(phrase)
            if trade is not None:
                trades.append((" ".join(phrase), trade))
                at += size
                break
        else:
            brand.append(words[at])
            at += 1
    return Parts(tuple(brand), tuple(trades))


def _same_trades(left: Parts, right: Parts) -> bool:
    """Every trade word of each name means a trade of the other's."""
    return all(
        any(mine.concepts & theirs.concepts for _, theirs in other.trades)
        for one, other in ((left, right), (right, left))
        for _, mine in one.trades
    )


def _readings(brand: tuple[str, ...], key: str) -> list[str]:
    """Latin readings of a brand (its words of the whole name `key`)."""
    text = " ".join(brand)
    if is_latin(text.replace("'", "")) or text.isascii():
        return [text]
    if has_cyrillic(text):
        found = list(latin_readings(text))
        # A Mongolian or Belarusian name is told by its trade words: its brand alone would
        # be read the Russian way (`Тэрэлж` Terelzh), the whole name the Mongolian one.
        words = key.split()
        for whole in latin_readings(key):
            read = whole.split()
            if len(read) == len(words):
                found.append(" ".join(r for r, w in zip(read, words, strict=True) if w in brand))
        return found
    if has_cjk(text):
        return [reading.text for reading in cjk_readings(text)]
    if other_scripts.script_of(text) is other_scripts.Script.GREEK:
        return [*other_scripts.readings(text), *_latinised_greek(text)]
    if other_scripts.script_of(text):
        return list(other_scripts.readings(text))
    return []


# Greek places and names as English writes them: the Latin of the classical spelling
# (`Ήπειρος` Epirus, `Όλυμπος` Olympus), where the modern reading says Ipiros, Olimbos.
_CLASSICAL = (
    ("ου", "ou"), ("ει", "ei"), ("αι", "ae"), ("οι", "oe"), ("γγ", "ng"), ("γκ", "nc"),
    ("α", "a"), ("β", "b"), ("γ", "g"), ("δ", "d"), ("ε", "e"), ("ζ", "z"), ("η", "e"),
    ("θ", "th"), ("ι", "i"), ("κ", "c"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"),
    ("ο", "o"), ("π", "p"), ("ρ", "r"), ("σ", "s"), ("ς", "s"), ("τ", "t"), ("υ", "y"),
    ("φ", "ph"), ("χ", "ch"), ("ψ", "ps"), ("ω", "o"),
)  # fmt: skip
_GREEK_ENDING = re.compile(r"os\b")


def _latinised_greek(text: str) -> list[str]:
    bare = "".join(
        ch for ch in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(ch)
    )
    for greek, latin in _CLASSICAL:
        bare = bare.replace(greek, latin)
    return [bare, _GREEK_ENDING.sub("us", bare)]


# Voiced and voiceless stops, and `v`/`w`, spelled either way in Latin renderings of
# scripts that do not tell them apart the English way (`Yatana`, Yadana).
_VOICING = str.maketrans({"d": "t", "g": "k", "b": "p", "v": "f", "w": "f", "z": "s"})
_VOWELS = re.compile(r"[aeiouy]")
_MIN_PREFIX = 5
_MIN_SKELETON = 3
# A brand whose consonants agree letter for letter, whose first syllable's letters agree,
# and whose letters mostly do (`Bukhara`, Bukhoro; not `Tarlaj`, Terelj).
_SKELETON_MATCH = 0.85
_SKELETON_LETTERS = 0.6
_ONSET = 2
_PREFIX_MATCH = 0.9
_ENDING = 2
_ENDING_MATCH = 0.95
_ABJAD_MATCH = other_scripts.CONSONANT_MATCH


def brand_closeness(latin: str, reading: str, abjad: bool = False) -> float:
    """How closely two Latin spellings are one brand (0..1): by letters folded over the
    usual spelling differences, one the other's start (`Sigiriya`, Sigiri), or their
    consonants alike with the same first two letters and most letters shared."""
    if "x" in latin + reading:
        # Uzbek and Azerbaijani Latin write `kh` as `x` (`Buxoro`, Bukhara).
        kh = _closeness(latin.replace("x", "kh"), reading.replace("x", "kh"), abjad)
        return max(_closeness(latin, reading, abjad), kh)
    return _closeness(latin, reading, abjad)


def _closeness(latin: str, reading: str, abjad: bool) -> float:
    left, right = fold(latin).replace(" ", ""), fold(reading).replace(" ", "")
    if not left or not right:
        return 0.0
    letters = fuzz.ratio(left, right) / 100
    voiced = fuzz.ratio(left.translate(_VOICING), right.translate(_VOICING)) / 100
    best = max(letters, voiced)
    short, long = sorted((left, right), key=len)
    if len(short) >= _MIN_PREFIX and long.startswith(short):
        # An English ending on a place's name (`Sigiriya`, Sigiri) is one or two letters.
        ending = len(long) - len(short) <= _ENDING
        best = max(best, _ENDING_MATCH if ending else _PREFIX_MATCH)
    if abjad:
        # Arabic and Hebrew readings write no vowels (`ארבל` rvl): their consonants alone,
        # all of them, against the Latin brand's.
        # The Arabic article is no part of the brand (`Alborz`, `البرز` brz).
        bare = other_scripts.latin_key(latin).replace(" ", "")
        bones_left = other_scripts.consonants(bare)
        bones_right = other_scripts.consonants(other_scripts.latin_key(reading).replace(" ", ""))
        if min(len(bones_left), len(bones_right)) >= _MIN_SKELETON:
            best = max(best, fuzz.ratio(bones_left, bones_right) / 100 * _ABJAD_MATCH)
        return best
    bones = (_VOWELS.sub("", left.translate(_VOICING)), _VOWELS.sub("", right.translate(_VOICING)))
    if (
        len(bones[0]) >= _MIN_SKELETON
        and bones[0] == bones[1]
        and left[:_ONSET] == right[:_ONSET]
        and letters >= _SKELETON_LETTERS
    ):
        best = max(best, _SKELETON_MATCH)
    return best


_ABJADS = (other_scripts.Script.ARABIC, other_scripts.Script.HEBREW)


def _abjad(key: str) -> bool:
    return other_scripts.script_of(key) in _ABJADS


# Letters that carry a word's first vowel in Arabic and Hebrew (`ארבל` Arbel, `عمان`
# Amman): a brand read by its consonants alone must begin with a vowel exactly when its
# own spelling does, or `Rubel` would read as `ארבל`.
_VOWEL_CARRIERS = frozenset("אעاأإآعى")
_ARTICLE = re.compile(r"^(?:ال|al-?|el-?)(?=\w{2})")


def _onset_vowel(word: str) -> bool:
    bare = _ARTICLE.sub("", word)
    return bool(bare) and (bare[0] in _VOWEL_CARRIERS or bare[0] in "aeiou")


def _same_onset(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return _onset_vowel(one[0]) == _onset_vowel(other[0])


@functools.lru_cache(maxsize=8192)
def similarity(left: str, right: str) -> float:
    """How well two name keys are one name with its trade translated (0..1): the same
    trades, said in two languages (at least one word not English), and brands that read
    alike. 0 when either has no trade word or no brand, or the trades differ."""
    one, other = split(left), split(right)
    if not (one.trades and other.trades and one.brand and other.brand):
        return 0.0
    if one.english_only and other.english_only:
        return 0.0  # `Acme Tours` and `Acme Travel`: English synonyms, not a translation
    if {w for w, _ in one.trades} == {w for w, _ in other.trades}:
        return 0.0  # the same words: the names are compared as they are
    if not _same_trades(one, other):
        return 0.0
    abjad = bool({_abjad(left), _abjad(right)} - {False})
    if abjad and not _same_onset(one.brand, other.brand):
        return 0.0
    best = 0.0
    for mine in _readings(one.brand, left):
        for theirs in _readings(other.brand, right):
            if abjad or same_first_sound(mine, theirs):
                # (An abjad reading leaves a first vowel out: its onset is compared above.)
                best = max(best, brand_closeness(mine, theirs, abjad))
    return round(best * TRANSLATED_MATCH, 3) if best >= BRAND_LINE else 0.0


def _latin_trades(concepts: frozenset[str]) -> list[str]:
    """Latin spellings of these trades in any language, longest first (for domain labels)."""
    found = {
        plain_letters(word).replace(" ", "").replace("'", "")
        for lexicon in NATIVE.values()
        for concept, words in lexicon.items()
        if concept in concepts
        for word in words
        if is_latin(word) and len(word) > _MIN_PREFIX - 2
    }
    found |= {w.replace(" ", "") for c in concepts for w in ENGLISH_WORDS.get(c, [])}
    return sorted(found, key=len, reverse=True)


@functools.lru_cache(maxsize=8192)
def in_label(key: str, label: str) -> float:
    """How well a domain label spells a Latin name with its trade in another language
    (`sigiri-prawahana` for Sigiriya Transport, `arbelbniya` for Arbel Construction)."""
    parts = split(key)
    if not parts.trades or not parts.brand or not label.isascii():
        return 0.0
    concepts = frozenset().union(*(trade.concepts for _, trade in parts.trades))
    squashed = label.lower().replace("-", "")
    brand = " ".join(parts.brand)
    best = 0.0
    for trade in _latin_trades(concepts):
        if len(trade) >= len(squashed) or any(trade == w.replace(" ", "") for w, _ in parts.trades):
            continue
        if squashed.endswith(trade):
            rest = squashed[: -len(trade)]
        elif squashed.startswith(trade):
            rest = squashed[len(trade) :]
        else:
            continue
        best = max(best, brand_closeness(brand, rest))
    return round(best * TRANSLATED_MATCH, 3) if best >= BRAND_LINE else 0.0


# The most searched trade words: one query per language, its own script and its Latin
# spelling, at most this many languages of a country.
_LANGUAGES = 2


def _first(words: list[str], latin: bool) -> str | None:
    return next((w for w in words if is_latin(w) == latin), None)


_NATIONAL = {"mn": "MN", "be": "BY"}
_OWN_LETTERS = {"ka": "GE", "hy": "AM"}


def _native_brand(brand: str, language: str) -> str | None:
    """The brand in the language's own letters, where a spelling of Latin letters is known
    (the Cyrillic languages); None elsewhere."""
    if language in _NATIONAL:
        return cyrillic_spelling(brand, _NATIONAL[language])
    if language in _OWN_LETTERS:
        return native_spelling(brand, _OWN_LETTERS[language])
    if language == "uk":
        return to_ukrainian(brand)
    if language == "kk":
        return to_kazakh(brand) or to_cyrillic(brand)
    if language in ("ru", "be", "bg", "sr", "ky", "uz"):
        return to_cyrillic(brand)
    return None


def search_forms(name: str, country: str | None) -> list[str]:
    """A Latin name with an English trade word, of a company whose country writes in
    another language, as that language's companies would write it: the brand as typed
    (or spelled in the language's letters, where a spelling is known) with the
    trade word in the language's own letters, and in its Latin spelling (`Terelj Tours`
    in Mongolia: `тэрэлж аялал`, `terelj ayalal`). None for other names."""
    languages = COUNTRY_LANGUAGES.get(country or "", ())
    key = name_key(name)
    if not languages or not key or not name.isascii():
        return []
    parts = split(key)
    if not parts.brand or not parts.trades or not parts.english_only:
        return []
    brand = " ".join(parts.brand)
    if len(brand.replace(" ", "")) < _MIN_PREFIX - 1:
        return []
    found: list[str] = []
    for language in languages[:_LANGUAGES]:
        lexicon = NATIVE.get(language, {})
        native_words: list[str] = []
        latin_words: list[str] = []
        for _, trade in parts.trades:
            words = next((lexicon[c] for c in sorted(trade.concepts) if c in lexicon), [])
            native, latin = _first(words, False), _first(words, True)
            if native:
                native_words.append(native)
            if latin:
                latin_words.append(latin)
        spelled = _native_brand(brand, language) or brand
        if native_words:
            found.append(" ".join([spelled, *native_words]))
        if latin_words and latin_words != [w for w, _ in parts.trades]:
            found.append(" ".join([brand, *latin_words]))
    return list(dict.fromkeys(found))
