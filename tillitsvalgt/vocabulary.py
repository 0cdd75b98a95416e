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
