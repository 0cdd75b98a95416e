<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name></name>
    <message>
        <source>Ny sak</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>&amp;Opprett saken</source>
        <translation>&amp;Create the case</translation>
    </message>
    <message>
        <source>Finnes ikke arbeidsgiveren i listen? Registrer den her.</source>
        <translation>Is the employer not in the list? Register it here.</translation>
    </message>
    <message>
        <source>Ny &amp;virksomhet …</source>
        <translation>New &amp;employer …</translation>
    </message>
    <message>
        <source>Rett eller fyll ut før saken kan opprettes: </source>
        <translation>Correct or fill in before the case can be created: </translation>
    </message>
    <message>
        <source>Saken er ikke opprettet</source>
        <translation>The case was not created</translation>
    </message>
    <message>
        <source>Avslutt sak </source>
        <translation>Close case </translation>
    </message>
    <message>
        <source>&amp;Utfall:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Avslutt saken</source>
        <translation>&amp;Close the case</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret kan bare inneholde sifre.</source>
        <translation>The organisation number can only contain digits.</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret har 9 sifre; {count} er skrevet så langt.</source>
        <translation>The organisation number has 9 digits; {count} typed so far.</translation>
    </message>
    <message>
        <source>Organisasjonsnummeret har 9 sifre, ikke {count}.</source>
        <translation>The organisation number has 9 digits, not {count}.</translation>
    </message>
    <message>
        <source>{number} er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke. Sjekk nummeret i Enhetsregisteret.</source>
        <translation>{number} is not a valid organisation number: the check digit does not match. Check the number in the Central Coordinating Register (Enhetsregisteret).</translation>
    </message>
    <message>
        <source>Virksomhetens navn, slik det står i Enhetsregisteret</source>
        <translation>The employer&apos;s name, as in the Central Coordinating Register</translation>
    </message>
    <message>
        <source>f.eks. Nordkyst Sparebank</source>
        <translation>e.g. Nordkyst Sparebank</translation>
    </message>
    <message>
        <source>9 sifre; kontrollsifferet sjekkes mens du skriver. Valgfritt.</source>
        <translation>9 digits; the check digit is checked as you type. Optional.</translation>
    </message>
    <message>
        <source>f.eks. 952 601 814</source>
        <translation>e.g. 952 601 814</translation>
    </message>
    <message>
        <source>Besøks- eller postadresse</source>
        <translation>Visiting or postal address</translation>
    </message>
    <message>
        <source>Hvilken sektor virksomheten hører til</source>
        <translation>Which sector the employer belongs to</translation>
    </message>
    <message>
        <source>Ikke oppgitt</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Hovedavtalen som gjelder hos virksomheten; den avgjør hvilke paragrafer brevene viser til</source>
        <translation>The main agreement that applies at the employer; it decides which paragraphs the letters cite</translation>
    </message>
    <message>
        <source>Antall ansatte; noen regler gjelder først fra 50 ansatte (aml. kapittel 8)</source>
        <translation>Number of employees; some rules apply only from 50 employees (aml. chapter 8)</translation>
    </message>
    <message>
        <source>Hvem hos arbeidsgiver brevene går til</source>
        <translation>Who at the employer the letters go to</translation>
    </message>
    <message>
        <source>Kontaktpersonens e-postadresse</source>
        <translation>The contact person&apos;s e-mail address</translation>
    </message>
    <message>
        <source>navn@virksomhet.no</source>
        <translation>name@employer.no</translation>
    </message>
    <message>
        <source>Kontaktpersonens telefonnummer</source>
        <translation>The contact person&apos;s phone number</translation>
    </message>
    <message>
        <source>Målformen brevene til virksomheten skrives på</source>
        <translation>The written standard (Bokmål or Nynorsk) of letters to this employer</translation>
    </message>
    <message>
        <source>Ikke valgt (profilens målform)</source>
        <translation>Not chosen (the profile&apos;s standard)</translation>
    </message>
    <message>
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Org.nr.:</source>
        <translation>&amp;Org. no.:</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>S&amp;ektor:</source>
        <translation>S&amp;ector:</translation>
    </message>
    <message>
        <source>&amp;Hovedavtale:</source>
        <translation>&amp;Main agreement:</translation>
    </message>
    <message>
        <source>Antall an&amp;satte:</source>
        <translation>Number of em&amp;ployees:</translation>
    </message>
    <message>
        <source>&amp;Kontaktperson:</source>
        <translation>&amp;Contact person:</translation>
    </message>
    <message>
        <source>E-&amp;post:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Målform i brev:</source>
        <translation>Letter &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Lagre</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Av&amp;bryt</source>
        <translation>Can&amp;cel</translation>
    </message>
    <message>
        <source>Lukk uten å lagre (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Ny virksomhet</source>
        <translation>New employer</translation>
    </message>
    <message>
        <source>Endre virksomhet – </source>
        <translation>Edit employer – </translation>
    </message>
    <message>
        <source>✓ Gyldig organisasjonsnummer: </source>
        <translation>✓ Valid organisation number: </translation>
    </message>
    <message>
        <source>Valgfritt. 9 sifre, f.eks. 952 601 814.</source>
        <translation>Optional. 9 digits, e.g. 952 601 814.</translation>
    </message>
    <message>
        <source>Rett organisasjonsnummeret først.</source>
        <translation>Correct the organisation number first.</translation>
    </message>
    <message>
        <source>Skriv inn virksomhetens navn først.</source>
        <translation>Type the employer&apos;s name first.</translation>
    </message>
    <message>
        <source>Lagre virksomheten (Enter)</source>
        <translation>Save the employer (Enter)</translation>
    </message>
    <message>
        <source>Virksomheten ble ikke lagret</source>
        <translation>The employer was not saved</translation>
    </message>
    <message>
        <source>Vil du laste inn versjonen som er lagret nå? Det du har skrevet her, blir da erstattet. Svarer du nei, blir det du har skrevet stående (så du kan kopiere det), men det kan ikke lagres før du har lastet inn på nytt.</source>
        <translation>Do you want to load the version saved now? What you have typed here is then replaced. If you answer no, what you typed stays (so you can copy it), but it cannot be saved until you have loaded again.</translation>
    </message>
    <message>
        <source>Endret av noen andre</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Kan ikke laste inn virksomheten</source>
        <translation>Cannot load the employer</translation>
    </message>
    <message>
        <source>Lastet inn versjonen som er lagret nå. Gjør endringen din igjen og lagre.</source>
        <translation>Loaded the version saved now. Make your change again and save.</translation>
    </message>
    <message>
        <source>Endre hendelse</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Ny hendelse</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>f.eks. HR-direktør, hovedtillitsvalgt, verneombud</source>
        <translation>e.g. HR director, chief representative, safety representative</translation>
    </message>
    <message>
        <source>Er protokollen eller referatet signert av begge parter?</source>
        <translation>Is the protocol or the minutes signed by both parties?</translation>
    </message>
    <message>
        <source>(ikke oppgitt)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>&amp;Hendelse:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>De&amp;ltakere:</source>
        <translation>Pa&amp;rticipants:</translation>
    </message>
    <message>
        <source>Endre trinn</source>
        <translation>Change stage</translation>
    </message>
    <message>
        <source>Løft saken videre</source>
        <translation>Take the case further</translation>
    </message>
    <message>
        <source>Når arbeidsgiveren avviser kravet lokalt, kan saken løftes videre: til de sentrale partene og deretter Arbeidsretten – i staten som tvist etter tjenestetvistloven. Registrer hvert trinn med dato, og utfallet når det kommer.</source>
        <translation>When the employer rejects the demand locally, the case can be taken further: to the central parties and then the Labour Court (Arbeidsretten) – in the state as a dispute under the Civil Service Disputes Act (tjenestetvistloven). Record each stage with its date, and the outcome when it comes.</translation>
    </message>
    <message>
        <source>(ikke avgjort ennå)</source>
        <translation>(not decided yet)</translation>
    </message>
    <message>
        <source>f.eks. Arbeidsrettens saksnummer</source>
        <translation>e.g. the Labour Court&apos;s case number</translation>
    </message>
    <message>
        <source>&amp;Trinn:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <source>Løftet &amp;dit:</source>
        <translation>&amp;Reached on:</translation>
    </message>
    <message>
        <source>Utfallet &amp;kom:</source>
        <translation>Outcome &amp;on:</translation>
    </message>
    <message>
        <source>&amp;Referanse:</source>
        <translation>Re&amp;ference:</translation>
    </message>
    <message>
        <source>&amp;Notat:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Signert av &amp;begge:</source>
        <translation>Signed by &amp;both:</translation>
    </message>
    <message>
        <source>&amp;Brevtype:</source>
        <translation>&amp;Letter kind:</translation>
    </message>
    <message>
        <source>&amp;Svarfrist:</source>
        <translation>&amp;Reply within:</translation>
    </message>
    <message>
        <source>Nytt brev – sak </source>
        <translation>New letter – case </translation>
    </message>
    <message>
        <source> (foreslått)</source>
        <translation> (suggested)</translation>
    </message>
    <message>
        <source>Ny gruppesak</source>
        <translation>New group case</translation>
    </message>
    <message>
        <source>En gruppesak er én beslutning hos arbeidsgiveren som gjelder flere enheter. Sakene i gruppen får gruppens varseldato og beslutningsdato, og brev kan skrives til alle sakene samtidig.</source>
        <translation>A group case is one employer decision that affects several units. The cases in the group take the group&apos;s notice date and decision date, and letters can be written to all the cases at once.</translation>
    </message>
    <message>
        <source>f.eks. Nytt kontorkonsept 2027</source>
        <translation>e.g. New office concept 2027</translation>
    </message>
    <message>
        <source>&amp;Beskrivelse:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Varslet:</source>
        <translation>&amp;Notified:</translation>
    </message>
    <message>
        <source>Be&amp;slutning:</source>
        <translation>De&amp;cision:</translation>
    </message>
    <message>
        <source>Søk etter saker å ta med …</source>
        <translation>Search for cases to include …</translation>
    </message>
    <message>
        <source>&amp;Opprett gruppesaken</source>
        <translation>&amp;Create the group case</translation>
    </message>
    <message>
        <source>Saker i gruppen (kryss av):</source>
        <translation>Cases in the group (tick them):</translation>
    </message>
    <message>
        <source>Søk etter saker</source>
        <translation>Search for cases</translation>
    </message>
    <message>
        <source>Saker i gruppen</source>
        <translation>Cases in the group</translation>
    </message>
    <message>
        <source>Mellomrom krysser av en sak.</source>
        <translation>Space ticks a case.</translation>
    </message>
    <message>
        <source>Valgt: </source>
        <translation>Chosen: </translation>
    </message>
    <message>
        <source>Knytt saken til en gruppesak</source>
        <translation>Link the case to a group case</translation>
    </message>
    <message>
        <source>saker</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>Saken får gruppens varseldato og beslutningsdato; endringen står i historikken.</source>
        <translation>The case takes the group&apos;s notice date and decision date; the change is in the history.</translation>
    </message>
    <message>
        <source>&amp;Gruppesak:</source>
        <translation>&amp;Group case:</translation>
    </message>
    <message>
        <source>Det finnes ingen gruppesaker ennå. Lag en med «Ny gruppesak …».</source>
        <translation>There are no group cases yet. Make one with «New group case …».</translation>
    </message>
    <message>
        <source>&amp;Knytt til</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>Brev til hele gruppesaken</source>
        <translation>Letters to the whole group case</translation>
    </message>
    <message>
        <source>Ett brev til hver sak i gruppesaken «</source>
        <translation>One letter to each case in the group case «</translation>
    </message>
    <message>
        <source>»: </source>
        <translation>»: </translation>
    </message>
    <message>
        <source>. Hvert brev får sitt eget journalnummer i sin sak. Kan ett av brevene ikke lages, lages ingen.</source>
        <translation>. Each letter gets its own journal number in its case. If one of the letters cannot be made, none is made.</translation>
    </message>
    <message>
        <source> dager</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Lagre også brevene som Word-filer i en mappe</source>
        <translation>Also save the letters as Word files in a folder</translation>
    </message>
    <message>
        <source>… og som PDF-filer</source>
        <translation>… and as PDF files</translation>
    </message>
    <message>
        <source>PDF krever LibreOffice eller Word på maskinen</source>
        <translation>PDF needs LibreOffice or Word on this computer</translation>
    </message>
    <message>
        <source>&amp;Lag brevene</source>
        <translation>&amp;Make the letters</translation>
    </message>
    <message>
        <source>Mappe for brevene</source>
        <translation>Folder for the letters</translation>
    </message>
    <message>
        <source>Endre gruppesaken</source>
        <translation>Change the group case</translation>
    </message>
    <message>
        <source>Endrede datoer skrives på alle sakene i gruppen, og det står i historikken til hver sak. Kan én sak ikke ta datoen, endres ingenting.</source>
        <translation>Changed dates are written to every case in the group, and each case&apos;s history says so. If one case cannot take the date, nothing is changed.</translation>
    </message>
    <message>
        <source>Målformen brevet skrives på. Forhåndsvalgt fra virksomheten, ellers profilen.</source>
        <translation>The written standard of this letter. Preset from the employer, else from your profile.</translation>
    </message>
    <message>
        <source>Mål&amp;form:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Deres &amp;ref.:</source>
        <translation>Your &amp;ref.:</translation>
    </message>
    <message>
        <source>f.eks. verneombud Per Olsen</source>
        <translation>e.g. safety representative Per Olsen</translation>
    </message>
    <message>
        <source>&amp;Kopi til:</source>
        <translation>&amp;Copy to:</translation>
    </message>
    <message>
        <source>Bestemmelser brevet viser til</source>
        <translation>Provisions the letter cites</translation>
    </message>
    <message>
        <source> (ikke kontrollert)</source>
        <translation> (not verified)</translation>
    </message>
    <message>
        <source>Egen tekst som tas med i brevet (valgfritt)</source>
        <translation>Your own text to include in the letter (optional)</translation>
    </message>
    <message>
        <source>&amp;Egen tekst:</source>
        <translation>&amp;Own text:</translation>
    </message>
    <message>
        <source>Forhåndsvisning av brevet</source>
        <translation>Preview of the letter</translation>
    </message>
    <message>
        <source>Brevet slik det blir skrevet ut</source>
        <translation>The letter as it will print</translation>
    </message>
    <message>
        <source>Lagre som &amp;Word…</source>
        <translation>Save as &amp;Word…</translation>
    </message>
    <message>
        <source>Lagre som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Krever LibreOffice eller Word, og ingen av dem er installert.</source>
        <translation>Needs LibreOffice or Word, and neither is installed.</translation>
    </message>
    <message>
        <source>Forhåndsvisningen viser bare teksten: sidene slik de skrives ut lages med LibreOffice eller Word, og ingen av dem er installert.</source>
        <translation>The preview shows only the text: the pages as they print are made with LibreOffice or Word, and neither is installed.</translation>
    </message>
    <message>
        <source>&amp;Merk som sendt</source>
        <translation>&amp;Mark as sent</translation>
    </message>
    <message>
        <source>Lagre brevet først.</source>
        <translation>Save the letter first.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lagre endringene først (brevet beholder nummeret).</source>
        <translation>Save the changes first (the letter keeps its number).</translation>
    </message>
    <message>
        <source>Denne brevtypen har ingen svarfrist.</source>
        <translation>This letter kind has no reply deadline.</translation>
    </message>
    <message>
        <source>Kontroller: </source>
        <translation>Check: </translation>
    </message>
    <message>
        <source> – oppdateres …</source>
        <translation> – updating …</translation>
    </message>
    <message>
        <source>Lager sidene slik de skrives ut …</source>
        <translation>Making the pages as they print …</translation>
    </message>
    <message>
        <source>Utkast </source>
        <translation>Draft </translation>
    </message>
    <message>
        <source> (beholder nummeret når det lagres igjen), A4</source>
        <translation> (keeps its number when saved again), A4</translation>
    </message>
    <message>
        <source> slik det blir skrevet ut, A4</source>
        <translation> as it will print, A4</translation>
    </message>
    <message>
        <source>Sidene kunne ikke lages, så forhåndsvisningen viser teksten: </source>
        <translation>The pages could not be made, so the preview shows the text: </translation>
    </message>
    <message>
        <source>Skriv «</source>
        <translation>Write «</translation>
    </message>
    <message>
        <source>»</source>
        <translation>»</translation>
    </message>
    <message>
        <source>Bruk </source>
        <translation>Use </translation>
    </message>
    <message>
        <source>Brevet lages ikke</source>
        <translation>The letter is not made</translation>
    </message>
    <message>
        <source>Lagre brevet</source>
        <translation>Save the letter</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Brevet ble ikke lagret</source>
        <translation>The letter was not saved</translation>
    </message>
    <message>
        <source>Lagret som </source>
        <translation>Saved as </translation>
    </message>
    <message>
        <source>Lås brevet, før «Brev sendt» i tidslinjen og opprett svarfristen.</source>
        <translation>Lock the letter, record «Letter sent» on the timeline and create the reply deadline.</translation>
    </message>
    <message>
        <source>Interne dokumenter sendes ikke.</source>
        <translation>Internal documents are not sent.</translation>
    </message>
    <message>
        <source>Ikke merket som sendt</source>
        <translation>Not marked as sent</translation>
    </message>
    <message>
        <source>Brev </source>
        <translation>Letter </translation>
    </message>
    <message>
        <source> er merket som sendt; svarfristen er opprettet.</source>
        <translation> is marked as sent; the reply deadline is created.</translation>
    </message>
    <message>
        <source>Rapport til landsmøtet</source>
        <translation>Report to the national meeting</translation>
    </message>
    <message>
        <source>Per år</source>
        <translation>Per year</translation>
    </message>
    <message>
        <source>Per kvartal</source>
        <translation>Per quarter</translation>
    </message>
    <message>
        <source>Tall under dette (etter støy) vises som «–», så ingen kan kjennes igjen</source>
        <translation>Counts below this (after noise) are shown as «–», so no one can be recognised</translation>
    </message>
    <message>
        <source>Ikke navngi virksomheter (bare sektor og størrelse)</source>
        <translation>Do not name employers (only sector and size)</translation>
    </message>
    <message>
        <source>Velg …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Også regneark (.xlsx) ved siden av</source>
        <translation>Also a spreadsheet (.xlsx) beside it</translation>
    </message>
    <message>
        <source>Også tabellene som CSV (.csv) for forbundskontoret</source>
        <translation>Also the tables as CSV (.csv) for the union office</translation>
    </message>
    <message>
        <source>Åpne rapporten når den er ferdig</source>
        <translation>Open the report when it is finished</translation>
    </message>
    <message>
        <source>&amp;Fra:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Til:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Utvikling:</source>
        <translation>&amp;Trend:</translation>
    </message>
    <message>
        <source>&amp;Minste tall som vises:</source>
        <translation>&amp;Smallest count shown:</translation>
    </message>
    <message>
        <source>&amp;Lagre som:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <source>&amp;Lag rapporten</source>
        <translation>&amp;Make the report</translation>
    </message>
    <message>
        <source>Lagre rapporten</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Rapporten er ikke laget</source>
        <translation>The report was not made</translation>
    </message>
    <message>
        <source>«Til» er før «Fra».</source>
        <translation>«To» is before «From».</translation>
    </message>
    <message>
        <source>Skrive over?</source>
        <translation>Overwrite?</translation>
    </message>
    <message>
        <source>Disse filene finnes allerede og blir skrevet over:</source>
        <translation>These files already exist and will be overwritten:</translation>
    </message>
    <message>
        <source>Lager rapporten …</source>
        <translation>Making the report …</translation>
    </message>
    <message>
        <source>Rapporten er lagret: </source>
        <translation>The report is saved: </translation>
    </message>
    <message>
        <source>Gjenopprett fra sikkerhetskopi</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Velg kopien du vil gå tilbake til. Alt som er lagret etter at kopien ble tatt, blir borte fra databasen – men databasen slik den er nå, lagres først som en egen sikkerhetskopi, så du kan angre.</source>
        <translation>Choose the copy you want to go back to. Everything saved after the copy was made disappears from the database – but the database as it is now is saved first as a backup of its own, so you can undo.</translation>
    </message>
    <message>
        <source>Sikkerhetskopier</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>&amp;Annen fil …</source>
        <translation>&amp;Other file …</translation>
    </message>
    <message>
        <source>Gjenopprett fra en kopi som ligger et annet sted</source>
        <translation>Restore from a copy that is somewhere else</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Det er ingen sikkerhetskopier ennå.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>En PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den som drifter den.</source>
        <translation>A PostgreSQL database is backed up on the server (pg_dump) by whoever runs it.</translation>
    </message>
    <message>
        <source>Velg sikkerhetskopi</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Databaser (*.db);;Alle filer (*)</source>
        <translation>Databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Sjekker kopien …</source>
        <translation>Checking the copy …</translation>
    </message>
    <message>
        <source>Kopien er hel og kan brukes: </source>
        <translation>The copy is whole and can be used: </translation>
    </message>
    <message>
        <source>Denne kopien kan ikke brukes:</source>
        <translation>This copy cannot be used:</translation>
    </message>
    <message>
        <source>Gjenopprette?</source>
        <translation>Restore?</translation>
    </message>
    <message>
        <source>Erstatte hele databasen med kopien {name}? Databasen slik den er nå, lagres først som egen sikkerhetskopi.</source>
        <translation>Replace the whole database with the copy {name}? The database as it is now is saved first as a backup of its own.</translation>
    </message>
    <message>
        <source>Gjenoppretter …</source>
        <translation>Restoring …</translation>
    </message>
    <message>
        <source>Gjenopprettet</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Databasen er gjenopprettet. Slik den var før, er lagret i </source>
        <translation>The database is restored. As it was before, it is saved in </translation>
    </message>
    <message>
        <source>Mappen har ingen Word-maler (.docx). Brevene bruker de innebygde malene.</source>
        <translation>The folder has no Word templates (.docx). The letters use the built-in templates.</translation>
    </message>
    <message>
        <source>{count} maler kontrollert: </source>
        <translation>{count} templates checked: </translation>
    </message>
    <message>
        <source>alle kan brukes.</source>
        <translation>all can be used.</translation>
    </message>
    <message>
        <source>{bad} har feil som må rettes i Word før de kan brukes.</source>
        <translation>{bad} have errors that must be corrected in Word before they can be used.</translation>
    </message>
    <message>
        <source>ukjent brevtype</source>
        <translation>unknown letter kind</translation>
    </message>
    <message>
        <source>: ingen feil</source>
        <translation>: no errors</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Profil</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;Brev</source>
        <translation>&amp;Letters</translation>
    </message>
    <message>
        <source>Lukk innstillingene; har du endringer som ikke er lagret, spør vi først.</source>
        <translation>Close the settings; if you have changes that are not saved, you are asked first.</translation>
    </message>
    <message>
        <source>&amp;Lagre profilen</source>
        <translation>&amp;Save the profile</translation>
    </message>
    <message>
        <source>Lagre profilen; den brukes fra neste brev.</source>
        <translation>Save the profile; it is used from the next letter.</translation>
    </message>
    <message>
        <source>Profilen din står som avsender i brevene du lager (navn, rolle, sted).</source>
        <translation>Your profile is the sender of the letters you make (name, role, place).</translation>
    </message>
    <message>
        <source>Profilen er ikke lagret</source>
        <translation>The profile is not saved</translation>
    </message>
    <message>
        <source>✓ Profilen er lagret.</source>
        <translation>✓ The profile is saved.</translation>
    </message>
    <message>
        <source>«{union}»</source>
        <translation>“{union}”</translation>
    </message>
    <message>
        <source>(ikke fylt ut)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>skrives under Profil → Forbund, og brukes både i brevhodet og på forsiden av landsmøterapporten.</source>
        <translation>is entered under Profile → Union, and is used both in the letterhead and on the cover of the national meeting report.</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Brev</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Du har endringer som ikke er lagret under: {tabs}. Vil du lagre dem?</source>
        <translation>You have unsaved changes under: {tabs}. Do you want to save them?</translation>
    </message>
    <message>
        <source>Databasen som er åpen nå: {where}</source>
        <translation>The database open now: {where}</translation>
    </message>
    <message>
        <source>Database ved neste oppstart</source>
        <translation>Database at the next start</translation>
    </message>
    <message>
        <source>&amp;Standardfilen på denne maskinen</source>
        <translation>&amp;The default file on this machine</translation>
    </message>
    <message>
        <source>SQLite-filen i programmets datamappe: {file}</source>
        <translation>The SQLite file in the program&apos;s data folder: {file}</translation>
    </message>
    <message>
        <source>&amp;Annen SQLite-fil</source>
        <translation>&amp;Another SQLite file</translation>
    </message>
    <message>
        <source>En databasefil et annet sted, f.eks. på en kryptert disk. Finnes ikke filen, lages en ny, tom database når du tester.</source>
        <translation>A database file somewhere else, e.g. on an encrypted disk. If the file does not exist, a new, empty database is made when you test.</translation>
    </message>
    <message>
        <source>Sti til databasefilen, f.eks. </source>
        <translation>Path to the database file, e.g. </translation>
    </message>
    <message>
        <source>Hele stien til SQLite-filen.</source>
        <translation>The whole path to the SQLite file.</translation>
    </message>
    <message>
        <source>&amp;Velg fil …</source>
        <translation>&amp;Choose file …</translation>
    </message>
    <message>
        <source>Velg en databasefil, eller skriv navnet på en ny.</source>
        <translation>Choose a database file, or type the name of a new one.</translation>
    </message>
    <message>
        <source>P&amp;ostgreSQL-tjener (delt database for et kontor)</source>
        <translation>P&amp;ostgreSQL server (a shared database for an office)</translation>
    </message>
    <message>
        <source>En database på en tjener som flere tillitsvalgte bruker sammen.</source>
        <translation>A database on a server that several representatives use together.</translation>
    </message>
    <message>
        <source>Adressen til databasen, uten passord: postgresql://bruker@tjener:port/database</source>
        <translation>The database&apos;s address, without a password: postgresql://user@server:port/database</translation>
    </message>
    <message>
        <source>Adr&amp;esse:</source>
        <translation>Addr&amp;ess:</translation>
    </message>
    <message>
        <source>Adressen inneholder et passord. Det blir fjernet: tilkoblingen testes og lagres uten passord, slik programmet kobler til ved neste oppstart.</source>
        <translation>The address contains a password. It is removed: the connection is tested and saved without a password, the way the program connects at the next start.</translation>
    </message>
    <message>
        <source>&amp;Test tilkoblingen</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <source>Åpne databasen på prøve. Valget kan lagres først når testen har lyktes.</source>
        <translation>Open the database on trial. The choice can be saved only when the test has succeeded.</translation>
    </message>
    <message>
        <source>&amp;Lagre databasevalget</source>
        <translation>&amp;Save the database choice</translation>
    </message>
    <message>
        <source>Test tilkoblingen først.</source>
        <translation>Test the connection first.</translation>
    </message>
    <message>
        <source>Valgt for oppstart: {where}</source>
        <translation>Chosen for the start: {where}</translation>
    </message>
    <message>
        <source>Skriv inn eller velg en databasefil.</source>
        <translation>Type or choose a database file.</translation>
    </message>
    <message>
        <source>Skriv inn adressen til databasen, f.eks. </source>
        <translation>Type the database&apos;s address, e.g. </translation>
    </message>
    <message>
        <source>Velg databasefil</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <source>SQLite-database (*.db *.sqlite);;Alle filer (*)</source>
        <translation>SQLite database (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Tester tilkoblingen …</source>
        <translation>Testing the connection …</translation>
    </message>
    <message>
        <source>Lagre valget; det tas i bruk neste gang du starter Tillitsvalgt.</source>
        <translation>Save the choice; it is used the next time you start Tillitsvalgt.</translation>
    </message>
    <message>
        <source>✓ Tilkoblingen virker: {where}. Du kan lagre valget.</source>
        <translation>✓ The connection works: {where}. You can save the choice.</translation>
    </message>
    <message>
        <source>Databasevalget er ikke lagret</source>
        <translation>The database choice is not saved</translation>
    </message>
    <message>
        <source>Test tilkoblingen først; bare en database som virker, kan lagres.</source>
        <translation>Test the connection first; only a database that works can be saved.</translation>
    </message>
    <message>
        <source>Lagret. Start Tillitsvalgt på nytt for å ta i bruk databasen {where}; til da brukes databasen som er åpen nå.</source>
        <translation>Saved. Start Tillitsvalgt again to use the database {where}; until then the database open now is used.</translation>
    </message>
    <message>
        <source>Start programmet på nytt</source>
        <translation>Start the program again</translation>
    </message>
    <message>
        <source>Forbundets navn:</source>
        <translation>Union name:</translation>
    </message>
    <message>
        <source>Tom: de innebygde malene</source>
        <translation>Empty: the built-in templates</translation>
    </message>
    <message>
        <source>Mappe med kontorets egne Word-maler. En fil som heter &lt;brevtype&gt;.docx (f.eks. krav_om_drofting.docx) erstatter den innebygde malen for den typen.</source>
        <translation>A folder with the office&apos;s own Word templates. A file named &lt;letter kind&gt;.docx (e.g. krav_om_drofting.docx) replaces the built-in template for that kind.</translation>
    </message>
    <message>
        <source>&amp;Kontroller malene</source>
        <translation>&amp;Check the templates</translation>
    </message>
    <message>
        <source>Se etter feil i hver mal i mappen: ukjente felt, feil i mal-koden, og det Word har ødelagt.</source>
        <translation>Look for errors in each template in the folder: unknown fields, errors in the template code, and what Word has broken.</translation>
    </message>
    <message>
        <source>Resultatet av malkontrollen</source>
        <translation>Result of the template check</translation>
    </message>
    <message>
        <source>Resultatet av kontrollen vises her.</source>
        <translation>The result of the check is shown here.</translation>
    </message>
    <message>
        <source>&amp;Lagre brevinnstillingene</source>
        <translation>&amp;Save the letter settings</translation>
    </message>
    <message>
        <source>Lagre; det gjelder fra neste brev.</source>
        <translation>Save; it applies from the next letter.</translation>
    </message>
    <message>
        <source>Pakke fra forbundskontoret:</source>
        <translation>Union office&apos;s pack:</translation>
    </message>
    <message>
        <source>&amp;Malmappe:</source>
        <translation>&amp;Template folder:</translation>
    </message>
    <message>
        <source>Ingen malmappe er valgt: brevene bruker de innebygde malene.</source>
        <translation>No template folder is chosen: the letters use the built-in templates.</translation>
    </message>
    <message>
        <source>Kontrollerer malene …</source>
        <translation>Checking the templates …</translation>
    </message>
    <message>
        <source>Brevinnstillingene er ikke lagret</source>
        <translation>The letter settings are not saved</translation>
    </message>
    <message>
        <source>✓ Lagret; det gjelder fra neste brev.</source>
        <translation>✓ Saved; it applies from the next letter.</translation>
    </message>
    <message>
        <source>&amp;Navn *:</source>
        <translation>&amp;Name *:</translation>
    </message>
    <message>
        <source>Navnet ditt slik det skal stå under brevene.</source>
        <translation>Your name as it should appear under the letters.</translation>
    </message>
    <message>
        <source>f.eks. Kari Nordmann</source>
        <translation>e.g. Kari Nordmann</translation>
    </message>
    <message>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Vervet ditt, slik det står under navnet i brevene.</source>
        <translation>Your position, as it appears under your name in the letters.</translation>
    </message>
    <message>
        <source>f.eks. hovedtillitsvalgt</source>
        <translation>e.g. chief representative</translation>
    </message>
    <message>
        <source>&amp;Forbund:</source>
        <translation>&amp;Union:</translation>
    </message>
    <message>
        <source>Forbundet du er tillitsvalgt for.</source>
        <translation>The union you represent.</translation>
    </message>
    <message>
        <source>f.eks. Forbundet for ansatte</source>
        <translation>e.g. The Employees&apos; Union</translation>
    </message>
    <message>
        <source>&amp;Avdeling/klubb:</source>
        <translation>&amp;Branch/club:</translation>
    </message>
    <message>
        <source>Avdelingen eller klubben du representerer (valgfritt).</source>
        <translation>The branch or club you represent (optional).</translation>
    </message>
    <message>
        <source>&amp;E-post:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>E-postadressen arbeidsgiver kan svare til.</source>
        <translation>The e-mail address the employer can reply to.</translation>
    </message>
    <message>
        <source>navn@eksempel.no</source>
        <translation>name@example.no</translation>
    </message>
    <message>
        <source>Telefonnummeret ditt (valgfritt).</source>
        <translation>Your phone number (optional).</translation>
    </message>
    <message>
        <source>&amp;Sted for brev *:</source>
        <translation>&amp;Place for letters *:</translation>
    </message>
    <message>
        <source>Stedet brevene skrives fra; det står først i «Sted, dato» i hvert brev.</source>
        <translation>The place the letters are written from; it comes first in «Place, date» in each letter.</translation>
    </message>
    <message>
        <source>f.eks. Tromsø</source>
        <translation>e.g. Tromsø</translation>
    </message>
    <message>
        <source>Hovedorganisasjonen forbundet ditt tilhører (Delta og Negotia: YS). Den avgjør hvilken versjon av hovedavtalen brevene viser til.</source>
        <translation>The confederation your union belongs to (Delta and Negotia: YS). It decides which version of the main agreement the letters cite.</translation>
    </message>
    <message>
        <source>Hovedorganisasjon</source>
        <translation>Confederation</translation>
    </message>
    <message>
        <source>&amp;Hovedorganisasjon:</source>
        <translation>&amp;Confederation:</translation>
    </message>
    <message>
        <source>Målformen brevene dine skrives på når virksomheten ikke har en egen. Du kan velge en annen for hvert brev.</source>
        <translation>The written standard of your letters when the employer has none of its own. You can choose another for each letter.</translation>
    </message>
    <message>
        <source>Målform i brev</source>
        <translation>Letter language</translation>
    </message>
    <message>
        <source>Tekst under navnet i brevene, f.eks. en hilsen (valgfritt).</source>
        <translation>Text under your name in the letters, e.g. a greeting (optional).</translation>
    </message>
    <message>
        <source>Si&amp;gnatur:</source>
        <translation>Si&amp;gnature:</translation>
    </message>
    <message>
        <source>* må fylles ut</source>
        <translation>* must be filled in</translation>
    </message>
    <message>
        <source>må fylles ut – brevene begynner med «Sted, dato»</source>
        <translation>must be filled in – the letters begin with «Place, date»</translation>
    </message>
    <message>
        <source>Velkommen til Tillitsvalgt</source>
        <translation>Welcome to Tillitsvalgt</translation>
    </message>
    <message>
        <source>Velkommen til Tillitsvalgt!</source>
        <translation>Welcome to Tillitsvalgt!</translation>
    </message>
    <message>
        <source>Tillitsvalgt holder orden på sakene dine om kontorendringer og hjemmekontor, og sier fra når arbeidsgiveren skulle ha informert eller drøftet med dere. Programmet passer fristene og skriver brevene – krav om drøfting, purringer og protokoller – med deg som avsender.</source>
        <translation>Tillitsvalgt keeps your cases about office changes and home office in order, and tells you when the employer should have informed or consulted you. The program watches the deadlines and writes the letters – demands for consultation, reminders and protocols – with you as the sender.</translation>
    </message>
    <message>
        <source>Fortell først hvem du er; det står under hvert brev du lager.</source>
        <translation>First tell who you are; it appears under every letter you make.</translation>
    </message>
    <message>
        <source>Fyll inn eksem&amp;pelsaker så jeg kan prøve programmet</source>
        <translation>Fill in e&amp;xample cases so I can try the program</translation>
    </message>
    <message>
        <source>&amp;Kom i gang</source>
        <translation>&amp;Get started</translation>
    </message>
    <message>
        <source>Lagre profilen og åpne programmet.</source>
        <translation>Save the profile and open the program.</translation>
    </message>
    <message>
        <source>Legger inn et halvt hundre oppdiktede saker med virksomheter og hendelser, så du kan se hvordan programmet vurderer dem. De er merket DEMO, telles aldri i rapporten og fjernes med Fil → «Fjern demodata».</source>
        <translation>Adds some fifty made-up cases with employers and events, so you can see how the program assesses them. They are marked DEMO, never count in the report and are removed with File → “Remove demo data”.</translation>
    </message>
    <message>
        <source>Databasen har allerede saker. Eksempelsaker legges bare inn i en tom database, så de aldri blandes med ekte saker.</source>
        <translation>The database already has cases. Example cases are only added to an empty database, so they never mix with real cases.</translation>
    </message>
    <message>
        <source>Legger inn eksempelsakene …</source>
        <translation>Adding the example cases …</translation>
    </message>
    <message>
        <source>Eksempelsakene ble ikke lagt inn</source>
        <translation>The example cases were not added</translation>
    </message>
    <message>
        <source>

Profilen din er lagret.</source>
        <translation>

Your profile is saved.</translation>
    </message>
    <message>
        <source>Uventet feil</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Det skjedde en feil i Tillitsvalgt som ikke skulle skjedd. Det du har lagret, er i behold; det du holdt på med nå, ble ikke lagret. Kopier detaljene og send dem til den som drifter programmet.</source>
        <translation>Something went wrong in Tillitsvalgt that should not have. What you had saved is safe; what you were doing just now was not saved. Copy the details and send them to whoever runs the program.</translation>
    </message>
    <message>
        <source>Detaljer om feilen</source>
        <translation>Details of the error</translation>
    </message>
    <message>
        <source>Kopier detaljene</source>
        <translation>Copy the details</translation>
    </message>
    <message>
        <source>Kan ikke fullføre</source>
        <translation>Cannot finish</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Alle virksomheter</source>
        <translation>All employers</translation>
    </message>
    <message>
        <source>Søk i saker (tittel, beskrivelse, virksomhet) …</source>
        <translation>Search cases (title, description, employer) …</translation>
    </message>
    <message>
        <source>Alle typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Alle statuser</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Alle tidspunkter</source>
        <translation>All timings</translation>
    </message>
    <message>
        <source>&amp;Papirkurv</source>
        <translation>&amp;Recycle bin</translation>
    </message>
    <message>
        <source>Vis slettede saker, som kan gjenopprettes</source>
        <translation>Show deleted cases, which can be restored</translation>
    </message>
    <message>
        <source>Lagrede filtre: søk og valg du bruker ofte</source>
        <translation>Saved filters: searches and choices you use often</translation>
    </message>
    <message>
        <source>Lagre filter …</source>
        <translation>Save filter …</translation>
    </message>
    <message>
        <source>Lagre søket og valgene som et filter med navn</source>
        <translation>Save the search and the choices as a named filter</translation>
    </message>
    <message>
        <source>Bare sakene til én virksomhet</source>
        <translation>Only one employer&apos;s cases</translation>
    </message>
    <message>
        <source>Bare saker fra ett år (saksnummerets år)</source>
        <translation>Only cases from one year (the case number&apos;s year)</translation>
    </message>
    <message>
        <source>Alle år</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Saker</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Virksomheter</source>
        <translation>Employers</translation>
    </message>
    <message>
        <source>Frister</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Database: </translation>
    </message>
    <message>
        <source>Søk i sakene</source>
        <translation>Search the cases</translation>
    </message>
    <message>
        <source>Filter: sakstype</source>
        <translation>Filter: case type</translation>
    </message>
    <message>
        <source>Filter: status</source>
        <translation>Filter: status</translation>
    </message>
    <message>
        <source>Filter: tidspunkt for drøfting</source>
        <translation>Filter: timing of consultation</translation>
    </message>
    <message>
        <source>Filter: virksomhet</source>
        <translation>Filter: employer</translation>
    </message>
    <message>
        <source>Filter: år</source>
        <translation>Filter: year</translation>
    </message>
    <message>
        <source>Lagrede filtre</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>Piltastene velger en sak; overskriftene sorterer.</source>
        <translation>The arrow keys choose a case; the headers sort.</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sak</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>Verktøy</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>&amp;Ny sak …</source>
        <translation>&amp;New case …</translation>
    </message>
    <message>
        <source>Opprett en ny sak (Ctrl+N)</source>
        <translation>Create a new case (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lagre endringene i saken (Ctrl+S)</source>
        <translation>Save the changes to the case (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Søk</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Gå til søkefeltet (Ctrl+F)</source>
        <translation>Go to the search field (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nytt &amp;brev …</source>
        <translation>New &amp;letter …</translation>
    </message>
    <message>
        <source>Skriv et brev i saken (Ctrl+L)</source>
        <translation>Write a letter in the case (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Avslutt saken …</source>
        <translation>&amp;Close the case …</translation>
    </message>
    <message>
        <source>Avslutt saken med et utfall</source>
        <translation>Close the case with an outcome</translation>
    </message>
    <message>
        <source>&amp;Gjenåpne saken</source>
        <translation>&amp;Reopen the case</translation>
    </message>
    <message>
        <source>&amp;Dupliser saken</source>
        <translation>&amp;Duplicate the case</translation>
    </message>
    <message>
        <source>En ny sak med samme virksomhet, type og beskrivelse</source>
        <translation>A new case with the same employer, type and description</translation>
    </message>
    <message>
        <source>Flytt til &amp;papirkurven</source>
        <translation>Move to the &amp;recycle bin</translation>
    </message>
    <message>
        <source>Saken kan gjenopprettes fra papirkurven</source>
        <translation>The case can be restored from the recycle bin</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett fra papirkurven</source>
        <translation>&amp;Restore from the recycle bin</translation>
    </message>
    <message>
        <source>&amp;Oppdater</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Saker</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>&amp;Virksomheter</source>
        <translation>&amp;Employers</translation>
    </message>
    <message>
        <source>&amp;Frister</source>
        <translation>&amp;Deadlines</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Importer saker …</source>
        <translation>&amp;Import cases …</translation>
    </message>
    <message>
        <source>Importer saker fra én eller flere filer (fra andre tillitsvalgte eller et tidligere uttrekk)</source>
        <translation>Import cases from one or more files (from other representatives or an earlier export)</translation>
    </message>
    <message>
        <source>&amp;Eksporter saker …</source>
        <translation>&amp;Export cases …</translation>
    </message>
    <message>
        <source>Skriv alle saker til en fil for forbundskontoret</source>
        <translation>Write all cases to a file for the union office</translation>
    </message>
    <message>
        <source>Eksporter &amp;listen til regneark …</source>
        <translation>Export the &amp;list to a spreadsheet …</translation>
    </message>
    <message>
        <source>Sakslisten med filtrene du har valgt, alle sider, som .xlsx eller .csv</source>
        <translation>The case list with the filters you chose, all pages, as .xlsx or .csv</translation>
    </message>
    <message>
        <source>Ta &amp;sikkerhetskopi nå</source>
        <translation>Make a &amp;backup now</translation>
    </message>
    <message>
        <source>Kopier databasen til sikkerhetskopimappen</source>
        <translation>Copy the database to the backup folder</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett fra sikkerhetskopi …</source>
        <translation>&amp;Restore from a backup …</translation>
    </message>
    <message>
        <source>Gå tilbake til databasen slik den var da en sikkerhetskopi ble tatt</source>
        <translation>Go back to the database as it was when a backup was made</translation>
    </message>
    <message>
        <source>&amp;Innstillinger …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <source>Profil, database og brev</source>
        <translation>Profile, database and letters</translation>
    </message>
    <message>
        <source>&amp;Rapport til landsmøtet …</source>
        <translation>&amp;Report to the national meeting …</translation>
    </message>
    <message>
        <source>Statistikken over sakene i en periode, som Word og regneark</source>
        <translation>The statistics of the cases in a period, as Word and spreadsheet</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Brukerveiledning</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>Slik bruker du Tillitsvalgt, med bilder (F1)</source>
        <translation>How to use Tillitsvalgt, with pictures (F1)</translation>
    </message>
    <message>
        <source>&amp;Om Tillitsvalgt</source>
        <translation>&amp;About Tillitsvalgt</translation>
    </message>
    <message>
        <source>Ta i bruk &amp;pakke fra forbundskontoret …</source>
        <translation>Use the union office&apos;s &amp;pack …</translation>
    </message>
    <message>
        <source>Lovkatalog, brevmaler og forbundets navn fra forbundskontoret, i én fil</source>
        <translation>Legal catalogue, letter templates and the union&apos;s name from the union office, in one file</translation>
    </message>
    <message>
        <source>Skriv &amp;ut saksoversikten …</source>
        <translation>&amp;Print the case summary …</translation>
    </message>
    <message>
        <source>Saken med vurdering, tidslinje, frister og dokumenter på papir (Ctrl+P)</source>
        <translation>The case with assessment, timeline, deadlines and documents on paper (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ny &amp;gruppesak …</source>
        <translation>New &amp;group case …</translation>
    </message>
    <message>
        <source>Samle sakene en beslutning hos arbeidsgiveren gjelder, i én gruppesak</source>
        <translation>Gather the cases one employer decision affects into one group case</translation>
    </message>
    <message>
        <source>Kan ikke lese rettskatalogen</source>
        <translation>Cannot read the legal catalogue</translation>
    </message>
    <message>
        <source>Kan ikke vise sakene</source>
        <translation>Cannot show the cases</translation>
    </message>
    <message>
        <source>over %n sak</source>
        <translation>over %n case</translation>
    </message>
    <message>
        <source>over %n saker</source>
        <translation>over %n cases</translation>
    </message>
    <message>
        <source>Ingen saker</source>
        <translation>No cases</translation>
    </message>
    <message>
        <source>Sakene dine vises her når du har opprettet den første.</source>
        <translation>Your cases appear here once you have created the first one.</translation>
    </message>
    <message>
        <source>Fjern &amp;demodata …</source>
        <translation>Remove &amp;demo data …</translation>
    </message>
    <message>
        <source>Fjern eksempelsakene og -virksomhetene (merket DEMO); dine egne blir</source>
        <translation>Remove the example cases and employers (marked DEMO); your own stay</translation>
    </message>
    <message>
        <source>Demodata ble ikke fjernet</source>
        <translation>Demo data was not removed</translation>
    </message>
    <message>
        <source>Fjern demodata</source>
        <translation>Remove demo data</translation>
    </message>
    <message>
        <source>Det er ingen demodata å fjerne.</source>
        <translation>There is no demo data to remove.</translation>
    </message>
    <message>
        <source>Fjerne demodataene: {cases} og {employers}?</source>
        <translation>Remove the demo data: {cases} and {employers}?</translation>
    </message>
    <message>
        <source>%n eksempelsak</source>
        <translation>%n example case</translation>
    </message>
    <message>
        <source>%n eksempelsaker</source>
        <translation>%n example cases</translation>
    </message>
    <message>
        <source>%n eksempelvirksomhet</source>
        <translation>%n example employer</translation>
    </message>
    <message>
        <source>%n eksempelvirksomheter</source>
        <translation>%n example employers</translation>
    </message>
    <message>
        <source>Sakene du har laget selv, blir stående. Eksempelsakene legges i papirkurven (endringshistorikken slettes aldri), og de telles aldri i rapporten.</source>
        <translation>The cases you made yourself stay. The example cases go to the recycle bin (the change history is never deleted), and they never count in the report.</translation>
    </message>
    <message>
        <source>Demodata fjernet: {cases}, {employers}.</source>
        <translation>Demo data removed: {cases}, {employers}.</translation>
    </message>
    <message>
        <source>%n sak</source>
        <translation>%n case</translation>
    </message>
    <message>
        <source>%n saker</source>
        <translation>%n cases</translation>
    </message>
    <message>
        <source>Gå til saks&amp;listen</source>
        <translation>Go to the case &amp;list</translation>
    </message>
    <message>
        <source>Flytt tastaturet til sakslisten (Ctrl+Shift+L)</source>
        <translation>Move the keyboard to the case list (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>(lagrede filtre)</source>
        <translation>(saved filters)</translation>
    </message>
    <message>
        <source>%n sak skrevet til </source>
        <translation>%n case written to </translation>
    </message>
    <message>
        <source>%n saker skrevet til </source>
        <translation>%n cases written to </translation>
    </message>
    <message>
        <source>Ulagrede endringer</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Du har endringer i sak </source>
        <translation>You have changes in case </translation>
    </message>
    <message>
        <source> som ikke er lagret. Vil du lagre dem?</source>
        <translation> that are not saved. Do you want to save them?</translation>
    </message>
    <message>
        <source>Kan ikke åpne saken</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <source>Saken ble ikke duplisert</source>
        <translation>The case was not duplicated</translation>
    </message>
    <message>
        <source>Flytt til papirkurven</source>
        <translation>Move to the recycle bin</translation>
    </message>
    <message>
        <source>Flytte sak </source>
        <translation>Move case </translation>
    </message>
    <message>
        <source> til papirkurven? Den kan gjenopprettes derfra; ulagrede endringer forkastes.</source>
        <translation> to the recycle bin? It can be restored from there; unsaved changes are discarded.</translation>
    </message>
    <message>
        <source>Ikke utført</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>Den nye databasen brukes når du starter programmet på nytt.</source>
        <translation>The new database is used when you start the program again.</translation>
    </message>
    <message>
        <source>Lagre filter</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>Navn på filteret:</source>
        <translation>Name of the filter:</translation>
    </message>
    <message>
        <source>Importer saker</source>
        <translation>Import cases</translation>
    </message>
    <message>
        <source>Saker (*.json);;Alle filer (*)</source>
        <translation>Cases (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Importerer saker …</source>
        <translation>Importing cases …</translation>
    </message>
    <message>
        <source>Import ferdig, men ikke alt ble importert</source>
        <translation>Import finished, but not everything was imported</translation>
    </message>
    <message>
        <source>Import ferdig</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>Eksporter saker</source>
        <translation>Export cases</translation>
    </message>
    <message>
        <source>Saker (*.json)</source>
        <translation>Cases (*.json)</translation>
    </message>
    <message>
        <source>Eksporterer saker …</source>
        <translation>Exporting cases …</translation>
    </message>
    <message>
        <source>Eksport ferdig</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Eksporter listen til regneark</source>
        <translation>Export the list to a spreadsheet</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx);;CSV (*.csv)</source>
        <translation>Spreadsheet (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Skriver regnearket …</source>
        <translation>Writing the spreadsheet …</translation>
    </message>
    <message>
        <source>Tar sikkerhetskopi …</source>
        <translation>Making a backup …</translation>
    </message>
    <message>
        <source>Sikkerhetskopi</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Sikkerhetskopien er lagret: </source>
        <translation>The backup is saved: </translation>
    </message>
    <message>
        <source>Automatisk (daglig)</source>
        <translation>Automatic (daily)</translation>
    </message>
    <message>
        <source>Tatt for hånd</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <source>Før oppgradering</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Før gjenoppretting</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Tatt</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Størrelse</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Sjekksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Nei (kopiert inn)</source>
        <translation>No (copied in)</translation>
    </message>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Skriv datoen slik du vil: 15.10.2026, 15.10.26, 1.2.26 eller 151026. «i» gir dagens dato, «+14» datoen om 14 dager, pil opp/ned en dag fram eller tilbake, Alt+pil ned kalenderen. Ved siden av står datoen programmet forsto.</source>
        <translation>Type the date as you like: 15.10.2026, 15.10.26, 1.2.26 or 151026. “t” gives today&apos;s date, “+14” the date in 14 days, arrow up/down one day forward or back, Alt+arrow down the calendar. Beside it is the date the program understood.</translation>
    </message>
    <message>
        <source> La feltet stå tomt når datoen ikke er kjent.</source>
        <translation> Leave the field empty when the date is not known.</translation>
    </message>
    <message>
        <source>Velg i kalenderen (Alt+Pil ned)</source>
        <translation>Choose in the calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hendelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Deltakere</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Tittel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Retning</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Virksomhet</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Neste frist</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>Endret</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Saksnummer (år/løpenummer)</source>
        <translation>Case number (year/serial number)</translation>
    </message>
    <message>
        <source>Virksomheten saken gjelder</source>
        <translation>The employer the case concerns</translation>
    </message>
    <message>
        <source>Tidspunkt: ble de tillitsvalgte tatt med i tide?</source>
        <translation>Timing: were the representatives involved in time?</translation>
    </message>
    <message>
        <source>Neste frist som løper</source>
        <translation>The next running deadline</translation>
    </message>
    <message>
        <source>Sist endret; nyeste først. Endret samme dag: den sist endrede først (se tipset).</source>
        <translation>Last changed; newest first. Changed the same day: the most recently changed first (see the tooltip).</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Frist ute</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sist endret </source>
        <translation>Last changed </translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Eksempel (demodata): telles aldri i rapporten. Fil → «Fjern demodata» fjerner alt.</source>
        <translation>Example (demo data): never counted in the report. File → “Remove demo data” removes it all.</translation>
    </message>
    <message>
        <source>svarfristen på kravet er ute</source>
        <translation>the reply deadline for the demand has passed</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Sak</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Sakstittel</source>
        <translation>Case title</translation>
    </message>
    <message>
        <source>Gjelder</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Dagen fristen går ut</source>
        <translation>The day the deadline runs out</translation>
    </message>
    <message>
        <source>Saksnummeret (dobbeltklikk for å åpne saken)</source>
        <translation>The case number (double-click to open the case)</translation>
    </message>
    <message>
        <source>Sakens tittel</source>
        <translation>The case&apos;s title</translation>
    </message>
    <message>
        <source>Hva fristen gjelder</source>
        <translation>What the deadline concerns</translation>
    </message>
    <message>
        <source>«Oversittet» når fristen er passert uten at den er merket som overholdt</source>
        <translation>«Passed» when the deadline is over without being marked as met</translation>
    </message>
    <message>
        <source>Åpen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>saken er avsluttet</source>
        <translation>the case is closed</translation>
    </message>
    <message>
        <source>%n dag</source>
        <translation>%n day</translation>
    </message>
    <message>
        <source>%n dager</source>
        <translation>%n days</translation>
    </message>
    <message>
        <source>går ut i dag</source>
        <translation>runs out today</translation>
    </message>
    <message>
        <source>går ut om </source>
        <translation>runs out in </translation>
    </message>
    <message>
        <source>gikk ut for </source>
        <translation>ran out </translation>
    </message>
    <message>
        <source> siden</source>
        <translation> ago</translation>
    </message>
    <message>
        <source>Forlenget; opprinnelig frist </source>
        <translation>Extended; original deadline </translation>
    </message>
    <message>
        <source>Fristen er oversittet</source>
        <translation>The deadline has passed</translation>
    </message>
    <message>
        <source>Fristen er åpen</source>
        <translation>The deadline is open</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Org.nr.</source>
        <translation>Org. no.</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Hovedavtale</source>
        <translation>Main agreement</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Ingen kontaktperson registrert</source>
        <translation>No contact person registered</translation>
    </message>
    <message>
        <source>Organisasjonsnummer ikke registrert</source>
        <translation>Organisation number not registered</translation>
    </message>
    <message>
        <source>Når</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Hva</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>ukjent</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>(velg virksomhet)</source>
        <translation>(choose employer)</translation>
    </message>
    <message>
        <source>Er ombyggingen søknadspliktig etter plan- og bygningsloven? Da kreves Arbeidstilsynets samtykke før arbeidet starter (arbeidsmiljøloven § 18-9).</source>
        <translation>Does the rebuilding need a building permit under the Planning and Building Act? Then the Labour Inspection Authority must consent before work starts (Working Environment Act § 18-9).</translation>
    </message>
    <message>
        <source>Ta med sammendraget i landsmøterapporten</source>
        <translation>Include the summary in the national-meeting report</translation>
    </message>
    <message>
        <source>Kort og uten navn: hva skjedde, og hvordan endte det?</source>
        <translation>Short and without names: what happened, and how did it end?</translation>
    </message>
    <message>
        <source>Lag &amp;forslag</source>
        <translation>Make a &amp;proposal</translation>
    </message>
    <message>
        <source>Skriver et forslag ut fra sakens fakta (type, måned, utfall) uten navn.</source>
        <translation>Writes a proposal from the case&apos;s facts (type, month, outcome), without names.</translation>
    </message>
    <message>
        <source>Ordene som er merket over, er ikke navn på personer</source>
        <translation>The words marked above are not names of people</translation>
    </message>
    <message>
        <source>&amp;Tittel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Virksomhet</source>
        <translation>&amp;Employer</translation>
    </message>
    <message>
        <source>Saks&amp;type</source>
        <translation>Case &amp;type</translation>
    </message>
    <message>
        <source>&amp;Sted/avdeling</source>
        <translation>&amp;Place/department</translation>
    </message>
    <message>
        <source>&amp;Berørte medlemmer</source>
        <translation>&amp;Members affected</translation>
    </message>
    <message>
        <source>Arbeidsgiver &amp;varslet</source>
        <translation>Employer &amp;notified</translation>
    </message>
    <message>
        <source>Be&amp;slutning tatt</source>
        <translation>De&amp;cision taken</translation>
    </message>
    <message>
        <source>&amp;Planlagt iverksatt</source>
        <translation>&amp;Planned implementation</translation>
    </message>
    <message>
        <source>&amp;Iverksatt</source>
        <translation>&amp;Implemented</translation>
    </message>
    <message>
        <source>&amp;Hjemmekontordager i uka</source>
        <translation>&amp;Home-office days a week</translation>
    </message>
    <message>
        <source>Skriftlige hjemmekontor&amp;avtaler</source>
        <translation>Written home-office &amp;agreements</translation>
    </message>
    <message>
        <source>Pålagt av &amp;myndighetene</source>
        <translation>Ordered by the &amp;authorities</translation>
    </message>
    <message>
        <source>B&amp;yggesøknad</source>
        <translation>Building &amp;permit</translation>
    </message>
    <message>
        <source>Be&amp;skrivelse</source>
        <translation>De&amp;scription</translation>
    </message>
    <message>
        <source>Til &amp;rapporten</source>
        <translation>For the &amp;report</translation>
    </message>
    <message>
        <source>Kan ikke sjekke teksten for navn nå: </source>
        <translation>Cannot check the text for names now: </translation>
    </message>
    <message>
        <source> Prøv igjen senere.</source>
        <translation> Try again later.</translation>
    </message>
    <message>
        <source>Sammendraget kommer i rapportens vedlegg når saken er merket.</source>
        <translation>The summary goes into the report&apos;s appendix when the case is marked.</translation>
    </message>
    <message>
        <source>Skriv et sammendrag, eller trykk «Lag forslag».</source>
        <translation>Write a summary, or press «Make a proposal».</translation>
    </message>
    <message>
        <source>Sjekker teksten mot navnene programmet kjenner …</source>
        <translation>Checking the text against the names the program knows …</translation>
    </message>
    <message>
        <source>Slik kommer teksten i rapporten:</source>
        <translation>This is how the text appears in the report:</translation>
    </message>
    <message>
        <source>Tatt ut: {names}.</source>
        <translation>Taken out: {names}.</translation>
    </message>
    <message>
        <source>Navn programmet ikke kjenner, kan ikke tas ut automatisk – les teksten før du merker den.</source>
        <translation>Names the program does not know cannot be taken out automatically – read the text before you mark it.</translation>
    </message>
    <message>
        <source>Kan dette være navn? {words}. Skriv dem om, eller bekreft under.</source>
        <translation>Could these be names? {words}. Rewrite them, or confirm below.</translation>
    </message>
    <message>
        <source>Sakstype</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>Sted/avdeling</source>
        <translation>Place/department</translation>
    </message>
    <message>
        <source>Varslet</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>Beslutning</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Planlagt iverksetting</source>
        <translation>Planned implementation</translation>
    </message>
    <message>
        <source>Iverksatt</source>
        <translation>Implemented</translation>
    </message>
    <message>
        <source>Ikke ennå</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Ikke avgjort</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <source>Saken krever: </source>
        <translation>The case requires: </translation>
    </message>
    <message>
        <source>Trinn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Løftet dit</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Utfallet kom</source>
        <translation>Outcome on</translation>
    </message>
    <message>
        <source>Sakene i gruppen: </source>
        <translation>Cases in the group: </translation>
    </message>
    <message>
        <source>Sendt</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Kan ikke skrive ut</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Bare brev (Word-filer) skrives ut herfra. Åpne dokumentet og skriv det ut der.</source>
        <translation>Only letters (Word files) are printed from here. Open the document and print it there.</translation>
    </message>
    <message>
        <source>Skrevet ut som tekst</source>
        <translation>Printed as text</translation>
    </message>
    <message>
        <source>Brevet ble skrevet ut som tekst, uten brevets oppsett: LibreOffice eller Word trengs for å skrive det ut slik det ser ut.</source>
        <translation>The letter was printed as text, without its layout: LibreOffice or Word is needed to print it as it looks.</translation>
    </message>
    <message>
        <source>Sak </source>
        <translation>Case </translation>
    </message>
    <message>
        <source>, svarfrist </source>
        <translation>, reply by </translation>
    </message>
    <message>
        <source>Virksomhetsregisteret er endret siden saken ble registrert</source>
        <translation>The employer register has changed since the case was registered</translation>
    </message>
    <message>
        <source>Saken vurderes etter opplysningene den ble registrert med.</source>
        <translation>The case is assessed by the information it was registered with.</translation>
    </message>
    <message>
        <source>paragrafen er ikke kontrollert – sitert på kapittel</source>
        <translation>the paragraph is not verified – cited by chapter</translation>
    </message>
    <message>
        <source>Velg en sak i listen.</source>
        <translation>Choose a case in the list.</translation>
    </message>
    <message>
        <source>&amp;Vurdering</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>&amp;Lagre endringene</source>
        <translation>&amp;Save the changes</translation>
    </message>
    <message>
        <source>Lagre saken (Ctrl+S)</source>
        <translation>Save the case (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Angre endringene</source>
        <translation>&amp;Undo the changes</translation>
    </message>
    <message>
        <source>&amp;Saken</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>&amp;Ny hendelse …</source>
        <translation>&amp;New event …</translation>
    </message>
    <message>
        <source>&amp;Endre …</source>
        <translation>&amp;Edit …</translation>
    </message>
    <message>
        <source>Sl&amp;ett</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Historikk</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Tidligere versjoner av hendelsen</source>
        <translation>Earlier versions of the event</translation>
    </message>
    <message>
        <source>&amp;Tidslinje</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>Dokumenter</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Dra filer hit for å legge dem til i saken.</source>
        <translation>Drag files here to add them to the case.</translation>
    </message>
    <message>
        <source>Legg til &amp;fil …</source>
        <translation>Add &amp;file …</translation>
    </message>
    <message>
        <source>Å&amp;pne</source>
        <translation>O&amp;pen</translation>
    </message>
    <message>
        <source>Lagre &amp;som …</source>
        <translation>Save &amp;as …</translation>
    </message>
    <message>
        <source>Send med &amp;e-post …</source>
        <translation>Send by &amp;e-mail …</translation>
    </message>
    <message>
        <source>Åpner et e-postutkast til virksomhetens kontaktperson med brevet vedlagt, i e-postprogrammet ditt. Når det er sendt, merker du brevet som sendt.</source>
        <translation>Opens an e-mail draft to the employer&apos;s contact person with the letter attached, in your mail program. Once it has gone, you mark the letter as sent.</translation>
    </message>
    <message>
        <source>Skriv u&amp;t …</source>
        <translation>Pr&amp;int …</translation>
    </message>
    <message>
        <source>Skriv ut brevet</source>
        <translation>Print the letter</translation>
    </message>
    <message>
        <source>Slett &amp;utkast</source>
        <translation>Delete &amp;draft</translation>
    </message>
    <message>
        <source>&amp;Dokumenter</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>S&amp;jekkliste</source>
        <translation>Check&amp;list</translation>
    </message>
    <message>
        <source>Endringshistorikk</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Histori&amp;kk</source>
        <translation>Histor&amp;y</translation>
    </message>
    <message>
        <source>Vid&amp;ere og gruppe</source>
        <translation>Furth&amp;er and group</translation>
    </message>
    <message>
        <source>I papirkurven</source>
        <translation>In the recycle bin</translation>
    </message>
    <message>
        <source> · versjon </source>
        <translation> · version </translation>
    </message>
    <message>
        <source>Kan ikke vise historikken</source>
        <translation>Cannot show the history</translation>
    </message>
    <message>
        <source>Vurdering av saken</source>
        <translation>Assessment of the case</translation>
    </message>
    <message>
        <source>Kan ikke vise saken</source>
        <translation>Cannot show the case</translation>
    </message>
    <message>
        <source>Saken er ikke lagret</source>
        <translation>The case is not saved</translation>
    </message>
    <message>
        <source>Rett feltene som er merket med rødt, og lagre igjen.</source>
        <translation>Correct the fields marked in red, and save again.</translation>
    </message>
    <message>
        <source>Saken er endret av andre</source>
        <translation>The case was changed by someone else</translation>
    </message>
    <message>
        <source>Vil du hente den lagrede versjonen? Endringene dine legges oppå den, så du kan se over og lagre igjen.</source>
        <translation>Do you want to fetch the saved version? Your changes are laid on top of it, so you can look them over and save again.</translation>
    </message>
    <message>
        <source>Sammendraget kan inneholde navn programmet ikke kjenner, og er tatt ut av landsmøterapporten. Les teksten under sammendraget, skriv om eller bekreft ordene, og lagre igjen.</source>
        <translation>The summary may contain names the app does not know, and has been taken out of the national meeting report. Read the text below the summary, rewrite or confirm the words, and save again.</translation>
    </message>
    <message>
        <source>Slett hendelse</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Slette hendelsen «</source>
        <translation>Delete the event «</translation>
    </message>
    <message>
        <source>» fra </source>
        <translation>» from </translation>
    </message>
    <message>
        <source>? Den tidligere versjonen tas vare på i historikken.</source>
        <translation>? The earlier version is kept in the history.</translation>
    </message>
    <message>
        <source>Hendelsen er ikke slettet</source>
        <translation>The event is not deleted</translation>
    </message>
    <message>
        <source>Historikk</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Hendelsen er ikke endret.</source>
        <translation>The event has not been changed.</translation>
    </message>
    <message>
        <source>Versjon </source>
        <translation>Version </translation>
    </message>
    <message>
        <source>Legg til filer i saken</source>
        <translation>Add files to the case</translation>
    </message>
    <message>
        <source>Alle filer (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Filen ble ikke lagt til</source>
        <translation>The file was not added</translation>
    </message>
    <message>
        <source>Dokumentet kan ikke åpnes</source>
        <translation>The document cannot be opened</translation>
    </message>
    <message>
        <source>Fant ikke noe program som kan åpne </source>
        <translation>Found no program that can open </translation>
    </message>
    <message>
        <source>. Bruk «Lagre som …».</source>
        <translation>. Use «Save as …».</translation>
    </message>
    <message>
        <source>Lagre dokumentet</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <source>Dokumentet ble ikke lagret</source>
        <translation>The document was not saved</translation>
    </message>
    <message>
        <source>E-postutkastet ble ikke laget</source>
        <translation>The e-mail draft was not made</translation>
    </message>
    <message>
        <source>E-postutkastet kan ikke åpnes</source>
        <translation>The e-mail draft cannot be opened</translation>
    </message>
    <message>
        <source>Fant ikke noe e-postprogram som åpner .eml-filer. Legg ved brevet selv: </source>
        <translation>Found no mail program that opens .eml files. Attach the letter yourself: </translation>
    </message>
    <message>
        <source>Er brevet sendt?</source>
        <translation>Has the letter been sent?</translation>
    </message>
    <message>
        <source>Når e-posten er sendt, merkes brevet som sendt i dag: det låses, og svarfristen begynner å løpe. Er e-posten sendt nå?</source>
        <translation>Once the e-mail has gone, the letter is marked as sent today: it is locked, and the reply deadline starts to run. Has the e-mail been sent now?</translation>
    </message>
    <message>
        <source>Slett utkast</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Slette utkastet </source>
        <translation>Delete the draft </translation>
    </message>
    <message>
        <source>Utkastet er ikke slettet</source>
        <translation>The draft is not deleted</translation>
    </message>
    <message>
        <source>Ingen punkter mangler eller er uavklart</source>
        <translation>No items are missing or unsettled</translation>
    </message>
    <message>
        <source>%n punkt er uavklart</source>
        <translation>%n item is unclear</translation>
    </message>
    <message>
        <source>%n punkter er uavklart</source>
        <translation>%n items are unclear</translation>
    </message>
    <message>
        <source>%n punkt mangler</source>
        <translation>%n item missing</translation>
    </message>
    <message>
        <source>%n punkter mangler</source>
        <translation>%n items missing</translation>
    </message>
    <message>
        <source>%n er uavklart</source>
        <translation>%n unclear</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>Was not saved: </translation>
    </message>
    <message>
        <source>Hjemmel: </source>
        <translation>Legal basis: </translation>
    </message>
    <message>
        <source>Endringen lagres med en gang.</source>
        <translation>The change is saved at once.</translation>
    </message>
    <message>
        <source>Notat (valgfritt)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Lagres når du trykker Enter eller går ut av feltet.</source>
        <translation>Saved when you press Enter or leave the field.</translation>
    </message>
    <message>
        <source>notat</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Kan ikke vise sjekklisten</source>
        <translation>Cannot show the checklist</translation>
    </message>
    <message>
        <source>Sjekklisten er laget for hjemmekontorsaker («</source>
        <translation>The checklist is made for home-office cases («</translation>
    </message>
    <message>
        <source>» og «</source>
        <translation>» and «</translation>
    </message>
    <message>
        <source>»). Denne saken er av typen «</source>
        <translation>»). This case is of the type «</translation>
    </message>
    <message>
        <source>», men du kan bruke sjekklisten likevel.</source>
        <translation>», but you can use the checklist anyway.</translation>
    </message>
    <message>
        <source>Mangler:</source>
        <translation>Missing:</translation>
    </message>
    <message>
        <source>Uavklart:</source>
        <translation>Unsettled:</translation>
    </message>
    <message>
        <source>Ble ikke lagret: </source>
        <translation>Was not saved: </translation>
    </message>
    <message>
        <source>%n frist er oversittet – se Frister.</source>
        <translation>%n deadline has passed – see Deadlines.</translation>
    </message>
    <message>
        <source>%n frister er oversittet – se Frister.</source>
        <translation>%n deadlines have passed – see Deadlines.</translation>
    </message>
    <message>
        <source>ikke en virkedag</source>
        <translation>not a working day</translation>
    </message>
    <message>
        <source>Ikke en virkedag</source>
        <translation>Not a working day</translation>
    </message>
    <message>
        <source>Forleng frist – sak </source>
        <translation>Extend deadline – case </translation>
    </message>
    <message>
        <source>Nåværende frist: </source>
        <translation>Current deadline: </translation>
    </message>
    <message>
        <source>Den nye fristen; den må være etter den nåværende.</source>
        <translation>The new deadline; it must be after the current one.</translation>
    </message>
    <message>
        <source>Ny &amp;frist:</source>
        <translation>New &amp;deadline:</translation>
    </message>
    <message>
        <source>f.eks. avtalt med arbeidsgiver i e-post 3. mars</source>
        <translation>e.g. agreed with the employer by e-mail on 3 March</translation>
    </message>
    <message>
        <source>Hvorfor fristen flyttes, og hvem som ble enige om det.</source>
        <translation>Why the deadline is moved, and who agreed to it.</translation>
    </message>
    <message>
        <source>&amp;Begrunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Forleng</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>Ny frist</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>f.eks. 2026/7</source>
        <translation>e.g. 2026/7</translation>
    </message>
    <message>
        <source>Saksnummeret fristen hører til.</source>
        <translation>The number of the case the deadline belongs to.</translation>
    </message>
    <message>
        <source>&amp;Sak:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <source>&amp;Frist:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>f.eks. Svar på krav om drøfting</source>
        <translation>e.g. Reply to demand for consultation</translation>
    </message>
    <message>
        <source>Hva fristen gjelder, slik den skal stå i listen.</source>
        <translation>What the deadline is for, as it is to appear in the list.</translation>
    </message>
    <message>
        <source>&amp;Gjelder:</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <source>Sett &amp;frist</source>
        <translation>Set &amp;deadline</translation>
    </message>
    <message>
        <source>Hvilke frister som vises. Oversittede frister vises alltid.</source>
        <translation>Which deadlines are shown. Passed deadlines are always shown.</translation>
    </message>
    <message>
        <source>&amp;Vis:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å åpne saken.</source>
        <translation>Double-click or press Enter to open the case.</translation>
    </message>
    <message>
        <source>Merk som &amp;overholdt</source>
        <translation>Mark as &amp;met</translation>
    </message>
    <message>
        <source>Fristen er overholdt i dag: den tas ut av listen og merkes med dagens dato.</source>
        <translation>The deadline was met today: it leaves the list and is marked with today&apos;s date.</translation>
    </message>
    <message>
        <source>For&amp;leng…</source>
        <translation>E&amp;xtend…</translation>
    </message>
    <message>
        <source>Flytt fristen til en senere dato, med begrunnelse.</source>
        <translation>Move the deadline to a later date, with a reason.</translation>
    </message>
    <message>
        <source>&amp;Ny frist…</source>
        <translation>&amp;New deadline…</translation>
    </message>
    <message>
        <source>Sett en frist for hånd på en sak.</source>
        <translation>Set a deadline on a case by hand.</translation>
    </message>
    <message>
        <source>&amp;Avlys</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Fristen gjelder ikke lenger (kravet trukket, satt ved en feil): den tas ut.</source>
        <translation>The deadline no longer applies (demand withdrawn, set by mistake): it is removed.</translation>
    </message>
    <message>
        <source>Å&amp;pne saken</source>
        <translation>O&amp;pen the case</translation>
    </message>
    <message>
        <source>Åpne saken fristen hører til (Enter).</source>
        <translation>Open the case the deadline belongs to (Enter).</translation>
    </message>
    <message>
        <source>Til &amp;kalender …</source>
        <translation>To &amp;calendar …</translation>
    </message>
    <message>
        <source>Lagre fristene som en kalenderfil (.ics) med påminnelse to virkedager før. Importer den på nytt etter endringer: flyttede frister flyttes.</source>
        <translation>Save the deadlines as a calendar file (.ics) with a reminder two working days before. Import it again after changes: moved deadlines move.</translation>
    </message>
    <message>
        <source>Opp&amp;dater</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Hent fristene på nytt.</source>
        <translation>Fetch the deadlines again.</translation>
    </message>
    <message>
        <source>Fristene til kalenderen</source>
        <translation>The deadlines to the calendar</translation>
    </message>
    <message>
        <source>Kalender (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Kalenderfilen ble ikke lagret</source>
        <translation>The calendar file was not saved</translation>
    </message>
    <message>
        <source>Lagrer kalenderfilen …</source>
        <translation>Saving the calendar file …</translation>
    </message>
    <message>
        <source>%n åpen frist</source>
        <translation>%n open deadline</translation>
    </message>
    <message>
        <source>%n åpne frister</source>
        <translation>%n open deadlines</translation>
    </message>
    <message>
        <source> lagret i </source>
        <translation> saved in </translation>
    </message>
    <message>
        <source>. Åpne filen i kalenderprogrammet ditt.</source>
        <translation>. Open the file in your calendar program.</translation>
    </message>
    <message>
        <source>Kan ikke vise fristene</source>
        <translation>Cannot show the deadlines</translation>
    </message>
    <message>
        <source>Kan ikke vise flere frister</source>
        <translation>Cannot show more deadlines</translation>
    </message>
    <message>
        <source>Teller fristene …</source>
        <translation>Counting the deadlines …</translation>
    </message>
    <message>
        <source>Kan ikke telle fristene</source>
        <translation>Cannot count the deadlines</translation>
    </message>
    <message>
        <source>Kan ikke telle fristene: </source>
        <translation>Cannot count the deadlines: </translation>
    </message>
    <message>
        <source>Ingen åpne frister</source>
        <translation>No open deadlines</translation>
    </message>
    <message>
        <source>over %n frist</source>
        <translation>over %n deadline</translation>
    </message>
    <message>
        <source>over %n frister</source>
        <translation>over %n deadlines</translation>
    </message>
    <message>
        <source>%n frist</source>
        <translation>%n deadline</translation>
    </message>
    <message>
        <source>%n frister</source>
        <translation>%n deadlines</translation>
    </message>
    <message>
        <source>over %n oversittet</source>
        <translation>over %n passed</translation>
    </message>
    <message>
        <source>Fristen er ikke satt</source>
        <translation>The deadline was not set</translation>
    </message>
    <message>
        <source>Skriv saksnummeret.</source>
        <translation>Enter the case number.</translation>
    </message>
    <message>
        <source>Ny frist i sak </source>
        <translation>New deadline in case </translation>
    </message>
    <message>
        <source>Avlys frist</source>
        <translation>Cancel deadline</translation>
    </message>
    <message>
        <source>Avlyse fristen «</source>
        <translation>Cancel the deadline “</translation>
    </message>
    <message>
        <source>? Den tas ut av listene og telles ikke som oversittet.</source>
        <translation>? It is removed from the lists and not counted as missed.</translation>
    </message>
    <message>
        <source>Fristen er ikke avlyst</source>
        <translation>The deadline was not cancelled</translation>
    </message>
    <message>
        <source> er avlyst.</source>
        <translation> is cancelled.</translation>
    </message>
    <message>
        <source>oversittet</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>Fristen ble ikke merket</source>
        <translation>The deadline was not marked</translation>
    </message>
    <message>
        <source>Fristen «</source>
        <translation>The deadline «</translation>
    </message>
    <message>
        <source>» i sak </source>
        <translation>» in case </translation>
    </message>
    <message>
        <source> er merket som overholdt </source>
        <translation> is marked as met </translation>
    </message>
    <message>
        <source>Fristen ble ikke forlenget</source>
        <translation>The deadline was not extended</translation>
    </message>
    <message>
        <source>Fristen i sak </source>
        <translation>The deadline in case </translation>
    </message>
    <message>
        <source> er flyttet til </source>
        <translation> is moved to </translation>
    </message>
    <message>
        <source>Navn eller organisasjonsnummer …</source>
        <translation>Name or organisation number …</translation>
    </message>
    <message>
        <source>Viser bare virksomhetene som passer, mens du skriver</source>
        <translation>Shows only the employers that match, as you type</translation>
    </message>
    <message>
        <source>S&amp;øk:</source>
        <translation>S&amp;earch:</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å endre virksomheten</source>
        <translation>Double-click or press Enter to edit the employer</translation>
    </message>
    <message>
        <source>&amp;Ny virksomhet…</source>
        <translation>&amp;New employer…</translation>
    </message>
    <message>
        <source>Registrer en ny virksomhet</source>
        <translation>Register a new employer</translation>
    </message>
    <message>
        <source>&amp;Endre…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Endre den valgte virksomheten (Enter)</source>
        <translation>Edit the selected employer (Enter)</translation>
    </message>
    <message>
        <source>S&amp;lett</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Slett den valgte virksomheten (Delete). Virksomheter med saker kan ikke slettes.</source>
        <translation>Delete the selected employer (Delete). Employers with cases cannot be deleted.</translation>
    </message>
    <message>
        <source>Slett virksomheten</source>
        <translation>Delete the employer</translation>
    </message>
    <message>
        <source>Sakene til virksomheten</source>
        <translation>The employer&apos;s cases</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller trykk Enter for å åpne saken</source>
        <translation>Double-click or press Enter to open the case</translation>
    </message>
    <message>
        <source>Kan ikke vise virksomhetene</source>
        <translation>Cannot show the employers</translation>
    </message>
    <message>
        <source>Ingen virksomheter</source>
        <translation>No employers</translation>
    </message>
    <message>
        <source>1 virksomhet</source>
        <translation>1 employer</translation>
    </message>
    <message>
        <source>%n virksomhet</source>
        <translation>%n employer</translation>
    </message>
    <message>
        <source>%n virksomheter</source>
        <translation>%n employers</translation>
    </message>
    <message>
        <source>&amp;Saker: velg en virksomhet for å se sakene.</source>
        <translation>&amp;Cases: choose an employer to see its cases.</translation>
    </message>
    <message>
        <source>&amp;Saker: kan ikke vises. </source>
        <translation>&amp;Cases: cannot be shown. </translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}»: ingen.</source>
        <translation>&amp;Cases for «{name}»: none.</translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}»: de {shown} nyeste av {total}.</source>
        <translation>&amp;Cases for «{name}»: the {shown} newest of {total}.</translation>
    </message>
    <message>
        <source>&amp;Saker for «{name}» ({total}):</source>
        <translation>&amp;Cases for «{name}» ({total}):</translation>
    </message>
    <message>
        <source>Kan ikke åpne virksomheten</source>
        <translation>Cannot open the employer</translation>
    </message>
    <message>
        <source>Slette virksomheten?</source>
        <translation>Delete the employer?</translation>
    </message>
    <message>
        <source>Vil du slette «{name}» fra virksomhetsregisteret?</source>
        <translation>Do you want to delete «{name}» from the employer register?</translation>
    </message>
    <message>
        <source>Virksomheten ble ikke slettet</source>
        <translation>The employer was not deleted</translation>
    </message>
    <message>
        <source>Ukjent</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nei</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kontorløsning (landskap, aktivitetsbasert, faste plasser)</source>
        <translation>Office layout (open-plan, activity-based, fixed desks)</translation>
    </message>
    <message>
        <source>Lokaler og arealfordeling</source>
        <translation>Premises and allocation of space</translation>
    </message>
    <message>
        <source>Hjemmekontorordning</source>
        <translation>Home-office arrangement</translation>
    </message>
    <message>
        <source>Skriftlig hjemmekontoravtale</source>
        <translation>Written home-office agreement</translation>
    </message>
    <message>
        <source>Utstyr og kostnader</source>
        <translation>Equipment and costs</translation>
    </message>
    <message>
        <source>Arbeidstid og tilgjengelighet</source>
        <translation>Working time and availability</translation>
    </message>
    <message>
        <source>Annet</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Kontorløsning</source>
        <translation>Office layout</translation>
    </message>
    <message>
        <source>Lokaler/areal</source>
        <translation>Premises/space</translation>
    </message>
    <message>
        <source>Hjemmekontor</source>
        <translation>Home office</translation>
    </message>
    <message>
        <source>Hjemmekontoravtale</source>
        <translation>Home-office agreement</translation>
    </message>
    <message>
        <source>Utstyr/kostnader</source>
        <translation>Equipment/costs</translation>
    </message>
    <message>
        <source>Tilgjengelighet</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Hovedavtalen i staten</source>
        <translation>Main agreement in the state (Hovedavtalen i staten)</translation>
    </message>
    <message>
        <source>Hovedavtalen KS</source>
        <translation>Main agreement KS</translation>
    </message>
    <message>
        <source>Hovedavtalen Oslo kommune</source>
        <translation>Main agreement Oslo kommune</translation>
    </message>
    <message>
        <source>Hovedavtalen Spekter</source>
        <translation>Main agreement Spekter</translation>
    </message>
    <message>
        <source>Hovedavtalen LO–NHO</source>
        <translation>Main agreement LO–NHO</translation>
    </message>
    <message>
        <source>Hovedavtalen YS–NHO</source>
        <translation>Main agreement YS–NHO</translation>
    </message>
    <message>
        <source>Hovedavtalen Virke–LO</source>
        <translation>Main agreement Virke–LO</translation>
    </message>
    <message>
        <source>Hovedavtalen Virke–YS</source>
        <translation>Main agreement Virke–YS</translation>
    </message>
    <message>
        <source>Hovedavtalen Finans Norge–Finansforbundet</source>
        <translation>Main agreement Finans Norge–Finansforbundet</translation>
    </message>
    <message>
        <source>Hovedavtalen Finans Norge–Tekna</source>
        <translation>Main agreement Finans Norge–Tekna</translation>
    </message>
    <message>
        <source>Ingen hovedavtale</source>
        <translation>No main agreement</translation>
    </message>
    <message>
        <source>Ingen hovedorganisasjon</source>
        <translation>No confederation</translation>
    </message>
    <message>
        <source>Privat sektor</source>
        <translation>Private sector</translation>
    </message>
    <message>
        <source>Staten</source>
        <translation>The state</translation>
    </message>
    <message>
        <source>Kommune og fylkeskommune</source>
        <translation>Municipality and county</translation>
    </message>
    <message>
        <source>Helseforetak</source>
        <translation>Health trust</translation>
    </message>
    <message>
        <source>Arbeidsgiver varslet</source>
        <translation>Employer gave notice</translation>
    </message>
    <message>
        <source>Informasjonsmøte</source>
        <translation>Information meeting</translation>
    </message>
    <message>
        <source>Drøftingsmøte</source>
        <translation>Consultation meeting (drøftingsmøte)</translation>
    </message>
    <message>
        <source>Forhandlingsmøte</source>
        <translation>Negotiation meeting (forhandlingsmøte)</translation>
    </message>
    <message>
        <source>Brev sendt</source>
        <translation>Letter sent</translation>
    </message>
    <message>
        <source>Brev mottatt</source>
        <translation>Letter received</translation>
    </message>
    <message>
        <source>Protokoll/referat mottatt</source>
        <translation>Protocol/minutes received</translation>
    </message>
    <message>
        <source>Behandlet i AMU</source>
        <translation>Considered by the AMU</translation>
    </message>
    <message>
        <source>Verneombud involvert</source>
        <translation>Safety representative involved</translation>
    </message>
    <message>
        <source>Arbeidstilsynet involvert</source>
        <translation>Labour Inspection Authority involved</translation>
    </message>
    <message>
        <source>Arbeidstilsynets samtykke til ombygging</source>
        <translation>Labour Inspection consent to rebuilding</translation>
    </message>
    <message>
        <source>Løftet videre</source>
        <translation>Taken further</translation>
    </message>
    <message>
        <source>Trinn saken er løftet til</source>
        <translation>Stages the case has reached</translation>
    </message>
    <message>
        <source>Referanse</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>&amp;Løft saken videre …</source>
        <translation>&amp;Take the case further …</translation>
    </message>
    <message>
        <source>&amp;Utfall / endre …</source>
        <translation>&amp;Outcome / change …</translation>
    </message>
    <message>
        <source>&amp;Fjern trinnet</source>
        <translation>&amp;Remove the stage</translation>
    </message>
    <message>
        <source>Gruppesak</source>
        <translation>Group case</translation>
    </message>
    <message>
        <source>De andre sakene i gruppesaken</source>
        <translation>The other cases in the group case</translation>
    </message>
    <message>
        <source>Dobbeltklikk for å åpne saken</source>
        <translation>Double-click to open the case</translation>
    </message>
    <message>
        <source>&amp;Ny gruppesak …</source>
        <translation>&amp;New group case …</translation>
    </message>
    <message>
        <source>&amp;Knytt til gruppesak …</source>
        <translation>&amp;Link to group case …</translation>
    </message>
    <message>
        <source>&amp;Ta ut av gruppesaken</source>
        <translation>Take out of the group &amp;case</translation>
    </message>
    <message>
        <source>&amp;Endre gruppesaken …</source>
        <translation>C&amp;hange the group case …</translation>
    </message>
    <message>
        <source>Navn, beskrivelse og datoene; nye datoer skrives på alle sakene i gruppen</source>
        <translation>Name, description and the dates; new dates are written to every case in the group</translation>
    </message>
    <message>
        <source>&amp;Brev til hele gruppen …</source>
        <translation>&amp;Letters to the whole group …</translation>
    </message>
    <message>
        <source>Saken er ikke løftet videre fra det lokale nivået.</source>
        <translation>The case has not been taken further than the local level.</translation>
    </message>
    <message>
        <source>Hvert trinn står også som en hendelse i tidslinjen.</source>
        <translation>Each stage is also an event on the timeline.</translation>
    </message>
    <message>
        <source>Saken hører ikke til noen gruppesak. Gjelder arbeidsgiverens beslutning flere enheter, samle sakene i én gruppesak.</source>
        <translation>The case belongs to no group case. If the employer&apos;s decision affects several units, gather the cases into one group case.</translation>
    </message>
    <message>
        <source>Gruppesak G</source>
        <translation>Group case G</translation>
    </message>
    <message>
        <source>Varslet: </source>
        <translation>Notified: </translation>
    </message>
    <message>
        <source>Beslutning: </source>
        <translation>Decision: </translation>
    </message>
    <message>
        <source>De andre sakene i gruppen:</source>
        <translation>The other cases in the group:</translation>
    </message>
    <message>
        <source>Ingen andre saker.</source>
        <translation>No other cases.</translation>
    </message>
    <message>
        <source>Fjern trinnet</source>
        <translation>Remove the stage</translation>
    </message>
    <message>
        <source>Fjerne trinnet «</source>
        <translation>Remove the stage «</translation>
    </message>
    <message>
        <source>» fra saken? Hendelsen i tidslinjen slettes (den tas vare på i historikken).</source>
        <translation>» from the case? Its event on the timeline is deleted (it is kept in the history).</translation>
    </message>
    <message>
        <source>Trinnet er ikke fjernet</source>
        <translation>The stage was not removed</translation>
    </message>
    <message>
        <source>Ta ut av gruppesaken</source>
        <translation>Take out of the group case</translation>
    </message>
    <message>
        <source>Ta sak </source>
        <translation>Take case </translation>
    </message>
    <message>
        <source> ut av gruppesaken «</source>
        <translation> out of the group case «</translation>
    </message>
    <message>
        <source>»? Datoene saken fikk fra gruppen, blir stående.</source>
        <translation>»? The dates the case took from the group stay.</translation>
    </message>
    <message>
        <source>Saken er ikke tatt ut</source>
        <translation>The case was not taken out</translation>
    </message>
    <message>
        <source>Brevene er ført i journalen: </source>
        <translation>The letters are in the journal: </translation>
    </message>
    <message>
        <source>Word- og PDF-filene</source>
        <translation>The Word and PDF files</translation>
    </message>
    <message>
        <source>Word-filene</source>
        <translation>The Word files</translation>
    </message>
    <message>
        <source> er lagret i </source>
        <translation> are saved in </translation>
    </message>
    <message>
        <source>Merk hvert brev som sendt når det er sendt.</source>
        <translation>Mark each letter as sent when it has been sent.</translation>
    </message>
    <message>
        <source>Kontroller før du sender:</source>
        <translation>Check before you send:</translation>
    </message>
    <message>
        <source>Krav om drøfting</source>
        <translation>Demand for consultation (drøfting)</translation>
    </message>
    <message>
        <source>Krav om forhandling</source>
        <translation>Demand for negotiation (forhandling)</translation>
    </message>
    <message>
        <source>Krav om informasjon og dokumenter</source>
        <translation>Demand for information and documents</translation>
    </message>
    <message>
        <source>Krav om utsatt iverksetting</source>
        <translation>Demand to postpone implementation</translation>
    </message>
    <message>
        <source>Purring</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Krav om skriftlig hjemmekontoravtale</source>
        <translation>Demand for a written home-office agreement</translation>
    </message>
    <message>
        <source>Protokolltilførsel</source>
        <translation>Addendum to the protocol</translation>
    </message>
    <message>
        <source>Saksoppsummering</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>Utkast til protokoll</source>
        <translation>Draft protocol</translation>
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
        <translation>met</translation>
    </message>
    <message>
        <source>avlyst</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>falt bort (saken avsluttet)</source>
        <translation>lapsed (case closed)</translation>
    </message>
    <message>
        <source>Enighet</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Delvis enighet</source>
        <translation>Partial agreement</translation>
    </message>
    <message>
        <source>Uenighet (protokollført)</source>
        <translation>Disagreement (recorded in the protocol)</translation>
    </message>
    <message>
        <source>Arbeidsgiver trakk endringen</source>
        <translation>The employer withdrew the change</translation>
    </message>
    <message>
        <source>Løftet videre (sentrale parter, Arbeidstilsynet, Arbeidsretten)</source>
        <translation>Taken further (central parties, Labour Inspection Authority, Labour Court)</translation>
    </message>
    <message>
        <source>Henlagt</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Brudd i lokale forhandlinger</source>
        <translation>Breakdown of local negotiations</translation>
    </message>
    <message>
        <source>Sentrale parter</source>
        <translation>Central parties</translation>
    </message>
    <message>
        <source>Arbeidsretten</source>
        <translation>The Labour Court (Arbeidsretten)</translation>
    </message>
    <message>
        <source>Tvist etter tjenestetvistloven (staten)</source>
        <translation>Dispute under the Civil Service Disputes Act (the state)</translation>
    </message>
    <message>
        <source>Uenighet (brudd)</source>
        <translation>Disagreement (breakdown)</translation>
    </message>
    <message>
        <source>Forlik</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Medhold</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>Ikke medhold</source>
        <translation>Not upheld</translation>
    </message>
    <message>
        <source>Ikke ført videre</source>
        <translation>Not taken further</translation>
    </message>
    <message>
        <source>Oppfylt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Ikke oppfylt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Informasjon</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Drøfting</source>
        <translation>Consultation (drøfting)</translation>
    </message>
    <message>
        <source>Forhandling</source>
        <translation>Negotiation (forhandling)</translation>
    </message>
    <message>
        <source>Drøftet før beslutning (i tide)</source>
        <translation>Consulted before the decision (in time)</translation>
    </message>
    <message>
        <source>Drøftet etter beslutning, før iverksetting (for sent)</source>
        <translation>Consulted after the decision, before implementation (late)</translation>
    </message>
    <message>
        <source>Drøftet etter iverksetting (alt for sent)</source>
        <translation>Consulted after implementation (far too late)</translation>
    </message>
    <message>
        <source>Kun informert, aldri drøftet</source>
        <translation>Only informed, never consulted</translation>
    </message>
    <message>
        <source>Ikke drøftet, beslutning tatt (brudd)</source>
        <translation>Not consulted, decision taken (breach)</translation>
    </message>
    <message>
        <source>Ikke drøftet ennå, beslutning ikke tatt (handle nå)</source>
        <translation>Not consulted yet, decision not taken (act now)</translation>
    </message>
    <message>
        <source>Kan ikke avgjøres (mangler dato)</source>
        <translation>Cannot be decided (a date is missing)</translation>
    </message>
    <message>
        <source>Ingen krav sendt</source>
        <translation>No demand sent</translation>
    </message>
    <message>
        <source>Krav sendt, venter på svar</source>
        <translation>Demand sent, awaiting reply</translation>
    </message>
    <message>
        <source>Krav sendt, svarfristen er oversittet</source>
        <translation>Demand sent, the reply deadline has passed</translation>
    </message>
    <message>
        <source>Krav besvart</source>
        <translation>Demand answered</translation>
    </message>
    <message>
        <source>dato for første varsel</source>
        <translation>date of the first notice</translation>
    </message>
    <message>
        <source>beslutningsdato</source>
        <translation>date of the decision</translation>
    </message>
    <message>
        <source>planlagt iverksetting</source>
        <translation>planned implementation</translation>
    </message>
    <message>
        <source>faktisk iverksetting</source>
        <translation>actual implementation</translation>
    </message>
    <message>
        <source>I tide</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>For sent</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Etter iverksetting</source>
        <translation>After implementation</translation>
    </message>
    <message>
        <source>Kun informert</source>
        <translation>Only informed</translation>
    </message>
    <message>
        <source>Brudd</source>
        <translation>Breach</translation>
    </message>
    <message>
        <source>Handle nå</source>
        <translation>Act now</translation>
    </message>
    <message>
        <source>Mangler dato</source>
        <translation>Date missing</translation>
    </message>
    <message>
        <source>Brukerveiledning</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Brukerveiledningen ble ikke funnet</source>
        <translation>The user guide was not found</translation>
    </message>
    <message>
        <source>Velg fra listen med piltastene.</source>
        <translation>Choose from the list with the arrow keys.</translation>
    </message>
    <message>
        <source>Skriv et tall, eller bruk piltastene.</source>
        <translation>Type a number, or use the arrow keys.</translation>
    </message>
    <message>
        <source>Mellomrom krysser av eller fjerner krysset.</source>
        <translation>Space checks or unchecks.</translation>
    </message>
    <message>
        <source>Piltastene flytter mellom radene.</source>
        <translation>The arrow keys move between the rows.</translation>
    </message>
    <message>
        <source>Mellomrom eller Enter trykker på knappen.</source>
        <translation>Space or Enter presses the button.</translation>
    </message>
    <message>
        <source>Tekst som bare kan leses.</source>
        <translation>Read-only text.</translation>
    </message>
    <message>
        <source>Skriv teksten her.</source>
        <translation>Type the text here.</translation>
    </message>
    <message>
        <source>Kalender for </source>
        <translation>Calendar for </translation>
    </message>
    <message>
        <source>&amp;Kopier raden</source>
        <translation>&amp;Copy the row</translation>
    </message>
    <message>
        <source>Versjon</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Lisens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Datamappe</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Pakke fra forbundskontoret</source>
        <translation>Union office&apos;s pack</translation>
    </message>
    <message>
        <source>Nyere pakke</source>
        <translation>Newer pack</translation>
    </message>
    <message>
        <source>Lisenstekster</source>
        <translation>Licence texts</translation>
    </message>
    <message>
        <source>Om Tillitsvalgt</source>
        <translation>About Tillitsvalgt</translation>
    </message>
    <message>
        <source>Saksverktøy for tillitsvalgte: kontor- og hjemmekontorendringer, drøfting og brev.</source>
        <translation>Case tool for union representatives: office and home-office changes, consultation and letters.</translation>
    </message>
    <message>
        <source>Fri programvare: du kan dele og endre den etter lisensens vilkår. Den leveres uten garanti. Qt for Python (PySide6) brukes under LGPL-3.0.</source>
        <translation>Free software: you may share and change it under the terms of the licence. It comes without any warranty. Qt for Python (PySide6) is used under the LGPL-3.0.</translation>
    </message>
    <message>
        <source>Ingen (innebygd lovkatalog og innebygde maler)</source>
        <translation>None (built-in law catalogue and built-in templates)</translation>
    </message>
    <message>
        <source>En nyere pakke fra forbundskontoret ligger klar: </source>
        <translation>A newer pack from the union office is waiting: </translation>
    </message>
    <message>
        <source> (du bruker </source>
        <translation> (you use </translation>
    </message>
    <message>
        <source>). Ta den i bruk med Fil → Ta i bruk pakke fra forbundskontoret: </source>
        <translation>). Use it with File → Use the union office&apos;s pack: </translation>
    </message>
    <message>
        <source>Ta i bruk pakke fra forbundskontoret</source>
        <translation>Use the union office&apos;s pack</translation>
    </message>
    <message>
        <source>Pakker fra forbundskontoret (*.zip);;Alle filer (*)</source>
        <translation>Union office packs (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Følg med på mappen?</source>
        <translation>Watch the folder?</translation>
    </message>
    <message>
        <source>Skal Tillitsvalgt si fra når forbundskontoret legger en nyere pakke i </source>
        <translation>Should Tillitsvalgt tell you when the union office puts a newer pack in </translation>
    </message>
    <message>
        <source>? Velg ja hvis det er en delt mappe fra forbundskontoret.</source>
        <translation>? Choose yes if it is a shared folder from the union office.</translation>
    </message>
    <message>
        <source>Pakken er ikke tatt i bruk</source>
        <translation>The pack was not taken into use</translation>
    </message>
    <message>
        <source>Pakken «</source>
        <translation>The pack «</translation>
    </message>
    <message>
        <source>» fra forbundskontoret er tatt i bruk.</source>
        <translation>» from the union office is now in use.</translation>
    </message>
    <message>
        <source>Nye brev skrives etter den, og hvert brev viser hvilken versjon det er skrevet under.</source>
        <translation>New letters are written under it, and each letter shows the version it was written under.</translation>
    </message>
    <message>
        <source>Sakene vurderes etter lovkatalogen i pakken.</source>
        <translation>The cases are judged by the pack&apos;s legal catalogue.</translation>
    </message>
    <message>
        <source>Pakken er tatt i bruk</source>
        <translation>The pack is in use</translation>
    </message>
    <message>
        <source>Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet), og filen kunne ikke flyttes; den er fjernet.</source>
        <translation>Unsaved changes from the last session could not be read (the file {name} is damaged), and the file could not be moved; it has been removed.</translation>
    </message>
    <message>
        <source>Ulagrede endringer fra forrige økt kunne ikke leses (filen {name} er skadet). Den er flyttet til {target}; programmet virker som vanlig.</source>
        <translation>Unsaved changes from the last session could not be read (the file {name} is damaged). It has been moved to {target}; the program works as usual.</translation>
    </message>
    <message>
        <source>Ulagrede endringer kunne ikke mellomlagres: </source>
        <translation>Unsaved changes could not be kept aside: </translation>
    </message>
    <message>
        <source>i sak {number}</source>
        <translation>in case {number}</translation>
    </message>
    <message>
        <source>i en ny sak</source>
        <translation>in a new case</translation>
    </message>
    <message>
        <source>i et brev i sak {number}</source>
        <translation>in a letter in case {number}</translation>
    </message>
    <message>
        <source>i en ny virksomhet</source>
        <translation>in a new employer</translation>
    </message>
    <message>
        <source>i en virksomhet</source>
        <translation>in an employer</translation>
    </message>
    <message>
        <source>Du har ulagrede endringer fra forrige økt {where} (mellomlagret {when}).</source>
        <translation>You have unsaved changes from the last session {where} (kept {when}).</translation>
    </message>
    <message>
        <source>«Gjenopprett» åpner dem igjen, så du kan se over og lagre. «Forkast» sletter dem.</source>
        <translation>“Restore” opens them again, so you can look them over and save. “Discard” deletes them.</translation>
    </message>
    <message>
        <source>&amp;Forkast</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Kan ikke gjenopprette endringene</source>
        <translation>Cannot restore the changes</translation>
    </message>
    <message>
        <source>Endringene er tatt vare på til neste oppstart.</source>
        <translation>The changes are kept until the next start.</translation>
    </message>
    <message>
        <source>Saken endringene gjelder, er ikke oppgitt i filen.</source>
        <translation>The file does not say which case the changes belong to.</translation>
    </message>
    <message>
        <source>Sak {number} ligger i papirkurven. Gjenopprett saken derfra først.</source>
        <translation>Case {number} is in the recycle bin. Restore the case from there first.</translation>
    </message>
    <message>
        <source>En dato i de mellomlagrede endringene kan ikke leses.</source>
        <translation>A date in the kept changes cannot be read.</translation>
    </message>
    <message>
        <source>saken er endret siden endringene dine ble mellomlagret: se over før du lagrer</source>
        <translation>the case has changed since your changes were kept: look them over before saving</translation>
    </message>
    <message>
        <source>Virksomheten endringene gjelder, er ikke oppgitt i filen.</source>
        <translation>The file does not say which employer the changes belong to.</translation>
    </message>
    <message>
        <source>Virksomheten kunne ikke åpnes.</source>
        <translation>The employer could not be opened.</translation>
    </message>
    <message>
        <source>Saken brevet gjelder, kunne ikke åpnes.</source>
        <translation>The case the letter belongs to could not be opened.</translation>
    </message>
    <message>
        <source>Ingen saker ennå</source>
        <translation>No cases yet</translation>
    </message>
    <message>
        <source>Slik kommer du i gang. Når arbeidsgiveren varsler en endring i arbeidsplassene eller hjemmekontor, registrerer du virksomheten og oppretter en sak; programmet vurderer saken og foreslår brevene.</source>
        <translation>Here is how to start. When the employer announces a change to the workplaces or home office, register the employer and create a case; the program assesses the case and suggests the letters.</translation>
    </message>
    <message>
        <source>1. &amp;Registrer virksomheten …</source>
        <translation>1. &amp;Register the employer …</translation>
    </message>
    <message>
        <source>Arbeidsgiveren saken gjelder: navn, organisasjonsnummer, hovedavtale.</source>
        <translation>The employer the case is about: name, organisation number, basic agreement.</translation>
    </message>
    <message>
        <source>2. &amp;Opprett en sak …</source>
        <translation>2. Cr&amp;eate a case …</translation>
    </message>
    <message>
        <source>Hva arbeidsgiver vil endre, og når det ble varslet (Ctrl+N).</source>
        <translation>What the employer wants to change, and when it was announced (Ctrl+N).</translation>
    </message>
    <message>
        <source>Eksemplene er merket DEMO, telles aldri i rapporten og fjernes med Fil → «Fjern demodata».</source>
        <translation>The examples are marked DEMO, never count in the report and are removed with File → “Remove demo data”.</translation>
    </message>
    <message>
        <source>Vil du prøve først? &amp;Last inn eksempelsaker</source>
        <translation>Want to try first? &amp;Load example cases</translation>
    </message>
    <message>
        <source>Les &amp;brukerveiledningen (F1)</source>
        <translation>Read the user &amp;guide (F1)</translation>
    </message>
    <message>
        <source>Kort veiledning med bilder.</source>
        <translation>A short guide with pictures.</translation>
    </message>
    <message>
        <source>Eksempelsaker legges bare inn i en database uten saker, også i papirkurven.</source>
        <translation>Example cases go only into a database with no cases, in the recycle bin too.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Minstekrav i hjemmekontorforskriften § 2</source>
        <translation>Minimum requirements of the home-office regulation § 2</translation>
    </message>
    <message>
        <source>Forbundets krav</source>
        <translation>The union&apos;s demands</translation>
    </message>
    <message>
        <source>Det en skriftlig avtale om hjemmearbeid minst skal regulere. Et punkt som ikke er besvart, regnes som uavklart.</source>
        <translation>What a written agreement on home work must settle at least. An item not answered counts as unsettled.</translation>
    </message>
    <message>
        <source>Forbundets egne krav. De tas med i kravbrevet bare når de er besvart «Ikke oppfylt».</source>
        <translation>The union&apos;s own demands. They go into the demand letter only when answered «Not met».</translation>
    </message>
</context>
</TS>
