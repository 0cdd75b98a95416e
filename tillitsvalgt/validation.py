"""Input checks shared by the shapes in ``models``, and the translation of pydantic's
English errors into Norwegian messages that name the field and say what to fix."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

import pydantic
from pydantic import AfterValidator, BeforeValidator

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.vocabulary import (
    AGREEMENTS,
    CASE_STATUSES,
    CASE_TYPES,
    CHECKLIST_ANSWERS,
    CONFEDERATIONS,
    DIRECTIONS,
    DOCUMENT_KINDS,
    EVENT_KINDS,
    LETTER_FORMS,
    LETTER_KINDS,
    OUTCOMES,
    SECTORS,
)

T = TypeVar("T", bound=pydantic.BaseModel)

# Norwegian names of fields, used in every message.
FIELD_LABELS: dict[str, str] = {
    "name": "Navn",
    "orgnr": "Organisasjonsnummer",
    "address": "Adresse",
    "sector": "Sektor",
    "agreement": "Hovedavtale",
    "employees": "Antall ansatte",
    "contact_name": "Kontaktperson",
    "contact_email": "Kontaktpersonens e-post",
    "contact_phone": "Kontaktpersonens telefon",
    "title": "Tittel",
    "employer_id": "Virksomhet",
    "location": "Sted/avdeling",
    "case_type": "Sakstype",
    "type": "Sakstype",
    "description": "Beskrivelse",
    "members_affected": "Berørte medlemmer",
    "notice_on": "Dato for første varsel",
    "decision_on": "Beslutningsdato",
    "planned_implementation_on": "Planlagt iverksetting",
    "implemented_on": "Faktisk iverksetting",
    "home_office_days_per_week": "Hjemmekontordager per uke",
    "written_agreements": "Skriftlige avtaler",
    "ordered_by_authorities": "Pålagt av myndighetene",
    "building_permit": "Byggesøknad",
    "confederation": "Hovedorganisasjon",
    "status": "Status",
    "outcome": "Utfall",
    "representative_id": "Ansvarlig tillitsvalgt",
    "version": "Versjon",
    "kind": "Type",
    "occurred_on": "Dato",
    "on": "Dato",
    "participants": "Deltakere",
    "notes": "Notat",
    "signed_by_both": "Signert av begge parter",
    "letter_kind": "Brevtype",
    "letter": "Brevtype",
    "reply_by": "Svarfrist",
    "direction": "Retning",
    "filename": "Filnavn",
    "mime_type": "Filtype",
    "content": "Innhold",
    "recipient": "Mottaker",
    "dated": "Datert",
    "due_on": "Frist",
    "item_key": "Punkt",
    "answer": "Svar",
    "note": "Merknad",
    "role": "Rolle",
    "union_name": "Forbund",
    "branch": "Avdeling/klubb",
    "email": "E-post",
    "phone": "Telefon",
    "place": "Sted for brev",
    "signature": "Signatur",
    "reason": "Begrunnelse",
    "uuid": "UUID",
    "id": "Id",
    "about": "Om saken",
    "today": "Vurderingsdato",
    "updated_at": "Sist endret",
    "employer": "Virksomhet",
    "case": "Sak",
    "events": "Hendelser",
    "year": "År",
    "timing": "Tidspunkt for drøfting",
    "limit": "Side",
    # The evidence, escalation and group of a case bundle.
    "documents": "Dokumenter",
    "checklist": "Sjekkliste",
    "deadlines": "Frister",
    "extensions": "Forlengelser",
    "item": "Punkt",
    "sha256": "Sjekksum (SHA-256)",
    "number": "Nummer",
    "provisions": "Bestemmelser",
    "sent_on": "Sendt",
    "their_ref": "Deres ref.",
    "document": "Dokument",
    "rule": "Regel",
    "met_on": "Overholdt",
    "cancelled": "Avlyst",
    "original_due_on": "Opprinnelig frist",
    "previous_due_on": "Forrige frist",
    "new_due_on": "Ny frist",
    "stage": "Trinn",
    "started_on": "Dato",
    "ended_on": "Avsluttet",
    "escalations": "Opptrapping",
    "group": "Gruppesak",
    "group_id": "Gruppesak",
}

MAX_EMPLOYEES = 500_000  # more than Norway's largest employer: anything above is a typo


CELL_KEY_RANGE = 256
"""Cell keys (the report's disclosure control) are 0..255, and a cell's key is the sum of its
cases' keys modulo this (the range the UK Office for National Statistics used in Census 2021).
Here because the tables, the bundles and the report all check against it."""


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


# What a stored text may not contain: control characters (Unicode's Cc: C0, DEL and C1),
# lone surrogates (Cs: broken encoding) and the two noncharacters U+FFFE/U+FFFF; a
# multi-line text may have line breaks and tabs. One search in C instead of a category
# lookup per character in Python (a bundle of 1 000 cases has 15 000 texts).
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def check_chars(value: str, *, multiline: bool) -> str:
    found = (_FORBIDDEN_MULTILINE if multiline else _FORBIDDEN).search(value)
    if found is None:
        return value
    ch = found.group()
    if "\ud800" <= ch <= "\udfff":
        raise ValueError("inneholder et ugyldig tegn (ødelagt tegnkoding)")
    if ch in "\ufffe\uffff":
        raise ValueError("inneholder et ugyldig tegn")
    if ch in "\n\r":
        raise ValueError("kan ikke inneholde linjeskift")
    raise ValueError(f"inneholder et kontrolltegn (kode {ord(ch)}) som ikke kan lagres; fjern det")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _empty_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _text(max_len: int, *, multiline: bool, required: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        if required and not value:
            raise ValueError("må fylles ut")
        if len(value) > max_len:
            raise ValueError(f"er for lang ({len(value)} tegn; høyst {max_len})")
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return check_chars(value, multiline=multiline)

    return check


def _code(codes: Mapping[str, str], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in codes:
            known = ", ".join(codes)
            raise ValueError(f"ukjent {what} «{value}»; gyldige verdier er: {known}")
        return value

    return check


@functools.lru_cache(maxsize=4096)
def _orgnr(value: str) -> str:
    # Remembered: a bundle of 1 000 cases names the same few employers again and again
    # (≈ 35 ms of a bundle's checks went to checking the same numbers).
    # Loaded on the first number checked, not at start (stdnum.util pulls in ssl, pydoc).
    from stdnum.no import orgnr as stdnum_orgnr

    compact = stdnum_orgnr.compact(value)
    if not compact.isdigit() or len(compact) != 9:
        raise ValueError(f"«{value}» må bestå av 9 sifre")
    if not stdnum_orgnr.is_valid(compact):
        raise ValueError(
            f"«{value}» er ikke et gyldig organisasjonsnummer (kontrollsifferet stemmer ikke); "
            "sjekk nummeret i Enhetsregisteret"
        )
    return compact


def _employees(value: int) -> int:
    if value < 0:
        raise ValueError("kan ikke være negativt")
    if value > MAX_EMPLOYEES:
        raise ValueError(f"{value} er urimelig mange (høyst {MAX_EMPLOYEES:,})".replace(",", " "))
    return value


def _members(value: int) -> int:
    if value < 0:
        raise ValueError("kan ikke være negativt")
    if value > MAX_EMPLOYEES:
        raise ValueError(f"{value} er urimelig mange")
    return value


def _days_per_week(value: float) -> float:
    if not 0 <= value <= 7:
        raise ValueError("må være mellom 0 og 7")
    return value


# Made once, not once per value checked.
_SHORT_TEXT = _text(200, multiline=False, required=False)
_LONG_TEXT = _text(20_000, multiline=True, required=False)
_ITEM_KEY = _text(80, multiline=False, required=False)

Name = Annotated[
    str, BeforeValidator(_strip), AfterValidator(_text(200, multiline=False, required=True))
]
Title = Annotated[
    str, BeforeValidator(_strip), AfterValidator(_text(200, multiline=False, required=True))
]
ShortText = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    BeforeValidator(_strip),
    AfterValidator(lambda v: None if v is None else _SHORT_TEXT(v)),
]
LongText = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _LONG_TEXT(v)),
]
# A checklist item's key: the column holds 80 characters (PostgreSQL enforces it).
ItemKey = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    BeforeValidator(_strip),
    AfterValidator(lambda v: None if v is None else _ITEM_KEY(v)),
]
OrgNr = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _orgnr(v)),
]
EmployeeCount = Annotated[
    int | None, AfterValidator(lambda v: None if v is None else _employees(v))
]
MemberCount = Annotated[int | None, AfterValidator(lambda v: None if v is None else _members(v))]
DaysPerWeek = Annotated[
    float | None, AfterValidator(lambda v: None if v is None else _days_per_week(v))
]
CaseTypeCode = Annotated[str, AfterValidator(_code(CASE_TYPES, "sakstype"))]
ConfederationCode = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _code(CONFEDERATIONS, "hovedorganisasjon")(v)),
]
AgreementCode = Annotated[str, AfterValidator(_code(AGREEMENTS, "hovedavtale"))]


def _form_name(value: Any) -> Any:
    """«nynorsk» and «bokmål» as the codes nn and nb (what a user types)."""
    if isinstance(value, str):
        named = {"nynorsk": "nn", "bokmål": "nb", "bokmal": "nb"}
        return named.get(value.strip().lower(), value.strip())
    return value


LetterFormCode = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    BeforeValidator(_form_name),
    AfterValidator(lambda v: None if v is None else _code(LETTER_FORMS, "målform")(v)),
]
SectorCode = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _code(SECTORS, "sektor")(v)),
]
EventKindCode = Annotated[str, AfterValidator(_code(EVENT_KINDS, "hendelsestype"))]
LetterKindCode = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _code(LETTER_KINDS, "brevtype")(v)),
]
StatusCode = Annotated[str, AfterValidator(_code(CASE_STATUSES, "status"))]
OutcomeCode = Annotated[
    str | None,
    BeforeValidator(_empty_to_none),
    AfterValidator(lambda v: None if v is None else _code(OUTCOMES, "utfall")(v)),
]
DirectionCode = Annotated[str, AfterValidator(_code(DIRECTIONS, "retning"))]
DocumentKindCode = Annotated[str, AfterValidator(_code(DOCUMENT_KINDS, "dokumenttype"))]
ChecklistAnswerCode = Annotated[str, AfterValidator(_code(CHECKLIST_ANSWERS, "svar"))]

_PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": "mangler",
    "int_parsing": "må være et heltall",
    "int_type": "må være et heltall",
    "int_from_float": "må være et heltall",
    "int_parsing_size": "er et altfor stort tall",
    "finite_number": "må være et vanlig tall (ikke uendelig eller NaN)",
    "float_parsing": "må være et tall",
    "float_type": "må være et tall",
    "bool_parsing": "må være ja eller nei (true/false)",
    "bool_type": "må være ja eller nei (true/false)",
    "date_parsing": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "må være en dato uten klokkeslett",
    "date_type": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "datetime_parsing": "må være et tidspunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ss+01:00",
    "datetime_from_date_parsing": "må være et tidspunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ss+01:00",
    "datetime_type": "må være et tidspunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ss+01:00",
    "datetime_object_invalid": "er ikke et gyldig tidspunkt",
    "timezone_aware": "mangler tidssone; skriv for eksempel 2026-03-01T12:00:00+01:00",
    "string_type": "må være tekst",
    "string_unicode": "inneholder ugyldige tegn (ødelagt tegnkoding)",
    "string_too_long": "er for lang",
    "too_long": "har for mange elementer",
    "list_type": "må være en liste",
    "dict_type": "må være et objekt med felter",
    "model_type": "må være et objekt med felter",
    "model_attributes_type": "må være et objekt med felter",
    "uuid_parsing": "er ikke en gyldig UUID",
    "uuid_type": "er ikke en gyldig UUID",
    "uuid_version": "er ikke en gyldig UUID",
    "is_instance_of": "har feil type",
    "extra_forbidden": "er et ukjent felt",
    "greater_than_equal": "er for lite",
    "less_than_equal": "er for stort",
    "bytes_type": "må være en fil",
}


def _location(loc: tuple[int | str, ...], prefix: str) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"nr. {item + 1}")
        else:
            parts.append(label(item))
    text = " › ".join(parts)
    if prefix:
        return f"{prefix} › {text}" if text else prefix
    return text


def problems_from(exc: pydantic.ValidationError, prefix: str = "") -> list[Problem]:
    """Norwegian problems from a pydantic error, one per field."""
    problems = []
    for err in exc.errors():
        kind = err["type"]
        if kind == "value_error":
            ctx = err.get("ctx") or {}
            message = str(ctx.get("error", err["msg"]))
        elif kind == "assertion_error":
            message = err["msg"].removeprefix("Assertion failed, ")
        else:
            message = _PYDANTIC_MESSAGES.get(kind, err["msg"])
        problems.append(Problem(_location(tuple(err["loc"]), prefix), message))
    return problems


def validate(shape: type[T], data: Any, prefix: str = "") -> T:
    """``shape.model_validate(data)``, raising our Norwegian ``ValidationError``."""
    try:
        return shape.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(problems_from(exc, prefix)) from None
