"""Letter templates: the shipped ones are sound and are what the script makes; the check
finds what Word and people break (and repairs what it can); load_template picks and guards
custom templates; the ``templates`` commands; the field guide stays in step with the
registry."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tillitsvalgt.letters.checking import TemplateCheck, check_template, repair_template
from tillitsvalgt.letters.fields import FIELD_NAMES, FIELDS, sample_context
from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.letters.render import TemplateError, docx_text, render_docx
from tillitsvalgt.letters.templates import BUILTIN, load_template

from conftest import REPO, run_cli

# Every built-in template: bokmål <kind>.docx and nynorsk <kind>.nn.docx.
SHIPPED = [f"{k}.docx" for k in KINDS] + [f"{k}.nn.docx" for k in KINDS]

TEMPLATES = REPO / "resources" / "templates"
GUIDE = REPO / "docs" / "maler.md"
KIND = "krav_om_drofting"

# The smallest sound krav_om_drofting template: every field it must use, one a paragraph.
DROFTING = (
    "{{ avsender.navn }}",
    "{{ mottaker.navn }}",
    "{{ sted_og_dato }}",
    "Vår ref.: {{ var_ref }}",
    "{{ emne }}",
    "{{ hjemmel_avsnitt }}",
    "{%p for item in krav %}",
    "{{ item }}",
    "{%p endfor %}",
    "Svar innen {{ svarfrist }}.",
)


def make_docx(*paragraphs: str | list[str]) -> bytes:
    """A .docx with one paragraph per argument; a list is one paragraph in several runs
    (as Word leaves a tag after a spelling check)."""
    doc = Document()
    for paragraph in paragraphs:
        p = doc.add_paragraph()
        for text in [paragraph] if isinstance(paragraph, str) else paragraph:
            p.add_run(text)
    return _save(doc)


def _save(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def drofting(*extra: str | list[str]) -> bytes:
    return make_docx(*DROFTING, *extra)


def messages(result: TemplateCheck) -> list[str]:
    return [str(p) for p in result.problems]


def rendered_lines(data: bytes) -> list[str]:
    return docx_text(render_docx(data, sample_context(), origin="under test")).splitlines()


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = run_cli


def test_the_minimal_template_is_sound() -> None:
    # The tests below add one problem to it; they mean something only if it has none.
    assert check_template(drofting(), KIND).problems == []
    assert "Svar innen 4. januar 2027." in rendered_lines(drofting())


# --------------------------------------------------------------------------- shipped


def test_there_is_a_shipped_template_for_every_kind_and_no_other() -> None:
    assert sorted(p.name for p in TEMPLATES.glob("*.docx")) == sorted(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_template_passes_the_check(name: str) -> None:
    kind = name.split(".")[0]
    result = check_template((TEMPLATES / name).read_bytes(), kind)
    assert result.problems == []
    assert result.repaired is None


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    written = load_script("make_templates").main(out)
    nynorsk = [f"{k}.nn.docx" for k in KINDS]
    assert sorted(p.name for p in written) == sorted([f"{k}.docx" for k in KINDS] + nynorsk)
    return out


def _xml_parts(path: Path) -> dict[str, bytes]:
    """The body and footers: what the script writes (zip timestamps differ, so not bytes)."""
    with zipfile.ZipFile(path) as z:
        return {
            name: z.read(name)
            for name in z.namelist()
            if name == "word/document.xml" or re.fullmatch(r"word/footer\d*\.xml", name)
        }


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_templates_are_what_the_script_makes(generated: Path, name: str) -> None:
    kind = name.split(".")[0]
    shipped = _xml_parts(TEMPLATES / name)
    made = _xml_parts(generated / name)
    assert "word/document.xml" in shipped
    assert any(name.startswith("word/footer") for name in shipped)
    assert made.keys() == shipped.keys()
    for name in shipped:
        assert made[name] == shipped[name], (
            f"{kind}.docx: {name} differs from scripts/make_templates.py; "
            "run .venv/bin/python scripts/make_templates.py"
        )


# --------------------------------------------------------------------------- repairable


def test_a_split_tag_is_repaired_into_one_run() -> None:
    data = drofting(["Saken gjelder {{ sak.", "tit", "tel }} nå."])
    result = check_template(data, KIND)
    assert result.ok  # nothing but what can be repaired
    [problem] = result.problems
    assert problem.repairable
    assert "delt" in problem.message and "{{ sak.tittel }}" in problem.message
    assert "3 tekstbiter" in problem.message and problem.where == "avsnitt 11"

    fixed, repaired = repair_template(data)
    assert repaired == result.problems
    assert fixed == result.repaired != data
    runs = [r.text for r in Document(io.BytesIO(fixed)).paragraphs[-1].runs]
    assert "".join(runs) == "Saken gjelder {{ sak.tittel }} nå."
    assert any("{{ sak.tittel }}" in r for r in runs)  # the whole tag in one run
    assert check_template(fixed, KIND).problems == []
    assert "Saken gjelder Faste plasser fjernes i 3. etasje nå." in rendered_lines(fixed)


def test_split_tags_in_the_footer_are_repaired_too() -> None:
    doc = Document(io.BytesIO(drofting()))
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run("Vår ref. {{ var")
    footer.add_run("_ref }}")
    result = check_template(_save(doc), KIND)
    assert [p.where for p in result.problems] == ["bunnteksten, avsnitt 1"]
    assert result.repaired is not None
    fixed = Document(io.BytesIO(result.repaired)).sections[0].footer.paragraphs[0]
    assert any(r.text == "Vår ref. {{ var_ref }}" for r in fixed.runs)
    assert check_template(result.repaired, KIND).problems == []


@pytest.mark.parametrize(
    ("left", "right", "straight"),
    [("«", "»", '"'), ("“", "”", '"'), ("‘", "’", "'")],
)
def test_smart_quotes_in_a_tag_are_straightened(left: str, right: str, straight: str) -> None:
    tag = f"{{% if sak.nummer == {left}2026/14{right} %}}riktig sak{{% endif %}}"
    data = drofting(tag)
    result = check_template(data, KIND)
    assert result.ok
    [problem] = result.problems
    assert problem.repairable and "anførselstegn" in problem.message

    fixed, repaired = repair_template(data)
    assert repaired == result.problems
    last = Document(io.BytesIO(fixed)).paragraphs[-1].text
    assert last == f"{{% if sak.nummer == {straight}2026/14{straight} %}}riktig sak{{% endif %}}"
    assert check_template(fixed, KIND).problems == []
    assert "riktig sak" in rendered_lines(fixed)  # the repaired comparison holds


def test_quotes_outside_tags_are_the_authors_business() -> None:
    data = drofting("Emnet var «{{ sak.tittel }}», og han sa “ja” og ‘nei’.")
    result = check_template(data, KIND)
    assert result.problems == [] and result.repaired is None
    assert "Emnet var «Faste plasser fjernes i 3. etasje», og han sa “ja” og ‘nei’." in (
        rendered_lines(data)
    )


# --------------------------------------------------------------------------- errors


def test_an_unknown_field_is_reported_with_a_suggestion() -> None:
    result = check_template(drofting("Hilsen {{ avsender.nvan }}"), KIND)
    assert not result.ok
    assert messages(result) == ["feltet «avsender.nvan» finnes ikke. Mente du «avsender.navn»?"]


def test_a_field_only_another_kind_has_is_reported() -> None:
    data = drofting("Vi viser til brevet {{ forrige_brev.dato }}.")
    result = check_template(data, KIND)
    assert not result.ok
    assert messages(result) == [
        "feltet «forrige_brev.dato» fylles bare ut i purring, ikke i krav om drøfting"
    ]
    # In a reminder it is the field it should be (that template lacks other things).
    assert not any("forrige_brev.dato" in m for m in messages(check_template(data, "purring")))
    assert check_template(data).problems == []  # no kind: nothing kind-specific to check


def test_a_missing_required_field_is_reported() -> None:
    data = make_docx(*(p for p in DROFTING if "svarfrist" not in p))
    result = check_template(data, KIND)
    assert not result.ok
    assert messages(result) == ["malen bruker ikke «svarfrist», som krav om drøfting må ha"]
    assert check_template(data).problems == []  # without a kind, nothing is required


def test_either_legal_basis_field_will_do() -> None:
    data = make_docx(*(p for p in DROFTING if "hjemmel_avsnitt" not in p))
    assert messages(check_template(data, KIND)) == [
        "malen bruker ikke «hjemmel_avsnitt» eller «hjemmel», som krav om drøfting må ha"
    ]
    with_list = make_docx(
        *(p for p in DROFTING if "hjemmel_avsnitt" not in p),
        "{%p for h in hjemmel %}",
        "{{ h.sitat }}",
        "{%p endfor %}",
    )
    assert check_template(with_list, KIND).problems == []


@pytest.mark.parametrize(
    "paragraph",
    ["Vi krever {% if %}møte{% endif %}.", "Saken gjelder {{ sak.tittel "],
)
def test_a_syntax_error_is_reported_with_its_paragraph(paragraph: str) -> None:
    result = check_template(drofting(paragraph), KIND)
    assert not result.ok
    syntax = [p for p in result.errors if p.message.startswith("feil i mal-koden")]
    assert syntax, messages(result)
    assert all(f"«{paragraph.strip()}»" in p.where for p in syntax)


def test_a_tag_left_open_is_reported_as_such() -> None:
    result = check_template(drofting("Saken gjelder {{ sak.tittel "), KIND)
    assert any(
        "åpnes, men lukkes ikke" in p.message and p.where.startswith("avsnitt 11")
        for p in result.errors
    )


@pytest.mark.parametrize(
    "code",
    ["{{ ''.__class__.__mro__ }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
)
def test_python_internals_are_refused_by_the_sandbox(code: str) -> None:
    data = drofting(code)
    result = check_template(data, KIND)
    assert not result.ok
    assert any("interne deler av programmet" in m for m in messages(result))
    assert not any("<class" in m for m in messages(result))
    with pytest.raises(TemplateError, match="interne deler av programmet"):
        render_docx(data, sample_context(), origin="under test")


@pytest.mark.parametrize("data", [b"", b"Dette er ikke en Word-fil", b"{{ sak.tittel }}"])
def test_a_file_that_is_not_a_word_file(data: bytes) -> None:
    result = check_template(data, KIND)
    assert not result.ok
    assert messages(result) == ["filen er ikke en Word-fil (.docx)"]
    assert "ikke en Word-fil" in messages(result)[0]


def test_a_zip_that_is_not_a_word_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notat.txt", "hei")
    [message] = messages(check_template(out.getvalue(), KIND))
    assert message.startswith("Word-filen kan ikke leses")


# --------------------------------------------------------------------------- loops


def test_loop_variables_stand_for_items_of_their_list() -> None:
    data = drofting(
        "{%p for h in hjemmel %}",
        "{{ h.sitat }} – {{ h.tittel }}{% if not h.kontrollert %} (ukontrollert){% endif %}",
        "{%p endfor %}",
        "{%p for item in krav %}",
        "{{ loop.index }}. {{ item }}",
        "{%p endfor %}",
    )
    assert check_template(data, KIND).problems == []
    cited = (
        "arbeidsmiljøloven § 8-2 første ledd bokstav c – Informasjon og drøfting om "
        "vesentlige endringer i arbeidsorganiseringen"
    )
    lines = rendered_lines(data)
    assert lines.count(cited) == 2  # the example list has two items
    assert "1. at det innkalles til drøftingsmøte innen 4. januar 2027" in lines


def test_an_unknown_field_of_a_loop_item_is_named_by_its_list() -> None:
    data = drofting("{%p for h in hjemmel %}", "{{ h.nonsense }}", "{%p endfor %}")
    result = check_template(data, KIND)
    assert not result.ok
    [message] = messages(result)
    assert message.startswith("feltet «hjemmel[].nonsense» finnes ikke.")
    # A list of plain text has no fields at all.
    data = drofting("{%p for k in krav %}", "{{ k.tittel }}", "{%p endfor %}")
    assert messages(check_template(data, KIND))[0].startswith("feltet «krav[].tittel» finnes ikke")


def test_a_loop_variable_means_nothing_outside_its_loop() -> None:
    data = drofting("{%p for h in hjemmel %}", "{{ h.sitat }}", "{%p endfor %}", "{{ h.sitat }}")
    result = check_template(data, KIND)
    assert not result.ok
    assert any("«h»" in m for m in messages(result))


# --------------------------------------------------------------------------- load_template


def test_load_template_refuses_a_broken_custom_template(tmp_path: Path) -> None:
    file = tmp_path / f"{KIND}.docx"
    file.write_bytes(drofting("Hilsen {{ avsender.nvan }}"))
    with pytest.raises(TemplateError) as caught:
        load_template(KIND, tmp_path)
    message = caught.value.message
    assert str(file) in message
    assert "«avsender.nvan» finnes ikke" in message and "«avsender.navn»" in message
    assert f"tillitsvalgt templates check {file}" in message


def test_load_template_repairs_a_split_tag_in_memory(tmp_path: Path) -> None:
    data = drofting(["Saken: {{ sak.", "tittel }}"])
    file = tmp_path / f"{KIND}.docx"
    file.write_bytes(data)
    loaded = load_template(KIND, tmp_path)
    assert loaded.kind == KIND and loaded.origin == str(file)
    [warning] = loaded.warnings
    assert str(file) in warning and "delt" in warning and "--repair" in warning
    assert loaded.data == check_template(data, KIND).repaired
    assert loaded.data != data
    assert check_template(loaded.data, KIND).problems == []
    assert file.read_bytes() == data  # the file itself is left for the author to repair
    assert "Saken: Faste plasser fjernes i 3. etasje" in rendered_lines(loaded.data)


def test_load_template_falls_back_to_the_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "purring.docx").write_bytes(b"not for this kind")
    (tmp_path / "notater.docx").write_bytes(b"not a kind at all")
    loaded = load_template(KIND, tmp_path)
    assert loaded.origin == BUILTIN == "innebygd"
    assert loaded.data == (TEMPLATES / f"{KIND}.docx").read_bytes()
    assert loaded.warnings == ()
    assert load_template(KIND).origin == BUILTIN


def test_load_template_uses_a_sound_custom_template_as_it_is(tmp_path: Path) -> None:
    data = drofting("Egen tekst fra kontoret.")
    (tmp_path / f"{KIND}.docx").write_bytes(data)
    loaded = load_template(KIND, tmp_path)
    assert loaded.data == data and loaded.warnings == ()


def test_load_template_with_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke"
    with pytest.raises(TemplateError) as caught:
        load_template(KIND, missing)
    assert f"Malmappen {missing} finnes ikke" in caught.value.message
    assert "settings templates" in caught.value.message


# --------------------------------------------------------------------------- commands


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    def call(*args: str) -> tuple[int, str, str]:
        return run(capsys, "--data-dir", str(tmp_path / "data"), *args)

    return call


def test_templates_check_says_ingen_feil_for_a_sound_file(cli: Any, tmp_path: Path) -> None:
    file = tmp_path / f"{KIND}.docx"
    file.write_bytes(drofting())
    code, out, err = cli("templates", "check", str(file))
    assert code == 0, err
    assert out.strip() == f"{file} (brevtype {KIND}): ingen feil funnet."


def test_templates_check_lists_every_problem_and_fails(cli: Any, tmp_path: Path) -> None:
    file = tmp_path / "vårt brev.docx"
    data = make_docx(
        *(p for p in DROFTING if "svarfrist" not in p),
        "Hilsen {{ avsender.nvan }}",
        "Vi viser til {{ forrige_brev.dato }}.",
    )
    file.write_bytes(data)
    code, out, err = cli("templates", "check", str(file), "--kind", KIND)
    assert code == 1
    listed = [line for line in out.splitlines() if line.startswith("  – ")]
    assert listed == [
        "  – feltet «avsender.nvan» finnes ikke. Mente du «avsender.navn»?",
        "  – feltet «forrige_brev.dato» fylles bare ut i purring, ikke i krav om drøfting",
        "  – malen bruker ikke «svarfrist», som krav om drøfting må ha",
    ]
    assert "3 feil må rettes" in err
    assert file.read_bytes() == data
    # Without --kind and with a name that is no kind, required fields are not checked.
    code, out, _ = cli("templates", "check", str(file))
    assert code == 1 and "brevtype ukjent" in out and "svarfrist" not in out


def test_templates_check_repair_rewrites_the_file_and_keeps_the_original(
    cli: Any, tmp_path: Path
) -> None:
    file = tmp_path / f"{KIND}.docx"
    data = drofting(["{{ sak.", "tittel }}"], "{% if sak.type == «Annet» %}annet{% endif %}")
    file.write_bytes(data)

    code, out, _ = cli("templates", "check", str(file))
    assert code == 0  # repairable only: usable, with a hint
    assert "[kan repareres]" in out and "--repair" in out
    assert file.read_bytes() == data

    code, out, err = cli("templates", "check", "--repair", str(file))
    assert code == 0, err
    backup = tmp_path / f"{KIND}.docx.før-reparasjon"
    assert f"Reparert; originalen er kopiert til {backup}." in out
    assert backup.read_bytes() == data
    assert file.read_bytes() != data

    code, out, _ = cli("templates", "check", str(file))
    assert code == 0 and "ingen feil funnet" in out


def test_templates_check_cannot_repair_errors(cli: Any, tmp_path: Path) -> None:
    file = tmp_path / f"{KIND}.docx"
    data = drofting(["{{ sak.", "tittel }}"], "{{ avsender.nvan }}")
    file.write_bytes(data)
    code, out, _ = cli("templates", "check", "--repair", str(file))
    assert code == 1  # the split tag is repaired, the unknown field is for Word
    assert "Reparert" in out
    code, out, _ = cli("templates", "check", str(file))
    assert code == 1 and "avsender.nvan" in out and "delt" not in out


def test_templates_export_writes_every_kind_and_each_passes(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    code, out, _ = cli("templates", "export", "--out", str(folder))
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(SHIPPED)
    assert f"tillitsvalgt settings templates {folder}" in out
    for name in SHIPPED:
        kind = name.split(".")[0]
        file = folder / name
        assert file.read_bytes() == (TEMPLATES / name).read_bytes()
        code, out, _ = cli("templates", "check", str(file))
        assert code == 0 and f"(brevtype {kind}): ingen feil funnet" in out
    # A second export leaves what the office has edited alone.
    edited = folder / "purring.docx"
    edited.write_bytes(b"edited")
    code, out, _ = cli("templates", "export", "--out", str(folder))
    assert code == 0 and f"Hopper over {edited}" in out
    assert edited.read_bytes() == b"edited"


def test_templates_list_shows_where_each_template_comes_from(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("templates", "list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(KINDS)
    assert all(line.rstrip().endswith("innebygd") for line in lines)
    assert all(KINDS[line.split()[0]].label in line for line in lines)

    folder = tmp_path / "maler"
    folder.mkdir()
    custom = folder / "purring.docx"
    custom.write_bytes(drofting())

    def origins(*args: str) -> dict[str, str]:
        code, out, err = cli("templates", "list", *args)
        assert code == 0, err
        return {line.split()[0]: line.rstrip() for line in out.splitlines()}

    by_option = origins("--templates", str(folder))
    assert cli("settings", "templates", str(folder))[0] == 0
    by_setting = origins()
    for chosen in (by_option, by_setting):
        assert chosen["purring"].endswith(str(custom))
        assert all(v.endswith("innebygd") for k, v in chosen.items() if k != "purring")


# --------------------------------------------------------------------------- plain text

_TAG_MARKS = ("{{", "{%", "{#", "}}", "%}", "#}")
_PLAIN = st.text(alphabet=st.sampled_from(list("{}%#«»\"'“”‘’ab -&<")), min_size=1, max_size=24)
PLAIN_TEXT = _PLAIN.filter(lambda s: bool(s.strip()) and not any(m in s for m in _TAG_MARKS))


@settings(max_examples=30, deadline=None)
@given(text=PLAIN_TEXT, where=st.floats(min_value=0, max_value=1))
def test_plain_text_anywhere_in_a_template_is_only_text(text: str, where: float) -> None:
    doc = Document(io.BytesIO((TEMPLATES / f"{KIND}.docx").read_bytes()))
    paragraphs = doc.paragraphs
    index = int(where * len(paragraphs))
    if index < len(paragraphs):
        paragraphs[index].insert_paragraph_before(text)
    else:
        doc.add_paragraph(text)
    data = _save(doc)
    result = check_template(data, KIND)
    assert isinstance(result, TemplateCheck)
    assert result.problems == []
    # Every conditional paragraph of this template is shown with the examples.
    assert text in rendered_lines(data)


@pytest.mark.parametrize("text", ["Beløp {", "{", "Rabatt 5 %", "#", "}", "} slutt"])
def test_braces_at_a_paragraph_edge_stay_in_their_paragraph(text: str) -> None:
    # docxtpl joins "{" + markup + "{" into "{{" (and "}" + markup + "}") to mend split
    # tags; across a paragraph boundary that glued this text to the tag next to it. Here
    # the text stands before and after a tag, and between two.
    data = make_docx(text, *DROFTING[:8], text, *DROFTING[8:], "{{ sak.nummer }}", text)
    result = check_template(data, KIND)
    assert result.problems == []
    lines = rendered_lines(data)
    assert lines.count(text) >= 3
    assert "2026/14" in lines


# --------------------------------------------------------------------------- the guide


def test_the_guide_names_every_field_and_only_fields() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    ticked = set(re.findall(r"`([^`\n]+)`", guide))
    assert not FIELD_NAMES - ticked, sorted(FIELD_NAMES - ticked)
    table_rows = [line for line in guide.splitlines() if line.startswith("|")]
    field_like = re.compile(r"[a-z_]+(?:\[\])?(?:\.[a-z_]+)+")
    in_tables = {
        name
        for row in table_rows
        for name in re.findall(r"`([^`]+)`", row)
        if field_like.fullmatch(name) and not name.endswith(".docx")
    }
    assert in_tables, "no field names found in the guide's tables"
    assert in_tables <= FIELD_NAMES, sorted(in_tables - FIELD_NAMES)
    # Each field has exactly one row of its own.
    first_cells = [m.group(1) for row in table_rows if (m := re.match(r"\|\s*`([^`]+)`", row))]
    named = [c for c in first_cells if not c.endswith(".docx")]
    assert sorted(named) == sorted(f.name for f in FIELDS)


def test_the_guide_tables_are_what_the_registry_says() -> None:
    script = load_script("make_field_docs")
    guide = GUIDE.read_text(encoding="utf-8")
    assert script.update(guide) == guide, "run .venv/bin/python scripts/make_field_docs.py"
    for kind in KINDS:
        nynorsk = f"`{kind}.nn.docx`"
        assert f"`{kind}.docx` | {nynorsk} | {KINDS[kind].label} |" in guide


def test_the_guide_shows_the_commands_it_promises() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for command in (
        "tillitsvalgt templates export --out MAPPE",
        "tillitsvalgt settings templates MAPPE",
        "tillitsvalgt templates check --repair",
        "{%p if mottaker.att %}",
        "{%p for k in krav %}",
        "{%tr for d in dokumenter %}",
        ".før-reparasjon",
    ):
        assert command in guide
