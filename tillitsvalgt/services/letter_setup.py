"""The letters' settings, apart from the letter machinery: the workspace builds one when it
opens, and importing ``services.letters`` (templates, rendering, the letter context) is left
until the first letter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tillitsvalgt.rules.types import Catalogue


@dataclass(frozen=True)
class LetterSetup:
    """What is not in the database: the catalogue, the template folder, the union's name
    and whose profile signs (the settings' choices)."""

    catalogue: Catalogue | None = None
    template_folder: Path | None = None
    union_name: str | None = None
    profile_uuid: str | None = None
    pack_version: str | None = None  # the union office's pack in use, if any
