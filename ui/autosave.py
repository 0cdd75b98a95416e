"""Edits not yet saved survive a crash: each form with unsaved edits (a case, an employer, a
letter's free text) is written, a moment after the last keystroke, to a small private file in
the data folder (``autosave/``, the owner's alone, written whole or not at all). Saving or
discarding the edit removes its file; on the next start the window offers what is left
(``ui/restore_edits.py``).

The file names say which form and which row (``case-12.json``), never a person's or a case's
name; what the user typed is inside, as in the database it was meant for."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

from tillitsvalgt import paths
from tillitsvalgt.errors import UserError
from ui.i18n import tr

FOLDER = "autosave"
DAMAGED = "skadet"
FORMAT = 1
DELAY_MS = 1000  # after the last keystroke: often enough to lose at most a second of typing
FORMS = ("case", "new_case", "employer", "letter")


@dataclass(frozen=True)
class Pending:
    """One form's unsaved edit, as found at start."""

    key: str
    form: str
    ref: dict[str, Any]
    fields: dict[str, Any]
    saved_at: datetime


def _json_default(value: object) -> str:
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} kan ikke lagres")


class AutosaveStore:
    """The files of ``folder`` (``<data folder>/autosave``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_data_dir(cls, data_dir: str | os.PathLike[str] | None) -> AutosaveStore:
        return cls(paths.data_dir(data_dir) / FOLDER)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def write(self, key: str, form: str, ref: dict[str, Any], fields: dict[str, Any]) -> None:
        payload = {
            "format": FORMAT,
            "pid": os.getpid(),  # a window still running keeps its own edits (see pending)
            "form": form,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "ref": ref,
            "fields": fields,
        }
        data = json.dumps(payload, ensure_ascii=False, default=_json_default, indent=1)
        paths.ensure_private_dir(self.folder)
        paths.write_atomically(self.path(key), data.encode("utf-8"))

    def remove(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()

    def pending(self) -> tuple[list[Pending], list[str]]:
        """Every edit left by an earlier session, oldest first, and a message for each file
        that could not be read (moved aside to ``skadet/``, so it is offered only once and
        nothing of it is lost)."""
        found: list[Pending] = []
        problems: list[str] = []
        if not self.folder.is_dir():
            return found, problems
        for file in sorted(self.folder.glob("*.json")):
            try:
                pending, pid = self._read(file)
            except (OSError, ValueError, KeyError, TypeError):
                problems.append(self._move_aside(file))
                continue
            if not _running_elsewhere(pid):
                found.append(pending)
        found.sort(key=lambda p: p.saved_at)
        return found, problems

    def _read(self, file: Path) -> tuple[Pending, int | None]:
        if file.stat().st_size > 2_000_000:  # far more than any form holds
            raise ValueError("too large")
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("unknown format")
        form, ref, fields = data["form"], data["ref"], data["fields"]
        if form not in FORMS or not isinstance(ref, dict) or not isinstance(fields, dict):
            raise ValueError("unknown form")
        saved_at = datetime.fromisoformat(str(data["saved_at"]))
        pid = data.get("pid")
        return Pending(file.stem, str(form), ref, fields, saved_at), (
            pid if isinstance(pid, int) and not isinstance(pid, bool) else None
        )

    def _move_aside(self, file: Path) -> str:
        damaged = self.folder / DAMAGED
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = damaged / f"{file.stem}-{stamp}.json"
        try:
            paths.ensure_private_dir(damaged)
            file.replace(target)
        except OSError:
            with contextlib.suppress(OSError):
                file.unlink()
            return tr(
                "Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet), "
                "og filen kunne ikke flyttes; den er fjernet."
            ).format(name=file.name)
        return tr(
            "Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet). "
            "Den er flyttet til {target}; programmet virker som vanlig."
        ).format(name=file.name, target=str(target))


def _running_elsewhere(pid: int | None) -> bool:
    """True when another window of the app that wrote the file still runs (two windows may
    share a data folder): its edit is not left over, and is not offered. Asked on POSIX only,
    where signal 0 only asks; a reused process id keeps a file until a later start."""
    if pid is None or pid == os.getpid() or os.name != "posix" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def store_for(widget: QObject | None) -> AutosaveStore | None:
    """The store of the window ``widget`` sits in (a dialog's parent chain leads there);
    None outside the main window (a dialog opened alone in a test)."""
    while widget is not None:
        store = getattr(widget, "autosave", None)
        if isinstance(store, AutosaveStore):
            return store
        widget = widget.parent()
    return None


Snapshot = tuple[str, str, dict[str, Any], dict[str, Any]]  # key, form, ref, fields


class AutosaveSlot(QObject):
    """One form's autosave: ``touch`` after every change; a moment later ``snapshot`` is
    written (or, when it returns None because nothing is unsaved, the file removed)."""

    def __init__(self, owner: QWidget, snapshot: Callable[[], Snapshot | None]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.snapshot = snapshot
        self.key: str | None = None
        self.problem: str | None = None  # the last write's failure, for the status bar
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write_now)

    def touch(self) -> None:
        self.timer.start()

    def write_now(self) -> None:
        self.timer.stop()
        store = store_for(self.owner)
        if store is None:
            return
        shot = self.snapshot()
        try:
            if shot is None:
                if self.key is not None:
                    store.remove(self.key)
                self.key = None
                return
            key, form, ref, fields = shot
            store.write(key, form, ref, fields)
            if self.key is not None and self.key != key:
                store.remove(self.key)
            self.key = key
            self.problem = None
        except (OSError, UserError) as exc:
            # A full disk must not stop the typing; the edit is still in the form.
            self.problem = tr("Ulagrede endringer kunne ikke mellomlagres: ") + (
                exc.message if isinstance(exc, UserError) else str(exc.strerror or exc)
            )
            window: QObject | None = self.owner
            while window is not None and not isinstance(window, QMainWindow):
                window = window.parent()
            if isinstance(window, QMainWindow):  # said quietly: saving still works
                window.statusBar().showMessage(self.problem, 15_000)

    def clear(self) -> None:
        """The edit was saved or discarded: its file goes."""
        self.timer.stop()
        store = store_for(self.owner)
        if store is not None and self.key is not None:
            with contextlib.suppress(OSError):
                store.remove(self.key)
        self.key = None
