"""Which capitalised words in a summary the app asks about (``anonymise(...).unplaced``):
the bokmål dictionary's own word forms are words («Det», «Ledelsen», «Medlemmene»), and a
name is asked about wherever it stands, also when it is an ordinary word too («Haugen»)
or looks like a form of one («Hansen» is not «hans» + «en»)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tillitsvalgt.reports import wordlist
from tillitsvalgt.reports.anonymise import anonymise

# Norway's most common surnames (and a few more that are ordinary words too).
_SURNAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen "
    "Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl "
    "Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand "
    "Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie "
    "Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen "
    "Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas "
    "Myhre Hanssen Ahmed Haugland Thomassen Sandvik Simonsen Berntsen Sandberg Brekke"
)
SURNAMES = _SURNAMES.split()
# Sentences a representative writes; not one word in them is a name.
ORDINARY = (
    "Det ble enighet i møtet.",
    "Ledelsen trakk forslaget.",
    "Medlemmene ble ikke hørt før vedtaket.",
    "Noen ansatte protesterte. Drøftingen kom for sent.",
    "Når planen er klar, skal det drøftes.",
    "Kantinen flyttes. Garderober og stillerom mangler.",
    "Retningslinjer for hjemmekontor kom etter vedtaket.",
    "Arbeidsgiveren mottok kravet om drøfting. Vernetjenesten ble ikke spurt.",
)
# Forms the dictionary makes by its suffix rules, not listed as they stand.
FORMS = ("det", "ledelsen", "medlemmene", "drøftingen", "kantinen", "garderober", "vedtaket")


def test_the_dictionarys_own_forms_are_words() -> None:
    words = wordlist._load()[0]
    for form in FORMS:
        assert form not in words, form  # a form, not an entry
        assert wordlist.is_form(form) and wordlist.is_word(form.capitalize()), form


def test_sentences_of_ordinary_words_ask_about_nothing() -> None:
    for sentence in ORDINARY:
        assert anonymise(sentence).unplaced == (), sentence


@pytest.mark.parametrize("surname", SURNAMES)
def test_a_surname_is_asked_about_wherever_it_stands(surname: str) -> None:
    assert surname in anonymise(f"{surname} ga beskjed om flyttingen.").unplaced
    assert surname in anonymise(f"Etter møtet ga {surname} beskjed.").unplaced
    # Written as an ordinary word (lower case) it is left alone.
    assert anonymise(f"Etter møtet ga {surname.lower()} beskjed.").unplaced == ()


def test_a_name_is_no_word_for_looking_like_the_form_of_one() -> None:
    # «hans» + «en» was taken for a definite form: Norway's commonest surname went unasked.
    assert not wordlist.is_word("Hansen") and not wordlist.is_form("hansen")
    assert not wordlist.is_word("Gulliksen")


def _hunspell_rejects(words: list[str]) -> set[str]:
    """The words hunspell's bokmål checker does not accept (``-l`` lists them)."""
    done = subprocess.run(
        ["hunspell", "-d", "nb_NO", "-i", "utf-8", "-l"],
        input="\n".join(words) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return set(done.stdout.split())


def test_every_form_found_is_a_word_hunspell_accepts() -> None:
    """The privacy direction: no token is called a word that the dictionary's own checker
    rejects (a name taken for a word would go into the report unasked)."""
    assert shutil.which("hunspell"), "hunspell (Debian: hunspell, hunspell-no) is needed"
    tokens = sorted(
        {w.casefold().strip(".,") for s in ORDINARY for w in s.split()}
        | {s.casefold() for s in SURNAMES}
        | set(FORMS)
        | {"gulliksen", "kristiansens", "nordmanns", "rasmussen", "hansens", "olsens"}
    )
    found = [t for t in tokens if wordlist.is_form(t)]
    assert len(found) >= 40  # the check checks something
    assert not _hunspell_rejects(found)
    # And the checker does reject what it should: the test can fail.
    assert _hunspell_rejects(["gulliksen", "hansens"]) == {"gulliksen", "hansens"}


@pytest.fixture
def dictionary_without_affixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    source = wordlist.dictionary_path()
    assert source is not None
    copy = tmp_path / "nb_NO.dic"
    copy.write_bytes(source.read_bytes())
    monkeypatch.setenv(wordlist.DICTIONARY_ENV, str(copy))
    wordlist._load.cache_clear()
    wordlist._suffix_rules.cache_clear()
    yield
    wordlist._load.cache_clear()
    wordlist._suffix_rules.cache_clear()


@pytest.mark.usefixtures("dictionary_without_affixes")
def test_without_the_affix_file_forms_are_guessed_from_common_endings() -> None:
    assert wordlist.available()
    assert not wordlist.is_form("ledelsen")
    assert wordlist.is_word("Kontoret")  # «kontor» + «et»


def test_conditions_read_as_hunspell_means_them() -> None:
    condition = wordlist._condition("[^fk]en")
    assert condition.search("ben") and condition.search("liten")
    assert not condition.search("fen") and not condition.search("ken")
    assert wordlist._condition(".").search("a")
    vowels = wordlist._condition("[aæø]")
    assert vowels.search("sø") and not vowels.search("so")
