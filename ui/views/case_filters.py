"""The case list's filter bar: the search box, the type, status and timing filters, the
recycle bin, the employer and year filters and the saved filters. The main window reads
its choices into the list's query and resets it when it goes to a case from elsewhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.vocabulary import CASE_STATUSES, CASE_TYPES_SHORT, TIMINGS_SHORT
from tillitsvalgt.workspace import Workspace
from ui.accessibility import name_input
from ui.i18n import tr
from ui.list_memory import year_choices


class LazyEmployerCombo(QComboBox):
    """The employer filter: its list is read when first opened, not at start-up (a union
    office's register can hold thousands)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.addItem(tr("Alle virksomheter"), None)
        self._filled = False

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        self.blockSignals(True)
        for employer_id, name in self.workspace.employer_choices():
            self.addItem(name, employer_id)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()


def _combo(name: str, everything: str, choices: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(everything, None)
    for code, label in choices.items():
        combo.addItem(tr(label), code)
    return combo


class CaseFilters(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Søk i saker (tittel, beskrivelse, virksomhet) …"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = _combo("typeFilter", tr("Alle typer"), CASE_TYPES_SHORT)
        self.status_filter = _combo("statusFilter", tr("Alle statuser"), CASE_STATUSES)
        self.timing_filter = _combo("timingFilter", tr("Alle tidspunkter"), TIMINGS_SHORT)
        self.bin_toggle = QCheckBox(tr("&Papirkurv"))
        self.bin_toggle.setObjectName("recycleBin")
        self.bin_toggle.setToolTip(tr("Vis slettede saker, som kan gjenopprettes"))
        filters = QHBoxLayout()
        # Each filter as wide as its «Alle …» needs, so none is cut on a 1024 px screen.
        for widget in (self.type_filter, self.status_filter, self.timing_filter):
            filters.addWidget(widget, len(widget.itemText(0)))
        filters.addWidget(self.bin_toggle)
        self.saved_filters = QComboBox()
        self.saved_filters.setObjectName("savedFilters")
        self.saved_filters.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.saved_filters.setMinimumContentsLength(12)
        self.saved_filters.setToolTip(tr("Lagrede filtre: søk og valg du bruker ofte"))
        self.save_filter_button = QToolButton()
        self.save_filter_button.setText(tr("Lagre filter …"))
        self.save_filter_button.setToolTip(tr("Lagre søket og valgene som et filter med navn"))
        self.employer_filter = LazyEmployerCombo(workspace)
        self.employer_filter.setObjectName("employerFilter")
        self.employer_filter.setToolTip(tr("Bare sakene til én virksomhet"))
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setToolTip(tr("Bare saker fra ett år (saksnummerets år)"))
        self.year_filter.addItem(tr("Alle år"), None)
        for year in year_choices(workspace.today()):
            self.year_filter.addItem(str(year), year)
        saved_row = QHBoxLayout()
        # (the saved filters' own «(lagrede filtre)» names them: no label, more room)
        saved_row.addWidget(self.employer_filter, 3)
        saved_row.addWidget(self.year_filter)
        saved_row.addWidget(self.saved_filters, 2)
        saved_row.addWidget(self.save_filter_button)
        # Narrow screens: the filters may shrink (their lists still show whole names).
        for combo in (self.type_filter, self.status_filter, self.timing_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
        self.employer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.employer_filter.setMinimumContentsLength(8)
        self.saved_filters.setMinimumContentsLength(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(saved_row)

    @property
    def combos(self) -> tuple[QComboBox, ...]:
        """The filters that choose one of a list (each starts at «all»)."""
        return (
            self.type_filter,
            self.status_filter,
            self.timing_filter,
            self.employer_filter,
            self.year_filter,
        )

    def choices(self) -> dict[str, Any]:
        """The filters' choices as the list's query takes them."""
        text = self.search.text().strip()
        return {
            "case_type": self.type_filter.currentData(),
            "status": self.status_filter.currentData(),
            "timing": self.timing_filter.currentData(),
            "employer_id": self.employer_filter.currentData(),
            "year": self.year_filter.currentData(),
            "text": text or None,
            "deleted": self.bin_toggle.isChecked(),
        }

    def clear(self) -> None:
        """Every case shown: no search, no filter, not the recycle bin."""
        self.search.clear()
        self.bin_toggle.setChecked(False)
        for combo in self.combos:
            combo.setCurrentIndex(0)

    def name_for_screen_readers(self) -> None:
        """The inputs have no label beside them: named by what they filter, not by their
        current choice."""
        name_input(self.search, tr("Søk i sakene"), self.search.placeholderText())
        name_input(self.type_filter, tr("Filter: sakstype"))
        name_input(self.status_filter, tr("Filter: status"))
        name_input(self.timing_filter, tr("Filter: tidspunkt for drøfting"))
        name_input(self.employer_filter, tr("Filter: virksomhet"))
        name_input(self.year_filter, tr("Filter: år"))
        name_input(self.saved_filters, tr("Lagrede filtre"))
