"""The user's settings: a small JSON file in the data directory, private to its owner.

Only what is not data: which catalogue file and template folder to use, the union's name,
whose profile signs the letters. Passwords are never written here."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tillitsvalgt import paths
from tillitsvalgt.errors import UserError
from tillitsvalgt.file_limits import SETTINGS_LIMIT, read_limited

SETTINGS_FILE = "settings.json"
CATALOGUE_ENV = "TILLITSVALGT_CATALOGUE"
KNOWN: dict[str, str] = {
    "catalogue": "Egen lovkatalog (sti til en TOML-fil) i stedet for den innebygde",
    "templates": "Mappe med egne brevmaler (<brevtype>.docx erstatter den innebygde)",
    "union": "Forbundets navn slik det står i brevhodet",
    "language": "Språket i vinduet: nb (bokmål), nn (nynorsk) eller en (English); "
    "uten innstilling: systemets språk",
    "pack": "Forbundskontorets pakke i bruk (navn og versjon); settes av «pack import»",
    "pack_source": "Stedet forbundskontoret legger ut pakker (en mappe eller fil); appen sier "
    "fra når det ligger en nyere pakke der",
    "profile": "Din profil (den tillitsvalgte som skriver brevene); settes av «profile»",
    "database": "Databasen: en SQLite-fil eller en PostgreSQL-adresse (lagres uten passord; "
    "passordet hører hjemme i PostgreSQLs egen passordfil, ~/.pgpass)",
}


@dataclass(frozen=True)
class Settings:
    """The saved settings with their names checked by mypy: ``read(d).union`` instead of
    ``load(d).get("union")``, where a misspelt key silently read nothing. One field per
    key of ``KNOWN`` (a test keeps them in step); None: not set."""

    catalogue: str | None = None
    templates: str | None = None
    union: str | None = None
    language: str | None = None
    pack: str | None = None
    pack_source: str | None = None
    profile: str | None = None
    database: str | None = None


def read(data_dir: str | os.PathLike[str] | None = None) -> Settings:
    """The settings file as a ``Settings``; an empty text counts as not set."""
    data = load(data_dir)
    return Settings(**{f.name: data.get(f.name) or None for f in fields(Settings)})


def settings_file(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return paths.data_dir(data_dir) / SETTINGS_FILE


def load(data_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    file = settings_file(data_dir)
    if not file.exists():
        return {}
    try:
        data = json.loads(
            read_limited(file, SETTINGS_LIMIT, what="Innstillingsfilen").decode("utf-8")
        )
    except (OSError, ValueError, RecursionError) as exc:
        raise UserError(
            f"Innstillingsfilen {file} kan ikke leses ({exc}). Rett eller slett den."
        ) from None
    if not isinstance(data, dict):
        return {}
    # Every setting is text (a path, a name, a UUID): a number or a list written by hand
    # would otherwise fail far from here, e.g. as Path(5) when the app starts.
    for key in KNOWN:
        if key in data and not isinstance(data[key], str):
            raise UserError(
                f"Innstillingen «{key}» i {file} må være tekst i anførselstegn. Rett eller "
                "slett den."
            )
    return data


def save(key: str, value: str | None, data_dir: str | os.PathLike[str] | None = None) -> Path:
    if key not in KNOWN:
        raise UserError(f"Ukjent innstilling «{key}». Kjente: {', '.join(KNOWN)}.")
    data = load(data_dir)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    file = settings_file(data_dir)
    paths.ensure_private_dir(file.parent)
    tmp = file.with_name(file.name + ".tmp")
    paths.make_private_file(tmp)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, file)
    return file


def catalogue_path(
    option: str | None, data_dir: str | os.PathLike[str] | None = None
) -> Path | None:
    """``--catalogue`` wins, then TILLITSVALGT_CATALOGUE, then the setting."""
    chosen = option or os.environ.get(CATALOGUE_ENV) or read(data_dir).catalogue
    return Path(chosen).expanduser() if chosen else None
