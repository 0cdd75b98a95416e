"""What the case list shows when there are no cases at all: what to do first, with a button
for each step, instead of an empty table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr


class StartGuide(QFrame):
    new_employer = Signal()
    new_case = Signal()
    load_demo = Signal()
    open_guide = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startGuide")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        heading = QLabel(tr("Ingen saker ennå"))
        heading.setObjectName("startHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(
            tr(
                "Slik kommer du i gang. Når arbeidsgiveren varsler en endring i arbeidsplassene "
                "eller hjemmekontor, registrerer du virksomheten og oppretter en sak; "
                "programmet vurderer saken og foreslår brevene."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.employer_button = self._step(
            layout,
            tr("1. &Registrer virksomheten …"),
            tr("Arbeidsgiveren saken gjelder: navn, organisasjonsnummer, hovedavtale."),
            self.new_employer,
        )
        self.case_button = self._step(
            layout,
            tr("2. &Opprett en sak …"),
            tr("Hva arbeidsgiver vil endre, og når det ble varslet (Ctrl+N)."),
            self.new_case,
        )
        self._demo_hint = tr(
            "Eksemplene er merket DEMO, telles aldri i rapporten og fjernes med "
            "Fil → «Fjern demodata»."
        )
        self.demo_button = self._step(
            layout,
            tr("Vil du prøve først? &Last inn eksempelsaker"),
            self._demo_hint,
            self.load_demo,
        )
        self.guide_button = self._step(
            layout,
            tr("Les &brukerveiledningen (F1)"),
            tr("Kort veiledning med bilder."),
            self.open_guide,
        )
        layout.addStretch(1)

    def _step(
        self, layout: QVBoxLayout, text: str, hint: str, signal: SignalInstance
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("startStep")
        button.setToolTip(hint)
        button.setAccessibleDescription(hint)
        button.setMinimumHeight(button.sizeHint().height() + 6)
        button.clicked.connect(signal.emit)
        label = QLabel(hint)
        label.setWordWrap(True)
        label.setIndent(12)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(button)
        layout.addWidget(label)
        return button

    def set_demo_possible(self, possible: bool) -> None:
        """Examples go only into a database without cases (the recycle bin's count too)."""
        self.demo_button.setEnabled(possible)
        self.demo_button.setToolTip(
            self._demo_hint
            if possible
            else tr("Eksempelsaker legges bare inn i en database uten saker, også i papirkurven.")
        )
