"""Write the generated parts of ``docs/maler.md`` from the registries.

Two parts of the template guide come from the code, so that the guide and the app cannot
disagree: the table of letter kinds (file name, label, the fields each template must use,
from ``tillitsvalgt.letters.kinds``) and the tables of every field (from
``tillitsvalgt.letters.fields``). Each part sits between ``<!-- generert: NAME -->`` and
``<!-- /generert: NAME -->`` in the guide; the prose around them is written by hand.

After changing ``fields.py`` or ``kinds.py``, run ``.venv/bin/python scripts/make_field_docs.py``;
``tests/test_letter_templates.py`` fails while the guide is out of step.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from tillitsvalgt.letters.fields import FIELDS, FieldSpec
from tillitsvalgt.letters.kinds import KINDS

DOC = Path(__file__).resolve().parent.parent / "docs" / "maler.md"

# The field tables, in this order; a field goes to the group of its first name part.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Avsender", "Den tillitsvalgte og forbundet, fra profilen og innstillingene.", ("avsender",)),
    ("Mottaker", "Arbeidsgiveren, fra virksomhetsregisteret.", ("mottaker",)),
    (
        "Brevet",
        "Brevtype, emne, dato, referanser og svarfrist.",
        (
            "brevtype",
            "emne",
            "dato",
            "sted_og_dato",
            "var_ref",
            "deres_ref",
            "svarfrist",
            "svarfrist_ukedag",
            "svarfrist_dager",
            "svarfrist_forklaring",
            "tilleggstekst",
            "kopi",
        ),
    ),
    ("Saken", "Saken slik den er registrert.", ("sak",)),
    ("Virksomheten", "Virksomheten saken gjelder.", ("virksomhet",)),
    ("Vurderingen", "Programmets vurdering av saken.", ("vurdering",)),
    (
        "Rettsgrunnlaget",
        "Bestemmelsene som gjelder saken, fra lovkatalogen. `hjemmel` er en liste; bruk "
        "feltene `hjemmel[].…` i en løkke (se «Lister» over).",
        ("hjemmel", "hjemmel_avsnitt"),
    ),
    (
        "Fakta, status og krav",
        "Tekst programmet skriver ut fra saken.",
        ("fakta", "status", "krav", "vent", "forbehold"),
    ),
    ("Purring", "Brevet det purres på.", ("forrige_brev",)),
    ("Hjemmekontoravtale", "Punktene i hjemmekontoravtalene.", ("mangler", "uavklart")),
    (
        "Protokolltilførsel og protokoll",
        "Møtet og de tillitsvalgtes merknad.",
        ("mote", "merknad"),
    ),
    (
        "Hendelser, dokumenter og frister",
        "Sakens tidslinje, journal og frister, for saksoppsummeringen og protokollutkastet. "
        "Alle tre er lister; bruk feltene i en løkke.",
        ("hendelser", "dokumenter", "frister"),
    ),
)

_BLOCK = "<!-- generert: {name} -->\n{body}<!-- /generert: {name} -->"


def _head(name: str) -> str:
    return name.split(".")[0].split("[]")[0]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _example(value: Any) -> str:
    if isinstance(value, bool):
        return "sann" if value else "usann"
    if isinstance(value, list):
        if all(isinstance(v, dict) for v in value):
            return "(se feltene under)"
        return "<br>".join(f"– {_cell(str(v))}" for v in value)
    return _cell(str(value))


def _kinds(spec: FieldSpec) -> str:
    return ", ".join(KINDS[k].label for k in spec.kinds)


def kinds_table() -> str:
    lines = [
        "| Fil | Nynorsk | Brevtype | Til arbeidsgiver | Malen må bruke |",
        "|---|---|---|---|---|",
    ]
    for code, kind in KINDS.items():
        required = ", ".join(" eller ".join(f"`{a}`" for a in alts) for alts in kind.required)
        to_employer = "ja" if kind.to_employer else "nei (internt/utkast)"
        nynorsk = f"`{code}.nn.docx`"
        lines.append(f"| `{code}.docx` | {nynorsk} | {kind.label} | {to_employer} | {required} |")
    return "\n".join(lines) + "\n"


def field_tables() -> str:
    placed: dict[str, str] = {}
    for title, _, heads in GROUPS:
        for head in heads:
            placed[head] = title
    unplaced = sorted({_head(f.name) for f in FIELDS} - placed.keys())
    if unplaced:
        raise SystemExit(f"make_field_docs.py: no group for {', '.join(unplaced)}; add to GROUPS")
    out: list[str] = []
    for title, intro, heads in GROUPS:
        specs = [f for f in FIELDS if _head(f.name) in heads]
        out += [f"### {title}", "", intro, ""]
        out += ["| Felt | Hva det inneholder | Eksempel | Brevtyper |", "|---|---|---|---|"]
        for spec in specs:
            out.append(
                f"| `{spec.name}` | {_cell(spec.description)} | {_example(spec.example)} "
                f"| {_kinds(spec)} |"
            )
        out.append("")
    return "\n".join(out)


def generated() -> dict[str, str]:
    return {"brevtyper": kinds_table(), "felt": field_tables()}


def update(text: str) -> str:
    """The guide with each generated part replaced by what the registries say now."""
    for name, body in generated().items():
        start, end = (re.escape(m) for m in _BLOCK.format(name=name, body="").split("\n"))
        pattern = re.compile(f"{start}.*?{end}", re.DOTALL)
        found = pattern.search(text)
        if found is None:
            raise SystemExit(f"make_field_docs.py: the guide has no «generert: {name}» markers")
        block = _BLOCK.format(name=name, body=body)
        text = text[: found.start()] + block + text[found.end() :]
    return text


def main(doc: Path = DOC) -> Path:
    doc.write_text(update(doc.read_text(encoding="utf-8")), encoding="utf-8")
    return doc


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOC))
