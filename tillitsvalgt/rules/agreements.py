"""Which version of a main agreement a letter cites, and what to warn about.

A main agreement is made between an employer side (NHO, Spekter, the state …) and one or
more union confederations, or one named union; the catalogue says which for each version
it holds. A representative cites the version for their own side: a YS union at an NHO
employer cites YS–NHO even when the employer is registered with LO–NHO. Where the
catalogue only has another side's text (Spekter: checked for LO Stat only), the paragraph
numbers are not the sender's to cite: the provisions are cited by subject, and the
representative is told to check. Pure: catalogue and facts in, choices and Norwegian out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.rules.types import Agreement, Catalogue, Provision
from tillitsvalgt.vocabulary import CONFEDERATIONS, KNOWN_UNIONS, SECTORS


def sender_confederation(confederation: str | None, union: str | None) -> str | None:
    """The sender's confederation: the profile's, else the one known for the union's name."""
    if confederation:
        return confederation
    return KNOWN_UNIONS.get((union or "").strip().casefold())


@dataclass(frozen=True)
class SideChoice:
    code: str  # the agreement the letter cites
    other_side: bool = False  # only another side's text is in the catalogue
    notices: tuple[str, ...] = ()  # for the representative, never in the letter


def _sides(a: Agreement) -> str:
    names = [CONFEDERATIONS[c] for c in sorted(a.confederations) if c in CONFEDERATIONS]
    names += list(a.unions)
    return " og ".join(names) if names else "ukjent side"


def _covers(a: Agreement, confederation: str | None, union: str | None) -> bool:
    if confederation is not None and confederation in a.confederations:
        return True
    name = (union or "").strip().casefold()
    return bool(name) and any(u.casefold() == name for u in a.unions)


def sender_side(
    catalogue: Catalogue, code: str, confederation: str | None, union: str | None
) -> SideChoice:
    """The version of the employer's agreement ``code`` the sender cites."""
    a = catalogue.agreements.get(code)
    if a is None or not (a.confederations or a.unions):
        return SideChoice(code)  # the catalogue does not say who it covers
    if _covers(a, confederation, union):
        return SideChoice(code)
    if confederation is None:
        return SideChoice(
            code,
            notices=(
                f"Profilen sier ikke hvilken hovedorganisasjon forbundet ditt tilhører, så "
                f"programmet kan ikke se om {a.name} ({_sides(a)}) er avtalen for ditt "
                "forbund. Sett den i profilen (tillitsvalgt profile --confederation, eller "
                "Innstillinger → Profil).",
            ),
        )
    if a.employer_party:
        for sibling in catalogue.agreements.values():
            if (
                sibling.code != code
                and sibling.employer_party == a.employer_party
                and _covers(sibling, confederation, union)
            ):
                return SideChoice(
                    sibling.code,
                    notices=(
                        f"Virksomheten er registrert med {a.name}; brevet viser til "
                        f"{sibling.name}, som er versjonen for ditt forbund "
                        f"({CONFEDERATIONS.get(confederation, confederation)}).",
                    ),
                )
    side = union.strip() if union and union.strip() else CONFEDERATIONS.get(confederation, "")
    return SideChoice(
        code,
        other_side=True,
        notices=(
            f"Katalogen har bare teksten til {a.name} for {_sides(a)}, og {side} er ikke part "
            "i den versjonen. Brevet viser derfor til avtalen og bestemmelsenes innhold, ikke "
            "til paragrafnumre: kontroller bestemmelsene i avtalen for ditt forbund før du "
            "sender brevet.",
        ),
    )


def other_side_catalogue(catalogue: Catalogue, code: str) -> Catalogue:
    """The catalogue with the agreement's provisions cited as leads, by subject under the
    agreement's own name: their numbers were read in another side's text."""
    a = catalogue.agreements[code]

    def lead(p: Provision) -> Provision:
        if p.agreement != code:
            return p
        chapter = p.chapter
        if p.verified or not chapter:
            chapter = f"(reglene om {p.title[:1].lower()}{p.title[1:]})"
        return dataclasses.replace(p, source_name=a.name, verified=False, chapter=chapter)

    return dataclasses.replace(catalogue, provisions=tuple(lead(p) for p in catalogue.provisions))


def prolongation(catalogue: Catalogue, code: str, dated: date) -> tuple[str | None, str | None]:
    """For an agreement past its period on the letter's date: the sentence the letter says
    (where the catalogue says how it runs on) or the warning for the representative."""
    a = catalogue.agreements.get(code)
    if a is None or a.valid_to is None or dated <= a.valid_to:
        return None, None
    if a.prolonged:
        basis = ""
        if a.prolonged_by:
            try:
                p = catalogue.provision(a.prolonged_by)
            except KeyError:
                p = None
            if p is not None:
                ref = p.paragraph if p.verified else p.chapter
                basis = f", jf. {ref}" if ref else ""
        return (
            f"{a.name} {a.version} gjelder fortsatt: avtalen {a.prolonged}{basis}.",
            None,
        )
    return None, (
        f"{a.name} {a.version} gjaldt til {format_date(a.valid_to)}, og katalogen har ikke "
        "registrert at den er forlenget eller fornyet. Kontroller hvilken versjon som gjelder "
        "før du sender brevet."
    )


def sector_warning(catalogue: Catalogue, sector: str | None, code: str) -> str | None:
    """A warning when an employer's sector and main agreement do not fit (the state's sector
    with LO–NHO, a municipality with the state's agreement …); None when they fit or the
    catalogue does not say."""
    a = catalogue.agreements.get(code)
    if a is None or not a.sectors or not sector or sector in a.sectors:
        return None
    fits = " eller ".join(SECTORS[s].lower() for s in sorted(a.sectors) if s in SECTORS)
    return (
        f"{a.name} passer ikke for sektoren «{SECTORS.get(sector, sector)}»; den gjelder for "
        f"{fits}. Kontroller sektor og hovedavtale: brevene viser til avtalen som er registrert."
    )
