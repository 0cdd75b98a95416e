"""Demo data: the acceptance scenarios and a few dozen more varied cases, so a new user sees
something real at once. Everything goes in through the import service, like a bundle."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from tillitsvalgt import plural
from tillitsvalgt.errors import StateError
from tillitsvalgt.paths import resource_path
from tillitsvalgt.services.cases import count_cases, has_cases
from tillitsvalgt.tables import Case, Employer, utcnow

if TYPE_CHECKING:  # the import machinery loads when examples are added, not at start
    from tillitsvalgt.services.transfer import ImportReport

SEED = 2026
EXTRA_CASES = 40

EMPLOYERS: list[dict[str, Any]] = [
    {"name": "Fjordbyen kommune", "orgnr": "964338531", "employees": 2300, "agreement": "ks",
     "sector": "kommune"},
    {"name": "Statens innkrevingsetat Nord", "orgnr": "974761076", "employees": 310,
     "agreement": "staten", "sector": "stat"},
    {"name": "Vestkyst Sparebank", "orgnr": "937894538", "employees": 140,
     "agreement": "finans-finansforbundet", "sector": "privat"},
    {"name": "Nordlys Ingeniører AS", "orgnr": "985449317", "employees": 85,
     "agreement": "finans-tekna", "sector": "privat"},
    {"name": "Sørlandet Rørleggerservice AS", "orgnr": "995525828", "employees": 42,
     "agreement": "lo-nho", "sector": "privat"},
    {"name": "Handelshuset Midt AS", "orgnr": "914778271", "employees": 23,
     "agreement": "virke-lo", "sector": "privat"},
    {"name": "Helse Vest IKT AS", "orgnr": "916879067", "employees": 380, "agreement": "spekter",
     "sector": "helse"},
    {"name": "Oslo kommune, Bymiljøetaten", "orgnr": "987592567", "employees": 650,
     "agreement": "oslo-kommune", "sector": "kommune"},
]  # fmt: skip

CASES: dict[str, list[tuple[str, str]]] = {
    "office_layout": [
        ("Aktivitetsbasert kontor i 4. etasje",
         "Ledelsen vil fjerne faste plasser og innføre delte arbeidsplasser med stillesoner."),
        ("Cellekontorer bygges om til åpent landskap",
         "Ombygging av administrasjonsfløyen; cellekontorene rives til fordel for landskap."),
        ("Færre arbeidsplasser enn ansatte",
         "Planen gir 0,7 arbeidsplasser per ansatt og forutsetter hjemmekontor."),
    ],
    "space_allocation": [
        ("Flytting til nye lokaler i sentrum",
         "Virksomheten flytter; arealene i de nye lokalene skal fordeles mellom avdelingene."),
        ("Ett etasjeplan sies opp",
         "Leieavtalen for 3. etasje sies opp; de ansatte skal fordeles på resten av bygget."),
    ],
    "home_office_policy": [
        ("Ny hjemmekontorordning: to dager i uka",
         "Arbeidsgiver innfører fast hjemmekontor tirsdag og torsdag for hele avdelingen."),
        ("Hjemmekontor strammes inn til én dag",
         "Ledelsen vil redusere hjemmekontor fra tre til én dag i uka fra nyttår."),
    ],
    "home_office_agreement": [
        ("Hjemmekontoravtalene mangler innhold",
         "Avtalene sier ikke noe om arbeidstid hjemme, tilgjengelighet eller utstyr."),
    ],
    "equipment_costs": [
        ("Utstyr til hjemmekontor",
         "Ansatte må selv dekke skjerm, stol og bredbånd; vi krever at arbeidsgiver dekker det."),
    ],
    "availability": [
        ("Forventning om å svare på e-post om kvelden",
         "Ny rutine sier at ledere skal kunne nå ansatte til kl. 21."),
    ],
}  # fmt: skip

NOTES = [
    "Tillitsvalgte ba om tegninger og arealberegning.",
    "Ledelsen la fram planen muntlig; ingen saksdokumenter ble sendt ut på forhånd.",
    "Verneombudet var ikke invitert.",
    "Partene er uenige om behovet for faste plasser for de som har tilrettelegging.",
    "Ledelsen lovet å komme tilbake med en revidert plan.",
]


def _on(event: dict[str, Any]) -> str:
    return str(event["on"])


def _extra_cases(rng: random.Random, today: date) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for i in range(EXTRA_CASES):
        case_type = rng.choice(list(CASES))
        title, description = rng.choice(CASES[case_type])
        employer = rng.choice(EMPLOYERS)
        notice = today - timedelta(days=rng.randint(20, 700))
        case: dict[str, Any] = {
            "type": case_type, "title": title, "description": description,
            "notice_on": notice.isoformat(),
            "members_affected": rng.randint(5, 120),
        }  # fmt: skip
        events: list[dict[str, Any]] = [{"kind": "notice", "on": notice.isoformat()}]
        decision = notice + timedelta(days=rng.randint(14, 60))
        pattern = rng.random()
        if pattern < 0.35:  # drøftet i tide, with a protocol
            meeting = notice + timedelta(days=rng.randint(5, (decision - notice).days - 1))
            events += [
                {"kind": "consultation_meeting", "on": meeting.isoformat(),
                 "notes": rng.choice(NOTES)},
                {"kind": "protocol", "on": (meeting + timedelta(days=2)).isoformat(),
                 "signed_by_both": rng.random() < 0.8},
            ]  # fmt: skip
        elif pattern < 0.55:  # only informed
            info = notice + timedelta(days=rng.randint(2, 10))
            events.append({"kind": "information_meeting", "on": info.isoformat(),
                           "notes": rng.choice(NOTES)})  # fmt: skip
        elif pattern < 0.7:  # drøftet after the decision
            events.append({"kind": "consultation_meeting",
                           "on": (decision + timedelta(days=rng.randint(3, 20))).isoformat(),
                           "notes": rng.choice(NOTES)})  # fmt: skip
        elif pattern < 0.85:  # a demand was sent
            sent = notice + timedelta(days=rng.randint(3, 12))
            events.append({"kind": "letter_sent", "on": sent.isoformat(),
                           "letter": "krav_om_drofting",
                           "reply_by": (sent + timedelta(days=14)).isoformat()})  # fmt: skip
        if decision <= today and rng.random() < 0.8:
            case["decision_on"] = decision.isoformat()
            case["planned_implementation_on"] = (
                decision + timedelta(days=rng.randint(30, 120))
            ).isoformat()
        if case_type.startswith("home_office"):
            case["home_office_days_per_week"] = rng.choice([0.5, 1, 2, 3])
            case["written_agreements"] = rng.random() < 0.4
        if rng.random() < 0.3:
            events.append({"kind": "verneombud", "on": (notice + timedelta(days=4)).isoformat()})
        if notice < today - timedelta(days=400):
            case["status"] = "closed"
            case["outcome"] = rng.choice(["agreement", "partial_agreement", "disagreement",
                                          "withdrawn"])  # fmt: skip
        events.sort(key=_on)
        items.append({"id": f"demo-{i + 1}", "employer": employer, "case": case,
                      "events": events})  # fmt: skip
    return items


def demo_bundle(today: date) -> list[dict[str, Any]]:
    scenarios = json.loads(resource_path("demo", "scenarios.json").read_text(encoding="utf-8"))
    return [*scenarios, *_extra_cases(random.Random(SEED), today)]


def fill_demo(*, session: Session, today: date) -> ImportReport:
    """Fill an empty database; a database with cases is left alone (demo data must never
    mix with a representative's real cases)."""
    from tillitsvalgt.services.transfer import import_bundle

    if has_cases(session=session):
        count = count_cases(session=session)
        raise StateError(
            f"Databasen har allerede {plural.count(count, 'sak', 'saker')}. Eksempeldata "
            "legges bare inn i en tom "
            "database; bruk --data-dir med en ny mappe for å prøve programmet."
        )
    before = set(session.exec(select(Employer.id)).all())
    report = import_bundle(demo_bundle(today), session=session, today=today)
    # Marked in the same unit of work: the database had no case, so every case is an
    # example; an employer the user had registered before keeps being theirs.
    session.execute(update(Case).values(is_demo=True))
    session.execute(
        update(Employer).where(col(Employer.id).not_in(before)).values(is_demo=True)
        if before
        else update(Employer).values(is_demo=True)
    )
    return report


@dataclass(frozen=True)
class DemoCount:
    cases: int
    employers: int

    @property
    def empty(self) -> bool:
        return not (self.cases or self.employers)


def demo_case_ids(*, session: Session) -> frozenset[int]:
    """The example cases (the recycle bin's too), for the «DEMO» tag in the list.

    Asked in SQLAlchemy's core on the table, as the list is: an ORM statement here was the
    start's first, and made the ORM set up every mapped class (≈ 35 ms) before the window
    was painted."""
    cases = Case.__table__.c  # type: ignore[attr-defined]
    statement = sa_select(cases.id).where(cases.is_demo)
    return frozenset(i for i in session.connection().execute(statement).scalars() if i is not None)


def count_demo(*, session: Session) -> DemoCount:
    """Example cases and employers not yet removed (an example employer that has a real
    case is the user's now, and is not counted)."""
    cases = session.exec(
        select(func.count())
        .select_from(Case)
        .where(col(Case.is_demo), col(Case.deleted_at).is_(None))
    ).one()
    employers = session.exec(
        select(func.count())
        .select_from(Employer)
        .where(
            col(Employer.is_demo),
            col(Employer.deleted_at).is_(None),
            col(Employer.id).not_in(select(Case.employer_id).where(~col(Case.is_demo))),
        )
    ).one()
    return DemoCount(cases=int(cases), employers=int(employers))


def remove_demo(*, session: Session) -> DemoCount:
    """Take the example cases and employers out of use, in one unit of work: the cases go to
    the recycle bin and the employers out of the register. Nothing is erased, because the
    change history is append-only by design (the database refuses to delete from it); an
    employer's organisation number is freed, so the real one can be registered. A case the
    user made for a demo employer keeps it: that employer is theirs now and stays."""
    now = utcnow()
    # Row by row through the ORM, so the change history records each removal.
    cases = session.exec(
        select(Case).where(col(Case.is_demo), col(Case.deleted_at).is_(None))
    ).all()
    for case in cases:
        case.deleted_at = now
        case.updated_at = now
        case.version += 1
        session.add(case)
    in_use = select(Case.employer_id).where(~col(Case.is_demo))
    employers = session.exec(
        select(Employer).where(
            col(Employer.is_demo),
            col(Employer.deleted_at).is_(None),
            col(Employer.id).not_in(in_use),
        )
    ).all()
    for employer in employers:
        employer.deleted_at = now
        employer.updated_at = now
        employer.orgnr = None
        employer.version += 1
        session.add(employer)
    session.flush()
    return DemoCount(cases=len(cases), employers=len(employers))
