"""Table models for the employer register: the employers (one row each, named columns) and
the selected employer's cases (a small list over the case service's rows)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    Qt,
)

from tillitsvalgt.shapes import CaseListRow, EmployerRead
from tillitsvalgt.vocabulary import AGREEMENTS, CASE_STATUSES, CASE_TYPES_SHORT, SECTORS
from ui.i18n import QT_TR_NOOP, tr
from ui.models.case_table import demo_tag
from ui.models.list_model import ListModel, short_date

NAME, ORGNR, SECTOR, AGREEMENT, EMPLOYEES, CONTACT = range(6)
HEADERS: dict[int, str] = {
    NAME: QT_TR_NOOP("Navn"),
    ORGNR: QT_TR_NOOP("Org.nr."),
    SECTOR: QT_TR_NOOP("Sektor"),
    AGREEMENT: QT_TR_NOOP("Hovedavtale"),
    EMPLOYEES: QT_TR_NOOP("Ansatte"),
    CONTACT: QT_TR_NOOP("Kontaktperson"),
}

CASE_NUMBER, CASE_TITLE, CASE_TYPE, CASE_STATUS, CASE_DEADLINE = range(5)
CASE_HEADERS: dict[int, str] = {
    CASE_NUMBER: QT_TR_NOOP("Nr."),
    CASE_TITLE: QT_TR_NOOP("Tittel"),
    CASE_TYPE: QT_TR_NOOP("Type"),
    CASE_STATUS: QT_TR_NOOP("Status"),
    CASE_DEADLINE: QT_TR_NOOP("Neste frist"),
}

ID_ROLE = Qt.ItemDataRole.UserRole  # the row's database id, for views and tests


def format_orgnr(value: str | None) -> str:
    """«952 601 814» for a stored 9-digit number; anything else as it is."""
    if not value:
        return ""
    from stdnum.no import orgnr as stdnum_orgnr  # loaded when the register is first shown

    return str(stdnum_orgnr.format(value)) if len(value) == 9 and value.isdigit() else value


def format_count(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", " ")


def contact_text(employer: EmployerRead) -> str:
    """The contact person's name, or the e-mail or phone when no name is registered."""
    return employer.contact_name or employer.contact_email or employer.contact_phone or ""


def contact_tooltip(employer: EmployerRead) -> str:
    lines = [
        value
        for value in (employer.contact_name, employer.contact_email, employer.contact_phone)
        if value
    ]
    return "\n".join(lines) if lines else tr("Ingen kontaktperson registrert")


class EmployerTableModel(ListModel):
    """The employers as the service returns them (sorted by name); read-only."""

    headers: ClassVar[dict[int, str]] = HEADERS

    @property
    def employers(self) -> list[EmployerRead]:
        return self.items

    def set_employers(self, employers: list[EmployerRead]) -> None:
        self.set_items(employers)

    def employer_at(self, row: int) -> EmployerRead | None:
        found: EmployerRead | None = self.item_at(row)
        return found

    def row_of(self, employer_id: int) -> int | None:
        for row, employer in enumerate(self.employers):
            if employer.id == employer_id:
                return row
        return None

    # ---------------------------------------------------------------- the model

    def tooltip(self, employer: EmployerRead, column: int) -> str | None:
        if column == AGREEMENT:
            return tr(AGREEMENTS.get(employer.agreement, employer.agreement))
        if column == CONTACT:
            return contact_tooltip(employer)
        if column == ORGNR and not employer.orgnr:
            return tr("Organisasjonsnummer ikke registrert")
        return self.cell(employer, column)

    def role_data(self, employer: EmployerRead, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EMPLOYEES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return employer.id
        return None

    def cell(self, employer: EmployerRead, column: int) -> str | None:
        if column == NAME:
            return demo_tag(employer.name) if employer.is_demo else employer.name
        if column == ORGNR:
            return format_orgnr(employer.orgnr)
        if column == SECTOR:
            return tr(SECTORS.get(employer.sector, employer.sector)) if employer.sector else ""
        if column == AGREEMENT:
            return tr(AGREEMENTS.get(employer.agreement, employer.agreement))
        if column == EMPLOYEES:
            return format_count(employer.employees)
        if column == CONTACT:
            return contact_text(employer)
        return None


class EmployerCaseTableModel(ListModel):
    """One employer's cases, as rows of the case list."""

    headers: ClassVar[dict[int, str]] = CASE_HEADERS

    @property
    def rows(self) -> list[CaseListRow]:
        return self.items

    def set_rows(self, rows: list[CaseListRow]) -> None:
        self.set_items(rows)

    def row_at(self, row: int) -> CaseListRow | None:
        found: CaseListRow | None = self.item_at(row)
        return found

    def role_data(self, item: CaseListRow, column: int, role: int) -> Any:
        return item.id if role == ID_ROLE else None

    def cell(self, item: CaseListRow, column: int) -> str | None:
        if column == CASE_NUMBER:
            return item.number
        if column == CASE_TITLE:
            return item.title
        if column == CASE_TYPE:
            return tr(CASE_TYPES_SHORT.get(item.case_type, item.case_type))
        if column == CASE_STATUS:
            return tr(CASE_STATUSES.get(item.status, item.status))
        if column == CASE_DEADLINE:
            return short_date(item.next_deadline)
        return None
