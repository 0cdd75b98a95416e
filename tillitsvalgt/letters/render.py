"""Rendering a letter: a ``.docx`` template and a context in, the bytes of a ``.docx`` out.

Safety, since templates may come from a union office and data from anyone:
* the template runs in Jinja's sandbox (no reaching Python internals from a template);
* every value is escaped (autoescape), so ``&``, ``<`` and quotes are text, not XML;
* values are never parsed as template code: ``{{ 7*7 }}`` typed into a case is printed as
  typed. docxtpl turns ``{_{`` in its output into ``{{`` (an escape for template authors);
  ``_LiteralDocxTemplate`` leaves that out, so such text, too, is printed as typed;
* a value the case lacks stops the render with a message naming the field
  (``fields.Missing``), and so does a field the template asks for that does not exist.

docxtpl and python-docx are imported on first use (≈0.2 s), not when the app starts."""

from __future__ import annotations

import contextvars
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.fields import MissingValueError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


class TemplateError(UserError):
    """A template that cannot make a letter; the message says what to fix and where."""


_PARAGRAPH_END = "\x00"  # never in XML, so never in a template's own text


@cache
def _template_class() -> Any:
    import re as _re

    from docxtpl import DocxTemplate

    class _LiteralDocxTemplate(DocxTemplate):  # type: ignore[misc]
        def patch_xml(self, src_xml: str) -> str:
            # docxtpl joins "{" + XML tags + "{" into "{{" to mend a tag Word split over
            # runs; unguarded, that also glues a paragraph ending in "{" to a tag that
            # opens the next one. A mark after each paragraph keeps tags in their paragraph.
            marked = src_xml.replace("</w:p>", "</w:p>" + _PARAGRAPH_END)
            return str(DocxTemplate.patch_xml(self, marked)).replace(_PARAGRAPH_END, "")

        # docxtpl's render_xml_part, minus its "{_{" -> "{{" replacement (see module doc).
        def render_xml_part(
            self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
        ) -> str:
            src_xml = _re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            self.current_rendering_part = part
            template = jinja_env.from_string(src_xml)
            dst_xml = template.render(context)
            dst_xml = _re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            return str(self.resolve_listing(dst_xml))

    return _LiteralDocxTemplate


# Limits on what one render may do: a template is data, and data must not be able to hang
# the app or fill its memory. A real letter uses a tiny fraction of each.
MAX_LOOP_STEPS = 100_000  # loop iterations in one render, all loops together
MAX_TEXT = 1_000_000  # characters or items one expression may make ("x" * n, center(n))
_STEPS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("template_steps")
_WIDE = re.compile(r"%[-+ #0]*(\d{5,})|\{[^{}]*:[^{}]*?(\d{5,})")


def _too_much(what: str) -> Exception:
    from jinja2.exceptions import SecurityError

    return SecurityError(f"too much work: {what}")


def _bounded(iterable: Any) -> Iterator[Any]:
    """Every {% for %} goes through this (see ``environment``): it counts the steps of all
    loops of the render, so nested loops cannot multiply into hours."""
    steps = _STEPS.get(None)
    if steps is None:
        steps = [0]
        _STEPS.set(steps)
    for item in iterable:
        steps[0] += 1
        if steps[0] > MAX_LOOP_STEPS:
            raise _too_much("loops")
        yield item


def _width(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@cache
def environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined, TemplateSyntaxError, filters, nodes
    from jinja2.sandbox import SandboxedEnvironment

    class _CompilingOnce(SandboxedEnvironment):
        # docxtpl compiles the whole document XML with from_string for every letter; that
        # was about 40 % of a letter's time (benchmarks/README.md, Letters). The source
        # is the template's own XML, so a compiled template can be reused as it is.
        _compiled: ClassVar[dict[str, Any]] = {}
        intercepted_binops = frozenset({"*", "**", "%"})

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            found = self._compiled.get(source)
            if found is None:
                if len(self._compiled) >= 64:
                    self._compiled.clear()
                found = self._compiled[source] = super().from_string(source)
            return found

        def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:
            # Wrap every loop's iterable in _bounded (after parsing, so the template check,
            # which reads the parsed tree, sees the template as written).
            tree = self._parse(source, None, None) if isinstance(source, str) else source
            for loop in tree.find_all(nodes.For):
                if loop.recursive:  # loop(…) would run past the step count, without end
                    raise TemplateSyntaxError(
                        "rekursive løkker (recursive) er ikke tillatt i brevmaler", loop.lineno
                    )
                loop.iter = nodes.Call(
                    nodes.Name("_tv_bounded", "load"), [loop.iter], [], None, None
                )
            return super().compile(tree, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and len(seq) * _width(n) > MAX_TEXT:
                        raise _too_much("*")
            elif operator == "**":
                if isinstance(right, (int, float)) and abs(right) > 64:
                    raise _too_much("**")
            elif operator == "%" and isinstance(left, str) and _WIDE.search(left):
                raise _too_much("%")
            return super().call_binop(context, operator, left, right)

        def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            # str.format("{:>999999999}") would build a huge string
            if getattr(__obj, "__name__", "") in ("format", "format_map"):
                bound = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
                template = getattr(bound, "__self__", None)
                if isinstance(template, str) and _WIDE.search(template):
                    raise _too_much("format")
            return super().call(__context, __obj, *args, **kwargs)

    # autoescape=True also makes docxtpl escape; StrictUndefined makes an unknown field an
    # error instead of an empty string.
    env = _CompilingOnce(autoescape=True, undefined=StrictUndefined)
    env.globals["_tv_bounded"] = _bounded
    env.globals.pop("lipsum", None)  # lipsum(n) writes n paragraphs: no use in a letter

    def capped(name: str, *positions: int) -> Any:
        original = filters.FILTERS[name]

        def check(*args: Any, **kwargs: Any) -> Any:
            widths = [args[i] for i in positions if i < len(args)] + list(kwargs.values())
            if any(_width(w) > MAX_TEXT for w in widths):
                raise _too_much(name)
            if name == "format" and isinstance(args[0], str) and _WIDE.search(args[0]):
                raise _too_much(name)
            return original(*args, **kwargs)

        check.__dict__.update(original.__dict__)  # keeps Jinja's pass_* markers
        return check

    env.filters["center"] = capped("center", 1)
    env.filters["indent"] = capped("indent", 1)
    env.filters["wordwrap"] = capped("wordwrap", 2)
    env.filters["format"] = capped("format")
    return env


_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _explain(exc: Exception) -> str:
    """A Jinja error in Norwegian, for the people who edit templates."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, UndefinedError):
        match = _UNDEFINED.search(str(exc))
        name = next((g for g in match.groups() if g), "?") if match else "?"
        return f"malen bruker feltet «{name}», som ikke finnes (se docs/maler.md)"
    if isinstance(exc, SecurityError):
        if str(exc).startswith("too much work"):
            return (
                "malen gjør for mye arbeid (svært mange gjentakelser eller svært lang tekst); "
                "et brev trenger ikke det"
            )
        return "malen prøver å nå interne deler av programmet, og det er ikke tillatt"
    if isinstance(exc, TemplateSyntaxError):
        return f"feil i malkoden: {exc.message}"
    return f"malen kan ikke fylles ut: {exc}"


def render_docx(
    template: bytes, context: Mapping[str, Any], *, origin: str, stamp: Stamp | None = None
) -> bytes:
    """The letter as ``.docx`` bytes. ``origin`` names the template in messages; ``stamp``
    gives the document its own properties."""
    from jinja2 import TemplateError as JinjaError

    tpl = _template_class()(io.BytesIO(template))
    budget = _STEPS.set([0])  # each letter gets the whole loop budget
    try:
        tpl.render(dict(context), jinja_env=environment(), autoescape=True)
    except MissingValueError:
        raise
    except JinjaError as exc:
        raise TemplateError(f"Malen {origin}: {_explain(exc)}.") from None
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"Malen {origin}: {_explain(exc)}.") from None
    except RecursionError:  # Jinja parses recursively: code nested thousands deep
        raise TemplateError(
            f"Malen {origin}: mal-koden er nøstet for dypt (svært mange parenteser, ledd "
            "eller blokker inni hverandre)."
        ) from None
    finally:
        _STEPS.reset(budget)
    if stamp is not None:
        _stamp(tpl.docx, stamp)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """The text of a ``.docx``, paragraph by paragraph, tables included, headers and footers
    first: for the preview and for reading letters back in tests."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines: list[str] = []
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            lines.extend(p.text for p in part.paragraphs if p.text.strip())
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(block))
        elif tag == "tbl":
            for row in block.iter("{*}tr"):
                cells = []
                for cell in row.iter("{*}tc"):
                    cells.append("\n".join(_paragraph_text(p) for p in cell.iter("{*}p")))
                lines.append(" | ".join(cells))
    for section in doc.sections:
        for footer in (section.footer, section.first_page_footer):
            # Through the XML: page-number fields (w:fldSimple) hold their text in runs
            # python-docx's Paragraph.text does not see.
            texts = (_paragraph_text(p._p) for p in footer.paragraphs)
            lines.extend(t for t in texts if t.strip())
    return "\n".join(lines)


def _paragraph_text(paragraph: Any) -> str:
    out: list[str] = []
    for element in paragraph.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.endswith("}t"):
            out.append(element.text or "")
        elif tag.endswith(("}br", "}tab")) and element.getparent().tag.endswith("}r"):
            # (a w:tab outside a run is a tab stop in the paragraph's properties)
            out.append("\n" if tag.endswith("}br") else "\t")
    return "".join(out)


@dataclass(frozen=True)
class Stamp:
    """A letter's own document properties, instead of its template's."""

    author: str
    title: str
    created: datetime
    language: str = "nb-NO"


def _stamp(doc: Any, stamp: Stamp) -> None:
    """Who wrote the letter, its subject as the title, when it was made, and the language
    Word and LibreOffice proofread it in (a union office's template may carry
    python-docx's «en-US» and its 2013 dates)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = doc.core_properties
    props.author = props.last_modified_by = stamp.author[:255]
    props.title = stamp.title[:255]
    props.subject = props.comments = props.keywords = props.category = ""
    props.created = props.modified = stamp.created
    props.revision = 1
    props.language = stamp.language
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(OxmlElement("w:lang"))
    # Styles that name another language would override the default.
    for lang in styles.iter(qn("w:lang")):
        for name in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(name), stamp.language)
