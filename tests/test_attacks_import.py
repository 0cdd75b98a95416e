"""Attacks on the import format: every file is imported whole or refused with a clear
Norwegian message; never another exception, a partial import or a damaged database."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import event, given
from hypothesis import strategies as st

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.services.transfer import import_bundle, read_bundle
from tillitsvalgt.tables import Case

from conftest import TODAY
from helpers.attacks import ATTACK, assert_clear_refusal, assert_intact, nasty_text, table_counts

GOOD: dict[str, Any] = {
    "id": "A1",
    "employer": {"name": "Nordkyst Sparebank", "orgnr": "952601814", "agreement": "none"},
    "case": {"type": "office_layout", "title": "Faste plasser fjernes", "notice_on": "2026-03-01"},
    "events": [{"kind": "information_meeting", "on": "2026-03-02", "notes": "Møte"}],
}

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    nasty_text,
    st.sampled_from(
        [
            "2026-02-30",
            "0001-01-01",
            "9999-12-31",
            "10000-01-01",
            "2026-03-01T12:00:00",
            "2026-03-01T12:00:00+14:00",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-12:00",
            "11111111-1111-1111-1111-111111111111",
            "not-a-uuid",
            "office_layout",
            "closed",
            "letter_sent",
            "krav_om_drofting",
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["a", "kind", "on", "type", "title", "x"]), inner, max_size=3
        ),
    ),
    max_leaves=8,
)
CASE_KEYS = [
    "type",
    "title",
    "description",
    "location",
    "members_affected",
    "notice_on",
    "decision_on",
    "planned_implementation_on",
    "implemented_on",
    "home_office_days_per_week",
    "written_agreements",
    "status",
    "outcome",
    "number",
    "updated_at",
    "report_summary",
    "report_include",
    "unknown_field",
]
EVENT_KEYS = ["uuid", "kind", "on", "signed_by_both", "letter", "reply_by", "notes", "updated_at"]
EMPLOYER_KEYS = ["name", "orgnr", "employees", "agreement", "sector", "address"]
ITEM_KEYS = [
    "id",
    "uuid",
    "about",
    "today",
    "reported_by",
    "letter",
    "expected",
    "bogus",
    "documents",
    "checklist",
    "deadlines",
    "escalations",
    "group",
]


@st.composite
def mutated_item(draw: st.DrawFn) -> Any:
    """A good item with a few fields replaced, removed or added: mostly near-valid, so the
    import goes deep before it finds the problem (or finds none)."""
    item = copy.deepcopy(GOOD)
    item["id"] = draw(st.text(min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.sampled_from(["case", "employer", "event", "item"]))
        target, keys = {
            "case": (item["case"], CASE_KEYS),
            "employer": (item["employer"], EMPLOYER_KEYS),
            "event": (item["events"][0] if item["events"] else {}, EVENT_KEYS),
            "item": (item, ITEM_KEYS),
        }[where]
        key = draw(st.sampled_from(keys))
        if draw(st.booleans()) and key in target:
            del target[key]
        else:
            target[key] = draw(json_values)
    if draw(st.integers(0, 9)) == 0:
        item = draw(json_values)  # sometimes not an item at all
    return item


bundles = st.one_of(
    st.lists(mutated_item(), min_size=0, max_size=4),
    json_values,
)


def _try_import(db: Database, raw: Any) -> bool:
    """True when imported; on refusal, checks that nothing changed."""
    before = table_counts(db)
    try:
        with db.session() as s:
            import_bundle(raw, session=s, today=TODAY)
    except UserError as exc:
        assert_clear_refusal(exc)
        assert table_counts(db) == before, "a refused import changed the database"
        return False
    return True


@ATTACK
@given(raw=bundles)
def test_any_bundle_is_imported_whole_or_refused_clearly(db: Database, raw: Any) -> None:
    before = table_counts(db)
    imported = _try_import(db, raw)
    if imported and isinstance(raw, list) and raw:
        assert table_counts(db)["cases"] >= before["cases"]
        # all or nothing: importing the same file again adds nothing
        again = table_counts(db)
        assert _try_import(db, raw)
        assert table_counts(db)["cases"] == again["cases"]
    assert_intact(db)


@ATTACK
@given(good=st.integers(0, 3), bad_at=st.integers(0, 3), bad=mutated_item())
def test_a_mixture_of_good_and_bad_items_is_never_half_imported(
    db: Database, good: int, bad_at: int, bad: Any
) -> None:
    items = []
    for n in range(good):
        item = copy.deepcopy(GOOD)
        item["id"] = f"mix-{n}"
        items.append(item)
    items.insert(min(bad_at, len(items)), bad)
    before = table_counts(db)
    if not _try_import(db, items):
        assert table_counts(db) == before
    assert_intact(db)


@ATTACK
@given(data=st.binary(max_size=200))
def test_any_bytes_as_a_file_are_imported_or_refused_clearly(
    db: Database, tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    """The window's path (Workspace.import_file) reads raw bytes from disk."""
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace

    file = tmp_path_factory.mktemp("import") / "saker.json"
    file.write_bytes(data)
    ws = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    before = table_counts(db)
    try:
        ws.import_file(file)
    except UserError as exc:
        assert_clear_refusal(exc)
        assert table_counts(db) == before


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,  # deeper than the JSON parser goes
        "[" * 900 + "]" * 900,  # parses, but nested far deeper than a bundle
        "[" + "{}," * 3 + json.dumps({"letter": json.loads("[" * 800 + "]" * 800)}) + "]",
        "[" + "1" * 5000 + "]",
        "\ufeff[]",  # a byte order mark from a Windows editor
        "[1e999]",
        "[NaN, Infinity]",
        '[{"employer": {"name": "A"}, "case": {"type": "x\\ud800", "title": "t"}}]',
        # A broken id, which names the case in messages, and a broken key.
        '[{"id": "sak\\udc00", "employer": {"name": "A"}, "case": {"title": "t"}}]',
        '[{"employer": {"name": "A", "x\\ud800": 1}, "case": {"title": "t"}}]',
        '{"employer": {}}',
        "null",
        "",
    ],
)
def test_hostile_files_through_both_readers(sqlite_db: Database, tmp_path: Path, text: str) -> None:
    """The command line and the window read a file alike: never a RecursionError."""
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace

    file = tmp_path / "saker.json"
    file.write_text(text, encoding="utf-8")
    ws = Workspace(sqlite_db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    before = table_counts(sqlite_db)
    try:
        report = ws.import_file(file)
    except UserError as exc:
        assert_clear_refusal(exc)
    else:
        assert report.created == []
    try:
        raw = read_bundle(text.removeprefix("\ufeff"), str(file))
        with sqlite_db.session() as s:
            import_bundle(raw, session=s, today=TODAY)
    except UserError as exc:
        assert_clear_refusal(exc)
    assert table_counts(sqlite_db) == before


# --------------------------------------------------------------------------- regressions


def _refused(db: Database, raw: Any) -> str:
    before = table_counts(db)
    with pytest.raises(UserError) as caught, db.session() as s:
        import_bundle(raw, session=s, today=TODAY)
    assert table_counts(db) == before
    assert_clear_refusal(caught.value)
    return str(caught.value)


@pytest.mark.parametrize("field", ["case", "event"])
def test_a_time_without_zone_is_refused_not_a_crash(db: Database, field: str) -> None:
    """Bug: a naive ``updated_at`` passed the check and the database write raised
    StatementError (naive datetime) after the case had been created."""
    item = copy.deepcopy(GOOD)
    target = item["case"] if field == "case" else item["events"][0]
    target["updated_at"] = "2026-03-01T12:00:00"
    assert "tidssone" in _refused(db, [item])


def test_a_time_outside_what_can_be_stored_is_refused(db: Database) -> None:
    """Bug: year 1 at +14:00 is year 0 in UTC: OverflowError in the database write."""
    item = copy.deepcopy(GOOD)
    item["case"]["updated_at"] = "0001-01-01T00:00:00+14:00"
    assert "utenfor tidsrommet" in _refused(db, [item])


def test_deep_nesting_inside_an_item_is_refused(db: Database) -> None:
    """Bug: a deeply nested ``letter`` value raised RecursionError in the surrogate scan."""
    item = copy.deepcopy(GOOD)
    deep: Any = []
    for _ in range(3000):
        deep = [deep]
    item["letter"] = {"x": deep}
    assert "nøstet" in _refused(db, [item])


def test_two_events_with_one_uuid_are_refused(db: Database) -> None:
    """Bug: the second case's event, sharing the first one's UUID, was silently merged
    into the first case's event: evidence lost from one case without a word."""
    one, two = copy.deepcopy(GOOD), copy.deepcopy(GOOD)
    two["id"] = "A2"
    shared = "11111111-1111-1111-1111-111111111111"
    one["events"][0]["uuid"] = two["events"][0]["uuid"] = shared
    assert "samme UUID" in _refused(db, [one, two])


def test_an_event_uuid_taken_by_another_case_in_the_database_is_refused(db: Database) -> None:
    shared = "22222222-2222-2222-2222-222222222222"
    one = copy.deepcopy(GOOD)
    one["events"][0]["uuid"] = shared
    with db.session() as s:
        import_bundle([one], session=s, today=TODAY)
    two = copy.deepcopy(GOOD)
    two["id"] = "A2"
    two["events"][0]["uuid"] = shared
    assert "annen sak" in _refused(db, [two])


def test_too_large_numbers_are_refused_in_norwegian(db: Database) -> None:
    """Bug: pydantic's English "Unable to parse input string as an integer" reached the
    user for employees = 1e308."""
    item = copy.deepcopy(GOOD)
    item["employer"]["employees"] = 1e308
    assert "altfor stort" in _refused(db, [item])


def test_the_window_reads_a_file_with_a_byte_order_mark(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """Bug: the window read files as plain UTF-8, so a BOM made a good file "not JSON"
    (the command line already skipped it)."""
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace

    file = tmp_path / "saker.json"
    file.write_text("\ufeff" + json.dumps([GOOD]), encoding="utf-8")
    ws = Workspace(sqlite_db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    assert len(ws.import_file(file).created) == 1


@pytest.mark.parametrize("bad_at", [None, 0, 250, 499])
def test_many_items_are_imported_all_or_none(sqlite_db: Database, bad_at: int | None) -> None:
    items = []
    for n in range(500):
        item = copy.deepcopy(GOOD)
        item["id"] = f"mange-{n}"
        item["employer"] = {"name": f"Virksomhet {n % 7}"}
        items.append(item)
    if bad_at is not None:
        items[bad_at]["events"][0]["on"] = "2026-02-30"
    before = table_counts(sqlite_db)
    imported = _try_import(sqlite_db, items)
    assert imported == (bad_at is None)
    after = table_counts(sqlite_db)
    if imported:
        assert after["cases"] - before["cases"] == 500
        assert after["events"] - before["events"] == 500
    else:
        assert after == before
    assert_intact(sqlite_db)


mostly_valid = st.one_of(
    st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=30),
    nasty_text,
)


@ATTACK
@given(
    title=mostly_valid,
    description=mostly_valid,
    location=mostly_valid,
    notes=mostly_valid,
    name=mostly_valid,
)
def test_imported_text_is_exported_as_the_check_accepted_it(
    db: Database, title: str, description: str, location: str, notes: str, name: str
) -> None:
    """Text that passes the check is stored and read back exactly as checked (trimmed,
    line breaks unified), on both databases: nothing changed silently on the way."""
    from tillitsvalgt.services.transfer import export_bundle, parse_bundle

    item = copy.deepcopy(GOOD)
    item["id"] = "tekst"
    item["employer"] = {"name": name}
    item["case"].update(title=title, description=description, location=location)
    item["events"][0]["notes"] = notes
    try:
        [parsed] = parse_bundle([item])
    except UserError as exc:
        assert_clear_refusal(exc)
        return
    event("past the check")  # shown by --hypothesis-show-statistics
    with db.session() as s:
        report = import_bundle([item], session=s, today=TODAY)
    with db.session(readonly=True) as s:
        exported = {c["id"]: c for c in export_bundle(session=s)}
    number = (report.created or report.updated or report.unchanged or report.kept)[0]
    case = exported[number]
    if report.created:
        assert case["case"]["title"] == parsed.case.title
        assert case["case"].get("description") == parsed.case.description
        assert case["case"].get("location") == parsed.case.location
        assert case["events"][0].get("notes") == parsed.events[0].notes
    if report.employers_created:  # (else an employer of the same name took the case)
        assert case["employer"]["name"] == parsed.employer.name


@pytest.mark.parametrize("day", ["0001-01-01", "1900-01-01", "9999-12-31"])
def test_a_case_from_the_edges_of_the_calendar_can_be_imported_and_opened(
    db: Database, day: str
) -> None:
    """Bugs: a letter received after a reply deadline in year 1 raised OverflowError
    (deadline - 365 days) in the middle of the import; and a case that began in year 1 was
    numbered 1/1, a number the lookup refused (it wanted four digits), so it could not be
    opened, shown or written to."""
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.cases import CaseQuery
    from tillitsvalgt.services.letters import LetterRequest, LetterSetup
    from tillitsvalgt.services.representatives import create_representative
    from tillitsvalgt.shapes import RepresentativeCreate
    from tillitsvalgt.workspace import Workspace

    item = copy.deepcopy(GOOD)
    item["case"].update(notice_on=day, decision_on=day, implemented_on=day)
    item["events"] = [
        {"kind": "information_meeting", "on": day},
        {"kind": "letter_sent", "on": day, "reply_by": day, "letter": "krav_om_drofting"},
        {"kind": "letter_received", "on": day},
    ]
    with db.session() as s:
        [number] = import_bundle([item], session=s, today=TODAY).created
        create_representative(RepresentativeCreate(name="Kari", place="Tromsø"), session=s)
    assert number.startswith(f"{int(day[:4])}/")
    ws = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    assert [r.number for r in ws.list_cases(CaseQuery()).rows] == [number]
    assert len(ws.case_detail(number).events) == 3
    ws.suggest_letters(number)
    ws.preview_letter(number, LetterRequest(kind="krav_om_drofting", dated=TODAY))
    ws.open_deadlines()
    assert_intact(db)


@pytest.mark.parametrize("field", ["case", "event"])
@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59+00:00", "+3 days"])
def test_a_time_more_than_a_day_ahead_is_refused(db: Database, field: str, stamp: str) -> None:
    """Finding: a bundle dated 9999 was imported («1 oppdatert») and then won every merge
    for ever; a colleague's clock a day fast overwrote a later local close."""
    from datetime import UTC, datetime, timedelta

    if stamp.startswith("+"):
        stamp = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    item = copy.deepcopy(GOOD)
    target = item["case"] if field == "case" else item["events"][0]
    target["updated_at"] = stamp
    assert "fram i tid" in _refused(db, [item])


def test_a_time_a_few_hours_ahead_is_accepted(db: Database) -> None:
    """Time zones and a clock a little fast are normal: within a day is taken as it is."""
    from datetime import UTC, datetime, timedelta

    item = copy.deepcopy(GOOD)
    item["case"]["updated_at"] = (datetime.now(UTC) + timedelta(hours=14)).isoformat()
    with db.session() as s:
        assert len(import_bundle([item], session=s, today=TODAY).created) == 1


@pytest.mark.parametrize(
    "text",
    [
        '[{"employer": {"name": "Dup AS", "name": "Annen AS"}, "case": {"type": "other", '
        '"title": "Første"}}]',
        '[{"employer": {"name": "Dup AS"}, "case": {"type": "other", "title": "Første", '
        '"title": "Andre"}}]',
    ],
)
def test_a_key_given_twice_is_refused(sqlite_db: Database, text: str) -> None:
    """Finding: the last of two equal keys won silently («Andre», «Annen AS»)."""
    before = table_counts(sqlite_db)
    with pytest.raises(UserError) as caught:
        read_bundle(text, "dup.json")
    assert "to ganger" in caught.value.message and "Ingenting er importert" in caught.value.message
    assert_clear_refusal(caught.value)
    assert table_counts(sqlite_db) == before


_DOC_BYTES = "Referat fra møtet".encode()
GOOD_DOCUMENT: dict[str, Any] = {
    "uuid": "5b0e8f0c-3f7a-4c55-9a0b-4f5f6a7b8c90",
    "direction": "inn",
    "kind": "vedlegg",
    "title": "Referat",
    "sent_on": "2026-03-02",
    "sha256": hashlib.sha256(_DOC_BYTES).hexdigest(),
    "content": base64.b64encode(_DOC_BYTES).decode(),
}
DOCUMENT_KEYS = [*GOOD_DOCUMENT, "provisions", "dated", "catalogue_version", "number", "x"]
EVIDENCE_KEYS = {
    "deadlines": [{"title": "Svar", "due_on": "2026-04-01", "document": GOOD_DOCUMENT["uuid"]}],
    "checklist": [{"item": "omfang", "answer": "met"}],
    "escalations": [{"stage": "central", "started_on": "2026-05-01"}],
    "group": {"name": "Felles beslutning"},
}


@ATTACK
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(DOCUMENT_KEYS), st.one_of(json_values, st.just(None))),
        max_size=3,
    ),
    extra=st.sampled_from(list(EVIDENCE_KEYS)),
)
def test_a_near_valid_document_is_stored_exactly_as_checked_or_refused(
    db: Database, changes: list[tuple[str, Any]], extra: str
) -> None:
    """A document in a bundle with a few fields wrong: refused with a message and nothing
    stored, or stored with bytes that match the checksum the file gave."""
    from tillitsvalgt.services import documents

    document = copy.deepcopy(GOOD_DOCUMENT)
    for key, value in changes:
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    item = copy.deepcopy(GOOD)
    item["id"] = "dok"
    item["documents"] = [document]
    item[extra] = copy.deepcopy(EVIDENCE_KEYS[extra])
    if not _try_import(db, [item]):
        event("refused")
        return
    event("imported")
    with db.session(readonly=True) as s:
        number = s.exec(sa.select(Case.number).where(Case.source_ref == "dok")).scalar_one()
        for doc in documents.list_documents(number, session=s):
            content = documents.document_content(doc.id, session=s)
            assert hashlib.sha256(content).hexdigest() == doc.sha256
    assert_intact(db)


def _one_case_file(title_json: str) -> str:
    # The title as it stands in the file's text (its JSON escapes as written).
    return (
        '[{"employer": {"name": "Vestlandske AS"}, "case": {"type": "office_layout", '
        f'"title": "{title_json}"}}, "events": []}}]'
    )


@pytest.mark.parametrize(
    ("title_json", "refused"),
    [
        ("Landskap \\ud800", True),  # a lone surrogate, escaped
        ("Landskap \\uDC01 igjen", True),  # the low half, in capitals
        ("Landskap \ud800", True),  # one the text holds itself (decoded with surrogateescape)
        ("Landskap \\ud83d\\ude00", False),  # a pair: an emoji, escaped
        ("C:\\\\udaaa", False),  # an escaped backslash, then letters: no escape at all
        ("Landskap i 4. etasje", False),
    ],
)
def test_a_files_text_is_scanned_for_lone_surrogates_before_the_check_is_skipped(
    title_json: str, refused: bool
) -> None:
    """``parse_text`` skips the check of every text for lone surrogates only when the
    file's text can hold none: any escape of one, or one in the text itself, keeps it."""
    from tillitsvalgt.errors import ValidationError
    from tillitsvalgt.services.transfer import parse_text

    text = _one_case_file(title_json)
    if refused:
        with pytest.raises(ValidationError) as caught:
            parse_text(text, "sak.json")
        assert "ugyldige tegn" in str(caught.value)
        str(caught.value).encode("utf-8")
    else:
        [item] = parse_text(text, "sak.json")
        assert item.case.title == json.loads(f'"{title_json}"')
