"""Norwegian words and sentences the generator draws from.

Kept apart from the generator so the text can grow without touching the logic. The mix is
chosen so free-text search has both rare and common words to find: «landskap» occurs in a
modest share of cases (some office-layout titles and descriptions), «hjemmekontor» in a
large share (titles, descriptions and meeting notes across several case types).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- places and people

PLACES: tuple[str, ...] = (
    "Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand", "Drammen", "Fredrikstad",
    "Sandnes", "Tromsø", "Sarpsborg", "Skien", "Ålesund", "Sandefjord", "Haugesund",
    "Tønsberg", "Moss", "Porsgrunn", "Bodø", "Arendal", "Hamar", "Larvik", "Halden",
    "Lillehammer", "Harstad", "Molde", "Kongsberg", "Gjøvik", "Horten", "Mo i Rana",
    "Kristiansund", "Jessheim", "Elverum", "Steinkjer", "Narvik", "Alta", "Leirvik", "Askøy",
    "Levanger", "Namsos", "Førde", "Florø", "Voss", "Stord", "Notodden", "Kongsvinger",
    "Hønefoss", "Ski", "Lillestrøm", "Asker", "Bærum", "Lørenskog", "Nittedal", "Vestby",
    "Hammerfest", "Vadsø", "Kirkenes", "Sogndal", "Egersund", "Bryne", "Orkanger",
)  # fmt: skip

COUNTIES: tuple[str, ...] = (
    "Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland",
    "Rogaland", "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold",
)  # fmt: skip

MUNICIPAL_UNITS: tuple[str, ...] = (
    "skoleetaten", "helse- og omsorgsetaten", "teknisk etat", "barnehageetaten",
    "kulturetaten", "plan- og bygningsetaten", "NAV-kontoret", "eiendomsforetaket KF",
    "sykehjemsetaten", "vann- og avløpsetaten", "brann- og redningsetaten",
    "renovasjonsetaten", "bydelsadministrasjonen", "skatteoppkreveren", "havnevesenet KF",
    "parkeringsetaten", "kommunedirektørens stab", "legevakten", "PP-tjenesten", "biblioteket",
)  # fmt: skip

HEALTH_REGIONS: tuple[str, ...] = ("Sør-Øst", "Vest", "Midt-Norge", "Nord")

FIRST_NAMES: tuple[str, ...] = (
    "Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Marit", "Knut", "Siri", "Jon", "Hilde",
    "Bjørn", "Tone", "Geir", "Liv", "Arne", "Nina", "Trond", "Hanne", "Svein", "Silje",
    "Eirik", "Kristin", "Håkon", "Ragnhild", "Magnus", "Solveig", "Espen", "Astrid", "Øystein",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Moen", "Strand", "Solberg", "Bakken", "Lie", "Rønning", "Aas",
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "Storgata", "Kirkegata", "Strandgata", "Kongens gate", "Dronningens gate", "Torggata",
    "Jernbanegata", "Skolegata", "Parkveien", "Havnegata", "Nygata", "Fjordveien",
    "Industriveien", "Sentrumsgata", "Bryggen", "Elvegata", "Rådhusgata", "Markveien",
)  # fmt: skip

# --------------------------------------------------------------------------- employers

STATE_BODIES: tuple[str, ...] = (
    "Direktoratet for {x}", "Statens senter for {x}", "Statens tilsyn for {x}", "Etaten for {x}",
)  # fmt: skip
STATE_TOPICS: tuple[str, ...] = (
    "tilsyn og forvaltning", "byggkvalitet", "kartlegging", "arkiv og dokumentasjon",
    "fiskeriforvaltning", "landbruksforvaltning", "digital forvaltning", "samfunnssikkerhet",
    "kystforvaltning", "mattrygghet", "utdanningskvalitet", "kulturminner", "helseøkonomi",
    "jernbaneutbygging", "statistikk og analyse", "innkreving",
)  # fmt: skip

PRIVATE_PREFIXES: tuple[str, ...] = (
    "Nordkyst", "Fjordlys", "Vestvind", "Bergtind", "Polarlys", "Sørlandet", "Midtfjell",
    "Havbris", "Nordlys", "Fjellvang", "Elvebakken", "Solvik", "Skogly", "Brattøra",
    "Kystvakt", "Lysaker", "Vikholmen", "Granli", "Furuly", "Strandkanten", "Østlandet",
    "Trollheim", "Saltstraumen", "Lofot", "Varanger", "Hardanger", "Romsdal", "Gudbrand",
)  # fmt: skip
PRIVATE_TRADES: tuple[tuple[str, str], ...] = (
    # (name part, agreement) — the agreement that usually covers that trade
    ("Sparebank", "finans-finansforbundet"),
    ("Forsikring", "finans-finansforbundet"),
    ("Kapitalforvaltning", "finans-tekna"),
    ("Bygg", "lo-nho"),
    ("Industri", "lo-nho"),
    ("Mekaniske Verksted", "lo-nho"),
    ("Havbruk", "ys-nho"),
    ("Transport", "ys-nho"),
    ("Energi", "lo-nho"),
    ("Regnskap", "virke-ys"),
    ("Handel", "virke-lo"),
    ("Eiendom", "virke-lo"),
    ("IT", "none"),
    ("Rådgivning", "none"),
    ("Media", "none"),
    ("Logistikk", "ys-nho"),
)
PRIVATE_FORMS: tuple[str, ...] = ("AS", "AS", "AS", "ASA", "SA")

OTHER_BODIES: tuple[str, ...] = (
    "Stiftelsen {p}hjemmet", "{p} folkehøgskole", "Foreningen {p}", "{p} museum",
)  # fmt: skip

# --------------------------------------------------------------------------- cases

FLOORS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7", "8")
DEPARTMENTS: tuple[str, ...] = (
    "økonomiavdelingen", "HR-avdelingen", "IT-avdelingen", "kundesenteret",
    "saksbehandlingsseksjonen", "juridisk avdeling", "kommunikasjonsavdelingen",
    "planavdelingen", "regnskapsseksjonen", "innkjøpsavdelingen", "arkivtjenesten",
    "utviklingsavdelingen", "salgsavdelingen", "lønnsseksjonen", "tilsynsavdelingen",
)  # fmt: skip
GROUPS: tuple[str, ...] = (
    "saksbehandlere", "rådgivere", "kundebehandlere", "utviklere", "konsulenter",
    "ingeniører", "merkantilt ansatte", "ledere", "seniorrådgivere", "økonomer",
)  # fmt: skip
BUILDINGS: tuple[str, ...] = (
    "hovedbygget", "A-bygget", "B-fløyen", "administrasjonsbygget", "Sentrumskvartalet",
    "det nye tilbygget", "Kontorhuset", "Brygga 2",
)  # fmt: skip

TITLES: dict[str, tuple[str, ...]] = {
    "office_layout": (
        "Faste plasser fjernes i {floor}. etasje",
        "Overgang til aktivitetsbasert kontor i {dept}",
        "Åpent landskap erstatter cellekontorer i {building}",
        "Ombygging av {floor}. etasje til kontorlandskap",
        "Clean desk og fjerning av faste arbeidsplasser",
        "Færre arbeidsplasser enn ansatte i {dept}",
        "Stillesoner og møterom i ny kontorløsning",
        "Delte kontorer i {dept}",
        "Ny kontorløsning med fri plassering",
        "Pilot med aktivitetsbasert arbeidsplass i {building}",
    ),
    "space_allocation": (
        "Flytting til nye lokaler i {street}",
        "Nye lokaler i {street}: fordeling av arealer",
        "Reduksjon av kontorarealet med {pct} prosent",
        "Samlokalisering av {dept} og {dept2}",
        "Fremleie av {floor}. etasje",
        "Midlertidige lokaler under rehabilitering av {building}",
    ),
    "home_office_policy": (
        "Ny hjemmekontorordning: {days} dager i uken",
        "Krav om oppmøte på kontoret {days} dager i uken",
        "Hjemmekontor avvikles for {group}",
        "Retningslinjer for hjemmekontor revideres",
        "Fast hjemmekontordag innføres for {group}",
    ),
    "home_office_agreement": (
        "Skriftlig hjemmekontoravtale for {group}",
        "Mangler skriftlige avtaler om hjemmekontor",
        "Standardavtale for arbeid i arbeidstakers hjem",
        "Hjemmekontoravtaler ikke fornyet i {dept}",
    ),
    "equipment_costs": (
        "Utstyr til hjemmekontor: skjerm og kontorstol",
        "Dekning av bredbånd ved hjemmekontor",
        "Ergonomisk utstyr på hjemmearbeidsplassen",
        "Egenandel for mobiltelefon og PC fjernes",
    ),
    "availability": (
        "Krav om tilgjengelighet etter arbeidstid",
        "Kjernetid og tilgjengelighet på Teams",
        "Fleksitid endres for {group}",
        "Vaktordning for {group} uten avtale",
    ),
    "other": (
        "Kantinen stenges i {building}",
        "Parkeringsplasser fjernes ved {building}",
        "Registrering av oppmøte med adgangskort",
        "Digital måling av tilstedeværelse",
        "Garderober og dusjer fjernes i {building}",
    ),
}

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "office_layout": (
        "Arbeidsgiver vil fjerne faste plasser og innføre fri plassering.",
        "Det planlegges fri plassering med stillesoner og prosjektrom.",
        "Ansatte mister egne kontorer, og det blir færre arbeidsplasser enn ansatte.",
        "Ledelsen viser til lavt belegg i kontorene etter pandemien.",
        "Den nye løsningen skal ha skjermvegger, men støy og innsyn er ikke vurdert.",
        "Det er ikke gjort en risikovurdering av arbeidsmiljøet i den nye løsningen.",
        "Flere medlemmer har tilrettelagte arbeidsplasser som må videreføres.",
    ),
    "space_allocation": (
        "Virksomheten flytter til mindre lokaler når leiekontrakten går ut.",
        "Arealene fordeles av ledelsen uten at de tillitsvalgte er tatt med.",
        "Det nye bygget har færre møterom og ingen stillerom.",
        "Flyttingen gir lengre reisevei for mange ansatte.",
        "Byggeprosjektet har ikke vært behandlet i arbeidsmiljøutvalget.",
    ),
    "home_office_policy": (
        "Arbeidsgiver endrer retningslinjene for hjemmekontor ensidig.",
        "Antall dager med hjemmekontor reduseres fra neste måned.",
        "Ordningen ble innført uten drøfting med de tillitsvalgte.",
        "Ledere skal godkjenne hjemmekontor for hver enkelt uke.",
        "Ansatte med lang reisevei rammes hardest av endringen.",
    ),
    "home_office_agreement": (
        "Mange ansatte arbeider hjemmefra uten skriftlig avtale.",
        "Forskriften krever skriftlig avtale ved hjemmekontor som ikke er kortvarig.",
        "Avtalen mangler regler om arbeidstid, utstyr og forsikring.",
        "Arbeidsgiver vil bruke en standardavtale uten å drøfte innholdet.",
    ),
    "equipment_costs": (
        "Arbeidsgiver dekker ikke lenger skjerm og kontorstol hjemme.",
        "Ansatte må selv betale bredbånd for å jobbe hjemmefra.",
        "Det er ikke avklart hvem som har ansvar for utstyret ved skade.",
        "Verneombudet har påpekt dårlig ergonomi på hjemmekontorene.",
    ),
    "availability": (
        "Ansatte forventes å svare på meldinger etter arbeidstid.",
        "Kjernetiden utvides uten at arbeidstidsordningen er drøftet.",
        "Det er ikke klart hvordan overtid registreres ved hjemmekontor.",
        "Grensen mellom arbeid og fritid blir utydelig.",
    ),
    "other": (
        "Tiltaket berører alle ansatte i bygget.",
        "Endringen ble kunngjort på intranett uten forvarsel.",
        "Personvernet er ikke vurdert, og registreringen er ikke drøftet.",
        "Kantinetilbudet er viktig for ansatte med turnus.",
    ),
}

SHARED_SENTENCES: tuple[str, ...] = (
    "Klubben har bedt om alle sakspapirer.",
    "Saken er meldt til avdelingen.",
    "Medlemmene er informert på allmøte.",
    "Vi mener saken skulle vært drøftet før beslutningen ble tatt.",
    "Verneombudet er orientert.",
    "Det er uklart om hovedavtalens regler er fulgt.",
    "Flere medlemmer har tatt kontakt om saken.",
    "Endringen henger sammen med økt bruk av hjemmekontor.",
)

NOTES: dict[str, tuple[str, ...]] = {
    "building_consent": (
        "Arbeidstilsynet ga samtykke til ombyggingen; søknaden viste at verneombudet var med.",
        "Samtykke fra Arbeidstilsynet mottatt, med vilkår om lysforholdene.",
    ),
    "escalation": (
        "Saken er løftet til de sentrale partene etter brudd i de lokale forhandlingene.",
        "Forbundet har tatt saken videre; møte mellom de sentrale partene er berammet.",
    ),
    "notice": (
        "Arbeidsgiver varslet endringen i allmøte.",
        "Varsel om endringen kom på e-post fra direktøren.",
        "Ledelsen orienterte kort om planene i et avdelingsmøte.",
        "Endringen ble kunngjort på intranett.",
    ),
    "information_meeting": (
        "Informasjonsmøte med ledelsen; planene ble lagt fram uten skriftlig grunnlag.",
        "Arbeidsgiver informerte om tidsplan og kostnader.",
        "Vi fikk se tegninger av den nye kontorløsningen.",
        "Ledelsen orienterte om nye regler for hjemmekontor.",
    ),
    "consultation_meeting": (
        "Drøftingsmøte gjennomført; vi la fram våre synspunkter.",
        "Drøfting om hjemmekontor og oppmøte; uenighet om antall dager.",
        "Drøftingsmøte holdt etter at beslutningen var tatt.",
        "Drøfting av arealfordeling; arbeidsgiver tar innspillene med seg.",
    ),
    "negotiation_meeting": (
        "Forhandlingsmøte; partene kom ikke til enighet.",
        "Forhandlinger om retningslinjer for hjemmekontor.",
        "Forhandlingene ble utsatt etter ønske fra arbeidsgiver.",
    ),
    "letter_sent": (
        "Sendte krav om drøfting etter hovedavtalen.",
        "Sendte purring på manglende svar.",
        "Sendte krav om skriftlig hjemmekontoravtale.",
        "Sendte krav om utsatt iverksetting til saken er drøftet.",
    ),
    "letter_received": (
        "Svar fra arbeidsgiver: de mener drøfting ikke er nødvendig.",
        "Arbeidsgiver bekrefter møtetidspunkt.",
        "Mottok utkast til nye retningslinjer.",
    ),
    "protocol": (
        "Protokoll mottatt og signert av begge parter.",
        "Referat mottatt; våre merknader er ikke tatt med.",
        "Protokolltilførsel sendt om vår uenighet.",
    ),
    "amu": (
        "Saken behandlet i AMU; vedtak om å utrede arbeidsmiljøet.",
        "AMU ba om risikovurdering før iverksetting.",
    ),
    "verneombud": (
        "Hovedverneombudet deltar i arbeidet med den nye kontorløsningen.",
        "Verneombudet har gjennomført vernerunde i lokalene.",
    ),
    "arbeidstilsynet": (
        "Arbeidstilsynet er kontaktet om inneklima og støy i landskapet.",
        "Arbeidstilsynet har varslet tilsyn.",
    ),
    "note": (
        "Samtale med berørte medlemmer; mange er bekymret for støy og innsyn.",
        "Notat til klubbstyret om saken.",
        "Medlemmene ønsker å beholde ordningen med hjemmekontor.",
        "Telefon med personalsjefen om videre prosess.",
    ),
}

PARTICIPANTS: tuple[str, ...] = (
    "Direktør, HR-sjef, klubbleder og hovedverneombud",
    "Personalsjef og tillitsvalgte",
    "Avdelingsdirektør, klubbleder, nestleder",
    "Ledergruppen og alle hovedtillitsvalgte",
)

DEADLINE_TITLES: tuple[tuple[str, str], ...] = (
    # (title, rule)
    ("Svarfrist på krav om drøfting", "14 dager etter brevet"),
    ("Frist for protokolltilførsel", "ved signering av protokoll"),
    ("Frist for å kreve forhandling", "innen iverksetting"),
    ("Svarfrist på krav om dokumenter", "rimelig tid"),
    ("Frist for å melde saken til forbundet", "intern frist"),
)
