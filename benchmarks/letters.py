"""Letters: one letter from the built-in «krav om drøftingsmøte» template, warm, against a
plain docxtpl render of the same template and context (the floor); a thousand letters in a
loop; the whole path from a case in the database (``preview_letter``); and checking a
union office's own template.

``python -m benchmarks --only letters`` (or ``python -m benchmarks.letters``). Needs no
generated database: a small SQLite database is made in a temporary directory from the
acceptance scenarios (``resources/demo/scenarios.json``), with a profile that signs and
an employer with address and contact, so every optional paragraph of the letter is filled.

The single-letter figures come from the 1 000-letter loop: each letter is timed, and a
floor render runs after every fifth letter (200 runs), so ours and the floor see the same
machine noise and no letter is rendered twice for the figures.

Goal: one letter under 30 ms warm. For scale: a plain docxtpl render of a two-page letter
takes about 20 ms on these machines."""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import select

from benchmarks.report import Figure, table
from benchmarks.timing import seconds_each
from tillitsvalgt.db import Database
from tillitsvalgt.letters import templates as template_module
from tillitsvalgt.letters.checking import check_template
from tillitsvalgt.letters.context import build_context
from tillitsvalgt.letters.render import docx_text, render_docx
from tillitsvalgt.letters.templates import BUILTIN, load_template
from tillitsvalgt.services import employers as employer_service
from tillitsvalgt.services.cases import resolve_case, update_case
from tillitsvalgt.services.letters import (
    LetterRequest,
    LetterSetup,
    _options,
    letter_facts,
    preview_letter,
)
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.services.transfer import import_bundle
from tillitsvalgt.shapes import CaseUpdate, EmployerUpdate, RepresentativeCreate
from tillitsvalgt.tables import Case

GOAL_MS = 30.0  # one letter, warm
PLAIN_DOCXTPL_MS = 20.0  # a plain docxtpl render of a two-page letter on these machines
KIND = "krav_om_drofting"
SCENARIO = "S10"  # informasjonsmøte before the decision, never drøfting: demands drøfting
DESCRIPTION = (
    "Administrasjonen i 2. etasje (38 ansatte) skal flytte fra cellekontorer til et åpent "
    "landskap med 26 delte arbeidsplasser, to stillerom og fire møterom. Faste plasser "
    "fjernes; den som trenger tilrettelegging, skal søke om det. Arbeidsgiver forutsetter "
    "at de ansatte i snitt har to dager hjemmekontor i uka."
)
SCENARIOS = Path(__file__).resolve().parents[1] / "resources" / "demo" / "scenarios.json"

LOOP = 1000  # letters in one loop: the single-letter median and the 1 000-letter total
FLOOR_RUNS = 200  # plain docxtpl renders, spread evenly through the loop
PREVIEW_RUNS = 40  # preview_letter from the database
CHECK_RUNS = 15  # check_template, cold
WARMUP = 5


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class LetterCase:
    """A database with the scenarios, one case to write to, and the letter's context."""

    db: Database
    case_ref: str
    today: date
    request: LetterRequest
    setup: LetterSetup
    template: bytes
    context: Mapping[str, Any]


def prepare(data_dir: Path, scenarios: Path = SCENARIOS) -> LetterCase:
    """Import the scenarios into a new database in ``data_dir``; fill in the sender's
    profile, the employer's address and contact and the case description, as a user
    would before writing."""
    raw = json.loads(scenarios.read_text(encoding="utf-8"))
    scenario = next(s for s in raw if s["id"] == SCENARIO)
    today = date.fromisoformat(scenario["today"])
    db = Database.open(data_dir=data_dir)
    with db.session() as session:
        import_bundle(raw, session=session, today=today)
        profile = create_representative(
            RepresentativeCreate(
                name="Kari Nordmann",
                role="hovedtillitsvalgt",
                union_name="Fagforbundet for kontor og handel",
                branch="Avdeling Innlandet",
                email="kari.nordmann@example.no",
                phone="913 45 678",
                place="Lillehammer",
                signature="Kari Nordmann",
            ),
            session=session,
        )
        case = session.exec(select(Case).where(Case.source_ref == SCENARIO)).one()
        employer = employer_service.get_employer(case.employer_id, session=session)
        employer_service.update_employer(
            employer.id,
            EmployerUpdate(
                version=employer.version,
                address="Storgata 12, 2609 Lillehammer",
                contact_name="Per Hansen, HR-sjef",
                contact_email="per.hansen@example.no",
            ),
            session=session,
        )
        case_ref = f"{case.year}/{case.seq}"
        update_case(
            case_ref,
            CaseUpdate(version=case.version, description=DESCRIPTION),
            session=session,
        )
    request = LetterRequest(
        kind=KIND,
        dated=today,
        their_ref="2026/118",
        extra_text="Vi ber også om at verneombudet får saken til uttalelse før møtet.",
        copy_to="Hovedverneombudet",
    )
    setup = LetterSetup(profile_uuid=str(profile.uuid))
    with db.session(readonly=True) as session:
        letter = preview_letter(case_ref, request, session=session, today=today, setup=setup)
    assert letter.template.origin == BUILTIN
    return LetterCase(
        db, case_ref, today, request, setup, letter.template.data, dict(letter.context.values)
    )


def plain_docxtpl(template: bytes, context: Mapping[str, Any]) -> bytes:
    """The floor: docxtpl as its documentation shows it, without our sandbox, strict
    undefined, literal-``{_{`` class or error messages."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(dict(context), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[8]


def _letters_with_floor(
    ours: Callable[[], object], floor: Callable[[], object], *, letters: int, every: int
) -> tuple[list[float], list[float]]:
    """The seconds of each of ``letters`` letters written in one loop, and of a floor run
    after every ``every``-th letter (so both see the same machine noise, and the loop also
    gives the single-letter median without rendering those letters again)."""
    for _ in range(WARMUP):
        ours()
        floor()
    mine: list[float] = []
    plain: list[float] = []
    for i in range(letters):
        start = time.perf_counter()
        ours()
        mine.append(time.perf_counter() - start)
        if i % every == every - 1:
            start = time.perf_counter()
            floor()
            plain.append(time.perf_counter() - start)
    return mine, plain


def measure_letters(
    *, runs: int = FLOOR_RUNS, loop: int = LOOP, say: Callable[[str], None] = _say
) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="tv-letters-") as tmp:
        say("letters: importing the scenarios into a new database …")
        letter = prepare(Path(tmp) / "data")
        try:
            return _measure(letter, Path(tmp), runs=runs, loop=loop, say=say)
        finally:
            letter.db.dispose()


def _measure(
    letter: LetterCase, tmp: Path, *, runs: int, loop: int, say: Callable[[str], None]
) -> list[Figure]:
    template, context = letter.template, letter.context

    def ours() -> bytes:
        return render_docx(template, context, origin=BUILTIN)

    def floor() -> bytes:
        return plain_docxtpl(template, context)

    # The floor must do the same work: the same letter, word for word.
    text = docx_text(ours())
    if text != docx_text(floor()):
        raise AssertionError("the plain docxtpl render does not give the same letter")
    words = f"{len(text.split())} words, {len(text.splitlines())} paragraphs"

    every = max(1, loop // runs)
    say(f"timing letters: {loop} letters in a loop, plain docxtpl after every {every}th …")
    mine, plain = _letters_with_floor(ours, floor, letters=loop, every=every)
    ms = 1000.0
    total = sum(mine)
    figures = [
        Figure(
            name="letters.render",
            value=statistics.median(mine) * ms,
            unit="ms",
            floor=statistics.median(plain) * ms,
            what=f"one {KIND} letter, warm",
            note=f"{words}; median of the {loop} letters below; floor: plain docxtpl "
            f"(render(autoescape=True) + save), {len(plain)} runs among them",
            limit=GOAL_MS,
        ),
        Figure(
            name="letters.render.p90",
            value=_p90(mine) * ms,
            unit="ms",
            floor=_p90(plain) * ms,
            what="ditto, 90th percentile",
        ),
        Figure(
            name="letters.loop",
            value=total,
            unit="s",
            floor=None,
            what=f"{loop} letters in a loop",
            note=f"{total / loop * ms:.2f} ms per letter (mean; the floor runs not counted)",
        ),
    ]

    say(f"timing letters.preview ({PREVIEW_RUNS} runs) …")
    db, ref, today = letter.db, letter.case_ref, letter.today
    request, setup = letter.request, letter.setup

    def preview() -> object:
        with db.session(readonly=True) as session:
            return preview_letter(ref, request, session=session, today=today, setup=setup)

    def facts_and_context() -> object:
        with db.session(readonly=True) as session:
            facts = letter_facts(ref, session=session, today=today, setup=setup)
            case = resolve_case(ref, session=session)
            number = f"{case.number}-{case.last_document_seq + 1}"
            return build_context(facts, _options(request, number))

    parts = seconds_each(
        {"preview": preview, "context": facts_and_context},
        repeat=PREVIEW_RUNS,
        warmup=WARMUP,
    )
    figures.append(
        Figure(
            name="letters.preview",
            value=parts["preview"] * ms,
            unit="ms",
            floor=None,
            what="preview_letter, case in SQLite",
            note=f"median of {PREVIEW_RUNS}; of which reading the case, assessing it and "
            f"building the context {parts['context'] * ms:.1f} ms (timed alone in the same "
            "rounds); the rest is the render",
        )
    )

    say(f"timing letters.check ({CHECK_RUNS} runs) …")
    folder = tmp / "maler"
    folder.mkdir()
    (folder / f"{KIND}.docx").write_bytes(template)
    checked = template_module._CHECKED

    def check() -> object:
        return check_template(template, KIND)

    def load_cold() -> object:
        checked.clear()
        return load_template(KIND, folder)

    def load_warm() -> object:
        return load_template(KIND, folder)

    def load_builtin() -> object:
        return load_template(KIND)

    result = check_template(template, KIND)
    assert result.ok and result.repaired is None, result.problems
    times = seconds_each(
        {"check": check, "cold": load_cold, "warm": load_warm, "builtin": load_builtin},
        repeat=CHECK_RUNS,
        warmup=2,
    )
    figures += [
        Figure(
            name="letters.check",
            value=times["check"] * ms,
            unit="ms",
            floor=None,
            what="check_template of a custom template",
            note=f"load_template from a custom folder with the check cache cleared: "
            f"{times['cold'] * ms:.1f} ms (median of {CHECK_RUNS})",
        ),
        Figure(
            name="letters.load_custom",
            value=times["warm"] * ms,
            unit="ms",
            floor=None,
            what="load_template, custom folder, cached",
            note="per letter: read the file, SHA-256, check cache hit "
            f"(built-in template: {times['builtin'] * ms:.3f} ms)",
        ),
    ]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.letters", description=__doc__)
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--runs", type=int, default=FLOOR_RUNS, help="floor runs in the loop")
    parser.add_argument("--loop", type=int, default=LOOP, help="letters in the loop")
    args = parser.parse_args(argv)
    figures = measure_letters(runs=max(2, args.runs), loop=max(10, args.loop))
    if args.json:
        for figure in figures:
            print(figure.as_json())
    else:
        print("\n" + header() + "\n")
        print(table(figures))
    return 0


def header() -> str:
    return (
        f"Letters — goal: one letter under {GOAL_MS:g} ms warm; for scale, a plain docxtpl "
        f"render of a two-page letter takes about {PLAIN_DOCXTPL_MS:g} ms on these machines"
    )


if __name__ == "__main__":
    sys.exit(main())
