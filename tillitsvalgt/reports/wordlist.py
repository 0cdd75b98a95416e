"""Which words are ordinary Norwegian words, for telling names from words in the summaries.

Read from the hunspell bokmål dictionary (Debian package ``hunspell-no``: nb_NO.dic, one
entry a line, «ord/FLAGG», in ISO-8859-1). Entries written in lower case are ordinary words
(«per», «liv», «mai», «berg»); capitalised entries are proper names (Kari, Berg, Tromsø).
Without the dictionary (Windows, a system without the package) both sets are empty and
the anonymiser falls back to its older, cruder rules; ``available()`` says which.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

DICTIONARY_ENV = "TILLITSVALGT_HUNSPELL_NB"
_CANDIDATES = (
    Path("/usr/share/hunspell/nb_NO.dic"),
    Path("/usr/share/myspell/dicts/nb_NO.dic"),
    Path("/usr/share/myspell/nb_NO.dic"),
)


def dictionary_path() -> Path | None:
    chosen = os.environ.get(DICTIONARY_ENV)
    if chosen:
        path = Path(chosen)
        return path if path.is_file() else None
    return next((p for p in _CANDIDATES if p.is_file()), None)


@functools.cache
def _load() -> tuple[frozenset[str], frozenset[str]]:
    path = dictionary_path()
    if path is None:
        return frozenset(), frozenset()
    words: set[str] = set()
    proper: set[str] = set()
    with path.open(encoding="iso-8859-1", errors="replace") as fh:
        next(fh, None)  # the first line is the number of entries
        for line in fh:
            word = line.split("/", 1)[0].strip()
            if not word or not word[0].isalpha():
                continue
            if word[0].islower():
                words.add(word)
            else:
                proper.add(word.casefold())
    return frozenset(words), frozenset(proper)


def available() -> bool:
    return bool(_load()[0])


# Endings hunspell adds by rule rather than listing (a plural, a definite form, a genitive):
# a word is ordinary when, without one of them, it is listed.
_ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a", "e", "s", "t")


def is_word(token: str) -> bool:
    """An ordinary word (any case): listed in lower case, or one of its simple forms is."""
    words = _load()[0]
    low = token.casefold()
    if low in words:
        return True
    return any(
        low.endswith(e) and low[: -len(e)] in words for e in _ENDINGS if len(low) > len(e) + 2
    )


def is_proper_name(token: str) -> bool:
    """Listed as a name or place (capitalised in the dictionary)."""
    return token.casefold().rstrip("s") in _load()[1] or token.casefold() in _load()[1]
