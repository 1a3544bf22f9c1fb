"""The phase timer with a fake clock: time moves only when the test says so."""

from __future__ import annotations

from canvasapp.ops.timer import PhaseTimer, TimerLevel, TimerState, format_seconds


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_counts_down_only_while_running() -> None:
    clock = FakeClock()
    timer = PhaseTimer(5, clock=clock)
    assert timer.reading().state is TimerState.IDLE
    assert timer.reading().text == "5:00"
    clock.advance(30)
    assert timer.remaining() == 300
    timer.start()
    clock.advance(61)
    assert timer.reading().text == "3:59"
    timer.pause()
    assert timer.reading().state is TimerState.PAUSED
    clock.advance(500)
    assert timer.elapsed() == 61
    timer.toggle()
    clock.advance(9)
    assert timer.elapsed() == 70 and timer.running


def test_warning_in_the_last_minute_and_over_at_zero() -> None:
    clock = FakeClock()
    timer = PhaseTimer(2, clock=clock)
    timer.start()
    clock.advance(59)
    assert timer.reading().level is TimerLevel.NORMAL
    clock.advance(2)
    assert timer.reading().level is TimerLevel.WARNING
    clock.advance(59)
    reading = timer.reading()
    assert reading.level is TimerLevel.OVER and reading.text == "0:00"
    clock.advance(90)
    assert timer.reading().text == "-1:30"
    assert timer.elapsed() == 210


def test_plus_minus_minutes_and_reset() -> None:
    clock = FakeClock()
    timer = PhaseTimer(3, clock=clock)
    timer.start()
    clock.advance(60)
    timer.add_minutes(1)
    assert timer.reading().text == "3:00"
    timer.add_minutes(-1)
    timer.add_minutes(-1)
    assert timer.reading().text == "1:00"
    assert timer.elapsed() == 60  # +1/−1 change the plan, never the time used
    timer.add_minutes(-10)
    assert timer.planned == 0
    timer.reset()
    assert (timer.reading().text, timer.running, timer.elapsed()) == ("3:00", False, 0)


def test_a_phase_continues_from_the_time_it_already_used() -> None:
    clock = FakeClock()
    timer = PhaseTimer(10, already_used=125, clock=clock)
    assert timer.reading().state is TimerState.PAUSED
    assert timer.reading().text == "7:55"
    timer.set_minutes(3)
    assert timer.reading().text == "0:55"


def test_format_seconds() -> None:
    assert format_seconds(0.2) == "0:01"
    assert format_seconds(0) == "0:00"
    assert format_seconds(-0.5) == "-0:00"
    assert format_seconds(3725) == "1:02:05"
