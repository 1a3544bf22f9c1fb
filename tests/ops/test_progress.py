"""A job's progress: how far it is, parts of it, and a cancel from another thread."""

from __future__ import annotations

import threading

import pytest

from canvasapp.ops.progress import Cancelled, Progress, reporter


def test_reports_fractions_and_parts_fill_their_share() -> None:
    progress = Progress()
    progress.report(1, 4, "Reading")
    assert (progress.fraction, progress.stage) == (0.25, "Reading")
    part = progress.part(0.5, 1.0, "Writing")
    assert progress.fraction == 0.5
    part.report(1, 2)
    assert progress.fraction == 0.75 and progress.stage == "Writing"
    progress.report(9, 0)  # nothing to do is no step at all, never a division by zero
    assert progress.fraction == 0.0


def test_a_cancel_from_another_thread_stops_the_next_report() -> None:
    progress = Progress()
    part = progress.part(0.0, 0.5)
    reached: list[int] = []

    def work() -> None:
        with pytest.raises(Cancelled):
            steps = reporter(part, 10**9, every=10)
            for step in range(10**9):
                reached.append(step)
                steps.step()

    worker = threading.Thread(target=work)
    worker.start()
    while not reached:
        pass
    part.cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert progress.cancelled and part.cancelled


def test_no_progress_never_stops_the_work() -> None:
    steps = reporter(None, 100, every=1)
    for _ in range(100):
        steps.step()


def test_a_cancel_before_the_commit_stops_the_work_and_one_after_it_changes_nothing() -> None:
    early = Progress()
    early.cancel()
    with pytest.raises(Cancelled):
        early.commit()

    late = Progress().part(0.0, 1.0)
    late.commit()
    late.cancel()
    assert not late.cancelled
    late.report(1, 1)  # the work goes on to its end
