"""Employers and representative profiles."""

from __future__ import annotations

import uuid

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, StateError, ValidationError
from tillitsvalgt.services import employers, representatives
from tillitsvalgt.shapes import (
    EmployerRead,
    EmployerUpdate,
    RepresentativeCreate,
    RepresentativeUpdate,
)
from tillitsvalgt.validation import validate

from conftest import make_case, make_employer


def test_employer_update_is_versioned(db: Database) -> None:
    emp = make_employer(db)
    with db.session() as s:
        updated = employers.update_employer(
            emp, EmployerUpdate(version=1, employees=210), session=s
        )
    assert (updated.employees, updated.version, updated.name) == (210, 2, "Nordkyst Sparebank")
    with pytest.raises(ConflictError), db.session() as s:
        employers.update_employer(emp, EmployerUpdate(version=1, employees=5), session=s)
    with db.session(readonly=True) as s:
        assert employers.get_employer(emp, session=s).employees == 210


def test_employer_orgnr_must_stay_unique_on_update(db: Database) -> None:
    make_employer(db)
    other = make_employer(db, name="Agder Teknikk AS", orgnr="918190937")
    with pytest.raises(ValidationError) as err, db.session() as s:
        employers.update_employer(other, EmployerUpdate(version=1, orgnr="952601814"), session=s)
    assert "Nordkyst Sparebank" in str(err.value)


def test_find_employer_by_orgnr_then_name(db: Database) -> None:
    emp = make_employer(db)
    with db.session(readonly=True) as s:
        by_orgnr = employers.find_employer(session=s, orgnr="952601814", name="Feil navn")
        by_name = employers.find_employer(session=s, name="  nordkyst SPAREBANK ")
        missing = employers.find_employer(session=s, orgnr="918190937", name="Ukjent AS")
        listed = employers.list_employers(session=s, text="kyst")
    assert by_orgnr is not None and by_orgnr.id == emp
    assert by_name is not None and by_name.id == emp
    assert missing is None
    assert [e.id for e in listed] == [emp]


def test_an_employer_with_cases_cannot_be_deleted(db: Database) -> None:
    emp = make_employer(db)
    make_case(db, emp)
    spare = make_employer(db, name="Uten saker AS", orgnr=None)
    with pytest.raises(StateError) as err, db.session() as s:
        employers.delete_employer(emp, session=s)
    assert "har 1 sak og" in str(err.value)
    with db.session() as s:
        employers.delete_employer(spare, session=s)
    with db.session(readonly=True) as s:
        assert [e.id for e in employers.list_employers(session=s)] == [emp]


def test_representative_profiles(db: Database) -> None:
    with db.session() as s:
        rep = representatives.create_representative(
            RepresentativeCreate(
                name="Kari Nordmann", role="Hovedtillitsvalgt", union_name="Negotia", place="Oslo"
            ),
            session=s,
        )
        representatives.update_representative(
            rep.id, RepresentativeUpdate(branch="Klubben i Nordkyst"), session=s
        )
    with db.session(readonly=True) as s:
        [stored] = representatives.list_representatives(session=s)
    assert (stored.name, stored.branch, stored.place) == (
        "Kari Nordmann",
        "Klubben i Nordkyst",
        "Oslo",
    )
    with pytest.raises(ValidationError):
        validate(RepresentativeCreate, {"name": ""})


def test_employer_choices_are_the_live_register_by_name(db: Database) -> None:
    """The case form's and the filter's list (read without building each employer) is the
    register as ``list_employers`` gives it: the same ids, names and order, the deleted
    left out."""
    ids = [
        make_employer(db, name=name, orgnr=None)
        for name in ("Åsen kommune", "Bodø havn", "Avinor", "Ørland bru")
    ]
    make_employer(db, name="Aker Solutions", orgnr="952601814")
    with db.session() as s:
        employers.delete_employer(ids[1], session=s)
    with db.session(readonly=True) as s:
        choices = employers.employer_choices(session=s)
        whole = employers.list_employers(session=s)
    assert choices == [(e.id, e.name) for e in whole]
    assert "Bodø havn" not in [name for _, name in choices] and len(choices) == 4


def test_the_register_read_as_stored_is_what_the_checks_give(db: Database) -> None:
    """``list_employers`` builds its rows without checking them again: for what the app
    stored, they must be exactly the checked read shapes, types and all."""
    make_employer(db, name="Åsen kommune", orgnr=None, employees=None, sector=None)
    make_employer(db, name="Bodø havn", orgnr="952601814", contact_email="post@bodo.no")
    with db.session(readonly=True) as s:
        listed = employers.list_employers(session=s)
        found = employers.list_employers(session=s, text="952 601".replace(" ", ""))
    assert [e.name for e in found] == ["Bodø havn"]
    for e in listed:
        checked = EmployerRead.model_validate(e.model_dump())
        assert e == checked and e.model_dump() == checked.model_dump()
        assert e.created_at.tzinfo is not None and isinstance(e.uuid, uuid.UUID)
