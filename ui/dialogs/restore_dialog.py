"""Restore the database from a backup, from the window: the backups listed newest first,
the chosen one checked in the background (checksum, SQLite's integrity check, schema)
before it can be used, a plain confirmation, and the current database kept as a backup of
its own first, so a restore can itself be undone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.workspace import Workspace
from ui.accessibility import describe_inputs
from ui.context_menus import add_context_menu
from ui.errors import CrashReporter
from ui.i18n import tr
from ui.long_work import LongWork
from ui.models.backup_table import BackupTableModel
from ui.prompts import Prompter
from ui.workers import Background

if TYPE_CHECKING:  # the backup module loads Alembic, which the start does without
    from tillitsvalgt.shapes import BackupInfo, IntegrityReport


class RestoreDialog(QDialog):
    restored = Signal(Path)  # the safety backup of the database as it was

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.background = background
        self.checked: dict[Path, IntegrityReport] = {}
        self.work: LongWork | None = None
        self.setWindowTitle(tr("Gjenopprett fra sikkerhetskopi"))
        self.resize(640, 420)
        intro = QLabel(
            tr(
                "Velg kopien du vil gå tilbake til. Alt som er lagret etter at kopien ble "
                "tatt, blir borte fra databasen – men databasen slik den er nå, lagres først "
                "som en egen sikkerhetskopi, så du kan angre."
            )
        )
        intro.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setAccessibleName(tr("Sikkerhetskopier"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.other_file = QPushButton(tr("&Annen fil …"))
        self.other_file.setToolTip(tr("Gjenopprett fra en kopi som ligger et annet sted"))
        self.other_file.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            tr("&Gjenopprett"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        add_context_menu(self.table, [self.restore_button])
        buttons.addButton(self.other_file, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.chosen: Path | None = None
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._pick())
        self.reload()
        describe_inputs(self)

    def reload(self) -> None:
        found = self.workspace.backups()
        self.model.set_items(found)
        if not found:
            self.status.setText(
                tr("Det er ingen sikkerhetskopier ennå.")
                if self.workspace.keeps_backups
                else tr(
                    "En PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den "
                    "som drifter den."
                )
            )
        else:
            self.table.selectRow(0)

    def _pick(self) -> None:
        item: BackupInfo | None = self.model.item_at(self.table.currentIndex().row())
        if item is not None:
            self.choose(item.path)

    def _choose_file(self) -> None:
        files = self.prompter.open_paths(
            self, tr("Velg sikkerhetskopi"), tr("Databaser (*.db);;Alle filer (*)")
        )
        if files:
            self.choose(files[0])

    def choose(self, file: Path) -> None:
        """Check ``file`` in the background; the restore button follows the verdict."""
        self.chosen = file
        self.restore_button.setEnabled(False)
        known = self.checked.get(file)
        if known is not None:
            self._show_check(file, known)
            return
        self.status.setText(tr("Sjekker kopien …"))
        self.background.submit(
            lambda: self.workspace.check_backup(file),
            lambda report: self._checked(file, report),
            lambda exc: self.crashes.report(exc, self),
        )

    def _checked(self, file: Path, report: IntegrityReport) -> None:
        self.checked[file] = report
        if file == self.chosen:
            self._show_check(file, report)

    def _show_check(self, file: Path, report: IntegrityReport) -> None:
        if report.ok:
            self.status.setText(tr("Kopien er hel og kan brukes: ") + file.name)
        else:
            self.status.setText(
                tr("Denne kopien kan ikke brukes:") + "\n" + "\n".join(report.problems)
            )
        self.restore_button.setEnabled(report.ok)

    def restore_selected(self) -> None:
        file = self.chosen
        report = self.checked.get(file) if file is not None else None
        if file is None or report is None or not report.ok:
            return
        if not self.prompter.confirm(
            self,
            tr("Gjenopprette?"),
            tr("Erstatte hele databasen med kopien {name}? Databasen slik den er nå, lagres "
               "først som egen sikkerhetskopi.").format(name=file.name),
        ):  # fmt: skip
            return
        self.restore_button.setEnabled(False)
        work = LongWork(self, self.background, tr("Gjenoppretter …"), cancellable=False)
        self.work = work
        work.run(
            lambda progress: self.workspace.restore_backup(file),
            self._done,
            self._failed,
        )

    def _done(self, safety: Path) -> None:
        self.prompter.info(
            self,
            tr("Gjenopprettet"),
            tr("Databasen er gjenopprettet. Slik den var før, er lagret i ") + str(safety),
        )
        self.restored.emit(safety)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.crashes.report(exc, self)
