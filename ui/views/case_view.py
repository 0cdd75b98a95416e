"""One case: its facts, the timeline, the journal and the assessment panel with the
suggested letters. (Editing the case and its timeline in the window comes next; the
command line does it today.)"""

from __future__ import annotations

import dataclasses
import html
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt import paths
from tillitsvalgt.errors import ConflictError, UserError
from tillitsvalgt.reports.anonymise import Anonymised, NameIndex, anonymise
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.shapes import CaseUpdate, DocumentRead, EventRead
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import (
    CASE_STATUSES,
    DATE_FIELDS,
    DEMANDS,
    EVENT_KINDS,
    LETTER_KINDS,
    LEVELS,
    TIMINGS,
)
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui.autosave import AutosaveSlot, Snapshot
from ui.column_fit import ColumnFit
from ui.context_menus import add_context_menu
from ui.dialogs.event_dialog import EventDialog
from ui.errors import CrashReporter, guard
from ui.forms.case_form import CaseForm
from ui.i18n import tr
from ui.models.case_table import demo_tag, demo_tip
from ui.models.history_table import (
    HIST_NEW,
    HIST_OLD,
    HIST_WHAT,
    HIST_WHEN,
    HIST_WHO,
    HistoryTableModel,
    history_widths,
)
from ui.prompts import Prompter
from ui.views.case_heading import case_heading
from ui.views.case_tables import setup_table
from ui.views.checklist_panel import ChecklistPanel
from ui.views.journal_tab import JournalTab
from ui.views.office_panel import OfficePanel
from ui.views.timeline_tab import TimelineTab
from ui.workers import Background


class AssessmentPanel(QWidget):
    """The verdict, the reasons, the provisions with summaries, what is missing, and a
    button per suggested letter."""

    letter_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.text = QTextBrowser()
        self.text.setAccessibleName(tr("Vurdering av saken"))
        self.text.setOpenLinks(False)
        layout.addWidget(self.text, 1)
        self.letter_buttons: list[QPushButton] = []

    def show_detail(self, detail: CaseDetail) -> None:
        a = detail.assessment
        self.verdict.setText(
            f"<b>{html.escape(tr(TIMINGS.get(a.timing, a.timing)))}</b><br>"
            + html.escape(tr("Saken krever: ") + tr(LEVELS[a.required_level]).lower())
            + " · "
            + html.escape(tr(DEMANDS.get(a.demand, a.demand)))
            + (
                html.escape(tr(", svarfrist ") + format_date(a.demand_due_on))
                if a.demand_due_on
                else ""
            )
        )
        for button in self.letter_buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self.letter_buttons = []
        for suggestion in a.next_letters:
            button = QPushButton(tr(LETTER_KINDS.get(suggestion.kind, suggestion.kind)) + " …")
            button.setToolTip(suggestion.reason)
            button.setObjectName(f"suggest-{suggestion.kind}")
            button.clicked.connect(
                lambda _=False, kind=suggestion.kind: self.letter_requested.emit(kind)
            )
            self.buttons.addWidget(button)
            self.letter_buttons.append(button)
        self.buttons.addStretch(1)
        parts = [f"<h3>{html.escape(tr('Begrunnelse'))}</h3><ul>"]
        parts += [f"<li>{html.escape(r)}</li>" for r in a.reasons]
        parts.append("</ul>")
        if a.missing:
            parts.append(f"<h3>{html.escape(tr('Dette mangler for å vurdere saken'))}</h3><ul>")
            parts += [f"<li>{html.escape(tr(DATE_FIELDS.get(m, m)))}</li>" for m in a.missing]
            parts.append("</ul>")
        if a.evidence_gaps:
            parts.append(f"<h3>{html.escape(tr('Dokumentasjon som mangler'))}</h3><ul>")
            parts += [f"<li>{html.escape(g)}</li>" for g in a.evidence_gaps]
            parts.append("</ul>")
        if detail.register_differs:
            # The shared register was changed (maybe by another branch) after the case was
            # registered; the case is still judged on what it said then.
            heading = tr("Virksomhetsregisteret er endret siden saken ble registrert")
            parts.append(f"<h3>{html.escape(heading)}</h3><ul>")
            parts += [f"<li>{html.escape(line)}</li>" for line in detail.register_differs]
            parts.append(
                "</ul><p>"
                + html.escape(tr("Saken vurderes etter opplysningene den ble registrert med."))
                + "</p>"
            )
        if a.next_letters:
            parts.append(f"<h3>{html.escape(tr('Foreslåtte brev'))}</h3><ul>")
            parts += [
                f"<li><b>{html.escape(tr(LETTER_KINDS.get(s.kind, s.kind)))}</b>: "
                f"{html.escape(s.reason)}</li>"
                for s in a.next_letters
            ]
            parts.append("</ul>")
        parts.append(f"<h3>{html.escape(tr('Bestemmelser som gjelder'))}</h3>")
        for p in a.provisions:
            unchecked = tr("paragrafen er ikke kontrollert – sitert på kapittel")
            flag = "" if p.verified else f" <i>({html.escape(unchecked)})</i>"
            parts.append(
                f"<p><b>{html.escape(p.citation)}</b> – {html.escape(p.title)}{flag}<br>"
                f"{html.escape(p.summary)}<br><i>{html.escape(tr('Gjelder her: '))}"
                f"{html.escape(p.reason)}.</i></p>"
            )
        self.text.setHtml("".join(parts))


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


NAMES_MAX_AGE = 30.0  # seconds


class CaseView(QWidget):
    """The case: assessment, the editable facts, the timeline and the journal. Changes go
    through the workspace; ``changed`` is emitted after anything was saved."""

    letter_requested = Signal(str)
    changed = Signal(int)  # the case id, after something was saved
    refreshed = Signal()  # the verdict was read again after a change elsewhere
    dirty_changed = Signal(bool)
    case_activated = Signal(str)  # another case to open (one of the group's)

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        opener: Callable[[Path], bool] = open_with_system,
        background: Background | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.opener = opener
        self.background = background  # (printing a letter makes its PDF off this thread)
        self.detail: CaseDetail | None = None
        # Copies of documents opened in the system's viewer; made on the first opening only,
        # so a window that never opens one leaves nothing to clean up.
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self.autosaver = AutosaveSlot(self, self._autosave_snapshot)  # edits survive a crash
        layout = QVBoxLayout(self)
        self.heading = case_heading(tr("Velg en sak i listen."))
        layout.addWidget(self.heading)
        self.state = QLabel()
        self.state.setObjectName("caseState")
        self.state.setWordWrap(True)  # a long agreement name wraps instead of widening
        layout.addWidget(self.state)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.assessment = AssessmentPanel()
        self.assessment.letter_requested.connect(self.letter_requested)
        self.tabs.addTab(self.assessment, tr("&Vurdering"))

        # --- the facts, editable
        facts = QWidget()
        facts_layout = QVBoxLayout(facts)
        self.form = CaseForm()
        self.form.changed.connect(self._form_changed)
        # The person names for the summary preview: a scan of every meeting's participants
        # (0.06–0.4 s at 100 000 cases), so not once per case opened but at most every
        # NAMES_MAX_AGE seconds. The report itself always reads them afresh.
        self._names: NameIndex | None = None
        self._names_read_at = 0.0
        self._reading_names = False  # a read in the background has begun
        self.form.preview_summary = self._preview_summary
        self.form.propose_summary = self._propose_summary
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        # The form fits the width it gets (1024 px windows too): it scrolls down, not sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        facts_layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("&Lagre endringene"))
        self.save_button.setObjectName("saveCase")
        self.save_button.setToolTip(tr("Lagre saken (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("&Angre endringene"))
        self.revert_button.clicked.connect(self.revert)
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        facts_layout.addLayout(row)
        self.tabs.addTab(facts, tr("&Saken"))

        # --- the timeline and the journal (their buttons call this view's methods)
        self.timeline = TimelineTab()
        self.timeline.add_requested.connect(self.add_event)
        self.timeline.edit_requested.connect(self.edit_event)
        self.timeline.delete_requested.connect(self.delete_event)
        self.timeline.history_requested.connect(self.show_history)
        self.tabs.addTab(self.timeline, tr("&Tidslinje"))
        self.journal = JournalTab()
        self.journal.add_requested.connect(self.choose_files)
        self.journal.open_requested.connect(self.open_document)
        self.journal.export_requested.connect(self.export_document)
        self.journal.send_requested.connect(self.send_document)
        self.journal.email_requested.connect(self.email_document)
        self.journal.print_requested.connect(self.print_document)
        self.journal.delete_requested.connect(self.delete_document)
        self.journal.table.files_dropped.connect(self.add_files)
        self.tabs.addTab(self.journal, tr("&Dokumenter"))
        # The tabs' parts, by the names the rest of the view (and its tests) use.
        self.events, self.event_table = self.timeline.events, self.timeline.table
        self.add_event_button = self.timeline.add_button
        self.edit_event_button = self.timeline.edit_button
        self.delete_event_button = self.timeline.delete_button
        self.history_button = self.timeline.history_button
        self.documents, self.document_table = self.journal.documents, self.journal.table
        self.add_file_button = self.journal.add_button
        self.open_button = self.journal.open_button
        self.export_button = self.journal.export_button
        self.send_button = self.journal.send_button
        self.email_button = self.journal.email_button
        self.print_button = self.journal.print_button
        self.delete_document_button = self.journal.delete_button

        self.checklist = ChecklistPanel(workspace, prompter=prompter, crashes=crashes)
        self.checklist.answers_changed.connect(self.refresh_assessment)
        checklist_scroll = QScrollArea()
        checklist_scroll.setWidget(self.checklist)
        checklist_scroll.setWidgetResizable(True)
        checklist_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(checklist_scroll, tr("S&jekkliste"))

        # --- the change history, read when its tab is shown
        self.history = HistoryTableModel()
        self.history_table = setup_table(QTableView(), self.history, "history")
        self.history_table.setAccessibleName(tr("Endringshistorikk"))
        self.history_table.setWordWrap(False)
        self.history_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history_table.verticalHeader().setDefaultSectionSize(
            self.history_table.fontMetrics().height() + 8
        )  # one line a row (the whole text is the tooltip)
        # «Når» and «Hvem» as wide as their text; «Hva» gets the most of what is left and
        # «Fra»/«Til» the rest, narrowed to the width there is, never a sideways scroll.
        header = self.history_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = history_widths(self.history_table.fontMetrics())
        for column, width in widths.items():
            header.resizeSection(column, width)
        # «Når» keeps its whole time, the rest give way («Til», stretched, to 64 px: the
        # stretched section never gets narrower than it was when the stretch began).
        header.setStretchLastSection(False)
        header.setDefaultSectionSize(64)
        header.resizeSection(HIST_NEW, 64)
        header.setStretchLastSection(True)
        self.history_fit = ColumnFit(
            self.history_table,
            {HIST_WHEN: widths[HIST_WHEN], HIST_WHO: 84, HIST_WHAT: 130, HIST_OLD: 64},
        )
        self.history_tab = self.tabs.addTab(self.history_table, tr("Histori&kk"))
        # The case detail whose history the table shows: every detail shown (after a save,
        # an event, a refresh) may come with new history.
        self._history_of: CaseDetail | None = None
        self.tabs.currentChanged.connect(lambda _: self._show_history_if_visible())
        # --- past the local level, and the group case
        self.office = OfficePanel(workspace, prompter=prompter, crashes=crashes)
        self.office.changed.connect(self._saved_elsewhere)
        self.office.case_activated.connect(self.case_activated)
        self.office_tab = self.tabs.addTab(self.office, tr("Vid&ere og gruppe"))
        add_context_menu(self.history_table, [])

        self.setEnabled(False)
        self._update_buttons()
        self.event_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.document_table.selectionModel().selectionChanged.connect(self._update_buttons)

    def clear(self) -> None:
        """Show no case (the one shown is gone, e.g. after a restore from backup)."""
        self.detail = None
        self.heading.setText("")
        self.state.setText("")
        self.form.load(None, self.workspace.today())
        self.events.set_items([])
        self.documents.set_items([])
        self.setEnabled(False)
        self.dirty_changed.emit(False)

    def remove_opened_copies(self) -> None:
        """Delete the copies made for the system's viewer: they hold case data."""
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remove_opened_copies()
        super().closeEvent(event)

    # ---------------------------------------------------------------- tables

    def selected_event(self) -> EventRead | None:
        return self.timeline.selected()

    def selected_document(self) -> DocumentRead | None:
        return self.journal.selected()

    def _update_buttons(self) -> None:
        live = self.detail is None or self.detail.case.deleted_at is None
        self.timeline.update_buttons(live=live)
        self.journal.update_buttons(live=live)
        dirty = self.form.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    # ---------------------------------------------------------------- showing

    def show_detail(self, detail: CaseDetail, *, keep_edits: bool = False) -> None:
        """Show the case. With ``keep_edits``, what the user typed but did not save is put
        back on top of the fresh values (after a conflict: nothing typed is lost)."""
        edits = self.form.changed_values() if keep_edits else {}
        self.detail = detail
        case = detail.case
        self.setEnabled(True)
        self.heading.setText(f"{case.number}  {case.title}")
        self._show_state(detail)
        if self._names is None:
            # Begun with the first case, so that they are there by the time a summary is
            # typed: until they come the summary cannot be checked for names.
            self._read_names()
        if self.form.employer.findData(case.employer_id) < 0:
            # The register is read once, not on every case shown (a union office can
            # have thousands of employers); again only when the case's one is missing.
            self.reload_employers()
        self.form.load(case, self.workspace.today())
        if edits:
            self.form.apply(edits)
        self.events.set_items(detail.events)
        self.documents.set_items(detail.documents)
        self._show_history_if_visible()
        self.assessment.show_detail(detail)
        self.office.show_detail(detail)
        self.checklist.show_case(
            case.id,
            case.case_type,
            written_agreements=case.written_agreements,
            home_office_days_per_week=case.home_office_days_per_week,
            ordered_by_authorities=case.ordered_by_authorities,
        )
        # A case in the recycle bin is shown as it is; restore it to change it.
        live = case.deleted_at is None
        for widget in (self.form, self.add_event_button, self.add_file_button):
            widget.setEnabled(live)
        self.document_table.setAcceptDrops(live)
        self._update_buttons()
        self.dirty_changed.emit(self.form.is_dirty())

    def _preview_summary(self, text: str) -> Anonymised | None:
        """The summary as the report will have it; None until the person names are read.

        With a thread pool the names are read there (an office's million cases: 3.8 s
        of meeting participants), and the preview is made again when they come; until
        then the first reading gives None, and a later one uses the names read before."""
        now = time.monotonic()
        if self._names is None or now - self._names_read_at > NAMES_MAX_AGE:
            if self.background is None:
                self._keep_names(self.workspace.person_names())
            else:
                self._read_names()
        names = self._names
        return None if names is None else anonymise(text, names=names)

    def _read_names(self) -> None:
        if self._reading_names or self.background is None:
            return
        self._reading_names = True

        def done(names: NameIndex) -> None:
            self._reading_names = False
            self._keep_names(names)
            self.form.update_summary_preview()

        def failed(exc: BaseException) -> None:
            self._reading_names = False
            if isinstance(exc, UserError):
                self.form.names_unreadable(exc.message)
            else:
                self.crashes.report(exc, self)

        self.background.submit(self.workspace.person_names, done, failed, context=self)

    def _keep_names(self, names: NameIndex) -> None:
        self._names = names
        self._names_read_at = time.monotonic()

    def _propose_summary(self) -> str:
        if self.detail is None:
            return ""
        return self.workspace.propose_report_summary(self.detail.case.id)

    def _show_history_if_visible(self) -> None:
        """Read the history only when it is looked at: most cases are opened for other
        reasons, and a long history costs a query and a table reset."""
        if self.detail is None or self.tabs.currentIndex() != self.history_tab:
            return
        if self._history_of is self.detail:
            return
        with guard(self, tr("Kan ikke vise historikken")) as tried:
            entries = self.workspace.case_history(self.detail.case.id)
        if tried.failed:
            return
        self.history.set_items(entries)
        self._history_of = self.detail

    def reload_employers(self) -> None:
        self.form.set_employers(self.workspace.employer_choices())

    def refresh(self) -> None:
        if self.detail is None:
            return
        with guard(self, tr("Kan ikke vise saken")) as tried:
            detail = self.workspace.case_detail(self.detail.case.id)
        if tried.failed:
            return
        self.show_detail(detail)

    def refresh_assessment(self) -> None:
        """After a change elsewhere that feeds the verdict (the employer's size or
        agreement, a checklist answer, a deadline, F5): the verdict and the header again,
        without touching the form (what is typed there stays)."""
        if self.detail is None:
            return
        try:
            detail = self.workspace.case_detail(self.detail.case.id)
        except UserError:
            return
        # Everything fresh but the case itself: its version is the one the form's edit
        # started from, and a save must be checked against that one.
        self.detail = dataclasses.replace(detail, case=self.detail.case)
        self._show_state(self.detail)
        self.assessment.show_detail(self.detail)
        self.refreshed.emit()

    def _show_state(self, detail: CaseDetail) -> None:
        case = detail.case
        status = tr(CASE_STATUSES.get(case.status, case.status))
        if case.deleted_at is not None:
            status = tr("I papirkurven")
        text = f"{status} · {detail.employer.name} · {detail.agreement_name}" + (
            tr(" · versjon ") + str(case.version)
        )
        # An example case says so first, in words (not colour alone), with why it matters.
        self.state.setText(demo_tag(text) if case.is_demo else text)
        self.state.setToolTip(demo_tip() if case.is_demo else "")

    def _form_changed(self) -> None:
        self._update_buttons()
        self.dirty_changed.emit(self.form.is_dirty())
        self.autosaver.touch()

    def _autosave_snapshot(self) -> Snapshot | None:
        if self.detail is None or not self.form.is_dirty():
            return None
        case = self.detail.case
        ref = {"case_id": case.id, "number": case.number, "version": case.version}
        return f"case-{case.id}", "case", ref, self.form.changed_values()

    def is_dirty(self) -> bool:
        return self.detail is not None and self.form.is_dirty()

    # ---------------------------------------------------------------- the facts

    def save(self) -> bool:
        """Save the form; True when saved (or nothing to save)."""
        if self.detail is None or not self.form.is_dirty():
            return True
        if not self.form.check():
            self.tabs.setCurrentIndex(1)
            self.prompter.error(
                self,
                tr("Saken er ikke lagret"),
                tr("Rett feltene som er merket med rødt, og lagre igjen."),
            )
            return False
        if not self._summary_checked():
            return False
        case = self.detail.case
        try:
            update = validate(CaseUpdate, {**self.form.changed_values(), "version": case.version})
            self.workspace.update_case(case.id, update)
        except ConflictError as exc:
            reload = self.prompter.confirm(
                self,
                tr("Saken er endret av andre"),
                exc.message
                + "\n\n"
                + tr(
                    "Vil du hente den lagrede versjonen? Endringene dine legges oppå den, "
                    "så du kan se over og lagre igjen."
                ),
            )
            if reload:
                detail = self.workspace.case_detail(case.id)
                self.show_detail(detail, keep_edits=True)
            return False
        except UserError as exc:
            self.prompter.error(self, tr("Saken er ikke lagret"), exc.message)
            return False
        except Exception as exc:
            self.crashes.report(exc, self)
            return False
        self.autosaver.clear()
        self.refresh()
        self.changed.emit(case.id)
        return True

    def _summary_checked(self) -> bool:
        """A summary marked for the report and changed while the person names were still
        being read (the first seconds after the first case opens; 3.8 s at a million
        cases) has not been checked for names: it is checked now, before it can be stored
        marked. False, with a message, when the check took the mark off or the names cannot
        be read: the user reads the preview, and nothing is stored."""
        form = self.form
        if self._names is not None or not form.report_include.isChecked():
            return True
        if not {"report_summary", "report_include"} & form.changed_values().keys():
            return True
        if not form.report_summary.toPlainText().strip():
            return True
        try:
            self._keep_names(self.workspace.person_names())
        except UserError as exc:
            form.names_unreadable(exc.message)
            self.prompter.error(self, tr("Saken er ikke lagret"), exc.message)
            return False
        form.update_summary_preview()
        if form.report_include.isChecked():
            return True
        self.tabs.setCurrentIndex(1)
        self.prompter.error(
            self,
            tr("Saken er ikke lagret"),
            tr(
                "Sammendraget kan inneholde navn programmet ikke kjenner, og er tatt ut av "
                "landsmøterapporten. Les teksten under sammendraget, skriv om eller bekreft "
                "ordene, og lagre igjen."
            ),
        )
        return False

    def revert(self) -> None:
        self.autosaver.clear()  # discarded: not offered again after a crash
        if self.detail is not None:
            self.show_detail(self.detail)

    # ---------------------------------------------------------------- the timeline

    def add_event(self) -> None:
        self._event_dialog(None)

    def edit_event(self) -> None:
        event = self.selected_event()
        if event is not None:
            self._event_dialog(event)

    def _event_dialog(self, event: EventRead | None) -> None:
        if self.detail is None:
            return
        dialog = EventDialog(
            self.workspace,
            self.detail.case.id,
            prompter=self.prompter,
            crashes=self.crashes,
            event=event,
            parent=self,
        )
        self.event_dialog = dialog  # for tests
        dialog.accepted.connect(self._saved_elsewhere)
        dialog.open()

    def delete_event(self) -> None:
        event = self.selected_event()
        if event is None or self.detail is None:
            return
        if not self.prompter.confirm(
            self,
            tr("Slett hendelse"),
            tr("Slette hendelsen «")
            + tr(EVENT_KINDS.get(event.kind, event.kind))
            + tr("» fra ")
            + format_date(event.occurred_on)
            + tr("? Den tidligere versjonen tas vare på i historikken."),
        ):
            return
        with guard(self, tr("Hendelsen er ikke slettet")) as tried:
            self.workspace.delete_event(event.id, version=event.version)
        if tried.failed:
            return
        self._saved_elsewhere()

    def show_history(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        revisions = self.workspace.event_history(event.id)
        if not revisions:
            self.prompter.info(self, tr("Historikk"), tr("Hendelsen er ikke endret."))
            return
        lines = []
        for r in revisions:
            stamp = r.replaced_at.astimezone().strftime("%d.%m.%Y %H:%M")
            data = ", ".join(f"{k}: {v}" for k, v in r.data.items() if v not in (None, ""))
            lines.append(tr("Versjon ") + f"{r.version} ({tr('erstattet')} {stamp}): {data}")
        self.prompter.info(self, tr("Historikk"), "\n".join(lines))

    def _saved_elsewhere(self) -> None:
        if self.detail is None:
            return
        keep = self.form.is_dirty()
        detail = self.workspace.case_detail(self.detail.case.id)
        self.show_detail(detail, keep_edits=keep)
        self.changed.emit(detail.case.id)

    # ---------------------------------------------------------------- the journal

    def choose_files(self) -> None:
        files = self.prompter.open_paths(self, tr("Legg til filer i saken"), tr("Alle filer (*)"))
        if files:
            self.add_files(files)

    def add_files(self, files: list[Path]) -> None:
        if self.detail is None:
            return
        added = 0
        for file in files:
            try:
                self.workspace.add_attachment(self.detail.case.id, file)
                added += 1
            except UserError as exc:
                self.prompter.error(self, tr("Filen ble ikke lagt til"), exc.message)
        if added:
            self._saved_elsewhere()

    def open_document(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        with guard(self, tr("Dokumentet kan ikke åpnes")) as tried:
            content = self.workspace.document_content(doc.id)
        if tried.failed:
            return
        name = doc.filename or f"{doc.number.replace('/', '-')}.docx"
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="tillitsvalgt-apne-")
        target = Path(self._temp.name) / name
        paths.write_atomically(target, content)  # private to the user, like the database
        if not self.opener(target):
            self.prompter.error(
                self,
                tr("Dokumentet kan ikke åpnes"),
                tr("Fant ikke noe program som kan åpne ") + name + tr(". Bruk «Lagre som …»."),
            )

    def export_document(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        suggested = Path.home() / (doc.filename or f"{doc.number.replace('/', '-')}.docx")
        path = self.prompter.save_path(
            self, tr("Lagre dokumentet"), suggested, tr("Alle filer (*)")
        )
        if path is None:
            return
        try:
            paths.write_atomically(path, self.workspace.document_content(doc.id))
        except UserError as exc:
            self.prompter.error(self, tr("Dokumentet ble ikke lagret"), exc.message)

    def send_document(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        with guard(self, tr("Ikke merket som sendt")) as tried:
            self.workspace.mark_letter_sent(doc.id, self.workspace.today())
        if tried.failed:
            return
        self._saved_elsewhere()

    def email_document(self) -> None:
        """The letter as an e-mail draft in the user's mail client; once it has gone, the
        letter is marked sent (asked, since only the user knows)."""
        doc = self.selected_document()
        if doc is None:
            return
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="tillitsvalgt-apne-")
        target = Path(self._temp.name) / f"{doc.number.replace('/', '-')}.eml"
        with guard(self, tr("E-postutkastet ble ikke laget")) as tried:
            draft = self.workspace.write_email_draft(doc.id, target)
        if tried.failed:
            return
        if not self.opener(target):
            self.prompter.error(
                self,
                tr("E-postutkastet kan ikke åpnes"),
                tr("Fant ikke noe e-postprogram som åpner .eml-filer. Legg ved brevet selv: ")
                + draft.mailto(),
            )
            return
        if doc.frozen:
            return
        if self.prompter.confirm(
            self,
            tr("Er brevet sendt?"),
            tr(
                "Når e-posten er sendt, merkes brevet som sendt i dag: det låses, og svarfristen "
                "begynner å løpe. Er e-posten sendt nå?"
            ),
        ):
            self.send_document()

    def print_document(self) -> None:
        """The letter on paper as it looks (the print dialog; ``ui/printing.py``)."""
        from ui.printing import print_letter

        doc = self.selected_document()
        if doc is not None:
            print_letter(
                self.workspace, self.prompter, self, doc.id, doc.number, background=self.background
            )

    def delete_document(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        if not self.prompter.confirm(
            self, tr("Slett utkast"), tr("Slette utkastet ") + doc.number + "?"
        ):
            return
        with guard(self, tr("Utkastet er ikke slettet")) as tried:
            self.workspace.delete_document(doc.id)
        if tried.failed:
            return
        self._saved_elsewhere()
