"""The attacks of the second trust review (issue 14, row-level security), each tried as a
real representative login role on a real PostgreSQL server: with PostgreSQL 15's default
(nobody but the owner creates objects in ``public``) and on a database whose ``public``
schema everyone may write (the default up to PostgreSQL 14, kept by upgraded databases:
``GRANT CREATE ON SCHEMA public TO PUBLIC`` after setting up, so the attacker has it).

Each test failed on the code before migration 0010 and passes after it."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tillitsvalgt.db import Database
from tillitsvalgt.errors import AccessError, DatabaseError
from tillitsvalgt.services import (
    access,
    assessments,
    cases,
    employers,
    events,
    representatives,
)
from tillitsvalgt.services import history as history_reader
from tillitsvalgt.shapes import CaseCreate, EventCreate, RepresentativeCreate, RepresentativeUpdate

from conftest import TODAY, PgServer, make_case, make_employer
from helpers.access import Server, count, fill_case, refused

WRITABLE = "public_writable"


@contextlib.contextmanager
def _connect(url: Any, **options: Any) -> Iterator[sa.Connection]:
    """One connection on an engine of its own, disposed after: a pooled connection left
    open would outlive the test."""
    engine = sa.create_engine(url, **options)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


class AttackServer(Server):
    """``Server`` of test_access, optionally with a ``public`` schema everyone may write."""

    def __init__(self, pg: PgServer, mode: str) -> None:
        self.mode = mode
        if mode == WRITABLE:
            # A fresh database whose public schema is open, as on PostgreSQL <= 14.
            url = pg.create()
            with _connect(url, isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("GRANT CREATE ON SCHEMA public TO PUBLIC")
            self.pg = pg
            self.url = url
            self.roles = []
            self.opened = []
            self.admin = self.open(url)  # migrates
        else:
            super().__init__(pg)

    def open_public(self) -> None:
        """Open ``public`` to everyone again (after the roles are made: setting them up
        is refused while it is open)."""
        if self.mode == WRITABLE:
            with _connect(self.url, isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("GRANT CREATE ON SCHEMA public TO PUBLIC")


@pytest.fixture(params=["pg15_default", WRITABLE])
def server(request: pytest.FixtureRequest, pg_server: PgServer | None) -> Iterator[Server]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    s = AttackServer(pg_server, str(request.param))
    yield s
    s.close()


@pytest.fixture
def branches(server: AttackServer) -> dict[str, Any]:
    """Nord and Sør, each with a full case of the same employer, and a profile each."""
    nord_role, sor_role = server.representative("Nord"), server.representative("Sør")
    nord, sor = server.login(nord_role), server.login(sor_role)
    employer = make_employer(nord)
    nord_case = fill_case(nord, employer, "Landskap i Nord")
    sor_case = fill_case(sor, employer, "Landskap i Sør")
    profiles = {}
    for name, db in (("nord", nord), ("sor", sor)):
        with db.session() as s:
            rep = representatives.create_representative(
                RepresentativeCreate(name=f"Tillitsvalgt {name}", email=f"{name}@example.no"),
                session=s,
            )
            profiles[name] = rep
    office = server.office()
    server.open_public()
    return {
        "nord": nord,
        "sor": sor,
        "nord_role": nord_role,
        "sor_role": sor_role,
        "nord_case": nord_case,
        "sor_case": sor_case,
        "employer": employer,
        "profiles": profiles,
        "office": server.login(office),
    }


def as_role(db: Database, *statements: str, **params: Any) -> list[Any]:
    """Run ``statements`` in one transaction of ``db``'s role, rolled back; the last
    statement's rows (or its row count)."""
    with db.engine.connect() as conn:
        result: Any = None
        for sql in statements:
            result = conn.execute(sa.text(sql), params)
        out = result.all() if result.returns_rows else [result.rowcount]
        conn.rollback()
        return out


# --------------------------------------------------------------------------- 1. temp tables


SHADOWS = {
    "cases": "id integer, title text, description text, branch text, employer_id integer",
    "events": "id integer, case_id integer, notes text, deleted_at timestamptz",
    "documents": "id integer, case_id integer",
    "tillitsvalgt_access": "role_name text, branch text, office boolean",
    "tillitsvalgt_case_shares": "case_id integer, role_name text",
    "representatives": "id integer, db_role text, name text",
    "change_history": "id integer",
    "case_search": "case_id integer, document tsvector, branch text",
    "case_counters": "year integer, last_seq integer",
}


def test_temporary_tables_named_like_ours_open_nothing(server: Server, branches: Any) -> None:
    t = branches
    nord, sor_id, nord_id = t["nord"], t["sor_case"][1], t["nord_case"][1]
    with nord.engine.connect() as conn:
        for name, columns in SHADOWS.items():
            conn.exec_driver_sql(f"CREATE TEMP TABLE {name} ({columns})")
            conn.exec_driver_sql(f"GRANT ALL ON pg_temp.{name} TO PUBLIC")
        conn.exec_driver_sql(
            "INSERT INTO pg_temp.tillitsvalgt_access VALUES (current_user, 'Sør', true)"
        )
        conn.exec_driver_sql("INSERT INTO pg_temp.cases (id, branch) VALUES (1, 'Nord')")

        def one(sql: str) -> Any:
            return conn.execute(sa.text(sql), {"s": sor_id, "n": nord_id}).scalar()

        assert one("SELECT tillitsvalgt_is_owner()") is False
        assert one("SELECT tillitsvalgt_sees_all()") is False
        assert one("SELECT tillitsvalgt_my_branch()") == "Nord"
        assert one("SELECT count(*) FROM public.cases") == 1
        for table in ("events", "documents", "change_history", "deadlines", "case_search"):
            where = "case_id = :s"
            assert one(f"SELECT count(*) FROM public.{table} WHERE {where}") == 0, table
        assert (
            conn.execute(
                sa.text("UPDATE public.cases SET title = 'KAPRET', branch = 'Nord' WHERE id = :s"),
                {"s": sor_id},
            ).rowcount
            == 0
        )
        assert (
            conn.execute(
                sa.text("UPDATE public.documents SET deleted_at = now() WHERE case_id = :s"),
                {"s": sor_id},
            ).rowcount
            == 0
        )
        # The representative's own case, through every trigger (search index, history):
        # they run as the owner and must not read the temporary tables either.
        conn.execute(
            sa.text("UPDATE public.cases SET title = title || ' endret' WHERE id = :n"),
            {"n": nord_id},
        )
        conn.commit()
    assert count(nord, "SELECT count(*) FROM cases") == 1
    with server.admin.session() as s:
        assert cases.get_case(sor_id, session=s).title == "Landskap i Sør"
        assert access.case_branch(sor_id, session=s) == "Sør"
    # The index of Nord's case was refreshed from the real tables.
    assert count(server.admin, "SELECT count(*) FROM case_search WHERE branch IS NULL") == 0
    assert count(t["sor"], "SELECT count(*) FROM cases") == 1


# --------------------------------------------------------------------------- 2. operators


HIJACK = [
    """CREATE FUNCTION public.tv_cat(a varchar, b varchar) RETURNS text LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO public.tillitsvalgt_case_shares (case_id, role_name)
        SELECT id, session_user FROM public.cases ON CONFLICT DO NOTHING;
        RETURN a::text || b::text;
    END $$""",
    "GRANT EXECUTE ON FUNCTION public.tv_cat(varchar, varchar) TO PUBLIC",
    "CREATE OPERATOR public.|| (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = public.tv_cat)",
    """CREATE FUNCTION public.tv_eq(a varchar, b text) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO public.tillitsvalgt_case_shares (case_id, role_name)
        SELECT id, session_user FROM public.cases ON CONFLICT DO NOTHING;
        RETURN a::text = b;
    END $$""",
    "CREATE OPERATOR public.= (LEFTARG = varchar, RIGHTARG = text, FUNCTION = public.tv_eq)",
]


def test_an_operator_planted_in_public_never_runs_with_the_owners_rights(
    server: AttackServer, branches: Any
) -> None:
    t = branches
    nord = t["nord"]
    with nord.engine.connect() as conn:
        if server.mode != WRITABLE:
            with pytest.raises(DBAPIError) as caught:
                conn.exec_driver_sql(HIJACK[0])
            assert "permission denied" in str(caught.value)
            return
        for statement in HIJACK:  # the schema is open: all of it is accepted …
            conn.exec_driver_sql(statement)
        conn.commit()
        # … and every trigger that runs as the owner fires on the attacker's own case.
        conn.execute(
            sa.text("UPDATE cases SET title = title, description = 'x' WHERE id = :n"),
            {"n": t["nord_case"][1]},
        )
        conn.execute(
            sa.text("UPDATE events SET notes = 'ny' WHERE case_id = :n"), {"n": t["nord_case"][1]}
        )
        conn.execute(
            sa.text("UPDATE employers SET name = upper(name), employees = 3 WHERE id = :e"),
            {"e": t["employer"]},
        )
        conn.commit()
    assert count(server.admin, "SELECT count(*) FROM tillitsvalgt_case_shares") == 0
    assert count(nord, "SELECT count(*) FROM cases") == 1
    # Through the app too.
    with nord.session() as s:
        cases.create_case(
            CaseCreate(title="Ny sak", employer_id=t["employer"], case_type="office_layout"),
            session=s,
            today=TODAY,
        )
    assert count(server.admin, "SELECT count(*) FROM tillitsvalgt_case_shares") == 0
    assert count(nord, "SELECT count(*) FROM cases") == 2


@pytest.fixture
def writable_server(pg_server: PgServer | None) -> Iterator[AttackServer]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    s = AttackServer(pg_server, WRITABLE)
    yield s
    s.close()


def test_setting_up_where_others_may_create_objects_is_refused(
    writable_server: AttackServer,
) -> None:
    server = writable_server
    # The migration takes CREATE on public away from PUBLIC (it owns the schema) …
    fresh = server.pg.create()
    try:
        with _connect(fresh, isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("GRANT CREATE ON SCHEMA public TO PUBLIC")
        Database.open(database_url=fresh).dispose()
        with _connect(fresh) as conn:
            open_to_all = conn.exec_driver_sql(
                "SELECT has_schema_privilege('public', 'public', 'CREATE')"
            )
            assert open_to_all.scalar() is False
    finally:
        server.pg.drop(fresh)
    # … and where it does not own the schema, it refuses and changes nothing.
    owner = server.new_role_name("owner")
    keeper = server.new_role_name("keeper")
    name = f"tv_{uuid.uuid4().hex[:12]}"
    with server.pg.admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.exec_driver_sql(f'CREATE ROLE "{keeper}" NOLOGIN')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" OWNER "{owner}" TEMPLATE template0')
    url = make_url(server.url).set(database=name)
    with _connect(url, isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'ALTER SCHEMA public OWNER TO "{keeper}"')
        conn.exec_driver_sql("GRANT CREATE ON SCHEMA public TO PUBLIC")
    try:
        with pytest.raises(AccessError) as caught:
            Database.open(database_url=url.set(username=owner).render_as_string(False))
        message = str(caught.value)
        assert "kan opprette objekter i skjemaet public" in message
        assert "PUBLIC" in message and "ingenting er endret" in message
        with _connect(url) as conn:
            assert not sa.inspect(conn).get_table_names()
    finally:
        server.pg.drop(url.render_as_string(False))
    # A role is not added while the schema is open either.
    server.open_public()
    with server.admin.session() as s, pytest.raises(AccessError) as caught:
        access.create_representative(
            server.new_role_name("rep"), branch="Nord", password=None, session=s
        )
    assert "REVOKE CREATE ON SCHEMA public FROM PUBLIC" in str(caught.value)


# --------------------------------------------------------------------------- 3. shared tables


def test_a_representative_changes_only_their_own_profile(server: Server, branches: Any) -> None:
    t = branches
    nord, sor_profile = t["nord"], t["profiles"]["sor"]
    assert (
        refused(
            nord,
            "UPDATE representatives SET name = 'Bjørn (FORFALSKET)', email = 'phish@evil.example' "
            "WHERE id = :id",
            id=sor_profile.id,
        )
        == "TV403"
    )
    with pytest.raises(AccessError) as caught, nord.session() as s:
        representatives.update_representative(
            sor_profile.id, RepresentativeUpdate(email="phish@evil.example"), session=s
        )
    assert "tilhører en annen databasebruker" in str(caught.value)
    refused(nord, "UPDATE representatives SET db_role = current_user WHERE id = :id",
            id=sor_profile.id)  # fmt: skip
    with nord.session() as s:  # one's own: fine
        representatives.update_representative(
            t["profiles"]["nord"].id, RepresentativeUpdate(phone="12345678"), session=s
        )
    with server.admin.session(readonly=True) as s:
        profile = representatives.find_representative(str(sor_profile.uuid), session=s)
        assert profile is not None and profile.email == "sor@example.no"


def _verdict(db: Database, number: str) -> tuple[str, tuple[str, ...]]:
    with db.session() as s:
        judged = assessments.assess_case(number, session=s, today=TODAY, store=True)
        return judged.assessment.required_level, judged.register_differs


def test_another_branchs_employer_edit_is_recorded_and_changes_no_verdict(
    server: Server, branches: Any
) -> None:
    t = branches
    nord, sor, sor_number = t["nord"], t["sor"], t["sor_case"][0]
    level_before, differs = _verdict(sor, sor_number)
    assert differs == ()
    assert as_role(
        nord,
        "UPDATE employers SET employees = 12, agreement = 'none', "
        "contact_email = 'phish@evil.example' WHERE id = :e",
        e=t["employer"],
    ) == [1]
    with nord.engine.begin() as conn:  # now for real
        conn.execute(
            sa.text("UPDATE employers SET employees = 12, agreement = 'none' WHERE id = :e"),
            {"e": t["employer"]},
        )
    level_after, differs = _verdict(sor, sor_number)
    assert level_after == level_before
    assert any("12 ansatte" in line and "180" in line for line in differs)
    assert any("hovedavtale" in line for line in differs)
    with sor.session(readonly=True) as s:
        lines = history_reader.case_history(sor_number, session=s)
    edits = {(e.field, e.old, e.new) for e in lines if e.entity == "employer"}
    assert any(field == "employees" for field, _, _ in edits), edits
    who = [e.who for e in lines if e.entity == "employer" and e.field == "employees"]
    assert who and all(t["nord_role"] in w for w in who)
    # Sør may choose the register's new facts on purpose.
    with sor.session() as s:
        case = cases.get_case(sor_number, session=s)
        cases.adopt_employer_facts(sor_number, version=case.version, session=s)
    assert _verdict(sor, sor_number)[1] == ()


def test_an_employer_in_use_by_another_branch_cannot_be_deleted(
    server: Server, branches: Any
) -> None:
    t = branches
    refused(t["nord"], "UPDATE employers SET deleted_at = now() WHERE id = :e", e=t["employer"])
    lonely = make_employer(t["nord"], name="Ingen saker AS", orgnr=None)
    with t["nord"].session() as s:
        employers.delete_employer(lonely, session=s)


# --------------------------------------------------------------------------- 4. denial of service


def test_a_locked_table_gives_a_message_not_a_hang(server: Server, branches: Any) -> None:
    t = branches
    sor_url = server.url_for(t["sor_role"])
    sor = Database.open(database_url=sor_url, busy_timeout_ms=300)
    server.opened.append(sor)
    locked = threading.Event()
    done = threading.Event()

    def hold() -> None:
        with t["nord"].engine.connect() as conn:
            conn.exec_driver_sql("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE")
            locked.set()
            done.wait(30)
            conn.rollback()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        with pytest.raises(DatabaseError) as caught, sor.session(readonly=True) as s:
            cases.list_cases(cases.CaseQuery(), session=s)
        assert time.monotonic() - started < 10
        assert "låst av en annen bruker" in str(caught.value)
        assert "Ingenting er endret" in str(caught.value)
    finally:
        done.set()
        holder.join()
    with sor.session(readonly=True) as s:  # and it works again once the lock is gone
        assert cases.list_cases(cases.CaseQuery(), session=s).total == 1


def test_the_case_counter_is_written_only_through_its_function(
    server: Server, branches: Any
) -> None:
    t = branches
    for sql in (
        "UPDATE case_counters SET last_seq = 0",
        "INSERT INTO case_counters (year, last_seq) VALUES (2099, 0)",
        "DELETE FROM case_counters",
        "SELECT * FROM case_counters",
    ):
        assert refused(t["nord"], sql) == "42501", sql
    # Nor a case numbered ahead of the counter, which would block that number for all.
    insert_case = (
        "INSERT INTO cases (uuid, number, year, seq, title, employer_id, case_type, status, "
        "last_document_seq, version, created_at, updated_at, report_include) VALUES "
        "(gen_random_uuid(), :n, :y, :s, 'x', :e, 'office_layout', 'open', 0, 1, now(), now(), "
        "false)"
    )
    year = TODAY.year
    for n, s in ((f"{year}/3", 3), (f"{year}/1000", 1000), (f"{year}/2", 3)):
        assert refused(t["nord"], insert_case, n=n, y=year, s=s, e=t["employer"]) == "TV403"
    refused(t["nord"], "UPDATE cases SET seq = 1000, number = :n", n=f"{year}/1000")
    number = make_case(t["sor"], t["employer"], title="Etter angrepet")
    assert number == f"{year}/3"
    refused(t["nord"], "SELECT tillitsvalgt_next_case_seq(0)")
    # The import's many-at-once counter (0026) has the same walls, and takes no count that
    # would move the counter backwards or past any file's size.
    for n in (0, -5, 100_001):
        assert refused(t["nord"], "SELECT tillitsvalgt_next_case_seqs(:y, :n)", y=year, n=n) == (
            "TV403"
        )
    refused(t["nord"], "SELECT tillitsvalgt_next_case_seqs(0, 1)")
    with t["nord"].engine.begin() as conn:
        last = conn.execute(sa.text("SELECT tillitsvalgt_next_case_seqs(:y, 5)"), {"y": year})
        assert last.scalar_one() == 8  # 4-8 handed out: the next case is number 9
    assert make_case(t["sor"], t["employer"], title="Etter fem") == f"{year}/9"


# --------------------------------------------------------------------------- 5. history


def test_the_office_cannot_write_its_own_text_into_the_history(
    server: Server, branches: Any
) -> None:
    t = branches
    office = t["office"]
    row = as_role(
        server.admin,
        "SELECT id, new_value FROM change_history WHERE case_id = :c AND new_value IS NOT NULL "
        "ORDER BY id LIMIT 1",
        c=t["sor_case"][1],
    )[0]
    hid, value = row
    forged = "Bjørn Sør trakk kravet om drøfting [slettet]"
    with office.engine.connect() as conn:
        conn.exec_driver_sql("SET tillitsvalgt.redaction = 'on'")
        with pytest.raises(DBAPIError):
            conn.execute(
                sa.text("UPDATE change_history SET new_value = :v WHERE id = :id"),
                {"v": forged, "id": hid},
            )
    with pytest.raises(AccessError), office.session() as s:
        s.execute(
            sa.text("SELECT tillitsvalgt_redact_history(:id, NULL, :v)"),
            {"id": hid, "v": forged},
        )
    # A real redaction (a stretch replaced by the mark) goes through, and says so.
    redacted = value[:2] + "[slettet]"
    before = count(server.admin, "SELECT count(*) FROM change_history")
    with office.session() as s:
        s.execute(
            sa.text("SELECT tillitsvalgt_redact_history(:id, NULL, :v)"),
            {"id": hid, "v": redacted},
        )
    assert as_role(server.admin, "SELECT new_value FROM change_history WHERE id = :id",
                   id=hid) == [(redacted,)]  # fmt: skip
    assert count(server.admin, "SELECT count(*) FROM change_history") == before + 1
    assert as_role(
        server.admin,
        "SELECT action, context, db_role FROM change_history ORDER BY id DESC LIMIT 1",
    ) == [("redacted", "gdpr", make_url(office.location.url).username)]
    # Representatives may not call it at all.
    refused(t["nord"], "SELECT tillitsvalgt_redact_history(:id, NULL, NULL)", id=hid)


def test_a_representative_cannot_forge_history_for_another_branch_or_person(
    server: Server, branches: Any
) -> None:
    t = branches
    nord, sor_profile = t["nord"], t["profiles"]["sor"]
    refused(
        nord,
        "INSERT INTO change_history (changed_at, entity, entity_id, case_id, action, field, "
        "old_value, new_value, representative_id) VALUES (now(), 'employer', :e, NULL, "
        "'updated', 'name', 'Vestlandske', 'Bjørn godkjente landskapet skriftlig', :r)",
        e=t["employer"],
        r=sor_profile.id,
    )
    # In its own case, it cannot sign as someone else either.
    with nord.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO change_history (changed_at, entity, entity_id, case_id, action, "
                "representative_id) VALUES (now(), 'case', :c, :c, 'changed', :r)"
            ),
            {"c": t["nord_case"][1], "r": sor_profile.id},
        )
    assert as_role(
        server.admin,
        "SELECT representative_id, db_role FROM change_history ORDER BY id DESC LIMIT 1",
    ) == [(None, t["nord_role"])]


# --------------------------------------------------------------------------- 6. letters, events


def test_a_deleted_event_leaves_a_trace(server: Server, branches: Any) -> None:
    t = branches
    number, case_id = t["nord_case"]
    with t["nord"].session() as s:
        events.add_event(number, EventCreate(kind="note", occurred_on=TODAY), session=s)
    with t["nord"].engine.begin() as conn:
        gone = (
            conn.execute(
                sa.text(
                    "DELETE FROM events WHERE case_id = :c AND kind = 'note' "
                    "AND NOT EXISTS (SELECT 1 FROM event_revisions r WHERE r.event_id = events.id) "
                    "RETURNING id"
                ),
                {"c": case_id},
            )
            .scalars()
            .all()
        )
    assert gone
    assert as_role(
        t["nord"],
        "SELECT entity_id, action, context, db_role FROM change_history "
        "WHERE case_id = :c AND action = 'removed'",
        c=case_id,
    ) == [(gone[0], "removed", "sql", t["nord_role"])]


# --------------------------------------------------------------------------- 7. side channels


def test_volumes_of_other_branches_are_not_read_off_sequences_or_probes(
    server: Server, branches: Any
) -> None:
    t = branches
    nord = t["nord"]
    for sequence in ("cases_id_seq", "events_id_seq", "documents_id_seq"):
        refused(nord, f"SELECT last_value FROM {sequence}")
    sor_doc = as_role(
        server.admin, "SELECT id, number FROM documents WHERE case_id = :c", c=t["sor_case"][1]
    )[0]
    own = t["nord_case"][1]
    insert_document = (
        "INSERT INTO documents (uuid, case_id, seq, number, kind, direction, title, size, "
        "sha256, content, provisions, frozen, created_at) VALUES (gen_random_uuid(), :c, :s, "
        ":n, 'annet', 'inn', 'x', 0, '', '', '[]', false, now())"
    )
    # Another case's number, existing or not: the same refusal, before the unique key.
    existing = refused(nord, insert_document, c=own, s=1, n=sor_doc[1])
    missing = refused(nord, insert_document, c=own, s=1, n=sor_doc[1][:-1] + "9")
    assert existing == missing == "TV403"
    insert_deadline = (
        "INSERT INTO deadlines (case_id, document_id, due_on, original_due_on, title, "
        "cancelled, created_at) VALUES (:c, :d, '2026-12-24', '2026-12-24', 'x', false, now())"
    )
    assert refused(nord, insert_deadline, c=own, d=sor_doc[0]) == "TV403"
    assert refused(nord, insert_deadline, c=own, d=999_999) == "TV403"


def _estimate(db: Database, title: str) -> int:
    plan = as_role(db, "EXPLAIN (FORMAT JSON) SELECT 1 FROM cases WHERE title = :t", t=title)
    return int(plan[0][0][0]["Plan"]["Plan Rows"])


def _search_estimate(db: Database, word: str) -> int:
    plan = as_role(
        db,
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM case_search "
        "WHERE document @@ to_tsquery('simple', :w)",
        w=word,
    )
    return int(plan[0][0][0]["Plan"]["Plan Rows"])


def test_the_planner_does_not_count_another_branchs_titles(server: Server, branches: Any) -> None:
    t = branches
    secret = "Hemmelig nedbemanning Vestlandske"
    with t["sor"].session() as s:
        for _ in range(200):
            cases.create_case(
                CaseCreate(title=secret, employer_id=t["employer"], case_type="office_layout"),
                session=s,
                today=date(2026, 6, 1),
            )
    with server.admin.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE cases")
        conn.exec_driver_sql("ANALYZE case_search")
        conn.commit()
    assert count(t["nord"], "SELECT count(*) FROM cases WHERE title = :t", t=secret) == 0
    assert _estimate(t["nord"], secret) == _estimate(t["nord"], "Finnes ikke noe sted")
    assert _search_estimate(t["nord"], "nedbemanning") == _search_estimate(t["nord"], "ukjent")


def test_the_office_hands_a_profile_over_to_its_representative(
    server: Server, branches: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import run_cli

    t = branches
    with server.admin.session() as s:  # a profile the office made for Nord's representative
        made = representatives.create_representative(
            RepresentativeCreate(name="Kari Nord"), session=s
        )
    with pytest.raises(AccessError), t["nord"].session() as s:
        representatives.update_representative(
            made.id, RepresentativeUpdate(phone="99999999"), session=s
        )
    code, _, err = run_cli(
        capsys, "--database-url", server.url_for(t["nord_role"]), "admin", "give-profile",
        str(made.uuid), t["nord_role"],
    )  # fmt: skip
    assert code != 0 and "Bare forbundskontoret" in err
    code, out, _ = run_cli(
        capsys, "--database-url", server.url, "admin", "give-profile", str(made.id), t["nord_role"]
    )
    assert code == 0 and "Kari Nord" in out
    with t["nord"].session() as s:
        representatives.update_representative(
            made.id, RepresentativeUpdate(phone="99999999"), session=s
        )


def test_the_office_still_deletes_a_person_from_another_branchs_closed_case(
    server: Server, branches: Any
) -> None:
    # The GDPR deletion now redacts the history through the database's function and the
    # employer register's history is the database's own: both as the office's login.
    from tillitsvalgt.services import privacy

    from helpers.gdpr import plant, raw_hits

    t = branches
    number = plant(t["sor"], employer_name="Gdpr Bank")
    assert raw_hits(server.admin)
    with t["office"].session() as s:
        report = privacy.delete_person("Gunnhild Prestbakmo", session=s)
    assert any(hit.case_number == number for hit in report.changed)
    assert raw_hits(server.admin) == []
    assert raw_hits(server.admin, "gunnhild") == []
    redactions = as_role(
        server.admin,
        "SELECT count(*) FROM change_history WHERE action = 'redacted' AND db_role = :r",
        r=make_url(t["office"].location.url).username,
    )
    assert redactions[0][0] >= 10
