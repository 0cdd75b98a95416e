"""Write the built-in letter templates, ``resources/templates/<kind>.docx``.

This script is the source of the shipped templates: change the wording here and run
``.venv/bin/python scripts/make_templates.py``; ``tests/test_letter_templates.py`` fails if
the shipped files and this script disagree. A union office edits its copies in Word
instead (``tillitsvalgt templates export``) — see ``docs/maler.md``.

Layout: A4, 2.5 cm margins, Arial 11 pt (Word has it; LibreOffice uses the metric-compatible
Liberation Sans), a footer with the reference and page numbers. Jinja tags follow docxtpl:
a paragraph holding only ``{%p … %}`` disappears from the letter, ``{%tr … %}`` repeats a
table row.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates"
# The written forms: bokmål is <kind>.docx, nynorsk <kind>.nn.docx, for every kind.
FORMS = ("nb", "nn")
_FORM = ["nb"]


def w(nb: str, nn: str) -> str:
    """The template's own words in the form being built."""
    return nn if _FORM[0] == "nn" else nb


FONT = "Arial"
GREY = RGBColor(0x55, 0x55, 0x55)

# --------------------------------------------------------------------------- building blocks


def _new(form: str = "nb") -> object:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    _language(doc, "nn-NO" if form == "nn" else "nb-NO")
    props = doc.core_properties
    # python-docx's own template says «python-docx» and 2013; the letter gets its real
    # author, title and time when it is written (letters/render.py), the template a neutral
    # fixed date so that rebuilding it gives the same bytes.
    props.author = props.last_modified_by = "Tillitsvalgt"
    props.title = props.subject = props.comments = props.keywords = props.category = ""
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=UTC)
    props.revision = 1
    return doc


def _language(doc: object, tag: str) -> None:
    """The document's proofing language (Word and LibreOffice spell-check by it)."""
    styles = doc.styles.element  # type: ignore[attr-defined]
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for name in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(name), tag)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when shown."""
    run = paragraph.add_run()
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    inner = OxmlElement("w:r")
    # The number looks like the text around it (8 pt, grey), not black body text.
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(GREY))
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    rpr.append(color)
    rpr.append(size)
    inner.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    simple.append(inner)
    run._r.addnext(simple)


def _footer(doc: object, with_ref: bool = True) -> None:
    footer = doc.sections[0].footer  # type: ignore[attr-defined]
    p = footer.paragraphs[0]
    p.style.font.size = Pt(8)
    lead = (
        w("Vår ref. {{ var_ref }} – side ", "Vår ref. {{ var_ref }} – side ")
        if with_ref
        else "Side "
    )
    run = p.add_run(lead)
    run.font.size, run.font.color.rgb = Pt(8), GREY
    _field(p, "PAGE")
    run = p.add_run(" av ")
    run.font.size, run.font.color.rgb = Pt(8), GREY
    _field(p, "NUMPAGES")


def para(
    doc: object,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    after: float = 0,
    before: float = 0,
    indent: float | None = None,
    hanging: float | None = None,
    italic: bool = False,
    grey: bool = False,
    keep_with_next: bool = False,
) -> Paragraph:
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    if text:
        for i, piece in enumerate(text.split("\t")):
            if i:
                p.add_run().add_tab()
            run = p.add_run(piece)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
            if grey:
                run.font.color.rgb = GREY
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if indent is not None:
        fmt.left_indent = Cm(indent)
    if hanging is not None:
        fmt.first_line_indent = Cm(-hanging)
        fmt.tab_stops.add_tab_stop(Cm(indent or hanging))
    fmt.keep_with_next = keep_with_next
    return p


def tag(doc: object, text: str) -> None:
    """A paragraph holding only a ``{%p … %}`` tag (docxtpl removes it)."""
    para(doc, text)


def optional(doc: object, field: str, text: str, **kw: object) -> None:
    tag(doc, f"{{%p if {field} %}}")
    para(doc, text, **kw)  # type: ignore[arg-type]
    tag(doc, "{%p endif %}")


def body(doc: object, text: str) -> None:
    para(doc, text, after=8)


def gap(doc: object) -> None:
    """A small gap after a list: an empty paragraph whose mark is 5 pt, not a full line."""
    p = para(doc)
    ppr = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    ppr.append(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "10")
    rpr.append(size)


def numbered(doc: object, items: str, text: str = "{{ item }}") -> None:
    """A numbered list from a list field, ", og" before the last item as in a letter."""
    tag(doc, f"{{%p for item in {items} %}}")
    para(
        doc,
        "{{ loop.index }}.\t"
        + text
        + "{% if loop.revindex == 2 %}, og{% elif not loop.last %},{% else %}.{% endif %}",
        indent=0.75,
        hanging=0.75,
        after=3,
    )
    tag(doc, "{%p endfor %}")
    gap(doc)


def bullets(doc: object, items: str, text: str = "{{ item }}") -> None:
    tag(doc, f"{{%p for item in {items} %}}")
    para(doc, "–\t" + text, indent=0.75, hanging=0.75, after=3)
    tag(doc, "{%p endfor %}")
    gap(doc)


def letterhead(doc: object) -> None:
    optional(doc, "avsender.organisasjon", "{{ avsender.organisasjon }}", bold=True)
    para(doc, "{{ avsender.navn }}{% if avsender.rolle %}, {{ avsender.rolle }}{% endif %}")
    optional(doc, "avsender.kontakt", "{{ avsender.kontakt }}", grey=True)
    para(doc, after=18)
    para(doc, "{{ mottaker.navn }}")
    optional(doc, "mottaker.att", "Att.: {{ mottaker.att }}")
    optional(doc, "mottaker.adresse", "{{ mottaker.adresse }}")
    para(doc, after=18)
    p = para(
        doc,
        w(
            "Vår ref.: {{ var_ref }}\tDeres ref.: {{ deres_ref }}",
            "Vår ref.: {{ var_ref }}\tDykkar ref.: {{ deres_ref }}",
        ),
    )
    p.paragraph_format.tab_stops.add_tab_stop(Cm(6))
    para(doc, "{{ sted_og_dato }}", after=18)
    para(doc, "{{ emne }}", bold=True, size=12.5, after=10, keep_with_next=True)


def extra_text(doc: object) -> None:
    optional(doc, "tilleggstekst", "{{ tilleggstekst }}", after=8)


def closing(doc: object, *, reserve: bool = False) -> None:
    if reserve:
        body(
            doc,
            w(
                "Vi forbeholder oss retten til å ta saken videre.",
                "Vi tek atterhald om å ta saka vidare.",
            ),
        )
    # The last sentence of the body goes with the closing and the signature: a letter
    # never ends with the signature alone on a page.
    last = doc.paragraphs[-1]  # type: ignore[attr-defined]
    if "{%" not in last.text:
        last.paragraph_format.keep_with_next = True
    para(
        doc, w("Med vennlig hilsen", "Med venleg helsing"), before=6, after=30, keep_with_next=True
    )
    para(doc, "{{ avsender.navn }}", keep_with_next=True)
    para(
        doc,
        "{% if avsender.rolle %}{{ avsender.rolle }}{% endif %}"
        "{% if avsender.rolle and avsender.organisasjon %}, {% endif %}"
        "{% if avsender.organisasjon %}{{ avsender.organisasjon }}{% endif %}",
    )
    tag(doc, "{%p if kopi %}")
    para(doc, "Kopi: {{ kopi }}", before=18, grey=True)
    tag(doc, "{%p endif %}")


def heading(doc: object, text: str) -> None:
    para(doc, text, bold=True, size=11.5, before=12, after=4, keep_with_next=True)


# --------------------------------------------------------------------------- the letters


def krav_om_drofting(doc: object) -> None:
    letterhead(doc)
    body(doc, "{{ fakta }}")
    optional(
        doc,
        "sak.beskrivelse",
        w(
            "Slik vi har forstått det, går endringen ut på følgende: {{ sak.beskrivelse }}",
            "Slik vi har forstått det, går endringa ut på følgjande: {{ sak.beskrivelse }}",
        ),
        after=8,
    )
    body(doc, "{{ status }}")
    body(doc, "{{ hjemmel_avsnitt }}")
    para(doc, w("Vi krever derfor:", "Vi krev difor:"), after=4, keep_with_next=True)
    numbered(doc, "krav")
    extra_text(doc)
    body(
        doc,
        w(
            "Vi ber om skriftlig svar innen {{ svarfrist }}.",
            "Vi ber om skriftleg svar innan {{ svarfrist }}.",
        )
        + "{% if forbehold %} {{ forbehold }}{% endif %}",
    )
    closing(doc)


def krav_om_forhandling(doc: object) -> None:
    letterhead(doc)
    body(doc, "{{ fakta }}")
    optional(
        doc,
        "sak.beskrivelse",
        w(
            "Slik vi har forstått det, går endringen ut på følgende: {{ sak.beskrivelse }}",
            "Slik vi har forstått det, går endringa ut på følgjande: {{ sak.beskrivelse }}",
        ),
        after=8,
    )
    body(doc, "{{ status }}")
    body(doc, "{{ hjemmel_avsnitt }}")
    para(doc, w("Vi krever derfor:", "Vi krev difor:"), after=4, keep_with_next=True)
    numbered(doc, "krav")
    extra_text(doc)
    body(
        doc,
        w(
            "Vi ber om skriftlig svar innen {{ svarfrist }}.",
            "Vi ber om skriftleg svar innan {{ svarfrist }}.",
        )
        + "{% if forbehold %} {{ forbehold }}{% endif %}",
    )
    closing(doc)


def krav_om_informasjon(doc: object) -> None:
    letterhead(doc)
    body(doc, "{{ fakta }}")
    body(doc, "{{ status }}")
    body(
        doc,
        w(
            "For at de tillitsvalgte skal kunne ivareta sin rolle i saken, trenger vi mer "
            "informasjon og de dokumentene saken bygger på. {{ hjemmel_avsnitt }}",
            "For at dei tillitsvalde skal kunne ta vare på rolla si i saka, treng vi meir "
            "informasjon og dei dokumenta saka byggjer på. {{ hjemmel_avsnitt }}",
        ),
    )
    para(
        doc,
        w(
            "Vi ber om å få følgende innen {{ svarfrist }}:",
            "Vi ber om å få følgjande innan {{ svarfrist }}:",
        ),
        after=4,
        keep_with_next=True,
    )
    numbered(doc, "krav")
    extra_text(doc)
    body(
        doc,
        w(
            "Dersom noe av dette ikke finnes ennå, ber vi om å få vite når det kommer.",
            "Dersom noko av dette ikkje finst enno, ber vi om å få vite når det kjem.",
        )
        + "{% if vent %} {{ vent }}{% endif %}",
    )
    closing(doc)


def krav_om_utsatt_iverksetting(doc: object) -> None:
    letterhead(doc)
    body(doc, "{{ fakta }}")
    body(doc, "{{ status }}")
    body(doc, "{{ hjemmel_avsnitt }}")
    body(
        doc,
        w(
            "Settes endringen i verk nå, mister de tillitsvalgte den muligheten til å påvirke "
            "den som regelverket forutsetter.",
            "Blir endringa sett i verk no, mistar dei tillitsvalde det høvet til å påverke "
            "henne som regelverket føreset.",
        ),
    )
    para(doc, w("Vi krever derfor:", "Vi krev difor:"), after=4, keep_with_next=True)
    numbered(doc, "krav")
    extra_text(doc)
    body(
        doc,
        w(
            "Vi ber om skriftlig svar innen {{ svarfrist }}.",
            "Vi ber om skriftleg svar innan {{ svarfrist }}.",
        ),
    )
    closing(doc, reserve=True)


def purring(doc: object) -> None:
    letterhead(doc)
    body(
        doc,
        w(
            "Vi viser til vårt brev {{ forrige_brev.dato }}",
            "Vi viser til brevet vårt {{ forrige_brev.dato }}",
        )
        + "{% if forrige_brev.ref %} (vår ref. {{ forrige_brev.ref }}){% endif %} med emne "
        "«{{ forrige_brev.emne }}»"
        + w(
            "{% if forrige_brev.svarfrist %}, der vi ba om svar innen "
            "{{ forrige_brev.svarfrist }}{% endif %}.",
            "{% if forrige_brev.svarfrist %}, der vi bad om svar innan "
            "{{ forrige_brev.svarfrist }}{% endif %}.",
        ),
    )
    body(
        doc,
        w(
            "Vi har ikke mottatt svar. Vi ber om svar snarest, og senest {{ svarfrist }}.",
            "Vi har ikkje fått svar. Vi ber om svar snarast, og seinast {{ svarfrist }}.",
        ),
    )
    extra_text(doc)
    body(
        doc,
        w(
            "Hører vi ikke fra dere innen fristen, vil vi vurdere å ta saken videre.",
            "Høyrer vi ikkje frå dykk innan fristen, vil vi vurdere å ta saka vidare.",
        ),
    )
    closing(doc, reserve=False)


def krav_om_hjemmekontoravtale(doc: object) -> None:
    letterhead(doc)
    body(doc, "{{ fakta }}")
    body(doc, "{{ hjemmel_avsnitt }}")
    tag(doc, "{%p if mangler %}")
    para(
        doc,
        w(
            "Avtalene må regulere dette, som vi ikke kan se er på plass i dag:",
            "Avtalane må regulere dette, som vi ikkje kan sjå er på plass i dag:",
        ),
        after=4,
        keep_with_next=True,
    )
    tag(doc, "{%p endif %}")
    bullets_if(doc, "mangler")
    tag(doc, "{%p if uavklart %}")
    para(
        doc,
        w(
            "Vi ber også om å få bekreftet at avtalene regulerer:",
            "Vi ber også om å få stadfest at avtalane regulerer:",
        ),
        after=4,
        keep_with_next=True,
    )
    tag(doc, "{%p endif %}")
    bullets_if(doc, "uavklart")
    para(doc, w("Vi krever derfor:", "Vi krev difor:"), after=4, keep_with_next=True)
    numbered(doc, "krav")
    extra_text(doc)
    body(
        doc,
        w(
            "Vi ber om skriftlig svar innen {{ svarfrist }}.",
            "Vi ber om skriftleg svar innan {{ svarfrist }}.",
        ),
    )
    closing(doc)


def bullets_if(doc: object, items: str) -> None:
    tag(doc, f"{{%p for item in {items} %}}")
    para(doc, "–\t{{ item }}", indent=0.75, hanging=0.75, after=3)
    tag(doc, "{%p endfor %}")
    tag(doc, f"{{%p if {items} %}}")
    gap(doc)
    tag(doc, "{%p endif %}")


def protokolltilforsel(doc: object) -> None:
    letterhead(doc)
    body(
        doc,
        w(
            "Til {{ mote.dokument }} fra {{ mote.type }}",
            "Til {{ mote.dokument }} frå {{ mote.type }}",
        )
        + "{% if mote.dato %} {{ mote.dato }}{% endif %} "
        + w(
            "om {{ sak.omtale }} ber de tillitsvalgte om at følgende protokolltilførsel føres inn:",
            "om {{ sak.omtale }} ber dei tillitsvalde om at følgjande protokolltilførsel blir "
            "ført inn:",
        ),
    )
    para(
        doc,
        w("Protokolltilførsel fra de tillitsvalgte", "Protokolltilførsel frå dei tillitsvalde"),
        bold=True,
        indent=1,
        after=4,
        keep_with_next=True,
    )
    para(doc, "{{ merknad }}", indent=1, italic=True, after=8)
    tag(doc, "{%p if tilleggstekst %}")
    para(doc, "{{ tilleggstekst }}", indent=1, italic=True, after=8)
    tag(doc, "{%p endif %}")
    # The legal basis is part of the note, so it goes into the protocol with it.
    tag(doc, "{%p if hjemmel_avsnitt %}")
    para(doc, "{{ hjemmel_avsnitt }}", indent=1, italic=True, after=8)
    tag(doc, "{%p endif %}")
    body(doc, "{{ mote.anmodning }}")
    closing(doc)


def _table(
    doc: object, headers: list[str], cells: list[str], loop: str, widths: list[float]
) -> None:
    table = doc.add_table(rows=3, cols=len(headers))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for item in {loop} %}}")
    for i, text in enumerate(cells):
        table.rows[2].cells[i].paragraphs[0].add_run(text)
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for i, w in enumerate(widths):
        table.columns[i].width = Cm(w)
    for row in table.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
            for p in row.cells[i].paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9.5)


def saksoppsummering(doc: object) -> None:
    para(
        doc,
        w("Internt – ikke til arbeidsgiver", "Internt – ikkje til arbeidsgjevar"),
        grey=True,
        size=9,
        after=6,
    )
    para(doc, "Saksoppsummering", bold=True, size=16, after=2)
    para(doc, "Sak {{ sak.nummer }}: {{ sak.tittel }}", bold=True, size=12.5, after=2)
    para(
        doc,
        w(
            "Laget {{ dato }}{% if avsender.navn %} av {{ avsender.navn }}{% endif %}",
            "Laga {{ dato }}{% if avsender.navn %} av {{ avsender.navn }}{% endif %}",
        ),
        grey=True,
        after=12,
    )
    heading(doc, w("Saken", "Saka"))
    none = w("ikke registrert", "ikkje registrert")
    rows = [
        (w("Virksomhet", "Verksemd"), "{{ virksomhet.navn }}"),
        (w("Hovedavtale", "Hovudavtale"), f"{{{{ virksomhet.avtale or '{none}' }}}}"),
        (w("Ansatte", "Tilsette"), f"{{{{ virksomhet.ansatte or '{none}' }}}}"),
        ("Sakstype", "{{ sak.type }}"),
        (w("Sted", "Stad"), f"{{{{ sak.sted or '{none}' }}}}"),
        (w("Berørte medlemmer", "Medlemmer det gjeld"), f"{{{{ sak.berorte or '{none}' }}}}"),
        (w("Varslet", "Varsla"), f"{{{{ sak.varslet or '{none}' }}}}"),
        (w("Beslutning", "Avgjerd"), f"{{{{ sak.beslutning or '{none}' }}}}"),
        (
            w("Planlagt iverksatt", "Planlagd iverksetjing"),
            f"{{{{ sak.planlagt_iverksatt or '{none}' }}}}",
        ),
        (w("Iverksatt", "Iverksetjing"), f"{{{{ sak.iverksatt or '{none}' }}}}"),
    ]
    for label, value in rows:
        p = para(doc, f"{label}:\t{value}", after=1)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(4.5))
    para(doc, after=4)
    optional(doc, "sak.beskrivelse", "{{ sak.beskrivelse }}", after=8)
    heading(doc, "Vurdering")
    para(doc, w("Saken krever: ", "Saka krev: ") + "{{ vurdering.niva }}", after=1)
    para(doc, "Tidspunkt: {{ vurdering.tidspunkt }}", after=1)
    para(doc, "Krav: {{ vurdering.kravstatus }}", after=6)
    bullets(doc, "vurdering.grunner")
    tag(doc, "{%p if vurdering.bevismangler %}")
    para(
        doc,
        w("Dette mangler av dokumentasjon:", "Dette manglar av dokumentasjon:"),
        bold=True,
        after=4,
        keep_with_next=True,
    )
    tag(doc, "{%p endif %}")
    bullets_if(doc, "vurdering.bevismangler")
    heading(doc, "Rettsgrunnlag")
    tag(doc, "{%p for h in hjemmel %}")
    para(
        doc,
        "{{ h.sitat[:1]|upper }}{{ h.sitat[1:] }} – {{ h.tittel }}",
        bold=True,
        after=1,
        keep_with_next=True,
    )
    para(
        doc,
        w(
            "{{ h.sammendrag }} Gjelder her: {{ h.grunn }}."
            "{% if not h.kontrollert %} (Paragrafnummeret er ikke kontrollert mot "
            "avtaleteksten; kapittelet er oppgitt.){% endif %}",
            "{{ h.sammendrag }} Gjeld her: {{ h.grunn }}."
            "{% if not h.kontrollert %} (Paragrafnummeret er ikkje kontrollert mot "
            "avtaleteksten; kapittelet er oppgitt.){% endif %}",
        ),
        after=6,
    )
    tag(doc, "{%p endfor %}")
    heading(doc, w("Tidslinje", "Hendingar i saka"))
    _table(
        doc,
        ["Dato", w("Hendelse", "Hending"), w("Deltakere", "Deltakarar"), "Notat"],
        [
            "{{ item.dato }}",
            "{{ item.type }}{% if item.signert %} ({{ item.signert }}){% endif %}",
            "{{ item.deltakere }}",
            "{{ item.notat }}",
        ],
        "hendelser",
        [2.8, 4.2, 3.5, 5.5],
    )
    heading(doc, "Journal")
    _table(
        doc,
        ["Ref.", "Dato", "Tittel", "Retning", "Sendt"],
        [
            "{{ item.ref }}",
            "{{ item.dato }}",
            "{{ item.tittel }}",
            "{{ item.retning }}",
            "{{ item.sendt }}",
        ],
        "dokumenter",
        [2.5, 2.8, 6.0, 2.2, 2.5],
    )
    heading(doc, w("Frister", "Fristar"))
    tag(doc, "{%p for item in frister %}")
    para(
        doc,
        "–\t{{ item.dato }}: {{ item.tittel }} ({{ item.status }})",
        indent=0.75,
        hanging=0.75,
        after=2,
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not frister %}")
    para(doc, w("Ingen frister er registrert.", "Ingen fristar er registrerte."))
    tag(doc, "{%p endif %}")


def protokoll(doc: object) -> None:
    para(doc, w("Utkast", "Utkast"), grey=True, size=9, after=6)
    para(doc, "{{ mote.tittel }}", bold=True, size=16, after=10)
    for label, value in (
        (w("Virksomhet", "Verksemd"), "{{ mottaker.navn }}"),
        (
            "Sak",
            w(
                "{{ sak.tittel }} (de tillitsvalgtes sak\u00a0{{ sak.nummer }})",
                "{{ sak.tittel }} (sak\u00a0{{ sak.nummer }} hos dei tillitsvalde)",
            ),
        ),
    ):
        # A hanging indent: a long value wraps under itself, not under the label.
        para(doc, f"{label}:\t{value}", after=2, indent=5.5, hanging=5.5)
    for label in (
        "Dato og tid",
        w("Sted", "Stad"),
        w("Til stede for arbeidsgiver", "Til stades for arbeidsgjevar"),
    ):
        p = para(doc, f"{label}:\t" + "." * 55, after=6)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(5.5))
    p = para(
        doc,
        w("For de tillitsvalgte:", "For dei tillitsvalde:")
        + "\t{% if avsender.navn %}{{ avsender.navn }}"
        "{% if avsender.rolle %}, {{ avsender.rolle }}{% endif %}, {% endif %}" + "." * 30,
        after=10,
    )
    p.paragraph_format.tab_stops.add_tab_stop(Cm(5.5))
    heading(doc, w("1. Saken og rettsgrunnlaget", "1. Saka og rettsgrunnlaget"))
    body(
        doc,
        w(
            "Saken gjelder {{ sak.omtale }}."
            "{% if sak.varslet %} Arbeidsgiver varslet saken {{ sak.varslet }}.{% endif %}"
            "{% if sak.berorte %} Endringen berører om lag {{ sak.berorte }} medlemmer.{% endif %}",
            "Saka gjeld {{ sak.omtale }}."
            "{% if sak.varslet %} Arbeidsgjevar varsla saka {{ sak.varslet }}.{% endif %}"
            "{% if sak.berorte %} Endringa gjeld om lag {{ sak.berorte }} medlemmer.{% endif %}",
        ),
    )
    optional(doc, "sak.beskrivelse", "{{ sak.beskrivelse }}", after=8)
    body(doc, "{{ hjemmel_avsnitt }}")
    heading(doc, w("2. Bakgrunn og tidligere møter", "2. Bakgrunn og tidlegare møte"))
    tag(doc, "{%p for item in hendelser %}")
    para(doc, "–\t{{ item.dato }}: {{ item.type }}", indent=0.75, hanging=0.75, after=2)
    tag(doc, "{%p endfor %}")
    para(doc, after=4)
    for number, title in (
        (3, w("Dokumenter som ble lagt fram", "Dokument som vart lagde fram")),
        (4, w("De tillitsvalgtes krav", "Krava frå dei tillitsvalde")),
        (5, w("Arbeidsgivers syn", "Synet til arbeidsgjevar")),
        (6, w("De tillitsvalgtes syn", "Synet til dei tillitsvalde")),
        (7, w("Dette er partene enige om", "Dette er partane samde om")),
        (8, w("Dette er partene uenige om", "Dette er partane usamde om")),
        (
            9,
            w(
                "Videre oppfølging: hva skjer, hvem gjør det, når",
                "Vidare oppfølging: kva skjer, kven gjer det, når",
            ),
        ),
        (10, w("Protokolltilførsler", "Protokolltilførslar")),
    ):
        heading(doc, f"{number}. {title}")
        para(doc, "." * 95, after=6, grey=True, keep_with_next=True)
        para(doc, "." * 95, after=6, grey=True)
    # In the state a drøfting ends in a referat that is approved, not signed (HA § 21).
    tag(doc, "{%p if mote.signeres %}")
    para(
        doc,
        w(
            "Protokollen er lest og godkjent av begge parter.",
            "Protokollen er lesen og godkjend av begge partar.",
        ),
        before=12,
        after=30,
        keep_with_next=True,
    )
    p = para(doc, "." * 40 + "\t" + "." * 40, keep_with_next=True)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(8.5))
    p = para(
        doc, w("For arbeidsgiver\tFor de tillitsvalgte", "For arbeidsgjevar\tFor dei tillitsvalde")
    )
    p.paragraph_format.tab_stops.add_tab_stop(Cm(8.5))
    tag(doc, "{%p else %}")
    para(
        doc,
        w("Referatet er godkjent av begge parter.", "Referatet er godkjent av begge partar."),
        before=12,
    )
    tag(doc, "{%p endif %}")


BUILDERS: dict[str, Callable[[object], None]] = {
    "krav_om_drofting": krav_om_drofting,
    "krav_om_forhandling": krav_om_forhandling,
    "krav_om_informasjon": krav_om_informasjon,
    "krav_om_utsatt_iverksetting": krav_om_utsatt_iverksetting,
    "purring": purring,
    "krav_om_hjemmekontoravtale": krav_om_hjemmekontoravtale,
    "protokolltilforsel": protokolltilforsel,
    "saksoppsummering": saksoppsummering,
    "protokoll": protokoll,
}


def build(kind: str, form: str = "nb") -> object:
    _FORM[0] = form
    try:
        doc = _new(form)
        BUILDERS[kind](doc)
        _footer(doc, with_ref=kind not in ("saksoppsummering", "protokoll"))
    finally:
        _FORM[0] = "nb"
    return doc


def file_name(kind: str, form: str) -> str:
    return f"{kind}.docx" if form == "nb" else f"{kind}.{form}.docx"


def main(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for form in FORMS:
        for kind in BUILDERS:
            target = out / file_name(kind, form)
            build(kind, form).save(str(target))  # type: ignore[attr-defined]
            written.append(target)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
