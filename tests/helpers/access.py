"""Real login roles on the real PostgreSQL server, and raw SQL as each of them: for the
access-control tests."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tillitsvalgt.db import Database
from tillitsvalgt.services import access, cases, checklist, deadlines, documents, events
from tillitsvalgt.shapes import (
    ChecklistAnswerSet,
    DeadlineCreate,
    DocumentCreate,
    EventCreate,
    EventUpdate,
)

from helpers.data import PgServer, make_case

REFUSED = {"42501", "TV403"}  # insufficient_privilege (privileges and policies), ours


class Server:
    """One fresh migrated database and the roles a test makes on the server."""

    def __init__(self, pg: PgServer) -> None:
        self.pg = pg
        self.url = pg.migrated()
        self.roles: list[str] = []
        self.opened: list[Database] = []
        self.admin = self.open(self.url)  # the superuser who ran the migrations

    def open(self, url: str) -> Database:
        db = Database.open(database_url=url)
        self.opened.append(db)
        return db

    def url_for(self, role: str) -> str:
        return make_url(self.url).set(username=role, password=None).render_as_string(False)

    def login(self, role: str) -> Database:
        return self.open(self.url_for(role))

    def new_role_name(self, kind: str) -> str:
        name = f"tv_{kind}_{uuid.uuid4().hex[:10]}"
        self.roles.append(name)
        return name

    def representative(self, branch: str) -> str:
        role = self.new_role_name("rep")
        with self.admin.session() as s:
            access.create_representative(role, branch=branch, password=None, session=s)
        return role

    def office(self) -> str:
        role = self.new_role_name("office")
        with self.admin.session() as s:
            access.create_office(role, password=None, session=s)
        return role

    def close(self) -> None:
        for db in self.opened:
            db.dispose()
        self.pg.drop(self.url)
        with self.pg.admin.connect() as conn:
            for role in self.roles:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def fill_case(db: Database, employer_id: int, title: str) -> tuple[str, int]:
    """A case with a row in every table that hangs off a case, made by ``db``'s role."""
    number = make_case(db, employer_id, title=title)
    with db.session() as s:
        case_id = cases.get_case(number, session=s).id
        ev = events.add_event(
            number,
            EventCreate(kind="notice", occurred_on=date(2026, 3, 1), notes=f"{title} notat"),
            session=s,
        )
        events.update_event(ev.id, EventUpdate(version=ev.version, notes="Endret notat"), session=s)
        documents.add_document(
            number,
            DocumentCreate(direction="inn", kind="annet", title="Referat", content=b"referat"),
            session=s,
        )
        deadline = deadlines.add_deadline(
            number, DeadlineCreate(due_on=date(2026, 12, 1), title="Svarfrist"), session=s
        )
        deadlines.extend_deadline(
            deadline.id, new_due_on=date(2026, 12, 15), reason="avtalt", session=s
        )
        checklist.set_answer(
            number, ChecklistAnswerSet(item_key="equipment", answer="met"), session=s
        )
    return number, case_id


def count(db: Database, sql: str, **params: Any) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(sa.text(sql), params).scalar_one())


def refused(db: Database, sql: str, **params: Any) -> str:
    """Run ``sql`` as ``db``'s role and expect the server to refuse it; the SQLSTATE."""
    with db.engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(sa.text(sql), params)
        conn.commit()
    state = str(getattr(caught.value.orig, "sqlstate", ""))
    assert state in REFUSED, caught.value
    return state
