"""The letter dialog: kind (suggested first), date, reply days with the deadline as a date,
the provisions to cite, Deres ref., copy, own text, and a live preview of the letter; "Lagre
som Word…", "Lagre som PDF…" (where LibreOffice exists) and "Merk som sendt".

The preview is rendered in the background (a letter takes a few tens of milliseconds) a
moment after the last change, so typing never waits for it. Its text comes first; where
LibreOffice (or Word) is installed the same ``.docx`` is then made into a PDF and its A4
pages are shown as they will print (``letters/pages.py``, about a second), the text staying
until they arrive. One conversion runs at a time: changes made meanwhile are converted once
it is done. Without a converter the text stays, with a note saying why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, KINDS
from tillitsvalgt.letters.pages import LetterPages, letter_pages
from tillitsvalgt.letters.pdf import pdf_converter
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.letters.sanity import LetterCheck, LetterRefusedError
from tillitsvalgt.rules.deadlines import explain_deadline, reply_deadline
from tillitsvalgt.rules.types import AppliedProvision
from tillitsvalgt.shapes import DocumentRead
from tillitsvalgt.vocabulary import LETTER_FORMS
from tillitsvalgt.workspace import CaseDetail, Letter, LetterRequest, Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.date_input import DateInput
from ui.errors import CrashReporter, attempt, guard
from ui.i18n import tr
from ui.page_view import PageView
from ui.prompts import Prompter
from ui.workers import Background

PREVIEW_DELAY_MS = 300
BOX_WIDTH = 380  # px: a provision's citation longer than this is shortened with «…»

Preview = tuple[
    str, tuple[AppliedProvision, ...], tuple[str, ...], tuple[LetterCheck, ...], bytes, str
]


class LetterDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        detail: CaseDetail,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        background: Background,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail = detail
        self.prompter = prompter
        self.crashes = crashes
        self.background = background
        self.saved: DocumentRead | None = None
        self.preview_error: str | None = None
        self.refusal: str | None = None  # why the letter would make no sense, if it would not
        self._generation = 0
        self.pages: LetterPages | None = None  # the pages shown, once made
        self.pages_error: str | None = None  # why the pages cannot be shown, if not
        self._pages_busy = False
        # The preview's generation, .docx and number to convert next.
        self._pages_wanted: tuple[int, bytes, str] | None = None
        self.setWindowTitle(tr("Nytt brev – sak ") + detail.case.number)
        # Fits a 1024×700 screen (also at 150 %): the form scrolls up and down, never sideways.
        self.setMinimumSize(720, 480)
        self.resize(960, 660)

        form_box = QWidget()
        form = QFormLayout(form_box)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        suggested = [s.kind for s in detail.assessment.next_letters]
        reasons = {s.kind: s.reason for s in detail.assessment.next_letters}
        for code in [*suggested, *[k for k in KINDS if k not in suggested]]:
            label = tr(KINDS[code].label) + (tr(" (foreslått)") if code in suggested else "")
            self.kind.addItem(label, code)
            if code in reasons:
                self.kind.setItemData(
                    self.kind.count() - 1, reasons[code], Qt.ItemDataRole.ToolTipRole
                )
        if kind is not None and (i := self.kind.findData(kind)) >= 0:
            self.kind.setCurrentIndex(i)
        form.addRow(tr("&Brevtype:"), self.kind)
        # The written form: pre-set from the employer, else the profile, else bokmål.
        self.letter_form = QComboBox()
        self.letter_form.setObjectName("letterForm")
        for code, label in LETTER_FORMS.items():
            self.letter_form.addItem(tr(label), code)
        self._default_form = workspace.default_letter_form(detail.case.id)
        self.letter_form.setCurrentIndex(self.letter_form.findData(self._default_form))
        self.letter_form.setToolTip(
            tr("Målformen brevet skrives på. Forhåndsvalgt fra virksomheten, ellers profilen.")
        )
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        form.addRow("", self.reason)  # why the kind was suggested: right under it
        form.addRow(tr("Mål&form:"), self.letter_form)

        today = workspace.today()
        self.dated = DateInput(today, today=workspace.today)
        self.dated.setObjectName("letterDate")
        form.addRow(tr("&Dato:"), self.dated)
        self.reply_days = QSpinBox()
        self.reply_days.setRange(1, 365)
        self.reply_days.setValue(DEFAULT_REPLY_DAYS)
        self.reply_days.setSuffix(tr(" dager"))
        form.addRow(tr("&Svarfrist:"), self.reply_days)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        form.addRow("", self.deadline)
        self.their_ref = QLineEdit()
        self.their_ref.setMaxLength(200)
        form.addRow(tr("Deres &ref.:"), self.their_ref)
        self.copy_to = QLineEdit()
        self.copy_to.setMaxLength(200)
        self.copy_to.setPlaceholderText(tr("f.eks. verneombud Per Olsen"))
        form.addRow(tr("&Kopi til:"), self.copy_to)

        provisions = self.provisions = QGroupBox(tr("Bestemmelser brevet viser til"))
        provisions_layout = QVBoxLayout(provisions)
        self.provision_boxes: dict[str, QCheckBox] = {}
        for p in detail.assessment.provisions:
            box = QCheckBox()
            box.setToolTip(f"{p.title}\n{p.reason}")
            self._label_box(box, p.citation + ("" if p.verified else tr(" (ikke kontrollert)")))
            provisions_layout.addWidget(box)
            self.provision_boxes[p.key] = box
        self._provisions_touched = False
        form.addRow(provisions)

        self.extra = QPlainTextEdit()
        self.extra.setPlaceholderText(tr("Egen tekst som tas med i brevet (valgfritt)"))
        self.extra.setTabChangesFocus(True)
        form.addRow(tr("&Egen tekst:"), self.extra)

        self.preview = QPlainTextEdit()
        self.preview.setAccessibleName(tr("Forhåndsvisning av brevet"))
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.page_view = PageView()
        self.page_view.setAccessibleName(tr("Brevet slik det blir skrevet ut"))
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview)  # until the pages are made, or without
        self.preview_stack.addWidget(self.page_view)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_note)
        right_layout.addWidget(self.preview_stack, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        form_scroll = QScrollArea()
        form_scroll.setObjectName("letterForm")
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(form_box)
        # As wide as the form needs (nothing cut off), the height is what scrolls.
        form_scroll.setMinimumWidth(
            form_box.minimumSizeHint().width() + form_scroll.verticalScrollBar().sizeHint().width()
        )
        splitter.addWidget(form_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 520])

        buttons = QHBoxLayout()
        self.save_word = QPushButton(tr("Lagre som &Word…"))
        self.save_pdf = QPushButton(tr("Lagre som &PDF…"))
        self.office = pdf_converter()
        self.save_pdf.setEnabled(self.office is not None)
        if self.office is None:
            self.save_pdf.setToolTip(
                tr("Krever LibreOffice eller Word, og ingen av dem er installert.")
            )
            self.pages_error = tr(
                "Forhåndsvisningen viser bare teksten: sidene slik de skrives ut lages med "
                "LibreOffice eller Word, og ingen av dem er installert."
            )
            self.preview_note.setText(self.pages_error)
        self.mark_sent = QPushButton(tr("&Merk som sendt"))
        self.mark_sent.setEnabled(False)
        self.mark_sent.setToolTip(tr("Lagre brevet først."))
        close = QPushButton(tr("Lukk"))
        for b in (self.save_word, self.save_pdf, self.mark_sent):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        # What to check before sending (the agreement's side, an agreement past its period).
        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet(palette.WARNING_STYLE)
        self.notices.hide()
        layout.addWidget(self.notices)
        # Whether the letter makes sense on its date: shown while it is being written,
        # before anything is saved; a refusal disables saving.
        checks_row = QHBoxLayout()
        self.checks = QLabel()
        self.checks.setObjectName("checks")
        self.checks.setWordWrap(True)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_offered_day = QPushButton()
        self.use_offered_day.setObjectName("use-offered-day")
        self.use_offered_day.hide()
        self._offered_days: int | None = None
        self.use_offered_day.clicked.connect(self._use_offered_day)
        self.use_instead = QPushButton()
        self.use_instead.setObjectName("use-instead")
        self.use_instead.hide()
        self._instead: str | None = None
        self.use_instead.clicked.connect(self._use_instead)
        checks_row.addWidget(self.checks, 1)
        checks_row.addWidget(self.use_offered_day)
        checks_row.addWidget(self.use_instead)
        layout.addLayout(checks_row)
        self.status = QLabel()
        self.status.setObjectName("status")
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.letter_form.currentIndexChanged.connect(self._changed)
        for signal in (
            self.dated.changed,
            self.reply_days.valueChanged,
            self.their_ref.textChanged,
            self.copy_to.textChanged,
            self.extra.textChanged,
        ):
            signal.connect(self._changed)
        for box in self.provision_boxes.values():
            box.toggled.connect(self._provisions_changed)
        self.save_word.clicked.connect(lambda: self.save(pdf=False))
        self.save_pdf.clicked.connect(lambda: self.save(pdf=True))
        self.mark_sent.clicked.connect(self.send)
        close.clicked.connect(self.reject)
        self._kind_changed()

        describe_inputs(self)

    # ---------------------------------------------------------------- the request

    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def letter_date(self) -> date:
        # A text that is not a date raises its message (UserError): never another date.
        dated = self.dated.checked_value()
        assert dated is not None  # a required field is a date or a problem
        return dated

    def request(self) -> LetterRequest:
        chosen: tuple[str, ...] | None = None
        if self._provisions_touched:
            chosen = tuple(k for k, box in self.provision_boxes.items() if box.isChecked())
        return LetterRequest(
            kind=self.kind_code(),
            dated=self.letter_date(),
            reply_days=self.reply_days.value(),
            their_ref=self.their_ref.text() or None,
            extra_text=self.extra.toPlainText() or None,
            copy_to=self.copy_to.text() or None,
            provisions=chosen,
            form=self.form_code(),
        )

    def form_code(self) -> str:
        return str(self.letter_form.currentData())

    # ---------------------------------------------------------------- changes

    def _kind_changed(self) -> None:
        spec = KINDS[self.kind_code()]
        reasons = {s.kind: s.reason for s in self.detail.assessment.next_letters}
        self.reason.setText(reasons.get(spec.code, ""))
        self.reply_days.setEnabled(spec.reply)
        # A reminder cites the first letter, not the law: nothing to choose.
        self.provisions.setEnabled(spec.code != "purring")
        # A saved letter stays this dialog's draft: saving again updates it (same number).
        self._provisions_touched = False  # each kind has its own default provisions
        self._changed()

    def _provisions_changed(self) -> None:
        if not self._syncing:
            self._provisions_touched = True
            self._changed()

    _syncing = False

    def _changed(self) -> None:
        if self.refusal is not None:
            # The facts asked about have changed; the next preview judges them again (and
            # saving still refuses a letter that makes no sense).
            self.refusal = None
            self.save_word.setEnabled(True)
            self.save_pdf.setEnabled(self.office is not None)
        spec = KINDS[self.kind_code()]
        if self.saved is not None and self.mark_sent.isEnabled():
            # What would be sent is the saved draft, not what the preview now shows.
            self.mark_sent.setEnabled(False)
            self.mark_sent.setToolTip(tr("Lagre endringene først (brevet beholder nummeret)."))
        if spec.reply:
            try:
                due = reply_deadline(self.letter_date(), self.reply_days.value())
                self.deadline.setText(explain_deadline(self.letter_date(), self.reply_days.value()))
                self.deadline.setToolTip(due.isoformat())
            except UserError as exc:
                self.deadline.setText(exc.message)
        else:
            self.deadline.setText(tr("Denne brevtypen har ingen svarfrist."))
        self._timer.start()

    def refresh_preview(self) -> None:
        self._generation += 1
        generation = self._generation
        try:
            request = self.request()
        except UserError as exc:
            self._preview_failed(generation, exc)
            return
        ref = self.detail.case.id
        draft_id = self.saved.id if self.saved is not None else None

        def work() -> Preview:
            letter = self.workspace.preview_letter(ref, request, draft_id=draft_id)
            return (
                docx_text(letter.content),
                letter.context.cited,
                letter.notices,
                letter.checks,
                letter.content,
                letter.number,
            )

        self.background.submit(
            work,
            lambda result: self._show_preview(generation, result),
            lambda exc: self._preview_failed(generation, exc),
            context=self.preview,
        )

    def done(self, result: int) -> None:
        self._generation += 1  # a preview still on its way is for a closed dialog
        self._timer.stop()
        super().done(result)

    def _show_preview(self, generation: int, result: Preview) -> None:
        if generation != self._generation:
            return  # a newer preview is on its way
        text, cited_provisions, notices, checks, content, number = result
        cited = self._show_as_cited(cited_provisions)
        self.notices.setText("\n".join(tr("Kontroller: ") + n for n in notices))
        self.notices.setVisible(bool(notices))
        self.preview_error = None
        self._show_checks(None, checks)
        self.preview.setPlainText(text)
        self.page_view.setAccessibleDescription(text)  # the pages' words, for screen readers
        self.status.setText("")
        if self.office is not None:
            self._pages_wanted = (generation, content, number)
            self._make_pages()
        if not self._provisions_touched:
            self._syncing = True
            for key, box in self.provision_boxes.items():
                box.setChecked(key in cited)
            self._syncing = False

    # ---------------------------------------------------------------- the pages

    def _make_pages(self) -> None:
        """Convert the newest letter to pages, unless a conversion is running: then its end
        starts the next one (two LibreOffices at once would only slow each other down)."""
        if self._pages_busy or self._pages_wanted is None:
            return
        generation, content, number = self._pages_wanted
        self._pages_wanted = None
        self._pages_busy = True
        if self.pages is not None:
            self.page_view.caption.setText(self._caption(number) + tr(" – oppdateres …"))
        else:
            self.preview_note.setText(tr("Lager sidene slik de skrives ut …"))
            self.preview_note.show()
        self.background.submit(
            lambda: letter_pages(content),
            lambda pages: self._show_pages(generation, pages, number),
            self._pages_failed,
            context=self.page_view,
        )

    def _caption(self, number: str) -> str:
        if self.saved is not None:
            return tr("Utkast ") + number + tr(" (beholder nummeret når det lagres igjen), A4")
        return tr("Brev ") + number + tr(" slik det blir skrevet ut, A4")

    def _show_pages(self, generation: int, pages: LetterPages, number: str) -> None:
        self._pages_busy = False
        if self._pages_wanted is not None:
            self._make_pages()  # the letter changed while these were made
            return
        if generation != self._generation:
            return  # a newer preview is on its way (or was refused): not this letter
        self.pages = pages
        self.pages_error = None
        self.page_view.set_pages(pages.pages, self._caption(number))
        self.preview_note.setText("")
        self.preview_note.hide()
        self.preview_stack.setCurrentWidget(self.page_view)

    def _pages_failed(self, exc: BaseException) -> None:
        self._pages_busy = False
        if not isinstance(exc, UserError):
            self.crashes.report(exc, self)
            return
        # The text stays; the note says why the pages are not there.
        self.pages = None
        self.pages_error = tr("Sidene kunne ikke lages, så forhåndsvisningen viser teksten: ")
        self.pages_error += exc.message
        self.preview_note.setText(self.pages_error)
        self.preview_note.show()
        self.preview_stack.setCurrentWidget(self.preview)
        self._make_pages()

    def _label_box(self, box: QCheckBox, text: str) -> None:
        """A provision's box: a long citation is shortened with «…» so the form fits a
        1024 px screen beside the page; the whole citation is its name and tooltip."""
        box.setText(box.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, BOX_WIDTH))
        box.setAccessibleName(text)
        tip = box.toolTip().split("\n\n", 1)[-1] if box.property("cited") else box.toolTip()
        box.setToolTip(f"{text}\n\n{tip}" if tip else text)
        box.setProperty("cited", True)

    def _show_as_cited(self, cited: tuple[AppliedProvision, ...]) -> set[str]:
        """The boxes' keys the letter cites, each box labelled as the letter cites it: the
        sender's side of the agreement (YS–NHO for the case's LO–NHO box), or by subject
        where only another side's text is known. The service maps a box back the same way."""
        out: set[str] = set()
        for key, box in self.provision_boxes.items():
            source, _, rest = key.partition(":")
            found = next(
                (
                    c
                    for c in cited
                    if c.key == key
                    or (
                        source.startswith("ha-")
                        and c.key.startswith("ha-")
                        and c.key.partition(":")[2] == rest
                    )
                ),
                None,
            )
            if found is None:
                continue
            out.add(key)
            self._label_box(
                box, found.citation + ("" if found.verified else tr(" (ikke kontrollert)"))
            )
        return out

    def _show_checks(
        self, refusal: str | None, checks: tuple[LetterCheck, ...], instead: str | None = None
    ) -> None:
        self.refusal = refusal
        self._instead = instead if instead in KINDS else None
        if self._instead is not None:
            self.use_instead.setText(tr("Skriv «") + tr(KINDS[self._instead].label) + tr("»"))
            self.use_instead.show()
        else:
            self.use_instead.hide()
        lines = [refusal] if refusal else []  # it begins «Brevet lages ikke.»
        lines += [f"⚠ {c.message}" for c in checks if not c.refused]
        self.checks.setText("\n".join(lines))
        self.checks.setStyleSheet(palette.ERROR_STYLE if refusal else "")
        for button in (self.save_word, self.save_pdf):
            button.setEnabled(refusal is None and (button is self.save_word or bool(self.office)))
        offered = next((c.reply_days for c in checks if c.reply_days is not None), None)
        self._offered_days = offered
        if offered is not None:
            due = reply_deadline(self.letter_date(), offered)
            self.use_offered_day.setText(tr("Bruk ") + f"{due:%d.%m.%Y}")
            self.use_offered_day.show()
        else:
            self.use_offered_day.hide()

    def _use_instead(self) -> None:
        if self._instead is not None and (i := self.kind.findData(self._instead)) >= 0:
            self.kind.setCurrentIndex(i)

    def _use_offered_day(self) -> None:
        if self._offered_days is not None:
            self.reply_days.setValue(self._offered_days)

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        # No letter: no pages of an older one either.
        self._pages_wanted = None
        self.preview_stack.setCurrentWidget(self.preview)
        if isinstance(exc, LetterRefusedError):
            self.preview_error = exc.message
            self.preview.setPlainText("")
            self._show_checks(exc.message, (), exc.instead)
            self.status.setText("")
        elif isinstance(exc, UserError):
            self._show_checks(None, ())
            self.preview_error = exc.message
            self.preview.setPlainText("")
            self.status.setText(exc.message)
        else:
            self.crashes.report(exc, self)

    # ---------------------------------------------------------------- actions

    def save(self, *, pdf: bool) -> None:
        if self.refusal is not None:
            self.prompter.error(self, tr("Brevet lages ikke"), self.refusal)
            return
        spec = KINDS[self.kind_code()]
        suggested = Path.home() / f"{self.detail.case.number.replace('/', '-')} {spec.label}"
        path = self.prompter.save_path(
            self,
            tr("Lagre brevet"),
            suggested.with_suffix(".pdf" if pdf else ".docx"),
            tr("PDF (*.pdf)") if pdf else tr("Word-dokument (*.docx)"),
        )
        if path is None:
            return
        target = path.with_suffix(".pdf" if pdf else ".docx")
        case_id, draft = self.detail.case.id, self.saved
        done = attempt(
            lambda: self.workspace.create_letter(
                case_id,
                self.request(),
                out=target,
                pdf=pdf,
                draft_id=draft.id if draft is not None else None,
            ),
            prompter=self.prompter,
            title=tr("Brevet ble ikke lagret"),
            crashes=self.crashes,
            parent=self,
        )
        if done is not None:
            self._saved(done.value, target)

    def _saved(self, letter: Letter, target: Path) -> None:
        self.saved = letter.document
        self.status.setText(tr("Lagret som ") + f"{letter.number}: {target}")
        spec = KINDS[self.kind_code()]
        self.mark_sent.setEnabled(spec.to_employer)
        self.mark_sent.setToolTip(
            tr("Lås brevet, før «Brev sendt» i tidslinjen og opprett svarfristen.")
            if spec.to_employer
            else tr("Interne dokumenter sendes ikke.")
        )

    def send(self) -> None:
        if self.saved is None:
            return
        with guard(self, tr("Ikke merket som sendt")) as tried:
            self.workspace.mark_letter_sent(self.saved.id, self.letter_date())
        if tried.failed:
            return
        self.mark_sent.setEnabled(False)
        self.status.setText(
            tr("Brev ") + self.saved.number + tr(" er merket som sendt; svarfristen er opprettet.")
        )
        # Sent is final: another save from here is a new letter with a new number.
        self.saved = None
