"""Letter-by-letter readings of Korean, Greek, Arabic, Hebrew, Thai and Devanagari words in
Latin letters, for `shared.other_scripts` (which explains the choices).

Korean syllable blocks are decomposed into their jamo and read in Revised Romanization, a
final consonant carried to a following vowel-initial syllable; Hebrew and Arabic letters
are read one by one (the Arabic article left out); Thai, Greek and Devanagari go through
anyascii after the fixes its letter-by-letter reading needs.
"""

from __future__ import annotations

import re

from anyascii import anyascii


def _spellings(spelled: str) -> list[str]:
    """Spellings written one after another with spaces, `-` for none."""
    return [each.strip("-") for each in spelled.split()]


_INITIALS = _spellings("g kk n d tt r m b pp s ss - j jj ch k t p h")
_MEDIALS = _spellings("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_FINALS = _spellings("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t")
# A final consonant before a syllable that starts with a vowel is read as its initial.
_CARRIED = _spellings("- g kk gs n nj nh d r lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h")


def korean_word(word: str) -> str:
    out: list[str] = []
    carried = ""
    previous_final = 0
    for index, ch in enumerate(word):
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(anyascii(ch))
            carried, previous_final = "", 0
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        following = ord(word[index + 1]) - 0xAC00 if index + 1 < len(word) else -1
        onset = _INITIALS[initial]
        if initial == 11:
            onset = carried
        elif initial == 5 and previous_final in (4, 8):
            onset = "l"  # ㄹ after ㄹ or ㄴ is `l` (`mullyu`)
        coda = _FINALS[final]
        carried = ""
        if final and final != 21 and 0 <= following < 11172 and following // 588 == 11:
            # The final consonant moves to the next, vowel-initial syllable.
            carried, coda = _CARRIED[final], ""
        out.append(onset + _MEDIALS[medial] + coda)
        previous_final = final
    return "".join(out)


_GREEK_PAIRS = (
    *(("ου", "ou"), ("Ου", "Ou"), ("ΟΥ", "OU"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv")),
    *(("Αυ", "Av"), ("Ευ", "Ev"), ("Ηυ", "Iv")),
)
_GREEK_FIXES = _GREEK_PAIRS + tuple((a.replace("υ", "ύ"), b) for a, b in _GREEK_PAIRS if "υ" in a)
_HEBREW = dict(
    zip(
        "אבגדהוזחטיכךלמםנןסעפףצץקרשת",
        _spellings("- v g d h o z ch t i ch ch l m m n n s - f f tz tz k r sh t"),
        strict=True,
    )
)
_HEBREW_START = {"ב": "b", "כ": "k", "פ": "p", "ו": "v", "י": "y"}
_ARABIC = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ",
        _spellings("a b t th j h kh d dh r z s sh s d t z - gh f q k l m n h u i a a - a i a - -"),
        strict=True,
    )
)  # fmt: skip
_ARABIC_START = {"و": "w", "ي": "y", "ا": "a", "ی": "y"}
# Persian's own letters, and its `ی` and `ک` where Arabic writes `ي` and `ك`.
_ARABIC |= {"پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "i"}
_PERSIAN = frozenset("پچژگکی")
_THAI_LEADING = "เแโใไ"
_THAI_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")
_THAI_FINALS = dict.fromkeys("ญรลฬณน", "n") | dict.fromkeys("จชซศษสดตถทธฎฏฐฑฒ", "t")
_THAI_FINALS |= dict.fromkeys("บปพฟภ", "p") | dict.fromkeys("กขคฆ", "k") | {"ย": "i", "ว": "o"}
# Short vowels that are always followed by their syllable's final consonant.
_THAI_CLOSING = "\u0e31\u0e47"
_THAI_SILENT = re.compile(r".[\u0e34\u0e38]?\u0e4c")  # a letter under the thanthakhat
_DEVANAGARI_CONSONANT = re.compile(r"[\u0915-\u0939\u0958-\u095f]")
_DEVANAGARI_SIGN = re.compile(r"[\u093c-\u094d\u0962\u0963]")


def hebrew_word(word: str) -> str:
    out = []
    for index, ch in enumerate(word):
        spelled = _HEBREW_START.get(ch) if index == 0 else None
        out.append(spelled or _HEBREW.get(ch, anyascii(ch)))
    return "".join(out)


def arabic_word(word: str) -> str:
    # The article `ال` (and `لل`, "for the") is the name's own word in Latin only as
    # Al-/El-, left out of comparisons.
    for article in ("وال", "بال", "لل", "ال"):
        if word.startswith(article) and len(word) > len(article) + 1:
            word = word[len(article) :]
            break
    persian = not _PERSIAN.isdisjoint(word)
    out = []
    for index, ch in enumerate(word):
        spelled = _ARABIC_START.get(ch) if index == 0 else None
        following = word[index + 1 : index + 2]
        if persian and ch == "و" and index and following in ("ا", "ی"):
            spelled = "v"  # Persian `و` before a long vowel is `v` (`نوین` novin)
        elif persian and ch == "ی" and index and following in ("ا", "و"):
            spelled = "y"  # and `ی` before one is `y` (`آریا` arya)
        out.append(spelled or _ARABIC.get(ch, "" if "\u064b" <= ch <= "\u065f" else anyascii(ch)))
    return "".join(out)


def thai_word(word: str) -> str:
    word = _THAI_SILENT.sub("", word)
    if word.startswith("อ") and len(word) > 1 and not _THAI_CONSONANT.match(word[1]):
        word = word[1:]  # `อ` carrying a word's first vowel is not said
    letters = list(word)
    for index in range(len(letters)):
        final = _THAI_FINALS.get(letters[index])
        following = letters[index + 1] if index + 1 < len(letters) else ""
        closed = not following or (
            letters[index - 1] in _THAI_CLOSING and bool(_THAI_CONSONANT.match(following))
        )
        if final and index and letters[index - 1] not in _THAI_LEADING and closed:
            # A consonant closing a syllable says its final value (`ญ` y, closing n).
            letters[index] = final
    index = 0
    while index < len(letters) - 1:
        # Vowels written before their consonant are said after it.
        if letters[index] in _THAI_LEADING:
            letters[index], letters[index + 1] = letters[index + 1], letters[index]
            index += 1
        index += 1
    return anyascii("".join(letters))


_VIRAMA = "\u094d"


def devanagari_word(word: str) -> str:
    # A consonant with no vowel sign or virama after it says `a`, except at a word's end,
    # where it keeps it after a cluster (`मित्र` mitra, `सूर्य` surya), in `-ालय` (`विद्यालय`
    # Vidyalaya) and `-ीय` (`राष्ट्रीय` Rashtriya), as Hindi and Nepali say and spell them.
    word = word.replace("\u0902", "न्").replace("\u0901", "न्")
    out = []
    for index, ch in enumerate(word):
        out.append(anyascii(ch))
        following = word[index + 1] if index + 1 < len(word) else ""
        if not _DEVANAGARI_CONSONANT.match(ch):
            continue
        said = not _DEVANAGARI_SIGN.match(following) if following else _final_vowel_said(word)
        if said:
            out.append("a")
    return "".join(out)


def _final_vowel_said(word: str) -> bool:
    after_cluster = len(word) > 2 and word[-2] == _VIRAMA
    return after_cluster or word.endswith(("\u093e\u0932\u092f", "\u0940\u092f"))


# `αυ`, `ευ`, `ηυ` are `af`, `ef`, `if` before a voiceless consonant and at a word's end
# (`Ναυτική` Naftiki, `Ευκλείδης` Efkleidis), `av`, `ev`, `iv` elsewhere (`Ευρώπη` Evropi).
_GREEK_VOICELESS = re.compile(r"([αεηάέήΑΕΗ])[υύΥ](?=[θκξπστφχψςΘΚΞΠΣΤΦΧΨ]|(?!\w))")
_GREEK_F = {"α": "af", "ά": "af", "ε": "ef", "έ": "ef", "η": "if", "ή": "if"}


def greek(text: str) -> str:
    text = _GREEK_VOICELESS.sub(lambda m: _GREEK_F[m.group(1).lower()], text)
    for greek, latin in _GREEK_FIXES:
        text = text.replace(greek, latin)
    return anyascii(text)


# Bengali and Tamil, like Devanagari: a consonant with no vowel sign or virama after it
# says its inherent vowel (`o` in Bengali as Bengalis spell names, `a` in Tamil).
_BRAHMIC = {
    "bn": (re.compile(r"[\u0995-\u09b9\u09dc-\u09df]"), re.compile(r"[\u09bc-\u09cd\u09d7]"), "o"),
    "ta": (re.compile(r"[\u0b95-\u0bb9]"), re.compile(r"[\u0bbe-\u0bcd\u0bd7]"), "a"),
}


def _brahmic_word(word: str, script: str) -> str:
    consonant, sign, vowel = _BRAHMIC[script]
    out = []
    for index, ch in enumerate(word):
        out.append(anyascii(ch))
        following = word[index + 1] if index + 1 < len(word) else ""
        if consonant.match(ch) and following and not sign.match(following):
            out.append(vowel)
    return "".join(out)


# Sinhala, like them, with its inherent `a`; `ව` is `w` and `ැ`/`ෑ` (æ) `e` as Sri Lankan
# names spell them (`මහවැලි` Mahaweli).
_SINHALA_CONSONANT = re.compile(r"[\u0d9a-\u0dc6]")
_SINHALA_SIGN = re.compile(r"[\u0dca-\u0ddf\u0df2\u0df3]")
_SINHALA_SPELLED = {"\u0dc0": "w", "\u0dd0": "e", "\u0dd1": "e"}


def sinhala_word(word: str) -> str:
    out = []
    for index, ch in enumerate(word):
        out.append(_SINHALA_SPELLED.get(ch) or anyascii(ch))
        following = word[index + 1] if index + 1 < len(word) else ""
        # A word's last consonant says its `a` too (`ප්‍රවාහන` prawahana).
        if _SINHALA_CONSONANT.match(ch) and not _SINHALA_SIGN.match(following or " "):
            out.append("a")
    return "".join(out)


# Lao, like Thai: vowels written before their consonant (`ເ`, `ແ`, `ໂ`, `ໃ`, `ໄ`) are
# said after it, and `ອ` carries a word's first vowel unsaid but is `o` within a word
# (`ດອກຈຳປາ` Dokchampa, `ກາເຟ` kafe).
_LAO_LEADING = frozenset("\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
_LAO_CONSONANT = re.compile(r"[\u0e81-\u0eae\u0edc-\u0edf]")


def lao_word(word: str) -> str:
    letters = list(word)
    index = 0
    while index < len(letters) - 1:
        if letters[index] in _LAO_LEADING and _LAO_CONSONANT.match(letters[index + 1]):
            letters[index], letters[index + 1] = letters[index + 1], letters[index]
            index += 1
        index += 1
    out = []
    for index, ch in enumerate(letters):
        if ch == "\u0ead":
            out.append("o" if index else "")
        else:
            out.append(anyascii(ch))
    return "".join(out)


def bengali_word(word: str) -> str:
    return _brahmic_word(word, "bn")


def tamil_word(word: str) -> str:
    return _brahmic_word(word, "ta")


def georgian_word(word: str) -> str:
    # anyascii marks ejectives with an apostrophe (`t'`), which Latin spellings leave out.
    return anyascii(word).replace("'", "")


def armenian_word(word: str) -> str:
    # `ռ` (a rolled r) is `rr` in anyascii and `r` as companies write it; `և` is `ev`,
    # also when written (or normalised, NFKC) as `եւ`.
    word = word.replace("ռ", "ր").replace("Ռ", "Ր").replace("եւ", "և").replace("Եւ", "Եվ")
    return anyascii(word).replace("'", "")


def ethiopic_word(word: str) -> str:
    # Ge'ez syllables read as anyascii spells them, its ejectives' apostrophes left out
    # (`ጣና` `t'ana`, written Tana).
    return anyascii(word).replace("'", "")


_KHMER_CONSONANT = re.compile(r"[\u1780-\u17a2]")
_KHMER_COENG = "\u17d2"
_KHMER_NIKAHIT = "\u17c6"
# Dependent vowel signs (the nikahit `ំ` and the reahmuk `ះ`, which close their syllable
# themselves, are not among them).
_KHMER_VOWEL = re.compile(r"[\u17b6-\u17c5]")
_KHMER_SIGN = re.compile(r"[\u17b6-\u17d3]")
# The a-series (first series) consonants say `a`, the o-series `o`: `អង្គរ` Angkor,
# `កំពត` Kampot, `សំណង់` Samnang, `មេគង្គ` Mekong, `ភ្នំ` Phnom.
_KHMER_A_SERIES = frozenset("កខចឆដឋណតថបផសហឡអឞ")
# Signs read as nothing: the bantoc (`់`, a closed syllable's short vowel), the register
# shifters and the marks of silence.
_KHMER_SILENT = frozenset("\u17c9\u17ca\u17cb\u17cd\u17cf\u17d1\u17d3")
# Vowels as names spell them where anyascii reads otherwise: `ោ` o (`កោះកុង` Koh Kong),
# `ិ` and `ី` i (`គិរី` Kiri).
_KHMER_VOWELS = {"\u17c4": "o", "\u17b7": "i", "\u17b8": "i"}


def _khmer_ends_word(word: str, index: int) -> bool:
    """The consonant at `index` ends the word: nothing after it but silent marks, or a
    final subscript consonant (`គង្គ`)."""
    rest = word[index + 1 :]
    rest = "".join(ch for ch in rest if ch not in _KHMER_SILENT)
    return not rest or (len(rest) == 2 and rest[0] == _KHMER_COENG)


def khmer_word(word: str) -> str:
    """Khmer as names are spelled in Latin letters (UNGEGN with the popular `p` for a final
    `ប`): a consonant with no vowel sign says its series' vowel unless it closes the
    syllable of a vowel sign before it (`ដឹក` doek) or a bantoc follows (`កំពង់` kampong),
    a subscript consonant ending the word is not said (`គង្គ` kong), and the independent
    vowel carrier `អ` (an apostrophe in anyascii) says only its vowel."""
    out = []
    series = "a"
    for index, ch in enumerate(word):
        previous = word[index - 1] if index else ""
        following = word[index + 1] if index + 1 < len(word) else ""
        subscript = previous == _KHMER_COENG
        if ch in _KHMER_SILENT:
            continue
        if ch == _KHMER_NIKAHIT:
            out.append("om" if series == "o" else "am")
            continue
        if ch == "\u17b6" and series == "o":
            out.append("ea")  # `រាប` Reap, `មាន` Mean
            continue
        if ch == "\u17c7" and previous and _KHMER_VOWEL.match(previous):
            out.append("h")  # `កោះ` Koh
            continue
        if not _KHMER_CONSONANT.match(ch):
            out.append(_KHMER_VOWELS.get(ch) or anyascii(ch).replace("'", ""))
            continue
        if not subscript:
            series = "a" if ch in _KHMER_A_SERIES else "o"
        if subscript and not following:
            continue  # `មេគង្គ` Mekong: a final cluster says its first consonant
        if ch == "ប" and (following == "\u17c9" or (not following and index)):
            out.append("p")  # `សាប` Sap, `រាប` Reap, `ប៉ៃលិន` Pailin
        else:
            out.append(anyascii(ch).replace("'", ""))
        # After a vowel sign, a consonant before another syllable closes the vowel's.
        closes = (
            bool(previous)
            and _KHMER_VOWEL.match(previous) is not None
            and not subscript
            and _KHMER_CONSONANT.match(following) is not None
            and not _khmer_ends_word(word, index + 1)
        )
        if following and not _KHMER_SIGN.match(following) and not closes:
            out.append("a" if ch in _KHMER_A_SERIES else "o")
    return "".join(out)


# Burmese, syllable by syllable as Myanmar companies and places spell themselves
# (`မြစ်ကြီးနား` Myitkyina, `ရန်ကုန်` Yangon, `မန္တလေး` Mandalay, `အင်းလေး` Inle): the
# initial with its medials (`ျ`/`ြ` y, `ွ` w, `ှ` an `h` before it, `ရှ` sh), then the
# vowel and a final consonant read together (`ောင်` aung, `ိုက်` aik, `န်` an, `စ်` it);
# a stop after a vowel or a nasal within a word is voiced, as it is said (`ရန်ကုန်`
# Yangon, `ရတနာ` Yadana). Tone marks are not written in Latin.
_BURMESE_INITIAL = dict(
    zip(
        "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ",
        _spellings("k kh g g ng s s z z ny t ht d d n t ht d d n p hp b b m y y l w th h l -"),
        strict=True,
    )
)
_BURMESE_VOICED = {"k": "g", "t": "d", "p": "b", "s": "z"}
_BURMESE_STANDING = {
    "ဣ": "i",
    "ဤ": "i",
    "ဥ": "u",
    "ဦ": "u",
    "ဧ": "e",
    "ဩ": "aw",
    "ဪ": "aw",
    "၏": "i",
}
# A final consonant (under the asat `်` or stacked with `္`) by the class it is said in.
_BURMESE_FINAL_CLASS = dict.fromkeys("ကဂ", "k") | dict.fromkeys("ငဉ", "ng") | {"စ": "s"}
_BURMESE_FINAL_CLASS |= dict.fromkeys("တဋဒပဗ", "t") | dict.fromkeys("နဏမလ", "n")
_BURMESE_FINAL_CLASS |= {"ည": "ny", "ယ": "y", "ဖ": "f"}
# (vowel, final class) -> Latin; the vowel is "" (inherent), i, u, o (`ို`), aw (`ော`),
# e (`ေ`, `ဲ`) or a (`ာ`).
_BURMESE_RHYMES = {
    ("", "k"): "et", ("", "ng"): "in", ("", "s"): "it", ("", "t"): "at", ("", "n"): "an",
    ("", "ny"): "i", ("", "y"): "e", ("i", "t"): "eik", ("i", "n"): "ein", ("i", "k"): "eik",
    ("u", "t"): "ok", ("u", "k"): "ok", ("u", "n"): "on", ("u", "ng"): "ong",
    ("o", "k"): "aik", ("o", "ng"): "aing", ("aw", "k"): "auk", ("aw", "ng"): "aung",
    ("a", "n"): "an", ("a", "t"): "at",
}  # fmt: skip
_BURMESE_VOWELS = {"": "a", "a": "a", "i": "i", "u": "u", "o": "o", "aw": "aw", "e": "e"}
# Words said unlike their letters (a first syllable weakened, a stop voiced), in the
# spelling companies and maps use.
_BURMESE_SAID = {
    "လက်ဖက်": "lahpet", "မြန်မာ": "myanmar", "စစ်ကိုင်း": "sagaing", "မကွေး": "magway",
    "ထားဝယ်": "dawei", "ပြည်": "pyay", "ပဲခူး": "bago",
}  # fmt: skip
_BURMESE_CONSONANT = re.compile(r"[\u1000-\u1021\u103f]")


def _burmese_syllables(word: str) -> list[tuple[str, str, str, str]]:
    """(initial, medials, vowel, final class) of each syllable of a word."""
    syllables: list[tuple[str, str, str, str]] = []
    index = 0
    while index < len(word):
        ch = word[index]
        index += 1
        if ch in _BURMESE_STANDING:
            syllables.append(("", "", _BURMESE_STANDING[ch], ""))
            continue
        if not _BURMESE_CONSONANT.match(ch):
            if ch == "\u1036" and syllables:  # a stray anusvara closes the last syllable
                initial, medials, vowel, _ = syllables[-1]
                syllables[-1] = (initial, medials, vowel, "n")
            elif not "\u102b" <= ch <= "\u103e" and ch not in "\u1037\u1038\u1039\u103a":
                syllables.append((anyascii(ch), "", "", ""))
            continue
        medials, marks = "", ""
        while index < len(word) and "\u102b" <= word[index] <= "\u103e":
            sign = word[index]
            if sign == "\u1039" or (sign == "\u103a" and not medials and marks in ("", "\u1037")):
                break  # the consonant is the previous syllable's final
            if sign in "\u103b\u103c\u103d\u103e":
                medials += sign
            else:
                marks += sign
            index += 1
        if index < len(word) and word[index] in "\u103a\u1039" and syllables:
            # A consonant under the asat or stacked: the previous syllable's final.
            index += 1
            initial, previous, vowel, _ = syllables[-1]
            syllables[-1] = (initial, previous, vowel, _BURMESE_FINAL_CLASS.get(ch, "t"))
            continue
        vowel = ""
        if "\u1031" in marks and ("\u102c" in marks or "\u102b" in marks):
            vowel = "aw"
        elif "\u102d" in marks and "\u102f" in marks:
            vowel = "o"
        elif "\u102d" in marks or "\u102e" in marks:
            vowel = "i"
        elif "\u102f" in marks or "\u1030" in marks:
            vowel = "u"
        elif "\u1031" in marks or "\u1032" in marks:
            vowel = "e"
        elif "\u102c" in marks or "\u102b" in marks:
            vowel = "a"
        final = "n" if "\u1036" in marks else ""
        syllables.append((ch, medials, vowel, final))
    return syllables


def burmese_word(word: str) -> str:
    for own, said in _BURMESE_SAID.items():
        word = word.replace(own, f" {said} ")
    out: list[str] = []
    for part in word.split():
        if part.isascii():
            out.append(part)
            continue
        previous_open = False
        for ch, medials, vowel, final in _burmese_syllables(part):
            initial = _BURMESE_INITIAL.get(ch, ch) if _BURMESE_CONSONANT.match(ch) else ""
            if not _BURMESE_CONSONANT.match(ch) and ch:
                out.append(ch)
                previous_open = False
                continue
            if previous_open and not medials and initial in _BURMESE_VOICED:
                initial = _BURMESE_VOICED[initial]
            if "\u103b" in medials or "\u103c" in medials:
                initial = "ch" if initial == "kh" else initial + "y"
            if "\u103d" in medials:
                initial += "w"
            if "\u103e" in medials:
                initial = "sh" + initial[1:] if initial[:1] == "y" else "h" + initial
            rhyme = _BURMESE_RHYMES.get((vowel, final))
            if rhyme is None:
                rhyme = _BURMESE_VOWELS[vowel] + {"n": "n", "ng": "ng", "f": "f"}.get(final, "")
            out.append(initial + rhyme)
            previous_open = final in ("", "n", "ng")
    return "".join(out)
