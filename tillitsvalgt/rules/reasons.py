"""Every sentence the assessment writes (its reasons, notes and evidence gaps), keyed by
phrase, per written form: bokmål (``REASONS["nb"]``) and nynorsk (``REASONS["nn"]``), with
the same keys, as ``tillitsvalgt/letters/phrases.py`` does for the letters. The assessment
says each reason in both forms, so the nynorsk case summary never borrows a bokmål sentence
(``tests/test_letter_situations.py`` spell-checks both)."""

from __future__ import annotations

from tillitsvalgt.plural import count

NB: dict[str, str] = {
    # ---- why a provision applies, or why it does not
    "bound": "virksomheten er bundet av {name}",
    "from_employees": "{citation} gjelder fra {limit} ansatte; antall ansatte er ikke "
    "registrert på virksomheten",
    "below_employees": "{citation} gjelder ikke: virksomheten har {employees}, under {limit}",
    "has_employees": "virksomheten har {employees} (grensen er {limit})",
    "employees_unknown": "antall ansatte er ikke registrert",
    "has_fewer": "virksomheten har {employees}, under {limit}",
    "where_set_up": "{size}, så plikten gjelder der ordningen er opprettet – sjekk om "
    "virksomheten har den",
    "source_note": "{source}: {why}",
    "everyone": "den gjelder alle virksomheter ved denne typen endring",
    # ---- the conditions
    "home_days_unknown": "antall hjemmekontordager er ikke oppgitt; forskriften gjelder hvis "
    "hjemmearbeidet er jevnlig (i snitt minst én dag i uka) – sjekk dette",
    "days_unknown": "ukjent antall dager",
    "home_regular": "hjemmearbeidet er jevnlig: i snitt {days} i uka",
    "home_sporadic": "hjemmearbeidet er sporadisk (i snitt {days} i uka, under én), så "
    "forskriften gjelder ikke",
    "authorities": "hjemmearbeidet følger av pålegg eller anbefaling fra myndighetene",
    "permit": "ombyggingen er søknadspliktig etter plan- og bygningsloven",
    "permit_unknown": "det er ikke registrert om ombyggingen er søknadspliktig etter plan- og "
    "bygningsloven; er den det, kreves Arbeidstilsynets samtykke før arbeidet starter – "
    "registrer det på saken",
    # ---- the level
    "level": "Saken krever {level}, jf. {citation}.",
    "level_none": "Ingen bestemmelse i katalogen krever mer enn informasjon for denne saken.",
    # ---- the timing
    "timing.unknown": "Første {meeting} var {on}, men beslutningsdatoen er ikke registrert, så "
    "det kan ikke avgjøres om det skjedde før beslutningen. Registrer beslutningsdatoen.",
    "timing.in_time": "Første {meeting} var {on}, før beslutningen {decision}.",
    "timing.late_after": "Første {meeting} var {on}, etter beslutningen {decision} og etter "
    "iverksettingen {implementation}.",
    "timing.before_implementation": ", men før iverksettingen {implementation}",
    "timing.late_before": "Første {meeting} var {on}, etter beslutningen {decision}{until}. "
    "Drøfting etter at beslutningen er tatt, er ikke drøfting i tide.",
    "timing.lower_only": "Det var drøftingsmøte {on}, men saken krever forhandling, og det er "
    "ikke registrert noe forhandlingsmøte før beslutningen{when}.",
    "timing.information_only": "Arbeidsgiver informerte {on}, men det er ikke registrert noe "
    "{meeting} før beslutningen{when}. Informasjon er ikke {level}.",
    "timing.decided_without": "Beslutningen er tatt{when} uten at det er registrert noe {meeting}.",
    "timing.pending": "Beslutningsdatoen er ikke registrert; iverksetting er planlagt {planned}. ",
    "timing.not_yet": "{pending}Det er ikke registrert noe {meeting}, og beslutningen er ikke "
    "tatt ennå: krev {level} nå, før beslutningen.",
    # ---- the demand
    "demand.answered": "Kravet sendt {sent} er besvart {answered}.",
    "demand.overdue": "Kravet sendt {sent} hadde svarfrist {due}, og det er ikke registrert "
    "noe svar: fristen er oversittet.",
    "demand.reply_by": " (svarfrist {due})",
    "demand.waiting": "Kravet sendt {sent} venter på svar{until}.",
    # ---- the evidence
    "gap.no_protocol": "Det er ikke registrert protokoll eller referat fra møtet.",
    "gap.unsigned": "Protokollen er ikke signert av begge parter.",
    "gap.signed_unknown": "Det er ikke registrert om protokollen er signert av begge parter.",
    "gap.verneombud": "Verneombudet er ikke registrert som involvert, selv om endringen "
    "berører arbeidsmiljøet{there}.",
    "gap.where_verneombud": " (der det er verneombud)",
    "gap.amu": "Arbeidsmiljøutvalget (AMU) er ikke registrert som involvert{there}.",
    "gap.where_amu": " (der det er AMU)",
    "gap.no_consent": "Arbeidstilsynets samtykke til ombyggingen er ikke registrert; arbeidet "
    "kan ikke starte før det foreligger (arbeidsmiljøloven § 18-9).",
    "gap.late_consent": "Arbeidstilsynets samtykke er registrert {consent}, etter at endringen "
    "ble iverksatt {implemented}; samtykket skal foreligge før arbeidet starter.",
    "gap.before_consent": " før samtykket {consent}",
    "gap.verneombud_consent": "Det er ikke dokumentert at verneombudet medvirket i søknaden "
    "om samtykke{until}.",
    "gap.amu_consent": "Det er ikke dokumentert at AMU medvirket i søknaden om "
    "samtykke{until}{there}.",
}

NN: dict[str, str] = {
    "bound": "verksemda er bunden av {name}",
    "from_employees": "{citation} gjeld frå {limit} tilsette; talet på tilsette er ikkje "
    "registrert på verksemda",
    "below_employees": "{citation} gjeld ikkje: verksemda har {employees}, under {limit}",
    "has_employees": "verksemda har {employees} (grensa er {limit})",
    "employees_unknown": "talet på tilsette er ikkje registrert",
    "has_fewer": "verksemda har {employees}, under {limit}",
    "where_set_up": "{size}, så plikta gjeld der ordninga er oppretta – sjekk om verksemda har ho",
    "source_note": "{source}: {why}",
    "everyone": "ho gjeld alle verksemder ved denne typen endring",
    "home_days_unknown": "talet på heimekontordagar er ikkje oppgitt; forskrifta gjeld viss "
    "heimearbeidet er jamleg (i snitt minst éin dag i veka) – sjekk dette",
    "days_unknown": "ukjent tal på dagar",
    "home_regular": "heimearbeidet er jamleg: i snitt {days} i veka",
    "home_sporadic": "heimearbeidet er sporadisk (i snitt {days} i veka, under éin), så "
    "forskrifta gjeld ikkje",
    "authorities": "heimearbeidet følgjer av pålegg eller tilråding frå styresmaktene",
    "permit": "ombygginga er søknadspliktig etter plan- og bygningslova",
    "permit_unknown": "det er ikkje registrert om ombygginga er søknadspliktig etter plan- og "
    "bygningslova; er ho det, krevst samtykke frå Arbeidstilsynet før arbeidet tek til – "
    "registrer det på saka",
    "level": "Saka krev {level}, jf. {citation}.",
    "level_none": "Inga føresegn i katalogen krev meir enn informasjon for denne saka.",
    "timing.unknown": "Første {meeting} var {on}, men det er ikkje registrert når avgjerda "
    "vart teken, så det kan ikkje avgjerast om det skjedde før avgjerda. Registrer dagen for "
    "avgjerda.",
    "timing.in_time": "Første {meeting} var {on}, før avgjerda {decision}.",
    "timing.late_after": "Første {meeting} var {on}, etter avgjerda {decision} og etter "
    "iverksetjinga {implementation}.",
    "timing.before_implementation": ", men før iverksetjinga {implementation}",
    "timing.late_before": "Første {meeting} var {on}, etter avgjerda {decision}{until}. "
    "Drøfting etter at avgjerda er teken, er ikkje drøfting i tide.",
    "timing.lower_only": "Det var drøftingsmøte {on}, men saka krev forhandling, og det er "
    "ikkje registrert noko forhandlingsmøte før avgjerda{when}.",
    "timing.information_only": "Arbeidsgjevaren informerte {on}, men det er ikkje registrert "
    "noko {meeting} før avgjerda{when}. Informasjon er ikkje {level}.",
    "timing.decided_without": "Avgjerda er teken{when} utan at det er registrert noko {meeting}.",
    "timing.pending": "Det er ikkje registrert når avgjerda vart teken; iverksetjinga er "
    "planlagd {planned}. ",
    "timing.not_yet": "{pending}Det er ikkje registrert noko {meeting}, og avgjerda er ikkje "
    "teken enno: krev {level} no, før avgjerda.",
    "demand.answered": "Kravet sendt {sent} er svart på {answered}.",
    "demand.overdue": "Kravet sendt {sent} hadde svarfrist {due}, og det er ikkje registrert "
    "noko svar: fristen er ute.",
    "demand.reply_by": " (svarfrist {due})",
    "demand.waiting": "Kravet sendt {sent} ventar på svar{until}.",
    "gap.no_protocol": "Det er ikkje registrert protokoll eller referat frå møtet.",
    "gap.unsigned": "Protokollen er ikkje signert av begge partar.",
    "gap.signed_unknown": "Det er ikkje registrert om protokollen er signert av begge partar.",
    "gap.verneombud": "Verneombodet er ikkje registrert som involvert, sjølv om endringa rører "
    "ved arbeidsmiljøet{there}.",
    "gap.where_verneombud": " (der det er verneombod)",
    "gap.amu": "Arbeidsmiljøutvalet (AMU) er ikkje registrert som involvert{there}.",
    "gap.where_amu": " (der det er AMU)",
    "gap.no_consent": "Samtykket frå Arbeidstilsynet til ombygginga er ikkje registrert; "
    "arbeidet kan ikkje ta til før det ligg føre (arbeidsmiljølova § 18-9).",
    "gap.late_consent": "Samtykket frå Arbeidstilsynet er registrert {consent}, etter at "
    "endringa vart sett i verk {implemented}; samtykket skal liggje føre før arbeidet tek til.",
    "gap.before_consent": " før samtykket {consent}",
    "gap.verneombud_consent": "Det er ikkje dokumentert at verneombodet medverka i søknaden "
    "om samtykke{until}.",
    "gap.amu_consent": "Det er ikkje dokumentert at AMU medverka i søknaden om "
    "samtykke{until}{there}.",
}

REASONS: dict[str, dict[str, str]] = {"nb": NB, "nn": NN}
# The assessment says everything in both forms, bokmål first.
REASON_FORMS = ("nb", "nn")

# The counted words: «1 ansatt», «3 ansatte» / «1 tilsett», «3 tilsette».
_WORDS = {
    "nb": {"employee": ("ansatt", "ansatte"), "day": ("dag", "dager")},
    "nn": {"employee": ("tilsett", "tilsette"), "day": ("dag", "dagar")},
}


def reason(form: str, key: str, **facts: object) -> str:
    return REASONS[form][key].format(**facts)


def counted(form: str, n: float, what: str) -> str:
    one, many = _WORDS[form][what]
    return count(n, one, many)


def agreement_name(form: str, name: str) -> str:
    """An agreement's name as the form writes it («Hovudavtalen i staten»)."""
    return name.replace("Hovedavtalen", "Hovudavtalen") if form == "nn" else name
