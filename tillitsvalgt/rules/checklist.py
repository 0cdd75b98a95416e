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
    demand_nn: str = ""  # the demand in nynorsk

    def demand_in(self, form: str) -> str:
        """The demand in the letter's written form (bokmål where nynorsk is missing is
        caught by the letters' spell check)."""
        return self.demand_nn if form == "nn" and self.demand_nn else self.demand


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


# Below this many home-office days a week on average, the work is sporadic and the
# regulation (forskrift om arbeid som utføres i arbeidstakers hjem § 1) does not apply.
# The same threshold as the assessment's (``rules.assessment.SPORADIC_BELOW_DAYS``).
SPORADIC_BELOW = 1.0


def regulation_scope(
    home_office_days_per_week: float | None, ordered_by_authorities: bool | None
) -> str | None:
    """Why the regulation's minimum does not (or not fully) bind this case, in Norwegian, or
    None when it applies as it stands: sporadic home work is outside the regulation (§ 1);
    home work ordered or recommended by the authorities may have written information in
    place of an agreement, drøftet with the representatives first (§ 2)."""
    if home_office_days_per_week is not None and home_office_days_per_week < SPORADIC_BELOW:
        days = f"{home_office_days_per_week:g}".replace(".", ",")
        return (
            f"Forskriften om hjemmearbeid gjelder ikke: hjemmearbeidet er sporadisk (i snitt "
            f"{days} dager i uka, under én), jf. forskriften § 1. Punktene under er ikke krav "
            "etter forskriften, men kan brukes i forhandlingene."
        )
    if ordered_by_authorities:
        return (
            "Hjemmearbeidet følger av pålegg eller anbefaling fra myndighetene: da kan "
            "skriftlig informasjon erstatte avtalen (forskriften § 2), men arbeidsgiver må "
            "drøfte informasjonen med de tillitsvalgte før den gis. Punktene under viser hva "
            "informasjonen bør dekke."
        )
    return None
