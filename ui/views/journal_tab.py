"""The case's journal tab: its documents in a list (files dropped on it are added to the
case) and the buttons to add, open, save, e-mail, mark as sent, print and delete one. What
the buttons do is the case view's (``CaseView``): this tab asks for it through its
signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.shapes import DocumentRead
from ui.context_menus import add_context_menu
from ui.i18n import tr
from ui.models.case_file import DocumentTableModel
from ui.views.case_tables import setup_table


class DropTable(QTableView):
    """The journal: files dropped here are added to the case."""

    files_dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)


class JournalTab(QWidget):
    add_requested = Signal()
    open_requested = Signal()
    export_requested = Signal()
    send_requested = Signal()
    email_requested = Signal()
    print_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = DocumentTableModel()
        layout = QVBoxLayout(self)
        self.table = DropTable()
        setup_table(self.table, self.documents, "journal")
        self.table.setAccessibleName(tr("Dokumenter"))
        self.table.doubleClicked.connect(lambda _: self.open_requested.emit())
        layout.addWidget(self.table, 1)
        hint = QLabel(tr("Dra filer hit for å legge dem til i saken."))
        hint.setStyleSheet("color: #666666")
        layout.addWidget(hint)
        self.add_button = QPushButton(tr("Legg til &fil …"))
        self.add_button.clicked.connect(self.add_requested)
        self.open_button = QPushButton(tr("Å&pne"))
        self.open_button.clicked.connect(self.open_requested)
        self.export_button = QPushButton(tr("Lagre &som …"))
        self.export_button.clicked.connect(self.export_requested)
        self.send_button = QPushButton(tr("&Merk som sendt"))
        self.send_button.clicked.connect(self.send_requested)
        self.email_button = QPushButton(tr("Send med &e-post …"))
        self.email_button.setObjectName("emailDocument")
        self.email_button.setToolTip(
            tr(
                "Åpner et e-postutkast til virksomhetens kontaktperson med brevet vedlagt, i "
                "e-postprogrammet ditt. Når det er sendt, merker du brevet som sendt."
            )
        )
        self.email_button.clicked.connect(self.email_requested)
        self.print_button = QPushButton(tr("Skriv u&t …"))
        self.print_button.setObjectName("printDocument")
        self.print_button.setToolTip(tr("Skriv ut brevet"))
        self.print_button.clicked.connect(self.print_requested)
        self.delete_button = QPushButton(tr("Slett &utkast"))
        self.delete_button.clicked.connect(self.delete_requested)
        # Two rows (four and three): in one row they are wider than a 1024 px screen leaves.
        buttons = QGridLayout()
        for i, b in enumerate(
            (
                self.add_button,
                self.open_button,
                self.export_button,
                self.email_button,
                self.send_button,
                self.print_button,
                self.delete_button,
            )
        ):
            buttons.addWidget(b, i // 4, i % 4)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addStretch(1)
        layout.addLayout(row)
        add_context_menu(
            self.table,
            [
                self.open_button,
                self.export_button,
                self.send_button,
                None,
                self.add_button,
                None,
                self.delete_button,
            ],
        )

    def selected(self) -> DocumentRead | None:
        result: DocumentRead | None = self.documents.item_at(self.table.currentIndex().row())
        return result

    def update_buttons(self, *, live: bool) -> None:
        """Each button for the document chosen; ``live``: the case is not in the recycle
        bin (nothing is then sent or deleted)."""
        doc = self.selected()
        for b in (self.open_button, self.export_button):
            b.setEnabled(doc is not None)
        letter = doc is not None and doc.kind in KINDS
        outgoing_letter = letter and doc is not None and doc.direction == "ut"
        self.send_button.setEnabled(outgoing_letter and doc is not None and not doc.frozen and live)
        self.delete_button.setEnabled(doc is not None and not doc.frozen and live)
        self.email_button.setEnabled(outgoing_letter)
        self.print_button.setEnabled(letter)
