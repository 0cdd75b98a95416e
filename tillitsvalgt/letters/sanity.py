"""Does this letter make sense on this day? One pure rule for the command line and the
letter dialog alike: a letter that would contradict the facts is refused with the reason
and what to send instead; one that is legal but doubtful is written with a warning.

Refused: postponing a change that was implemented; a home-office agreement where the
regulation does not apply (sporadic home work) or where the authorities' exception lets
written information replace it; a protocol note with no meeting on the timeline; a demand
to negotiate where no provision gives a right to negotiate; a new drøftingsmøte after one
held in time, without a word on why.
Warned: a protocol note long after the meeting; a kind the assessment did not suggest (with
why); a reply deadline on 24 or 31 December (with the next working day offered)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tillitsvalgt.errors import StateError
from tillitsvalgt.letters.situation import Situation, situation
from tillitsvalgt.rules.assessment import DEMAND_FOR_LEVEL, SPORADIC_BELOW_DAYS
from tillitsvalgt.rules.deadlines import format_date, next_working_day, reply_deadline
from tillitsvalgt.rules.types import LEVEL_LABELS, Assessment, Catalogue
from tillitsvalgt.shapes import CaseRead, EventRead
from tillitsvalgt.vocabulary import LETTER_KINDS

# A protocol note belongs in the meeting or just after it; later, the protocol is signed.
PROTOCOL_NOTE_DAYS = 14
# Offices closed in practice though not public holidays.
CLOSED_DAYS = {(12, 24): "julaften", (12, 31): "nyttårsaften"}
_INTERNAL = frozenset({"saksoppsummering", "protokoll"})
_WAITING = frozenset({"awaiting_reply", "overdue"})


@dataclass(frozen=True)
class LetterCheck:
    refused: bool
    message: str
    instead: str | None = None  # the letter kind to write instead
    reply_days: int | None = None  # reply days that avoid a closed day


class LetterRefusedError(StateError):
    """A letter that would contradict the facts; nothing is written or journaled.
    ``instead`` is the kind to write instead, where there is one."""

    def __init__(self, message: str, instead: str | None = None) -> None:
        super().__init__(message)
        self.instead = instead


def _label(kind: str) -> str:
    return LETTER_KINDS.get(kind, kind)


def _meeting_name(kind: str) -> str:
    return {
        "information_meeting": "informasjonsmøtet",
        "consultation_meeting": "drøftingsmøtet",
        "negotiation_meeting": "forhandlingsmøtet",
    }[kind]


def _months(days: int) -> str:
    months = round(days / 30.4)
    if months < 2:
        return ""
    return f", om lag {months} måneder"


def closed_day(dated: date, reply_days: int) -> LetterCheck | None:
    """A reply deadline on 24 or 31 December: legal, but many offices are closed."""
    due = reply_deadline(dated, reply_days)
    name = CLOSED_DAYS.get((due.month, due.day))
    if name is None:
        return None
    later = next_working_day(date.fromordinal(due.toordinal() + 1))
    days = (later - dated).days
    return LetterCheck(
        False,
        f"Svarfristen {format_date(due)} er {name}. Det er lovlig, men mange kontorer er "
        f"stengt den dagen. Vurder {format_date(later)}, første virkedag etter "
        f"({days} dager svarfrist).",
        reply_days=days,
    )


def _why_not_suggested(kind: str, a: Assessment, s: Situation) -> str:
    required = LEVEL_LABELS[a.required_level]
    why = {
        "krav_om_drofting": f"saken krever {required}, og vurderingen ser ikke behov for et "
        "nytt krav om drøfting nå",
        "krav_om_forhandling": f"saken krever {required}, ikke forhandling",
        "krav_om_informasjon": "det foreslås når beslutningstidspunktet er ukjent, eller når "
        "saken bare krever informasjon",
        "krav_om_utsatt_iverksetting": "det foreslås bare når beslutningen er tatt uten "
        f"{required}, og endringen ikke er iverksatt ennå",
        "krav_om_hjemmekontoravtale": "det foreslås bare når hjemmearbeidet er jevnlig og "
        "det ikke finnes skriftlige avtaler",
        "protokolltilforsel": "det foreslås bare når møtet kom etter beslutningen",
        "purring": "det foreslås bare når svarfristen for et krav er oversittet uten svar",
    }.get(kind, "")
    if a.demand in _WAITING and kind == DEMAND_FOR_LEVEL.get(a.required_level):
        why = "det samme kravet er sendt og venter på svar"
    timing = a.reasons[1] if len(a.reasons) > 1 else ""
    suggested = "; ".join(f"{_label(x.kind)} ({x.reason})" for x in a.next_letters)
    text = f"«{_label(kind)}» er ikke blant brevene vurderingen foreslår: {why}."
    if timing:
        text += f" {timing}"
    text += f" Foreslått nå: {suggested}." if suggested else " Vurderingen foreslår ingen brev nå."
    return text


def check_letter(
    kind: str,
    *,
    case: CaseRead,
    events: Sequence[EventRead],
    assessment: Assessment,
    catalogue: Catalogue,
    dated: date,
    reply_days: int | None,
    extra_text: str | None,
) -> list[LetterCheck]:
    """Every refusal and warning for writing ``kind`` on ``dated``, refusals first."""
    s = situation(kind, case, events, assessment.required_level, dated)
    a = assessment
    out: list[LetterCheck] = []
    demand = DEMAND_FOR_LEVEL[a.required_level]
    noun = LEVEL_LABELS[a.required_level]
    applied = {p.key for p in a.provisions}

    if kind == "krav_om_utsatt_iverksetting":
        if s.implemented_on is not None:
            out.append(
                LetterCheck(
                    True,
                    f"Endringen ble iverksatt {format_date(s.implemented_on)}: det er for sent å "
                    f"kreve utsatt iverksetting. Skriv «{_label(demand)}» i stedet; det krever "
                    f"{noun} nå, også om justering eller reversering av endringen.",
                    instead=demand,
                )
            )
        elif s.plan_passed:
            assert s.planned_on is not None
            out.append(
                LetterCheck(
                    False,
                    f"Endringen skulle etter planen iverksettes {format_date(s.planned_on)}. Er "
                    "den iverksatt, registrer datoen i saken og skriv "
                    f"«{_label(demand)}» i stedet.",
                    instead=demand,
                )
            )
    if kind == "krav_om_hjemmekontoravtale":
        days = case.home_office_days_per_week
        if case.ordered_by_authorities:
            out.append(
                LetterCheck(
                    True,
                    "Hjemmearbeidet følger av pålegg eller anbefaling fra myndighetene. Da kan "
                    "arbeidsgiver gi skriftlig informasjon i stedet for avtaler, men "
                    "informasjonen skal drøftes med de tillitsvalgte før den gis "
                    "(hjemmekontorforskriften § 2). Skriv «Krav om drøfting» av den "
                    "skriftlige informasjonen i stedet.",
                    instead="krav_om_drofting",
                )
            )
        elif days is not None and days < SPORADIC_BELOW_DAYS:
            shown = f"{days:g}".replace(".", ",")
            out.append(
                LetterCheck(
                    True,
                    f"Hjemmearbeidet er sporadisk (i snitt {shown} dager i uka, under én). "
                    "Hjemmekontorforskriften gjelder ikke da (§ 1), og arbeidsgiver har "
                    "ingen plikt til skriftlige hjemmekontoravtaler. Skriv «Krav om "
                    "drøfting» av retningslinjene i stedet.",
                    instead="krav_om_drofting",
                )
            )
        elif "hjemmekontorforskriften:2" not in applied:
            out.append(
                LetterCheck(
                    True,
                    "Hjemmekontorforskriften gjelder ikke denne saken etter rettskatalogen, så "
                    "det er ingen plikt til skriftlige hjemmekontoravtaler å vise til.",
                    instead=demand,
                )
            )
        elif days is None:
            out.append(
                LetterCheck(
                    False,
                    "Antall hjemmekontordager er ikke registrert. Forskriften gjelder bare "
                    "jevnlig hjemmearbeid (i snitt minst én dag i uka); registrer det i saken "
                    "før brevet sendes.",
                )
            )
    if kind == "protokolltilforsel":
        last = s.last
        if last is None:
            out.append(
                LetterCheck(
                    True,
                    "Det er ikke registrert noe møte i tidslinjen før brevets dato. En "
                    "protokolltilførsel hører til protokollen fra et møte: registrer møtet "
                    "først.",
                )
            )
        else:
            days_after = (dated - last.on).days
            if days_after > PROTOCOL_NOTE_DAYS:
                out.append(
                    LetterCheck(
                        False,
                        f"{_meeting_name(last.kind).capitalize()} var {format_date(last.on)}, "
                        f"{days_after} dager før brevets dato{_months(days_after)}. "
                        "Protokollen (eller referatet) kan alt være ferdig; en "
                        "protokolltilførsel hører hjemme i møtet eller like etter. Er den "
                        "ferdig, send heller et brev til arbeidsgiver.",
                    )
                )
    if kind == "krav_om_forhandling":
        negotiable = [p for p in a.provisions if _level(catalogue, p.key) == "forhandling"]
        if not negotiable:
            out.append(
                LetterCheck(
                    True,
                    f"Ingen bestemmelse i rettskatalogen gir rett til forhandling i denne "
                    f"saken; den krever {noun}. Skriv «{_label(demand)}» i stedet.",
                    instead=demand,
                )
            )
    if kind == "krav_om_drofting":
        held = s.first("drofting")
        if (
            held is not None
            and s.decision_on is not None
            and held.on < s.decision_on
            and not (extra_text or "").strip()
        ):
            out.append(
                LetterCheck(
                    True,
                    f"Saken ble drøftet {format_date(held.on)}, før beslutningen "
                    f"{format_date(s.decision_on)}. Et krav om nytt drøftingsmøte må si "
                    "hvorfor: skriv grunnen som egen tekst i brevet.",
                )
            )
    if case.notice_on is not None and dated < case.notice_on and kind not in _INTERNAL:
        out.append(
            LetterCheck(
                False,
                f"Brevet er datert før varselet fra ledelsen ({format_date(case.notice_on)}); "
                "det viser derfor ikke til varselet. Kontroller datoen.",
            )
        )
    suggested = {x.kind for x in a.next_letters}
    if kind not in suggested and kind not in _INTERNAL and not any(c.refused for c in out):
        out.append(LetterCheck(False, _why_not_suggested(kind, a, s)))
    if reply_days is not None:
        closed = closed_day(dated, reply_days)
        if closed is not None:
            out.append(closed)
    return sorted(out, key=lambda c: not c.refused)


def _level(catalogue: Catalogue, key: str) -> str | None:
    try:
        return catalogue.provision(key).level
    except KeyError:
        return None


def refuse_if_needed(checks: list[LetterCheck]) -> None:
    refused = [c for c in checks if c.refused]
    if refused:
        raise LetterRefusedError(
            "Brevet lages ikke. " + " ".join(c.message for c in refused),
            instead=next((c.instead for c in refused if c.instead), None),
        )
