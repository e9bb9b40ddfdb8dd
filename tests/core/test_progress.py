"""Progress steps of long work: counted, cancellable, and each one hands the interpreter to a
thread waiting for it (the window), which Python's switch interval alone did not do in time —
the import held the window for 91–186 ms, 41–56 ms with the hand-over (the benchmark's
``stall`` part)."""

from __future__ import annotations

import pytest

from funnel_desktop.core import progress


def test_a_step_counts_hands_over_and_obeys_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(progress.time, "sleep", slept.append)
    tracker = progress.Progress()
    with progress.tracking(tracker):
        progress.phase("check", 4096)
        progress.advance(2048)
        assert tracker.done == 2048 and slept == [0]
        tracker.cancel()
        with pytest.raises(progress.Cancelled):
            progress.advance(2048)


def test_no_tracker_no_hand_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside long work (the command line, a quick action) a step costs nothing."""
    slept: list[float] = []
    monkeypatch.setattr(progress.time, "sleep", slept.append)
    progress.advance(2048)
    assert slept == []
