"""The backups as a table, for the restore dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ui.i18n import QT_TR_NOOP, tr
from ui.models.list_model import ListModel

if TYPE_CHECKING:  # the backup module loads Alembic, which the start does without
    from tillitsvalgt.shapes import BackupInfo

WHEN, REASON, SIZE, CHECKSUM = range(4)

# Why a backup was taken, as the names of the files say it.
REASONS: dict[str, str] = {
    "automatisk": QT_TR_NOOP("Automatisk (daglig)"),
    "manuell": QT_TR_NOOP("Tatt for hånd"),
    "for-oppgradering": QT_TR_NOOP("Før oppgradering"),
    "for-gjenoppretting": QT_TR_NOOP("Før gjenoppretting"),
}


class BackupTableModel(ListModel):
    headers: ClassVar[dict[int, str]] = {
        WHEN: QT_TR_NOOP("Tatt"),
        REASON: QT_TR_NOOP("Hvorfor"),
        SIZE: QT_TR_NOOP("Størrelse"),
        CHECKSUM: QT_TR_NOOP("Sjekksum"),
    }

    def cell(self, item: BackupInfo, column: int) -> str | None:
        if column == WHEN:
            return item.created.astimezone().strftime("%d.%m.%Y %H:%M")
        if column == REASON:
            return tr(REASONS.get(item.reason, item.reason))
        if column == SIZE:
            return f"{max(1, round(item.size / 1024)):,} kB".replace(",", "\u00a0")
        if column == CHECKSUM:
            return tr("Ja") if item.has_checksum else tr("Nei (kopiert inn)")
        return None
