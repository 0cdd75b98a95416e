"""The legal catalogue: the built-in file keeps the facts of docs/legal-sources.md (leads never
cited by paragraph), and a broken union-office file gets Norwegian messages with the exact
line, while the app goes on with the built-in catalogue. No database here."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillitsvalgt.errors import ValidationError
from tillitsvalgt.rules.catalogue import (
    BUILTIN_ORIGIN,
    CatalogueProblem,
    builtin_path,
    catalogue_for,
    check_catalogue,
    check_text,
    load_catalogue,
    load_text,
)
from tillitsvalgt.rules.types import CONDITIONS, LEVELS, Catalogue, Provision
from tillitsvalgt.vocabulary import AGREEMENTS, CASE_TYPES

from conftest import SCENARIOS

BUILTIN_TEXT = builtin_path().read_text(encoding="utf-8")
RAW: dict[str, Any] = tomllib.loads(BUILTIN_TEXT)


def builtin() -> Catalogue:
    return load_catalogue()


def applies(p: Provision, case_type: str) -> bool:
    return "*" in p.case_types or case_type in p.case_types


# --------------------------------------------------------------------------- the built-in file


def test_the_builtin_catalogue_loads_once_and_has_no_problems() -> None:
    catalogue = builtin()
    assert catalogue.origin == BUILTIN_ORIGIN
    assert catalogue is load_catalogue()  # parsed once, then cached
    assert check_catalogue(builtin_path()) == []
    assert len(catalogue.provisions) == len(RAW["provision"])
    assert len(catalogue.agreements) == len(RAW["agreement"])


def test_every_agreement_code_but_none_has_an_entry_with_a_sane_period() -> None:
    agreements = builtin().agreements
    assert set(agreements) == set(AGREEMENTS) - {"none"}
    for code, a in agreements.items():
        assert a.code == code and a.name and a.version
        if a.valid_from and a.valid_to:
            assert a.valid_from <= a.valid_to


def test_every_provision_key_is_unique_and_starts_with_its_source() -> None:
    keys = [p["key"] for p in RAW["provision"]]  # the raw file, before any checking
    assert len(keys) == len(set(keys))
    for p in builtin().provisions:
        assert p.key.split(":", 1)[0] == p.source


def test_a_lead_is_cited_by_chapter_or_agreement_never_by_paragraph() -> None:
    leads = [p for p in builtin().provisions if not p.verified]
    assert leads
    for p in leads:
        assert p.chapter.strip(), p.key
        assert "§" not in p.citation(), p.key
        # The key cites only what is verified: a chapter or the agreement, not a number.
        assert not p.key.split(":", 1)[1][0].isdigit(), p.key


def test_every_verified_provision_has_a_paragraph() -> None:
    for p in builtin().provisions:
        if p.verified:
            assert p.paragraph.strip(), p.key
            assert p.citation().endswith(p.paragraph)


def test_codes_in_the_builtin_file_are_the_shared_vocabulary() -> None:
    for p in builtin().provisions:
        assert p.case_types <= set(CASE_TYPES) | {"*"}, p.key
        assert p.level is None or p.level in LEVELS
        assert p.condition is None or p.condition in CONDITIONS
        assert p.agreement is None or p.agreement in builtin().agreements


def test_summaries_are_our_own_words_not_quotations() -> None:
    for p in builtin().provisions:
        assert p.summary and p.title, p.key
        assert not any(mark in p.summary for mark in '«»"“”'), p.key


def test_every_key_the_scenarios_name_is_in_the_catalogue() -> None:
    keys = {p.key for p in builtin().provisions}
    named: set[str] = set()
    for scenario in json.loads(SCENARIOS.read_text(encoding="utf-8")):
        expected = scenario["expected"]
        named |= set(expected.get("provisions_include", []))
        named |= set(expected.get("provisions_exclude", []))
    assert named  # the scenarios do name some
    assert named <= keys, sorted(named - keys)


@pytest.mark.parametrize(
    ("key", "level", "case_types", "min_employees", "condition", "agreement"),
    [
        ("aml:8-1", "drofting", {"*"}, 50, None, None),
        ("aml:8-2", "drofting", {"*"}, 50, None, None),
        ("aml:4-2", "informasjon", {"office_layout", "space_allocation", "home_office_policy"},
         None, None, None),
        ("hjemmekontorforskriften:1", None, None, None, "regular_home_office", None),
        ("hjemmekontorforskriften:2", None, None, None, "regular_home_office", None),
        ("hjemmekontorforskriften:2-myndighetspålegg", "drofting", None, None,
         "authorities_order", None),
        ("aml:18-9", None, None, None, "building_permit", None),
        ("ha-staten:17", "informasjon", {"*"}, None, None, "staten"),
        ("ha-staten:19-2e", "forhandling", {"space_allocation"}, None, None, "staten"),
        ("ha-staten:19-2e-merknad", "drofting", None, None, None, "staten"),
        ("ha-ys-nho:kap-IX", "drofting", None, None, None, "ys-nho"),
        ("ha-virke-ys:hovedavtalen", "drofting", None, None, None, "virke-ys"),
    ],
)  # fmt: skip
def test_the_provisions_the_rules_rely_on(
    key: str,
    level: str | None,
    case_types: set[str] | None,
    min_employees: int | None,
    condition: str | None,
    agreement: str | None,
) -> None:
    p = builtin().provision(key)
    assert p.level == level
    if case_types is not None:
        assert p.case_types == case_types
    assert p.min_employees == min_employees
    assert p.condition == condition
    assert p.agreement == agreement


def test_the_timing_of_chapter_8_is_before_the_decision() -> None:
    for key in ("aml:8-1", "aml:8-2"):
        assert builtin().provision(key).timing == "så tidlig som mulig, før beslutningen"


def test_the_authorities_exception_is_cited_as_section_2_without_a_ledd() -> None:
    p = builtin().provision("hjemmekontorforskriften:2-myndighetspålegg")
    assert p.verified and p.paragraph == "§ 2"


def test_working_environment_duties_involve_verneombud_and_amu() -> None:
    catalogue = builtin()
    assert catalogue.provision("aml:6-2").working_environment
    amu = catalogue.provision("aml:7-2")
    # Since 1 Jan 2024: mandatory from 30, from 10 when a party demands it.
    assert amu.working_environment and amu.min_employees == 10 and amu.mandatory_from == 30
    assert applies(catalogue.provision("aml:6-2"), "office_layout")


def test_the_state_note_makes_open_plan_a_drofting_matter_and_space_a_forhandling_one() -> None:
    catalogue = builtin()
    note = catalogue.provision("ha-staten:19-2e-merknad")
    assert applies(note, "office_layout") and note.verified
    assert "merknad" in note.paragraph
    for key in ("ha-staten:20", "ha-staten:21", "ha-staten:22"):
        assert catalogue.provision(key).verified


@pytest.mark.parametrize("code", sorted(set(AGREEMENTS) - {"none"}))
@pytest.mark.parametrize("case_type", ["office_layout", "home_office_policy"])
def test_every_agreement_requires_drofting_even_under_50(code: str, case_type: str) -> None:
    found = [
        p
        for p in builtin().provisions
        if p.agreement == code
        and applies(p, case_type)
        and p.min_employees is None
        and p.condition is None
        and p.level in ("drofting", "forhandling")
    ]
    assert found, f"{code}: ingen drøftingsplikt for {case_type}"


def test_only_space_in_the_state_requires_forhandling() -> None:
    forhandling = [p.key for p in builtin().provisions if p.level == "forhandling"]
    assert forhandling == ["ha-staten:19-2e"]


def test_spekter_names_the_agreement_whose_paragraph_was_verified() -> None:
    p = builtin().provision("ha-spekter:30")
    assert p.verified and "LO Stat" in p.source_name


# --------------------------------------------------------------------------- broken files

BASE = """\
version = "2026-11-22"

[[agreement]]
code = "staten"
name = "Hovedavtalen i staten"
version = "2023–2025"
valid_from = 2023-01-01
valid_to = 2025-12-31

[[provision]]
key = "aml:8-2"
source = "aml"
source_name = "arbeidsmiljøloven"
paragraph = "§ 8-2"
title = "Informasjon og drøfting"
summary = "Sammendrag A."
verified = true
case_types = ["*"]
level = "drofting"
min_employees = 50
title_nn = "Informasjon og drøfting"
summary_nn = "Samandrag A."

[[provision]]
key = "ha-staten:17"
source = "ha-staten"
source_name = "Hovedavtalen i staten"
paragraph = "§ 17"
title = "Informasjon"
summary = "Sammendrag B."
verified = true
case_types = ["*"]
level = "informasjon"
title_nn = "Informasjon"
summary_nn = "Samandrag B."
agreement = "staten"
"""


def test_the_small_base_file_is_valid() -> None:
    catalogue = load_text(BASE, "test")
    assert [p.key for p in catalogue.provisions] == ["aml:8-2", "ha-staten:17"]
    assert catalogue.origin == "test"


def mutate(*changes: tuple[str, str]) -> str:
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


BROKEN = [
    # (what, changes, line, words in the message)
    ("syntax: text without quotes", [('level = "drofting"', "level = drofting")], 19,
     "ugyldig verdi"),
    ("syntax: unterminated string", [('title = "Informasjon"', 'title = "Informasjon')], 29,
     "anførselstegn"),
    ("syntax: header not closed", [('[[provision]]\nkey = "ha', '[[provision]\nkey = "ha')], 24,
     "]]"),
    ("syntax: impossible date", [("valid_from = 2023-01-01", "valid_from = 2023-02-30")], 7,
     "ugyldig dato"),
    ("syntax: field set twice", [('level = "drofting"', 'level = "drofting"\nlevel = "x"')], 20,
     "to ganger"),
    ("unknown level", [('level = "drofting"', 'level = "drøfting"')], 19,
     "bestemmelsen «aml:8-2» har ukjent nivå «drøfting»; bruk informasjon, drofting eller "
     "forhandling"),
    ("unknown case type", [('case_types = ["*"]\nlevel = "informasjon"',
                            'case_types = ["kontor"]\nlevel = "informasjon"')], 32,
     "ukjent sakstype «kontor»"),
    ("'*' combined", [('case_types = ["*"]\nlevel = "drofting"',
                       'case_types = ["*", "other"]\nlevel = "drofting"')], 18, "«*»"),
    ("duplicate key", [('key = "ha-staten:17"\nsource = "ha-staten"',
                        'key = "aml:8-2"\nsource = "aml"')], 25, "brukt før, på linje 10"),
    ("key does not match source", [('source = "aml"', 'source = "lov"')], 11,
     "delen før : skal være lik source"),
    ("key without source part", [('key = "aml:8-2"', 'key = "8-2"')], 11, "kilde:paragraf"),
    ("missing field", [('summary = "Sammendrag B."\n', "")], 24, "mangler feltet «summary»"),
    ("missing nynorsk summary", [('summary_nn = "Samandrag B."\n', "")], 24,
     "bestemmelsen «ha-staten:17» mangler feltet «summary_nn»"),
    ("missing nynorsk title", [('title_nn = "Informasjon og drøfting"\n', "")], 10,
     "bestemmelsen «aml:8-2» mangler feltet «title_nn»"),
    ("blank nynorsk summary", [('summary_nn = "Samandrag A."', 'summary_nn = " "')], 22,
     "feltet «summary_nn» i bestemmelsen «aml:8-2» er tomt"),
    ("blank required field", [('title = "Informasjon"', 'title = "  "')], 29, "er tomt"),
    ("unknown agreement code", [('agreement = "staten"', 'agreement = "statn"')], 36,
     "ukjent avtalekode «statn» (mente du «staten»?)"),
    ("agreement not in the file", [('agreement = "staten"', 'agreement = "ks"')], 36,
     'ingen [[agreement]] med code = "ks"'),
    ("agreement 'none' in a provision", [('agreement = "staten"', 'agreement = "none"')], 36,
     "utelat feltet"),
    ("unknown code in [[agreement]]", [('code = "staten"', 'code = "stat"')], 4,
     "ukjent avtalekode «stat»"),
    ("'none' as an [[agreement]]", [('code = "staten"', 'code = "none"')], 4, "«none»"),
    ("valid_to before valid_from", [("valid_to = 2025-12-31", "valid_to = 2022-12-31")], 8,
     "før den gjelder fra"),
    ("wrong type: bool as text", [('verified = true\ncase_types = ["*"]\nlevel = "drofting"',
                                   'verified = "ja"\ncase_types = ["*"]\nlevel = "drofting"')],
     17, "«verified» i bestemmelsen «aml:8-2» må være true eller false, ikke teksten «ja»"),
    ("wrong type: number as text", [("min_employees = 50", 'min_employees = "50"')], 20,
     "et helt tall"),
    ("wrong type: date as text", [("valid_from = 2023-01-01", 'valid_from = "2023-01-01"')], 7,
     "uten anførselstegn"),
    ("wrong type: case types not a list", [('case_types = ["*"]\nlevel = "drofting"',
                                            'case_types = "*"\nlevel = "drofting"')], 18,
     "en liste"),
    ("wrong type: min_employees as bool", [("min_employees = 50", "min_employees = true")], 20,
     "et helt tall, ikke true"),
    ("min_employees below 1", [("min_employees = 50", "min_employees = 0")], 20, "minst 1"),
    ("unknown field (typo)", [("min_employees = 50", "min_employee = 50")], 20,
     "ukjent felt «min_employee» i bestemmelsen «aml:8-2» (mente du «min_employees»?)"),
    ("unknown condition", [("min_employees = 50", 'condition = "bygg"')], 20,
     "ukjent vilkår «bygg»"),
    ("lead without chapter", [('verified = true\ncase_types = ["*"]\nlevel = "drofting"',
                               'verified = false\ncase_types = ["*"]\nlevel = "drofting"')],
     17, "må ha «chapter»"),
    ("lead cited by paragraph", [('paragraph = "§ 8-2"', 'chapter = "§ 8-2"'),
                                 ('verified = true\ncase_types = ["*"]\nlevel = "drofting"',
                                  'verified = false\ncase_types = ["*"]\nlevel = "drofting"')],
     14, "viser til en paragraf"),
    ("verified without paragraph", [('paragraph = "§ 17"', 'paragraph = ""')], 28,
     "mangler «paragraph»"),
    ("[agreement] instead of [[agreement]]", [("[[agreement]]", "[agreement]")], 3,
     "doble hakeparenteser"),
    ("unknown table", [("[[agreement]]", "[[agreements]]")], 3,
     "ukjent felt eller tabell «agreements»"),
    ("missing version", [('version = "2026-11-22"\n', "\n")], 1, "mangler «version»"),
    ("version not a date", [('version = "2026-11-22"', 'version = "ny"')], 1, "ÅÅÅÅ-MM-DD"),
    ("duplicate agreement", [('agreement = "staten"\n',
                              'agreement = "staten"\n\n[[agreement]]\ncode = "staten"\n'
                              'name = "x"\nversion = "y"\n')], 39,
     "står to ganger (første gang på linje 3)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "line", "words"),
    [pytest.param(c, n, w, id=what) for what, c, n, w in BROKEN],
)
def test_a_broken_file_names_the_line_and_the_problem_in_norwegian(
    changes: list[tuple[str, str]], line: int, words: str
) -> None:
    problems = check_text(mutate(*changes))
    assert problems, "the mistake was not found"
    at_line = [p for p in problems if p.line == line]
    assert at_line, [str(p) for p in problems]
    assert any(words in p.message for p in at_line), [str(p) for p in problems]
    for p in problems:
        assert str(p).startswith(f"linje {p.line}: ")
        assert "TOML-feil" not in p.message  # every tomllib message used here is translated


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = mutate(
        ('level = "drofting"', 'level = "drøfting"'),
        ('agreement = "staten"', 'agreement = "ks"'),
        ("valid_to = 2025-12-31", "valid_to = 2022-12-31"),
    )
    assert [p.line for p in check_text(text)] == [8, 19, 36]


def test_lines_are_found_past_multiline_strings_lists_and_inline_tables() -> None:
    text = mutate(
        ('summary = "Sammendrag A."', 'summary = """\nTekst\n[[provision]]\nlevel = "x"\n"""'),
        ('case_types = ["*"]\nlevel = "drofting"', 'case_types = [\n  "*",\n]\nlevel = "drøfting"'),
    )
    [problem] = check_text(text)
    assert problem.line == 25 and "«drøfting»" in problem.message
    inline = 'version = "2026-11-22"\n\nprovision = [{ key = "aml:1-1" }]\n'
    problems = check_text(inline)
    assert problems and {p.line for p in problems} == {3}
    assert "mangler feltet «summary»" in " ".join(p.message for p in problems)


def test_a_file_not_in_utf8_names_the_first_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "katalog.toml"
    path.write_bytes(BASE.encode("cp1252"))  # the en dash of "2023–2025" on line 6
    [problem] = check_catalogue(path)
    assert problem.line == 6 and "UTF-8" in problem.message


def test_a_byte_order_mark_is_tolerated() -> None:
    assert check_text("\ufeff" + BASE) == []


def test_load_text_raises_with_every_problem_and_its_line() -> None:
    text = mutate(('level = "drofting"', 'level = "drøfting"'))
    with pytest.raises(ValidationError) as caught:
        load_text(text, "lokal.toml")
    [problem] = caught.value.problems
    assert problem.field == "lokal.toml, linje 19"
    assert "lokal.toml, linje 19: bestemmelsen «aml:8-2» har ukjent nivå" in str(caught.value)


def test_load_catalogue_raises_on_a_broken_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "katalog.toml"
    path.write_text(mutate(("valid_to = 2025-12-31", "valid_to = 2022-12-31")), encoding="utf-8")
    with pytest.raises(ValidationError, match="linje 8"):
        load_catalogue(path)
    with pytest.raises(ValidationError, match="finner ikke filen"):
        load_catalogue(tmp_path / "finnes-ikke.toml")


# --------------------------------------------------------------------------- the app's choice


def test_no_custom_file_means_the_builtin_catalogue() -> None:
    catalogue, messages = catalogue_for(None)
    assert catalogue is builtin() and messages == []


def test_a_broken_custom_file_gives_messages_and_the_builtin_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "forbundets-katalog.toml"
    path.write_text(mutate(('level = "drofting"', 'level = "drøfting"')), encoding="utf-8")
    catalogue, messages = catalogue_for(path)
    assert catalogue is builtin()
    assert len(messages) == 2
    assert all(str(path) in m for m in messages)
    assert "innebygde" in messages[0]
    assert messages[1].startswith(f"{path}, linje 19: ")


def test_a_missing_custom_file_gives_a_message_and_the_builtin_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "borte.toml"
    catalogue, messages = catalogue_for(path)
    assert catalogue is builtin()
    assert any("finner ikke filen" in m and str(path) in m for m in messages)


def test_a_valid_custom_file_is_used(tmp_path: Path) -> None:
    old = builtin().provision("aml:4-1").summary
    assert BUILTIN_TEXT.count(old) == 1
    path = tmp_path / "lokal.toml"
    path.write_text(BUILTIN_TEXT.replace(old, "Vår egen forklaring."), encoding="utf-8")
    catalogue, messages = catalogue_for(path)
    assert messages == []
    assert catalogue.origin == str(path)
    assert catalogue.provision("aml:4-1").summary == "Vår egen forklaring."
    assert builtin().provision("aml:4-1").summary == old  # the cached built-in is untouched


# --------------------------------------------------------------------------- never a crash


def assert_lines(text: str, problems: list[CatalogueProblem]) -> None:
    last = text.removeprefix("\ufeff").count("\n") + 1
    for p in problems:
        assert isinstance(p.line, int) and 1 <= p.line <= last, str(p)
        assert p.message.strip()
        assert str(p).startswith(f"linje {p.line}: ")


@settings(max_examples=300)
@given(st.text())
def test_random_text_never_crashes_the_checker(text: str) -> None:
    problems = check_text(text)
    assert_lines(text, problems)
    if not problems:  # e.g. a bare version line: then it loads
        load_text(text, "tilfeldig")


LINES = BUILTIN_TEXT.split("\n")
VALUES = ['"x"', '""', "1", "-3", "true", "[]", '["*", "x"]', "2020-01-01", "{}", '"§ 1"',
          "2020-01-01T10:00:00", "[[1]]", '"drofting"', '"none"', '"staten"']  # fmt: skip


@st.composite
def mutated_builtin(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "chars", "cut"]))
        if how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif how == "value" and " = " in lines[i]:
            lines[i] = lines[i].split(" = ", 1)[0] + " = " + draw(st.sampled_from(VALUES))
        elif how == "chars":
            at = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(max_size=5)) + lines[i][at:]
        elif how == "cut":
            lines = lines[:i]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_builtin())
def test_mutations_of_the_builtin_file_load_or_give_problems_with_lines(text: str) -> None:
    problems = check_text(text)
    assert_lines(text, problems)
    if not problems:
        catalogue = load_text(text, "mutert")
        assert len({p.key for p in catalogue.provisions}) == len(catalogue.provisions)


# --------------------------------------------------------------------------- arguments

ARGUMENT_BROKEN = [
    ('argument = "Endringen gjelder {tema}."', "må vise til bestemmelsen med {sitat}"),
    ('argument = "jf. {sitat} og {paragraf}."', "ukjent: paragraf"),
    ('argument = "jf. {sitat"', "må vise til bestemmelsen med {sitat}"),
    ('argument = { kontor = "jf. {sitat}." }', "ukjent sakstype «kontor»"),
    ('argument = "=8-2"', "= fulgt av nøkkelen"),
    ("argument = 5", "må være en tekst, eller en tabell"),
]


@pytest.mark.parametrize(("line", "words"), ARGUMENT_BROKEN)
def test_an_argument_cites_its_provision_and_uses_only_known_words(line: str, words: str) -> None:
    problems = check_text(mutate(("min_employees = 50", f"min_employees = 50\n{line}")))
    assert [p.line for p in problems] == [21], [str(p) for p in problems]
    assert words in problems[0].message and "bestemmelsen «aml:8-2»" in problems[0].message


def test_an_argument_per_case_type_or_none_at_all() -> None:
    text = mutate(
        (
            "min_employees = 50",
            'min_employees = 50\nargument = { availability = "Se {sitat}." }\n'
            'argument_nn = { availability = "Sjå {sitat}." }',
        ),
        ('agreement = "staten"', 'agreement = "staten"\nargument = {}'),
    )
    catalogue = load_text(text, "test")
    aml, state = catalogue.provisions
    assert aml.argument_for("availability") == "Se {sitat}."
    assert aml.argument_for("availability", "nn") == "Sjå {sitat}."
    assert aml.argument_for("office_layout") is None  # not argued in a letter of that type
    assert state.arguments == () and state.argument_for("office_layout") is None
    # Without the field (an older file) the letters fall back to their plain sentences.
    assert load_text(BASE, "test").provisions[0].arguments is None


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ('argument = "Se {sitat}."', "skriv det også på nynorsk (argument_nn) for sakstype *"),
        ('argument_nn = "Sjå {sitat}."', "skriv det også på bokmål (argument) for sakstype *"),
        (
            'argument = { availability = "Se {sitat}." }\nargument_nn = "Sjå {sitat}."',
            "på nynorsk (argument_nn) for sakstype availability",
        ),
    ],
)
def test_an_argument_in_one_written_form_needs_the_other(lines: str, words: str) -> None:
    """A nynorsk letter never borrows a bokmål sentence: the check wants both forms."""
    problems = check_text(mutate(("min_employees = 50", f"min_employees = 50\n{lines}")))
    assert len(problems) == 1 and words in problems[0].message, [str(p) for p in problems]
    assert "bestemmelsen «aml:8-2»" in problems[0].message


def test_every_argument_in_the_builtin_catalogue_has_its_nynorsk_twin() -> None:
    for p in load_catalogue().provisions:
        for case_type, text in p.arguments or ():
            nn = p.argument_for(case_type, "nn")
            if text.startswith("="):
                assert nn == text, p.key
            else:
                assert nn and nn != text and "{sitat}" in nn and nn.endswith("."), p.key


def test_every_argument_in_the_builtin_catalogue_cites_a_provision_that_exists() -> None:
    catalogue = load_catalogue()
    keys = {p.key for p in catalogue.provisions}
    for p in catalogue.provisions:
        for _, text in p.arguments or ():
            if text.startswith("="):
                assert text[1:] in keys, p.key
            else:
                assert "{sitat}" in text and text.endswith("."), p.key


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            "min_employees = 50",
            'min_employees = 50\ndeadline_days = 14\ndeadline_letters = ["krav_om_drofting"]\n'
            'deadline_title = "Møtet skal holdes"',
            "deadline_title_nn",
        ),
        (
            "min_employees = 50",
            'min_employees = 50\ndeadline_days = 14\ndeadline_letters = ["krav_om_drofting"]\n'
            'deadline_title_nn = "Møtet skal haldast"',
            "deadline_title_nn",
        ),
    ],
)
def test_a_deadline_title_needs_both_written_forms(old: str, new: str, field: str) -> None:
    problems = check_text(mutate((old, new)))
    assert field in {p.field for p in problems}, [str(p) for p in problems]
    both = (
        new + '\ndeadline_title = "Møtet skal holdes"'
        if "title_nn" in new
        else (new + '\ndeadline_title_nn = "Møtet skal haldast"')
    )
    assert check_text(mutate((old, both))) == []


def test_the_builtin_catalogue_has_every_text_in_nynorsk_too() -> None:
    catalogue = load_catalogue()
    for a in catalogue.agreements.values():
        assert bool(a.prolonged) == bool(a.prolonged_nn), a.code
    for p in catalogue.provisions:
        assert bool(p.deadline_title) == bool(p.deadline_title_nn), p.key


def test_every_toml_syntax_message_formats_and_an_unclosed_inline_table_is_named() -> None:
    """Bug (the attack test in test_attacks_files.py found it): the message for an unclosed
    ``{ … }`` held a bare ``}``, so ``str.format`` raised ValueError instead of naming the line."""
    from tillitsvalgt.rules import catalogue

    for pattern, norwegian in catalogue._SYNTAX:
        norwegian.format(*["x"] * pattern.groups)  # raises on a stray brace
    (problem,) = catalogue.check_text('[[provision]]\nkey = "aml:8-2"\nx = { a = 1\n')
    assert problem.line == 3
    assert "mangler } til slutt" in problem.message


def test_every_shipped_provision_has_its_title_and_summary_in_nynorsk_too() -> None:
    """A nynorsk case summary prints them: each is there, and written anew, not copied."""
    provisions = load_catalogue().provisions
    assert len(provisions) == 52
    for p in provisions:
        assert p.title_nn and p.summary_nn, p.key
        assert p.summary_nn != p.summary, p.key
        # The same figures, years and paragraphs in both forms: a translation, not a rewrite.
        assert re.findall(r"\d+", p.summary_nn) == re.findall(r"\d+", p.summary), p.key
