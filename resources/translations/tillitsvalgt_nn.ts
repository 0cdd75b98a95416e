<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nn_NO" sourcelanguage="nb_NO">
<context>
    <name></name>
    <message>
        <source>Ny sak</source>
        <translation>Ny sak</translation>
    </message>
    <message>
        <source>&amp;Opprett saken</source>
        <translation>&amp;Opprett saka</translation>
    </message>
    <message>
        <source>Finnes ikke arbeidsgiveren i listen? Registrer den her.</source>
        <translation>Finst ikkje arbeidsgivaren i lista? Registrer han her.</translation>
    </message>
    <message>
        <source>Ny &amp;virksomhet …</source>
        <translation>Ny &amp;verksemd …</translation>
    </message>
    <message>
        <source>Rett eller fyll ut før saken kan opprettes: </source>
        <translation>Rett eller fyll ut før saka kan opprettast: </translation>
    </message>
    <message>
        <source>Saken er ikke opprettet</source>
        <translation>Saka er ikkje oppretta</translation>
    </message>
    <message>
        <source>Avslutt sak </source>
        <translation>Avslutt sak </translation>
    </message>
    <message>
        <source>&amp;Utfall:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <source>&amp;Avslutt saken</source>
        <translation>&amp;Avslutt saka</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret kan bare inneholde sifre.</source>
        <translation>Organisasjonsnummeret kan berre innehalde siffer.</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret har 9 sifre; {count} er skrevet så langt.</source>
        <translation>Organisasjonsnummeret har 9 siffer; {count} er skrivne så langt.</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret har 9 sifre, ikke {count}.</source>
        <translation>Organisasjonsnummeret har 9 siffer, ikkje {count}.</translation>
    </message>
    <message>
        <source>{number} er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke. Sjekk nummeret i Enhetsregisteret.</source>
        <translation>{number} er ikkje eit gyldig organisasjonsnummer: kontrollsifferet stemmer ikkje. Sjekk nummeret i Einingsregisteret.</translation>
    </message>
    <message>
        <source>Virksomhetens navn, slik det står i Enhetsregisteret</source>
        <translation>Namnet på verksemda, slik det står i Einingsregisteret</translation>
    </message>
    <message>
        <source>f.eks. Nordkyst Sparebank</source>
        <translation>t.d. Nordkyst Sparebank</translation>
    </message>
    <message>
        <source>9 sifre; kontrollsifferet sjekkes mens du skriver. Valgfritt.</source>
        <translation>9 siffer; kontrollsifferet blir sjekka medan du skriv. Valfritt.</translation>
    </message>
    <message>
        <source>f.eks. 952 601 814</source>
        <translation>t.d. 952 601 814</translation>
    </message>
    <message>
        <source>Besøks- eller postadresse</source>
        <translation>Besøks- eller postadresse</translation>
    </message>
    <message>
        <source>Hvilken sektor virksomheten hører til</source>
        <translation>Kva sektor verksemda høyrer til</translation>
    </message>
    <message>
        <source>Ikke oppgitt</source>
        <translation>Ikkje oppgitt</translation>
    </message>
    <message>
        <source>Hovedavtalen som gjelder hos virksomheten; den avgjør hvilke paragrafer brevene viser til</source>
        <translation>Hovudavtalen som gjeld i verksemda; han avgjer kva paragrafar breva viser til</translation>
    </message>
    <message>
        <source>Antall ansatte; noen regler gjelder først fra 50 ansatte (aml. kapittel 8)</source>
        <translation>Talet på tilsette; nokre reglar gjeld først frå 50 tilsette (aml. kapittel 8)</translation>
    </message>
    <message>
        <source>Hvem hos arbeidsgiver brevene går til</source>
        <translation>Kven hos arbeidsgivaren breva går til</translation>
    </message>
    <message>
        <source>Kontaktpersonens e-postadresse</source>
        <translation>E-postadressa til kontaktpersonen</translation>
    </message>
    <message>
        <source>navn@virksomhet.no</source>
        <translation>namn@verksemd.no</translation>
    </message>
    <message>
        <source>Kontaktpersonens telefonnummer</source>
        <translation>Telefonnummeret til kontaktpersonen</translation>
    </message>
    <message>
        <source>Målformen brevene til virksomheten skrives på</source>
        <translation>Målforma breva til verksemda blir skrivne på</translation>
    </message>
    <message>
        <source>Ikke valgt (profilens målform)</source>
        <translation>Ikkje valt (målforma i profilen)</translation>
    </message>
    <message>
        <source>&amp;Navn:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Org.nr.:</source>
        <translation>&amp;Org.nr.:</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>S&amp;ektor:</source>
        <translation>S&amp;ektor:</translation>
    </message>
    <message>
        <source>&amp;Hovedavtale:</source>
        <translation>&amp;Hovudavtale:</translation>
    </message>
    <message>
        <source>Antall an&amp;satte:</source>
        <translation>Tal på til&amp;sette:</translation>
    </message>
    <message>
        <source>&amp;Kontaktperson:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>E-&amp;post:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Målform i brev:</source>
        <translation>&amp;Målform i brev:</translation>
    </message>
    <message>
        <source>&amp;Lagre</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Av&amp;bryt</source>
        <translation>Av&amp;bryt</translation>
    </message>
    <message>
        <source>Lukk uten å lagre (Esc)</source>
        <translation>Lukk utan å lagre (Esc)</translation>
    </message>
    <message>
        <source>Ny virksomhet</source>
        <translation>Ny verksemd</translation>
    </message>
    <message>
        <source>Endre virksomhet – </source>
        <translation>Endre verksemd – </translation>
    </message>
    <message>
        <source>✓ Gyldig organisasjonsnummer: </source>
        <translation>✓ Gyldig organisasjonsnummer: </translation>
    </message>
    <message>
        <source>Valgfritt. 9 sifre, f.eks. 952 601 814.</source>
        <translation>Valfritt. 9 siffer, t.d. 952 601 814.</translation>
    </message>
    <message>
        <source>Rett organisasjonsnummeret først.</source>
        <translation>Rett organisasjonsnummeret først.</translation>
    </message>
    <message>
        <source>Skriv inn virksomhetens navn først.</source>
        <translation>Skriv inn namnet på verksemda først.</translation>
    </message>
    <message>
        <source>Lagre virksomheten (Enter)</source>
        <translation>Lagre verksemda (Enter)</translation>
    </message>
    <message>
        <source>Virksomheten ble ikke lagret</source>
        <translation>Verksemda vart ikkje lagra</translation>
    </message>
    <message>
        <source>Vil du laste inn versjonen som er lagret nå? Det du har skrevet her, blir da erstattet. Svarer du nei, blir det du har skrevet stående (så du kan kopiere det), men det kan ikke lagres før du har lastet inn på nytt.</source>
        <translation>Vil du laste inn versjonen som er lagra no? Det du har skrive her, blir då erstatta. Svarar du nei, blir det du har skrive ståande (så du kan kopiere det), men det kan ikkje lagrast før du har lasta inn på nytt.</translation>
    </message>
    <message>
        <source>Endret av noen andre</source>
        <translation>Endra av nokon andre</translation>
    </message>
    <message>
        <source>Kan ikke laste inn virksomheten</source>
        <translation>Kan ikkje laste inn verksemda</translation>
    </message>
    <message>
        <source>Lastet inn versjonen som er lagret nå. Gjør endringen din igjen og lagre.</source>
        <translation>Lasta inn versjonen som er lagra no. Gjer endringa di igjen og lagre.</translation>
    </message>
    <message>
        <source>Endre hendelse</source>
        <translation>Endre hending</translation>
    </message>
    <message>
        <source>Ny hendelse</source>
        <translation>Ny hending</translation>
    </message>
    <message>
        <source>f.eks. HR-direktør, hovedtillitsvalgt, verneombud</source>
        <translation>t.d. HR-direktør, hovudtillitsvald, verneombod</translation>
    </message>
    <message>
        <source>Er protokollen eller referatet signert av begge parter?</source>
        <translation>Er protokollen eller referatet signert av begge partar?</translation>
    </message>
    <message>
        <source>(ikke oppgitt)</source>
        <translation>(ikkje oppgitt)</translation>
    </message>
    <message>
        <source>&amp;Hendelse:</source>
        <translation>&amp;Hending:</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>De&amp;ltakere:</source>
        <translation>De&amp;ltakarar:</translation>
    </message>
    <message>
        <source>Endre trinn</source>
        <translation>Endre steg</translation>
    </message>
    <message>
        <source>Løft saken videre</source>
        <translation>Løft saka vidare</translation>
    </message>
    <message>
        <source>Når arbeidsgiveren avviser kravet lokalt, kan saken løftes videre: til de sentrale partene og deretter Arbeidsretten – i staten som tvist etter tjenestetvistloven. Registrer hvert trinn med dato, og utfallet når det kommer.</source>
        <translation>Når arbeidsgivaren avviser kravet lokalt, kan saka løftast vidare: til dei sentrale partane og deretter Arbeidsretten – i staten som tvist etter tenestetvistlova. Registrer kvart steg med dato, og utfallet når det kjem.</translation>
    </message>
    <message>
        <source>(ikke avgjort ennå)</source>
        <translation>(ikkje avgjort enno)</translation>
    </message>
    <message>
        <source>f.eks. Arbeidsrettens saksnummer</source>
        <translation>t.d. saksnummeret i Arbeidsretten</translation>
    </message>
    <message>
        <source>&amp;Trinn:</source>
        <translation>&amp;Steg:</translation>
    </message>
    <message>
        <source>Løftet &amp;dit:</source>
        <translation>Løfta &amp;dit:</translation>
    </message>
    <message>
        <source>Utfallet &amp;kom:</source>
        <translation>Utfallet &amp;kom:</translation>
    </message>
    <message>
        <source>&amp;Referanse:</source>
        <translation>&amp;Referanse:</translation>
    </message>
    <message>
        <source>&amp;Notat:</source>
        <translation>&amp;Notat:</translation>
    </message>
    <message>
        <source>Signert av &amp;begge:</source>
        <translation>Signert av &amp;begge:</translation>
    </message>
    <message>
        <source>&amp;Brevtype:</source>
        <translation>&amp;Brevtype:</translation>
    </message>
    <message>
        <source>&amp;Svarfrist:</source>
        <translation>&amp;Svarfrist:</translation>
    </message>
    <message>
        <source>Nytt brev – sak </source>
        <translation>Nytt brev – sak </translation>
    </message>
    <message>
        <source> (foreslått)</source>
        <translation> (føreslått)</translation>
    </message>
    <message>
        <source>Ny gruppesak</source>
        <translation>Ny gruppesak</translation>
    </message>
    <message>
        <source>En gruppesak er én beslutning hos arbeidsgiveren som gjelder flere enheter. Sakene i gruppen får gruppens varseldato og beslutningsdato, og brev kan skrives til alle sakene samtidig.</source>
        <translation>Ei gruppesak er éi avgjerd hos arbeidsgivaren som gjeld fleire einingar. Sakene i gruppa får varslingsdatoen og avgjerdsdatoen til gruppa, og brev kan skrivast til alle sakene samstundes.</translation>
    </message>
    <message>
        <source>f.eks. Nytt kontorkonsept 2027</source>
        <translation>t.d. Nytt kontorkonsept 2027</translation>
    </message>
    <message>
        <source>&amp;Beskrivelse:</source>
        <translation>&amp;Skildring:</translation>
    </message>
    <message>
        <source>&amp;Varslet:</source>
        <translation>&amp;Varsla:</translation>
    </message>
    <message>
        <source>Be&amp;slutning:</source>
        <translation>Av&amp;gjerd:</translation>
    </message>
    <message>
        <source>Søk etter saker å ta med …</source>
        <translation>Søk etter saker å ta med …</translation>
    </message>
    <message>
        <source>&amp;Opprett gruppesaken</source>
        <translation>&amp;Opprett gruppesaka</translation>
    </message>
    <message>
        <source>Saker i gruppen (kryss av):</source>
        <translation>Saker i gruppa (kryss av):</translation>
    </message>
    <message>
        <source>Søk etter saker</source>
        <translation>Søk etter saker</translation>
    </message>
    <message>
        <source>Saker i gruppen</source>
        <translation>Saker i gruppa</translation>
    </message>
    <message>
        <source>Mellomrom krysser av en sak.</source>
        <translation>Mellomrom kryssar av ei sak.</translation>
    </message>
    <message>
        <source>Valgt: </source>
        <translation>Valt: </translation>
    </message>
    <message>
        <source>Knytt saken til en gruppesak</source>
        <translation>Knyt saka til ei gruppesak</translation>
    </message>
    <message>
        <source>saker</source>
        <translation>saker</translation>
    </message>
    <message>
        <source>Saken får gruppens varseldato og beslutningsdato; endringen står i historikken.</source>
        <translation>Saka får varslingsdatoen og avgjerdsdatoen til gruppa; endringa står i historikken.</translation>
    </message>
    <message>
        <source>&amp;Gruppesak:</source>
        <translation>&amp;Gruppesak:</translation>
    </message>
    <message>
        <source>Det finnes ingen gruppesaker ennå. Lag en med «Ny gruppesak …».</source>
        <translation>Det finst ingen gruppesaker enno. Lag ei med «Ny gruppesak …».</translation>
    </message>
    <message>
        <source>&amp;Knytt til</source>
        <translation>&amp;Knyt til</translation>
    </message>
    <message>
        <source>Brev til hele gruppesaken</source>
        <translation>Brev til heile gruppesaka</translation>
    </message>
    <message>
        <source>Ett brev til hver sak i gruppesaken «</source>
        <translation>Eitt brev til kvar sak i gruppesaka «</translation>
    </message>
    <message>
        <source>»: </source>
        <translation>»: </translation>
    </message>
    <message>
        <source>. Hvert brev får sitt eget journalnummer i sin sak. Kan ett av brevene ikke lages, lages ingen.</source>
        <translation>. Kvart brev får sitt eige journalnummer i si sak. Kan eitt av breva ikkje lagast, blir ingen laga.</translation>
    </message>
    <message>
        <source> dager</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Lagre også brevene som Word-filer i en mappe</source>
        <translation>Lagre òg breva som Word-filer i ei mappe</translation>
    </message>
    <message>
        <source>… og som PDF-filer</source>
        <translation>… og som PDF-filer</translation>
    </message>
    <message>
        <source>PDF krever LibreOffice eller Word på maskinen</source>
        <translation>PDF krev LibreOffice eller Word på maskina</translation>
    </message>
    <message>
        <source>&amp;Lag brevene</source>
        <translation>&amp;Lag breva</translation>
    </message>
    <message>
        <source>Mappe for brevene</source>
        <translation>Mappe for breva</translation>
    </message>
    <message>
        <source>Endre gruppesaken</source>
        <translation>Endre gruppesaka</translation>
    </message>
    <message>
        <source>Endrede datoer skrives på alle sakene i gruppen, og det står i historikken til hver sak. Kan én sak ikke ta datoen, endres ingenting.</source>
        <translation>Endra datoar blir skrivne på alle sakene i gruppa, og det står i historikken til kvar sak. Kan éi sak ikkje ta datoen, blir ingenting endra.</translation>
    </message>
    <message>
        <source>Målformen brevet skrives på. Forhåndsvalgt fra virksomheten, ellers profilen.</source>
        <translation>Målforma brevet blir skrive på. Førehandsvald frå verksemda, elles frå profilen.</translation>
    </message>
    <message>
        <source>Mål&amp;form:</source>
        <translation>Mål&amp;form:</translation>
    </message>
    <message>
        <source>Deres &amp;ref.:</source>
        <translation>Dykkar &amp;ref.:</translation>
    </message>
    <message>
        <source>f.eks. verneombud Per Olsen</source>
        <translation>t.d. verneombod Per Olsen</translation>
    </message>
    <message>
        <source>&amp;Kopi til:</source>
        <translation>&amp;Kopi til:</translation>
    </message>
    <message>
        <source>Bestemmelser brevet viser til</source>
        <translation>Føresegner brevet viser til</translation>
    </message>
    <message>
        <source> (ikke kontrollert)</source>
        <translation> (ikkje kontrollert)</translation>
    </message>
    <message>
        <source>Egen tekst som tas med i brevet (valgfritt)</source>
        <translation>Eigen tekst som blir teken med i brevet (valfritt)</translation>
    </message>
    <message>
        <source>&amp;Egen tekst:</source>
        <translation>&amp;Eigen tekst:</translation>
    </message>
    <message>
        <source>Forhåndsvisning av brevet</source>
        <translation>Førehandsvising av brevet</translation>
    </message>
    <message>
        <source>Brevet slik det blir skrevet ut</source>
        <translation>Brevet slik det blir skrive ut</translation>
    </message>
    <message>
        <source>Lagre som &amp;Word…</source>
        <translation>Lagre som &amp;Word…</translation>
    </message>
    <message>
        <source>Lagre som &amp;PDF…</source>
        <translation>Lagre som &amp;PDF…</translation>
    </message>
    <message>
        <source>Krever LibreOffice eller Word, og ingen av dem er installert.</source>
        <translation>Krev LibreOffice eller Word, og ingen av dei er installerte.</translation>
    </message>
    <message>
        <source>Forhåndsvisningen viser bare teksten: sidene slik de skrives ut lages med LibreOffice eller Word, og ingen av dem er installert.</source>
        <translation>Førehandsvisinga viser berre teksten: sidene slik dei blir skrivne ut blir laga med LibreOffice eller Word, og ingen av dei er installerte.</translation>
    </message>
    <message>
        <source>&amp;Merk som sendt</source>
        <translation>&amp;Merk som sendt</translation>
    </message>
    <message>
        <source>Lagre brevet først.</source>
        <translation>Lagre brevet først.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Lagre endringene først (brevet beholder nummeret).</source>
        <translation>Lagre endringane først (brevet held på nummeret).</translation>
    </message>
    <message>
        <source>Denne brevtypen har ingen svarfrist.</source>
        <translation>Denne brevtypen har ingen svarfrist.</translation>
    </message>
    <message>
        <source>Kontroller: </source>
        <translation>Kontroller: </translation>
    </message>
    <message>
        <source> – oppdateres …</source>
        <translation> – blir oppdatert …</translation>
    </message>
    <message>
        <source>Lager sidene slik de skrives ut …</source>
        <translation>Lagar sidene slik dei blir skrivne ut …</translation>
    </message>
    <message>
        <source>Utkast </source>
        <translation>Utkast </translation>
    </message>
    <message>
        <source> (beholder nummeret når det lagres igjen), A4</source>
        <translation> (held på nummeret når det blir lagra igjen), A4</translation>
    </message>
    <message>
        <source> slik det blir skrevet ut, A4</source>
        <translation> slik det blir skrive ut, A4</translation>
    </message>
    <message>
        <source>Sidene kunne ikke lages, så forhåndsvisningen viser teksten: </source>
        <translation>Sidene kunne ikkje lagast, så førehandsvisinga viser teksten: </translation>
    </message>
    <message>
        <source>Skriv «</source>
        <translation>Skriv «</translation>
    </message>
    <message>
        <source>»</source>
        <translation>»</translation>
    </message>
    <message>
        <source>Bruk </source>
        <translation>Bruk </translation>
    </message>
    <message>
        <source>Brevet lages ikke</source>
        <translation>Brevet blir ikkje laga</translation>
    </message>
    <message>
        <source>Lagre brevet</source>
        <translation>Lagre brevet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>Brevet ble ikke lagret</source>
        <translation>Brevet vart ikkje lagra</translation>
    </message>
    <message>
        <source>Lagret som </source>
        <translation>Lagra som </translation>
    </message>
    <message>
        <source>Lås brevet, før «Brev sendt» i tidslinjen og opprett svarfristen.</source>
        <translation>Lås brevet, før «Brev sendt» i tidslina og opprett svarfristen.</translation>
    </message>
    <message>
        <source>Interne dokumenter sendes ikke.</source>
        <translation>Interne dokument blir ikkje sende.</translation>
    </message>
    <message>
        <source>Ikke merket som sendt</source>
        <translation>Ikkje merkt som sendt</translation>
    </message>
    <message>
        <source>Brev </source>
        <translation>Brev </translation>
    </message>
    <message>
        <source> er merket som sendt; svarfristen er opprettet.</source>
        <translation> er merkt som sendt; svarfristen er oppretta.</translation>
    </message>
    <message>
        <source>Rapport til landsmøtet</source>
        <translation>Rapport til landsmøtet</translation>
    </message>
    <message>
        <source>Per år</source>
        <translation>Per år</translation>
    </message>
    <message>
        <source>Per kvartal</source>
        <translation>Per kvartal</translation>
    </message>
    <message>
        <source>Tall under dette (etter støy) vises som «–», så ingen kan kjennes igjen</source>
        <translation>Tal under dette (etter støy) blir viste som «–», så ingen kan kjennast att</translation>
    </message>
    <message>
        <source>Ikke navngi virksomheter (bare sektor og størrelse)</source>
        <translation>Ikkje namngi verksemder (berre sektor og storleik)</translation>
    </message>
    <message>
        <source>Velg …</source>
        <translation>Vel …</translation>
    </message>
    <message>
        <source>Også regneark (.xlsx) ved siden av</source>
        <translation>Òg rekneark (.xlsx) ved sidan av</translation>
    </message>
    <message>
        <source>Også tabellene som CSV (.csv) for forbundskontoret</source>
        <translation>Òg tabellane som CSV (.csv) for forbundskontoret</translation>
    </message>
    <message>
        <source>Åpne rapporten når den er ferdig</source>
        <translation>Opne rapporten når han er ferdig</translation>
    </message>
    <message>
        <source>&amp;Fra:</source>
        <translation>&amp;Frå:</translation>
    </message>
    <message>
        <source>&amp;Til:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Utvikling:</source>
        <translation>&amp;Utvikling:</translation>
    </message>
    <message>
        <source>&amp;Minste tall som vises:</source>
        <translation>&amp;Minste tal som blir vist:</translation>
    </message>
    <message>
        <source>&amp;Lagre som:</source>
        <translation>&amp;Lagre som:</translation>
    </message>
    <message>
        <source>&amp;Lag rapporten</source>
        <translation>&amp;Lag rapporten</translation>
    </message>
    <message>
        <source>Lagre rapporten</source>
        <translation>Lagre rapporten</translation>
    </message>
    <message>
        <source>Rapporten er ikke laget</source>
        <translation>Rapporten er ikkje laga</translation>
    </message>
    <message>
        <source>«Til» er før «Fra».</source>
        <translation>«Til» er før «Frå».</translation>
    </message>
    <message>
        <source>Skrive over?</source>
        <translation>Skrive over?</translation>
    </message>
    <message>
        <source>Disse filene finnes allerede og blir skrevet over:</source>
        <translation>Desse filene finst alt og blir skrivne over:</translation>
    </message>
    <message>
        <source>Lager rapporten …</source>
        <translation>Lagar rapporten …</translation>
    </message>
    <message>
        <source>Rapporten er lagret: </source>
        <translation>Rapporten er lagra: </translation>
    </message>
    <message>
        <source>Gjenopprett fra sikkerhetskopi</source>
        <translation>Gjenopprett frå tryggingskopi</translation>
    </message>
    <message>
        <source>Velg kopien du vil gå tilbake til. Alt som er lagret etter at kopien ble tatt, blir borte fra databasen – men databasen slik den er nå, lagres først som en egen sikkerhetskopi, så du kan angre.</source>
        <translation>Vel kopien du vil gå tilbake til. Alt som er lagra etter at kopien vart teken, blir borte frå databasen – men databasen slik han er no, blir lagra først som ein eigen tryggingskopi, så du kan angre.</translation>
    </message>
    <message>
        <source>Sikkerhetskopier</source>
        <translation>Tryggleikskopiar</translation>
    </message>
    <message>
        <source>&amp;Annen fil …</source>
        <translation>&amp;Anna fil …</translation>
    </message>
    <message>
        <source>Gjenopprett fra en kopi som ligger et annet sted</source>
        <translation>Gjenopprett frå ein kopi som ligg ein annan stad</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett</source>
        <translation>&amp;Gjenopprett</translation>
    </message>
    <message>
        <source>Det er ingen sikkerhetskopier ennå.</source>
        <translation>Det finst ingen tryggingskopiar enno.</translation>
    </message>
    <message>
        <source>En PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den som drifter den.</source>
        <translation>Ein PostgreSQL-database blir tryggingskopiert på tenaren (pg_dump) av den som driftar han.</translation>
    </message>
    <message>
        <source>Velg sikkerhetskopi</source>
        <translation>Vel tryggingskopi</translation>
    </message>
    <message>
        <source>Databaser (*.db);;Alle filer (*)</source>
        <translation>Databasar (*.db);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Sjekker kopien …</source>
        <translation>Sjekkar kopien …</translation>
    </message>
    <message>
        <source>Kopien er hel og kan brukes: </source>
        <translation>Kopien er heil og kan brukast: </translation>
    </message>
    <message>
        <source>Denne kopien kan ikke brukes:</source>
        <translation>Denne kopien kan ikkje brukast:</translation>
    </message>
    <message>
        <source>Gjenopprette?</source>
        <translation>Gjenopprette?</translation>
    </message>
    <message>
        <source>Erstatte hele databasen med kopien {name}? Databasen slik den er nå, lagres først som egen sikkerhetskopi.</source>
        <translation>Erstatte heile databasen med kopien {name}? Databasen slik han er no, blir lagra først som eigen tryggingskopi.</translation>
    </message>
    <message>
        <source>Gjenoppretter …</source>
        <translation>Gjenoppretter …</translation>
    </message>
    <message>
        <source>Gjenopprettet</source>
        <translation>Gjenoppretta</translation>
    </message>
    <message>
        <source>Databasen er gjenopprettet. Slik den var før, er lagret i </source>
        <translation>Databasen er gjenoppretta. Slik han var før, er lagra i </translation>
    </message>
    <message>
        <source>Mappen har ingen Word-maler (.docx). Brevene bruker de innebygde malene.</source>
        <translation>Mappa har ingen Word-malar (.docx). Breva brukar dei innebygde malane.</translation>
    </message>
    <message>
        <source>{count} maler kontrollert: </source>
        <translation>{count} malar kontrollerte: </translation>
    </message>
    <message>
        <source>alle kan brukes.</source>
        <translation>alle kan brukast.</translation>
    </message>
    <message>
        <source>{bad} har feil som må rettes i Word før de kan brukes.</source>
        <translation>{bad} har feil som må rettast i Word før dei kan brukast.</translation>
    </message>
    <message>
        <source>ukjent brevtype</source>
        <translation>ukjend brevtype</translation>
    </message>
    <message>
        <source>: ingen feil</source>
        <translation>: ingen feil</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Innstillingar</translation>
    </message>
    <message>
        <source>&amp;Profil</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;Brev</source>
        <translation>&amp;Brev</translation>
    </message>
    <message>
        <source>Lukk innstillingene; har du endringer som ikke er lagret, spør vi først.</source>
        <translation>Lukk innstillingane; har du endringar som ikkje er lagra, spør vi først.</translation>
    </message>
    <message>
        <source>&amp;Lagre profilen</source>
        <translation>&amp;Lagre profilen</translation>
    </message>
    <message>
        <source>Lagre profilen; den brukes fra neste brev.</source>
        <translation>Lagre profilen; han blir brukt frå neste brev.</translation>
    </message>
    <message>
        <source>Profilen din står som avsender i brevene du lager (navn, rolle, sted).</source>
        <translation>Profilen din står som avsendar i breva du lagar (namn, rolle, stad).</translation>
    </message>
    <message>
        <source>Profilen er ikke lagret</source>
        <translation>Profilen er ikkje lagra</translation>
    </message>
    <message>
        <source>✓ Profilen er lagret.</source>
        <translation>✓ Profilen er lagra.</translation>
    </message>
    <message>
        <source>«{union}»</source>
        <translation>«{union}»</translation>
    </message>
    <message>
        <source>(ikke fylt ut)</source>
        <translation>(ikkje fylt ut)</translation>
    </message>
    <message>
        <source>skrives under Profil → Forbund, og brukes både i brevhodet og på forsiden av landsmøterapporten.</source>
        <translation>skriv du under Profil → Forbund, og han blir brukt både i brevhovudet og på framsida av landsmøterapporten.</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Brev</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>Du har endringer som ikke er lagret under: {tabs}. Vil du lagre dem?</source>
        <translation>Du har endringar som ikkje er lagra under: {tabs}. Vil du lagre dei?</translation>
    </message>
    <message>
        <source>Databasen som er åpen nå: {where}</source>
        <translation>Databasen som er open no: {where}</translation>
    </message>
    <message>
        <source>Database ved neste oppstart</source>
        <translation>Database ved neste oppstart</translation>
    </message>
    <message>
        <source>&amp;Standardfilen på denne maskinen</source>
        <translation>&amp;Standardfila på denne maskina</translation>
    </message>
    <message>
        <source>SQLite-filen i programmets datamappe: {file}</source>
        <translation>SQLite-fila i datamappa til programmet: {file}</translation>
    </message>
    <message>
        <source>&amp;Annen SQLite-fil</source>
        <translation>&amp;Anna SQLite-fil</translation>
    </message>
    <message>
        <source>En databasefil et annet sted, f.eks. på en kryptert disk. Finnes ikke filen, lages en ny, tom database når du tester.</source>
        <translation>Ei databasefil ein annan stad, t.d. på ein kryptert disk. Finst ikkje fila, blir det laga ein ny, tom database når du testar.</translation>
    </message>
    <message>
        <source>Sti til databasefilen, f.eks. </source>
        <translation>Sti til databasefila, t.d. </translation>
    </message>
    <message>
        <source>Hele stien til SQLite-filen.</source>
        <translation>Heile stien til SQLite-fila.</translation>
    </message>
    <message>
        <source>&amp;Velg fil …</source>
        <translation>&amp;Vel fil …</translation>
    </message>
    <message>
        <source>Velg en databasefil, eller skriv navnet på en ny.</source>
        <translation>Vel ei databasefil, eller skriv namnet på ei ny.</translation>
    </message>
    <message>
        <source>P&amp;ostgreSQL-tjener (delt database for et kontor)</source>
        <translation>P&amp;ostgreSQL-tenar (delt database for eit kontor)</translation>
    </message>
    <message>
        <source>En database på en tjener som flere tillitsvalgte bruker sammen.</source>
        <translation>Ein database på ein tenar som fleire tillitsvalde brukar saman.</translation>
    </message>
    <message>
        <source>Adressen til databasen, uten passord: postgresql://bruker@tjener:port/database</source>
        <translation>Adressa til databasen, utan passord: postgresql://brukar@tenar:port/database</translation>
    </message>
    <message>
        <source>Adr&amp;esse:</source>
        <translation>Adr&amp;esse:</translation>
    </message>
    <message>
        <source>Adressen inneholder et passord. Det blir fjernet: tilkoblingen testes og lagres uten passord, slik programmet kobler til ved neste oppstart.</source>
        <translation>Adressa inneheld eit passord. Det blir fjerna: sambandet blir testa og lagra utan passord, slik programmet koplar til ved neste oppstart.</translation>
    </message>
    <message>
        <source>&amp;Test tilkoblingen</source>
        <translation>&amp;Test sambandet</translation>
    </message>
    <message>
        <source>Åpne databasen på prøve. Valget kan lagres først når testen har lyktes.</source>
        <translation>Opne databasen på prøve. Valet kan lagrast først når testen har lukkast.</translation>
    </message>
    <message>
        <source>&amp;Lagre databasevalget</source>
        <translation>&amp;Lagre databasevalet</translation>
    </message>
    <message>
        <source>Test tilkoblingen først.</source>
        <translation>Test sambandet først.</translation>
    </message>
    <message>
        <source>Valgt for oppstart: {where}</source>
        <translation>Vald for oppstart: {where}</translation>
    </message>
    <message>
        <source>Skriv inn eller velg en databasefil.</source>
        <translation>Skriv inn eller vel ei databasefil.</translation>
    </message>
    <message>
        <source>Skriv inn adressen til databasen, f.eks. </source>
        <translation>Skriv inn adressa til databasen, t.d. </translation>
    </message>
    <message>
        <source>Velg databasefil</source>
        <translation>Vel databasefil</translation>
    </message>
    <message>
        <source>SQLite-database (*.db *.sqlite);;Alle filer (*)</source>
        <translation>SQLite-database (*.db *.sqlite);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Tester tilkoblingen …</source>
        <translation>Testar sambandet …</translation>
    </message>
    <message>
        <source>Lagre valget; det tas i bruk neste gang du starter Tillitsvalgt.</source>
        <translation>Lagre valet; det blir teke i bruk neste gong du startar Tillitsvalgt.</translation>
    </message>
    <message>
        <source>✓ Tilkoblingen virker: {where}. Du kan lagre valget.</source>
        <translation>✓ Sambandet verkar: {where}. Du kan lagre valet.</translation>
    </message>
    <message>
        <source>Databasevalget er ikke lagret</source>
        <translation>Databasevalet er ikkje lagra</translation>
    </message>
    <message>
        <source>Test tilkoblingen først; bare en database som virker, kan lagres.</source>
        <translation>Test sambandet først; berre ein database som verkar, kan lagrast.</translation>
    </message>
    <message>
        <source>Lagret. Start Tillitsvalgt på nytt for å ta i bruk databasen {where}; til da brukes databasen som er åpen nå.</source>
        <translation>Lagra. Start Tillitsvalgt på nytt for å ta i bruk databasen {where}; til då blir databasen som er open no, brukt.</translation>
    </message>
    <message>
        <source>Start programmet på nytt</source>
        <translation>Start programmet på nytt</translation>
    </message>
    <message>
        <source>Forbundets navn:</source>
        <translation>Namnet på forbundet:</translation>
    </message>
    <message>
        <source>Tom: de innebygde malene</source>
        <translation>Tom: dei innebygde malane</translation>
    </message>
    <message>
        <source>Mappe med kontorets egne Word-maler. En fil som heter &lt;brevtype&gt;.docx (f.eks. krav_om_drofting.docx) erstatter den innebygde malen for den typen.</source>
        <translation>Mappe med kontoret sine eigne Word-malar. Ei fil som heiter &lt;brevtype&gt;.docx (t.d. krav_om_drofting.docx) erstattar den innebygde malen for den typen.</translation>
    </message>
    <message>
        <source>&amp;Kontroller malene</source>
        <translation>&amp;Kontroller malane</translation>
    </message>
    <message>
        <source>Se etter feil i hver mal i mappen: ukjente felt, feil i mal-koden, og det Word har ødelagt.</source>
        <translation>Sjå etter feil i kvar mal i mappa: ukjende felt, feil i malkoden, og det Word har øydelagt.</translation>
    </message>
    <message>
        <source>Resultatet av malkontrollen</source>
        <translation>Resultatet av malkontrollen</translation>
    </message>
    <message>
        <source>Resultatet av kontrollen vises her.</source>
        <translation>Resultatet av kontrollen blir vist her.</translation>
    </message>
    <message>
        <source>&amp;Lagre brevinnstillingene</source>
        <translation>&amp;Lagre brevinnstillingane</translation>
    </message>
    <message>
        <source>Lagre; det gjelder fra neste brev.</source>
        <translation>Lagre; det gjeld frå neste brev.</translation>
    </message>
    <message>
        <source>Pakke fra forbundskontoret:</source>
        <translation>Pakke frå forbundskontoret:</translation>
    </message>
    <message>
        <source>&amp;Malmappe:</source>
        <translation>&amp;Malmappe:</translation>
    </message>
    <message>
        <source>Ingen malmappe er valgt: brevene bruker de innebygde malene.</source>
        <translation>Inga malmappe er vald: breva brukar dei innebygde malane.</translation>
    </message>
    <message>
        <source>Kontrollerer malene …</source>
        <translation>Kontrollerer malane …</translation>
    </message>
    <message>
        <source>Brevinnstillingene er ikke lagret</source>
        <translation>Brevinnstillingane er ikkje lagra</translation>
    </message>
    <message>
        <source>✓ Lagret; det gjelder fra neste brev.</source>
        <translation>✓ Lagra; det gjeld frå neste brev.</translation>
    </message>
    <message>
        <source>&amp;Navn *:</source>
        <translation>&amp;Namn *:</translation>
    </message>
    <message>
        <source>Navnet ditt slik det skal stå under brevene.</source>
        <translation>Namnet ditt slik det skal stå under breva.</translation>
    </message>
    <message>
        <source>f.eks. Kari Nordmann</source>
        <translation>t.d. Kari Nordmann</translation>
    </message>
    <message>
        <source>&amp;Rolle:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Vervet ditt, slik det står under navnet i brevene.</source>
        <translation>Vervet ditt, slik det står under namnet i breva.</translation>
    </message>
    <message>
        <source>f.eks. hovedtillitsvalgt</source>
        <translation>t.d. hovudtillitsvald</translation>
    </message>
    <message>
        <source>&amp;Forbund:</source>
        <translation>&amp;Forbund:</translation>
    </message>
    <message>
        <source>Forbundet du er tillitsvalgt for.</source>
        <translation>Forbundet du er tillitsvald for.</translation>
    </message>
    <message>
        <source>f.eks. Forbundet for ansatte</source>
        <translation>t.d. Forbundet for tilsette</translation>
    </message>
    <message>
        <source>&amp;Avdeling/klubb:</source>
        <translation>&amp;Avdeling/klubb:</translation>
    </message>
    <message>
        <source>Avdelingen eller klubben du representerer (valgfritt).</source>
        <translation>Avdelinga eller klubben du representerer (valfritt).</translation>
    </message>
    <message>
        <source>&amp;E-post:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>E-postadressen arbeidsgiver kan svare til.</source>
        <translation>E-postadressa arbeidsgivaren kan svare til.</translation>
    </message>
    <message>
        <source>navn@eksempel.no</source>
        <translation>namn@døme.no</translation>
    </message>
    <message>
        <source>Telefonnummeret ditt (valgfritt).</source>
        <translation>Telefonnummeret ditt (valfritt).</translation>
    </message>
    <message>
        <source>&amp;Sted for brev *:</source>
        <translation>&amp;Stad for brev *:</translation>
    </message>
    <message>
        <source>Stedet brevene skrives fra; det står først i «Sted, dato» i hvert brev.</source>
        <translation>Staden breva blir skrivne frå; han står først i «Stad, dato» i kvart brev.</translation>
    </message>
    <message>
        <source>f.eks. Tromsø</source>
        <translation>t.d. Tromsø</translation>
    </message>
    <message>
        <source>Hovedorganisasjonen forbundet ditt tilhører (Delta og Negotia: YS). Den avgjør hvilken versjon av hovedavtalen brevene viser til.</source>
        <translation>Hovudorganisasjonen forbundet ditt høyrer til (Delta og Negotia: YS). Han avgjer kva versjon av hovudavtalen breva viser til.</translation>
    </message>
    <message>
        <source>Hovedorganisasjon</source>
        <translation>Hovudorganisasjon</translation>
    </message>
    <message>
        <source>&amp;Hovedorganisasjon:</source>
        <translation>&amp;Hovudorganisasjon:</translation>
    </message>
    <message>
        <source>Målformen brevene dine skrives på når virksomheten ikke har en egen. Du kan velge en annen for hvert brev.</source>
        <translation>Målforma breva dine blir skrivne på når verksemda ikkje har ei eiga. Du kan velje ei anna for kvart brev.</translation>
    </message>
    <message>
        <source>Målform i brev</source>
        <translation>Målform i brev</translation>
    </message>
    <message>
        <source>Tekst under navnet i brevene, f.eks. en hilsen (valgfritt).</source>
        <translation>Tekst under namnet i breva, t.d. ei helsing (valfritt).</translation>
    </message>
    <message>
        <source>Si&amp;gnatur:</source>
        <translation>Si&amp;gnatur:</translation>
    </message>
    <message>
        <source>* må fylles ut</source>
        <translation>* må fyllast ut</translation>
    </message>
    <message>
        <source>må fylles ut – brevene begynner med «Sted, dato»</source>
        <translation>må fyllast ut – breva byrjar med «Stad, dato»</translation>
    </message>
    <message>
        <source>Velkommen til Tillitsvalgt</source>
        <translation>Velkomen til Tillitsvalgt</translation>
    </message>
    <message>
        <source>Velkommen til Tillitsvalgt!</source>
        <translation>Velkomen til Tillitsvalgt!</translation>
    </message>
    <message>
        <source>Tillitsvalgt holder orden på sakene dine om kontorendringer og hjemmekontor, og sier fra når arbeidsgiveren skulle ha informert eller drøftet med dere. Programmet passer fristene og skriver brevene – krav om drøfting, purringer og protokoller – med deg som avsender.</source>
        <translation>Tillitsvalgt held orden på sakene dine om kontorendringar og heimekontor, og seier frå når arbeidsgivaren skulle ha informert eller drøfta med dykk. Programmet passar fristane og skriv breva – krav om drøfting, purringar og protokollar – med deg som avsendar.</translation>
    </message>
    <message>
        <source>Fortell først hvem du er; det står under hvert brev du lager.</source>
        <translation>Fortel først kven du er; det står under kvart brev du lagar.</translation>
    </message>
    <message>
        <source>Fyll inn eksem&amp;pelsaker så jeg kan prøve programmet</source>
        <translation>Fyll inn døme&amp;saker så eg kan prøve programmet</translation>
    </message>
    <message>
        <source>&amp;Kom i gang</source>
        <translation>&amp;Kom i gang</translation>
    </message>
    <message>
        <source>Lagre profilen og åpne programmet.</source>
        <translation>Lagre profilen og opne programmet.</translation>
    </message>
    <message>
        <source>Legger inn et halvt hundre oppdiktede saker med virksomheter og hendelser, så du kan se hvordan programmet vurderer dem. De er merket DEMO, telles aldri i rapporten og fjernes med Fil → «Fjern demodata».</source>
        <translation>Legg inn eit halvt hundre oppdikta saker med verksemder og hendingar, så du kan sjå korleis programmet vurderer dei. Dei er merkte DEMO, blir aldri talde i rapporten og blir fjerna med Fil → «Fjern demodata».</translation>
    </message>
    <message>
        <source>Databasen har allerede saker. Eksempelsaker legges bare inn i en tom database, så de aldri blandes med ekte saker.</source>
        <translation>Databasen har alt saker. Dømesaker blir berre lagde inn i ein tom database, så dei aldri blir blanda med ekte saker.</translation>
    </message>
    <message>
        <source>Legger inn eksempelsakene …</source>
        <translation>Legg inn dømesakene …</translation>
    </message>
    <message>
        <source>Eksempelsakene ble ikke lagt inn</source>
        <translation>Dømesakene vart ikkje lagde inn</translation>
    </message>
    <message>
        <source>

Profilen din er lagret.</source>
        <translation>

Profilen din er lagra.</translation>
    </message>
    <message>
        <source>Uventet feil</source>
        <translation>Uventa feil</translation>
    </message>
    <message>
        <source>Det skjedde en feil i Tillitsvalgt som ikke skulle skjedd. Det du har lagret, er i behold; det du holdt på med nå, ble ikke lagret. Kopier detaljene og send dem til den som drifter programmet.</source>
        <translation>Det skjedde ein feil i Tillitsvalgt som ikkje skulle ha skjedd. Det du har lagra, er i behald; det du heldt på med no, vart ikkje lagra. Kopier detaljane og send dei til den som driftar programmet.</translation>
    </message>
    <message>
        <source>Detaljer om feilen</source>
        <translation>Detaljar om feilen</translation>
    </message>
    <message>
        <source>Kopier detaljene</source>
        <translation>Kopier detaljane</translation>
    </message>
    <message>
        <source>Kan ikke fullføre</source>
        <translation>Kan ikkje fullføre</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Alle virksomheter</source>
        <translation>Alle verksemder</translation>
    </message>
    <message>
        <source>Søk i saker (tittel, beskrivelse, virksomhet) …</source>
        <translation>Søk i saker (tittel, skildring, verksemd) …</translation>
    </message>
    <message>
        <source>Alle typer</source>
        <translation>Alle typar</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>Alle statusar</translation>
    </message>
    <message>
        <source>Alle tidspunkter</source>
        <translation>Alle tidspunkt</translation>
    </message>
    <message>
        <source>&amp;Papirkurv</source>
        <translation>&amp;Papirkorg</translation>
    </message>
    <message>
        <source>Vis slettede saker, som kan gjenopprettes</source>
        <translation>Vis sletta saker, som kan gjenopprettast</translation>
    </message>
    <message>
        <source>Lagrede filtre: søk og valg du bruker ofte</source>
        <translation>Lagra filter: søk og val du brukar ofte</translation>
    </message>
    <message>
        <source>Lagre filter …</source>
        <translation>Lagre filter …</translation>
    </message>
    <message>
        <source>Lagre søket og valgene som et filter med navn</source>
        <translation>Lagre søket og vala som eit filter med namn</translation>
    </message>
    <message>
        <source>Bare sakene til én virksomhet</source>
        <translation>Berre sakene til éi verksemd</translation>
    </message>
    <message>
        <source>Bare saker fra ett år (saksnummerets år)</source>
        <translation>Berre saker frå eitt år (året i saksnummeret)</translation>
    </message>
    <message>
        <source>Alle år</source>
        <translation>Alle år</translation>
    </message>
    <message>
        <source>Saker</source>
        <translation>Saker</translation>
    </message>
    <message>
        <source>Virksomheter</source>
        <translation>Verksemder</translation>
    </message>
    <message>
        <source>Frister</source>
        <translation>Fristar</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Database: </translation>
    </message>
    <message>
        <source>Søk i sakene</source>
        <translation>Søk i sakene</translation>
    </message>
    <message>
        <source>Filter: sakstype</source>
        <translation>Filter: sakstype</translation>
    </message>
    <message>
        <source>Filter: status</source>
        <translation>Filter: status</translation>
    </message>
    <message>
        <source>Filter: tidspunkt for drøfting</source>
        <translation>Filter: tidspunkt for drøfting</translation>
    </message>
    <message>
        <source>Filter: virksomhet</source>
        <translation>Filter: verksemd</translation>
    </message>
    <message>
        <source>Filter: år</source>
        <translation>Filter: år</translation>
    </message>
    <message>
        <source>Lagrede filtre</source>
        <translation>Lagra filter</translation>
    </message>
    <message>
        <source>Piltastene velger en sak; overskriftene sorterer.</source>
        <translation>Piltastane vel ei sak; overskriftene sorterer.</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Sak</source>
        <translation>&amp;Sak</translation>
    </message>
    <message>
        <source>Verktøy</source>
        <translation>Verktøy</translation>
    </message>
    <message>
        <source>&amp;Ny sak …</source>
        <translation>&amp;Ny sak …</translation>
    </message>
    <message>
        <source>Opprett en ny sak (Ctrl+N)</source>
        <translation>Opprett ei ny sak (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lagre endringene i saken (Ctrl+S)</source>
        <translation>Lagre endringane i saka (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Søk</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>Gå til søkefeltet (Ctrl+F)</source>
        <translation>Gå til søkjefeltet (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nytt &amp;brev …</source>
        <translation>Nytt &amp;brev …</translation>
    </message>
    <message>
        <source>Skriv et brev i saken (Ctrl+L)</source>
        <translation>Skriv eit brev i saka (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Avslutt saken …</source>
        <translation>&amp;Avslutt saka …</translation>
    </message>
    <message>
        <source>Avslutt saken med et utfall</source>
        <translation>Avslutt saka med eit utfall</translation>
    </message>
    <message>
        <source>&amp;Gjenåpne saken</source>
        <translation>&amp;Opne saka att</translation>
    </message>
    <message>
        <source>&amp;Dupliser saken</source>
        <translation>&amp;Dupliser saka</translation>
    </message>
    <message>
        <source>En ny sak med samme virksomhet, type og beskrivelse</source>
        <translation>Ei ny sak med same verksemd, type og skildring</translation>
    </message>
    <message>
        <source>Flytt til &amp;papirkurven</source>
        <translation>Flytt til &amp;papirkorga</translation>
    </message>
    <message>
        <source>Saken kan gjenopprettes fra papirkurven</source>
        <translation>Saka kan gjenopprettast frå papirkorga</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett fra papirkurven</source>
        <translation>&amp;Gjenopprett frå papirkorga</translation>
    </message>
    <message>
        <source>&amp;Oppdater</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Saker</source>
        <translation>&amp;Saker</translation>
    </message>
    <message>
        <source>&amp;Virksomheter</source>
        <translation>&amp;Verksemder</translation>
    </message>
    <message>
        <source>&amp;Frister</source>
        <translation>&amp;Fristar</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Importer saker …</source>
        <translation>&amp;Importer saker …</translation>
    </message>
    <message>
        <source>Importer saker fra én eller flere filer (fra andre tillitsvalgte eller et tidligere uttrekk)</source>
        <translation>Importer saker frå éi eller fleire filer (frå andre tillitsvalde eller eit tidlegare uttrekk)</translation>
    </message>
    <message>
        <source>&amp;Eksporter saker …</source>
        <translation>&amp;Eksporter saker …</translation>
    </message>
    <message>
        <source>Skriv alle saker til en fil for forbundskontoret</source>
        <translation>Skriv alle saker til ei fil for forbundskontoret</translation>
    </message>
    <message>
        <source>Eksporter &amp;listen til regneark …</source>
        <translation>Eksporter &amp;lista til rekneark …</translation>
    </message>
    <message>
        <source>Sakslisten med filtrene du har valgt, alle sider, som .xlsx eller .csv</source>
        <translation>Sakslista med filtera du har valt, alle sider, som .xlsx eller .csv</translation>
    </message>
    <message>
        <source>Ta &amp;sikkerhetskopi nå</source>
        <translation>Ta &amp;tryggingskopi no</translation>
    </message>
    <message>
        <source>Kopier databasen til sikkerhetskopimappen</source>
        <translation>Kopier databasen til mappa for tryggingskopiar</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett fra sikkerhetskopi …</source>
        <translation>&amp;Gjenopprett frå tryggingskopi …</translation>
    </message>
    <message>
        <source>Gå tilbake til databasen slik den var da en sikkerhetskopi ble tatt</source>
        <translation>Gå tilbake til databasen slik han var då ein tryggingskopi vart teken</translation>
    </message>
    <message>
        <source>&amp;Innstillinger …</source>
        <translation>&amp;Innstillingar …</translation>
    </message>
    <message>
        <source>Profil, database og brev</source>
        <translation>Profil, database og brev</translation>
    </message>
    <message>
        <source>&amp;Rapport til landsmøtet …</source>
        <translation>&amp;Rapport til landsmøtet …</translation>
    </message>
    <message>
        <source>Statistikken over sakene i en periode, som Word og regneark</source>
        <translation>Statistikken over sakene i ein periode, som Word og rekneark</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;Brukerveiledning</source>
        <translation>&amp;Brukarrettleiing</translation>
    </message>
    <message>
        <source>Slik bruker du Tillitsvalgt, med bilder (F1)</source>
        <translation>Slik brukar du Tillitsvalgt, med bilete (F1)</translation>
    </message>
    <message>
        <source>&amp;Om Tillitsvalgt</source>
        <translation>&amp;Om Tillitsvalgt</translation>
    </message>
    <message>
        <source>Ta i bruk &amp;pakke fra forbundskontoret …</source>
        <translation>Ta i bruk &amp;pakke frå forbundskontoret …</translation>
    </message>
    <message>
        <source>Lovkatalog, brevmaler og forbundets navn fra forbundskontoret, i én fil</source>
        <translation>Lovkatalog, brevmalar og namnet på forbundet frå forbundskontoret, i éi fil</translation>
    </message>
    <message>
        <source>Skriv &amp;ut saksoversikten …</source>
        <translation>Skriv &amp;ut saksoversikta …</translation>
    </message>
    <message>
        <source>Saken med vurdering, tidslinje, frister og dokumenter på papir (Ctrl+P)</source>
        <translation>Saka med vurdering, tidsline, fristar og dokument på papir (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ny &amp;gruppesak …</source>
        <translation>Ny &amp;gruppesak …</translation>
    </message>
    <message>
        <source>Samle sakene en beslutning hos arbeidsgiveren gjelder, i én gruppesak</source>
        <translation>Samle sakene som éi avgjerd hos arbeidsgivaren gjeld, i éi gruppesak</translation>
    </message>
    <message>
        <source>Kan ikke lese rettskatalogen</source>
        <translation>Kan ikkje lese rettskatalogen</translation>
    </message>
    <message>
        <source>Kan ikke vise sakene</source>
        <translation>Kan ikkje vise sakene</translation>
    </message>
    <message>
        <source>over %n sak</source>
        <translation>over %n sak</translation>
    </message>
    <message>
        <source>over %n saker</source>
        <translation>over %n saker</translation>
    </message>
    <message>
        <source>Ingen saker</source>
        <translation>Ingen saker</translation>
    </message>
    <message>
        <source>Sakene dine vises her når du har opprettet den første.</source>
        <translation>Sakene dine blir viste her når du har oppretta den første.</translation>
    </message>
    <message>
        <source>Fjern &amp;demodata …</source>
        <translation>Fjern &amp;demodata …</translation>
    </message>
    <message>
        <source>Fjern eksempelsakene og -virksomhetene (merket DEMO); dine egne blir</source>
        <translation>Fjern eksempelsakene og -verksemdene (merkte DEMO); dine eigne blir verande</translation>
    </message>
    <message>
        <source>Demodata ble ikke fjernet</source>
        <translation>Demodata vart ikkje fjerna</translation>
    </message>
    <message>
        <source>Fjern demodata</source>
        <translation>Fjern demodata</translation>
    </message>
    <message>
        <source>Det er ingen demodata å fjerne.</source>
        <translation>Det er ingen demodata å fjerne.</translation>
    </message>
    <message>
        <source>Fjerne demodataene: {cases} og {employers}?</source>
        <translation>Fjerne demodataa: {cases} og {employers}?</translation>
    </message>
    <message>
        <source>%n eksempelsak</source>
        <translation>%n eksempelsak</translation>
    </message>
    <message>
        <source>%n eksempelsaker</source>
        <translation>%n eksempelsaker</translation>
    </message>
    <message>
        <source>%n eksempelvirksomhet</source>
        <translation>%n eksempelverksemd</translation>
    </message>
    <message>
        <source>%n eksempelvirksomheter</source>
        <translation>%n eksempelverksemder</translation>
    </message>
    <message>
        <source>Sakene du har laget selv, blir stående. Eksempelsakene legges i papirkurven (endringshistorikken slettes aldri), og de telles aldri i rapporten.</source>
        <translation>Sakene du har laga sjølv, blir ståande. Eksempelsakene blir lagde i papirkorga (endringshistorikken blir aldri sletta), og dei blir aldri talde i rapporten.</translation>
    </message>
    <message>
        <source>Demodata fjernet: {cases}, {employers}.</source>
        <translation>Demodata fjerna: {cases}, {employers}.</translation>
    </message>
    <message>
        <source>%n sak</source>
        <translation>%n sak</translation>
    </message>
    <message>
        <source>%n saker</source>
        <translation>%n saker</translation>
    </message>
    <message>
        <source>Gå til saks&amp;listen</source>
        <translation>Gå til saks&amp;lista</translation>
    </message>
    <message>
        <source>Flytt tastaturet til sakslisten (Ctrl+Shift+L)</source>
        <translation>Flytt tastaturet til sakslista (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>(lagrede filtre)</source>
        <translation>(lagra filter)</translation>
    </message>
    <message>
        <source>%n sak skrevet til </source>
        <translation>%n sak skriven til </translation>
    </message>
    <message>
        <source>%n saker skrevet til </source>
        <translation>%n saker skrivne til </translation>
    </message>
    <message>
        <source>Ulagrede endringer</source>
        <translation>Ulagra endringar</translation>
    </message>
    <message>
        <source>Du har endringer i sak </source>
        <translation>Du har endringar i sak </translation>
    </message>
    <message>
        <source> som ikke er lagret. Vil du lagre dem?</source>
        <translation> som ikkje er lagra. Vil du lagre dei?</translation>
    </message>
    <message>
        <source>Kan ikke åpne saken</source>
        <translation>Kan ikkje opne saka</translation>
    </message>
    <message>
        <source>Saken ble ikke duplisert</source>
        <translation>Saka vart ikkje duplisert</translation>
    </message>
    <message>
        <source>Flytt til papirkurven</source>
        <translation>Flytt til papirkorga</translation>
    </message>
    <message>
        <source>Flytte sak </source>
        <translation>Flytte sak </translation>
    </message>
    <message>
        <source> til papirkurven? Den kan gjenopprettes derfra; ulagrede endringer forkastes.</source>
        <translation> til papirkorga? Ho kan gjenopprettast derifrå; ulagra endringar blir forkasta.</translation>
    </message>
    <message>
        <source>Ikke utført</source>
        <translation>Ikkje utført</translation>
    </message>
    <message>
        <source>Den nye databasen brukes når du starter programmet på nytt.</source>
        <translation>Den nye databasen blir brukt når du startar programmet på nytt.</translation>
    </message>
    <message>
        <source>Lagre filter</source>
        <translation>Lagre filter</translation>
    </message>
    <message>
        <source>Navn på filteret:</source>
        <translation>Namn på filteret:</translation>
    </message>
    <message>
        <source>Importer saker</source>
        <translation>Importer saker</translation>
    </message>
    <message>
        <source>Saker (*.json);;Alle filer (*)</source>
        <translation>Saker (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Importerer saker …</source>
        <translation>Importerer saker …</translation>
    </message>
    <message>
        <source>Import ferdig, men ikke alt ble importert</source>
        <translation>Importen er ferdig, men ikkje alt vart importert</translation>
    </message>
    <message>
        <source>Import ferdig</source>
        <translation>Importen er ferdig</translation>
    </message>
    <message>
        <source>Eksporter saker</source>
        <translation>Eksporter saker</translation>
    </message>
    <message>
        <source>Saker (*.json)</source>
        <translation>Saker (*.json)</translation>
    </message>
    <message>
        <source>Eksporterer saker …</source>
        <translation>Eksporterer saker …</translation>
    </message>
    <message>
        <source>Eksport ferdig</source>
        <translation>Eksporten er ferdig</translation>
    </message>
    <message>
        <source>Eksporter listen til regneark</source>
        <translation>Eksporter lista til rekneark</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx);;CSV (*.csv)</source>
        <translation>Rekneark (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Skriver regnearket …</source>
        <translation>Skriv reknearket …</translation>
    </message>
    <message>
        <source>Tar sikkerhetskopi …</source>
        <translation>Tek tryggingskopi …</translation>
    </message>
    <message>
        <source>Sikkerhetskopi</source>
        <translation>Tryggingskopi</translation>
    </message>
    <message>
        <source>Sikkerhetskopien er lagret: </source>
        <translation>Tryggingskopien er lagra: </translation>
    </message>
    <message>
        <source>Automatisk (daglig)</source>
        <translation>Automatisk (dagleg)</translation>
    </message>
    <message>
        <source>Tatt for hånd</source>
        <translation>Teken for hand</translation>
    </message>
    <message>
        <source>Før oppgradering</source>
        <translation>Før oppgradering</translation>
    </message>
    <message>
        <source>Før gjenoppretting</source>
        <translation>Før gjenoppretting</translation>
    </message>
    <message>
        <source>Tatt</source>
        <translation>Teken</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Kvifor</translation>
    </message>
    <message>
        <source>Størrelse</source>
        <translation>Storleik</translation>
    </message>
    <message>
        <source>Sjekksum</source>
        <translation>Sjekksum</translation>
    </message>
    <message>
        <source>Nei (kopiert inn)</source>
        <translation>Nei (kopiert inn)</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.åååå</translation>
    </message>
    <message>
        <source>Skriv datoen slik du vil: 15.10.2026, 15.10.26, 1.2.26 eller 151026. «i» gir dagens dato, «+14» datoen om 14 dager, pil opp/ned en dag fram eller tilbake, Alt+pil ned kalenderen. Ved siden av står datoen programmet forsto.</source>
        <translation>Skriv datoen slik du vil: 15.10.2026, 15.10.26, 1.2.26 eller 151026. «i» gir dagens dato, «+14» datoen om 14 dagar, pil opp/ned ein dag fram eller tilbake, Alt+pil ned kalenderen. Ved sida av står datoen programmet forstod.</translation>
    </message>
    <message>
        <source> La feltet stå tomt når datoen ikke er kjent.</source>
        <translation> La feltet stå tomt når datoen ikkje er kjend.</translation>
    </message>
    <message>
        <source>Velg i kalenderen (Alt+Pil ned)</source>
        <translation>Vel i kalenderen (Alt+Pil ned)</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Hendelse</source>
        <translation>Hending</translation>
    </message>
    <message>
        <source>Deltakere</source>
        <translation>Deltakarar</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Retning</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Verksemd</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Neste frist</source>
        <translation>Neste frist</translation>
    </message>
    <message>
        <source>Endret</source>
        <translation>Endra</translation>
    </message>
    <message>
        <source>Saksnummer (år/løpenummer)</source>
        <translation>Saksnummer (år/løpenummer)</translation>
    </message>
    <message>
        <source>Virksomheten saken gjelder</source>
        <translation>Verksemda saka gjeld</translation>
    </message>
    <message>
        <source>Tidspunkt: ble de tillitsvalgte tatt med i tide?</source>
        <translation>Tidspunkt: vart dei tillitsvalde tekne med i tide?</translation>
    </message>
    <message>
        <source>Neste frist som løper</source>
        <translation>Neste frist som går</translation>
    </message>
    <message>
        <source>Sist endret; nyeste først. Endret samme dag: den sist endrede først (se tipset).</source>
        <translation>Sist endra; nyaste først. Endra same dag: den sist endra først (sjå tipset).</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Ikkje vurdert</translation>
    </message>
    <message>
        <source>Frist ute</source>
        <translation>Frist ute</translation>
    </message>
    <message>
        <source>Sist endret </source>
        <translation>Sist endra </translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Eksempel (demodata): telles aldri i rapporten. Fil → «Fjern demodata» fjerner alt.</source>
        <translation>Døme (demodata): blir aldri talt i rapporten. Fil → «Fjern demodata» fjernar alt.</translation>
    </message>
    <message>
        <source>svarfristen på kravet er ute</source>
        <translation>svarfristen på kravet er ute</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Sak</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Sakstittel</source>
        <translation>Sakstittel</translation>
    </message>
    <message>
        <source>Gjelder</source>
        <translation>Gjeld</translation>
    </message>
    <message>
        <source>Dagen fristen går ut</source>
        <translation>Dagen fristen går ut</translation>
    </message>
    <message>
        <source>Saksnummeret (dobbeltklikk for å åpne saken)</source>
        <translation>Saksnummeret (dobbeltklikk for å opne saka)</translation>
    </message>
    <message>
        <source>Sakens tittel</source>
        <translation>Tittelen på saka</translation>
    </message>
    <message>
        <source>Hva fristen gjelder</source>
        <translation>Kva fristen gjeld</translation>
    </message>
    <message>
        <source>«Oversittet» når fristen er passert uten at den er merket som overholdt</source>
        <translation>«Oversitten» når fristen er passert utan at han er merkt som halden</translation>
    </message>
    <message>
        <source>Åpen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>saken er avsluttet</source>
        <translation>saka er avslutta</translation>
    </message>
    <message>
        <source>%n dag</source>
        <translation>%n dag</translation>
    </message>
    <message>
        <source>%n dager</source>
        <translation>%n dagar</translation>
    </message>
    <message>
        <source>går ut i dag</source>
        <translation>går ut i dag</translation>
    </message>
    <message>
        <source>går ut om </source>
        <translation>går ut om </translation>
    </message>
    <message>
        <source>gikk ut for </source>
        <translation>gjekk ut for </translation>
    </message>
    <message>
        <source> siden</source>
        <translation> sidan</translation>
    </message>
    <message>
        <source>Forlenget; opprinnelig frist </source>
        <translation>Forlengd; opphavleg frist </translation>
    </message>
    <message>
        <source>Fristen er oversittet</source>
        <translation>Fristen er oversitten</translation>
    </message>
    <message>
        <source>Fristen er åpen</source>
        <translation>Fristen er open</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Org.nr.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Hovedavtale</source>
        <translation>Hovudavtale</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Tilsette</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Ingen kontaktperson registrert</source>
        <translation>Ingen kontaktperson registrert</translation>
    </message>
    <message>
        <source>Organisasjonsnummer ikke registrert</source>
        <translation>Organisasjonsnummer ikkje registrert</translation>
    </message>
    <message>
        <source>Når</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation>Kven</translation>
    </message>
    <message>
        <source>Hva</source>
        <translation>Kva</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>Frå</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>ukjent</source>
        <translation>ukjend</translation>
    </message>
    <message>
        <source>(velg virksomhet)</source>
        <translation>(vel verksemd)</translation>
    </message>
    <message>
        <source>Er ombyggingen søknadspliktig etter plan- og bygningsloven? Da kreves Arbeidstilsynets samtykke før arbeidet starter (arbeidsmiljøloven § 18-9).</source>
        <translation>Er ombygginga søknadspliktig etter plan- og bygningslova? Då krevst samtykke frå Arbeidstilsynet før arbeidet startar (arbeidsmiljølova § 18-9).</translation>
    </message>
    <message>
        <source>Ta med sammendraget i landsmøterapporten</source>
        <translation>Ta med samandraget i landsmøterapporten</translation>
    </message>
    <message>
        <source>Kort og uten navn: hva skjedde, og hvordan endte det?</source>
        <translation>Kort og utan namn: kva skjedde, og korleis enda det?</translation>
    </message>
    <message>
        <source>Lag &amp;forslag</source>
        <translation>Lag &amp;forslag</translation>
    </message>
    <message>
        <source>Skriver et forslag ut fra sakens fakta (type, måned, utfall) uten navn.</source>
        <translation>Skriv eit forslag ut frå fakta i saka (type, månad, utfall) utan namn.</translation>
    </message>
    <message>
        <source>Ordene som er merket over, er ikke navn på personer</source>
        <translation>Orda som er merkte over, er ikkje namn på personar</translation>
    </message>
    <message>
        <source>&amp;Tittel</source>
        <translation>&amp;Tittel</translation>
    </message>
    <message>
        <source>&amp;Virksomhet</source>
        <translation>&amp;Verksemd</translation>
    </message>
    <message>
        <source>Saks&amp;type</source>
        <translation>Saks&amp;type</translation>
    </message>
    <message>
        <source>&amp;Sted/avdeling</source>
        <translation>&amp;Stad/avdeling</translation>
    </message>
    <message>
        <source>&amp;Berørte medlemmer</source>
        <translation>&amp;Medlemmer som er råka</translation>
    </message>
    <message>
        <source>Arbeidsgiver &amp;varslet</source>
        <translation>Arbeidsgivar &amp;varsla</translation>
    </message>
    <message>
        <source>Be&amp;slutning tatt</source>
        <translation>Av&amp;gjerd teken</translation>
    </message>
    <message>
        <source>&amp;Planlagt iverksatt</source>
        <translation>&amp;Planlagt sett i verk</translation>
    </message>
    <message>
        <source>&amp;Iverksatt</source>
        <translation>Sett &amp;i verk</translation>
    </message>
    <message>
        <source>&amp;Hjemmekontordager i uka</source>
        <translation>&amp;Heimekontordagar i veka</translation>
    </message>
    <message>
        <source>Skriftlige hjemmekontor&amp;avtaler</source>
        <translation>Skriftlege heimekontor&amp;avtalar</translation>
    </message>
    <message>
        <source>Pålagt av &amp;myndighetene</source>
        <translation>Pålagt av &amp;styresmaktene</translation>
    </message>
    <message>
        <source>B&amp;yggesøknad</source>
        <translation>B&amp;yggjesøknad</translation>
    </message>
    <message>
        <source>Be&amp;skrivelse</source>
        <translation>S&amp;kildring</translation>
    </message>
    <message>
        <source>Til &amp;rapporten</source>
        <translation>Til &amp;rapporten</translation>
    </message>
    <message>
        <source>Kan ikke sjekke teksten for navn nå: </source>
        <translation>Kan ikkje sjekke teksten for namn no: </translation>
    </message>
    <message>
        <source> Prøv igjen senere.</source>
        <translation> Prøv igjen seinare.</translation>
    </message>
    <message>
        <source>Sammendraget kommer i rapportens vedlegg når saken er merket.</source>
        <translation>Samandraget kjem i vedlegget til rapporten når saka er merkt.</translation>
    </message>
    <message>
        <source>Skriv et sammendrag, eller trykk «Lag forslag».</source>
        <translation>Skriv eit samandrag, eller trykk «Lag forslag».</translation>
    </message>
    <message>
        <source>Sjekker teksten mot navnene programmet kjenner …</source>
        <translation>Sjekkar teksten mot namna programmet kjenner …</translation>
    </message>
    <message>
        <source>Slik kommer teksten i rapporten:</source>
        <translation>Slik kjem teksten i rapporten:</translation>
    </message>
    <message>
        <source>Tatt ut: {names}.</source>
        <translation>Teke ut: {names}.</translation>
    </message>
    <message>
        <source>Navn programmet ikke kjenner, kan ikke tas ut automatisk – les teksten før du merker den.</source>
        <translation>Namn programmet ikkje kjenner, kan ikkje takast ut automatisk – les teksten før du merkjer han.</translation>
    </message>
    <message>
        <source>Kan dette være navn? {words}. Skriv dem om, eller bekreft under.</source>
        <translation>Kan dette vere namn? {words}. Skriv dei om, eller stadfest under.</translation>
    </message>
    <message>
        <source>Sakstype</source>
        <translation>Sakstype</translation>
    </message>
    <message>
        <source>Sted/avdeling</source>
        <translation>Stad/avdeling</translation>
    </message>
    <message>
        <source>Varslet</source>
        <translation>Varsla</translation>
    </message>
    <message>
        <source>Beslutning</source>
        <translation>Avgjerd</translation>
    </message>
    <message>
        <source>Planlagt iverksetting</source>
        <translation>Planlagd iverksetjing</translation>
    </message>
    <message>
        <source>Iverksatt</source>
        <translation>Iverksett</translation>
    </message>
    <message>
        <source>Ikke ennå</source>
        <translation>Ikkje enno</translation>
    </message>
    <message>
        <source>Ikke avgjort</source>
        <translation>Ikkje avgjort</translation>
    </message>
    <message>
        <source>Saken krever: </source>
        <translation>Saka krev: </translation>
    </message>
    <message>
        <source>Trinn</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Løftet dit</source>
        <translation>Løfta dit</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Utfallet kom</source>
        <translation>Utfallet kom</translation>
    </message>
    <message>
        <source>Sakene i gruppen: </source>
        <translation>Sakene i gruppa: </translation>
    </message>
    <message>
        <source>Sendt</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Kan ikke skrive ut</source>
        <translation>Kan ikkje skrive ut</translation>
    </message>
    <message>
        <source>Bare brev (Word-filer) skrives ut herfra. Åpne dokumentet og skriv det ut der.</source>
        <translation>Berre brev (Word-filer) blir skrivne ut herifrå. Opne dokumentet og skriv det ut der.</translation>
    </message>
    <message>
        <source>Skrevet ut som tekst</source>
        <translation>Skrive ut som tekst</translation>
    </message>
    <message>
        <source>Brevet ble skrevet ut som tekst, uten brevets oppsett: LibreOffice eller Word trengs for å skrive det ut slik det ser ut.</source>
        <translation>Brevet vart skrive ut som tekst, utan oppsettet til brevet: LibreOffice eller Word trengst for å skrive det ut slik det ser ut.</translation>
    </message>
    <message>
        <source>Sak </source>
        <translation>Sak </translation>
    </message>
    <message>
        <source>, svarfrist </source>
        <translation>, svarfrist </translation>
    </message>
    <message>
        <source>Virksomhetsregisteret er endret siden saken ble registrert</source>
        <translation>Verksemdsregisteret er endra sidan saka vart registrert</translation>
    </message>
    <message>
        <source>Saken vurderes etter opplysningene den ble registrert med.</source>
        <translation>Saka blir vurdert etter opplysningane ho vart registrert med.</translation>
    </message>
    <message>
        <source>paragrafen er ikke kontrollert – sitert på kapittel</source>
        <translation>paragrafen er ikkje kontrollert – sitert på kapittel</translation>
    </message>
    <message>
        <source>Velg en sak i listen.</source>
        <translation>Vel ei sak i lista.</translation>
    </message>
    <message>
        <source>&amp;Vurdering</source>
        <translation>&amp;Vurdering</translation>
    </message>
    <message>
        <source>&amp;Lagre endringene</source>
        <translation>&amp;Lagre endringane</translation>
    </message>
    <message>
        <source>Lagre saken (Ctrl+S)</source>
        <translation>Lagre saka (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Angre endringene</source>
        <translation>&amp;Angre endringane</translation>
    </message>
    <message>
        <source>&amp;Saken</source>
        <translation>&amp;Saka</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Tidsline</translation>
    </message>
    <message>
        <source>&amp;Ny hendelse …</source>
        <translation>&amp;Ny hending …</translation>
    </message>
    <message>
        <source>&amp;Endre …</source>
        <translation>&amp;Endre …</translation>
    </message>
    <message>
        <source>Sl&amp;ett</source>
        <translation>Sl&amp;ett</translation>
    </message>
    <message>
        <source>&amp;Historikk</source>
        <translation>&amp;Historikk</translation>
    </message>
    <message>
        <source>Tidligere versjoner av hendelsen</source>
        <translation>Tidlegare versjonar av hendinga</translation>
    </message>
    <message>
        <source>&amp;Tidslinje</source>
        <translation>&amp;Tidsline</translation>
    </message>
    <message>
        <source>Dokumenter</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Dra filer hit for å legge dem til i saken.</source>
        <translation>Dra filer hit for å leggje dei til i saka.</translation>
    </message>
    <message>
        <source>Legg til &amp;fil …</source>
        <translation>Legg til &amp;fil …</translation>
    </message>
    <message>
        <source>Å&amp;pne</source>
        <translation>O&amp;pne</translation>
    </message>
    <message>
        <source>Lagre &amp;som …</source>
        <translation>Lagre &amp;som …</translation>
    </message>
    <message>
        <source>Send med &amp;e-post …</source>
        <translation>Send med &amp;e-post …</translation>
    </message>
    <message>
        <source>Åpner et e-postutkast til virksomhetens kontaktperson med brevet vedlagt, i e-postprogrammet ditt. Når det er sendt, merker du brevet som sendt.</source>
        <translation>Opnar eit e-postutkast til kontaktpersonen i verksemda med brevet vedlagt, i e-postprogrammet ditt. Når det er sendt, merkjer du brevet som sendt.</translation>
    </message>
    <message>
        <source>Skriv u&amp;t …</source>
        <translation>Skriv u&amp;t …</translation>
    </message>
    <message>
        <source>Skriv ut brevet</source>
        <translation>Skriv ut brevet</translation>
    </message>
    <message>
        <source>Slett &amp;utkast</source>
        <translation>Slett &amp;utkast</translation>
    </message>
    <message>
        <source>&amp;Dokumenter</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>S&amp;jekkliste</source>
        <translation>S&amp;jekkliste</translation>
    </message>
    <message>
        <source>Endringshistorikk</source>
        <translation>Endringshistorikk</translation>
    </message>
    <message>
        <source>Histori&amp;kk</source>
        <translation>Histori&amp;kk</translation>
    </message>
    <message>
        <source>Vid&amp;ere og gruppe</source>
        <translation>Vid&amp;are og gruppe</translation>
    </message>
    <message>
        <source>I papirkurven</source>
        <translation>I papirkorga</translation>
    </message>
    <message>
        <source> · versjon </source>
        <translation> · versjon </translation>
    </message>
    <message>
        <source>Kan ikke vise historikken</source>
        <translation>Kan ikkje vise historikken</translation>
    </message>
    <message>
        <source>Vurdering av saken</source>
        <translation>Vurdering av saka</translation>
    </message>
    <message>
        <source>Kan ikke vise saken</source>
        <translation>Kan ikkje vise saka</translation>
    </message>
    <message>
        <source>Saken er ikke lagret</source>
        <translation>Saka er ikkje lagra</translation>
    </message>
    <message>
        <source>Rett feltene som er merket med rødt, og lagre igjen.</source>
        <translation>Rett felta som er merkte med raudt, og lagre igjen.</translation>
    </message>
    <message>
        <source>Saken er endret av andre</source>
        <translation>Saka er endra av andre</translation>
    </message>
    <message>
        <source>Vil du hente den lagrede versjonen? Endringene dine legges oppå den, så du kan se over og lagre igjen.</source>
        <translation>Vil du hente den lagra versjonen? Endringane dine blir lagde oppå han, så du kan sjå over og lagre igjen.</translation>
    </message>
    <message>
        <source>Sammendraget kan inneholde navn programmet ikke kjenner, og er tatt ut av landsmøterapporten. Les teksten under sammendraget, skriv om eller bekreft ordene, og lagre igjen.</source>
        <translation>Samandraget kan innehalde namn programmet ikkje kjenner, og er teke ut av landsmøterapporten. Les teksten under samandraget, skriv om eller stadfest orda, og lagre igjen.</translation>
    </message>
    <message>
        <source>Slett hendelse</source>
        <translation>Slett hending</translation>
    </message>
    <message>
        <source>Slette hendelsen «</source>
        <translation>Slette hendinga «</translation>
    </message>
    <message>
        <source>» fra </source>
        <translation>» frå </translation>
    </message>
    <message>
        <source>? Den tidligere versjonen tas vare på i historikken.</source>
        <translation>? Den tidlegare versjonen blir teken vare på i historikken.</translation>
    </message>
    <message>
        <source>Hendelsen er ikke slettet</source>
        <translation>Hendinga er ikkje sletta</translation>
    </message>
    <message>
        <source>Historikk</source>
        <translation>Historikk</translation>
    </message>
    <message>
        <source>Hendelsen er ikke endret.</source>
        <translation>Hendinga er ikkje endra.</translation>
    </message>
    <message>
        <source>Versjon </source>
        <translation>Versjon </translation>
    </message>
    <message>
        <source>Legg til filer i saken</source>
        <translation>Legg til filer i saka</translation>
    </message>
    <message>
        <source>Alle filer (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Filen ble ikke lagt til</source>
        <translation>Fila vart ikkje lagd til</translation>
    </message>
    <message>
        <source>Dokumentet kan ikke åpnes</source>
        <translation>Dokumentet kan ikkje opnast</translation>
    </message>
    <message>
        <source>Fant ikke noe program som kan åpne </source>
        <translation>Fann ikkje noko program som kan opne </translation>
    </message>
    <message>
        <source>. Bruk «Lagre som …».</source>
        <translation>. Bruk «Lagre som …».</translation>
    </message>
    <message>
        <source>Lagre dokumentet</source>
        <translation>Lagre dokumentet</translation>
    </message>
    <message>
        <source>Dokumentet ble ikke lagret</source>
        <translation>Dokumentet vart ikkje lagra</translation>
    </message>
    <message>
        <source>E-postutkastet ble ikke laget</source>
        <translation>E-postutkastet vart ikkje laga</translation>
    </message>
    <message>
        <source>E-postutkastet kan ikke åpnes</source>
        <translation>E-postutkastet kan ikkje opnast</translation>
    </message>
    <message>
        <source>Fant ikke noe e-postprogram som åpner .eml-filer. Legg ved brevet selv: </source>
        <translation>Fann ikkje noko e-postprogram som opnar .eml-filer. Legg ved brevet sjølv: </translation>
    </message>
    <message>
        <source>Er brevet sendt?</source>
        <translation>Er brevet sendt?</translation>
    </message>
    <message>
        <source>Når e-posten er sendt, merkes brevet som sendt i dag: det låses, og svarfristen begynner å løpe. Er e-posten sendt nå?</source>
        <translation>Når e-posten er send, blir brevet merkt som sendt i dag: det blir låst, og svarfristen byrjar å gå. Er e-posten send no?</translation>
    </message>
    <message>
        <source>Slett utkast</source>
        <translation>Slett utkast</translation>
    </message>
    <message>
        <source>Slette utkastet </source>
        <translation>Slette utkastet </translation>
    </message>
    <message>
        <source>Utkastet er ikke slettet</source>
        <translation>Utkastet er ikkje sletta</translation>
    </message>
    <message>
        <source>Ingen punkter mangler eller er uavklart</source>
        <translation>Ingen punkt manglar eller er uavklarte</translation>
    </message>
    <message>
        <source>%n punkt er uavklart</source>
        <translation>%n punkt er uavklart</translation>
    </message>
    <message>
        <source>%n punkter er uavklart</source>
        <translation>%n punkt er uavklarte</translation>
    </message>
    <message>
        <source>%n punkt mangler</source>
        <translation>%n punkt manglar</translation>
    </message>
    <message>
        <source>%n punkter mangler</source>
        <translation>%n punkt manglar</translation>
    </message>
    <message>
        <source>%n er uavklart</source>
        <translation>%n er uavklart</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>Vart ikkje lagra: </translation>
    </message>
    <message>
        <source>Hjemmel: </source>
        <translation>Heimel: </translation>
    </message>
    <message>
        <source>Endringen lagres med en gang.</source>
        <translation>Endringa blir lagra med ein gong.</translation>
    </message>
    <message>
        <source>Notat (valgfritt)</source>
        <translation>Notat (valfritt)</translation>
    </message>
    <message>
        <source>Lagres når du trykker Enter eller går ut av feltet.</source>
        <translation>Blir lagra når du trykkjer Enter eller går ut av feltet.</translation>
    </message>
    <message>
        <source>notat</source>
        <translation>notat</translation>
    </message>
    <message>
        <source>Kan ikke vise sjekklisten</source>
        <translation>Kan ikkje vise sjekklista</translation>
    </message>
    <message>
        <source>Sjekklisten er laget for hjemmekontorsaker («</source>
        <translation>Sjekklista er laga for heimekontorsaker («</translation>
    </message>
    <message>
        <source>» og «</source>
        <translation>» og «</translation>
    </message>
    <message>
        <source>»). Denne saken er av typen «</source>
        <translation>»). Denne saka er av typen «</translation>
    </message>
    <message>
        <source>», men du kan bruke sjekklisten likevel.</source>
        <translation>», men du kan bruke sjekklista likevel.</translation>
    </message>
    <message>
        <source>Mangler:</source>
        <translation>Manglar:</translation>
    </message>
    <message>
        <source>Uavklart:</source>
        <translation>Uavklart:</translation>
    </message>
    <message>
        <source>Ble ikke lagret: </source>
        <translation>Vart ikkje lagra: </translation>
    </message>
    <message>
        <source>%n frist er oversittet – se Frister.</source>
        <translation>%n frist er oversitten – sjå Fristar.</translation>
    </message>
    <message>
        <source>%n frister er oversittet – se Frister.</source>
        <translation>%n fristar er oversitne – sjå Fristar.</translation>
    </message>
    <message>
        <source>ikke en virkedag</source>
        <translation>ikkje ein vyrkedag</translation>
    </message>
    <message>
        <source>Ikke en virkedag</source>
        <translation>Ikkje ein vyrkedag</translation>
    </message>
    <message>
        <source>Forleng frist – sak </source>
        <translation>Forleng frist – sak </translation>
    </message>
    <message>
        <source>Nåværende frist: </source>
        <translation>Noverande frist: </translation>
    </message>
    <message>
        <source>Den nye fristen; den må være etter den nåværende.</source>
        <translation>Den nye fristen; han må vere etter den noverande.</translation>
    </message>
    <message>
        <source>Ny &amp;frist:</source>
        <translation>Ny &amp;frist:</translation>
    </message>
    <message>
        <source>f.eks. avtalt med arbeidsgiver i e-post 3. mars</source>
        <translation>t.d. avtalt med arbeidsgivaren i e-post 3. mars</translation>
    </message>
    <message>
        <source>Hvorfor fristen flyttes, og hvem som ble enige om det.</source>
        <translation>Kvifor fristen blir flytt, og kven som vart samde om det.</translation>
    </message>
    <message>
        <source>&amp;Begrunnelse:</source>
        <translation>&amp;Grunngiving:</translation>
    </message>
    <message>
        <source>Forleng</source>
        <translation>Forleng</translation>
    </message>
    <message>
        <source>Ny frist</source>
        <translation>Ny frist</translation>
    </message>
    <message>
        <source>f.eks. 2026/7</source>
        <translation>t.d. 2026/7</translation>
    </message>
    <message>
        <source>Saksnummeret fristen hører til.</source>
        <translation>Saksnummeret fristen høyrer til.</translation>
    </message>
    <message>
        <source>&amp;Sak:</source>
        <translation>&amp;Sak:</translation>
    </message>
    <message>
        <source>&amp;Frist:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <source>f.eks. Svar på krav om drøfting</source>
        <translation>t.d. Svar på krav om drøfting</translation>
    </message>
    <message>
        <source>Hva fristen gjelder, slik den skal stå i listen.</source>
        <translation>Kva fristen gjeld, slik han skal stå i lista.</translation>
    </message>
    <message>
        <source>&amp;Gjelder:</source>
        <translation>&amp;Gjeld:</translation>
    </message>
    <message>
        <source>Sett &amp;frist</source>
        <translation>Set &amp;frist</translation>
    </message>
    <message>
        <source>Hvilke frister som vises. Oversittede frister vises alltid.</source>
        <translation>Kva fristar som blir viste. Oversitne fristar blir alltid viste.</translation>
    </message>
    <message>
        <source>&amp;Vis:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å åpne saken.</source>
        <translation>Dobbeltklikk eller trykk Enter for å opne saka.</translation>
    </message>
    <message>
        <source>Merk som &amp;overholdt</source>
        <translation>Merk som &amp;halden</translation>
    </message>
    <message>
        <source>Fristen er overholdt i dag: den tas ut av listen og merkes med dagens dato.</source>
        <translation>Fristen er halden i dag: han blir teken ut av lista og merkt med datoen i dag.</translation>
    </message>
    <message>
        <source>For&amp;leng…</source>
        <translation>For&amp;leng…</translation>
    </message>
    <message>
        <source>Flytt fristen til en senere dato, med begrunnelse.</source>
        <translation>Flytt fristen til ein seinare dato, med grunngiving.</translation>
    </message>
    <message>
        <source>&amp;Ny frist…</source>
        <translation>&amp;Ny frist…</translation>
    </message>
    <message>
        <source>Sett en frist for hånd på en sak.</source>
        <translation>Set ein frist for hand på ei sak.</translation>
    </message>
    <message>
        <source>&amp;Avlys</source>
        <translation>&amp;Avlys</translation>
    </message>
    <message>
        <source>Fristen gjelder ikke lenger (kravet trukket, satt ved en feil): den tas ut.</source>
        <translation>Fristen gjeld ikkje lenger (kravet trekt, sett ved ein feil): han blir teken ut.</translation>
    </message>
    <message>
        <source>Å&amp;pne saken</source>
        <translation>O&amp;pne saka</translation>
    </message>
    <message>
        <source>Åpne saken fristen hører til (Enter).</source>
        <translation>Opne saka fristen høyrer til (Enter).</translation>
    </message>
    <message>
        <source>Til &amp;kalender …</source>
        <translation>Til &amp;kalender …</translation>
    </message>
    <message>
        <source>Lagre fristene som en kalenderfil (.ics) med påminnelse to virkedager før. Importer den på nytt etter endringer: flyttede frister flyttes.</source>
        <translation>Lagre fristane som ei kalenderfil (.ics) med påminning to vyrkedagar før. Importer ho på nytt etter endringar: flytte fristar blir flytte.</translation>
    </message>
    <message>
        <source>Opp&amp;dater</source>
        <translation>Opp&amp;dater</translation>
    </message>
    <message>
        <source>Hent fristene på nytt.</source>
        <translation>Hent fristane på nytt.</translation>
    </message>
    <message>
        <source>Fristene til kalenderen</source>
        <translation>Fristane til kalenderen</translation>
    </message>
    <message>
        <source>Kalender (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Kalenderfilen ble ikke lagret</source>
        <translation>Kalenderfila vart ikkje lagra</translation>
    </message>
    <message>
        <source>Lagrer kalenderfilen …</source>
        <translation>Lagrar kalenderfila …</translation>
    </message>
    <message>
        <source>%n åpen frist</source>
        <translation>%n open frist</translation>
    </message>
    <message>
        <source>%n åpne frister</source>
        <translation>%n opne fristar</translation>
    </message>
    <message>
        <source> lagret i </source>
        <translation> lagra i </translation>
    </message>
    <message>
        <source>. Åpne filen i kalenderprogrammet ditt.</source>
        <translation>. Opne fila i kalenderprogrammet ditt.</translation>
    </message>
    <message>
        <source>Kan ikke vise fristene</source>
        <translation>Kan ikkje vise fristane</translation>
    </message>
    <message>
        <source>Kan ikke vise flere frister</source>
        <translation>Kan ikkje vise fleire fristar</translation>
    </message>
    <message>
        <source>Teller fristene …</source>
        <translation>Tel fristane …</translation>
    </message>
    <message>
        <source>Kan ikke telle fristene</source>
        <translation>Kan ikkje telje fristane</translation>
    </message>
    <message>
        <source>Kan ikke telle fristene: </source>
        <translation>Kan ikkje telje fristane: </translation>
    </message>
    <message>
        <source>Ingen åpne frister</source>
        <translation>Ingen opne fristar</translation>
    </message>
    <message>
        <source>over %n frist</source>
        <translation>over %n frist</translation>
    </message>
    <message>
        <source>over %n frister</source>
        <translation>over %n fristar</translation>
    </message>
    <message>
        <source>%n frist</source>
        <translation>%n frist</translation>
    </message>
    <message>
        <source>%n frister</source>
        <translation>%n fristar</translation>
    </message>
    <message>
        <source>over %n oversittet</source>
        <translation>over %n oversitne</translation>
    </message>
    <message>
        <source>Fristen er ikke satt</source>
        <translation>Fristen er ikkje sett</translation>
    </message>
    <message>
        <source>Skriv saksnummeret.</source>
        <translation>Skriv saksnummeret.</translation>
    </message>
    <message>
        <source>Ny frist i sak </source>
        <translation>Ny frist i sak </translation>
    </message>
    <message>
        <source>Avlys frist</source>
        <translation>Avlys frist</translation>
    </message>
    <message>
        <source>Avlyse fristen «</source>
        <translation>Avlyse fristen «</translation>
    </message>
    <message>
        <source>? Den tas ut av listene og telles ikke som oversittet.</source>
        <translation>? Han blir teken ut av listene og blir ikkje rekna som oversitten.</translation>
    </message>
    <message>
        <source>Fristen er ikke avlyst</source>
        <translation>Fristen er ikkje avlyst</translation>
    </message>
    <message>
        <source> er avlyst.</source>
        <translation> er avlyst.</translation>
    </message>
    <message>
        <source>oversittet</source>
        <translation>oversitten</translation>
    </message>
    <message>
        <source>Fristen ble ikke merket</source>
        <translation>Fristen vart ikkje merkt</translation>
    </message>
    <message>
        <source>Fristen «</source>
        <translation>Fristen «</translation>
    </message>
    <message>
        <source>» i sak </source>
        <translation>» i sak </translation>
    </message>
    <message>
        <source> er merket som overholdt </source>
        <translation> er merkt som halden </translation>
    </message>
    <message>
        <source>Fristen ble ikke forlenget</source>
        <translation>Fristen vart ikkje forlengd</translation>
    </message>
    <message>
        <source>Fristen i sak </source>
        <translation>Fristen i sak </translation>
    </message>
    <message>
        <source> er flyttet til </source>
        <translation> er flytt til </translation>
    </message>
    <message>
        <source>Navn eller organisasjonsnummer …</source>
        <translation>Namn eller organisasjonsnummer …</translation>
    </message>
    <message>
        <source>Viser bare virksomhetene som passer, mens du skriver</source>
        <translation>Viser berre verksemdene som passar, medan du skriv</translation>
    </message>
    <message>
        <source>S&amp;øk:</source>
        <translation>S&amp;øk:</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å endre virksomheten</source>
        <translation>Dobbeltklikk eller trykk Enter for å endre verksemda</translation>
    </message>
    <message>
        <source>&amp;Ny virksomhet…</source>
        <translation>&amp;Ny verksemd…</translation>
    </message>
    <message>
        <source>Registrer en ny virksomhet</source>
        <translation>Registrer ei ny verksemd</translation>
    </message>
    <message>
        <source>&amp;Endre…</source>
        <translation>&amp;Endre…</translation>
    </message>
    <message>
        <source>Endre den valgte virksomheten (Enter)</source>
        <translation>Endre den valde verksemda (Enter)</translation>
    </message>
    <message>
        <source>S&amp;lett</source>
        <translation>S&amp;lett</translation>
    </message>
    <message>
        <source>Slett den valgte virksomheten (Delete). Virksomheter med saker kan ikke slettes.</source>
        <translation>Slett den valde verksemda (Delete). Verksemder med saker kan ikkje slettast.</translation>
    </message>
    <message>
        <source>Slett virksomheten</source>
        <translation>Slett verksemda</translation>
    </message>
    <message>
        <source>Sakene til virksomheten</source>
        <translation>Sakene til verksemda</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å åpne saken</source>
        <translation>Dobbeltklikk eller trykk Enter for å opne saka</translation>
    </message>
    <message>
        <source>Kan ikke vise virksomhetene</source>
        <translation>Kan ikkje vise verksemdene</translation>
    </message>
    <message>
        <source>Ingen virksomheter</source>
        <translation>Ingen verksemder</translation>
    </message>
    <message>
        <source>1 virksomhet</source>
        <translation>1 verksemd</translation>
    </message>
    <message>
        <source>%n virksomhet</source>
        <translation>%n verksemd</translation>
    </message>
    <message>
        <source>%n virksomheter</source>
        <translation>%n verksemder</translation>
    </message>
    <message>
        <source>&amp;Saker: velg en virksomhet for å se sakene.</source>
        <translation>&amp;Saker: vel ei verksemd for å sjå sakene.</translation>
    </message>
    <message>
        <source>&amp;Saker: kan ikke vises. </source>
        <translation>&amp;Saker: kan ikkje visast. </translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}»: ingen.</source>
        <translation>&amp;Saker for «{name}»: ingen.</translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}»: de {shown} nyeste av {total}.</source>
        <translation>&amp;Saker for «{name}»: dei {shown} nyaste av {total}.</translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}» ({total}):</source>
        <translation>&amp;Saker for «{name}» ({total}):</translation>
    </message>
    <message>
        <source>Kan ikke åpne virksomheten</source>
        <translation>Kan ikkje opne verksemda</translation>
    </message>
    <message>
        <source>Slette virksomheten?</source>
        <translation>Slette verksemda?</translation>
    </message>
    <message>
        <source>Vil du slette «{name}» fra virksomhetsregisteret?</source>
        <translation>Vil du slette «{name}» frå verksemdsregisteret?</translation>
    </message>
    <message>
        <source>Virksomheten ble ikke slettet</source>
        <translation>Verksemda vart ikkje sletta</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Ukjend</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Nei</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>Kontorløsning (landskap, aktivitetsbasert, faste plasser)</source>
        <translation>Kontorløysing (landskap, aktivitetsbasert, faste plassar)</translation>
    </message>
    <message>
        <source>Lokaler og arealfordeling</source>
        <translation>Lokale og arealfordeling</translation>
    </message>
    <message>
        <source>Hjemmekontorordning</source>
        <translation>Heimekontorordning</translation>
    </message>
    <message>
        <source>Skriftlig hjemmekontoravtale</source>
        <translation>Skriftleg heimekontoravtale</translation>
    </message>
    <message>
        <source>Utstyr og kostnader</source>
        <translation>Utstyr og kostnader</translation>
    </message>
    <message>
        <source>Arbeidstid og tilgjengelighet</source>
        <translation>Arbeidstid og tilgjengelegheit</translation>
    </message>
    <message>
        <source>Annet</source>
        <translation>Anna</translation>
    </message>
    <message>
        <source>Kontorløsning</source>
        <translation>Kontorløysing</translation>
    </message>
    <message>
        <source>Lokaler/areal</source>
        <translation>Lokale/areal</translation>
    </message>
    <message>
        <source>Hjemmekontor</source>
        <translation>Heimekontor</translation>
    </message>
    <message>
        <source>Hjemmekontoravtale</source>
        <translation>Heimekontoravtale</translation>
    </message>
    <message>
        <source>Utstyr/kostnader</source>
        <translation>Utstyr/kostnader</translation>
    </message>
    <message>
        <source>Tilgjengelighet</source>
        <translation>Tilgjengelegheit</translation>
    </message>
    <message>
        <source>Hovedavtalen i staten</source>
        <translation>Hovudavtalen i staten</translation>
    </message>
    <message>
        <source>Hovedavtalen KS</source>
        <translation>Hovudavtalen KS</translation>
    </message>
    <message>
        <source>Hovedavtalen Oslo kommune</source>
        <translation>Hovudavtalen Oslo kommune</translation>
    </message>
    <message>
        <source>Hovedavtalen Spekter</source>
        <translation>Hovudavtalen Spekter</translation>
    </message>
    <message>
        <source>Hovedavtalen LO–NHO</source>
        <translation>Hovudavtalen LO–NHO</translation>
    </message>
    <message>
        <source>Hovedavtalen YS–NHO</source>
        <translation>Hovudavtalen YS–NHO</translation>
    </message>
    <message>
        <source>Hovedavtalen Virke–LO</source>
        <translation>Hovudavtalen Virke–LO</translation>
    </message>
    <message>
        <source>Hovedavtalen Virke–YS</source>
        <translation>Hovudavtalen Virke–YS</translation>
    </message>
    <message>
        <source>Hovedavtalen Finans Norge–Finansforbundet</source>
        <translation>Hovudavtalen Finans Noreg–Finansforbundet</translation>
    </message>
    <message>
        <source>Hovedavtalen Finans Norge–Tekna</source>
        <translation>Hovudavtalen Finans Noreg–Tekna</translation>
    </message>
    <message>
        <source>Ingen hovedavtale</source>
        <translation>Ingen hovudavtale</translation>
    </message>
    <message>
        <source>Ingen hovedorganisasjon</source>
        <translation>Ingen hovudorganisasjon</translation>
    </message>
    <message>
        <source>Privat sektor</source>
        <translation>Privat sektor</translation>
    </message>
    <message>
        <source>Staten</source>
        <translation>Staten</translation>
    </message>
    <message>
        <source>Kommune og fylkeskommune</source>
        <translation>Kommune og fylkeskommune</translation>
    </message>
    <message>
        <source>Helseforetak</source>
        <translation>Helseføretak</translation>
    </message>
    <message>
        <source>Arbeidsgiver varslet</source>
        <translation>Arbeidsgivar varsla</translation>
    </message>
    <message>
        <source>Informasjonsmøte</source>
        <translation>Informasjonsmøte</translation>
    </message>
    <message>
        <source>Drøftingsmøte</source>
        <translation>Drøftingsmøte</translation>
    </message>
    <message>
        <source>Forhandlingsmøte</source>
        <translation>Forhandlingsmøte</translation>
    </message>
    <message>
        <source>Brev sendt</source>
        <translation>Brev sendt</translation>
    </message>
    <message>
        <source>Brev mottatt</source>
        <translation>Brev motteke</translation>
    </message>
    <message>
        <source>Protokoll/referat mottatt</source>
        <translation>Protokoll/referat motteke</translation>
    </message>
    <message>
        <source>Behandlet i AMU</source>
        <translation>Handsama i AMU</translation>
    </message>
    <message>
        <source>Verneombud involvert</source>
        <translation>Verneombod involvert</translation>
    </message>
    <message>
        <source>Arbeidstilsynet involvert</source>
        <translation>Arbeidstilsynet involvert</translation>
    </message>
    <message>
        <source>Arbeidstilsynets samtykke til ombygging</source>
        <translation>Samtykke frå Arbeidstilsynet til ombygging</translation>
    </message>
    <message>
        <source>Løftet videre</source>
        <translation>Løfta vidare</translation>
    </message>
    <message>
        <source>Trinn saken er løftet til</source>
        <translation>Steg saka er løfta til</translation>
    </message>
    <message>
        <source>Referanse</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>&amp;Løft saken videre …</source>
        <translation>&amp;Løft saka vidare …</translation>
    </message>
    <message>
        <source>&amp;Utfall / endre …</source>
        <translation>&amp;Utfall / endre …</translation>
    </message>
    <message>
        <source>&amp;Fjern trinnet</source>
        <translation>&amp;Fjern steget</translation>
    </message>
    <message>
        <source>Gruppesak</source>
        <translation>Gruppesak</translation>
    </message>
    <message>
        <source>De andre sakene i gruppesaken</source>
        <translation>Dei andre sakene i gruppesaka</translation>
    </message>
    <message>
        <source>Dobbeltklikk for å åpne saken</source>
        <translation>Dobbeltklikk for å opne saka</translation>
    </message>
    <message>
        <source>&amp;Ny gruppesak …</source>
        <translation>&amp;Ny gruppesak …</translation>
    </message>
    <message>
        <source>&amp;Knytt til gruppesak …</source>
        <translation>&amp;Knyt til gruppesak …</translation>
    </message>
    <message>
        <source>&amp;Ta ut av gruppesaken</source>
        <translation>&amp;Ta ut av gruppesaka</translation>
    </message>
    <message>
        <source>&amp;Endre gruppesaken …</source>
        <translation>&amp;Endre gruppesaka …</translation>
    </message>
    <message>
        <source>Navn, beskrivelse og datoene; nye datoer skrives på alle sakene i gruppen</source>
        <translation>Namn, skildring og datoane; nye datoar blir skrivne på alle sakene i gruppa</translation>
    </message>
    <message>
        <source>&amp;Brev til hele gruppen …</source>
        <translation>&amp;Brev til heile gruppa …</translation>
    </message>
    <message>
        <source>Saken er ikke løftet videre fra det lokale nivået.</source>
        <translation>Saka er ikkje løfta vidare frå det lokale nivået.</translation>
    </message>
    <message>
        <source>Hvert trinn står også som en hendelse i tidslinjen.</source>
        <translation>Kvart steg står òg som ei hending i tidslina.</translation>
    </message>
    <message>
        <source>Saken hører ikke til noen gruppesak. Gjelder arbeidsgiverens beslutning flere enheter, samle sakene i én gruppesak.</source>
        <translation>Saka høyrer ikkje til noka gruppesak. Gjeld avgjerda til arbeidsgivaren fleire einingar, samle sakene i éi gruppesak.</translation>
    </message>
    <message>
        <source>Gruppesak G</source>
        <translation>Gruppesak G</translation>
    </message>
    <message>
        <source>Varslet: </source>
        <translation>Varsla: </translation>
    </message>
    <message>
        <source>Beslutning: </source>
        <translation>Avgjerd: </translation>
    </message>
    <message>
        <source>De andre sakene i gruppen:</source>
        <translation>Dei andre sakene i gruppa:</translation>
    </message>
    <message>
        <source>Ingen andre saker.</source>
        <translation>Ingen andre saker.</translation>
    </message>
    <message>
        <source>Fjern trinnet</source>
        <translation>Fjern steget</translation>
    </message>
    <message>
        <source>Fjerne trinnet «</source>
        <translation>Fjerne steget «</translation>
    </message>
    <message>
        <source>» fra saken? Hendelsen i tidslinjen slettes (den tas vare på i historikken).</source>
        <translation>» frå saka? Hendinga i tidslina blir sletta (ho blir teken vare på i historikken).</translation>
    </message>
    <message>
        <source>Trinnet er ikke fjernet</source>
        <translation>Steget er ikkje fjerna</translation>
    </message>
    <message>
        <source>Ta ut av gruppesaken</source>
        <translation>Ta ut av gruppesaka</translation>
    </message>
    <message>
        <source>Ta sak </source>
        <translation>Ta sak </translation>
    </message>
    <message>
        <source> ut av gruppesaken «</source>
        <translation> ut av gruppesaka «</translation>
    </message>
    <message>
        <source>»? Datoene saken fikk fra gruppen, blir stående.</source>
        <translation>»? Datoane saka fekk frå gruppa, blir ståande.</translation>
    </message>
    <message>
        <source>Saken er ikke tatt ut</source>
        <translation>Saka er ikkje teken ut</translation>
    </message>
    <message>
        <source>Brevene er ført i journalen: </source>
        <translation>Breva er førte i journalen: </translation>
    </message>
    <message>
        <source>Word- og PDF-filene</source>
        <translation>Word- og PDF-filene</translation>
    </message>
    <message>
        <source>Word-filene</source>
        <translation>Word-filene</translation>
    </message>
    <message>
        <source> er lagret i </source>
        <translation> er lagra i </translation>
    </message>
    <message>
        <source>Merk hvert brev som sendt når det er sendt.</source>
        <translation>Merk kvart brev som sendt når det er sendt.</translation>
    </message>
    <message>
        <source>Kontroller før du sender:</source>
        <translation>Kontroller før du sender:</translation>
    </message>
    <message>
        <source>Krav om drøfting</source>
        <translation>Krav om drøfting</translation>
    </message>
    <message>
        <source>Krav om forhandling</source>
        <translation>Krav om forhandling</translation>
    </message>
    <message>
        <source>Krav om informasjon og dokumenter</source>
        <translation>Krav om informasjon og dokument</translation>
    </message>
    <message>
        <source>Krav om utsatt iverksetting</source>
        <translation>Krav om utsett iverksetjing</translation>
    </message>
    <message>
        <source>Purring</source>
        <translation>Purring</translation>
    </message>
    <message>
        <source>Krav om skriftlig hjemmekontoravtale</source>
        <translation>Krav om skriftleg heimekontoravtale</translation>
    </message>
    <message>
        <source>Protokolltilførsel</source>
        <translation>Protokolltilførsel</translation>
    </message>
    <message>
        <source>Saksoppsummering</source>
        <translation>Samandrag av saka</translation>
    </message>
    <message>
        <source>Utkast til protokoll</source>
        <translation>Utkast til protokoll</translation>
    </message>
    <message>
        <source>Bokmål</source>
        <translation>Bokmål</translation>
    </message>
    <message>
        <source>Nynorsk</source>
        <translation>Nynorsk</translation>
    </message>
    <message>
        <source>åpen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>overholdt</source>
        <translation>halden</translation>
    </message>
    <message>
        <source>avlyst</source>
        <translation>avlyst</translation>
    </message>
    <message>
        <source>falt bort (saken avsluttet)</source>
        <translation>fall bort (saka avslutta)</translation>
    </message>
    <message>
        <source>Enighet</source>
        <translation>Semje</translation>
    </message>
    <message>
        <source>Delvis enighet</source>
        <translation>Delvis semje</translation>
    </message>
    <message>
        <source>Uenighet (protokollført)</source>
        <translation>Usemje (protokollført)</translation>
    </message>
    <message>
        <source>Arbeidsgiver trakk endringen</source>
        <translation>Arbeidsgivaren trekte endringa</translation>
    </message>
    <message>
        <source>Løftet videre (sentrale parter, Arbeidstilsynet, Arbeidsretten)</source>
        <translation>Løfta vidare (sentrale partar, Arbeidstilsynet, Arbeidsretten)</translation>
    </message>
    <message>
        <source>Henlagt</source>
        <translation>Lagd bort</translation>
    </message>
    <message>
        <source>Brudd i lokale forhandlinger</source>
        <translation>Brot i lokale forhandlingar</translation>
    </message>
    <message>
        <source>Sentrale parter</source>
        <translation>Sentrale partar</translation>
    </message>
    <message>
        <source>Arbeidsretten</source>
        <translation>Arbeidsretten</translation>
    </message>
    <message>
        <source>Tvist etter tjenestetvistloven (staten)</source>
        <translation>Tvist etter tenestetvistlova (staten)</translation>
    </message>
    <message>
        <source>Uenighet (brudd)</source>
        <translation>Usemje (brot)</translation>
    </message>
    <message>
        <source>Forlik</source>
        <translation>Forlik</translation>
    </message>
    <message>
        <source>Medhold</source>
        <translation>Medhald</translation>
    </message>
    <message>
        <source>Ikke medhold</source>
        <translation>Ikkje medhald</translation>
    </message>
    <message>
        <source>Ikke ført videre</source>
        <translation>Ikkje ført vidare</translation>
    </message>
    <message>
        <source>Oppfylt</source>
        <translation>Oppfylt</translation>
    </message>
    <message>
        <source>Ikke oppfylt</source>
        <translation>Ikkje oppfylt</translation>
    </message>
    <message>
        <source>Informasjon</source>
        <translation>Informasjon</translation>
    </message>
    <message>
        <source>Drøfting</source>
        <translation>Drøfting</translation>
    </message>
    <message>
        <source>Forhandling</source>
        <translation>Forhandling</translation>
    </message>
    <message>
        <source>Drøftet før beslutning (i tide)</source>
        <translation>Drøfta før avgjerda (i tide)</translation>
    </message>
    <message>
        <source>Drøftet etter beslutning, før iverksetting (for sent)</source>
        <translation>Drøfta etter avgjerda, før iverksetjing (for seint)</translation>
    </message>
    <message>
        <source>Drøftet etter iverksetting (alt for sent)</source>
        <translation>Drøfta etter iverksetjing (altfor seint)</translation>
    </message>
    <message>
        <source>Kun informert, aldri drøftet</source>
        <translation>Berre informert, aldri drøfta</translation>
    </message>
    <message>
        <source>Ikke drøftet, beslutning tatt (brudd)</source>
        <translation>Ikkje drøfta, avgjerd teken (brot)</translation>
    </message>
    <message>
        <source>Ikke drøftet ennå, beslutning ikke tatt (handle nå)</source>
        <translation>Ikkje drøfta enno, avgjerd ikkje teken (handle no)</translation>
    </message>
    <message>
        <source>Kan ikke avgjøres (mangler dato)</source>
        <translation>Kan ikkje avgjerast (manglar dato)</translation>
    </message>
    <message>
        <source>Ingen krav sendt</source>
        <translation>Ingen krav sende</translation>
    </message>
    <message>
        <source>Krav sendt, venter på svar</source>
        <translation>Krav sendt, ventar på svar</translation>
    </message>
    <message>
        <source>Krav sendt, svarfristen er oversittet</source>
        <translation>Krav sendt, svarfristen er oversitten</translation>
    </message>
    <message>
        <source>Krav besvart</source>
        <translation>Krav svara</translation>
    </message>
    <message>
        <source>dato for første varsel</source>
        <translation>dato for første varsel</translation>
    </message>
    <message>
        <source>beslutningsdato</source>
        <translation>dato for avgjerda</translation>
    </message>
    <message>
        <source>planlagt iverksetting</source>
        <translation>planlagd iverksetjing</translation>
    </message>
    <message>
        <source>faktisk iverksetting</source>
        <translation>faktisk iverksetjing</translation>
    </message>
    <message>
        <source>I tide</source>
        <translation>I tide</translation>
    </message>
    <message>
        <source>For sent</source>
        <translation>For seint</translation>
    </message>
    <message>
        <source>Etter iverksetting</source>
        <translation>Etter iverksetjing</translation>
    </message>
    <message>
        <source>Kun informert</source>
        <translation>Berre informert</translation>
    </message>
    <message>
        <source>Brudd</source>
        <translation>Brot</translation>
    </message>
    <message>
        <source>Handle nå</source>
        <translation>Handle no</translation>
    </message>
    <message>
        <source>Mangler dato</source>
        <translation>Manglar dato</translation>
    </message>
    <message>
        <source>Brukerveiledning</source>
        <translation>Brukarrettleiing</translation>
    </message>
    <message>
        <source>Brukerveiledningen ble ikke funnet</source>
        <translation>Fann ikkje brukarrettleiinga</translation>
    </message>
    <message>
        <source>Velg fra listen med piltastene.</source>
        <translation>Vel frå lista med piltastane.</translation>
    </message>
    <message>
        <source>Skriv et tall, eller bruk piltastene.</source>
        <translation>Skriv eit tal, eller bruk piltastane.</translation>
    </message>
    <message>
        <source>Mellomrom krysser av eller fjerner krysset.</source>
        <translation>Mellomrom kryssar av eller fjernar krosset.</translation>
    </message>
    <message>
        <source>Piltastene flytter mellom radene.</source>
        <translation>Piltastane flyttar mellom radene.</translation>
    </message>
    <message>
        <source>Mellomrom eller Enter trykker på knappen.</source>
        <translation>Mellomrom eller Enter trykkjer på knappen.</translation>
    </message>
    <message>
        <source>Tekst som bare kan leses.</source>
        <translation>Tekst som berre kan lesast.</translation>
    </message>
    <message>
        <source>Skriv teksten her.</source>
        <translation>Skriv teksten her.</translation>
    </message>
    <message>
        <source>Kalender for </source>
        <translation>Kalender for </translation>
    </message>
    <message>
        <source>&amp;Kopier raden</source>
        <translation>&amp;Kopier rada</translation>
    </message>
    <message>
        <source>Versjon</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Lisens</source>
        <translation>Lisens</translation>
    </message>
    <message>
        <source>Datamappe</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Logg</source>
        <translation>Logg</translation>
    </message>
    <message>
        <source>Pakke fra forbundskontoret</source>
        <translation>Pakke frå forbundskontoret</translation>
    </message>
    <message>
        <source>Nyere pakke</source>
        <translation>Nyare pakke</translation>
    </message>
    <message>
        <source>Lisenstekster</source>
        <translation>Lisenstekstar</translation>
    </message>
    <message>
        <source>Om Tillitsvalgt</source>
        <translation>Om Tillitsvalgt</translation>
    </message>
    <message>
        <source>Saksverktøy for tillitsvalgte: kontor- og hjemmekontorendringer, drøfting og brev.</source>
        <translation>Saksverktøy for tillitsvalde: kontor- og heimekontorendringar, drøfting og brev.</translation>
    </message>
    <message>
        <source>Fri programvare: du kan dele og endre den etter lisensens vilkår. Den leveres uten garanti. Qt for Python (PySide6) brukes under LGPL-3.0.</source>
        <translation>Fri programvare: du kan dele og endre han etter vilkåra i lisensen. Han kjem utan garanti. Qt for Python (PySide6) er brukt under LGPL-3.0.</translation>
    </message>
    <message>
        <source>Ingen (innebygd lovkatalog og innebygde maler)</source>
        <translation>Ingen (innebygd lovkatalog og innebygde malar)</translation>
    </message>
    <message>
        <source>En nyere pakke fra forbundskontoret ligger klar: </source>
        <translation>Ein nyare pakke frå forbundskontoret ligg klar: </translation>
    </message>
    <message>
        <source> (du bruker </source>
        <translation> (du bruker </translation>
    </message>
    <message>
        <source>). Ta den i bruk med Fil → Ta i bruk pakke fra forbundskontoret: </source>
        <translation>). Ta han i bruk med Fil → Ta i bruk pakke frå forbundskontoret: </translation>
    </message>
    <message>
        <source>Ta i bruk pakke fra forbundskontoret</source>
        <translation>Ta i bruk pakke frå forbundskontoret</translation>
    </message>
    <message>
        <source>Pakker fra forbundskontoret (*.zip);;Alle filer (*)</source>
        <translation>Pakkar frå forbundskontoret (*.zip);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Følg med på mappen?</source>
        <translation>Følgje med på mappa?</translation>
    </message>
    <message>
        <source>Skal Tillitsvalgt si fra når forbundskontoret legger en nyere pakke i </source>
        <translation>Skal Tillitsvalgt seie frå når forbundskontoret legg ein nyare pakke i </translation>
    </message>
    <message>
        <source>? Velg ja hvis det er en delt mappe fra forbundskontoret.</source>
        <translation>? Vel ja om det er ei delt mappe frå forbundskontoret.</translation>
    </message>
    <message>
        <source>Pakken er ikke tatt i bruk</source>
        <translation>Pakken er ikkje teken i bruk</translation>
    </message>
    <message>
        <source>Pakken «</source>
        <translation>Pakken «</translation>
    </message>
    <message>
        <source>» fra forbundskontoret er tatt i bruk.</source>
        <translation>» frå forbundskontoret er teken i bruk.</translation>
    </message>
    <message>
        <source>Nye brev skrives etter den, og hvert brev viser hvilken versjon det er skrevet under.</source>
        <translation>Nye brev blir skrivne etter han, og kvart brev viser kva versjon det er skrive under.</translation>
    </message>
    <message>
        <source>Sakene vurderes etter lovkatalogen i pakken.</source>
        <translation>Sakene blir vurderte etter lovkatalogen i pakken.</translation>
    </message>
    <message>
        <source>Pakken er tatt i bruk</source>
        <translation>Pakken er teken i bruk</translation>
    </message>
    <message>
        <source>Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet), og filen kunne ikke flyttes; den er fjernet.</source>
        <translation>Ulagra endringar frå førre økt kunne ikkje lesast (fila {name} er skadd), og fila kunne ikkje flyttast; ho er fjerna.</translation>
    </message>
    <message>
        <source>Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet). Den er flyttet til {target}; programmet virker som vanlig.</source>
        <translation>Ulagra endringar frå førre økt kunne ikkje lesast (fila {name} er skadd). Ho er flytta til {target}; programmet verkar som vanleg.</translation>
    </message>
    <message>
        <source>Ulagrede endringer kunne ikke mellomlagres: </source>
        <translation>Ulagra endringar kunne ikkje mellomlagrast: </translation>
    </message>
    <message>
        <source>i sak {number}</source>
        <translation>i sak {number}</translation>
    </message>
    <message>
        <source>i en ny sak</source>
        <translation>i ei ny sak</translation>
    </message>
    <message>
        <source>i et brev i sak {number}</source>
        <translation>i eit brev i sak {number}</translation>
    </message>
    <message>
        <source>i en ny virksomhet</source>
        <translation>i ei ny verksemd</translation>
    </message>
    <message>
        <source>i en virksomhet</source>
        <translation>i ei verksemd</translation>
    </message>
    <message>
        <source>Du har ulagrede endringer fra forrige økt {where} (mellomlagret {when}).</source>
        <translation>Du har ulagra endringar frå førre økt {where} (mellomlagra {when}).</translation>
    </message>
    <message>
        <source>«Gjenopprett» åpner dem igjen, så du kan se over og lagre. «Forkast» sletter dem.</source>
        <translation>«Gjenopprett» opnar dei igjen, så du kan sjå over og lagre. «Forkast» slettar dei.</translation>
    </message>
    <message>
        <source>&amp;Forkast</source>
        <translation>&amp;Forkast</translation>
    </message>
    <message>
        <source>Kan ikke gjenopprette endringene</source>
        <translation>Kan ikkje gjenopprette endringane</translation>
    </message>
    <message>
        <source>Endringene er tatt vare på til neste oppstart.</source>
        <translation>Endringane er tekne vare på til neste oppstart.</translation>
    </message>
    <message>
        <source>Saken endringene gjelder, er ikke oppgitt i filen.</source>
        <translation>Saka endringane gjeld, er ikkje oppgitt i fila.</translation>
    </message>
    <message>
        <source>Sak {number} ligger i papirkurven. Gjenopprett saken derfra først.</source>
        <translation>Sak {number} ligg i papirkorga. Gjenopprett saka derifrå først.</translation>
    </message>
    <message>
        <source>En dato i de mellomlagrede endringene kan ikke leses.</source>
        <translation>Ein dato i dei mellomlagra endringane kan ikkje lesast.</translation>
    </message>
    <message>
        <source>saken er endret siden endringene dine ble mellomlagret: se over før du lagrer</source>
        <translation>saka er endra sidan endringane dine vart mellomlagra: sjå over før du lagrar</translation>
    </message>
    <message>
        <source>Virksomheten endringene gjelder, er ikke oppgitt i filen.</source>
        <translation>Verksemda endringane gjeld, er ikkje oppgitt i fila.</translation>
    </message>
    <message>
        <source>Virksomheten kunne ikke åpnes.</source>
        <translation>Verksemda kunne ikkje opnast.</translation>
    </message>
    <message>
        <source>Saken brevet gjelder, kunne ikke åpnes.</source>
        <translation>Saka brevet gjeld, kunne ikkje opnast.</translation>
    </message>
    <message>
        <source>Ingen saker ennå</source>
        <translation>Ingen saker enno</translation>
    </message>
    <message>
        <source>Slik kommer du i gang. Når arbeidsgiveren varsler en endring i arbeidsplassene eller hjemmekontor, registrerer du virksomheten og oppretter en sak; programmet vurderer saken og foreslår brevene.</source>
        <translation>Slik kjem du i gang. Når arbeidsgivaren varslar ei endring i arbeidsplassane eller heimekontor, registrerer du verksemda og opprettar ei sak; programmet vurderer saka og føreslår breva.</translation>
    </message>
    <message>
        <source>1. &amp;Registrer virksomheten …</source>
        <translation>1. &amp;Registrer verksemda …</translation>
    </message>
    <message>
        <source>Arbeidsgiveren saken gjelder: navn, organisasjonsnummer, hovedavtale.</source>
        <translation>Arbeidsgivaren saka gjeld: namn, organisasjonsnummer, hovudavtale.</translation>
    </message>
    <message>
        <source>2. &amp;Opprett en sak …</source>
        <translation>2. &amp;Opprett ei sak …</translation>
    </message>
    <message>
        <source>Hva arbeidsgiver vil endre, og når det ble varslet (Ctrl+N).</source>
        <translation>Kva arbeidsgivar vil endre, og når det vart varsla (Ctrl+N).</translation>
    </message>
    <message>
        <source>Eksemplene er merket DEMO, telles aldri i rapporten og fjernes med Fil → «Fjern demodata».</source>
        <translation>Eksempla er merkte DEMO, blir aldri talde i rapporten og blir fjerna med Fil → «Fjern demodata».</translation>
    </message>
    <message>
        <source>Vil du prøve først? &amp;Last inn eksempelsaker</source>
        <translation>Vil du prøve først? &amp;Last inn eksempelsaker</translation>
    </message>
    <message>
        <source>Les &amp;brukerveiledningen (F1)</source>
        <translation>Les &amp;brukarrettleiinga (F1)</translation>
    </message>
    <message>
        <source>Kort veiledning med bilder.</source>
        <translation>Kort rettleiing med bilete.</translation>
    </message>
    <message>
        <source>Eksempelsaker legges bare inn i en database uten saker, også i papirkurven.</source>
        <translation>Eksempelsaker blir berre lagde inn i ein database utan saker, også i papirkorga.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Minstekrav i hjemmekontorforskriften § 2</source>
        <translation>Minstekrav i heimekontorforskrifta § 2</translation>
    </message>
    <message>
        <source>Forbundets krav</source>
        <translation>Krava til forbundet</translation>
    </message>
    <message>
        <source>Det en skriftlig avtale om hjemmearbeid minst skal regulere. Et punkt som ikke er besvart, regnes som uavklart.</source>
        <translation>Det ein skriftleg avtale om heimearbeid minst skal regulere. Eit punkt som ikkje er svara på, blir rekna som uavklart.</translation>
    </message>
    <message>
        <source>Forbundets egne krav. De tas med i kravbrevet bare når de er besvart «Ikke oppfylt».</source>
        <translation>Forbundet sine eigne krav. Dei blir tekne med i kravbrevet berre når dei er svara «Ikkje oppfylt».</translation>
    </message>
</context>
</TS>
