"""Where a letter's template comes from: the union office's folder when it has a file for
the kind, else the built-in one. A custom template is checked before every render (the
result is cached while the file is unchanged); errors stop the letter, and what Word broke
but can be repaired is repaired in memory, with a warning."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tillitsvalgt import paths
from tillitsvalgt.errors import UserError, os_reason
from tillitsvalgt.file_limits import TEMPLATE_LIMIT, read_limited
from tillitsvalgt.letters.checking import TemplateCheck, check_template
from tillitsvalgt.letters.folder import TEMPLATES_ENV as TEMPLATES_ENV
from tillitsvalgt.letters.folder import template_folder as template_folder
from tillitsvalgt.letters.kinds import letter_kind
from tillitsvalgt.letters.render import TemplateError

BUILTIN = "innebygd"


@dataclass(frozen=True)
class LoadedTemplate:
    kind: str
    origin: str  # "innebygd" or the custom file's path
    data: bytes  # ready to render
    warnings: tuple[str, ...] = ()


def template_name(kind: str, form: str = "nb") -> str:
    """``krav_om_drofting.docx`` (bokmål), ``krav_om_drofting.nn.docx`` (nynorsk)."""
    code = letter_kind(kind).code
    return f"{code}.docx" if form == "nb" else f"{code}.{form}.docx"


def builtin_path(kind: str, form: str = "nb") -> Path:
    return paths.resource_path("templates", template_name(kind, form))


@cache
def _builtin(kind: str, form: str = "nb") -> bytes:
    return builtin_path(kind, form).read_bytes()


_CHECKED: dict[tuple[str, str], TemplateCheck] = {}


def _checked(kind: str, data: bytes) -> TemplateCheck:
    """The check of a custom template, once per content (the file is re-read for every
    letter, so an edit in Word is seen at once)."""
    key = (hashlib.sha256(data).hexdigest(), kind)
    if key not in _CHECKED:
        _CHECKED[key] = check_template(data, kind)
    return _CHECKED[key]


def load_template(kind: str, folder: Path | None = None, form: str = "nb") -> LoadedTemplate:
    """The template for ``kind`` in the written form ``form``: the office's own file
    (``<kind>.docx``, nynorsk ``<kind>.nn.docx``) when it has one, else the built-in one.
    An office with only a bokmål file gets the built-in nynorsk template, with a warning,
    rather than its bokmål wording around nynorsk sentences."""
    code = letter_kind(kind).code
    if folder is not None:
        if not folder.is_dir():
            raise TemplateError(
                f"Malmappen {folder} finnes ikke. Rett innstillingen «templates», eller fjern "
                "den (tillitsvalgt settings templates --unset) for å bruke de innebygde malene."
            )
        custom = folder / template_name(code, form)
        other = folder / template_name(code, "nb")
        if form != "nb" and not custom.is_file() and other.is_file():
            return LoadedTemplate(
                code,
                BUILTIN,
                _builtin(code, form),
                (
                    f"Malmappen har {other.name}, men ingen nynorskmal {custom.name}; den "
                    "innebygde nynorskmalen er brukt.",
                ),
            )
        if custom.is_file():
            try:
                data = read_limited(custom, TEMPLATE_LIMIT, what="Malen")
            except UserError as exc:
                raise TemplateError(exc.message) from None
            except OSError as exc:
                raise TemplateError(f"Malen {custom} kan ikke leses: {os_reason(exc)}.") from None
            result = _checked(code, data)
            if not result.ok:
                lines = "\n".join(f"  – {p}" for p in result.errors)
                raise TemplateError(
                    f"Malen {custom} har feil og kan ikke brukes:\n{lines}\nRett malen i Word "
                    f"og kontroller den med «tillitsvalgt templates check {custom}»."
                )
            warnings = tuple(
                f"{custom}: {p} – reparert for dette brevet; kjør «tillitsvalgt templates "
                f"check --repair {custom}» for å rette filen."
                for p in result.problems
                if p.repairable
            )
            return LoadedTemplate(code, str(custom), result.repaired or data, warnings)
    return LoadedTemplate(code, BUILTIN, _builtin(code, form))
