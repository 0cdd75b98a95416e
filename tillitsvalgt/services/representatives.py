"""Representative profiles (several may share one database)."""

from __future__ import annotations

import uuid as uuid_module

from sqlmodel import Session, col, select

from tillitsvalgt.services._common import changes, get_or_fail, read, refuse_cleared
from tillitsvalgt.shapes import RepresentativeCreate, RepresentativeRead, RepresentativeUpdate
from tillitsvalgt.tables import Representative


def create_representative(data: RepresentativeCreate, *, session: Session) -> RepresentativeRead:
    rep = Representative.model_validate(data)
    session.add(rep)
    session.flush()
    return read(RepresentativeRead, rep)


def update_representative(
    rep_id: int, data: RepresentativeUpdate, *, session: Session
) -> RepresentativeRead:
    rep = get_or_fail(session, Representative, rep_id, "den tillitsvalgte")
    values = changes(data)
    refuse_cleared(values, ("name",))
    for field, value in values.items():
        setattr(rep, field, value)
    session.add(rep)
    session.flush()
    return read(RepresentativeRead, rep)


def list_representatives(*, session: Session) -> list[RepresentativeRead]:
    rows = session.exec(select(Representative).order_by(col(Representative.name)))
    return [read(RepresentativeRead, r) for r in rows]


def find_representative(uuid_text: str, *, session: Session) -> RepresentativeRead | None:
    """The representative with this UUID (as kept in the settings), or None."""
    try:
        wanted = uuid_module.UUID(uuid_text)
    except ValueError:
        return None
    rep = session.exec(select(Representative).where(col(Representative.uuid) == wanted)).first()
    return read(RepresentativeRead, rep) if rep is not None else None
