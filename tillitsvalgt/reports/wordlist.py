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
import re
from dataclasses import dataclass
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
def _load() -> tuple[dict[str, str], frozenset[str]]:
    """The lower-case entries with their affix flags (a word listed twice, for two
    meanings, has the flags of both), and the proper names casefolded."""
    path = dictionary_path()
    if path is None:
        return {}, frozenset()
    words: dict[str, str] = {}
    proper: set[str] = set()
    with path.open(encoding="iso-8859-1", errors="replace") as fh:
        next(fh, None)  # the first line is the number of entries
        for line in fh:
            word, _, rest = line.strip().partition("/")
            if not word or not word[0].isalpha():
                continue
            if word[0].islower():
                flags = rest.split()[0] if rest.strip() else ""
                words[word] = words.get(word, "") + flags
            else:
                proper.add(word.casefold())
    return words, frozenset(proper)


def available() -> bool:
    return bool(_load()[0])


def preload() -> None:
    """Read the dictionary and its affix rules now (≈ 0.3-0.5 s), off the thread that
    will check a summary's words."""
    _load()
    _suffix_rules()


# Endings hunspell adds by rule rather than listing (a plural, a definite form, a genitive):
# a word is ordinary when, without one of them, it is listed.
_ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a", "e", "s", "t")


def is_word(token: str) -> bool:
    """An ordinary word (any case): listed in lower case, or a form of one that is. The
    forms are the dictionary's own (``is_form``); only without its affix file are they
    guessed from a few common endings, which also take names for words («Hansen» as
    «hans» + «en»)."""
    words = _load()[0]
    low = token.casefold()
    if low in words:
        return True
    if _suffix_rules():
        return is_form(low)
    return any(
        low.endswith(e) and low[: -len(e)] in words for e in _ENDINGS if len(low) > len(e) + 2
    )


@dataclass(frozen=True)
class _Suffix:
    """One of the dictionary's suffix rules (``SFX flag strip add condition``): a word
    listed with ``flag`` whose end matches ``condition`` has a form with ``strip`` taken
    off its end and ``add`` put on."""

    flag: str
    strip: str
    condition: re.Pattern[str]


def _condition(text: str) -> re.Pattern[str]:
    """Hunspell's condition (``.``, letters, ``[abc]``, ``[^abc]``) as a pattern on a
    word's end."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "[":
            end = text.index("]", i)
            body = text[i + 1 : end]
            negate = body.startswith("^")
            chars = re.escape(body[1:] if negate else body)
            out.append(f"[{'^' if negate else ''}{chars}]")
            i = end + 1
        else:
            out.append("." if text[i] == "." else re.escape(text[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@functools.cache
def _suffix_rules() -> dict[str, tuple[_Suffix, ...]]:
    """The dictionary's suffix rules by the ending they add, from its affix file
    (``nb_NO.aff`` beside it); none without one."""
    path = dictionary_path()
    aff = path.with_suffix(".aff") if path is not None else None
    if aff is None or not aff.is_file():
        return {}
    rules: dict[str, list[_Suffix]] = {}
    for line in aff.read_text(encoding="iso-8859-1", errors="replace").splitlines():
        parts = line.split()
        # A block's header has three fields after SFX (flag, cross product, count); a rule
        # four or more (flag, strip, add with its own flags, condition, morphology).
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, condition = parts[1:5]
        add = add.split("/", 1)[0]
        rules.setdefault("" if add == "0" else add, []).append(
            _Suffix(flag, "" if strip == "0" else strip, _condition(condition))
        )
    return {k: tuple(v) for k, v in rules.items()}


def is_form(token: str) -> bool:
    """A form of a listed lower-case word by one of the dictionary's own suffix rules, as
    hunspell finds it: «det» (of «de»), «ledelsen», «medlemmene», «drøftingen». One suffix,
    no compounds; False without the dictionary or its affix file."""
    flags, rules = _load()[0], _suffix_rules()
    low = token.casefold()
    if low in flags:
        return True
    for cut in range(1, len(low) + 1):  # low[cut:] the ending a rule added ("" too)
        for rule in rules.get(low[cut:], ()):
            stem = low[:cut] + rule.strip
            if rule.flag in flags.get(stem, "") and rule.condition.search(stem):
                return True
    return False


def is_proper_name(token: str) -> bool:
    """Listed as a name or place (capitalised in the dictionary)."""
    return token.casefold().rstrip("s") in _load()[1] or token.casefold() in _load()[1]
