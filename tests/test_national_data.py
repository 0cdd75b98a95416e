"""The national benchmark's data (benchmarks/national_data.py) is what it claims: copies
with their own ids, UUIDs, numbers and branches, a free-text index row per case equal to
what the app's own refresh makes, counters past the last number; and its bundles import
through the real service. Small sizes: this is about correctness, not speed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from benchmarks import national, national_data
from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.services.transfer import import_bundle

from conftest import TODAY, PgServer


@pytest.fixture
def national_url(pg_server: PgServer | None, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    monkeypatch.setattr(national_data, "BASE", 120)  # 300 cases: 120 drawn, 180 copied
    url = pg_server.create()
    yield url
    pg_server.drop(url)


def test_copies_are_cases_of_their_own_and_searchable(national_url: str) -> None:
    loaded = national_data.load(300, national_url, say=lambda _m: None)
    assert loaded.cases == 300
    db = Database.open(database_url=national_url)
    try:
        with db.engine.connect() as conn:
            one = conn.execute(
                sa.text(
                    "SELECT count(*), count(DISTINCT uuid), count(DISTINCT number), "
                    "count(DISTINCT branch), max(id) FROM cases"
                )
            ).one()
            assert tuple(one) == (300, 300, 300, 200, 300)
            # The copied index rows are what the app's refresh would make.
            conn.execute(sa.text("SELECT case_search_refresh(id) FROM cases WHERE id > 120"))
            drawn = conn.execute(
                sa.text(
                    "SELECT count(*) FROM case_search s JOIN case_search o "
                    "ON o.case_id = s.case_id - 240 OR o.case_id = s.case_id - 120 "
                    "WHERE s.case_id > 120 AND s.document = o.document AND o.case_id <= 120"
                )
            ).scalar_one()
            assert drawn == 180
            behind = conn.execute(
                sa.text(
                    "SELECT count(*) FROM case_counters k WHERE k.last_seq < "
                    "(SELECT max(seq) FROM cases c WHERE c.year = k.year)"
                )
            ).scalar_one()
            assert behind == 0
        with db.session(readonly=True) as s:
            page = cases.list_cases(cases.CaseQuery(text="hjemmekontor"), session=s)
        with db.engine.connect() as conn:
            raw = conn.execute(
                sa.text(
                    "SELECT count(*) FROM cases WHERE deleted_at IS NULL AND id IN "
                    "(SELECT case_id FROM case_search "
                    "WHERE document @@ to_tsquery('simple', 'hjemmekontor:*'))"
                )
            ).scalar_one()
        assert page.total == raw > 0
        # A bundle of the benchmark imports as new cases through the real service.
        bundle = next(national.bundles(1, base=120, size=30))
        with db.session() as s:
            report = import_bundle(bundle, session=s, today=TODAY)
        assert len(report.created) == len(bundle) > 0
    finally:
        db.dispose()
