"""Every field a letter template can use: its name, what it holds, an example.

This list is the contract between the app and the people who edit templates: the context
built for a letter has exactly these fields, the template check refuses any other, and
``docs/maler.md`` is written from it (a test keeps the two in step).

Names are Norwegian and ASCII (``avsender.navn``); ``hjemmel[].sitat`` is a field of each
item of the list ``hjemmel``. A value that is not known for a case is ``Missing``: it is
false in ``{% if %}``, and printing it stops the letter with a message naming the field —
so no letter goes out with a hole where a name or a date should be."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tillitsvalgt.errors import UserError


@dataclass(frozen=True)
class FieldSpec:
    name: str
    description: str
    example: Any
    kinds: tuple[str, ...] = ()  # the letter kinds that fill it; () = every kind


class MissingValueError(UserError):
    def __init__(self, field: str, hint: str) -> None:
        self.field = field
        super().__init__(
            f"Feltet «{field}» har ingen verdi for denne saken: {hint}. Fyll det ut, eller "
            f"la malen hoppe over det med {{% if {field} %}} … {{% endif %}}."
        )


class Missing:
    """A value the case does not have. False in tests; printing it is an error that names
    the field. Jinja's escaping calls ``__html__`` and plain output calls ``__str__``."""

    __slots__ = ("field", "hint")

    def __init__(self, field: str, hint: str) -> None:
        self.field = field
        self.hint = hint

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        raise MissingValueError(self.field, self.hint)

    def __html__(self) -> str:
        raise MissingValueError(self.field, self.hint)

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"Missing({self.field!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing)

    def __hash__(self) -> int:
        return hash(Missing)


_DEMANDS = ("krav_om_drofting", "krav_om_forhandling", "krav_om_informasjon")
_REPLY = (*_DEMANDS, "krav_om_utsatt_iverksetting", "purring", "krav_om_hjemmekontoravtale")


FIELDS: tuple[FieldSpec, ...] = (
    # --- the sender: the representative's profile and the union (a setting)
    FieldSpec("avsender.navn", "Den tillitsvalgtes navn, fra profilen.", "Kari Nordmann"),
    FieldSpec("avsender.rolle", "Rollen, fra profilen.", "hovedtillitsvalgt"),
    FieldSpec(
        "avsender.forbund", "Forbundets navn (innstillingen «union», ellers profilen).", "Negotia"
    ),
    FieldSpec(
        "avsender.avdeling",
        "Avdeling eller klubb, fra profilen.",
        "Negotia-avdelingen i Nordkyst Sparebank",
    ),
    FieldSpec(
        "avsender.organisasjon",
        "Forbund og avdeling på én linje.",
        "Negotia – Negotia-avdelingen i Nordkyst Sparebank",
    ),
    FieldSpec("avsender.epost", "E-postadressen, fra profilen.", "kari.nordmann@eksempel.no"),
    FieldSpec("avsender.telefon", "Telefonnummeret, fra profilen.", "900 00 000"),
    FieldSpec(
        "avsender.kontakt",
        "E-post og telefon på én linje.",
        "kari.nordmann@eksempel.no · 900 00 000",
    ),
    FieldSpec("avsender.sted", "Stedet brevet skrives fra, fra profilen.", "Tromsø"),
    FieldSpec(
        "avsender.signatur",
        "Signaturen fra profilen (kan ha flere linjer).",
        "Kari Nordmann\nhovedtillitsvalgt",
    ),
    # --- the recipient: the employer
    FieldSpec("mottaker.navn", "Virksomhetens navn.", "Nordkyst Sparebank"),
    FieldSpec("mottaker.att", "Kontaktpersonen hos arbeidsgiver.", "HR-direktør Ola Hansen"),
    FieldSpec(
        "mottaker.adresse",
        "Virksomhetens adresse (linjeskift beholdes).",
        "Strandgata 1\n9008 Tromsø",
    ),
    FieldSpec("mottaker.epost", "Kontaktpersonens e-post.", "ola.hansen@eksempel.no"),
    FieldSpec("mottaker.orgnr", "Organisasjonsnummeret, med mellomrom.", "952 601 814"),
    # --- the letter itself
    FieldSpec("brevtype", "Brevtypen i klartekst.", "Krav om drøfting"),
    FieldSpec(
        "emne",
        "Emnelinjen: brevtypen og sakens tittel (liten forbokstav etter tankestreken).",
        "Krav om drøftingsmøte – faste plasser fjernes i 3. etasje",
    ),
    FieldSpec("dato", "Brevets dato på norsk.", "18. desember 2026"),
    FieldSpec("sted_og_dato", "Sted og dato slik de står i et brev.", "Tromsø, 18. desember 2026"),
    FieldSpec("var_ref", "Vår referanse: brevets journalnummer (sak/løpenummer).", "2026/14-2"),
    FieldSpec("deres_ref", "Deres referanse, eller «—» når den ikke er kjent.", "—"),
    FieldSpec(
        "svarfrist",
        "Svarfristen som dato, flyttet forbi helg og helligdager.",
        "4. januar 2027",
        _REPLY,
    ),
    FieldSpec("svarfrist_ukedag", "Svarfristen med ukedag.", "mandag 4. januar 2027", _REPLY),
    FieldSpec("svarfrist_dager", "Antall dager fristen er regnet fra.", 14, _REPLY),
    FieldSpec(
        "svarfrist_forklaring",
        "Hvordan fristen er regnet ut, i én setning.",
        "14 dager fra 18. desember 2026 er 1. januar 2027 (1. nyttårsdag); fristen blir "
        "mandag 4. januar 2027.",
        _REPLY,
    ),
    FieldSpec(
        "tilleggstekst",
        "Egen tekst den tillitsvalgte skrev i brevdialogen.",
        "Vi ber også om at verneombudet innkalles til møtet.",
    ),
    FieldSpec("kopi", "Hvem som får kopi av brevet.", "verneombud Per Olsen"),
    # --- the case and the employer
    FieldSpec("sak.nummer", "Saksnummeret.", "2026/14"),
    FieldSpec("sak.tittel", "Sakens tittel.", "Faste plasser fjernes i 3. etasje"),
    FieldSpec(
        "sak.omtale",
        "Endringen i ord fra saken: sakstype og sted (ikke den interne tittelen).",
        "ny kontorløsning (Hovedkontoret, 3. etasje)",
    ),
    FieldSpec(
        "sak.type",
        "Sakstypen i klartekst.",
        "Kontorløsning (landskap, aktivitetsbasert, faste plasser)",
    ),
    FieldSpec("sak.sted", "Avdeling eller sted saken gjelder.", "Hovedkontoret, 2. etasje"),
    FieldSpec(
        "sak.beskrivelse",
        "Endringen slik den tillitsvalgte har beskrevet den.",
        "Cellekontorene bygges om til åpent landskap med delte plasser.",
    ),
    FieldSpec("sak.berorte", "Antall berørte medlemmer.", "28"),
    FieldSpec("sak.varslet", "Dato arbeidsgiver først varslet.", "1. desember 2026"),
    FieldSpec("sak.beslutning", "Dato for arbeidsgivers beslutning.", "10. januar 2027"),
    FieldSpec("sak.planlagt_iverksatt", "Planlagt iverksetting.", "1. mars 2027"),
    FieldSpec("sak.iverksatt", "Faktisk iverksetting.", "1. mars 2027"),
    FieldSpec("sak.hjemmekontordager", "Hjemmekontordager i uka (snitt).", "2"),
    FieldSpec("virksomhet.navn", "Virksomhetens navn.", "Nordkyst Sparebank"),
    FieldSpec("virksomhet.ansatte", "Antall ansatte.", "180"),
    FieldSpec(
        "virksomhet.avtale",
        "Hovedavtalen virksomheten er bundet av.",
        "Hovedavtalen Finans Norge–Finansforbundet",
    ),
    FieldSpec("virksomhet.sektor", "Sektoren.", "Privat sektor"),
    # --- the assessment
    FieldSpec(
        "vurdering.niva", "Hva saken krever: informasjon, drøfting eller forhandling.", "drøfting"
    ),
    FieldSpec(
        "vurdering.tidspunkt",
        "Vurderingen av om det skjedde i tide.",
        "Ikke drøftet ennå, beslutning ikke tatt (handle nå)",
    ),
    FieldSpec("vurdering.kravstatus", "Status for krav som er sendt.", "Ingen krav sendt"),
    FieldSpec(
        "vurdering.grunner",
        "Begrunnelsene for vurderingen (liste).",
        ["Saken krever drøfting, jf. arbeidsmiljøloven § 8-2 første ledd bokstav c."],
    ),
    FieldSpec(
        "vurdering.bevismangler",
        "Det som mangler av dokumentasjon (liste).",
        ["Det er ikke registrert protokoll eller referat fra møtet."],
    ),
    FieldSpec(
        "vurdering.manglende_datoer",
        "Datoer som mangler for å vurdere saken (liste).",
        ["dato for beslutning"],
    ),
    # --- the legal basis, from the catalogue for this case
    FieldSpec("hjemmel", "Bestemmelsene brevet viser til (liste; se feltene under).", [{}]),
    FieldSpec(
        "hjemmel[].sitat",
        "Slik bestemmelsen siteres: paragraf når den er kontrollert, ellers kapittel.",
        "arbeidsmiljøloven § 8-2 første ledd bokstav c",
    ),
    FieldSpec(
        "hjemmel[].tittel",
        "Bestemmelsens tittel.",
        "Informasjon og drøfting om vesentlige endringer i arbeidsorganiseringen",
    ),
    FieldSpec(
        "hjemmel[].sammendrag",
        "Hva bestemmelsen sier, med våre ord.",
        "Arbeidsgiver skal informere og drøfte så tidlig som mulig.",
    ),
    FieldSpec(
        "hjemmel[].grunn",
        "Hvorfor den gjelder denne saken.",
        "virksomheten har 180 ansatte (grensen er 50)",
    ),
    FieldSpec(
        "hjemmel[].kontrollert", "Sann når paragrafnummeret er kontrollert mot teksten.", True
    ),
    FieldSpec(
        "hjemmel_avsnitt",
        "Avsnittet om rettsgrunnlaget, ferdig formulert.",
        "Endringen må drøftes med de tillitsvalgte før beslutning tas, jf. "
        "arbeidsmiljøloven § 8-1 og § 8-2 første ledd bokstav c.",
    ),
    # --- prose the app writes from the case
    FieldSpec(
        "fakta",
        "Avsnittet om saken slik den er kjent: datoer, sted, berørte.",
        "Vi viser til varselet fra ledelsen 1. desember 2026 om ny kontorløsning "
        "(Hovedkontoret, 3. etasje). Endringen berører om lag 28 av våre medlemmer.",
    ),
    FieldSpec(
        "status",
        "Hva som har skjedd med drøftingen så langt, i én eller to setninger.",
        "Vi har ikke fått invitasjon til drøfting, og vi er ikke kjent med at beslutning er tatt.",
    ),
    FieldSpec(
        "krav",
        "Kravene i brevet, ett per punkt (liste).",
        ["at det innkalles til drøftingsmøte innen 4. januar 2027"],
        (*_DEMANDS, "krav_om_utsatt_iverksetting", "krav_om_hjemmekontoravtale"),
    ),
    FieldSpec(
        "vent",
        "Krav om informasjon: be om at ingenting besluttes eller settes i verk imens (tomt "
        "når endringen alt er iverksatt).",
        "Vi ber også om at beslutning ikke tas før de tillitsvalgte har fått informasjonen og "
        "hatt mulighet til å drøfte saken.",
        ("krav_om_informasjon",),
    ),
    FieldSpec(
        "forbehold",
        "Forbeholdet om å ta saken videre; bare i krav om drøfting eller forhandling etter at "
        "endringen er iverksatt.",
        "Vi tar forbehold om å ta saken videre.",
        _DEMANDS[:2],
    ),
    FieldSpec(
        "forrige_brev.ref",
        "Purring: referansen til brevet det purres på.",
        "2026/14-2",
        ("purring",),
    ),
    FieldSpec(
        "forrige_brev.dato",
        "Purring: datoen på brevet det purres på.",
        "18. desember 2026",
        ("purring",),
    ),
    FieldSpec(
        "forrige_brev.emne",
        "Purring: emnet i brevet det purres på.",
        "Krav om drøftingsmøte – Faste plasser fjernes i 3. etasje",
        ("purring",),
    ),
    FieldSpec(
        "forrige_brev.svarfrist",
        "Purring: svarfristen som var satt.",
        "4. januar 2027",
        ("purring",),
    ),
    FieldSpec(
        "mangler",
        "Hjemmekontoravtale: punktene som mangler (liste).",
        ["arbeidstiden når det arbeides hjemme"],
        ("krav_om_hjemmekontoravtale",),
    ),
    FieldSpec(
        "uavklart",
        "Hjemmekontoravtale: punktene vi ikke vet om er regulert (liste).",
        ["en eventuell prøvetid for ordningen"],
        ("krav_om_hjemmekontoravtale",),
    ),
    FieldSpec(
        "mote.dato",
        "Protokolltilførsel og protokoll: datoen for møtet protokollen gjelder.",
        "20. mars 2026",
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "mote.type",
        "Protokolltilførsel og protokoll: møtet, i bestemt form.",
        "drøftingsmøtet",
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "mote.tittel",
        "Protokoll: tittelen etter møtet som ble holdt («Referat fra drøftingsmøte» i staten).",
        "Protokoll fra drøftingsmøte",
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "mote.anmodning",
        "Protokolltilførsel: be om at den tas inn før protokollen signeres (eller referatet "
        "godkjennes).",
        "Vi ber om at protokolltilførselen tas inn i protokollen før den signeres, og at vi "
        "får en kopi av den endelige protokollen.",
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "mote.dokument",
        "Protokolltilførsel og protokoll: «protokollen», eller «referatet» fra en drøfting i "
        "staten.",
        "protokollen",
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "mote.signeres",
        "Sann når møtet ender i en protokoll begge signerer (usann for referat i staten).",
        True,
        ("protokolltilforsel", "protokoll"),
    ),
    FieldSpec(
        "merknad",
        "Protokolltilførsel: de tillitsvalgtes syn, ferdig formulert.",
        "Drøftingsmøtet ble holdt etter at beslutningen var tatt.",
        ("protokolltilforsel",),
    ),
    # --- the case file, for the summary and the protocol draft
    FieldSpec("hendelser", "Sakens tidslinje (liste; se feltene under).", [{}]),
    FieldSpec("hendelser[].dato", "Datoen.", "2. mars 2026"),
    FieldSpec("hendelser[].type", "Hva som skjedde.", "Drøftingsmøte"),
    FieldSpec("hendelser[].deltakere", "Hvem som deltok.", "Ledelsen og hovedtillitsvalgt"),
    FieldSpec("hendelser[].notat", "Notat til hendelsen.", "Enighet om prøveperiode."),
    FieldSpec(
        "hendelser[].signert",
        "Protokoll: «signert av begge», «ikke signert» eller tomt.",
        "signert av begge",
    ),
    FieldSpec("dokumenter", "Sakens journal (liste; se feltene under).", [{}]),
    FieldSpec("dokumenter[].ref", "Journalnummeret.", "2026/14-1"),
    FieldSpec("dokumenter[].dato", "Datoen.", "18. desember 2026"),
    FieldSpec("dokumenter[].tittel", "Tittelen.", "Krav om drøftingsmøte"),
    FieldSpec("dokumenter[].retning", "Inngående, utgående eller internt.", "Utgående"),
    FieldSpec("dokumenter[].sendt", "Datoen det ble sendt, eller tomt.", "18. desember 2026"),
    FieldSpec("frister", "Sakens frister (liste; se feltene under).", [{}]),
    FieldSpec("frister[].dato", "Fristen.", "4. januar 2027"),
    FieldSpec("frister[].tittel", "Hva fristen gjelder.", "Svar på krav om drøftingsmøte"),
    FieldSpec("frister[].status", "Åpen, oversittet, overholdt eller avlyst.", "åpen"),
)

FIELD_NAMES: frozenset[str] = frozenset(f.name for f in FIELDS)
LIST_FIELDS: frozenset[str] = frozenset(f.name.split("[]")[0] for f in FIELDS if "[]." in f.name)
TOP_LEVEL: frozenset[str] = frozenset(f.name.split(".")[0].split("[]")[0] for f in FIELDS)


def _put(tree: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if rest:
        _put(tree.setdefault(head, {}), rest, value)
    else:
        tree[head] = value


def sample_context() -> dict[str, Any]:
    """A context with every field set to its example: what the template check renders a
    template with, and what ``docs/maler.md`` shows."""
    tree: dict[str, Any] = {}
    items: dict[str, dict[str, Any]] = {}
    for spec in FIELDS:
        if "[]." in spec.name:
            parent, _, child = spec.name.partition("[].")
            items.setdefault(parent, {})[child] = spec.example
        elif spec.name not in LIST_FIELDS:
            _put(tree, spec.name, spec.example)
    for parent, item in items.items():
        tree[parent] = [dict(item), dict(item)]
    return tree
