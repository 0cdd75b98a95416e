"""The shared codes (see ../shared/scenarios/README.md) and their Norwegian labels.

Codes are what is stored and exchanged; labels are what a representative reads.
"""

from __future__ import annotations

CASE_TYPES: dict[str, str] = {
    "office_layout": "Kontorløsning (landskap, aktivitetsbasert, faste plasser)",
    "space_allocation": "Lokaler og arealfordeling",
    "home_office_policy": "Hjemmekontorordning",
    "home_office_agreement": "Skriftlig hjemmekontoravtale",
    "equipment_costs": "Utstyr og kostnader",
    "availability": "Arbeidstid og tilgjengelighet",
    "other": "Annet",
}

# For narrow places such as a list column.
CASE_TYPES_SHORT: dict[str, str] = {
    "office_layout": "Kontorløsning",
    "space_allocation": "Lokaler/areal",
    "home_office_policy": "Hjemmekontor",
    "home_office_agreement": "Hjemmekontoravtale",
    "equipment_costs": "Utstyr/kostnader",
    "availability": "Tilgjengelighet",
    "other": "Annet",
}

AGREEMENTS: dict[str, str] = {
    "staten": "Hovedavtalen i staten",
    "ks": "Hovedavtalen KS",
    "oslo-kommune": "Hovedavtalen Oslo kommune",
    "spekter": "Hovedavtalen Spekter",
    "lo-nho": "Hovedavtalen LO–NHO",
    "ys-nho": "Hovedavtalen YS–NHO",
    "virke-lo": "Hovedavtalen Virke–LO",
    "virke-ys": "Hovedavtalen Virke–YS",
    "finans-finansforbundet": "Hovedavtalen Finans Norge–Finansforbundet",
    "finans-tekna": "Hovedavtalen Finans Norge–Tekna",
    "none": "Ingen hovedavtale",
}

SECTORS: dict[str, str] = {
    "privat": "Privat sektor",
    "stat": "Staten",
    "kommune": "Kommune og fylkeskommune",
    "helse": "Helseforetak",
    "annet": "Annet",
}

EVENT_KINDS: dict[str, str] = {
    "notice": "Arbeidsgiver varslet",
    "information_meeting": "Informasjonsmøte",
    "consultation_meeting": "Drøftingsmøte",
    "negotiation_meeting": "Forhandlingsmøte",
    "letter_sent": "Brev sendt",
    "letter_received": "Brev mottatt",
    "protocol": "Protokoll/referat mottatt",
    "amu": "Behandlet i AMU",
    "verneombud": "Verneombud involvert",
    "arbeidstilsynet": "Arbeidstilsynet involvert",
    "note": "Notat",
}

LETTER_KINDS: dict[str, str] = {
    "krav_om_drofting": "Krav om drøfting",
    "krav_om_forhandling": "Krav om forhandling",
    "krav_om_informasjon": "Krav om informasjon og dokumenter",
    "krav_om_utsatt_iverksetting": "Krav om utsatt iverksetting",
    "purring": "Purring",
    "krav_om_hjemmekontoravtale": "Krav om skriftlig hjemmekontoravtale",
    "protokolltilforsel": "Protokolltilførsel",
    "saksoppsummering": "Saksoppsummering",
    "protokoll": "Utkast til protokoll",
}

CASE_STATUSES: dict[str, str] = {"open": "Åpen", "closed": "Avsluttet"}

OUTCOMES: dict[str, str] = {
    "agreement": "Enighet",
    "partial_agreement": "Delvis enighet",
    "disagreement": "Uenighet (protokollført)",
    "withdrawn": "Arbeidsgiver trakk endringen",
    "escalated": "Løftet videre (sentrale parter, Arbeidstilsynet, Arbeidsretten)",
    "dropped": "Henlagt",
}

DIRECTIONS: dict[str, str] = {"inn": "Inngående", "ut": "Utgående", "internt": "Internt"}

DOCUMENT_KINDS: dict[str, str] = {**LETTER_KINDS, "vedlegg": "Vedlegg", "annet": "Annet"}

CHECKLIST_ANSWERS: dict[str, str] = {
    "met": "Oppfylt",
    "not_met": "Ikke oppfylt",
    "unknown": "Ukjent",
}

LEVELS: dict[str, str] = {
    "informasjon": "Informasjon",
    "drofting": "Drøfting",
    "forhandling": "Forhandling",
}

TIMINGS: dict[str, str] = {
    "in_time": "Drøftet før beslutning (i tide)",
    "late_before_implementation": "Drøftet etter beslutning, før iverksetting (for sent)",
    "late_after_implementation": "Drøftet etter iverksetting (alt for sent)",
    "information_only": "Kun informert, aldri drøftet",
    "not_held_decision_taken": "Ikke drøftet, beslutning tatt (brudd)",
    "not_held_yet": "Ikke drøftet ennå, beslutning ikke tatt (handle nå)",
    "unknown": "Kan ikke avgjøres (mangler dato)",
}

DEMANDS: dict[str, str] = {
    "none": "Ingen krav sendt",
    "awaiting_reply": "Krav sendt, venter på svar",
    "overdue": "Krav sendt, svarfristen er oversittet",
    "answered": "Krav besvart",
}

DATE_FIELDS: dict[str, str] = {
    "notice_on": "dato for første varsel",
    "decision_on": "beslutningsdato",
    "planned_implementation_on": "planlagt iverksetting",
    "implemented_on": "faktisk iverksetting",
}

TIMINGS_SHORT: dict[str, str] = {
    "in_time": "I tide",
    "late_before_implementation": "For sent",
    "late_after_implementation": "Etter iverksetting",
    "information_only": "Kun informert",
    "not_held_decision_taken": "Brudd",
    "not_held_yet": "Handle nå",
    "unknown": "Mangler dato",
}
