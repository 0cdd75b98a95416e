"""The codes shared by bundles, the database and the rules, and their Norwegian labels.

Codes are what is stored and exchanged; labels are what a representative reads.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks a label for the window's translation file (``ui/i18n.py``); the core stays
    free of Qt, so this is the identity."""
    return text


CASE_TYPES: dict[str, str] = {
    "office_layout": QT_TR_NOOP("Kontorløsning (landskap, aktivitetsbasert, faste plasser)"),
    "space_allocation": QT_TR_NOOP("Lokaler og arealfordeling"),
    "home_office_policy": QT_TR_NOOP("Hjemmekontorordning"),
    "home_office_agreement": QT_TR_NOOP("Skriftlig hjemmekontoravtale"),
    "equipment_costs": QT_TR_NOOP("Utstyr og kostnader"),
    "availability": QT_TR_NOOP("Arbeidstid og tilgjengelighet"),
    "other": QT_TR_NOOP("Annet"),
}

# For narrow places such as a list column.
CASE_TYPES_SHORT: dict[str, str] = {
    "office_layout": QT_TR_NOOP("Kontorløsning"),
    "space_allocation": QT_TR_NOOP("Lokaler/areal"),
    "home_office_policy": QT_TR_NOOP("Hjemmekontor"),
    "home_office_agreement": QT_TR_NOOP("Hjemmekontoravtale"),
    "equipment_costs": QT_TR_NOOP("Utstyr/kostnader"),
    "availability": QT_TR_NOOP("Tilgjengelighet"),
    "other": QT_TR_NOOP("Annet"),
}

AGREEMENTS: dict[str, str] = {
    "staten": QT_TR_NOOP("Hovedavtalen i staten"),
    "ks": QT_TR_NOOP("Hovedavtalen KS"),
    "oslo-kommune": QT_TR_NOOP("Hovedavtalen Oslo kommune"),
    "spekter": QT_TR_NOOP("Hovedavtalen Spekter"),
    "lo-nho": QT_TR_NOOP("Hovedavtalen LO–NHO"),
    "ys-nho": QT_TR_NOOP("Hovedavtalen YS–NHO"),
    "virke-lo": QT_TR_NOOP("Hovedavtalen Virke–LO"),
    "virke-ys": QT_TR_NOOP("Hovedavtalen Virke–YS"),
    "finans-finansforbundet": QT_TR_NOOP("Hovedavtalen Finans Norge–Finansforbundet"),
    "finans-tekna": QT_TR_NOOP("Hovedavtalen Finans Norge–Tekna"),
    "none": QT_TR_NOOP("Ingen hovedavtale"),
}

# The union confederations (hovedorganisasjoner); "none" for a union outside all of them.
# A main agreement is made between an employer side and one or more of these (or one named
# union), so which version a letter cites depends on the sender's.
CONFEDERATIONS: dict[str, str] = {
    "lo": "LO",
    "ys": "YS",
    "unio": "Unio",
    "akademikerne": "Akademikerne",
    "none": QT_TR_NOOP("Ingen hovedorganisasjon"),
}

# Unions whose confederation is known from the facts the app is built on, so a profile that
# names one of them needs no more (Negotia became part of Delta on 5 Jan 2026; both YS).
KNOWN_UNIONS: dict[str, str] = {"delta": "ys", "negotia": "ys"}

SECTORS: dict[str, str] = {
    "privat": QT_TR_NOOP("Privat sektor"),
    "stat": QT_TR_NOOP("Staten"),
    "kommune": QT_TR_NOOP("Kommune og fylkeskommune"),
    "helse": QT_TR_NOOP("Helseforetak"),
    "annet": QT_TR_NOOP("Annet"),
}

EVENT_KINDS: dict[str, str] = {
    "notice": QT_TR_NOOP("Arbeidsgiver varslet"),
    "information_meeting": QT_TR_NOOP("Informasjonsmøte"),
    "consultation_meeting": QT_TR_NOOP("Drøftingsmøte"),
    "negotiation_meeting": QT_TR_NOOP("Forhandlingsmøte"),
    "letter_sent": QT_TR_NOOP("Brev sendt"),
    "letter_received": QT_TR_NOOP("Brev mottatt"),
    "protocol": QT_TR_NOOP("Protokoll/referat mottatt"),
    "amu": QT_TR_NOOP("Behandlet i AMU"),
    "verneombud": QT_TR_NOOP("Verneombud involvert"),
    "arbeidstilsynet": QT_TR_NOOP("Arbeidstilsynet involvert"),
    "building_consent": QT_TR_NOOP("Arbeidstilsynets samtykke til ombygging"),
    "note": QT_TR_NOOP("Notat"),
    "escalation": QT_TR_NOOP("Løftet videre"),
}

LETTER_KINDS: dict[str, str] = {
    "krav_om_drofting": QT_TR_NOOP("Krav om drøfting"),
    "krav_om_forhandling": QT_TR_NOOP("Krav om forhandling"),
    "krav_om_informasjon": QT_TR_NOOP("Krav om informasjon og dokumenter"),
    "krav_om_utsatt_iverksetting": QT_TR_NOOP("Krav om utsatt iverksetting"),
    "purring": QT_TR_NOOP("Purring"),
    "krav_om_hjemmekontoravtale": QT_TR_NOOP("Krav om skriftlig hjemmekontoravtale"),
    "protokolltilforsel": QT_TR_NOOP("Protokolltilførsel"),
    "saksoppsummering": QT_TR_NOOP("Saksoppsummering"),
    "protokoll": QT_TR_NOOP("Utkast til protokoll"),
}

# The written form a letter is in (issue 12): a default per employer and per profile.
LETTER_FORMS: dict[str, str] = {
    "nb": QT_TR_NOOP("Bokmål"),
    "nn": QT_TR_NOOP("Nynorsk"),
}

CASE_STATUSES: dict[str, str] = {"open": "Åpen", "closed": "Avsluttet"}

# ``DeadlineRead.state``: a deadline of a closed case lapsed with the close.
DEADLINE_STATES: dict[str, str] = {
    "open": QT_TR_NOOP("åpen"),
    "met": QT_TR_NOOP("overholdt"),
    "cancelled": QT_TR_NOOP("avlyst"),
    "lapsed": QT_TR_NOOP("falt bort (saken avsluttet)"),
}

OUTCOMES: dict[str, str] = {
    "agreement": QT_TR_NOOP("Enighet"),
    "partial_agreement": QT_TR_NOOP("Delvis enighet"),
    "disagreement": QT_TR_NOOP("Uenighet (protokollført)"),
    "withdrawn": QT_TR_NOOP("Arbeidsgiver trakk endringen"),
    "escalated": QT_TR_NOOP("Løftet videre (sentrale parter, Arbeidstilsynet, Arbeidsretten)"),
    "dropped": QT_TR_NOOP("Henlagt"),
}

# Where a case goes when the employer refuses at the local level: an agreement's duty is a
# matter between the parties (local, then central, then Arbeidsretten; in the state,
# tjenestetvistloven). The number orders them; the two last are alternatives.
ESCALATION_STAGES: dict[str, str] = {
    "local": QT_TR_NOOP("Brudd i lokale forhandlinger"),
    "central": QT_TR_NOOP("Sentrale parter"),
    "arbeidsretten": QT_TR_NOOP("Arbeidsretten"),
    "tjenestetvist": QT_TR_NOOP("Tvist etter tjenestetvistloven (staten)"),
}
ESCALATION_ORDER: dict[str, int] = {
    "local": 1,
    "central": 2,
    "arbeidsretten": 3,
    "tjenestetvist": 3,
}

ESCALATION_OUTCOMES: dict[str, str] = {
    "agreement": QT_TR_NOOP("Enighet"),
    "partial_agreement": QT_TR_NOOP("Delvis enighet"),
    "disagreement": QT_TR_NOOP("Uenighet (brudd)"),
    "settled": QT_TR_NOOP("Forlik"),
    "upheld": QT_TR_NOOP("Medhold"),
    "rejected": QT_TR_NOOP("Ikke medhold"),
    "withdrawn": QT_TR_NOOP("Arbeidsgiver trakk endringen"),
    "dropped": QT_TR_NOOP("Ikke ført videre"),
}

DIRECTIONS: dict[str, str] = {"inn": "Inngående", "ut": "Utgående", "internt": "Internt"}

DOCUMENT_KINDS: dict[str, str] = {**LETTER_KINDS, "vedlegg": "Vedlegg", "annet": "Annet"}

CHECKLIST_ANSWERS: dict[str, str] = {
    "met": QT_TR_NOOP("Oppfylt"),
    "not_met": QT_TR_NOOP("Ikke oppfylt"),
    "unknown": QT_TR_NOOP("Ukjent"),
}

LEVELS: dict[str, str] = {
    "informasjon": QT_TR_NOOP("Informasjon"),
    "drofting": QT_TR_NOOP("Drøfting"),
    "forhandling": QT_TR_NOOP("Forhandling"),
}

TIMINGS: dict[str, str] = {
    "in_time": QT_TR_NOOP("Drøftet før beslutning (i tide)"),
    "late_before_implementation": QT_TR_NOOP(
        "Drøftet etter beslutning, før iverksetting (for sent)"
    ),
    "late_after_implementation": QT_TR_NOOP("Drøftet etter iverksetting (alt for sent)"),
    "information_only": QT_TR_NOOP("Kun informert, aldri drøftet"),
    "not_held_decision_taken": QT_TR_NOOP("Ikke drøftet, beslutning tatt (brudd)"),
    "not_held_yet": QT_TR_NOOP("Ikke drøftet ennå, beslutning ikke tatt (handle nå)"),
    "unknown": QT_TR_NOOP("Kan ikke avgjøres (mangler dato)"),
}

DEMANDS: dict[str, str] = {
    "none": QT_TR_NOOP("Ingen krav sendt"),
    "awaiting_reply": QT_TR_NOOP("Krav sendt, venter på svar"),
    "overdue": QT_TR_NOOP("Krav sendt, svarfristen er oversittet"),
    "answered": QT_TR_NOOP("Krav besvart"),
}

DATE_FIELDS: dict[str, str] = {
    "notice_on": QT_TR_NOOP("dato for første varsel"),
    "decision_on": QT_TR_NOOP("beslutningsdato"),
    "planned_implementation_on": QT_TR_NOOP("planlagt iverksetting"),
    "implemented_on": QT_TR_NOOP("faktisk iverksetting"),
}

TIMINGS_SHORT: dict[str, str] = {
    "in_time": QT_TR_NOOP("I tide"),
    "late_before_implementation": QT_TR_NOOP("For sent"),
    "late_after_implementation": QT_TR_NOOP("Etter iverksetting"),
    "information_only": QT_TR_NOOP("Kun informert"),
    "not_held_decision_taken": QT_TR_NOOP("Brudd"),
    "not_held_yet": QT_TR_NOOP("Handle nå"),
    "unknown": QT_TR_NOOP("Mangler dato"),
}
