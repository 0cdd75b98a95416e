"""The home-office agreement checklist: its items (data, in ``resources/checklist.toml``)
and which of them a case still lacks. Pure: answers in, item lists out."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from tillitsvalgt import paths

CHECKLIST_FILE = "checklist.toml"
GROUPS = ("forskrift", "forbund")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    group: str  # "forskrift": the regulation's minimum; "forbund": the union's own demands
    label: str
    demand: str  # as a letter states it
    basis: str  # what may be cited for it; "" for the union's own demands


@cache
def checklist_items() -> tuple[ChecklistItem, ...]:
    """The items in the order a letter lists them (the shipped file is checked by tests)."""
    with paths.resource_path(CHECKLIST_FILE).open("rb") as fh:
        data = tomllib.load(fh)
    items = tuple(ChecklistItem(**raw) for raw in data["item"])
    return items


def item(key: str) -> ChecklistItem | None:
    for candidate in checklist_items():
        if candidate.key == key:
            return candidate
    return None


@dataclass(frozen=True)
class ChecklistGaps:
    missing: tuple[ChecklistItem, ...]  # answered "not met", or no agreement at all
    unclear: tuple[ChecklistItem, ...]  # answered "unknown" (or not answered) for the regulation


def checklist_gaps(answers: Mapping[str, str], written_agreements: bool | None) -> ChecklistGaps:
    """What a demand for written home-office agreements must list.

    An item answered "not met" is missing. When the case records that there are no written
    agreements at all, every item of the regulation not answered "met" is missing too. An
    item of the regulation that is unanswered or "unknown" is unclear: the letter asks the
    employer to confirm it rather than claiming it is absent. The union's own demands are
    listed only when answered "not met" — the representative chooses which to press."""
    missing: list[ChecklistItem] = []
    unclear: list[ChecklistItem] = []
    for entry in checklist_items():
        answer = answers.get(entry.key, "unknown")
        if answer == "met":
            continue
        if answer == "not_met":
            missing.append(entry)
        elif entry.group == "forskrift":
            if written_agreements is False:
                missing.append(entry)
            else:
                unclear.append(entry)
    return ChecklistGaps(tuple(missing), tuple(unclear))
