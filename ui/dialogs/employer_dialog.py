"""Create or edit an employer (virksomhet): name, org.nr checked as you type (mod 11, with a
Norwegian message under the field and «Lagre» off while the number is wrong), address,
sector, main agreement, number of employees and a contact person.

Saving goes through the workspace. A refusal (a duplicate org.nr, a field the service does
not accept, somebody else's newer save) is shown and the dialog stays open with everything
that was typed; after a conflict it offers to load the version that is stored now."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import ConflictError, UserError
from tillitsvalgt.shapes import EmployerCreate, EmployerRead, EmployerUpdate
from tillitsvalgt.validation import MAX_EMPLOYEES, validate
from tillitsvalgt.vocabulary import AGREEMENTS, LETTER_FORMS, SECTORS
from tillitsvalgt.workspace import Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.autosave import AutosaveSlot, Snapshot
from ui.errors import CrashReporter, guard
from ui.i18n import tr, translated
from ui.prompts import Prompter

NOT_GIVEN = -1  # the employee count's "not given" value (shown as text in the spin box)
_ERROR_STYLE = palette.ERROR_STYLE
_OK_STYLE = palette.OK_STYLE


def compact_orgnr(text: str) -> str:
    """The digits of an org.nr as people paste it: «952 601 814», «952.601.814» or
    «NO 952 601 814 MVA» all give «952601814». Anything else is returned for checking."""
    value = text.upper()
    for separator in (" ", "\u00a0", ".", "-"):
        value = value.replace(separator, "")
    return value.removeprefix("NO").removesuffix("MVA")


def orgnr_problem(text: str) -> str | None:
    """What is wrong with a typed org.nr, in Norwegian; None when it is empty (the field is
    optional) or valid."""
    from stdnum.no import orgnr as stdnum_orgnr  # not at start: see validation._orgnr

    compact = compact_orgnr(text)
    if not compact:
        return None
    if not compact.isdigit():
        return tr("Organisasjonsnummeret kan bare inneholde sifre.")
    if len(compact) < 9:
        return tr("Organisasjonsnummeret har 9 sifre; {count} er skrevet så langt.").format(
            count=len(compact)
        )
    if len(compact) > 9:
        return tr("Organisasjonsnummeret har 9 sifre, ikke {count}.").format(count=len(compact))
    if not stdnum_orgnr.is_valid(compact):
        return tr(
            "{number} er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke. "
            "Sjekk nummeret i Enhetsregisteret."
        ).format(number=stdnum_orgnr.format(compact))
    return None


class EmployerDialog(QDialog):
    """``employer=None`` creates a new employer; otherwise edits that version of it. After
    ``accepted``, ``saved`` holds what was stored."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        employer: EmployerRead | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.employer = employer
        self.saved: EmployerRead | None = None
        self.setObjectName("employerDialog")
        self.setMinimumWidth(520)

        self.name = self._line("name", tr("Virksomhetens navn, slik det står i Enhetsregisteret"))
        self.name.setPlaceholderText(tr("f.eks. Nordkyst Sparebank"))
        self.orgnr = self._line(
            "orgnr", tr("9 sifre; kontrollsifferet sjekkes mens du skriver. Valgfritt.")
        )
        self.orgnr.setMaxLength(30)  # room for «NO 952 601 814 MVA»
        self.orgnr.setPlaceholderText(tr("f.eks. 952 601 814"))
        self.orgnr_message = QLabel()
        self.orgnr_message.setObjectName("orgnrMessage")
        self.orgnr_message.setWordWrap(True)
        self.address = self._line("address", tr("Besøks- eller postadresse"))
        self.sector = QComboBox()
        self.sector.setObjectName("sector")
        self.sector.setToolTip(tr("Hvilken sektor virksomheten hører til"))
        self.sector.addItem(tr("Ikke oppgitt"), None)
        for code, text in translated(SECTORS).items():
            self.sector.addItem(text, code)
        self.agreement = QComboBox()
        self.agreement.setObjectName("agreement")
        self.agreement.setToolTip(
            tr(
                "Hovedavtalen som gjelder hos virksomheten; den avgjør hvilke paragrafer "
                "brevene viser til"
            )
        )
        for code, text in translated(AGREEMENTS).items():
            self.agreement.addItem(text, code)
        self.agreement.setCurrentIndex(self.agreement.findData("none"))
        self.employees = QSpinBox()
        self.employees.setObjectName("employees")
        self.employees.setRange(NOT_GIVEN, MAX_EMPLOYEES)
        self.employees.setSpecialValueText(tr("Ikke oppgitt"))
        self.employees.setValue(NOT_GIVEN)
        self.employees.setToolTip(
            tr("Antall ansatte; noen regler gjelder først fra 50 ansatte (aml. kapittel 8)")
        )
        self.contact_name = self._line("contactName", tr("Hvem hos arbeidsgiver brevene går til"))
        self.contact_email = self._line("contactEmail", tr("Kontaktpersonens e-postadresse"))
        self.contact_email.setPlaceholderText(tr("navn@virksomhet.no"))
        self.contact_phone = self._line("contactPhone", tr("Kontaktpersonens telefonnummer"))
        # Many public employers write nynorsk: their letters are pre-set to it.
        self.letter_form = QComboBox()
        self.letter_form.setObjectName("letterForm")
        self.letter_form.setToolTip(tr("Målformen brevene til virksomheten skrives på"))
        self.letter_form.addItem(tr("Ikke valgt (profilens målform)"), None)
        for code, text in translated(LETTER_FORMS).items():
            self.letter_form.addItem(text, code)

        form = QFormLayout()
        form.addRow(tr("&Navn:"), self.name)
        form.addRow(tr("&Org.nr.:"), self.orgnr)
        form.addRow("", self.orgnr_message)
        form.addRow(tr("&Adresse:"), self.address)
        form.addRow(tr("S&ektor:"), self.sector)
        form.addRow(tr("&Hovedavtale:"), self.agreement)
        # Sector and agreement that do not fit (the state with LO–NHO): warned, not refused.
        self.agreement_message = QLabel()
        self.agreement_message.setObjectName("agreementMessage")
        self.agreement_message.setWordWrap(True)
        self.agreement_message.setStyleSheet(palette.WARNING_STYLE)
        self.agreement_message.hide()
        form.addRow("", self.agreement_message)
        form.addRow(tr("Antall an&satte:"), self.employees)
        form.addRow(tr("&Kontaktperson:"), self.contact_name)
        form.addRow(tr("E-&post:"), self.contact_email)
        form.addRow(tr("&Telefon:"), self.contact_phone)
        form.addRow(tr("&Målform i brev:"), self.letter_form)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("&Lagre"))
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setText(tr("Av&bryt"))
        self.cancel_button.setToolTip(tr("Lukk uten å lagre (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.name,
            self.orgnr,
            self.address,
            self.sector,
            self.agreement,
            self.employees,
            self.contact_name,
            self.contact_email,
            self.contact_phone,
            self.letter_form,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.name.textChanged.connect(self._update_state)
        self.orgnr.textChanged.connect(self._update_state)
        self.sector.currentIndexChanged.connect(self._update_agreement_message)
        self.agreement.currentIndexChanged.connect(self._update_agreement_message)
        if employer is not None:
            self.fill(employer)
        self._update_title()
        self._update_state()
        self._update_agreement_message()
        self.name.setFocus()
        describe_inputs(self)
        # What is typed survives a crash (ui/autosave.py); saved or cancelled, it goes.
        self._stored_values = self.values()
        self.autosaver = AutosaveSlot(self, self._autosave_snapshot)
        for edit in (
            self.name,
            self.orgnr,
            self.address,
            self.contact_name,
            self.contact_email,
            self.contact_phone,
        ):
            edit.textChanged.connect(self.autosaver.touch)
        self.sector.currentIndexChanged.connect(self.autosaver.touch)
        self.agreement.currentIndexChanged.connect(self.autosaver.touch)
        self.employees.valueChanged.connect(self.autosaver.touch)
        self.finished.connect(lambda _result: self.autosaver.clear())

    def _autosave_snapshot(self) -> Snapshot | None:
        values = self.values()
        if values == self._stored_values:
            return None
        own = self.employer.id if self.employer is not None else None
        key = f"employer-{own}" if own is not None else "employer-new"
        version = self.employer.version if self.employer is not None else None
        return key, "employer", {"employer_id": own, "version": version}, values

    def apply_values(self, values: dict[str, Any]) -> None:
        """Put unsaved edits (from an earlier session) into the fields."""
        from stdnum.no import orgnr as stdnum_orgnr  # not at start: see validation._orgnr

        texts = {
            "name": self.name,
            "address": self.address,
            "contact_name": self.contact_name,
            "contact_email": self.contact_email,
            "contact_phone": self.contact_phone,
        }
        for field, edit in texts.items():
            if field in values:
                edit.setText(str(values[field] or ""))
        if "orgnr" in values:
            orgnr = str(values["orgnr"] or "")
            self.orgnr.setText(stdnum_orgnr.format(orgnr) if len(orgnr) == 9 else orgnr)
        if "sector" in values:
            self.sector.setCurrentIndex(max(0, self.sector.findData(values["sector"])))
        if "agreement" in values and (i := self.agreement.findData(values["agreement"])) >= 0:
            self.agreement.setCurrentIndex(i)
        if "employees" in values:
            count = values["employees"]
            self.employees.setValue(NOT_GIVEN if not isinstance(count, int) else count)

    def _line(self, name: str, tooltip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(200)
        edit.setToolTip(tooltip)
        return edit

    def _update_title(self) -> None:
        if self.employer is None:
            self.setWindowTitle(tr("Ny virksomhet"))
        else:
            self.setWindowTitle(tr("Endre virksomhet – ") + self.employer.name)

    # ---------------------------------------------------------------- the form

    def fill(self, employer: EmployerRead) -> None:
        """Show ``employer``'s stored values (replacing what is in the fields)."""
        from stdnum.no import orgnr as stdnum_orgnr  # not at start: see validation._orgnr

        self.name.setText(employer.name)
        self.orgnr.setText(stdnum_orgnr.format(employer.orgnr) if employer.orgnr else "")
        self.address.setText(employer.address or "")
        self.sector.setCurrentIndex(max(0, self.sector.findData(employer.sector)))
        self.agreement.setCurrentIndex(max(0, self.agreement.findData(employer.agreement)))
        self.employees.setValue(NOT_GIVEN if employer.employees is None else employer.employees)
        self.contact_name.setText(employer.contact_name or "")
        self.contact_email.setText(employer.contact_email or "")
        self.contact_phone.setText(employer.contact_phone or "")
        self.letter_form.setCurrentIndex(max(0, self.letter_form.findData(employer.letter_form)))

    def values(self) -> dict[str, Any]:
        """What the form holds, as the service's field names (not yet validated)."""
        employees = self.employees.value()
        return {
            "name": self.name.text(),
            "orgnr": compact_orgnr(self.orgnr.text()) or None,
            "address": self.address.text(),
            "sector": self.sector.currentData(),
            "agreement": self.agreement.currentData(),
            "employees": None if employees == NOT_GIVEN else employees,
            "contact_name": self.contact_name.text(),
            "contact_email": self.contact_email.text(),
            "contact_phone": self.contact_phone.text(),
            "letter_form": self.letter_form.currentData(),
        }

    def _update_agreement_message(self) -> None:
        warning = self.workspace.sector_agreement_warning(
            self.sector.currentData(), str(self.agreement.currentData())
        )
        shown = not self.agreement_message.isHidden()
        self.agreement_message.setText("⚠ " + warning if warning else "")
        self.agreement_message.setVisible(bool(warning))
        self.agreement.setAccessibleDescription(warning or "")
        if bool(warning) != shown and self.isVisible():
            self.adjustSize()  # room for the warning's lines, none left when it goes

    def _update_state(self) -> None:
        from stdnum.no import orgnr as stdnum_orgnr  # not at start: see validation._orgnr

        problem = orgnr_problem(self.orgnr.text())
        compact = compact_orgnr(self.orgnr.text())
        if problem is not None:
            self.orgnr_message.setText("✗ " + problem)
            self.orgnr_message.setStyleSheet(_ERROR_STYLE)
        elif compact:
            self.orgnr_message.setText(
                tr("✓ Gyldig organisasjonsnummer: ") + stdnum_orgnr.format(compact)
            )
            self.orgnr_message.setStyleSheet(_OK_STYLE)
        else:
            self.orgnr_message.setText(tr("Valgfritt. 9 sifre, f.eks. 952 601 814."))
            self.orgnr_message.setStyleSheet("")
        self.orgnr.setAccessibleDescription(self.orgnr_message.text())
        named = bool(self.name.text().strip())
        self.ok_button.setEnabled(problem is None and named)
        if problem is not None:
            self.ok_button.setToolTip(tr("Rett organisasjonsnummeret først."))
        elif not named:
            self.ok_button.setToolTip(tr("Skriv inn virksomhetens navn først."))
        else:
            self.ok_button.setToolTip(tr("Lagre virksomheten (Enter)"))

    # ---------------------------------------------------------------- saving

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            if self.employer is None:
                saved = self.workspace.create_employer(validate(EmployerCreate, self.values()))
            else:
                data = validate(EmployerUpdate, {**self.values(), "version": self.employer.version})
                saved = self.workspace.update_employer(self.employer.id, data)
        except ConflictError as exc:
            self._conflict(exc)
            return
        except UserError as exc:
            self.prompter.error(self, tr("Virksomheten ble ikke lagret"), exc.message)
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self.saved = saved
        super().accept()

    def _conflict(self, exc: ConflictError) -> None:
        question = tr(
            "Vil du laste inn versjonen som er lagret nå? Det du har skrevet her, blir da "
            "erstattet. Svarer du nei, blir det du har skrevet stående (så du kan kopiere det), "
            "men det kan ikke lagres før du har lastet inn på nytt."
        )
        if self.prompter.confirm(self, tr("Endret av noen andre"), exc.message + "\n\n" + question):
            self.reload()

    def reload(self) -> None:
        """Load the stored version of the employer being edited, replacing the fields."""
        if self.employer is None:
            return
        with guard(self, tr("Kan ikke laste inn virksomheten")) as tried:
            fresh = self.workspace.get_employer(self.employer.id)
        if tried.failed:
            return
        self.employer = fresh
        self.fill(fresh)
        self._stored_values = self.values()
        self._update_title()
        self.status.setText(
            tr("Lastet inn versjonen som er lagret nå. Gjør endringen din igjen og lagre.")
        )
