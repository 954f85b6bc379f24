"""Thai words read in the Royal Thai General System (RTGS), the way Thai companies and
places spell themselves in Latin letters (`เจริญผล` Charoenphon, `บ้านสวน` Ban Suan,
`ทะเลทอง` Thale Thong).

Thai writes vowels before, above, below and after their consonant, leaves some unwritten
(`ผล` is phon, the `a` of `จริญ`'s first letter is said), and a consonant says another
sound closing a syllable than opening one (`ญ` y, closing n). The word is cut into
syllables (a leading vowel, an initial consonant or cluster, vowel signs, a final
consonant), each spelled in RTGS: aspirated consonants with `h`, no tones, no vowel
length. Thai has no spaces inside words, so where one syllable ends and the next begins
is guessed from the letters that follow: a reading, not a dictionary's.
"""

from __future__ import annotations

import re

_INITIAL = {
    "ก": "k", "ข": "kh", "ฃ": "kh", "ค": "kh", "ฅ": "kh", "ฆ": "kh", "ง": "ng", "จ": "ch",
    "ฉ": "ch", "ช": "ch", "ซ": "s", "ฌ": "ch", "ญ": "y", "ฎ": "d", "ฏ": "t", "ฐ": "th",
    "ฑ": "th", "ฒ": "th", "ณ": "n", "ด": "d", "ต": "t", "ถ": "th", "ท": "th", "ธ": "th",
    "น": "n", "บ": "b", "ป": "p", "ผ": "ph", "ฝ": "f", "พ": "ph", "ฟ": "f", "ภ": "ph",
    "ม": "m", "ย": "y", "ร": "r", "ล": "l", "ว": "w", "ศ": "s", "ษ": "s", "ส": "s",
    "ห": "h", "ฬ": "l", "อ": "", "ฮ": "h",
}  # fmt: skip
_FINAL = (
    dict.fromkeys("กขคฆ", "k")
    | dict.fromkeys("จชซฌฎฏฐฑฒดตถทธศษส", "t")
    | dict.fromkeys("ญณนรลฬ", "n")
    | dict.fromkeys("บปพฟภ", "p")
    | {"ง": "ng", "ม": "m", "ย": "i", "ว": "o"}
)
_LEADING = "เแโใไ"
_ABOVE_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"  # ั ิ ี ึ ื ุ ู ็
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_CLUSTER_SECOND = {"ร", "ล", "ว"}
_CLUSTER_FIRST = set("กขคปพตผ")
# `ห` (and `อ` before `ย`) before a sonorant only sets its tone.
_SILENT_H = set("งญนมยรลว")
_CONSONANTS = set(_INITIAL)


def _is_consonant(ch: str) -> bool:
    return ch in _CONSONANTS


def _ends_syllable(word: str, at: int) -> bool:
    """Nothing, a consonant or a leading vowel at `at`: no vowel sign of the letter before."""
    return at >= len(word) or _is_consonant(word[at]) or word[at] in _LEADING


def _vowel(lead: str, marks: str, after: str, closed: bool) -> str:
    """The RTGS spelling of a vowel from its parts: the leading vowel, the signs above
    and below, and what follows the consonant (`า`, `ะ`, `อ`, `ย`, `ว`, `ำ`)."""
    marks = marks.replace("\u0e47", "")
    key = (lead, marks, after)
    table = {
        ("", "", "ะ"): "a", ("", "\u0e31", ""): "a", ("", "", "า"): "a",
        ("", "\u0e34", ""): "i", ("", "\u0e35", ""): "i", ("", "\u0e36", ""): "ue",
        ("", "\u0e37", ""): "ue", ("", "\u0e37", "อ"): "ue", ("", "\u0e38", ""): "u",
        ("", "\u0e39", ""): "u", ("เ", "", "ะ"): "e", ("เ", "", ""): "e",
        ("แ", "", "ะ"): "ae", ("แ", "", ""): "ae", ("โ", "", "ะ"): "o", ("โ", "", ""): "o",
        ("เ", "", "าะ"): "o", ("", "", "อ"): "o", ("เ", "", "อ"): "oe",
        ("เ", "\u0e34", ""): "oe", ("เ", "\u0e35", "ย"): "ia", ("เ", "\u0e37", "อ"): "uea",
        ("", "\u0e31", "ว"): "ua", ("", "", "ว"): "ua", ("ใ", "", ""): "ai",
        ("ไ", "", ""): "ai", ("", "", "ำ"): "am", ("เ", "", "า"): "ao",
        ("", "\u0e31", "ย"): "ai", ("", "", "ย"): "oi",
    }  # fmt: skip
    if key in table:
        return table[key]
    if not lead and not marks and not after:
        return "o" if closed else "a"
    return table.get((lead, marks, ""), "a")


_AFTER = ("าะ", "ะ", "า", "อ", "ำ")


def _syllable(word: str, at: int) -> tuple[str, int]:
    """One syllable read from `word[at:]`: its spelling and where the next one starts."""
    lead = ""
    if word[at] in _LEADING:
        lead, at = word[at], at + 1
    if at >= len(word) or not _is_consonant(word[at]):
        return "", at + 1
    initial = _INITIAL[word[at]]
    at += 1

    def marks_at(index: int) -> bool:
        return index < len(word) and word[index] in _ABOVE_BELOW + _TONES + "ะาำ"

    if at < len(word) and _is_consonant(word[at]):
        first, second = word[at - 1], word[at]
        if first in "หอ" and second in _SILENT_H and (first == "ห" or second == "ย"):
            initial, at = _INITIAL[second], at + 1
        elif first in _CLUSTER_FIRST and second in _CLUSTER_SECOND and marks_at(at + 1):
            initial, at = initial + _INITIAL[second], at + 1
        elif not lead and first in "ศสซท" and second == "ร" and marks_at(at + 1):
            initial, at = "s", at + 1  # `ศรี` si, `ทราย` sai: the `ร` is not said
    marks = ""
    while at < len(word) and word[at] in _ABOVE_BELOW + _TONES:
        if word[at] in _ABOVE_BELOW:
            marks += word[at]
        at += 1
    after = ""
    for part in _AFTER:
        if word.startswith(part, at) and not (part == "อ" and marks and lead != "เ"):
            after, at = part, at + len(part)
            break
    if (
        not after
        and at < len(word)
        and word[at] in "ยว"
        and ((lead == "เ" and word[at] == "ย") or marks == "\u0e31")
    ):
        after, at = word[at], at + 1  # `เ-ีย` ia, `-ัว` ua, `-ัย` ai
    no_vowel = not (lead or marks or after)
    if no_vowel and word.startswith("ว", at) and at + 1 < len(word) and _is_consonant(word[at + 1]):
        after, at = "ว", at + 1  # `สวน`: a `ว` between consonants is the vowel `ua`
    while at < len(word) and word[at] in _TONES:
        at += 1
    final = ""
    open_vowel = after in ("ะ", "าะ", "ำ") or lead in ("ใ", "ไ") or (lead, after) == ("เ", "า")
    if lead in ("ใ", "ไ") and word.startswith("ย", at) and _ends_syllable(word, at + 1):
        at += 1  # `ไทย`: a `ย` after `ai` is not said again
    no_vowel = not (lead or marks or after)
    if not open_vowel and at < len(word) and word[at] in _FINAL:
        following = word[at + 1] if at + 1 < len(word) else ""
        # `อ` after it, itself before a consonant, is the next syllable's vowel (`เลทอง`);
        # a closing `ร` after it (`นคร`) makes it the next syllable's first letter.
        vowel_o = following == "อ" and _ends_syllable(word, at + 2)
        closing_r = no_vowel and following == "ร" and at + 2 == len(word)
        takes_final = not following or _is_consonant(following) or following in _LEADING
        if takes_final and not (vowel_o or closing_r):
            if word[at] == "ร" and following == "ร":
                final, at = "n", at + 2  # `รร` is `an`
            else:
                final, at = _FINAL[word[at]], at + 1
                if word.startswith("ร", at) and _ends_syllable(word, at + 1):
                    at += 1  # `มิตร`, `สมุทร`: a `ร` after the final is not said
    vowel = _vowel(lead, marks, after, bool(final))
    if final == "i" and vowel in ("a", "ai"):
        final = "" if vowel == "ai" else "i"
    if final == "o" and vowel in ("a", "e", "i"):
        final = "o"
    return initial + vowel + final, at


# A letter under the thanthakhat, with the vowel sign it may carry, is not said.
_UNSAID = re.compile("[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")
# `เจริญ`: a leading `เ` before two consonants that make no cluster, the second with the
# sign that completes the vowel, belongs to the second; the first says `a` alone.
_SPLIT_LEAD = re.compile("เ([\u0e01-\u0e2e])([\u0e01-\u0e2e])(?=[\u0e34\u0e35\u0e37])")


def _split_lead(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if first in _CLUSTER_FIRST and second in _CLUSTER_SECOND:
        return match.group(0)
    return f"{first}ะเ{second}"


def rtgs_word(word: str) -> str:
    """`เจริญผล` -> `charoenphon`, `ทะเลทอง` -> `thalethong`; letters not Thai kept."""
    word = _SPLIT_LEAD.sub(_split_lead, _UNSAID.sub("", word))
    out: list[str] = []
    at = 0
    while at < len(word):
        ch = word[at]
        if not ("\u0e01" <= ch <= "\u0e5b"):
            out.append(ch)
            at += 1
            continue
        spelled, at = _syllable(word, at)
        out.append(spelled)
    return "".join(out)
