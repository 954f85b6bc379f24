"""A company name without its trailing legal forms: cleanco's `basename`, indexed.

cleanco compares the name's last words with each of its ~320 legal forms in turn, about
0.3 ms a name: most of the time of planning a large session. This gives the same answer
(the same forms, in the same order, from cleanco's own tables and helpers) by looking up
only the forms that end with the name's current last word.
"""

from __future__ import annotations

from bisect import bisect_left

from cleanco.clean import normalized, prepare_default_terms, strip_punct, tail_removal_rexp

# Forms by their last word: (position in cleanco's order, words), in that order.
_BY_LAST_WORD: dict[str, list[tuple[int, list[str]]]] = {}
for _position, (_size, _words) in enumerate(prepare_default_terms()):
    if _words:
        _BY_LAST_WORD.setdefault(_words[-1], []).append((_position, _words))
_POSITIONS = {word: [p for p, _ in forms] for word, forms in _BY_LAST_WORD.items()}


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


def _normalized(text: str) -> str:
    # cleanco's normalisation leaves ASCII text lower-cased and otherwise unchanged.
    if text.isascii():
        return text.lower()
    folded: str = normalized(text)
    return folded


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


def basename(name: str) -> str:
    """`cleanco.basename(name)`: trailing legal forms removed, longest forms tried first."""
    name = _strip_tail(name)
    parts = name.split()
    if parts and name.isascii() and strip_punct(parts[-1].lower()) not in _BY_LAST_WORD:
        # Most names end in no legal form: nothing to look up.
        return _strip_tail(" ".join(parts))
    words = _compared_words(name, len(parts))
    start = 0
    while words:
        forms = _BY_LAST_WORD.get(words[-1])
        if forms is None:
            break
        found = None
        for position, form in forms[bisect_left(_POSITIONS[words[-1]], start) :]:
            if words[-len(form) :] == form:
                found = position, len(form)
                break
        if found is None:
            break
        start, size = found[0] + 1, found[1]
        del words[-size:]
        del parts[-size:]
    stripped: str = _strip_tail(" ".join(parts))
    return stripped
