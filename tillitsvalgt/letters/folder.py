"""Where an office keeps its own letter templates: kept apart from ``templates`` (which
checks and loads them) so that opening a workspace at start does not load the checker."""

from __future__ import annotations

import os
from pathlib import Path

TEMPLATES_ENV = "TILLITSVALGT_TEMPLATES"


def template_folder(option: str | os.PathLike[str] | None, setting: str | None) -> Path | None:
    """``--templates`` wins, then TILLITSVALGT_TEMPLATES, then the setting."""
    chosen = option or os.environ.get(TEMPLATES_ENV) or setting
    return Path(chosen).expanduser() if chosen else None
