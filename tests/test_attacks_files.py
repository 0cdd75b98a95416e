"""Attacks through files a union office or a user supplies: letter templates (.docx with
Jinja code) and the legal catalogue (TOML). Every file is refused with a clear message or
used safely; no code from a file ever runs, and nothing hangs or crashes."""

from __future__ import annotations

import contextlib
import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.checking import check_template
from tillitsvalgt.letters.fields import MissingValueError, sample_context
from tillitsvalgt.letters.render import TemplateError, docx_text, render_docx
from tillitsvalgt.letters.templates import builtin_path, load_template
from tillitsvalgt.rules.catalogue import builtin_path as catalogue_path
from tillitsvalgt.rules.catalogue import catalogue_for, check_text

from helpers.attacks import ATTACK

KIND = "krav_om_drofting"
BUILTIN = builtin_path(KIND).read_bytes()


def with_paragraph(text: str) -> bytes:
    """The built-in template with one more paragraph (as a person would add in Word)."""
    from docx import Document

    doc = Document(io.BytesIO(BUILTIN))
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _check_and_render(data: bytes) -> None:
    """What the app does with a custom template: check it, and render it if it passes.
    Only our errors may come out."""
    result = check_template(data, KIND)
    assert all(str(p).strip() for p in result.problems)
    if result.ok:
        with contextlib.suppress(TemplateError, MissingValueError):
            render_docx(result.repaired or data, sample_context(), origin="prøve")


# --------------------------------------------------------------------------- code from data


def _escapes(marker: Path) -> list[str]:
    """Template code that would create ``marker`` if any of it ran as Python."""
    cmd = f"touch {marker}"
    return [
        f"{{{{ cycler.__init__.__globals__.os.system('{cmd}') }}}}",
        f"{{{{ joiner.__init__.__globals__['os'].system('{cmd}') }}}}",
        f"{{{{ namespace.__init__.__globals__.os.popen('{cmd}').read() }}}}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
        "{{ self._TemplateReference__context.cycler.__init__.__globals__.os"
        f".system('{cmd}') }}}}",
        f"{{{{ range.__globals__ }}}}{{{{ lipsum.__globals__['os'].system('{cmd}') }}}}",
        f"{{% set o = cycler.__init__.__globals__.os %}}{{{{ o.system('{cmd}') }}}}",
        f"{{% import 'os' as os %}}{{{{ os.system('{cmd}') }}}}",
        "{% import os %}",
        f"{{% include '{marker}' %}}",
        f"{{{{ sak.tittel.__class__.__init__.__globals__.os.system('{cmd}') }}}}",
        "{{ sak.tittel|attr('__class__') }}",
        "{{ '{0.__class__.__mro__}'.format('') }}",
        "{{ '%s'|format(sak.__class__) }}",
        "{{ config }}{{ request }}{{ self }}",
        f"{{{{ open('{marker}', 'w') }}}}",
        f"{{{{ __import__('os').system('{cmd}') }}}}",
    ]


def test_template_code_never_runs_python(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    for code in _escapes(marker):
        data = with_paragraph(code)
        result = check_template(data, KIND)
        assert not result.ok, code  # every one of them is refused by the check …
        # … and rendering it anyway (as if the check were skipped) runs nothing either
        with contextlib.suppress(TemplateError, MissingValueError):
            render_docx(data, sample_context(), origin="prøve")
        assert not marker.exists(), code


def test_a_template_that_tries_to_reach_python_gets_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    (folder / f"{KIND}.docx").write_bytes(with_paragraph("{{ ''.__class__.__mro__ }}"))
    with pytest.raises(TemplateError, match="interne deler"):
        load_template(KIND, folder)


@pytest.mark.parametrize(
    "code",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{{ 'x' * 100000000 }}",
        "{{ range(10)|list * 100000000 }}",
        "{{ 'a'|center(1000000000) }}",
        "{{ 'a'|indent(1000000000, true) }}",
        "{{ '%0999999999d' % 1 }}",
        "{{ '%0999999999d'|format(1) }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{{ 2 ** 99999999 }}",
        "{{ lipsum(100000) }}",
    ],
)
def test_huge_work_in_a_template_is_refused_quickly(code: str) -> None:
    """Bug: nested loops, string multiplication and wide formats were run as written: the
    template check hung (minutes, gigabytes) before saying anything."""
    started = time.monotonic()
    result = check_template(with_paragraph(code), KIND)
    assert time.monotonic() - started < 10
    assert not result.ok, code
    assert any("for mye arbeid" in str(p) or "ikke finnes" in str(p) for p in result.errors)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "nøstet for dypt"),
        ("{{ 1" + " + 1" * 5000 + " }}", "nøstet for dypt"),
        ("{% if 1 %}" * 500 + "x" + "{% endif %}" * 500, "nøstet for dypt"),
        ("{% for i in range(10) recursive %}{{ loop(range(10)) }}{% endfor %}", "rekursive"),
        (
            "{% for i in range(50) recursive %}{% if loop.depth < 6 %}{{ loop(range(50)) }}"
            "{% endif %}{% endfor %}",
            "rekursive",
        ),
    ],
)
def test_deeply_nested_or_recursive_template_code_is_refused(code: str, message: str) -> None:
    """Bug: Jinja parses and compiles recursively, so code nested thousands deep raised
    RecursionError out of the template check; a recursive loop calls itself past the loop
    step count (without end, or 50^6 times)."""
    result = check_template(with_paragraph(code), KIND)
    assert not result.ok
    assert any(message in str(p) for p in result.errors), result.errors
    with pytest.raises(TemplateError, match=message):
        render_docx(with_paragraph(code), sample_context(), origin="prøve")


def test_a_letter_gets_the_whole_loop_budget_each_time() -> None:
    """The step budget is per letter: many letters in a row still render."""
    data = with_paragraph("{% for i in range(60000) %}{% endfor %}ferdig")
    for _ in range(3):
        assert "ferdig" in docx_text(render_docx(data, sample_context(), origin="prøve"))


jinja_pieces = st.sampled_from(
    [
        "{{",
        "}}",
        "{%",
        "%}",
        "{#",
        "#}",
        " for x in ",
        " endfor ",
        " if ",
        " endif ",
        " set y = ",
        "range(",
        "100000",
        ")",
        "(",
        "'x'",
        " * ",
        " ** ",
        " % ",
        "|center(",
        "|format(",
        "|attr(",
        ".format(",
        "hjemmel",
        "sak.tittel",
        "x",
        "y",
        "loop.index",
        "__class__",
        "__globals__",
        ".mro()",
        "[0]",
        ",",
        "«",
        "»",
        "“",
        "<w:p>",
        "&amp;",
        "\\",
        " ",
    ]
)


@ATTACK
@given(pieces=st.lists(jinja_pieces, max_size=14))
def test_any_template_code_is_refused_clearly_or_rendered(pieces: list[str]) -> None:
    started = time.monotonic()
    _check_and_render(with_paragraph("".join(pieces)))
    assert time.monotonic() - started < 10


# --------------------------------------------------------------------------- damaged files


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def _replace(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(BUILTIN)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == name else src.read(info))
    return out.getvalue()


DAMAGED = {
    "empty": b"",
    "text": b"Hei, dette er ikke en mal",
    "zip, not a docx": _zip({"hei.txt": b"hei"}),
    "broken document.xml": _replace("word/document.xml", b"<w:document><w:body><w:p>"),
    "document.xml not XML": _replace("word/document.xml", b"\x00\xff\xfe garbage"),
    "broken content types": _replace("[Content_Types].xml", b"<Types"),
    "broken relationships": _replace("word/_rels/document.xml.rels", b"<Relationships"),
    # Bug: python-docx opened it, then check_template crashed with AttributeError (no body)
    "document.xml of another kind": _replace("word/document.xml", b"<d/>"),
    "XML bomb": _replace(
        "word/document.xml",
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        b"]><d>&c;</d>",
    ),
    "truncated": BUILTIN[: len(BUILTIN) // 2],
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_a_damaged_template_is_refused_with_a_message(name: str, tmp_path: Path) -> None:
    result = check_template(DAMAGED[name], KIND)
    assert not result.ok
    folder = tmp_path / "maler"
    folder.mkdir()
    (folder / f"{KIND}.docx").write_bytes(DAMAGED[name])
    with pytest.raises(TemplateError) as caught:
        load_template(KIND, folder)
    assert "kan ikke brukes" in str(caught.value)


@ATTACK
@given(
    position=st.integers(0, len(BUILTIN) - 1),
    junk=st.binary(min_size=1, max_size=64),
)
def test_randomly_damaged_template_bytes_never_crash(position: int, junk: bytes) -> None:
    _check_and_render(BUILTIN[:position] + junk + BUILTIN[position + len(junk) :])


# --------------------------------------------------------------------------- the catalogue

CATALOGUE = catalogue_path().read_text(encoding="utf-8")
toml_pieces = st.sampled_from(
    [
        "\n",
        "[[provision]]\n",
        "[[agreement]]\n",
        "[provision]\n",
        "key = ",
        "version = ",
        "case_types = ",
        "verified = ",
        "min_employees = ",
        '"aml:8-2"',
        '"2026-11-22"',
        "2026-11-22",
        "true",
        "99999999999999999999999",
        "[",
        "]",
        "{",
        "}",
        '"""',
        "'",
        '"\\ud800"',
        '"\\u0000"',
        "#",
        "=",
        ".",
        "inf",
        "nan",
        "ø",
        "\x00",
    ]
)


@ATTACK
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.lists(toml_pieces, max_size=30).map("".join),
        st.builds(
            lambda cut, extra: CATALOGUE[:cut] + extra + CATALOGUE[cut:],
            st.integers(0, len(CATALOGUE)),
            st.lists(toml_pieces, max_size=5).map("".join),
        ),
    )
)
def test_any_catalogue_text_gives_problems_by_line_or_a_catalogue(text: str) -> None:
    problems = check_text(text)
    for p in problems:
        assert p.message.strip() and (p.line is None or p.line >= 1)


@ATTACK
@given(data=st.binary(max_size=300))
def test_any_catalogue_file_falls_back_to_the_builtin_with_messages(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    file = tmp_path_factory.mktemp("katalog") / "katalog.toml"
    file.write_bytes(data)
    catalogue, messages = catalogue_for(file)
    assert catalogue.provisions
    assert messages or catalogue.origin == str(file)


def test_deep_catalogue_nesting_is_a_problem_not_a_crash() -> None:
    problems = check_text("version = " + "[" * 50_000 + "]" * 50_000)
    assert problems


# --------------------------------------------------------------------------- the checklist


def test_the_shipped_checklist_fits_the_database() -> None:
    """checklist.toml is shipped, not user data (a broken one is a bug, as for the built-in
    catalogue); what it must hold is that every key fits the answers' column."""
    from tillitsvalgt.rules.checklist import GROUPS, checklist_items
    from tillitsvalgt.shapes import ChecklistAnswerSet

    items = checklist_items()
    assert len({i.key for i in items}) == len(items)
    for item in items:
        assert item.group in GROUPS and item.label.strip() and item.demand.strip()
        assert ChecklistAnswerSet(item_key=item.key).item_key == item.key


def test_a_folder_in_place_of_a_template_falls_back_to_the_builtin(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    (folder / f"{KIND}.docx").mkdir()  # a folder where the file should be
    assert load_template(KIND, folder).origin == "innebygd"


# --------------------------------------------------------------------------- the settings file


@pytest.mark.parametrize(
    "content",
    [
        '{"templates": 5}',  # Path(5): TypeError when the app started
        '{"catalogue": ["a.toml"]}',
        '{"profile": {"uuid": 1}}',
        '{"union": null}',
        "[" * 100_000,  # RecursionError from the JSON parser
        "{not json",
        "\xff\xfe",
    ],
)
def test_a_damaged_settings_file_is_a_clear_message(tmp_path: Path, content: str) -> None:
    """Bug: a setting that was not text (or JSON nested beyond the parser) crashed
    Workspace.open with TypeError or RecursionError instead of naming the file."""
    from tillitsvalgt.workspace import Workspace

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(content, encoding="latin-1")
    with pytest.raises(UserError, match=r"settings\.json"):
        Workspace.open(data_dir=data_dir).close()


def test_repairing_a_template_twice_gives_the_same_bytes() -> None:
    """Bug (a flaky test, found here): python-docx dates zip entries with the time of
    saving, so two repairs of one template differed when they fell in different seconds."""
    from docx import Document

    from tillitsvalgt.letters.checking import repair_template

    doc = Document(io.BytesIO(BUILTIN))
    paragraph = doc.add_paragraph()
    for text in ["Saken gjelder {{ sak.", "tit", "tel }} nå."]:
        paragraph.add_run(text)
    out = io.BytesIO()
    doc.save(out)
    first, _ = repair_template(out.getvalue())
    time.sleep(2.1)  # the zip format dates entries to 2 seconds
    second, _ = repair_template(out.getvalue())
    assert first == second != out.getvalue()
