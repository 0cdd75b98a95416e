"""A person's name planted in every kind of field, and a raw search of every column for it:
for the GDPR and access tests."""

from __future__ import annotations

from datetime import date

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases, deadlines, documents, employers, events
from tillitsvalgt.shapes import (
    CaseUpdate,
    DeadlineCreate,
    DocumentCreate,
    EmployerUpdate,
    EventCreate,
    EventUpdate,
)

from helpers.data import make_case, make_employer

NAME = "Gunnhild Prestbakmo"


NEEDLE = "prestbakmo"  # the surname alone, in any case: what must be gone


def plant(db: Database, *, close: bool = True, employer_name: str = "Nordkyst Sparebank") -> str:
    """A case (closed unless ``close`` is False) with the name in every kind of field, its
    history holding the name in old and new values."""
    employer_id = make_employer(
        db,
        name=employer_name,
        orgnr=None,
        contact_name=NAME,
        contact_email="gunnhild@eksempel.no",
        contact_phone="+47 900 00 000",
    )
    number = make_case(
        db,
        employer_id,
        title=f"Møte med {NAME}",
        description=f"Referat: {NAME.upper()} sa at pultene fjernes.",
        location="Kontoret til gunnhild   prestbakmo",
        report_summary=f"Leder {NAME} informerte for sent.",
    )
    with db.session() as s:
        c = cases.get_case(number, session=s)
        cases.update_case(
            number,
            CaseUpdate(version=c.version, description=f"{NAME} bekreftet endringen."),
            session=s,
        )
        ev = events.add_event(
            number,
            EventCreate(
                kind="consultation_meeting",
                occurred_on=date(2026, 3, 12),
                participants=f"{NAME}, Ola Olsen",
                notes=f"{NAME} lovet svar.",
            ),
            session=s,
        )
        events.update_event(
            ev.id, EventUpdate(version=ev.version, notes=f"{NAME} svarte ikke."), session=s
        )
        emp = employers.get_employer(employer_id, session=s)
        employers.update_employer(
            employer_id,
            EmployerUpdate(
                version=emp.version,
                contact_name=f"{NAME} (HR)",
                contact_email="gunnhild.p@eksempel.no",
            ),
            session=s,
        )
        deadlines.add_deadline(
            number,
            DeadlineCreate(due_on=date(2026, 4, 1), title=f"Svar fra {NAME}"),
            session=s,
        )
        documents.add_document(
            number,
            DocumentCreate(
                direction="inn",
                kind="vedlegg",
                title="Epost",
                recipient=NAME,
                content=b"ingen navn her",
            ),
            session=s,
        )
        letter = documents.add_document(
            number,
            DocumentCreate(
                direction="ut",
                kind="krav_om_drofting",
                title="Krav om drøfting",
                content=f"Til {NAME}".encode(),
            ),
            session=s,
        )
        documents.mark_sent(letter.id, sent_on=date(2026, 3, 1), session=s)
        from tillitsvalgt.services import escalation

        escalation.record_stage(
            number,
            escalation.StageInput(
                stage="central", started_on=date(2026, 5, 1), notes=f"Møte med {NAME}"
            ),
            session=s,
        )
    if close:
        with db.session() as s:
            c = cases.get_case(number, session=s)
            cases.close_case(number, outcome="agreement", version=c.version, session=s)
    return number


def raw_hits(db: Database, needle: str = NEEDLE) -> list[str]:
    """Every table.column (with raw SQL, not the app's code) whose text holds ``needle``;
    the bytes of documents are left out (a sent letter is kept, see its own test)."""
    found = []
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            tables = [
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            columns = [
                (t, r[1]) for t in tables for r in conn.exec_driver_sql(f'PRAGMA table_info("{t}")')
            ]
            select = 'SELECT "{c}" FROM "{t}"'
        else:
            columns = list(
                conn.exec_driver_sql(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public'"
                )
            )
            select = 'SELECT "{c}"::text FROM "{t}"'
        for table, column in columns:
            if (table, column) == ("documents", "content"):
                continue
            for (value,) in conn.exec_driver_sql(select.format(t=table, c=column)):
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "ignore")
                if value and needle in str(value).casefold():
                    found.append(f"{table}.{column}")
    return found
