"""What every command shares: the chosen database and catalogue, opened on first use."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tillitsvalgt.db import Database, Location
    from tillitsvalgt.rules.types import Catalogue
    from tillitsvalgt.workspace import Workspace


class Context:
    """The command line's door: the same ``Workspace.open`` the window goes through (URL
    order, catalogue, who acts, letter setup), opened on first use so ``--help``,
    ``restore`` and ``backups`` never open the database."""

    def __init__(
        self, data_dir: str | None, database_url: str | None, catalogue: str | None = None
    ) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.catalogue_option = catalogue
        self._workspace: Workspace | None = None
        self._catalogue: Catalogue | None = None

    def workspace(self) -> Workspace:
        from tillitsvalgt.workspace import Workspace

        if self._workspace is None:
            workspace = Workspace.open(
                data_dir=self.data_dir,
                database_url=self.database_url,
                catalogue=self.catalogue_option,
            )
            if self._catalogue is None:  # not yet said by catalogue()
                self._warn(workspace.warnings)
            self._catalogue = workspace.catalogue
            self._workspace = workspace
        return self._workspace

    def db(self) -> Database:
        return self.workspace().db

    def location(self) -> Location:
        """Where the database is, without opening it (``restore`` and ``backups`` must
        work when it is damaged)."""
        from tillitsvalgt.workspace import Workspace

        return Workspace.location_of(self.database_url, self.data_dir)

    def catalogue(self) -> Catalogue:
        """The union office's own catalogue when one is chosen and sound; otherwise the
        built-in one, with the problems of the chosen file on stderr."""
        if self._catalogue is None:
            from tillitsvalgt.workspace import Workspace

            chosen, problems = Workspace.load_catalogue(self.catalogue_option, self.data_dir)
            self._warn(problems)
            self._catalogue = chosen
        return self._catalogue

    @staticmethod
    def _warn(problems: tuple[str, ...]) -> None:
        for problem in problems:
            click.echo(f"Advarsel: {problem}", err=True)

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None


pass_ctx = click.make_pass_decorator(Context)


def table(headers: list[str], rows: list[list[str]]) -> None:
    """A plain text table: columns as wide as their widest cell."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def date_text(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
