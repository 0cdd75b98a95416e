"""What the law itself sets, in a letter: who must take part in planning (verneombud, AMU,
each only where the employer must or does have one), what a rebuild that needs a building
permit requires, and whether the agreement cited still runs past its period.

Small pieces the letter context calls; pure, like the rest of ``letters``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from tillitsvalgt.letters.phrases import Phrases
from tillitsvalgt.rules.agreements import prolongation
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.rules.types import AppliedProvision, Catalogue, Provision

Pair = tuple[AppliedProvision, Provision]
BUILDING_PERMIT_KEY = "aml:18-9"
_VERNEOMBUD = "aml:6-2"
_AMU = "aml:7-2"
ENVIRONMENT_KEYS = frozenset({_VERNEOMBUD, _AMU, BUILDING_PERMIT_KEY})
"""Provisions the letters word by the employer's size and the permit, not by an argument."""


def _bodies(applied: Sequence[AppliedProvision], form: str = "nb") -> str:
    """«Verneombudet og arbeidsmiljøutvalget», with «der det er …» where the employer's size
    does not make the body certain, and without AMU where it does not apply at all."""
    by_key = {a.key: a for a in applied}
    verneombud = by_key.get(_VERNEOMBUD)
    amu = by_key.get(_AMU)
    w = _WORDS[form]
    vo = w["vo"]
    if verneombud is not None and verneombud.where_exists:
        vo = w["vo_where"]
    if amu is None:
        return vo
    if amu.where_exists:
        return f"{vo}, {w['and']} {w['amu_where']}"
    if verneombud is not None and verneombud.where_exists:
        return f"{vo}, {w['and']} {w['amu']}"
    return f"{vo} {w['and']} {w['amu']}"


# The words of this module per written form (bokmål, nynorsk).
_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "vo": "verneombudet",
        "vo_where": "verneombudet, der virksomheten har verneombud",
        "amu": "arbeidsmiljøutvalget",
        "amu_where": "arbeidsmiljøutvalget der det er AMU",
        "amu_where_paren": " (der det er AMU)",
        "and": "og",
        "plan": "{bodies}{comma} skal være med når endringen planlegges, jf. {cited}.",
        "permit": "Ombyggingen er søknadspliktig etter plan- og bygningsloven og krever derfor "
        "Arbeidstilsynets samtykke før arbeidet starter. Søknaden skal dokumentere at "
        "{bodies}{comma} har medvirket, jf. {cited}.",
        "permit.asked": "søknaden om Arbeidstilsynets samtykke til ombyggingen, med "
        "dokumentasjonen av at {who} har medvirket",
        "permit.demand": "at {who} tas med i arbeidet med søknaden om Arbeidstilsynets "
        "samtykke, og at vi får kopi av søknaden og samtykket før arbeidet starter",
        "runs_on": "{name} {version} gjelder fortsatt: avtalen {prolonged}{basis}.",
        "deadline": "{title} senest {due}, {days} dager etter dette kravet, jf. {cited}.",
        "both": "Drøftingen eller forhandlingene",
        "forhandling": "Forhandlingene",
        "drofting": "Drøftingen",
    },
    "nn": {
        "vo": "verneombodet",
        "vo_where": "verneombodet, der verksemda har verneombod",
        "amu": "arbeidsmiljøutvalet",
        "amu_where": "arbeidsmiljøutvalet der det er AMU",
        "amu_where_paren": " (der det er AMU)",
        "and": "og",
        "plan": "{bodies}{comma} skal vere med når endringa blir planlagd, jf. {cited}.",
        "permit": "Ombygginga er søknadspliktig etter plan- og bygningslova og krev difor "
        "samtykke frå Arbeidstilsynet før arbeidet tek til. Søknaden skal dokumentere at "
        "{bodies}{comma} har medverka, jf. {cited}.",
        "permit.asked": "søknaden om samtykke frå Arbeidstilsynet til ombygginga, med "
        "dokumentasjonen av at {who} har medverka",
        "permit.demand": "at {who} får vere med i arbeidet med søknaden om samtykke frå "
        "Arbeidstilsynet, og at vi får kopi av søknaden og samtykket før arbeidet tek til",
        "runs_on": "{name} {version} gjeld framleis: avtalen {prolonged}{basis}.",
        "deadline": "{title} seinast {due}, {days} dagar etter dette kravet, jf. {cited}.",
        "both": "Drøftinga eller forhandlingane",
        "forhandling": "Forhandlingane",
        "drofting": "Drøftinga",
    },
}


def _name(text: str, form: str) -> str:
    return Phrases(form).name(text)


def environment_sentences(
    environment: Sequence[Pair],
    applied: Sequence[AppliedProvision],
    groups: Callable[[Sequence[Pair]], str],
    form: str = "nb",
) -> list[str]:
    """The sentences on verneombud and AMU (aml §§ 6-2, 7-2 and the like) and, where the
    rebuild needs a building permit, on Arbeidstilsynet's consent (§ 18-9)."""
    permit = [x for x in environment if x[1].key == BUILDING_PERMIT_KEY]
    rest = [x for x in environment if x[1].key != BUILDING_PERMIT_KEY]
    bodies = _bodies(applied, form)
    w = _WORDS[form]
    out: list[str] = []
    comma = "," if "der " in bodies else ""
    if rest:
        text = f"{bodies[:1].upper()}{bodies[1:]}"
        out.append(w["plan"].format(bodies=text, comma=comma, cited=groups(rest)))
    if permit:
        cited = _join((_name(a.citation, form) for a, _ in permit), w["and"])
        out.append(w["permit"].format(bodies=bodies, comma=comma, cited=cited))
    return out


def _join(items: Iterable[str], and_word: str = "og") -> str:
    # The reason is the sentence itself here, so only the citation follows «jf.».
    words = list(dict.fromkeys(items))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {and_word} " + words[-1]


def building_permit_demand(
    cited: Sequence[AppliedProvision], *, asked: bool = False, form: str = "nb"
) -> str | None:
    """The demand a letter adds where the rebuild needs a building permit; ``asked``: the
    item a demand for information lists instead."""
    if not any(a.key == BUILDING_PERMIT_KEY for a in cited):
        return None
    amu = next((a for a in cited if a.key == _AMU), None)
    w = _WORDS[form]
    who = w["vo"]
    if amu is not None:
        who += f" {w['and']} {w['amu']}" + (w["amu_where_paren"] if amu.where_exists else "")
    return w["permit.asked" if asked else "permit.demand"].format(who=who)


def agreement_sentence(
    catalogue: Catalogue,
    agreement: str,
    dated: date,
    cited: Sequence[AppliedProvision],
    form: str = "nb",
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
    if sentence is None or form == "nb":
        return sentence
    if not a.prolonged_nn:
        return None  # the catalogue has no nynorsk text: said to the user, not half in bokmål
    basis = sentence.rsplit(", jf. ", 1)[1].rstrip(".") if ", jf. " in sentence else ""
    return _WORDS["nn"]["runs_on"].format(
        name=_name(a.name, form),
        version=a.version,
        prolonged=a.prolonged_nn,
        basis=f", jf. {basis}" if basis else "",
    )


def deadline_sentences(
    catalogue: Catalogue,
    applied: Sequence[AppliedProvision],
    kind: str,
    dated: date,
    form: str = "nb",
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
        w = _WORDS[form]
        title = p.deadline_title if form == "nb" else p.deadline_title_nn
        if not title:
            continue  # no nynorsk title in the catalogue: the case's deadline still follows
        both = w["both"]
        if title.startswith(both):
            # The letter demands one of the two: it names that one, not both.
            one = w["forhandling" if kind == "krav_om_forhandling" else "drofting"]
            title = one + title[len(both) :]
        out.append(
            w["deadline"].format(
                title=title,
                due=format_date(due),
                days=p.deadline_days,
                cited=_name(a.citation, form),
            )
        )
    return out
