"""What every command shares: the chosen database and catalogue, opened on first use."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from tillitsvalgt.rules.types import Catalogue


class Context:
    def __init__(
        self, data_dir: str | None, database_url: str | None, catalogue: str | None = None
    ) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.catalogue_option = catalogue
        self._db: Any = None
        self._catalogue: Catalogue | None = None

    def db(self) -> Any:
        from tillitsvalgt.db import Database

        if self._db is None:
            from tillitsvalgt import settings
            from tillitsvalgt.history import ACTOR
            from tillitsvalgt.services.assessments import CATALOGUE

            self._db = Database.open(database_url=self.chosen_url(), data_dir=self.data_dir)
            # Verdicts stored on every change use the same catalogue as "assess".
            self._db.session_info[CATALOGUE] = self.catalogue()
            # The change history records whose profile made each change.
            self._db.session_info[ACTOR] = settings.load(self.data_dir).get("profile")
        return self._db

    def location(self) -> Any:
        """Where the database is, without opening it (``restore`` and ``backups`` must
        work when it is damaged)."""
        from tillitsvalgt.db import resolve_location

        return resolve_location(database_url=self.chosen_url(), data_dir=self.data_dir)

    def chosen_url(self) -> str | None:
        """``--database-url``, then TILLITSVALGT_DATABASE_URL, then the saved choice
        (settings «database»); None: the SQLite file in the data directory."""
        import os

        from tillitsvalgt import paths
        from tillitsvalgt.onboarding import configured_database_url

        return (
            self.database_url
            or os.environ.get(paths.DATABASE_URL_ENV)
            or configured_database_url(self.data_dir)
        )

    def catalogue(self) -> Catalogue:
        """The union office's own catalogue when one is chosen and sound; otherwise the
        built-in one, with the problems of the chosen file on stderr."""
        if self._catalogue is None:
            from tillitsvalgt.rules.catalogue import catalogue_for
            from tillitsvalgt.settings import catalogue_path

            chosen, problems = catalogue_for(catalogue_path(self.catalogue_option, self.data_dir))
            for problem in problems:
                click.echo(f"Advarsel: {problem}", err=True)
            self._catalogue = chosen
        return self._catalogue

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


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
