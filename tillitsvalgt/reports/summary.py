"""The report's summary in words, spoken only from the published (perturbed) tables: above
both ``figures`` (the tables) and ``cellkey`` (their protection), so neither needs the other
back."""

from __future__ import annotations

from collections.abc import Mapping

from tillitsvalgt.reports.cellkey import SUPPRESSED, ProtectedTable, protect_figures, shown_medians
from tillitsvalgt.reports.figures import (
    CHECKLIST,
    DECISIONS,
    ENVIRONMENT,
    KEY_FIGURES,
    LETTERS,
    PROTOCOL,
    REPLIES_BY_SECTOR,
    REPLY_COLUMNS,
    TIMING,
    Figures,
    _number,
    about,
    late_cases,
    percent,
)
from tillitsvalgt.rules.deadlines import format_date as norwegian_day


def summary_sentences(figures: Figures) -> list[str]:
    """The key figures in words, for the report's summary. Spoken only from the
    published (perturbed) tables; a «–» is «svært få», never a number."""
    shown = protect_figures(figures)
    few = "svært få"
    sentences: list[str] = []

    key = shown[KEY_FIGURES]
    total_cell = key.overall_cell(0)
    cases_value = key.cell(*total_cell)
    members_value = key.cell(total_cell[0], 1)
    period = f"{norwegian_day(figures.request.start)} – {norwegian_day(figures.request.end)}"
    if cases_value == SUPPRESSED:
        sentences.append(f"I perioden {period} ble det registrert {few} saker.")
    elif isinstance(cases_value, int):
        saker = "sak" if cases_value == 1 else "saker"
        sentence = f"I perioden {period} ble det registrert {_number(cases_value)} {saker}"
        if isinstance(members_value, int) and members_value > 0:
            sentence += f" som berørte om lag {about(members_value)} medlemmer"
        sentences.append(sentence + ".")

    timing = shown[TIMING]
    total = timing.cell(*timing.overall_cell(0))
    late = late_cases(figures.table(TIMING), figures.request.min_cell)
    if isinstance(total, int) and total > 0 and isinstance(late, int):
        share = 100.0 * late / total
        sentences.append(
            f"I {percent(share)} av sakene ble endringen drøftet for sent, de tillitsvalgte "
            "ble bare informert, eller det ble ikke drøftet i det hele tatt, selv om "
            "beslutningen var tatt."
        )
    phrases = {
        "in_time": "ble endringen drøftet før beslutningen",
        "after_decision": "ble endringen drøftet først etter beslutningen",
        "after_implementation": "ble endringen drøftet først etter iverksetting",
        "information_only": "ble de tillitsvalgte bare informert",
        "never": "ble endringen aldri drøftet, selv om beslutningen var tatt",
    }
    for i, row in enumerate(timing.table.rows):
        if row.code not in phrases:
            continue
        value, share_value = timing.cell(i, 0), timing.share(i, 0)
        if value == SUPPRESSED:
            sentences.append(f"I {few} saker {phrases[row.code]}.")
        elif isinstance(share_value, float) and isinstance(value, int) and value > 0:
            sentences.append(f"I {percent(share_value)} av sakene {phrases[row.code]}.")

    for table_key, phrase in (
        (PROTOCOL, "forelå det en protokoll signert av begge parter"),
        (ENVIRONMENT, "var verneombud eller AMU involvert"),
    ):
        table = shown[table_key]
        where = table.overall_cell(0)
        value, share_value = table.cell(*where), table.share(*where)
        if value == SUPPRESSED:
            sentences.append(f"I {few} saker {phrase}.")
        elif isinstance(share_value, float) and isinstance(value, int) and value > 0:
            sentences.append(f"I {percent(share_value)} av sakene {phrase}.")

    _per_period, overall = shown_medians(figures.median, figures.request.min_cell)
    if isinstance(overall, float):
        days = int(overall)
        dager = "dag" if days == 1 else "dager"
        sentences.append(
            f"Fra første varsel til første drøftingsmøte gikk det i median {days} {dager}."
        )
    elif overall == SUPPRESSED:
        sentences.append("Tiden fra varsel til drøfting er kjent for for få saker til å vises.")

    letters = shown[LETTERS]
    where = letters.overall_cell(0)
    sent, missed = letters.cell(where[0], 1), letters.cell(where[0], 2)
    if isinstance(sent, int) and sent > 0:
        sentence = (
            f"De tillitsvalgte sendte brev i {_number(sent)} {'sak' if sent == 1 else 'saker'}"
        )
        if isinstance(missed, int) and missed > 0:
            sentence += (
                f", og arbeidsgiveren lot en svarfrist gå ut i {_number(missed)} "
                f"{'sak' if missed == 1 else 'saker'}"
            )
        elif missed == SUPPRESSED:
            sentence += f", og arbeidsgiveren lot en svarfrist gå ut i {few} saker"
        sentences.append(sentence + ".")
    sentences += _newer_sentences(shown, few)
    return sentences


def _plural(n: int, one: str, more: str) -> str:
    return f"{_number(n)} {one if n == 1 else more}"


def _newer_sentences(shown: Mapping[str, ProtectedTable], few: str) -> list[str]:
    """The answers to demands, the checklist, the decisions and escalation in words,
    from the published tables only."""
    out: list[str] = []
    replies = shown.get(REPLIES_BY_SECTOR)
    if replies is not None:
        row = replies.overall_cell(0)[0]
        total = replies.cell(row, len(replies.table.columns))
        parts = [replies.share(row, j) for j in range(len(REPLY_COLUMNS))]

        def part(share: float | str | None) -> str:
            # A hidden part is «svært få», never a number.
            return percent(share) if isinstance(share, float) else f"{few} saker"

        if isinstance(total, int) and total > 0:
            in_time, late, none, running = (part(p) for p in parts)
            out.append(
                f"Av {_plural(total, 'sak', 'saker')} der de tillitsvalgte ba om svar innen en "
                f"frist, svarte arbeidsgiveren i tide i {in_time}, for sent i {late} og ikke i "
                f"det hele tatt i {none}; i {running} løper fristen ennå."
            )
        elif total == SUPPRESSED:
            out.append(f"De tillitsvalgte ba om svar innen en frist i {few} saker.")
    checklist = shown.get(CHECKLIST)
    if checklist is not None:
        total = checklist.cell(0, len(checklist.table.columns))
        met = checklist.share(0, 0)
        if isinstance(total, int) and total > 0 and isinstance(met, float):
            share = "ingen" if checklist.cell(0, 0) == 0 else percent(met)
            out.append(
                f"I {share} av {_plural(total, 'sak', 'saker')} om hjemmekontor var "
                "alle punktene i forskriften oppfylt."
            )
    decisions = shown.get(DECISIONS)
    if decisions is not None:
        where = decisions.overall_cell(0)[0]
        cases, made, escalated = (decisions.cell(where, j) for j in range(3))
        if isinstance(cases, int) and isinstance(made, int) and 0 < made < cases:
            out.append(
                f"Sakene gjaldt {_plural(made, 'beslutning', 'beslutninger')} hos "
                "arbeidsgiverne: en beslutning som gjelder flere enheter, er telt én gang."
            )
        if isinstance(escalated, int) and escalated > 0:
            out.append(
                f"I alt ble {_plural(escalated, 'sak', 'saker')} løftet videre etter brudd "
                "i de lokale forhandlingene."
            )
        elif escalated == SUPPRESSED:
            out.append(
                f"I {few} saker ble saken løftet videre etter brudd i de lokale forhandlingene."
            )
    return out
