"""Settings, in three tabs, each with its own save button:

* «Profil»: the user's profile (the sender of every letter), saved through the workspace.
* «Database»: where the next start opens its database – the default file, another SQLite
  file or a PostgreSQL server. A choice is tested in the background first and can only be
  saved after a successful test; a server URL is saved without its password (that belongs
  in PostgreSQL's own password file), and the change takes effect at the next start.
* «Brev»: the union's name in the letterhead and a folder of the office's own templates,
  with a check of every template in it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt import onboarding
from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.onboarding import TemplateFileCheck
from tillitsvalgt.workspace import Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.dialogs.welcome_dialog import ERROR_STYLE, ProfileForm
from ui.errors import CrashReporter, attempt, guard
from ui.i18n import tr
from ui.prompts import Prompter
from ui.workers import Background

PROFILE_TAB, DATABASE_TAB, LETTERS_TAB = range(3)


def _wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def format_template_checks(checks: list[TemplateFileCheck]) -> str:
    """The check of a template folder in words: a summary, then each file with ✓ (no
    problems), ! (usable, with warnings) or ✗ (errors to fix in Word) and its problems."""
    if not checks:
        return tr("Mappen har ingen Word-maler (.docx). Brevene bruker de innebygde malene.")
    bad = sum(not c.ok for c in checks)
    lines = [
        tr("{count} maler kontrollert: ").format(count=len(checks))
        + (
            tr("alle kan brukes.")
            if not bad
            else tr("{bad} har feil som må rettes i Word før de kan brukes.").format(bad=bad)
        )
    ]
    for check in checks:
        kind = KINDS[check.kind].label if check.kind else tr("ukjent brevtype")
        mark = "✓" if not check.problems else ("!" if check.ok else "✗")
        suffix = tr(": ingen feil") if not check.problems else ":"
        lines.append(f"{mark} {check.file.name} ({kind}){suffix}")
        lines.extend(f"    – {problem}" for problem in check.problems)
    return "\n".join(lines)


class SettingsDialog(QDialog):
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
        self.restart_needed = False  # a new database was saved: it is opened at the next start
        self.template_checks: list[TemplateFileCheck] | None = None
        self._test_generation = 0
        self._tested_url: str | None = None
        self._check_generation = 0
        self.setWindowTitle(tr("Innstillinger"))
        self.setMinimumSize(600, 520)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._profile_tab(), tr("&Profil"))
        self.tabs.addTab(self._database_tab(), tr("&Database"))
        self.tabs.addTab(self._letters_tab(), tr("&Brev"))
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setToolTip(
            tr("Lukk innstillingene; har du endringer som ikke er lagret, spør vi først.")
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Enter in a field must not press a button that happens to be first (or close the
        # dialog with unsaved changes): every action is a deliberate click or mnemonic.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        describe_inputs(self)

    # ================================================================ profile

    def _profile_tab(self) -> QWidget:
        tab = QWidget()
        self.profile_form = ProfileForm(with_signature=True)
        self.save_profile_button = QPushButton(tr("&Lagre profilen"))
        self.save_profile_button.setObjectName("saveProfile")
        self.save_profile_button.setToolTip(tr("Lagre profilen; den brukes fra neste brev."))
        self.save_profile_button.clicked.connect(self.save_profile)
        self.profile_status = _wrapped(name="profileStatus")
        try:
            profile = self.workspace.profile()
        except UserError as exc:
            profile = None
            self.profile_status.setText(exc.message)
        self.profile_form.set_profile(profile, union_default=self.workspace.setup.union_name)
        self._saved_profile = self.profile_form.values()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            _wrapped(tr("Profilen din står som avsender i brevene du lager (navn, rolle, sted)."))
        )
        layout.addWidget(self.profile_form)
        layout.addStretch(1)
        layout.addWidget(self.profile_status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_profile_button)
        layout.addLayout(row)
        return tab

    def save_profile(self) -> bool:
        self.profile_status.clear()
        try:
            self.workspace.save_profile(self.profile_form.profile())
        except UserError as exc:
            self.profile_form.report(exc, self.prompter, self, tr("Profilen er ikke lagret"))
            return False
        except Exception as exc:
            self.crashes.report(exc, self)
            return False
        self.profile_form.clear_problems()
        self.profile_status.setText(tr("✓ Profilen er lagret."))
        self._saved_profile = self.profile_form.values()
        self._show_union_note()
        return True

    def _show_union_note(self) -> None:
        if not hasattr(self, "union_note"):
            return
        union = self.workspace.setup.union_name
        self.union_note.setText(
            (tr("«{union}»").format(union=union) if union else tr("(ikke fylt ut)"))
            + " – "
            + tr(
                "skrives under Profil → Forbund, og brukes både i brevhodet og på forsiden "
                "av landsmøterapporten."
            )
        )

    # ================================================================ leaving

    def unsaved_tabs(self) -> list[str]:
        """The tabs with edits not saved (their own «Lagre» button not pressed)."""
        tabs: list[str] = []
        if self.profile_form.values() != self._saved_profile:
            tabs.append(tr("Profil"))
        if self.templates.text().strip() != self._saved_templates:
            tabs.append(tr("Brev"))
        return tabs

    def reject(self) -> None:
        """«Lukk» (and Escape, and the window's close button) asks before throwing edits
        away: save them, discard them, or stay."""
        unsaved = self.unsaved_tabs()
        if unsaved:
            answer = self.prompter.ask_save(
                self,
                tr("Ulagrede endringer"),
                tr("Du har endringer som ikke er lagret under: {tabs}. Vil du lagre dem?").format(
                    tabs=", ".join(unsaved)
                ),
            )
            if answer == "cancel":
                return
            if answer == "save":
                if tr("Profil") in unsaved and not self.save_profile():
                    self.tabs.setCurrentIndex(0)
                    return
                if tr("Brev") in unsaved and not self.save_letters():
                    self.tabs.setCurrentIndex(2)
                    return
        super().reject()

    # ================================================================ database

    def _database_tab(self) -> QWidget:
        tab = QWidget()
        data_dir = self.workspace.data_dir
        self.current_database = _wrapped(
            tr("Databasen som er åpen nå: {where}").format(where=self.workspace.location),
            "currentDatabase",
        )
        self.saved_database = _wrapped(name="savedDatabase")
        self.saved_database.setVisible(False)

        box = QGroupBox(tr("Database ved neste oppstart"))
        self.use_default = QRadioButton(tr("&Standardfilen på denne maskinen"))
        self.use_default.setObjectName("useDefault")
        default_file = onboarding.default_database_file(data_dir)
        self.use_default.setToolTip(
            tr("SQLite-filen i programmets datamappe: {file}").format(file=default_file)
        )
        self.use_sqlite = QRadioButton(tr("&Annen SQLite-fil"))
        self.use_sqlite.setObjectName("useSqlite")
        self.use_sqlite.setToolTip(
            tr(
                "En databasefil et annet sted, f.eks. på en kryptert disk. Finnes ikke filen, "
                "lages en ny, tom database når du tester."
            )
        )
        self.sqlite_path = QLineEdit()
        self.sqlite_path.setObjectName("sqlitePath")
        self.sqlite_path.setPlaceholderText(tr("Sti til databasefilen, f.eks. ") + "~/saker.db")
        self.sqlite_path.setToolTip(tr("Hele stien til SQLite-filen."))
        self.browse = QPushButton(tr("&Velg fil …"))
        self.browse.setObjectName("browse")
        self.browse.setToolTip(tr("Velg en databasefil, eller skriv navnet på en ny."))
        self.use_server = QRadioButton(tr("P&ostgreSQL-tjener (delt database for et kontor)"))
        self.use_server.setObjectName("useServer")
        self.use_server.setToolTip(
            tr("En database på en tjener som flere tillitsvalgte bruker sammen.")
        )
        self.server_url = QLineEdit()
        self.server_url.setObjectName("serverUrl")
        self.server_url.setPlaceholderText("postgresql://bruker@tjener:5432/tillitsvalgt")
        self.server_url.setToolTip(
            tr("Adressen til databasen, uten passord: postgresql://bruker@tjener:port/database")
        )
        server_label = QLabel(tr("Adr&esse:"))
        server_label.setBuddy(self.server_url)
        self.password_note = _wrapped(
            tr(
                "Adressen inneholder et passord. Det blir fjernet: tilkoblingen testes og "
                "lagres uten passord, slik programmet kobler til ved neste oppstart."
            ),
            "passwordNote",
        )
        self.password_note.setStyleSheet(ERROR_STYLE)
        self.password_note.setVisible(False)
        pgpass = _wrapped(onboarding.PGPASS_HELP, "pgpassHelp")
        pgpass.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = QButtonGroup(self)
        for radio in (self.use_default, self.use_sqlite, self.use_server):
            self.choice.addButton(radio)

        sqlite_row = QHBoxLayout()
        sqlite_row.setContentsMargins(24, 0, 0, 0)
        sqlite_row.addWidget(self.sqlite_path, 1)
        sqlite_row.addWidget(self.browse)
        server_form = QFormLayout()
        server_form.setContentsMargins(24, 0, 0, 0)
        server_form.addRow(server_label, self.server_url)
        server_notes = QVBoxLayout()
        server_notes.setContentsMargins(24, 0, 0, 0)
        server_notes.addWidget(self.password_note)
        server_notes.addWidget(pgpass)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.use_default)
        box_layout.addWidget(self.use_sqlite)
        box_layout.addLayout(sqlite_row)
        box_layout.addWidget(self.use_server)
        box_layout.addLayout(server_form)
        box_layout.addLayout(server_notes)

        self.test_button = QPushButton(tr("&Test tilkoblingen"))
        self.test_button.setObjectName("testDatabase")
        self.test_button.setToolTip(
            tr("Åpne databasen på prøve. Valget kan lagres først når testen har lyktes.")
        )
        self.save_database_button = QPushButton(tr("&Lagre databasevalget"))
        self.save_database_button.setObjectName("saveDatabase")
        self.save_database_button.setEnabled(False)
        self.save_database_button.setToolTip(tr("Test tilkoblingen først."))
        self.test_result = _wrapped(name="testResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        saved = None
        try:
            saved = onboarding.saved_database(data_dir)
        except UserError as exc:
            self.test_result.setText(exc.message)
        if saved is None:
            self.use_default.setChecked(True)
        elif "://" in saved:
            self.use_server.setChecked(True)
            self.server_url.setText(saved)
        else:
            self.use_sqlite.setChecked(True)
            self.sqlite_path.setText(saved)
        self._show_saved_choice(saved)

        self.browse.clicked.connect(self.choose_sqlite_file)
        self.test_button.clicked.connect(self.test_database)
        self.save_database_button.clicked.connect(self.save_database)
        self.choice.buttonToggled.connect(lambda *_: self._database_changed())
        self.sqlite_path.textChanged.connect(self._database_changed)
        self.server_url.textChanged.connect(self._database_changed)
        self._database_changed()

        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_database_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.current_database)
        layout.addWidget(self.saved_database)
        layout.addWidget(box)
        layout.addWidget(self.test_result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        order: list[QWidget] = [
            self.use_default,
            self.use_sqlite,
            self.sqlite_path,
            self.browse,
            self.use_server,
            self.server_url,
            self.test_button,
            self.save_database_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        return tab

    def _show_saved_choice(self, saved: str | None) -> None:
        if saved is None:
            self.saved_database.setVisible(False)
            return
        self.saved_database.setText(
            tr("Valgt for oppstart: {where}").format(where=onboarding.describe_choice(saved))
        )
        self.saved_database.setVisible(True)

    def _database_changed(self) -> None:
        """Any change makes the last test worthless: test again before saving."""
        self._test_generation += 1
        self._tested_url = None
        self.sqlite_path.setEnabled(self.use_sqlite.isChecked())
        self.browse.setEnabled(self.use_sqlite.isChecked())
        self.server_url.setEnabled(self.use_server.isChecked())
        typed = self.server_url.text().strip()
        self.password_note.setVisible(
            self.use_server.isChecked() and bool(typed) and onboarding.has_password(typed)
        )
        self.test_button.setEnabled(True)
        self.save_database_button.setEnabled(False)
        self.save_database_button.setToolTip(tr("Test tilkoblingen først."))
        self.test_result.clear()

    def database_choice(self) -> tuple[str, str | None]:
        """(the URL to test, what to save: None for the default file). The URL never
        carries a password."""
        if self.use_default.isChecked():
            file = onboarding.default_database_file(self.workspace.data_dir)
            return onboarding.sqlite_file_url(file), None
        if self.use_sqlite.isChecked():
            text = self.sqlite_path.text().strip()
            if not text:
                raise UserError(tr("Skriv inn eller velg en databasefil."))
            url = onboarding.choice_url(text)
            return url, url
        text = self.server_url.text().strip()
        if "://" not in text:
            raise UserError(
                tr("Skriv inn adressen til databasen, f.eks. ")
                + "postgresql://bruker@tjener:5432/tillitsvalgt."
            )
        url = onboarding.without_password(text)
        return url, url

    def choose_sqlite_file(self) -> None:
        current = self.sqlite_path.text().strip()
        suggested = (
            Path(current).expanduser()
            if current
            else onboarding.default_database_file(self.workspace.data_dir)
        )
        path = self.prompter.save_path(
            self,
            tr("Velg databasefil"),
            suggested,
            tr("SQLite-database (*.db *.sqlite);;Alle filer (*)"),
        )
        if path is not None:
            self.use_sqlite.setChecked(True)
            self.sqlite_path.setText(str(path))

    def test_database(self) -> None:
        try:
            url, _ = self.database_choice()
        except UserError as exc:
            self.test_result.setText("✗ " + exc.message)
            return
        self._test_generation += 1
        generation = self._test_generation
        self.test_button.setEnabled(False)
        self.test_result.setText(tr("Tester tilkoblingen …"))
        self.background.submit(
            lambda: onboarding.test_database_url(url),
            lambda where: self._test_passed(generation, url, where),
            lambda exc: self._test_failed(generation, exc),
            context=self,
        )

    def _test_passed(self, generation: int, url: str, where: str) -> None:
        if generation != self._test_generation:
            return  # the choice changed while it was tested
        self._tested_url = url
        self.test_button.setEnabled(True)
        self.save_database_button.setEnabled(True)
        self.save_database_button.setToolTip(
            tr("Lagre valget; det tas i bruk neste gang du starter Tillitsvalgt.")
        )
        self.test_result.setText(
            tr("✓ Tilkoblingen virker: {where}. Du kan lagre valget.").format(where=where)
        )

    def _test_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._test_generation:
            return
        self.test_button.setEnabled(True)
        if not isinstance(exc, UserError):
            self.test_result.clear()
            self.crashes.report(exc, self)
            return
        text = "✗ " + exc.message
        if self.use_server.isChecked():
            text += "\n\n" + onboarding.PGPASS_HELP
        self.test_result.setText(text)

    def save_database(self) -> bool:
        with guard(self, tr("Databasevalget er ikke lagret")) as tried:
            url, value = self.database_choice()
        if tried.failed:
            return False
        if self._tested_url is None or url != self._tested_url:
            self.prompter.error(
                self,
                tr("Databasevalget er ikke lagret"),
                tr("Test tilkoblingen først; bare en database som virker, kan lagres."),
            )
            return False
        if not attempt(
            lambda: onboarding.save_database_choice(self.workspace.data_dir, value),
            prompter=self.prompter,
            title=tr("Databasevalget er ikke lagret"),
            crashes=self.crashes,
            parent=self,
        ):
            return False
        self.restart_needed = True
        self._show_saved_choice(value)
        where = onboarding.describe_choice(url)
        message = tr(
            "Lagret. Start Tillitsvalgt på nytt for å ta i bruk databasen {where}; til da "
            "brukes databasen som er åpen nå."
        ).format(where=where)
        self.test_result.setText("✓ " + message)
        self.save_database_button.setEnabled(False)
        self.prompter.info(self, tr("Start programmet på nytt"), message)
        return True

    # ================================================================ letters

    def _letters_tab(self) -> QWidget:
        tab = QWidget()
        saved = onboarding.LetterSettings(None, None)
        self.letters_status = _wrapped(name="lettersStatus")
        try:
            saved = onboarding.letter_settings(self.workspace)
        except UserError as exc:
            self.letters_status.setText(exc.message)
        self._saved_templates = saved.templates or ""
        # One place for the union's name: the profile's «Forbund» (the letterhead and the
        # report's cover both use it); this tab only says so.
        self.union_note = _wrapped(name="unionNote")
        self._show_union_note()
        self.templates = QLineEdit(saved.templates or "")
        self.templates.setObjectName("templates")
        self.templates.setPlaceholderText(tr("Tom: de innebygde malene"))
        self.templates.setToolTip(
            tr(
                "Mappe med kontorets egne Word-maler. En fil som heter <brevtype>.docx "
                "(f.eks. krav_om_drofting.docx) erstatter den innebygde malen for den typen."
            )
        )
        self.check_templates_button = QPushButton(tr("&Kontroller malene"))
        self.check_templates_button.setObjectName("checkTemplates")
        self.check_templates_button.setToolTip(
            tr(
                "Se etter feil i hver mal i mappen: ukjente felt, feil i mal-koden, og det Word "
                "har ødelagt."
            )
        )
        self.template_report = QPlainTextEdit()
        self.template_report.setObjectName("templateReport")
        self.template_report.setAccessibleName(tr("Resultatet av malkontrollen"))
        self.template_report.setReadOnly(True)
        self.template_report.setPlaceholderText(tr("Resultatet av kontrollen vises her."))
        self.save_letters_button = QPushButton(tr("&Lagre brevinnstillingene"))
        self.save_letters_button.setObjectName("saveLetters")
        self.save_letters_button.setToolTip(tr("Lagre; det gjelder fra neste brev."))
        self.check_templates_button.clicked.connect(self.check_templates)
        self.save_letters_button.clicked.connect(self.save_letters)

        form = QFormLayout()
        form.addRow(tr("Forbundets navn:"), self.union_note)
        form.addRow(tr("Pakke fra forbundskontoret:"), self._pack_note())
        form.addRow(tr("&Malmappe:"), self.templates)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_templates_button)
        check_row.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_letters_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addLayout(check_row)
        layout.addWidget(self.template_report, 1)
        layout.addWidget(self.letters_status)
        layout.addLayout(save_row)
        order: list[QWidget] = [
            self.templates,
            self.check_templates_button,
            self.template_report,
            self.save_letters_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        return tab

    def _pack_note(self) -> QLabel:
        """The union office's pack in use, and a warning when a newer one is waiting."""
        from ui.office_actions import pack_line

        self.pack_note = _wrapped(pack_line(self.workspace), name="packNote")
        # The shared folder may be a network share that is slow or gone: looked at off the
        # GUI thread, and the warning added when a newer pack is found.
        self.background.submit(
            self.workspace.newer_pack, self._newer_pack, lambda _exc: None, context=self
        )
        return self.pack_note

    def _newer_pack(self, found: tuple[Path, str] | None) -> None:
        from ui.office_actions import newer_pack_text, pack_line

        newer = newer_pack_text(self.workspace, found) if found is not None else None
        if newer:
            self.pack_note.setText(pack_line(self.workspace) + "\n" + newer)
            self.pack_note.setStyleSheet(f"color: {palette.WARNING}")

    def check_templates(self) -> None:
        folder = self.templates.text().strip()
        if not folder:
            self.template_checks = []
            self.template_report.setPlainText(
                tr("Ingen malmappe er valgt: brevene bruker de innebygde malene.")
            )
            return
        self._check_generation += 1
        generation = self._check_generation
        self.check_templates_button.setEnabled(False)
        self.template_report.setPlainText(tr("Kontrollerer malene …"))
        self.background.submit(
            lambda: onboarding.check_template_folder(folder),
            lambda checks: self._checked(generation, checks),
            lambda exc: self._check_failed(generation, exc),
            context=self,
        )

    def _checked(self, generation: int, checks: list[TemplateFileCheck]) -> None:
        if generation != self._check_generation:
            return
        self.check_templates_button.setEnabled(True)
        self.template_checks = checks
        self.template_report.setPlainText(format_template_checks(checks))

    def _check_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._check_generation:
            return
        self.check_templates_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.template_report.setPlainText(exc.message)
        else:
            self.template_report.clear()
            self.crashes.report(exc, self)

    def save_letters(self) -> bool:
        try:
            onboarding.save_letter_settings(
                self.workspace,
                union=self.workspace.setup.union_name,  # the profile's, kept as it is
                templates=self.templates.text(),
            )
        except UserError as exc:
            self.prompter.error(self, tr("Brevinnstillingene er ikke lagret"), exc.message)
            self.templates.setFocus()
            return False
        except Exception as exc:
            self.crashes.report(exc, self)
            return False
        self._saved_templates = onboarding.letter_settings(self.workspace).templates or ""
        self.templates.setText(self._saved_templates)
        self.letters_status.setText(tr("✓ Lagret; det gjelder fra neste brev."))
        return True
