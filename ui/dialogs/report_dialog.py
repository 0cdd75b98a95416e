"""The landsmøte report from the window: the same choices as ``tillitsvalgt report``, made
in the background with a progress bar and cancel, and opened when done if asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt import paths
from tillitsvalgt.errors import UserError
from tillitsvalgt.reports.cube import ReportRequest
from tillitsvalgt.reports.output_check import check_outputs, check_years, existing_outputs
from tillitsvalgt.reports.ptable import FLOOR
from tillitsvalgt.workspace import Workspace, make_report
from ui.accessibility import describe_inputs
from ui.date_input import DateInput
from ui.errors import CrashReporter
from ui.i18n import tr
from ui.long_work import LongWork
from ui.prompts import Prompter
from ui.workers import Background


def _required(field: DateInput) -> date:
    day = field.checked_value()  # raises the field's message when its text is no date
    assert day is not None
    return day


class ReportDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        background: Background,
        opener: Callable[[Path], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.background = background
        self.opener = opener
        self.written: Path | None = None
        self.work: LongWork | None = None
        self.setWindowTitle(tr("Rapport til landsmøtet"))
        self.setMinimumWidth(560)
        today = workspace.today()
        form = QFormLayout()
        self.start = DateInput(date(today.year - 1, 1, 1), today=workspace.today)
        self.start.setObjectName("reportStart")
        self.end = DateInput(date(today.year, 12, 31), today=workspace.today)
        self.end.setObjectName("reportEnd")
        self.granularity = QComboBox()
        self.granularity.addItem(tr("Per år"), "year")
        self.granularity.addItem(tr("Per kvartal"), "quarter")
        self.min_cell = QSpinBox()
        self.min_cell.setRange(FLOOR, 100)
        self.min_cell.setValue(FLOOR)
        self.min_cell.setToolTip(
            tr("Tall under dette (etter støy) vises som «–», så ingen kan kjennes igjen")
        )
        self.anonymise = QCheckBox(tr("Ikke navngi virksomheter (bare sektor og størrelse)"))
        self.anonymise.setChecked(True)
        self.out = QLineEdit(str(Path.home() / "landsmøterapport.docx"))
        choose = QPushButton(tr("Velg …"))
        choose.clicked.connect(self._choose)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(choose)
        self.with_xlsx = QCheckBox(tr("Også regneark (.xlsx) ved siden av"))
        self.with_xlsx.setChecked(True)
        self.with_csv = QCheckBox(tr("Også tabellene som CSV (.csv) for forbundskontoret"))
        self.with_csv.setObjectName("withCsv")
        self.open_when_done = QCheckBox(tr("Åpne rapporten når den er ferdig"))
        self.open_when_done.setChecked(True)
        form.addRow(tr("&Fra:"), self.start)
        form.addRow(tr("&Til:"), self.end)
        form.addRow(tr("&Utvikling:"), self.granularity)
        form.addRow(tr("&Minste tall som vises:"), self.min_cell)
        form.addRow("", self.anonymise)
        out_label = QLabel(tr("&Lagre som:"))  # a layout has no buddy: the label needs one
        out_label.setBuddy(self.out)
        form.addRow(out_label, out_row)
        form.addRow("", self.with_xlsx)
        form.addRow("", self.with_csv)
        form.addRow("", self.open_when_done)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.make_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(tr("&Lag rapporten"))
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        describe_inputs(self)

    def _choose(self) -> None:
        path = self.prompter.save_path(
            self, tr("Lagre rapporten"), Path(self.out.text()), tr("Word-dokument (*.docx)")
        )
        if path is not None:
            self.out.setText(str(path.with_suffix(".docx")))

    def request(self) -> ReportRequest:
        return ReportRequest(
            start=_required(self.start),
            end=_required(self.end),
            granularity="quarter" if self.granularity.currentData() == "quarter" else "year",
            min_cell=self.min_cell.value(),
            anonymise_employers=self.anonymise.isChecked(),
        )

    def make(self) -> None:
        try:
            request = self.request()
        except UserError as exc:  # a date field whose text is not a date
            self.prompter.error(self, tr("Rapporten er ikke laget"), exc.message)
            return
        if request.end < request.start:
            self.prompter.error(self, tr("Rapporten er ikke laget"), tr("«Til» er før «Fra»."))
            return
        out = Path(self.out.text()).expanduser().with_suffix(".docx")
        xlsx = out.with_suffix(".xlsx") if self.with_xlsx.isChecked() else None
        csv = out.with_suffix(".csv") if self.with_csv.isChecked() else None
        try:
            check_years(request.start, request.end, self.workspace.today())
            check_outputs(
                out,
                xlsx,
                data_dir=paths.data_dir(self.workspace.data_dir),
                overwrite=True,
                csv=csv,
            )
        except UserError as exc:
            self.prompter.error(self, tr("Rapporten er ikke laget"), str(exc))
            return
        existing = [*existing_outputs(out, xlsx), *([csv] if csv and csv.exists() else [])]
        if existing and not self.prompter.confirm(
            self,
            tr("Skrive over?"),
            tr("Disse filene finnes allerede og blir skrevet over:")
            + "\n"
            + "\n".join(str(p) for p in existing),
        ):
            return
        self.make_button.setEnabled(False)
        self.status.setText(tr("Lager rapporten …"))
        work = LongWork(self, self.background, tr("Lager rapporten …"), cancellable=True)
        self.work = work
        work.run(
            lambda progress: make_report(self.workspace, request, out, xlsx, progress, csv),
            self._done,
            self._failed,
        )

    def _done(self, written: Path) -> None:
        self.written = written
        self.make_button.setEnabled(True)
        self.status.setText(tr("Rapporten er lagret: ") + str(written))
        if self.open_when_done.isChecked():
            self.opener(written)

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setText("")
        self.crashes.report(exc, self)
