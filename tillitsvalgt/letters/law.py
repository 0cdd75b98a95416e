"""What the law itself sets, in a letter: who must take part in planning (verneombud, AMU,
each only where the employer must or does have one), what a rebuild that needs a building
permit requires, and whether the agreement cited still runs past its period.

Small pieces the letter context calls; pure, like the rest of ``letters``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from tillitsvalgt.rules.agreements import prolongation
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.rules.types import AppliedProvision, Catalogue, Provision

Pair = tuple[AppliedProvision, Provision]
BUILDING_PERMIT_KEY = "aml:18-9"
_VERNEOMBUD = "aml:6-2"
_AMU = "aml:7-2"
ENVIRONMENT_KEYS = frozenset({_VERNEOMBUD, _AMU, BUILDING_PERMIT_KEY})
"""Provisions the letters word by the employer's size and the permit, not by an argument."""


def _bodies(applied: Sequence[AppliedProvision]) -> str:
    """«Verneombudet og arbeidsmiljøutvalget», with «der det er …» where the employer's size
    does not make the body certain, and without AMU where it does not apply at all."""
    by_key = {a.key: a for a in applied}
    verneombud = by_key.get(_VERNEOMBUD)
    amu = by_key.get(_AMU)
    vo = "verneombudet"
    if verneombud is not None and verneombud.where_exists:
        vo = "verneombudet, der virksomheten har verneombud"
    if amu is None:
        return vo
    if amu.where_exists:
        return f"{vo}, og arbeidsmiljøutvalget der det er AMU"
    if verneombud is not None and verneombud.where_exists:
        return f"{vo}, og arbeidsmiljøutvalget"
    return f"{vo} og arbeidsmiljøutvalget"


def environment_sentences(
    environment: Sequence[Pair],
    applied: Sequence[AppliedProvision],
    groups: Callable[[Sequence[Pair]], str],
) -> list[str]:
    """The sentences on verneombud and AMU (aml §§ 6-2, 7-2 and the like) and, where the
    rebuild needs a building permit, on Arbeidstilsynet's consent (§ 18-9)."""
    permit = [x for x in environment if x[1].key == BUILDING_PERMIT_KEY]
    rest = [x for x in environment if x[1].key != BUILDING_PERMIT_KEY]
    bodies = _bodies(applied)
    out: list[str] = []
    if rest:
        text = f"{bodies[:1].upper()}{bodies[1:]}"
        comma = "," if "der " in bodies else ""
        out.append(f"{text}{comma} skal være med når endringen planlegges, jf. {groups(rest)}.")
    if permit:
        comma = "," if "der " in bodies else ""
        out.append(
            "Ombyggingen er søknadspliktig etter plan- og bygningsloven og krever derfor "
            "Arbeidstilsynets samtykke før arbeidet starter. Søknaden skal dokumentere at "
            f"{bodies}{comma} har medvirket, jf. {_join(a.citation for a, _ in permit)}."
        )
    return out


def _join(items: Iterable[str]) -> str:
    # The reason is the sentence itself here, so only the citation follows «jf.».
    words = list(dict.fromkeys(items))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def building_permit_demand(cited: Sequence[AppliedProvision], *, asked: bool = False) -> str | None:
    """The demand a letter adds where the rebuild needs a building permit; ``asked``: the
    item a demand for information lists instead."""
    if not any(a.key == BUILDING_PERMIT_KEY for a in cited):
        return None
    amu = next((a for a in cited if a.key == _AMU), None)
    who = "verneombudet"
    if amu is not None:
        who += " og arbeidsmiljøutvalget" + (" (der det er AMU)" if amu.where_exists else "")
    if asked:
        return (
            "søknaden om Arbeidstilsynets samtykke til ombyggingen, med dokumentasjonen av at "
            f"{who} har medvirket"
        )
    return (
        f"at {who} tas med i arbeidet med søknaden om Arbeidstilsynets samtykke, og at vi får "
        "kopi av søknaden og samtykket før arbeidet starter"
    )


def agreement_sentence(
    catalogue: Catalogue, agreement: str, dated: date, cited: Sequence[AppliedProvision]
) -> str | None:
    """«Hovedavtalen i staten 2023–2025 gjelder fortsatt: …» where the letter cites an
    agreement past its period that the catalogue says runs on."""
    a = catalogue.agreements.get(agreement)
    if a is None:
        return None
    keys = {p.key for p in catalogue.provisions if p.agreement == agreement}
    if not any(c.key in keys for c in cited):
        return None
    sentence, _warning = prolongation(catalogue, agreement, dated)
    return sentence


def deadline_sentences(
    catalogue: Catalogue, applied: Sequence[AppliedProvision], kind: str, dated: date
) -> list[str]:
    """The time limit an agreement sets from this demand, as a date counted from the
    letter's own date: «Drøftingen eller forhandlingene skal være påbegynt senest 16. mars
    2026, 14 dager etter dette kravet, jf. Hovedavtalen i staten § 20.» (The deadline on
    the case counts from the day the letter is marked sent.)"""
    out: list[str] = []
    for a in applied:
        try:
            p = catalogue.provision(a.key)
        except KeyError:
            continue
        if p.deadline_days is None or kind not in p.deadline_letters or not p.deadline_title:
            continue
        due = dated + timedelta(days=p.deadline_days)
        title = p.deadline_title
        both = "Drøftingen eller forhandlingene"
        if title.startswith(both):
            # The letter demands one of the two: it names that one, not both.
            title = ("Forhandlingene" if kind == "krav_om_forhandling" else "Drøftingen") + title[
                len(both) :
            ]
        out.append(
            f"{title} senest {format_date(due)}, {p.deadline_days} dager etter "
            f"dette kravet, jf. {a.citation}."
        )
    return out
