"""Small helpers the services share."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from tillitsvalgt.errors import NotFoundError, Problem, ValidationError
from tillitsvalgt.validation import label

T = TypeVar("T", bound=SQLModel)


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
    """A read shape from a table row; ``extra`` overrides or adds fields."""
    return shape.model_validate({**row.model_dump(), **extra})


def refuse(field: str, message: str) -> ValidationError:
    return ValidationError([Problem(label(field), message)])
