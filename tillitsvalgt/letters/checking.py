"""Checking a letter template a person has edited in Word, and repairing what Word broke.

Word gets in the way of template code in two ways it does not show: it splits a tag such as
``{{ sak.tittel }}`` over several runs of text (after a spelling check, an undo, a change of
font), and its AutoCorrect turns ``"`` into ``«»`` or ``“”`` inside a tag. Both are repaired
on request: the tag's text is put back into one run, with straight quotes.

Beyond that the check finds: Jinja syntax errors (with the paragraph they are in), tags not
closed in the same paragraph, fields that do not exist (with a suggestion), fields only
another kind of letter has, required fields the template leaves out, and — by rendering the
template with the example values of every field — template code that would reach a letter.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tillitsvalgt.file_limits import TEMPLATE_UNPACKED_LIMIT, check_zip_members
from tillitsvalgt.letters.fields import FIELD_NAMES, FIELDS, LIST_FIELDS, TOP_LEVEL, sample_context
from tillitsvalgt.letters.kinds import KINDS, LetterKind

SMART_QUOTES = {
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‹": "'",
    "›": "'",
}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_CLOSE = re.compile(r"\}\}|%\}|#\}")
_LEFTOVER = re.compile(r"\{\{|\{%|%\}|\}\}|\{#|#\}")
# Fields a template may loop over: lists of items (``hjemmel``) and lists of text (``krav``).
_LOOPABLE = LIST_FIELDS | frozenset(f.name for f in FIELDS if isinstance(f.example, list))
_JINJA_GLOBALS = frozenset({"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace"})


@dataclass(frozen=True)
class TemplateProblem:
    message: str
    where: str = ""  # "avsnitt 12: «Vi viser til …»"
    repairable: bool = False

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        fix = " [kan repareres]" if self.repairable else ""
        return f"{self.message}{where}{fix}"


@dataclass
class TemplateCheck:
    problems: list[TemplateProblem] = field(default_factory=list)
    repaired: bytes | None = None  # the template with the repairable problems fixed

    @property
    def errors(self) -> list[TemplateProblem]:
        return [p for p in self.problems if not p.repairable]

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------- paragraphs


def _snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return f"«{text[:width]}…»" if len(text) > width else f"«{text}»"


def _paragraphs(doc: Any) -> Iterator[tuple[str, Any]]:
    """Every paragraph with a name for messages: body (tables included), headers, footers."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for n, p in enumerate(doc.element.body.iter(qn("w:p")), 1):
        yield f"avsnitt {n}", Paragraph(p, doc)
    seen: set[int] = set()
    for section in doc.sections:
        for label, part in (
            ("toppteksten", section.header),
            ("toppteksten (første side)", section.first_page_header),
            ("bunnteksten", section.footer),
            ("bunnteksten (første side)", section.first_page_footer),
        ):
            if part.is_linked_to_previous or id(part.part) in seen:
                continue
            seen.add(id(part.part))
            for n, p in enumerate(part._element.iter(qn("w:p")), 1):
                yield f"{label}, avsnitt {n}", Paragraph(p, part)


def _repair_paragraph(paragraph: Any, where: str, problems: list[TemplateProblem]) -> bool:
    """Report (and fix in place) split tags and smart quotes; report unclosed tags."""
    runs = list(paragraph.runs)
    texts = [r.text for r in runs]
    full = "".join(texts)
    if "{" not in full and "}" not in full:
        return False
    rest = _TAG.sub("", full)
    if _OPEN.search(rest):
        problems.append(
            TemplateProblem(
                "en mal-kode åpnes, men lukkes ikke i samme avsnitt (Word-linjeskift eller "
                "avsnitt midt i koden?)",
                f"{where}: {_snippet(full)}",
            )
        )
    elif _CLOSE.search(rest):
        problems.append(
            TemplateProblem(
                "en mal-kode lukkes uten å være åpnet (mangler «{{» eller «{%»?)",
                f"{where}: {_snippet(full)}",
            )
        )
    starts = []
    offset = 0
    for t in texts:
        starts.append(offset)
        offset += len(t)
    changed = False
    new_texts = list(texts)
    found: list[TemplateProblem] = []
    # Work from the end so earlier offsets stay valid.
    for match in reversed(list(_TAG.finditer(full))):
        start, end = match.span()
        tag = match.group(0)
        fixed = "".join(SMART_QUOTES.get(ch, ch) for ch in tag)
        first = max(i for i, s in enumerate(starts) if s <= start)
        last = max(i for i, s in enumerate(starts) if s < end)
        if last > first:
            found.append(
                TemplateProblem(
                    f"Word har delt mal-koden {_snippet(tag, 40)} i {last - first + 1} tekstbiter",
                    where,
                    repairable=True,
                )
            )
        if fixed != tag:
            found.append(
                TemplateProblem(
                    f"typografiske anførselstegn i mal-koden {_snippet(tag, 40)} (Word "
                    "Autokorrektur); de må være rette",
                    where,
                    repairable=True,
                )
            )
        if fixed == tag and last == first:
            continue
        changed = True
        # The whole tag goes into the run where it starts; later runs lose their part.
        head = new_texts[first][: start - starts[first]]
        tail = (
            new_texts[last][end - starts[last] :]
            if last > first
            else new_texts[first][end - starts[first] :]
        )
        if last > first:
            new_texts[first] = head + fixed
            for i in range(first + 1, last):
                new_texts[i] = ""
            new_texts[last] = tail
        else:
            new_texts[first] = head + fixed + tail
    problems.extend(reversed(found))
    if changed:
        for run, old, new in zip(runs, texts, new_texts, strict=True):
            if old != new:
                run.text = new
    return changed


# --------------------------------------------------------------------------- fields used


def _dotted(node: Any, aliases: dict[str, str]) -> str | None:
    from jinja2 import nodes

    parts: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
        ):
            parts.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            head = aliases.get(node.name, node.name)
            return ".".join([head, *reversed(parts)])
        else:
            return None


def fields_used(template_source: Any) -> tuple[set[str], set[str]]:
    """(dotted field names the template reads, loop-variable names it declares). A loop
    variable stands for an item of its list: in ``{% for h in hjemmel %}``, ``h.sitat`` is
    ``hjemmel[].sitat`` — inside that loop only (the same name may serve several loops)."""
    from jinja2 import nodes

    used: set[str] = set()
    declared: set[str] = set()

    def visit(node: Any, aliases: dict[str, str]) -> None:
        if isinstance(node, nodes.For):
            visit(node.iter, aliases)
            inner = dict(aliases)
            if isinstance(node.target, nodes.Name):
                declared.add(node.target.name)
                iterable = _dotted(node.iter, aliases)
                if iterable is not None:
                    inner[node.target.name] = f"{iterable}[]"
            for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
                visit(child, inner)
            return
        if isinstance(node, nodes.Assign):
            declared.update(n.name for n in node.target.find_all(nodes.Name))
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            name = _dotted(node, aliases)
            if name is not None:
                used.add(name)
                # Only the subscripts of the chain can hold further names.
                chain: Any = node
                while isinstance(chain, (nodes.Getattr, nodes.Getitem)):
                    if isinstance(chain, nodes.Getitem):
                        visit(chain.arg, aliases)
                    chain = chain.node
                return
        if isinstance(node, nodes.Name) and node.ctx == "load":
            used.add(aliases.get(node.name, node.name))
        for child in node.iter_child_nodes():
            visit(child, aliases)

    visit(template_source, {})
    return used, declared


def _field_problems(
    used: set[str], declared: set[str], kind: LetterKind | None
) -> list[TemplateProblem]:
    problems: list[TemplateProblem] = []
    only_for = {f.name: f.kinds for f in FIELDS if f.kinds}
    for name in sorted(used):
        head = name.split(".")[0].split("[]")[0]
        if (head in declared and head not in TOP_LEVEL) or head in _JINJA_GLOBALS:
            continue
        if name.endswith("[]") and name[:-2] in _LOOPABLE:
            continue
        if name in FIELD_NAMES or name in LIST_FIELDS:
            pass
        elif head in TOP_LEVEL and "." not in name and "[]" not in name:
            continue  # a group such as "avsender" itself (e.g. in {% if avsender %})
        else:
            guess = difflib.get_close_matches(name, sorted(FIELD_NAMES), n=1, cutoff=0.6)
            hint = f" Mente du «{guess[0]}»?" if guess else " Se docs/maler.md for feltene."
            problems.append(TemplateProblem(f"feltet «{name}» finnes ikke.{hint}"))
            continue
        kinds = only_for.get(name)
        if kind is not None and kinds and kind.code not in kinds:
            names = ", ".join(KINDS[k].label.lower() for k in kinds)
            problems.append(
                TemplateProblem(
                    f"feltet «{name}» fylles bare ut i {names}, ikke i {kind.label.lower()}"
                )
            )
    if kind is not None:
        for alternatives in kind.required:
            if not any(_uses(used, a) for a in alternatives):
                names = " eller ".join(f"«{a}»" for a in alternatives)
                problems.append(
                    TemplateProblem(f"malen bruker ikke {names}, som {kind.label.lower()} må ha")
                )
    return problems


def _uses(used: set[str], name: str) -> bool:
    return any(u == name or u.startswith(name + ".") or u.startswith(name + "[]") for u in used)


# --------------------------------------------------------------------------- the check


def _part_xmls(doc: Any) -> Iterator[tuple[str, str]]:
    from lxml import etree

    yield "dokumentet", etree.tostring(doc.element.body, encoding="unicode")
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external:
            name = "toppteksten" if rel.reltype.endswith("/header") else "bunnteksten"
            yield name, etree.tostring(rel.target_part.element, encoding="unicode")


def _syntax(doc: Any) -> tuple[list[TemplateProblem], list[Any]]:
    from jinja2 import TemplateSyntaxError

    from tillitsvalgt.letters.render import _template_class, environment

    problems: list[TemplateProblem] = []
    parsed: list[Any] = []
    patch = _template_class().patch_xml  # as the render patches it
    for part, xml in _part_xmls(doc):
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", patch(None, xml))
        try:
            parsed.append(environment().parse(source))
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            line = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
            text = re.sub(r"<[^>]+>", "", line)
            problems.append(
                TemplateProblem(f"feil i mal-koden: {exc.message}", f"{part}: {_snippet(text)}")
            )
    return problems, parsed


def check_template(data: bytes, kind: str | None = None) -> TemplateCheck:
    """Check a ``.docx`` template (for ``kind``, when given: then required fields too)."""
    from docx import Document

    result = TemplateCheck()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        result.problems.append(TemplateProblem("filen er ikke en Word-fil (.docx)"))
        return result
    too_big = check_zip_members(data, limit=TEMPLATE_UNPACKED_LIMIT, what="Word-filen")
    if too_big is not None:  # unpacking it would take minutes and gigabytes
        result.problems.append(TemplateProblem(too_big))
        return result
    try:
        doc = Document(io.BytesIO(data))
        # A package whose main part is not a Word document (another root element) opens,
        # then fails on first use: read the paragraphs here, where that is a message.
        paragraphs = list(_paragraphs(doc))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        result.problems.append(TemplateProblem(f"Word-filen kan ikke leses ({exc})"))
        return result
    spec = KINDS.get(kind) if kind else None
    changed = False
    for where, paragraph in paragraphs:
        changed |= _repair_paragraph(paragraph, where, result.problems)
    if changed:
        out = io.BytesIO()
        doc.save(out)
        result.repaired = _stable(out.getvalue())
    try:
        return _check_code(doc, data, spec, result)
    except RecursionError:  # Jinja parses and compiles recursively
        result.problems.append(_TOO_DEEP)
        return result


_TOO_DEEP = TemplateProblem(
    "mal-koden er nøstet for dypt (svært mange parenteser, ledd eller blokker inni hverandre)"
)


def _check_code(
    doc: Any, data: bytes, spec: LetterKind | None, result: TemplateCheck
) -> TemplateCheck:
    """The template code: syntax, the fields it uses, and a trial render."""
    syntax, parsed = _syntax(doc)
    result.problems.extend(syntax)
    if syntax:
        return result
    used: set[str] = set()
    declared: set[str] = set()
    for tree in parsed:
        u, d = fields_used(tree)
        used |= u
        declared |= d
    fields = _field_problems(used, declared, spec)
    result.problems.extend(fields)
    if fields or any(not p.repairable for p in result.problems):
        return result
    result.problems.extend(_probe(result.repaired or data))
    return result


def _stable(package: bytes) -> bytes:
    """The package with every entry dated 1980-01-01: python-docx stamps entries with the
    time of saving, so the same template repaired twice (the check, then «--repair») gave
    different bytes whenever the two saves fell in different seconds."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def _probe(data: bytes) -> list[TemplateProblem]:
    """Render with every field's example and look for template code left in the text."""
    from tillitsvalgt.letters.fields import MissingValueError
    from tillitsvalgt.letters.render import TemplateError, docx_text, render_docx

    try:
        text = docx_text(render_docx(data, sample_context(), origin="under kontroll"))
    except (TemplateError, MissingValueError) as exc:
        return [TemplateProblem(exc.message.replace("Malen under kontroll: ", ""))]
    problems = []
    for line in text.splitlines():
        if _LEFTOVER.search(line):
            problems.append(
                TemplateProblem(
                    "mal-kode som ikke blir tolket, ville stått i brevet", _snippet(line)
                )
            )
    return problems


def repair_template(data: bytes) -> tuple[bytes, list[TemplateProblem]]:
    """The template with split tags joined and smart quotes straightened (unchanged when
    there was nothing to repair), and what was repaired."""
    result = check_template(data)
    repaired = [p for p in result.problems if p.repairable]
    return (result.repaired or data), repaired
