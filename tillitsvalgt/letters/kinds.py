"""The kinds of letter the app writes: what each is called, whether it goes to the employer
and gets a reply deadline, and which fields its template must use."""

from __future__ import annotations

from dataclasses import dataclass

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.vocabulary import LETTER_KINDS

DEFAULT_REPLY_DAYS = 14
"""Calendar days to reply, as in the model letter; moved past weekends and holidays."""

# Every letter to the employer must have these, or it is not a letter one can send.
_LETTER = (
    ("avsender.navn",),
    ("mottaker.navn",),
    ("sted_og_dato",),
    ("var_ref",),
    ("emne",),
)
_LEGAL_BASIS = (("hjemmel_avsnitt", "hjemmel"),)  # either the paragraph or the list


@dataclass(frozen=True)
class LetterKind:
    code: str
    label: str
    subject: str  # the subject line before " – <case title>"
    to_employer: bool  # a letter to the employer (else an internal paper or a draft)
    reply: bool  # the letter sets a reply deadline and is tracked as a demand
    # Fields the template must use; each entry lists alternatives, one of which is enough.
    required: tuple[tuple[str, ...], ...]


KINDS: dict[str, LetterKind] = {
    k.code: k
    for k in (
        LetterKind(
            "krav_om_drofting",
            LETTER_KINDS["krav_om_drofting"],
            "Krav om drøftingsmøte",
            to_employer=True,
            reply=True,
            required=(*_LETTER, *_LEGAL_BASIS, ("krav",), ("svarfrist",)),
        ),
        LetterKind(
            "krav_om_forhandling",
            LETTER_KINDS["krav_om_forhandling"],
            "Krav om forhandlingsmøte",
            to_employer=True,
            reply=True,
            required=(*_LETTER, *_LEGAL_BASIS, ("krav",), ("svarfrist",)),
        ),
        LetterKind(
            "krav_om_informasjon",
            LETTER_KINDS["krav_om_informasjon"],
            "Krav om informasjon og dokumenter",
            to_employer=True,
            reply=True,
            required=(*_LETTER, *_LEGAL_BASIS, ("krav",), ("svarfrist",)),
        ),
        LetterKind(
            "krav_om_utsatt_iverksetting",
            LETTER_KINDS["krav_om_utsatt_iverksetting"],
            "Krav om utsatt iverksetting",
            to_employer=True,
            reply=True,
            required=(*_LETTER, *_LEGAL_BASIS, ("krav",), ("svarfrist",)),
        ),
        LetterKind(
            "purring",
            LETTER_KINDS["purring"],
            "Purring",
            to_employer=True,
            reply=True,
            required=(*_LETTER, ("forrige_brev.dato",), ("forrige_brev.ref",), ("svarfrist",)),
        ),
        LetterKind(
            "krav_om_hjemmekontoravtale",
            LETTER_KINDS["krav_om_hjemmekontoravtale"],
            "Krav om skriftlige hjemmekontoravtaler",
            to_employer=True,
            reply=True,
            required=(*_LETTER, *_LEGAL_BASIS, ("mangler",), ("svarfrist",)),
        ),
        LetterKind(
            "protokolltilforsel",
            LETTER_KINDS["protokolltilforsel"],
            "Protokolltilførsel fra de tillitsvalgte",
            to_employer=True,
            reply=False,
            required=(*_LETTER, ("merknad",)),
        ),
        LetterKind(
            "saksoppsummering",
            LETTER_KINDS["saksoppsummering"],
            "Saksoppsummering",
            to_employer=False,
            reply=False,
            required=(("sak.nummer",), ("sak.tittel",), ("vurdering.tidspunkt",), ("hendelser",)),
        ),
        LetterKind(
            "protokoll",
            LETTER_KINDS["protokoll"],
            "Protokoll fra drøftingsmøte",
            to_employer=False,
            reply=False,
            required=(("sak.tittel",), ("mottaker.navn",), *_LEGAL_BASIS),
        ),
    )
}


def letter_kind(code: str) -> LetterKind:
    try:
        return KINDS[code]
    except KeyError:
        known = ", ".join(KINDS)
        raise ValidationError(
            [Problem("Brevtype", f"«{code}» er ikke en brevtype. Gyldige: {known}")]
        ) from None
