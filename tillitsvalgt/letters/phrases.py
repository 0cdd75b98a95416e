"""Every sentence the app itself writes into a letter, keyed by phrase, per written form.

The letters' prose is assembled in ``context.py`` from these phrases only, so a second
written form (nynorsk) is one more table with the same keys — no sentence is built from
loose words elsewhere. A phrase is a ``str.format`` pattern; the facts are filled in by
name. ``FORMS["nb"]`` is bokmål, ``FORMS["nn"]`` nynorsk; a letter is written in one of
them throughout (``tests/test_letter_situations.py`` spell-checks both and looks for the
other form's tell-tale words)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tillitsvalgt.rules.deadlines import WEEKDAYS, format_date
from tillitsvalgt.vocabulary import CASE_TYPES, DEMANDS, DIRECTIONS, TIMINGS

NB: dict[str, str] = {
    # ---- the change, in words from the case (not the case's internal title)
    "change.office_layout": "ny kontorløsning",
    "change.space_allocation": "ny fordeling av arealene",
    "change.home_office_policy": "ny ordning for hjemmekontor",
    "change.home_office_agreement": "avtalene om hjemmekontor",
    "change.equipment_costs": "utstyr og kostnader ved hjemmearbeid",
    "change.availability": "at de ansatte skal være tilgjengelige utenom vanlig arbeidstid",
    "change.other": "endringen",
    "topic.office_layout": "hvordan arbeidet organiseres og hvor de ansatte skal sitte",
    "topic.space_allocation": "hvordan arealene disponeres og hvor de ansatte skal sitte",
    "topic.home_office_policy": "hvor og hvordan arbeidet skal utføres",
    "topic.home_office_agreement": "hvor og hvordan arbeidet skal utføres",
    "topic.equipment_costs": "hvilket utstyr de ansatte skal ha, og hvem som skal bære kostnadene",
    "topic.availability": "når de ansatte skal være tilgjengelige for arbeid",
    "topic.other": "hvordan arbeidet organiseres",
    "change.where": "{change} ({where})",
    # ---- the facts paragraph
    "facts.notice": "Vi viser til varselet fra ledelsen {notice} om {change}.",
    "facts.no_notice": "Vi viser til planene om {change}.",
    "facts.members": "Endringen berører om lag {members} av våre medlemmer.",
    "facts.home_days": "Ordningen innebærer i snitt {days} i uka.",
    "facts.decided": "Etter det vi forstår, ble beslutningen tatt {decision}.",
    "facts.to_decide": "Etter det vi forstår, skal beslutningen tas {decision}.",
    "facts.implemented": "Endringen ble iverksatt {day}.",
    "facts.plan_passed": "Endringen skulle etter planen iverksettes {day}.",
    "facts.planned": "Endringen skal etter planen iverksettes {day}.",
    "days.one": "én hjemmekontordag",
    "days.half": "en halv hjemmekontordag",
    "days.many": "{n} hjemmekontordager",
    # ---- what has happened so far (the letter's level: drøfting, forhandling, …)
    "status.none_yet": "Vi har ikke fått invitasjon til {noun} av endringen, og vi er ikke "
    "kjent med at beslutning er tatt.",
    "status.none_yet_decision_ahead": "Vi har ikke fått invitasjon til {noun} av endringen, "
    "og beslutningen er etter det vi forstår ikke tatt ennå.",
    "status.not_before_decision": "Beslutningen ble tatt{decision} uten at saken først var "
    "{done} med de tillitsvalgte. Regelverket krever at den {verb} før beslutningen tas.",
    "status.not_before_implementation": "Endringen ble iverksatt uten at saken først var "
    "{done} med de tillitsvalgte. Regelverket krever at den {verb} før beslutningen tas.",
    "status.only_informed": "Vi fikk informasjon om endringen i møte {on}, men informasjon "
    "er ikke {noun}.",
    "status.only_consulted": "Saken ble drøftet {on}, men den er ikke forhandlet: et "
    "drøftingsmøte oppfyller ikke plikten til å forhandle.",
    "status.in_time": "Saken ble {done} med de tillitsvalgte {on}, før beslutningen ble tatt.",
    "status.held_no_decision": "Saken ble {done} med de tillitsvalgte {on}.",
    "status.late": "Saken ble {done} {on}, etter at beslutningen var tatt{decision}.",
    "status.late_implemented": "Saken ble {done} {on}, etter at beslutningen var "
    "tatt{decision} og etter at endringen var iverksatt {implemented}.",
    "status.late_why": "En {noun} etter at beslutningen er tatt, er ikke {noun} i tide: de "
    "tillitsvalgte fikk ikke mulighet til å påvirke beslutningen.",
    "status.held_unknown": "Saken ble {done} {on}. Vi kjenner ikke til når beslutningen ble "
    "tatt, og dermed ikke om {meeting_def} {on} kom før beslutningen.",
    "status.again_late": "Vi krever derfor et nytt {meeting}, der arbeidsgiver vurderer "
    "beslutningen på nytt i lys av de tillitsvalgtes syn.",
    "status.again_unknown": "Ble beslutningen tatt før møtet, må saken {verb} på nytt, og vi "
    "krever derfor et nytt {meeting}.",
    "status.again_in_time": "Vi ber likevel om et nytt {meeting}, av grunnene nedenfor.",
    # ---- the legal basis, where the catalogue has no argument for a provision
    "law.fallback.drofting": "Arbeidsgiver skal drøfte endringen med de tillitsvalgte så "
    "tidlig som mulig og før beslutning tas, jf. {cited}.",
    "law.fallback.forhandling": "Arbeidsgiver skal forhandle med de tillitsvalgte om "
    "endringen før beslutning tas, jf. {cited}.",
    "law.fallback.informasjon": "Arbeidsgiver skal sørge for informasjon og medvirkning, "
    "jf. {cited}.",
    "law.fallback.environment": "Verneombudet skal tas med på råd når endringen planlegges, "
    "jf. {cited}.",
    "law.fallback.other": "Se også {cited}.",
    "law.note": "merknaden til {paragraph} i {source}",
    "law.and": " og ",
    # ---- demands
    "demand.meeting": "at det innkalles til {meeting} innen {by}",
    "demand.documents.office": "at vi i god tid før møtet får saksdokumentene: planene, "
    "tegningene, arealberegningen og vurderingen av konsekvensene for arbeidsmiljøet",
    "demand.documents.home": "at vi i god tid før møtet får saksdokumentene, blant annet "
    "utkastet til retningslinjer og til avtale med den enkelte, og vurderingen av "
    "konsekvensene for arbeidsmiljøet",
    "demand.documents.availability": "at vi i god tid før møtet får saksdokumentene, blant "
    "annet forslaget til ordning for tilgjengelighet og vurderingen av konsekvensene for "
    "arbeidstid, hvile og arbeidsmiljø",
    "demand.documents.other": "at vi i god tid før møtet får saksdokumentene og vurderingen "
    "av konsekvensene for arbeidsmiljøet",
    "demand.wait.undecided": "at det ikke tas beslutning og ikke settes i gang tiltak før "
    "{process} er gjennomført",
    "demand.wait.decided": "at beslutningen ikke settes i verk før {process} er gjennomført",
    "demand.wait.plan_passed": "at endringen ikke settes i verk, eller ikke føres videre, før "
    "{process} er gjennomført",
    "demand.wait.implemented": "at {process} også omfatter justering av endringen, eller at "
    "den reverseres, der de tillitsvalgte mener det trengs",
    "demand.protocol.signed": "at det skrives protokoll fra møtet som begge parter signerer",
    "demand.protocol.negotiation": "at det skrives protokoll fra forhandlingene som begge "
    "parter signerer",
    "demand.protocol.state": "at det skrives referat fra møtet som viser begge parters syn, "
    "jf. {cited}",
    "demand.protocol.state_uncited": "at det skrives referat fra møtet som viser begge parters syn",
    "ask.what": "en beskrivelse av endringen og begrunnelsen for den",
    "ask.decision": "når beslutningen er tatt eller skal tas, og av hvem",
    "ask.when": "når endringen skal iverksettes, og hvem den berører",
    "ask.when_past": "når endringen ble eller skal bli iverksatt, og hvem den berører",
    "ask.plans": "planene, tegningene og arealberegningen",
    "ask.home": "utkastet til retningslinjer for hjemmekontor og til avtale med den enkelte",
    "ask.availability": "forslaget til ordning for tilgjengelighet, med arbeidstid og hvile",
    "ask.risk": "vurderingen av konsekvensene for arbeidsmiljøet, med risikovurdering",
    "postpone.hold": "at iverksettingen stilles i bero til {process} er gjennomført",
    "postpone.hold_again": "at iverksettingen stilles i bero til saken er {done} på nytt",
    "postpone.confirm": "at arbeidsgiver innen {by} bekrefter skriftlig at endringen ikke "
    "settes i verk før dette",
    "postpone.meeting": "at det innkalles til {meeting} så snart som mulig",
    "home.agreements": "at alle som arbeider jevnlig hjemme, får en skriftlig avtale om "
    "hjemmearbeidet i tillegg til arbeidsavtalen",
    "home.missing": "at avtalene regulerer punktene som mangler (se listen over)",
    "home.consult": "at utkastet til avtale drøftes med de tillitsvalgte før det tas i bruk",
    "reserve": "Vi tar forbehold om å ta saken videre.",
    "wait.undecided": "Vi ber også om at beslutning ikke tas før de tillitsvalgte har fått "
    "informasjonen og hatt mulighet til å {verb_active} saken.",
    "wait.decided": "Vi ber også om at beslutningen ikke settes i verk før de tillitsvalgte "
    "har fått informasjonen og hatt mulighet til å {verb_active} saken.",
    "level.active.informasjon": "vurdere",
    "level.active.drofting": "drøfte",
    "level.active.forhandling": "forhandle om",
    # ---- meetings
    "meeting.information_meeting": "informasjonsmøte",
    "meeting.consultation_meeting": "drøftingsmøte",
    "meeting.negotiation_meeting": "forhandlingsmøte",
    "meeting_def.information_meeting": "informasjonsmøtet",
    "meeting_def.consultation_meeting": "drøftingsmøtet",
    "meeting_def.negotiation_meeting": "forhandlingsmøtet",
    "level.noun.informasjon": "informasjon",
    "level.noun.drofting": "drøfting",
    "level.noun.forhandling": "forhandling",
    "level.done.informasjon": "informert om",
    "level.done.drofting": "drøftet",
    "level.done.forhandling": "forhandlet",
    "level.verb.informasjon": "informeres om",
    "level.verb.drofting": "drøftes",
    "level.verb.forhandling": "forhandles",
    "level.process.informasjon": "informasjonen",
    "level.process.drofting": "drøftingen",
    "level.process.forhandling": "forhandlingene",
    "protocol.title.signed": "Protokoll fra {meeting}",
    "protocol.title.state": "Referat fra {meeting}",
    "protocol.document.signed": "protokollen",
    "protocol.document.state": "referatet",
    "protocol.ask.signed": "Vi ber om at protokolltilførselen tas inn i protokollen før den "
    "signeres, og at vi får en kopi av den endelige protokollen.",
    "protocol.ask.state": "Vi ber om at protokolltilførselen tas inn i referatet før det "
    "godkjennes, og at vi får en kopi av det endelige referatet.",
    # ---- the protocol note
    "remark.late": "De tillitsvalgte viser til at {meeting_def} {on} ble holdt etter at "
    "arbeidsgiver hadde tatt beslutningen{decision}. Saken ble dermed ikke {done} før "
    "beslutningen ble tatt, slik regelverket krever, og de tillitsvalgte har ikke hatt reell "
    "mulighet til å påvirke den.",
    "remark.late_implemented": "De tillitsvalgte viser til at {meeting_def} {on} ble holdt "
    "etter at endringen var iverksatt. Saken ble dermed ikke {done} før beslutningen ble "
    "tatt, slik regelverket krever, og de tillitsvalgte har ikke hatt reell mulighet til å "
    "påvirke den.",
    "remark.lower": "De tillitsvalgte viser til at saken krever {noun}, og at {meeting_def} "
    "{on} ikke oppfyller den plikten.",
    "remark.other": "De tillitsvalgte mener at saken ikke er {done} på en reell måte, slik "
    "regelverket krever.",
    "remark.reserve": "De tillitsvalgte tar forbehold om å ta saken videre.",
    # ---- subject line: the kind's words, then the case
    "subject": "{kind} – {topic}",
    "subject.krav_om_drofting": "Krav om drøftingsmøte",
    "subject.krav_om_forhandling": "Krav om forhandlingsmøte",
    "subject.krav_om_informasjon": "Krav om informasjon og dokumenter",
    "subject.krav_om_utsatt_iverksetting": "Krav om utsatt iverksetting",
    "subject.purring": "Purring",
    "subject.krav_om_hjemmekontoravtale": "Krav om skriftlige hjemmekontoravtaler",
    "subject.protokolltilforsel": "Protokolltilførsel fra de tillitsvalgte",
    "subject.saksoppsummering": "Saksoppsummering",
    "subject.protokoll": "Protokoll fra drøftingsmøte",
    # ---- the timeline (the protocol draft lists the meetings before it)
    "signed.yes": "signert av begge",
    "signed.no": "ikke signert av begge",
    "deadline.explain": "{days} dager fra {dated}; fristen blir {due}.",
    # ---- the case summary's labels: the app's own words (vocabulary.py) in bokmål
    **{f"case_type.{code}": label for code, label in CASE_TYPES.items()},
    **{f"timing.{code}": label for code, label in TIMINGS.items()},
    **{f"demand_state.{code}": label for code, label in DEMANDS.items()},
    **{f"direction.{code}": label for code, label in DIRECTIONS.items()},
    "deadline_status.open": "åpen",
    "deadline_status.overdue": "oversittet",
    "deadline_status.met": "overholdt",
    "deadline_status.cancelled": "avlyst",
    "deadline_status.lapsed": "falt bort (saken avsluttet)",
}

# Nynorsk: the same keys. Written as a nynorsk letter to an employer is written: «dei
# tillitsvalde», «arbeidsgjevar», «avgjerd» for «beslutning», «setje i verk» for «iverksette».
# The s-passive is used only after a modal verb («må drøftast»); elsewhere «blir» + participle.
NN: dict[str, str] = {
    "change.office_layout": "ny kontorløysing",
    "change.space_allocation": "ny fordeling av areala",
    "change.home_office_policy": "ny ordning for heimekontor",
    "change.home_office_agreement": "avtalane om heimekontor",
    "change.equipment_costs": "utstyr og kostnader ved heimearbeid",
    "change.availability": "at dei tilsette skal vere tilgjengelege utanom vanleg arbeidstid",
    "change.other": "endringa",
    "topic.office_layout": "korleis arbeidet blir organisert, og kvar dei tilsette skal sitje",
    "topic.space_allocation": "korleis areala blir disponerte, og kvar dei tilsette skal sitje",
    "topic.home_office_policy": "kvar og korleis arbeidet skal utførast",
    "topic.home_office_agreement": "kvar og korleis arbeidet skal utførast",
    "topic.equipment_costs": "kva utstyr dei tilsette skal ha, og kven som skal bere kostnadene",
    "topic.availability": "når dei tilsette skal vere tilgjengelege for arbeid",
    "topic.other": "korleis arbeidet blir organisert",
    "change.where": "{change} ({where})",
    "facts.notice": "Vi viser til varselet frå leiinga {notice} om {change}.",
    "facts.no_notice": "Vi viser til planane om {change}.",
    "facts.members": "Endringa gjeld om lag {members} av medlemmene våre.",
    "facts.home_days": "Ordninga inneber i snitt {days} i veka.",
    "facts.decided": "Etter det vi forstår, vart avgjerda teken {decision}.",
    "facts.to_decide": "Etter det vi forstår, skal avgjerda takast {decision}.",
    "facts.implemented": "Endringa vart sett i verk {day}.",
    "facts.plan_passed": "Endringa skulle etter planen setjast i verk {day}.",
    "facts.planned": "Endringa skal etter planen setjast i verk {day}.",
    "days.one": "éin heimekontordag",
    "days.half": "ein halv heimekontordag",
    "days.many": "{n} heimekontordagar",
    "status.none_yet": "Vi har ikkje fått invitasjon til {noun} av endringa, og vi kjenner "
    "ikkje til at det er teke avgjerd.",
    "status.none_yet_decision_ahead": "Vi har ikkje fått invitasjon til {noun} av endringa, "
    "og avgjerda er etter det vi forstår ikkje teken enno.",
    "status.not_before_decision": "Avgjerda vart teken{decision} utan at saka først var "
    "{done} med dei tillitsvalde. Regelverket krev at saka blir {done} før avgjerda blir teken.",
    "status.not_before_implementation": "Endringa vart sett i verk utan at saka først var "
    "{done} med dei tillitsvalde. Regelverket krev at saka blir {done} før avgjerda blir teken.",
    "status.only_informed": "Vi fekk informasjon om endringa i møte {on}, men informasjon "
    "er ikkje {noun}.",
    "status.only_consulted": "Saka vart drøfta {on}, men ho er ikkje forhandla: eit "
    "drøftingsmøte oppfyller ikkje plikta til å forhandle.",
    "status.in_time": "Saka vart {done} med dei tillitsvalde {on}, før avgjerda vart teken.",
    "status.held_no_decision": "Saka vart {done} med dei tillitsvalde {on}.",
    "status.late": "Saka vart {done} {on}, etter at avgjerda var teken{decision}.",
    "status.late_implemented": "Saka vart {done} {on}, etter at avgjerda var "
    "teken{decision} og etter at endringa var sett i verk {implemented}.",
    "status.late_why": "Når avgjerda alt er teken, kjem {noun} for seint: dei tillitsvalde "
    "fekk ikkje høve til å påverke avgjerda.",
    "status.held_unknown": "Saka vart {done} {on}. Vi kjenner ikkje til når avgjerda vart "
    "teken, og dermed heller ikkje om {meeting_def} {on} kom før avgjerda.",
    "status.again_late": "Vi krev difor eit nytt {meeting}, der arbeidsgjevar vurderer "
    "avgjerda på nytt i lys av synet til dei tillitsvalde.",
    "status.again_unknown": "Vart avgjerda teken før møtet, må saka {verb} på nytt, og vi "
    "krev difor eit nytt {meeting}.",
    "status.again_in_time": "Vi ber likevel om eit nytt {meeting}, av grunnane nedanfor.",
    "law.fallback.drofting": "Arbeidsgjevar skal drøfte endringa med dei tillitsvalde så "
    "tidleg som mogleg og før det blir teke avgjerd, jf. {cited}.",
    "law.fallback.forhandling": "Arbeidsgjevar skal forhandle med dei tillitsvalde om "
    "endringa før det blir teke avgjerd, jf. {cited}.",
    "law.fallback.informasjon": "Arbeidsgjevar skal sørgje for informasjon og medverknad, "
    "jf. {cited}.",
    "law.fallback.environment": "Verneombodet skal takast med på råd når endringa blir "
    "planlagd, jf. {cited}.",
    "law.fallback.other": "Sjå også {cited}.",
    "law.note": "merknaden til {paragraph} i {source}",
    "law.and": " og ",
    "demand.meeting": "at det blir kalla inn til {meeting} innan {by}",
    "demand.documents.office": "at vi i god tid før møtet får saksdokumenta: planane, "
    "teikningane, arealutrekninga og vurderinga av konsekvensane for arbeidsmiljøet",
    "demand.documents.home": "at vi i god tid før møtet får saksdokumenta, mellom anna "
    "utkastet til retningslinjer og til avtale med den enkelte, og vurderinga av "
    "konsekvensane for arbeidsmiljøet",
    "demand.documents.availability": "at vi i god tid før møtet får saksdokumenta, mellom "
    "anna forslaget til ordning for tilgjenge og vurderinga av konsekvensane for "
    "arbeidstid, kvile og arbeidsmiljø",
    "demand.documents.other": "at vi i god tid før møtet får saksdokumenta og vurderinga "
    "av konsekvensane for arbeidsmiljøet",
    "demand.wait.undecided": "at det ikkje blir teke avgjerd og ikkje sett i gang tiltak før "
    "{process} er avslutta",
    "demand.wait.decided": "at avgjerda ikkje blir sett i verk før {process} er avslutta",
    "demand.wait.plan_passed": "at endringa ikkje blir sett i verk, eller ikkje blir ført "
    "vidare, før {process} er avslutta",
    "demand.wait.implemented": "at {process} også omfattar justering av endringa, eller at "
    "ho blir reversert, der dei tillitsvalde meiner det trengst",
    "demand.protocol.signed": "at det blir skrive protokoll frå møtet som begge partar signerer",
    "demand.protocol.negotiation": "at det blir skrive protokoll frå forhandlingane som begge "
    "partar signerer",
    "demand.protocol.state": "at det blir skrive referat frå møtet som viser synet til begge "
    "partar, jf. {cited}",
    "demand.protocol.state_uncited": "at det blir skrive referat frå møtet som viser synet til "
    "begge partar",
    "ask.what": "ei skildring av endringa og grunngjevinga for henne",
    "ask.decision": "når avgjerda er teken eller skal takast, og av kven",
    "ask.when": "når endringa skal setjast i verk, og kven ho gjeld",
    "ask.when_past": "når endringa vart eller skal bli sett i verk, og kven ho gjeld",
    "ask.plans": "planane, teikningane og arealutrekninga",
    "ask.home": "utkastet til retningslinjer for heimekontor og til avtale med den enkelte",
    "ask.availability": "forslaget til ordning for tilgjenge, med arbeidstid og kvile",
    "ask.risk": "vurderinga av konsekvensane for arbeidsmiljøet, med risikovurdering",
    "postpone.hold": "at iverksetjinga blir stilt i bero til {process} er avslutta",
    "postpone.hold_again": "at iverksetjinga blir stilt i bero til saka er {done} på nytt",
    "postpone.confirm": "at arbeidsgjevar innan {by} stadfestar skriftleg at endringa ikkje "
    "blir sett i verk før dette",
    "postpone.meeting": "at det blir kalla inn til {meeting} så snart som mogleg",
    "home.agreements": "at alle som arbeider jamleg heime, får ein skriftleg avtale om "
    "heimearbeidet i tillegg til arbeidsavtalen",
    "home.missing": "at avtalane regulerer punkta som manglar (sjå lista over)",
    "home.consult": "at utkastet til avtale blir drøfta med dei tillitsvalde før det blir "
    "teke i bruk",
    "reserve": "Vi tek atterhald om å ta saka vidare.",
    "wait.undecided": "Vi ber også om at det ikkje blir teke avgjerd før dei tillitsvalde har "
    "fått informasjonen og hatt høve til å {verb_active} saka.",
    "wait.decided": "Vi ber også om at avgjerda ikkje blir sett i verk før dei tillitsvalde "
    "har fått informasjonen og hatt høve til å {verb_active} saka.",
    "level.active.informasjon": "vurdere",
    "level.active.drofting": "drøfte",
    "level.active.forhandling": "forhandle om",
    "meeting.information_meeting": "informasjonsmøte",
    "meeting.consultation_meeting": "drøftingsmøte",
    "meeting.negotiation_meeting": "forhandlingsmøte",
    "meeting_def.information_meeting": "informasjonsmøtet",
    "meeting_def.consultation_meeting": "drøftingsmøtet",
    "meeting_def.negotiation_meeting": "forhandlingsmøtet",
    "level.noun.informasjon": "informasjon",
    "level.noun.drofting": "drøfting",
    "level.noun.forhandling": "forhandling",
    "level.done.informasjon": "informert om",
    "level.done.drofting": "drøfta",
    "level.done.forhandling": "forhandla",
    "level.verb.informasjon": "informerast om",
    "level.verb.drofting": "drøftast",
    "level.verb.forhandling": "forhandlast",
    "level.process.informasjon": "informasjonen",
    "level.process.drofting": "drøftinga",
    "level.process.forhandling": "forhandlingane",
    "protocol.title.signed": "Protokoll frå {meeting}",
    "protocol.title.state": "Referat frå {meeting}",
    "protocol.document.signed": "protokollen",
    "protocol.document.state": "referatet",
    "protocol.ask.signed": "Vi ber om at protokolltilførselen blir teken inn i protokollen "
    "før han blir signert, og at vi får ein kopi av den endelege protokollen.",
    "protocol.ask.state": "Vi ber om at protokolltilførselen blir teken inn i referatet før "
    "det blir godkjent, og at vi får ein kopi av det endelege referatet.",
    "remark.late": "Dei tillitsvalde viser til at {meeting_def} {on} vart halde etter at "
    "arbeidsgjevar hadde teke avgjerda{decision}. Saka vart dermed ikkje {done} før "
    "avgjerda vart teken, slik regelverket krev, og dei tillitsvalde har ikkje hatt reelt "
    "høve til å påverke henne.",
    "remark.late_implemented": "Dei tillitsvalde viser til at {meeting_def} {on} vart halde "
    "etter at endringa var sett i verk. Saka vart dermed ikkje {done} før avgjerda vart "
    "teken, slik regelverket krev, og dei tillitsvalde har ikkje hatt reelt høve til å "
    "påverke henne.",
    "remark.lower": "Dei tillitsvalde viser til at saka krev {noun}, og at {meeting_def} "
    "{on} ikkje oppfyller den plikta.",
    "remark.other": "Dei tillitsvalde meiner at saka ikkje er {done} på ein reell måte, slik "
    "regelverket krev.",
    "remark.reserve": "Dei tillitsvalde tek atterhald om å ta saka vidare.",
    "subject": "{kind} – {topic}",
    "subject.krav_om_drofting": "Krav om drøftingsmøte",
    "subject.krav_om_forhandling": "Krav om forhandlingsmøte",
    "subject.krav_om_informasjon": "Krav om informasjon og dokument",
    "subject.krav_om_utsatt_iverksetting": "Krav om utsett iverksetjing",
    "subject.purring": "Purring",
    "subject.krav_om_hjemmekontoravtale": "Krav om skriftlege heimekontoravtalar",
    "subject.protokolltilforsel": "Protokolltilførsel frå dei tillitsvalde",
    "subject.saksoppsummering": "Saksoppsummering",
    "subject.protokoll": "Protokoll frå drøftingsmøte",
    "signed.yes": "signert av begge",
    "signed.no": "ikkje signert av begge",
    "deadline.explain": "{days} dagar frå {dated}; fristen blir {due}.",
    "event.notice": "Arbeidsgjevar varsla",
    "event.information_meeting": "Informasjonsmøte",
    "event.consultation_meeting": "Drøftingsmøte",
    "event.negotiation_meeting": "Forhandlingsmøte",
    "event.letter_sent": "Brev sendt",
    "event.letter_received": "Brev motteke",
    "event.protocol": "Protokoll eller referat motteke",
    "event.amu": "Behandla i AMU",
    "event.verneombud": "Verneombodet involvert",
    "event.arbeidstilsynet": "Arbeidstilsynet involvert",
    "event.building_consent": "Samtykke frå Arbeidstilsynet til ombygging",
    "event.note": "Notat",
    "event.escalation": "Løfta vidare",
    # The kinds' names (the field «brevtype», the timeline's «Brev sendt: …»).
    "label.krav_om_drofting": "Krav om drøfting",
    "label.krav_om_forhandling": "Krav om forhandling",
    "label.krav_om_informasjon": "Krav om informasjon og dokument",
    "label.krav_om_utsatt_iverksetting": "Krav om utsett iverksetjing",
    "label.purring": "Purring",
    "label.krav_om_hjemmekontoravtale": "Krav om skriftleg heimekontoravtale",
    "label.protokolltilforsel": "Protokolltilførsel",
    "label.saksoppsummering": "Saksoppsummering",
    "label.protokoll": "Utkast til protokoll",
    # The case summary's labels (vocabulary.py's words in nynorsk).
    "case_type.office_layout": "Kontorløysing (landskap, aktivitetsbasert, faste plassar)",
    "case_type.space_allocation": "Lokale og arealfordeling",
    "case_type.home_office_policy": "Heimekontorordning",
    "case_type.home_office_agreement": "Skriftleg heimekontoravtale",
    "case_type.equipment_costs": "Utstyr og kostnader",
    "case_type.availability": "Arbeidstid og tilgjenge",
    "case_type.other": "Anna",
    "timing.in_time": "Drøfta før avgjerd (i tide)",
    "timing.late_before_implementation": "Drøfta etter avgjerd, før iverksetjing (for seint)",
    "timing.late_after_implementation": "Drøfta etter iverksetjing (altfor seint)",
    "timing.information_only": "Berre informert, aldri drøfta",
    "timing.not_held_decision_taken": "Ikkje drøfta, avgjerd teken (brot)",
    "timing.not_held_yet": "Ikkje drøfta enno, avgjerd ikkje teken (handle no)",
    "timing.unknown": "Kan ikkje avgjerast (manglar dato)",
    "demand_state.none": "Ingen krav sendt",
    "demand_state.awaiting_reply": "Krav sendt, ventar på svar",
    "demand_state.overdue": "Krav sendt, svarfristen er ute",
    "demand_state.answered": "Krav svart på",
    "direction.inn": "Inngåande",
    "direction.ut": "Utgåande",
    "direction.internt": "Internt",
    "deadline_status.open": "open",
    "deadline_status.overdue": "ute",
    "deadline_status.met": "oppfylt",
    "deadline_status.cancelled": "avlyst",
    "deadline_status.lapsed": "fall bort (saka avslutta)",
}

FORMS: dict[str, Mapping[str, str]] = {"nb": NB, "nn": NN}

# Numbers up to twelve are written in words in running text (Språkrådet's rule of thumb).
_WORDS_NB = (
    "null",
    "én",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "åtte",
    "ni",
    "ti",
    "elleve",
    "tolv",
)
_WEEKDAYS_NN = ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag")
_WORDS_NN = ("null", "éin", *_WORDS_NB[2:])

# The written forms a letter may take, as the user names them (the CLI option, the dialog).
FORM_NAMES = {"nb": "bokmål", "nn": "nynorsk"}
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO"}


def form_code(text: str) -> str:
    """«nynorsk», «nn», «bokmål», «bokmal», «nb» as ``nn`` or ``nb``; ValueError otherwise."""
    cleaned = text.strip().lower().replace("å", "a")
    if cleaned in ("nn", "nynorsk"):
        return "nn"
    if cleaned in ("nb", "bokmal"):
        return "nb"
    raise ValueError(f"«{text}» er ikke en målform; skriv nynorsk eller bokmål")


# The names of laws, regulations and agreements as a nynorsk text writes them: the laws
# in the definite form nynorsk uses («arbeidsmiljølova»), «Hovudavtalen» for the main
# agreements. Applied to source names and citations only, so a party's name is untouched.
_NN_NAMES = (
    ("Hovedavtalen", "Hovudavtalen"),
    ("hovedavtalen", "hovudavtalen"),
    ("arbeidsmiljøloven", "arbeidsmiljølova"),
    ("plan- og bygningsloven", "plan- og bygningslova"),
    ("hjemmekontorforskriften", "heimekontorforskrifta"),
    # A source name at the start of the assessment's note («Hjemmekontorforskriften: …»).
    ("Hjemmekontorforskriften", "Heimekontorforskrifta"),
    ("Arbeidsmiljøloven", "Arbeidsmiljølova"),
    ("arbeidsplassforskriften", "arbeidsplassforskrifta"),
    (
        "forskrift om organisering, ledelse og medvirkning",
        "forskrift om organisering, leiing og medverknad",
    ),
    ("forskrift om utførelse av arbeid", "forskrift om utføring av arbeid"),
    # Chapters cited by their subject where the paragraph number is not verified.
    (
        "(bestemmelsen om medbestemmelse ved omstilling)",
        "(føresegna om medråderett ved omstilling)",
    ),
    (
        "(bestemmelsene om drøftinger ved omlegging av driften)",
        "(føresegnene om drøftingar ved omlegging av drifta)",
    ),
    (
        "(nasjonale retningslinjer etter EUs rammeavtale om fjernarbeid)",
        "(nasjonale retningslinjer etter rammeavtalen til EU om fjernarbeid)",
    ),
    ("(reglene om informasjon og drøfting)", "(reglane om informasjon og drøfting)"),
    ("(former for medbestemmelse)", "(former for medråderett)"),
    ("(saksbehandlingsregler)", "(reglar for sakshandsaming)"),
    (
        "(generelt om innholdet i det lokale samarbeidet)",
        "(generelt om innhaldet i det lokale samarbeidet)",
    ),
    (
        "(informasjon, samarbeid og medbestemmelse)",
        "(informasjon, samarbeid og medråderett)",
    ),
    (
        "(avtalen om medinnflytelse og medbestemmelse i Oslo kommune)",
        "(avtalen om medverknad og medråderett i Oslo kommune)",
    ),
    # Another side's text, cited by subject: «(reglene om <title>)» (rules/agreements.py).
    ("(reglene om ", "(reglane om "),
    ("drøftelser om virksomhetens ordinære drift", "drøftingar om den ordinære drifta i verksemda"),
    ("samarbeid og medbestemmelse", "samarbeid og medråderett"),
    ("lokale møter innen 14 dager", "lokale møte innan 14 dagar"),
    ("forhandlinger om disponering av arealer", "forhandlingar om disponering av areal"),
    (
        "plassering og kontorløsning er drøftingssaker",
        "plassering og kontorløysing er drøftingssaker",
    ),
    (
        "forhandlinger om interne organisasjonsendringer",
        "forhandlingar om interne organisasjonsendringar",
    ),
    ("frister for drøftinger og forhandlinger", "fristar for drøftingar og forhandlingar"),
    ("referat fra drøftinger", "referat frå drøftingar"),
    ("uenighet ved drøftinger", "usemje ved drøftingar"),
    ("avtalens varighet", "varigheita til avtalen"),
)


class Phrases:
    """The phrases of one written form, with the small helpers that need them."""

    def __init__(self, form: str = "nb") -> None:
        self.form = form
        self.table = FORMS[form]
        self.language = LANGUAGE_TAGS[form]

    def __call__(self, key: str, **facts: object) -> str:
        return self.table[key].format(**facts)

    def has(self, key: str) -> bool:
        return key in self.table

    def number(self, value: float | int) -> str:
        """``5`` as «fem», ``28`` as «28», ``2,5`` as «2,5» (a count in running text)."""
        if float(value).is_integer() and 0 <= value <= 12:
            return (_WORDS_NN if self.form == "nn" else _WORDS_NB)[int(value)]
        return f"{value:g}".replace(".", ",")

    def home_days(self, days: float) -> str:
        if days == 1:
            return self("days.one")
        if days == 0.5:
            return self("days.half")
        return self("days.many", n=self.number(days))

    def day(self, value: date) -> str:
        return format_date(value)  # the months are spelt the same in both forms

    def weekday_day(self, value: date) -> str:
        """«måndag 4. januar 2027» in nynorsk, «mandag 4. januar 2027» in bokmål."""
        names = _WEEKDAYS_NN if self.form == "nn" else WEEKDAYS
        return f"{names[value.weekday()]} {format_date(value)}"

    def name(self, text: str) -> str:
        """A source name or citation as this form writes it («arbeidsmiljølova § 8-2»)."""
        if self.form != "nn":
            return text
        for nb, nn in _NN_NAMES:
            text = text.replace(nb, nn)
        return text

    def join(self, words: list[str]) -> str:
        if not words:
            return ""
        if len(words) == 1:
            return words[0]
        return ", ".join(words[:-1]) + self("law.and") + words[-1]
