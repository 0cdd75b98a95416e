"""Offering back, at start, the edits an earlier session left unsaved (``ui/autosave.py``):
«Gjenopprett» opens the form again with them filled in (nothing is saved until the user
saves), «Forkast» removes them; closing the question keeps them for the next start."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QTabWidget

from tillitsvalgt.errors import UserError
from ui.autosave import AutosaveSlot, AutosaveStore, Pending, Snapshot
from ui.i18n import tr
from ui.prompts import Prompter

if TYPE_CHECKING:
    from tillitsvalgt.workspace import CaseDetail, Workspace
    from ui.dialogs.case_dialogs import NewCaseDialog
    from ui.dialogs.letter_dialog import LetterDialog
    from ui.forms.case_form import CaseForm
    from ui.views.case_view import CaseView
    from ui.views.employers_view import EmployersView


class MainWindow(Protocol):
    """What of the main window this needs (named here, so the window can import this
    module without a circle)."""

    autosave: AutosaveStore
    prompter: Prompter
    workspace: Workspace
    detail: CaseDetail | None
    employers_view: EmployersView
    sections: QTabWidget
    letter_dialog: LetterDialog
    new_case_dialog: NewCaseDialog

    @property
    def case_view(self) -> CaseView: ...

    def show_case(self, case: int | str) -> None: ...

    def new_letter(self, kind: str | None) -> None: ...

    def new_case(self) -> None: ...


RESTORE, DISCARD = 0, 1
LETTER_FIELDS = ("their_ref", "copy_to", "extra")


def watch_letter(dialog: LetterDialog) -> None:
    """The letter's free text (their reference, copy to, own text) survives a crash."""

    def snapshot() -> Snapshot | None:
        fields: dict[str, Any] = {
            "their_ref": dialog.their_ref.text(),
            "copy_to": dialog.copy_to.text(),
            "extra": dialog.extra.toPlainText(),
        }
        if not any(fields.values()):
            return None  # nothing typed that the letter's facts do not give again
        fields["reply_days"] = dialog.reply_days.value()
        case = dialog.detail.case
        ref = {"case_id": case.id, "number": case.number, "kind": dialog.kind_code()}
        return f"letter-{case.id}", "letter", ref, fields

    slot = AutosaveSlot(dialog, snapshot)
    dialog.autosaver = slot  # type: ignore[attr-defined]  # for the restore and the tests
    for signal in (
        dialog.their_ref.textChanged,
        dialog.copy_to.textChanged,
        dialog.extra.textChanged,
        dialog.reply_days.valueChanged,
        dialog.kind.currentIndexChanged,
    ):
        signal.connect(slot.touch)
    dialog.finished.connect(lambda _result: slot.clear())


def _when(pending: Pending) -> str:
    return pending.saved_at.astimezone().strftime("%d.%m.%Y %H:%M")


def _question(pending: Pending) -> str:
    number = str(pending.ref.get("number") or "")
    if pending.form == "case":
        where = tr("i sak {number}").format(number=number)
    elif pending.form == "new_case":
        where = tr("i en ny sak")
    elif pending.form == "letter":
        where = tr("i et brev i sak {number}").format(number=number)
    elif pending.ref.get("employer_id") is None:
        where = tr("i en ny virksomhet")
    else:
        where = tr("i en virksomhet")
    return (
        tr("Du har ulagrede endringer fra forrige økt {where} (mellomlagret {when}).").format(
            where=where, when=_when(pending)
        )
        + "\n\n"
        + tr("«Gjenopprett» åpner dem igjen, så du kan se over og lagre. «Forkast» sletter dem.")
    )


def offer_restore(window: MainWindow) -> None:
    """Ask about each edit left by an earlier session, oldest first."""
    store = window.autosave
    found, problems = store.pending()
    if not (found or problems):
        return  # the common start: the case view is not built for nothing
    parent = window.case_view.window()  # the main window itself
    for problem in problems:
        window.prompter.error(parent, tr("Ulagrede endringer"), problem)
    for pending in found:
        answer = window.prompter.choose(
            parent,
            tr("Ulagrede endringer"),
            _question(pending),
            [tr("&Gjenopprett"), tr("&Forkast")],
        )
        if answer == DISCARD:
            store.remove(pending.key)
        elif answer == RESTORE:
            try:
                _restore(window, pending)
            except UserError as exc:
                window.prompter.error(
                    parent,
                    tr("Kan ikke gjenopprette endringene"),
                    exc.message + "\n\n" + tr("Endringene er tatt vare på til neste oppstart."),
                )


def _restore(window: MainWindow, pending: Pending) -> None:
    if pending.form == "case":
        _restore_case(window, pending)
    elif pending.form == "new_case":
        _restore_new_case(window, pending)
    elif pending.form == "employer":
        _restore_employer(window, pending)
    else:
        _restore_letter(window, pending)


def _open_case(window: MainWindow, case_id: object) -> None:
    if not isinstance(case_id, int):
        raise UserError(tr("Saken endringene gjelder, er ikke oppgitt i filen."))
    case = window.workspace.case_detail(case_id).case  # a case that is gone says so
    if case.deleted_at is not None:
        raise UserError(
            tr("Sak {number} ligger i papirkurven. Gjenopprett saken derfra først.").format(
                number=case.number
            )
        )
    window.show_case(case_id)


def _form_values(form: CaseForm, fields: dict[str, Any]) -> dict[str, Any]:
    dates = form.date_fields()
    try:
        return {
            field: date.fromisoformat(value) if field in dates and isinstance(value, str) else value
            for field, value in fields.items()
        }
    except ValueError as exc:
        raise UserError(tr("En dato i de mellomlagrede endringene kan ikke leses.")) from exc


def _restore_case(window: MainWindow, pending: Pending) -> None:
    _open_case(window, pending.ref.get("case_id"))
    view = window.case_view
    values = _form_values(view.form, pending.fields)
    if window.detail is not None and window.detail.case.version != pending.ref.get("version"):
        view.state.setText(
            view.state.text()
            + " · "
            + tr("saken er endret siden endringene dine ble mellomlagret: se over før du lagrer")
        )
    view.form.apply(values)
    view.autosaver.key = pending.key  # saving or discarding now removes the old file
    view.autosaver.touch()
    view.tabs.setCurrentIndex(1)  # the facts, where the edits are


def _restore_new_case(window: MainWindow, pending: Pending) -> None:
    window.new_case()
    dialog = window.new_case_dialog
    dialog.form.apply(_form_values(dialog.form, pending.fields))
    dialog.autosaver.key = pending.key
    dialog.autosaver.touch()


def _restore_employer(window: MainWindow, pending: Pending) -> None:
    employers = window.employers_view
    window.sections.setCurrentWidget(employers)
    own = pending.ref.get("employer_id")
    if own is None:
        employers.new_employer()
    else:
        if not isinstance(own, int):
            raise UserError(tr("Virksomheten endringene gjelder, er ikke oppgitt i filen."))
        employers._open_dialog(window.workspace.get_employer(own))
    dialog = employers.dialog
    if dialog is None:
        raise UserError(tr("Virksomheten kunne ikke åpnes."))
    dialog.apply_values(pending.fields)
    dialog.autosaver.key = pending.key
    dialog.autosaver.touch()


def _restore_letter(window: MainWindow, pending: Pending) -> None:
    case_id = pending.ref.get("case_id")
    _open_case(window, case_id)
    if window.detail is None or window.detail.case.id != case_id:
        raise UserError(tr("Saken brevet gjelder, kunne ikke åpnes."))
    kind = pending.ref.get("kind")
    window.new_letter(kind if isinstance(kind, str) else None)
    dialog = window.letter_dialog
    fields = pending.fields
    dialog.their_ref.setText(str(fields.get("their_ref") or ""))
    dialog.copy_to.setText(str(fields.get("copy_to") or ""))
    dialog.extra.setPlainText(str(fields.get("extra") or ""))
    if isinstance(fields.get("reply_days"), int):
        dialog.reply_days.setValue(fields["reply_days"])
    slot: AutosaveSlot = dialog.autosaver  # type: ignore[attr-defined]
    slot.key = pending.key
    slot.touch()
