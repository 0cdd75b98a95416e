"""The shapes the report's parts share: what is asked for, and the cube of counts the
database hands over (one row per combination of the report's dimensions that occurs).

No person is in here: no names, no free text, no case numbers — only codes and counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Granularity = Literal["year", "quarter"]
Measures = tuple[tuple[int, ...], tuple[int, ...]]  # counts per column, their key sums

SIZE_BANDS: tuple[str, ...] = ("under 50", "50–199", "200–999", "1000 eller flere", "ukjent")
"""Employers generalised to size (aml kap. 8 counts from 50 employees)."""

UNKNOWN = "ukjent"
REPLY_CLASSES: tuple[str, ...] = ("in_time", "late", "unanswered", "pending")
"""How the employer answered a case's letters with a reply deadline, the worst first when
a case has several (``services/report_data._reply_class``)."""
OPEN = "open"  # the outcome of a case not yet closed


def size_band(employees: int | None) -> str:
    if employees is None:
        return UNKNOWN
    if employees < 50:
        return SIZE_BANDS[0]
    if employees < 200:
        return SIZE_BANDS[1]
    if employees < 1000:
        return SIZE_BANDS[2]
    return SIZE_BANDS[3]


@dataclass(frozen=True)
class ReportRequest:
    """What the report covers. A case belongs to the period by its first known date
    (notice, else decision, else the day it was registered)."""

    start: date
    end: date  # inclusive
    granularity: Granularity = "year"  # trends by year or by quarter
    min_cell: int = 3  # published values under this are shown as «–» (at least 3)
    anonymise_employers: bool = False  # employers generalised to sector and size band
    # No subsets of the database (one sector, some representatives): two reports of sets
    # that differ by a few cases can be subtracted (docs/rapport-metode.md).


@dataclass(frozen=True, slots=True)
class CubeCell:
    """The number of cases with one combination of the dimensions, and what they add up to."""

    period: str  # "2026" or "2026-K1"
    case_type: str  # vocabulary.CASE_TYPES code
    sector: str  # vocabulary.SECTORS code, or UNKNOWN
    agreement: str  # vocabulary.AGREEMENTS code ("none" when the employer has none)
    size_band: str  # one of SIZE_BANDS
    outcome: str  # vocabulary.OUTCOMES code, or OPEN
    timing: str  # the stored verdict's timing code, or UNKNOWN when not judged
    signed_protocol: bool  # a protocol/referat signed by both is on the timeline
    environment_involved: bool  # verneombud or AMU is on the timeline
    cases: int
    members: int  # members affected, summed over the cases where it is known
    letters_sent: int  # letter_sent events
    deadlines_missed: int  # reply deadlines passed without being met (as of the report day)
    # The cell-key sums (reports/cellkey.py): the cases' keys added up, for the cases and
    # for the cases with a letter sent / a deadline missed, which the report counts.
    key_sum: int = 0
    letter_cases: int = 0
    letter_keys: int = 0
    missed_cases: int = 0
    missed_keys: int = 0
    members_known: int = 0  # cases whose number of members affected is known
    # Data quality: cases without a notice date / a decision date, with their key sums.
    no_notice: int = 0
    no_notice_keys: int = 0
    no_decision: int = 0
    no_decision_keys: int = 0
    # Cases by how the employer answered their letters (one count per REPLY_CLASSES, a case
    # in at most one), escalated beyond the local level, and linked to a group case.
    replies: tuple[int, ...] = (0, 0, 0, 0)
    reply_keys: tuple[int, ...] = (0, 0, 0, 0)
    escalated: int = 0
    escalated_keys: int = 0
    grouped: int = 0
    grouped_keys: int = 0


@dataclass(frozen=True)
class ReportData:
    """Everything the figures are made from."""

    request: ReportRequest
    made_on: date
    cells: tuple[CubeCell, ...]
    # Days from the first notice to the first drøftingsmøte, one per case that has both
    # (for the median); kept per period for the trend.
    days_to_drofting: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # The employers by name, only when not anonymised: name -> number of cases.
    employers: dict[str, int] = field(default_factory=dict)
    # The cell-key sums beside them: name -> keys of its cases; period -> keys of the
    # cases with both dates (days_to_drofting).
    employer_keys: dict[str, int] = field(default_factory=dict)
    drofting_keys: dict[str, int] = field(default_factory=dict)
    # Named report only: name -> its cases per REPLY_CLASSES and their keys.
    employer_replies: dict[str, Measures] = field(default_factory=dict)
    # (stage, outcome or "pending") -> (cases that reached the stage, their keys).
    escalations: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    # One per group case among the report's cases: (its first period, its cell key).
    groups: tuple[tuple[str, int], ...] = ()
    # Home-office checklist: (item key or "*", met/not_met/unknown) -> (cases, keys).
    checklist: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
