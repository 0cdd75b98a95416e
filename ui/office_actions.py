"""The window's menu actions for the union office's pack and for printing, kept out of
``main_window.py`` (which only adds the actions): take a pack into use from the Fil menu,
say when a newer one is at the configured place, and print the case summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tillitsvalgt.errors import UserError
from ui.errors import attempt
from ui.i18n import tr
from ui.printing import print_case_summary

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from tillitsvalgt.workspace import CaseDetail, Workspace
    from ui.errors import CrashReporter
    from ui.prompts import Prompter


def pack_line(workspace: Workspace) -> str:
    """The pack in use, in words (for «Om Tillitsvalgt» and the settings)."""
    current = workspace.pack_in_use()
    return current or tr("Ingen (innebygd lovkatalog og innebygde maler)")


def newer_pack_text(
    workspace: Workspace, found: tuple[Path, str] | Literal["look"] | None = "look"
) -> str | None:
    """The warning when the configured place holds a newer pack than the one in use
    (``found``: what ``workspace.newer_pack()`` gave, when it was asked off the GUI thread)."""
    if found == "look":
        try:
            found = workspace.newer_pack()
        except (OSError, UserError):
            return None
    if found is None:
        return None
    file, label = found
    return (
        tr("En nyere pakke fra forbundskontoret ligger klar: ")
        + label
        + tr(" (du bruker ")
        + pack_line(workspace)
        + tr("). Ta den i bruk med Fil → Ta i bruk pakke fra forbundskontoret: ")
        + str(file)
    )


def import_pack(
    parent: QWidget,
    workspace: Workspace,
    prompter: Prompter,
    crashes: CrashReporter,
    taken: Callable[[], None],
) -> None:
    """Fil → «Ta i bruk pakke fra forbundskontoret …»; ``taken`` runs after (the window
    reads the catalogue again and judges every case anew)."""
    files = prompter.open_paths(
        parent,
        tr("Ta i bruk pakke fra forbundskontoret"),
        tr("Pakker fra forbundskontoret (*.zip);;Alle filer (*)"),
    )
    if not files:
        return
    file = files[0]
    watch = file.is_file() and prompter.confirm(
        parent,
        tr("Følg med på mappen?"),
        tr("Skal Tillitsvalgt si fra når forbundskontoret legger en nyere pakke i ")
        + str(file.parent)
        + tr("? Velg ja hvis det er en delt mappe fra forbundskontoret."),
    )
    done = attempt(
        lambda: workspace.import_pack(file, watch=watch),
        prompter=prompter,
        title=tr("Pakken er ikke tatt i bruk"),
        crashes=crashes,
        parent=parent,
    )
    if done is None:
        return
    info = done.value
    taken()
    said = tr("Pakken «") + info.label + tr("» fra forbundskontoret er tatt i bruk.") + " "
    said += tr(
        "Nye brev skrives etter den, og hvert brev viser hvilken versjon det er skrevet under."
    )
    if "catalogue.toml" in info.files:
        said += " " + tr("Sakene vurderes etter lovkatalogen i pakken.")
    prompter.info(parent, tr("Pakken er tatt i bruk"), said)


def print_case(
    parent: QWidget, workspace: Workspace, prompter: Prompter, detail: CaseDetail | None
) -> None:
    if detail is not None:
        print_case_summary(workspace, prompter, parent, detail)
