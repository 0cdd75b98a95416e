"""The first start: a short welcome, the user's profile (the sender of every letter) and,
in an empty database, example cases to try the program with. Also the profile form the
settings dialog reuses.

Everything goes through the workspace and ``tillitsvalgt.onboarding``; a refused profile
shows its problems under the fields it concerns, and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt import onboarding
from tillitsvalgt.errors import Problem, UserError, ValidationError
from tillitsvalgt.shapes import RepresentativeCreate, RepresentativeRead
from tillitsvalgt.validation import label, validate
from tillitsvalgt.vocabulary import CONFEDERATIONS, LETTER_FORMS
from tillitsvalgt.workspace import Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.errors import CrashReporter
from ui.i18n import tr
from ui.prompts import Prompter
from ui.workers import Background

ERROR_STYLE = palette.ERROR_STYLE


def _fields() -> list[tuple[str, str, str, str]]:
    """(key, label with mnemonic, tooltip, placeholder) in tab order."""
    return [
        (
            "name",
            tr("&Navn *:"),
            tr("Navnet ditt slik det skal stå under brevene."),
            tr("f.eks. Kari Nordmann"),
        ),
        (
            "role",
            tr("&Rolle:"),
            tr("Vervet ditt, slik det står under navnet i brevene."),
            tr("f.eks. hovedtillitsvalgt"),
        ),
        (
            "union_name",
            tr("&Forbund:"),
            tr("Forbundet du er tillitsvalgt for."),
            tr("f.eks. Forbundet for ansatte"),
        ),
        (
            "branch",
            tr("&Avdeling/klubb:"),
            tr("Avdelingen eller klubben du representerer (valgfritt)."),
            "",
        ),
        (
            "email",
            tr("&E-post:"),
            tr("E-postadressen arbeidsgiver kan svare til."),
            tr("navn@eksempel.no"),
        ),
        ("phone", tr("&Telefon:"), tr("Telefonnummeret ditt (valgfritt)."), ""),
        (
            "place",
            tr("&Sted for brev *:"),
            tr("Stedet brevene skrives fra; det står først i «Sted, dato» i hvert brev."),
            tr("f.eks. Tromsø"),
        ),
    ]


class ProfileForm(QWidget):
    """The profile's fields with a line for problems under each. ``with_signature`` adds
    the (optional) signature; without it, a signature the profile has is kept as it is."""

    def __init__(self, *, with_signature: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.signature: QPlainTextEdit | None = None
        self._kept_signature: str | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        order: list[QWidget] = []
        for key, text, tip, placeholder in _fields():
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMaxLength(200)
            edit.setToolTip(tip)
            edit.setPlaceholderText(placeholder)
            edit.setMinimumHeight(edit.sizeHint().height())  # a problem shown never squeezes it
            self.edits[key] = edit
            form.addRow(self._label(text, edit), self._with_error(key, edit))
            order.append(edit)
        # Which side's version of a main agreement the letters cite (YS–NHO or LO–NHO …).
        confederation = self.confederation = QComboBox()
        confederation.setObjectName("confederation")
        confederation.addItem(tr("Ikke oppgitt"), None)
        for code, text in CONFEDERATIONS.items():
            confederation.addItem(tr(text), code)
        confederation.setToolTip(
            tr(
                "Hovedorganisasjonen forbundet ditt tilhører (Delta og Negotia: YS). Den "
                "avgjør hvilken versjon av hovedavtalen brevene viser til."
            )
        )
        confederation.setAccessibleName(tr("Hovedorganisasjon"))
        form.addRow(
            self._label(tr("&Hovedorganisasjon:"), confederation),
            self._with_error("confederation", confederation),
        )
        order.append(confederation)
        # The written form of the letters where the employer has none of its own.
        letter_form = self.letter_form = QComboBox()
        letter_form.setObjectName("letterForm")
        for code, text in LETTER_FORMS.items():
            letter_form.addItem(tr(text), code)
        letter_form.setToolTip(
            tr(
                "Målformen brevene dine skrives på når virksomheten ikke har en egen. Du kan "
                "velge en annen for hvert brev."
            )
        )
        letter_form.setAccessibleName(tr("Målform i brev"))
        form.addRow(
            self._label(tr("&Målform i brev:"), letter_form),
            self._with_error("letter_form", letter_form),
        )
        order.append(letter_form)
        if with_signature:
            signature = self.signature = QPlainTextEdit()
            signature.setObjectName("signature")
            signature.setTabChangesFocus(True)
            signature.setFixedHeight(signature.fontMetrics().height() * 4 + 12)
            signature.setToolTip(tr("Tekst under navnet i brevene, f.eks. en hilsen (valgfritt)."))
            form.addRow(
                self._label(tr("Si&gnatur:"), signature),
                self._with_error("signature", signature),
            )
            order.append(signature)
        note = QLabel(tr("* må fylles ut"))
        note.setObjectName("requiredNote")
        form.addRow("", note)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label_widget = QLabel(text)
        label_widget.setBuddy(buddy)
        return label_widget

    def _with_error(self, key: str, field: QWidget) -> QWidget:
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        self.errors[key] = error
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(error)
        return box

    # ---------------------------------------------------------------- values

    def set_profile(
        self, profile: RepresentativeRead | None, *, union_default: str | None = None
    ) -> None:
        for key, edit in self.edits.items():
            value = getattr(profile, key, None) if profile is not None else None
            if key == "union_name" and not value:
                value = union_default
            edit.setText(value or "")
        self._kept_signature = profile.signature if profile is not None else None
        chosen = profile.confederation if profile is not None else None
        self.confederation.setCurrentIndex(max(0, self.confederation.findData(chosen)))
        written = (profile.letter_form if profile is not None else None) or "nb"
        self.letter_form.setCurrentIndex(max(0, self.letter_form.findData(written)))
        if self.signature is not None:
            self.signature.setPlainText(self._kept_signature or "")
        self.clear_problems()

    def values(self) -> dict[str, str | None]:
        data: dict[str, str | None] = {key: edit.text() for key, edit in self.edits.items()}
        data["confederation"] = self.confederation.currentData()
        data["letter_form"] = self.letter_form.currentData()
        if self.signature is not None:
            data["signature"] = self.signature.toPlainText()
        else:
            data["signature"] = self._kept_signature
        return data

    def profile(self) -> RepresentativeCreate:
        """The profile typed, or ``ValidationError`` with every problem (show them with
        ``report``). A place is required here: every letter starts «Sted, dato»."""
        self.clear_problems()
        values = self.values()
        problems: list[Problem] = []
        data: RepresentativeCreate | None = None
        try:
            data = validate(RepresentativeCreate, values)
        except ValidationError as exc:
            problems.extend(exc.problems)
        if not (values.get("place") or "").strip():
            problems.append(
                Problem(
                    label("place"),
                    tr("må fylles ut – brevene begynner med «Sted, dato»"),
                )
            )
        if problems or data is None:
            raise ValidationError(problems, tr("Profilen er ikke lagret"))
        return data

    # ---------------------------------------------------------------- problems

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.setVisible(False)

    def report(self, exc: UserError, prompter: Prompter, parent: QWidget, title: str) -> None:
        """Show a refused save: a problem with a field under the field, anything else (a
        locked database, say) in a message. What was typed stays."""
        problems = exc.problems if isinstance(exc, ValidationError) else []
        unplaced = self.show_problems(problems)
        if not isinstance(exc, ValidationError):
            prompter.error(parent, title, exc.message)
        elif unplaced:
            prompter.error(parent, title, "\n".join(str(p) for p in unplaced))

    def show_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Show each problem under its field; returns those that belong to no field."""
        by_label = {label(key): key for key in self.errors}
        unplaced: list[Problem] = []
        first: QWidget | None = None
        for problem in problems:
            key = by_label.get(problem.field)
            if key is None:
                unplaced.append(problem)
                continue
            error = self.errors[key]
            text = f"⚠ {problem.message}"
            error.setText(f"{error.text()}\n{text}" if error.text() else text)
            error.setVisible(True)
            if first is None:
                first = self.edits.get(key) or self.signature
        if first is not None:
            first.setFocus()
        window = self.window()
        if window is not self and window.isVisible():  # room for the lines just shown
            window.resize(window.width(), max(window.height(), window.sizeHint().height()))
        return unplaced


class WelcomeDialog(QDialog):
    """Shown while ``onboarding.needs_welcome(workspace)``. Accepted once the profile is
    saved (and the example cases are in, when asked for): ``saved`` is the profile,
    ``demo_summary`` what the examples added."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        background: Background | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.background = background or Background(self)
        self.saved: RepresentativeRead | None = None
        self.demo_summary: str | None = None
        self.setWindowTitle(tr("Velkommen til Tillitsvalgt"))
        self.setMinimumWidth(520)

        heading = QLabel(tr("Velkommen til Tillitsvalgt!"))
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            tr(
                "Tillitsvalgt holder orden på sakene dine om kontorendringer og hjemmekontor, "
                "og sier fra når arbeidsgiveren skulle ha informert eller drøftet med dere. "
                "Programmet passer fristene og skriver brevene – krav om drøfting, purringer "
                "og protokoller – med deg som avsender."
            )
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        ask = QLabel(tr("Fortell først hvem du er; det står under hvert brev du lager."))
        ask.setWordWrap(True)

        self.form = ProfileForm(with_signature=False)
        try:
            profile = workspace.profile()
        except UserError:
            profile = None  # the save will say what is wrong
        self.form.set_profile(profile, union_default=workspace.setup.union_name)

        self.demo = QCheckBox(tr("Fyll inn eksem&pelsaker så jeg kan prøve programmet"))
        self.demo.setObjectName("demo")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self._refresh_demo()

        self.start = QPushButton(tr("&Kom i gang"))
        self.start.setObjectName("start")
        self.start.setDefault(True)
        self.start.setAutoDefault(True)
        self.start.setToolTip(tr("Lagre profilen og åpne programmet."))
        self.start.clicked.connect(self.get_started)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(ask)
        layout.addWidget(self.form)
        layout.addWidget(self.demo)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.form.edits["place"], self.demo)
        QWidget.setTabOrder(self.demo, self.start)
        self.form.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        describe_inputs(self)

    def _refresh_demo(self) -> None:
        try:
            empty = onboarding.database_empty(self.workspace)
        except UserError as exc:
            empty = False
            self.status.setText(exc.message)
        self.demo.setEnabled(empty)
        if not empty:
            self.demo.setChecked(False)
        self.demo.setToolTip(
            tr(
                "Legger inn et halvt hundre oppdiktede saker med virksomheter og hendelser, "
                "så du kan se hvordan programmet vurderer dem. De er merket DEMO, telles aldri "
                "i rapporten og fjernes med Fil → «Fjern demodata»."
            )
            if empty
            else tr(
                "Databasen har allerede saker. Eksempelsaker legges bare inn i en tom "
                "database, så de aldri blandes med ekte saker."
            )
        )

    # ---------------------------------------------------------------- actions

    def get_started(self) -> None:
        try:
            self.saved = self.workspace.save_profile(self.form.profile())
        except UserError as exc:
            self.form.report(exc, self.prompter, self, tr("Profilen er ikke lagret"))
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        if self.demo.isChecked() and self.demo.isEnabled():
            self._fill_demo()
        else:
            self.accept()

    def _fill_demo(self) -> None:
        self._busy(True)
        self.status.setText(tr("Legger inn eksempelsakene …"))
        workspace = self.workspace
        self.background.submit(
            lambda: onboarding.fill_demo_data(workspace),
            self._demo_done,
            self._demo_failed,
            context=self,
        )

    def _busy(self, busy: bool) -> None:
        self.start.setEnabled(not busy)
        self.form.setEnabled(not busy)
        self.demo.setEnabled(not busy)

    def _demo_done(self, summary: str) -> None:
        self.demo_summary = summary
        self.status.setText(summary)
        self._busy(False)
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText("")
        self._refresh_demo()
        if isinstance(exc, UserError):
            self.prompter.error(
                self,
                tr("Eksempelsakene ble ikke lagt inn"),
                exc.message + tr("\n\nProfilen din er lagret."),
            )
        else:
            self.crashes.report(exc, self)
