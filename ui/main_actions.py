"""The main window's actions as one table: per action its text, shortcut, tip, what it
calls, its icon, whether the toolbar shows it and when it is enabled; and the menus as
lists of those actions. ``MainWindow`` builds every action from here and enables them by
the same rows, so adding a command is one row (and its place in a menu), not three edits
in three methods.

The texts are marked with ``QT_TR_NOOP`` and translated when the action is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from ui.i18n import QT_TR_NOOP

if TYPE_CHECKING:
    from tillitsvalgt.workspace import CaseDetail
    from ui.views.case_view import CaseView


class Window(Protocol):
    """What the enabling rules read of the main window (this module does not import it:
    the window imports the table)."""

    @property
    def detail(self) -> CaseDetail | None: ...
    @property
    def case_view(self) -> CaseView: ...
    def case_dirty(self) -> bool: ...


Key = QKeySequence.StandardKey
Icon = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the window's attribute that holds the action (``window.new_case_action``)
    text: str
    slot: str  # the window's method it calls, by name (a dotted path for a part's own)
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str | None = None
    # When the action may be used, asked again whenever the open case changes; None: always.
    enabled_when: Callable[[Window], bool] | None = None
    # The style's own icons: drawn for the screen's scale, so sharp on high-DPI screens.
    icon: QStyle.StandardPixmap | None = None
    toolbar: bool = False
    args: tuple[object, ...] = ()  # what the slot is called with


def _live(window: Window) -> bool:
    """A case is open and not in the recycle bin."""
    return window.detail is not None and window.detail.case.deleted_at is None


def _status(status: str) -> Callable[[Window], bool]:
    return lambda window: (
        _live(window) and window.detail is not None and (window.detail.case.status == status)
    )


def _in_bin(window: Window) -> bool:
    return window.detail is not None and window.detail.case.deleted_at is not None


ACTIONS: tuple[ActionSpec, ...] = (
    # ------------------------------------------------------------------ the case
    ActionSpec(
        "new_case_action",
        QT_TR_NOOP("&Ny sak …"),
        "new_case",
        Key.New,
        QT_TR_NOOP("Opprett en ny sak (Ctrl+N)"),
        icon=Icon.SP_FileIcon,
        toolbar=True,
    ),
    ActionSpec(
        "save_action",
        QT_TR_NOOP("&Lagre"),
        "save_case",
        Key.Save,
        QT_TR_NOOP("Lagre endringene i saken (Ctrl+S)"),
        enabled_when=lambda w: w.case_dirty(),
        icon=Icon.SP_DialogSaveButton,
        toolbar=True,
    ),
    ActionSpec(
        "find_action",
        QT_TR_NOOP("&Søk"),
        "_focus_search",
        Key.Find,
        QT_TR_NOOP("Gå til søkefeltet (Ctrl+F)"),
        icon=Icon.SP_FileDialogContentsView,
        toolbar=True,
    ),
    ActionSpec(
        "letter_action",
        QT_TR_NOOP("Nytt &brev …"),
        "new_letter",
        "Ctrl+L",
        QT_TR_NOOP("Skriv et brev i saken (Ctrl+L)"),
        args=(None,),  # no kind chosen: the dialog suggests one
        enabled_when=_live,
        icon=Icon.SP_FileDialogDetailedView,
        toolbar=True,
    ),
    ActionSpec(
        "close_action",
        QT_TR_NOOP("&Avslutt saken …"),
        "close_case",
        None,
        QT_TR_NOOP("Avslutt saken med et utfall"),
        enabled_when=_status("open"),
    ),
    ActionSpec(
        "reopen_action",
        QT_TR_NOOP("&Gjenåpne saken"),
        "reopen_case",
        enabled_when=_status("closed"),
    ),
    ActionSpec(
        "duplicate_action",
        QT_TR_NOOP("&Dupliser saken"),
        "duplicate_case",
        None,
        QT_TR_NOOP("En ny sak med samme virksomhet, type og beskrivelse"),
        enabled_when=_live,
    ),
    ActionSpec(
        "delete_action",
        QT_TR_NOOP("Flytt til &papirkurven"),
        "delete_case",
        None,
        QT_TR_NOOP("Saken kan gjenopprettes fra papirkurven"),
        enabled_when=_live,
    ),
    ActionSpec(
        "restore_action",
        QT_TR_NOOP("&Gjenopprett fra papirkurven"),
        "restore_case",
        enabled_when=_in_bin,
    ),
    ActionSpec(
        "new_group_action",
        QT_TR_NOOP("Ny &gruppesak …"),
        "case_view.office.new_group",
        None,
        QT_TR_NOOP("Samle sakene en beslutning hos arbeidsgiveren gjelder, i én gruppesak"),
        enabled_when=_live,
    ),
    ActionSpec(
        "print_action",
        QT_TR_NOOP("Skriv &ut saksoversikten …"),
        "print_case",
        Key.Print,
        QT_TR_NOOP("Saken med vurdering, tidslinje, frister og dokumenter på papir (Ctrl+P)"),
        enabled_when=lambda w: w.detail is not None,
    ),
    # ------------------------------------------------------------------ files and the app
    ActionSpec(
        "refresh_action",
        QT_TR_NOOP("&Oppdater"),
        "refresh_everything",
        Key.Refresh,
        icon=Icon.SP_BrowserReload,
        toolbar=True,
    ),
    ActionSpec("quit_action", QT_TR_NOOP("&Avslutt"), "close", Key.Quit),
    ActionSpec(
        "import_action",
        QT_TR_NOOP("&Importer saker …"),
        "import_cases",
        "Ctrl+I",
        QT_TR_NOOP(
            "Importer saker fra én eller flere filer (fra andre tillitsvalgte eller et "
            "tidligere uttrekk)"
        ),
        icon=Icon.SP_ArrowDown,
    ),
    ActionSpec(
        "export_action",
        QT_TR_NOOP("&Eksporter saker …"),
        "export_cases",
        "Ctrl+E",
        QT_TR_NOOP("Skriv alle saker til en fil for forbundskontoret"),
        icon=Icon.SP_ArrowUp,
    ),
    ActionSpec(
        "export_list_action",
        QT_TR_NOOP("Eksporter &listen til regneark …"),
        "export_case_list",
        None,
        QT_TR_NOOP("Sakslisten med filtrene du har valgt, alle sider, som .xlsx eller .csv"),
    ),
    ActionSpec(
        "backup_action",
        QT_TR_NOOP("Ta &sikkerhetskopi nå"),
        "backup_now",
        None,
        QT_TR_NOOP("Kopier databasen til sikkerhetskopimappen"),
    ),
    ActionSpec(
        "restore_backup_action",
        QT_TR_NOOP("&Gjenopprett fra sikkerhetskopi …"),
        "open_restore",
        None,
        QT_TR_NOOP("Gå tilbake til databasen slik den var da en sikkerhetskopi ble tatt"),
    ),
    ActionSpec(
        "settings_action",
        QT_TR_NOOP("&Innstillinger …"),
        "open_settings",
        Key.Preferences,
        QT_TR_NOOP("Profil, database og brev"),
    ),
    ActionSpec(
        "report_action",
        QT_TR_NOOP("&Rapport til landsmøtet …"),
        "open_report",
        "Ctrl+R",
        QT_TR_NOOP("Statistikken over sakene i en periode, som Word og regneark"),
    ),
    ActionSpec(
        "pack_action",
        QT_TR_NOOP("Ta i bruk &pakke fra forbundskontoret …"),
        "take_pack",
        None,
        QT_TR_NOOP("Lovkatalog, brevmaler og forbundets navn fra forbundskontoret, i én fil"),
    ),
    # Enabled by the demo data's own check (FirstSteps._reload_demo_ids), not by the case.
    ActionSpec(
        "remove_demo_action",
        QT_TR_NOOP("Fjern &demodata …"),
        "remove_demo",
        None,
        QT_TR_NOOP("Fjern eksempelsakene og -virksomhetene (merket DEMO); dine egne blir"),
    ),
    # ------------------------------------------------------------------ moving about
    ActionSpec(
        "cases_section_action",
        QT_TR_NOOP("&Saker"),
        "sections.setCurrentIndex",
        "Ctrl+1",
        args=(0,),
    ),
    ActionSpec(
        "employers_section_action",
        QT_TR_NOOP("&Virksomheter"),
        "sections.setCurrentIndex",
        "Ctrl+2",
        args=(1,),
    ),
    ActionSpec(
        "deadlines_section_action",
        QT_TR_NOOP("&Frister"),
        "sections.setCurrentIndex",
        "Ctrl+3",
        args=(2,),
    ),
    ActionSpec(
        "focus_list_action",
        QT_TR_NOOP("Gå til saks&listen"),
        "focus_list",
        "Ctrl+Shift+L",
        QT_TR_NOOP("Flytt tastaturet til sakslisten (Ctrl+Shift+L)"),
    ),
    # ------------------------------------------------------------------ help
    ActionSpec(
        "guide_action",
        QT_TR_NOOP("&Brukerveiledning"),
        "open_guide",
        Key.HelpContents,
        QT_TR_NOOP("Slik bruker du Tillitsvalgt, med bilder (F1)"),
    ),
    ActionSpec("about_action", QT_TR_NOOP("&Om Tillitsvalgt"), "open_about"),
)

# The menus in the menu bar's order, each a list of actions by name; None is a separator.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TR_NOOP("&Fil"),
        (
            "settings_action",
            None,
            "report_action",
            None,
            "import_action",
            "export_action",
            "export_list_action",
            "backup_action",
            "restore_backup_action",
            "pack_action",
            "remove_demo_action",
            None,
            "refresh_action",
            None,
            "quit_action",
        ),
    ),
    (
        QT_TR_NOOP("&Sak"),
        (
            "new_case_action",
            "save_action",
            "find_action",
            "letter_action",
            None,
            "close_action",
            "reopen_action",
            "duplicate_action",
            "delete_action",
            "restore_action",
            None,
            "new_group_action",
            "print_action",
        ),
    ),
    (
        QT_TR_NOOP("&Vis"),
        (
            "cases_section_action",
            "employers_section_action",
            "deadlines_section_action",
            None,
            "focus_list_action",
        ),
    ),
    (QT_TR_NOOP("&Hjelp"), ("guide_action", "about_action")),
)
