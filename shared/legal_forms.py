"""A company name without its trailing legal forms: cleanco's `basename`, indexed.

cleanco compares the name's last words with each of its ~320 legal forms in turn, about
0.3 ms a name: most of the time of planning a large session. This gives the same answer
(the same forms, in the same order, from cleanco's own tables and helpers) by looking up
only the forms that end with the name's current last word.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left

from cleanco.clean import prepare_default_terms, strip_punct, tail_removal_rexp
from cleanco.non_nfkd_map import NON_NFKD_MAP

_NON_NFKD: dict[str, str] = dict(NON_NFKD_MAP)

# Forms by their last word: their lengths in words, longest first, and each form's
# positions in cleanco's order (forms of one spelling can appear several times). cleanco
# orders its forms longest first, so every form of a length comes before every shorter one.
_BY_LAST_WORD: dict[str, tuple[list[int], dict[tuple[str, ...], list[int]]]] = {}
for _position, (_size, _words) in enumerate(prepare_default_terms()):
    if _words:
        _lengths, _forms = _BY_LAST_WORD.setdefault(_words[-1], ([], {}))
        if len(_words) not in _lengths:
            _lengths.append(len(_words))
        _forms.setdefault(tuple(_words), []).append(_position)
for _lengths, _ in _BY_LAST_WORD.values():
    _lengths.sort(reverse=True)


def _strip_tail(name: str) -> str:
    """cleanco's `strip_tail` with its compiled pattern called directly (it goes through
    `re.search`, whose cache lookup costs as much as the search)."""
    # The pattern (`[^.\w]+$`) can only match a name that ends in something else; most
    # end in a letter or digit (`\w` is `str.isalnum` or `_`), and the search tries every
    # position before it finds nothing.
    if not name or name[-1].isalnum() or name[-1] in "._":
        return name
    match = tail_removal_rexp.search(name)
    return name[: match.start()] if match is not None else name


def _unaccented(text: str) -> str:
    """cleanco's `normalized` (case-folded, NFKD, combining marks dropped, its own table
    for letters that do not decompose), a list built instead of a generator's chain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # no combining marks, none of the table's letters
        return decomposed
    category = unicodedata.category
    return "".join([_NON_NFKD.get(c, c) for c in decomposed if category(c) != "Mn"])


def _normalized(text: str) -> str:
    # cleanco's normalisation leaves ASCII text lower-cased and otherwise unchanged.
    if text.isascii():
        return text.lower()
    return _unaccented(text)


def _compared_words(name: str, count: int) -> list[str]:
    """The name's words as cleanco compares them: normalized, without `.`, `,` and `-`."""
    if name.isascii():
        # Stripping the whole name at once gives the same words unless a word was nothing
        # but those marks (it would vanish instead of staying as an empty word).
        words: list[str] = strip_punct(name.lower()).split()
        if len(words) == count:
            return words
    every: list[str] = [strip_punct(word) for word in _normalized(name).split()]
    return every


def _last_word_of(part: str) -> str | None:
    """The last compared word of a name whose last part is `part`, None if that part
    normalizes to no word. Normalizing goes character by character and keeps whitespace
    whitespace, so a name's compared words are its parts' in turn."""
    words = _unaccented(part).split()
    found: str | None = strip_punct(words[-1]) if words else None
    return found


def words_kept(words: list[str], end: int) -> int:
    """How many of the compared words `words[:end]` cleanco's `basename` keeps: it removes
    legal forms from the end, longest forms first, each time going on from the form after
    the last one removed."""
    start = 0  # cleanco goes on from the form after the last one it removed
    while end:
        indexed = _BY_LAST_WORD.get(words[end - 1])
        if indexed is None:
            break
        lengths, forms = indexed
        # The first form in cleanco's order, at `start` or after, that the words end with:
        # of each length at most one form can match (the last words of that length), and
        # a longer one comes first.
        for size in lengths:
            positions = forms.get(tuple(words[end - size : end])) if size <= end else None
            if positions is not None and positions[-1] >= start:
                start = positions[bisect_left(positions, start)] + 1
                break
        else:
            break
        end -= size
    return end


def basename(name: str) -> str:
    """`cleanco.basename(name)`: trailing legal forms removed, longest forms tried first."""
    name = _strip_tail(name)
    parts = name.split()
    if not parts:
        return ""
    last = strip_punct(parts[-1].lower()) if name.isascii() else _last_word_of(parts[-1])
    if last is not None and last not in _BY_LAST_WORD:
        # Most names end in no legal form: nothing to look up.
        return _strip_tail(" ".join(parts))
    # cleanco removes as many parts as compared words (one part can normalize to more or
    # fewer words: it does the same).
    words = _compared_words(name, len(parts))
    removed = len(words) - words_kept(words, len(words))
    if removed:
        del parts[-removed:]
    stripped: str = _strip_tail(" ".join(parts))
    return stripped
