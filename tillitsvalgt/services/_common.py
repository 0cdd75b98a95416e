"""Small helpers the services share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

import pydantic
from sqlmodel import Session, SQLModel

from tillitsvalgt.errors import NotFoundError, Problem, ValidationError
from tillitsvalgt.validation import label

T = TypeVar("T", bound=SQLModel)

TODAY = "tillitsvalgt_today"
"""Key in ``Database.session_info``: the Workspace's clock (``Workspace(clock=…)``), so a
verdict stored on commit and the case list's "overdue" use the same today as the window."""


def today_of(session: Session) -> date:
    """Today by the clock of the Workspace that opened the database; the calendar's only for
    a database opened without one (a script or test calling services directly)."""
    clock: Callable[[], date] | None = session.info.get(TODAY)
    return clock() if clock is not None else date.today()


def get_or_fail(session: Session, model: type[T], ident: int, what: str) -> T:
    row = session.get(model, ident)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFoundError(f"Fant ikke {what} med id {ident}.")
    return row


def changes(update: SQLModel) -> dict[str, Any]:
    """The fields the caller set on an Update shape, without the version."""
    data = update.model_dump(exclude_unset=True)
    data.pop("version", None)
    return data


def read(shape: type[T], row: SQLModel, **extra: Any) -> T:
    """A read shape from a table row; ``extra`` overrides or adds fields.

    The read shapes share the input checks of the Create shapes. A row that another tool
    wrote (an unknown code, a NULL where the app always writes text) fails them: it is
    shown as stored rather than crashing the case list, the case view or the report."""
    data = {**row.model_dump(), **extra}
    try:
        return shape.model_validate(data)
    except pydantic.ValidationError:
        return cast(T, shape.model_construct(**data))


def refuse(field: str, message: str) -> ValidationError:
    return ValidationError([Problem(label(field), message)])


def refuse_cleared(values: dict[str, Any], required: tuple[str, ...]) -> None:
    """An Update shape lets a field be set to None; a required one cannot be emptied (the
    database would refuse it with a driver error instead of a message)."""
    problems = [
        Problem(label(f), "må fylles ut") for f in required if f in values and values[f] is None
    ]
    if problems:
        raise ValidationError(problems)
