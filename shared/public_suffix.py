"""The registered domain of a plain web address, by a direct walk of the public-suffix trie.

tldextract parses every input as a URL of any shape, which costs about 20 us a call: most of
the time of a million-row upload and of planning it. Nearly every website cell is a plain
`http(s)://host[:port][/path]` with ASCII letter-digit-hyphen labels; for those this walks
the same trie tldextract holds (ICANN section, as `company_keys` configures it) and gives
the same answer. Anything else (IP addresses, punycode, other schemes, user info, empty
labels, wildcard rules) returns `UNSURE`, and the caller asks tldextract.
"""

from __future__ import annotations

import re
from typing import Final

import tldextract

UNSURE: Final = "?"
_PLAIN = re.compile(
    r"(?:https?://)?([a-z0-9.-]+)(?::[0-9]+)?(?:[/?#][!-~]*)?",
    re.ASCII,
)


class SuffixWalk:
    def __init__(self, extract: tldextract.TLDExtract) -> None:
        self._root = extract._get_tld_extractor().tlds_excl_private_trie
        # Top-level suffixes with no rule below them (`com`, `io`, `de`): under one of these
        # the registered domain is the host's last two labels, with no walk.
        self._bare_tops = frozenset(
            label
            for label, node in self._root.matches.items()
            if node.end and not node.matches and label.strip("0123456789-")
        )

    def registered_domain(self, lowered: str) -> str | None:
        """`lowered` is the website already trimmed and lower-cased."""
        if not lowered.isascii():
            return UNSURE
        plain = _PLAIN.fullmatch(lowered)
        if plain is None:
            return UNSURE
        host = plain.group(1)
        head, _, top = host.rpartition(".")
        if (
            top in self._bare_tops
            and head
            and not (head[0] == "." or ".." in host or "xn--" in host)
        ):
            return host[head.rfind(".") + 1 :]  # `head` is where `host` starts
        labels = host.split(".")
        # Empty labels, punycode, and a last label without letters (an IPv4 address).
        if "" in labels or "xn--" in host or not labels[-1].strip("0123456789-"):
            return UNSURE
        node = self._root
        suffix_start = position = len(labels)
        for label in reversed(labels):
            following = node.matches.get(label)
            if following is None:
                if "*" in node.matches:
                    return UNSURE
                break
            position -= 1
            node = following
            if node.end:
                suffix_start = position
        if suffix_start == len(labels) or suffix_start == 0:
            return None
        return ".".join(labels[suffix_start - 1 :])
