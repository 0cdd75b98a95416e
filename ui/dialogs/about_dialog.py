"""«Om Tillitsvalgt»: the version, the licence, and where this copy keeps its data, so a
representative can tell the person helping them which version they run and where the
database, backups and log are."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt import __version__, paths
from tillitsvalgt.workspace import Workspace
from ui.accessibility import describe_inputs
from ui.i18n import tr
from ui.workers import Background

LICENCE = "GNU General Public License, versjon 3 eller senere (GPL-3.0-or-later)"


def licences_folder() -> Path | None:
    """Where the licence texts of the program and all its parts are: inside a bundle its
    ``licenses`` folder; from source, the checkout's LICENSE."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "licenses"
    checkout = Path(__file__).resolve().parents[2] / "LICENSE"
    return checkout if checkout.is_file() else None


def about_facts(workspace: Workspace) -> list[tuple[str, str]]:
    data = paths.data_dir(workspace.data_dir)
    facts = [
        (tr("Versjon"), __version__),
        (tr("Lisens"), LICENCE),
        (tr("Datamappe"), str(data)),
        (tr("Database"), workspace.db.location.describe()),
        (tr("Logg"), str(data / "logs" / "tillitsvalgt.log")),
    ]
    from ui.office_actions import pack_line

    facts.append((tr("Pakke fra forbundskontoret"), pack_line(workspace)))
    licences = licences_folder()
    if licences is not None:
        facts.append((tr("Lisenstekster"), str(licences)))
    return facts


class AboutDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        background: Background | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.background = background or Background(self)
        self.setWindowTitle(tr("Om Tillitsvalgt"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QIcon(str(paths.resource_path("icons", "tillitsvalgt.png")))
        if not icon.isNull():
            self.setWindowIcon(icon)
            picture = QLabel()
            picture.setPixmap(icon.pixmap(72, 72))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            top.addWidget(picture)
        heading = QLabel(
            "<h2>Tillitsvalgt</h2>"
            + tr(
                "Saksverktøy for tillitsvalgte: kontor- og hjemmekontorendringer, drøfting og brev."
            )
        )
        heading.setWordWrap(True)
        top.addWidget(heading, 1)
        layout.addLayout(top)
        self.form = QFormLayout()
        self.facts = about_facts(workspace)
        for label, value in self.facts:
            self._add_fact(label, value)
        layout.addLayout(self.form)
        notice = QLabel(
            tr(
                "Fri programvare: du kan dele og endre den etter lisensens vilkår. "
                "Den leveres uten garanti. Qt for Python (PySide6) brukes under LGPL-3.0."
            )
        )
        notice.setWordWrap(True)
        layout.addWidget(notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        describe_inputs(self)
        # The pack's shared folder may be a network share that is slow or gone: looked at
        # off the GUI thread, and a newer pack added to the facts when it is found.
        self.background.submit(
            workspace.newer_pack, self._newer_pack, lambda _exc: None, context=self
        )

    def _add_fact(self, label: str, value: str) -> None:
        shown = QLabel(value)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setWordWrap(True)
        self.form.addRow(label + ":", shown)

    def _newer_pack(self, found: tuple[Path, str] | None) -> None:
        from ui.office_actions import newer_pack_text

        newer = newer_pack_text(self.workspace, found) if found is not None else None
        if newer:
            self.facts.append((tr("Nyere pakke"), newer))
            self._add_fact(tr("Nyere pakke"), newer)
