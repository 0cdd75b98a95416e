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

import io
import re
from collections.abc import Mapping
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


@cache
def environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class _CompilingOnce(SandboxedEnvironment):
        # docxtpl compiles the whole document XML with from_string for every letter; that
        # was about 40 % of a letter's time (benchmarks/README.md, Letters). The source
        # is the template's own XML, so a compiled template can be reused as it is.
        _compiled: ClassVar[dict[str, Any]] = {}

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            found = self._compiled.get(source)
            if found is None:
                if len(self._compiled) >= 64:
                    self._compiled.clear()
                found = self._compiled[source] = super().from_string(source)
            return found

    # autoescape=True also makes docxtpl escape; StrictUndefined makes an unknown field an
    # error instead of an empty string.
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined)


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
        return "malen prøver å nå interne deler av programmet, og det er ikke tillatt"
    if isinstance(exc, TemplateSyntaxError):
        return f"feil i malkoden: {exc.message}"
    return f"malen kan ikke fylles ut: {exc}"


def render_docx(template: bytes, context: Mapping[str, Any], *, origin: str) -> bytes:
    """The letter as ``.docx`` bytes. ``origin`` names the template in messages."""
    from jinja2 import TemplateError as JinjaError

    tpl = _template_class()(io.BytesIO(template))
    try:
        tpl.render(dict(context), jinja_env=environment(), autoescape=True)
    except MissingValueError:
        raise
    except JinjaError as exc:
        raise TemplateError(f"Malen {origin}: {_explain(exc)}.") from None
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"Malen {origin}: {_explain(exc)}.") from None
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
