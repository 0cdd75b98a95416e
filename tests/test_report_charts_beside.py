"""The report's charts drawn by a forked child beside the tables (reports/chart_worker.py):
the same pictures as drawn in the process, and a child that dies or cannot draw leaves the
report whole."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tillitsvalgt.reports import chart_worker
from tillitsvalgt.reports.chart_worker import Charts
from tillitsvalgt.reports.documents import ChartSpec, Series, render_chart

SPECS = [
    ChartSpec(
        "hbar", ("Kommune", "Stat", "Privat"), (Series("Saker", (12.0, None, 30.0)),), "Saker"
    ),
    ChartSpec("bars", ("2025", "2026"), (Series("Saker", (4.0, 9.0)),), "Saker"),
    ChartSpec(
        "hstacked",
        ("Kommune", "Privat"),
        (Series("Under 50", (3.0, None)), Series("50–199", (7.0, 11.0))),
        "Saker",
    ),
]


def test_a_child_draws_the_same_pictures_as_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(chart_worker.INLINE_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    here = [render_chart(spec) for spec in SPECS]
    with Charts(SPECS, render_chart) as charts:
        assert charts.beside  # Linux with two cores: a child draws
        assert [charts.png(k) for k in range(len(SPECS))] == here
        assert charts.png(0) == here[0]  # asked again: the same, not drawn again


def test_drawn_here_when_told_or_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(chart_worker.INLINE_ENV, "1")
    with Charts(SPECS, render_chart) as charts:
        assert not charts.beside
        assert charts.png(2) == render_chart(SPECS[2])
    monkeypatch.delenv(chart_worker.INLINE_ENV)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    with Charts(SPECS, render_chart) as charts:
        assert not charts.beside


def test_a_child_that_fails_halfway_leaves_the_rest_drawn_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(chart_worker.INLINE_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parent = os.getpid()

    def breaks_in_the_child(spec: ChartSpec) -> bytes:
        if os.getpid() != parent and spec is SPECS[1]:
            raise RuntimeError("the child cannot draw this one")
        return render_chart(spec)

    with Charts(SPECS, breaks_in_the_child) as charts:
        assert charts.beside
        assert [charts.png(k) for k in range(len(SPECS))] == [render_chart(s) for s in SPECS]


def test_this_process_draws_from_the_back_while_the_child_is_busy_and_none_twice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The child is slow on the first chart (it finishes only once this process has
    drawn the middle one, and this one draws that only once the child has begun: the
    same order however loaded the machine): this process draws the last two
    itself instead of waiting, and the child stops where they meet. Every chart is drawn
    once (each drawing writes a line to a file both processes append to)."""
    monkeypatch.delenv(chart_worker.INLINE_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parent = os.getpid()
    log = tmp_path / "drawn.txt"
    middle_drawn = tmp_path / "middle-drawn"

    child_began = tmp_path / "child-began"

    def wait_for(marker: Path) -> None:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)

    def slow_in_the_child(spec: ChartSpec) -> bytes:
        if os.getpid() != parent:  # the child, on the first chart (claimed already)
            child_began.touch()
            wait_for(middle_drawn)
        elif spec is SPECS[1]:  # so this process cannot reach the first chart first
            wait_for(child_began)
        picture = render_chart(spec)
        with log.open("a") as out:
            out.write(f"{SPECS.index(spec)}\n")
        if os.getpid() == parent and spec is SPECS[1]:
            middle_drawn.touch()
        return picture

    with Charts(SPECS, slow_in_the_child) as charts:
        assert charts.beside
        assert [charts.png(k) for k in range(len(SPECS))] == [render_chart(s) for s in SPECS]
        assert charts.drawn_here == 2
    assert sorted(log.read_text().split()) == ["0", "1", "2"]
