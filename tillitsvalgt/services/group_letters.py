"""Letters for a group case together: one letter kind, one letter per live case of the
group, each with its own journal number and journal entry — all in one unit of work, so
when one case refuses the letter (its facts contradict it, say) none is journaled.

Writing the files is the caller's part (the Workspace and the command line stage them
inside the unit of work and move them into place after the commit); ``letter_file_name``
names them so that one folder holds a group's letters without two of the same name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session

from tillitsvalgt.errors import Problem, UserError, ValidationError
from tillitsvalgt.letters.kinds import letter_kind
from tillitsvalgt.output_paths import StagedFile, stage_output
from tillitsvalgt.services.groups import get_group, group_case_numbers
from tillitsvalgt.services.letters import Letter, LetterRequest, LetterSetup, create_letter

MAX_GROUP_LETTERS = 500
"""More cases than this in one go is a mistake (a group is one decision over some units)."""


@dataclass(frozen=True)
class GroupLetters:
    group_name: str
    letters: list[Letter]  # in case number order, each journaled


def create_group_letters(
    group_ref: str | int,
    request: LetterRequest,
    *,
    session: Session,
    today: date,
    setup: LetterSetup,
) -> GroupLetters:
    """One letter of ``request.kind`` for every live case of the group. Every case is
    tried, and every refusal is reported together (a case number each), raising
    ``ValidationError``: the caller's unit of work then rolls back the letters the other
    cases got, so nothing is journaled."""
    letter_kind(request.kind)  # an unknown kind is refused before any case is looked at
    group = get_group(group_ref, session=session)
    numbers = group_case_numbers(group.id, session=session)
    if not numbers:
        raise UserError(
            f"Gruppesaken «{group.name}» har ingen saker ennå; knytt saker til den først. "
            "Ingen brev er laget."
        )
    if len(numbers) > MAX_GROUP_LETTERS:
        raise UserError(
            f"Gruppesaken «{group.name}» har {len(numbers)} saker; høyst {MAX_GROUP_LETTERS} "
            "brev lages i én omgang. Ingen brev er laget."
        )
    letters: list[Letter] = []
    problems: list[Problem] = []
    for number in numbers:
        try:
            letters.append(
                create_letter(number, request, session=session, today=today, setup=setup)
            )
        except ValidationError as exc:
            problems += [Problem(f"Sak {number} › {p.field}", p.message) for p in exc.problems]
        except UserError as exc:
            problems.append(Problem(f"Sak {number}", exc.message))
    if problems:
        # The same refusal for every case (no profile yet, a broken template) is said once.
        cases_by_message: dict[tuple[str, str], list[str]] = {}
        for p in problems:
            number, _, where = p.field.partition(" › ")
            cases_by_message.setdefault((where, p.message), []).append(number.removeprefix("Sak "))
        problems = [
            Problem(
                f"Sak {', '.join(numbers)}" + (f" › {where}" if where else ""),
                message,
            )
            for (where, message), numbers in cases_by_message.items()
        ]
        raise ValidationError(
            problems,
            heading=f"Ingen brev er laget for gruppesaken «{group.name}»; ingenting er ført "
            "i journalen",
        )
    return GroupLetters(group.name, letters)


def letter_file_name(letter: Letter) -> str:
    """The letter's file name in a folder of a group's letters: its journal number first
    (unique), then the kind («2026-4-2 Krav om drøfting.docx»)."""
    if letter.document is not None and letter.document.filename:
        return letter.document.filename
    return f"{letter.number.replace('/', '-')}.docx"


def stage_letters(
    letters: list[Letter], folder: Path, *, pdf: bool, protected: Iterable[Path] = ()
) -> list[StagedFile]:
    """Every letter (and its PDF, with ``pdf``) written in full under a temporary name in
    ``folder``; call inside the unit of work. A file that cannot be written (or a name
    taken already) discards those staged before it and raises: nothing is journaled and no
    file is left."""
    if not folder.expanduser().is_dir():
        raise UserError(f"Finner ikke mappen {folder}. Ingen brev er laget.")
    guarded = tuple(protected)
    staged: list[StagedFile] = []
    try:
        for letter in letters:
            target = folder.expanduser() / letter_file_name(letter)
            staged.append(stage_output(target, letter.content, protected=guarded))
            if pdf:
                from tillitsvalgt.letters.pdf import docx_to_pdf

                staged.append(
                    stage_output(
                        target.with_suffix(".pdf"), docx_to_pdf(letter.content), protected=guarded
                    )
                )
    except BaseException:
        discard_all(staged)
        raise
    return staged


def discard_all(staged: list[StagedFile]) -> None:
    for file in staged:
        file.discard()


def publish_all(staged: list[StagedFile], letters: list[Letter]) -> list[Path]:
    """Move the staged files into place after the commit. One that cannot be moved does
    not stop the others; the message names the letters to fetch from the journal."""
    written: list[Path] = []
    failed: list[str] = []
    for file in staged:
        try:
            written.append(file.publish())
        except UserError:
            failed.append(file.target.name)
    if failed:
        raise UserError(
            f"Brevene ({', '.join(letter.number for letter in letters)}) er ført i journalen, "
            f"men disse filene kunne ikke skrives: {', '.join(failed)}. Lagre dem fra sakenes "
            "dokumenter."
        )
    return written
