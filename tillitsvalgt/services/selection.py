"""Which cases an export is about: named ones (``--case 2026/3``), those the list's filters
show, or (nothing chosen) every live case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from tillitsvalgt.errors import UserError
from tillitsvalgt.services.cases import CaseQuery, resolve_case, search_terms
from tillitsvalgt.services.employers import find_employer
from tillitsvalgt.vocabulary import CASE_TYPES


@dataclass(frozen=True)
class Selection:
    numbers: tuple[str, ...] = ()
    case_type: str | None = None
    status: str | None = None
    employer: str | None = None
    year: int | None = None
    text: str | None = None
    group: str | None = None  # a group case's number or name

    def is_everything(self) -> bool:
        return not (
            self.numbers
            or self.case_type
            or self.status
            or self.employer
            or self.year is not None
            or (self.text and self.text.strip())
            or self.group
        )


def selected_case_ids(selection: Selection, *, session: Session) -> set[int] | None:
    """The ids of the chosen cases (named ones and the filters' together: a case must pass
    every filter given), or None for every case. An unknown case number is an error: an
    export missing the case the user asked for must not look like a success."""
    if selection.is_everything():
        return None
    if selection.case_type and selection.case_type not in CASE_TYPES:
        raise UserError(
            f"Ukjent sakstype «{selection.case_type}». Gyldige: {', '.join(CASE_TYPES)}."
        )
    if selection.text and selection.text.strip() and not search_terms(selection.text):
        raise UserError(f"Søket «{selection.text}» inneholder ingen ord.")
    named: set[int] | None = None
    if selection.numbers:
        named = set()
        for number in selection.numbers:
            case = resolve_case(number.strip(), session=session)
            assert case.id is not None
            named.add(case.id)
    employer_id = None
    if selection.employer:
        found = find_employer(
            session=session, orgnr=selection.employer.replace(" ", ""), name=selection.employer
        )
        if found is None:
            raise UserError(
                f"Fant ingen virksomhet som heter eller har org.nr «{selection.employer}»."
            )
        employer_id = found.id
    group_id = None
    if selection.group:
        from tillitsvalgt.services.groups import resolve_group

        group_id = resolve_group(selection.group, session=session).id
    query = CaseQuery(
        case_type=selection.case_type,
        status=selection.status,
        employer_id=employer_id,
        year=selection.year,
        text=selection.text,
        group_id=group_id,
        sort="number",
        descending=False,
    )
    if query == CaseQuery(sort="number", descending=False):
        return named
    from tillitsvalgt.services.spreadsheet import case_rows

    filtered = {row.id for row in case_rows(query, session=session)}
    return filtered if named is None else named & filtered
