"""Shared by the attack tests (test_attacks*.py): hypothesis settings, strategies for
hostile text, and the before/after checks of a database that must not change or break.

``TILLITSVALGT_ATTACK_EXAMPLES`` sets how many examples each property tries (default 50,
for a fast run; e.g. 2000 for a long one)."""

from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlmodel import SQLModel

from tillitsvalgt.backup import integrity_check
from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError

EXAMPLES = int(os.environ.get("TILLITSVALGT_ATTACK_EXAMPLES", "50"))

# The database fixture is made once per test, not per example: each example must leave it
# as it found it, or the property must hold whatever earlier examples left behind.
ATTACK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a person, a broken editor or an attacker might produce.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfff",
    "\ufffe",
    "\r\n",
    "\t",
    "\x1b[31m",
    "'; DROP TABLE cases; --",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "\\%",
    "NEAR(a b)",
    "a* OR b*",
    "title:x",
    "-x",
    "^x",
    "(",
    ")",
    '"',
    "!x & y | z:*",
    "<->",
    "{{ 7*7 }}",
    "{% raw %}",
    "<w:p>&amp;",
    "İstanbul",
    "ǅ",
    "ﬁ",
    "cafe\u0301",
    "\u200b",
    "\u202e",
    "🦄",
    "日本語",
    "Ærlig øl på Åsen",
    "01.03.2026",
    "a.b@example.com",
]

nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
    st.builds(lambda a, b: a + b, st.text(max_size=10), st.sampled_from(NASTY)),
)


def table_counts(db: Database) -> dict[str, int]:
    """Rows in every table the app keeps (the free-text index included)."""
    names = [t.name for t in SQLModel.metadata.sorted_tables] + ["case_search"]
    with db.engine.connect() as conn:
        return {
            name: int(conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one())
            for name in names
        }


def assert_intact(db: Database) -> None:
    """The database passes the app's integrity check and its free-text index is whole."""
    report = integrity_check(db)
    assert report.ok, report.problems
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            conn.execute(sa.text("INSERT INTO case_search(case_search) VALUES('integrity-check')"))
        cases = conn.execute(sa.text("SELECT count(*) FROM cases")).scalar_one()
        indexed = conn.execute(sa.text("SELECT count(*) FROM case_search")).scalar_one()
        assert cases == indexed


def assert_clear_refusal(exc: UserError) -> None:
    """A refusal a user can read: Norwegian, no traceback, no pydantic or driver English."""
    text = str(exc)
    assert text.strip()
    text.encode("utf-8")  # no lone surrogate from the file: it could not be shown or logged
    for english in (
        "Traceback",
        "Input should",
        "validation error",
        "Unable to",
        "Field required",
        "psycopg",
        "sqlite3",
        "[SQL:",
        "errors.pydantic.dev",
    ):
        assert english not in text, text


def fields_of(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}
