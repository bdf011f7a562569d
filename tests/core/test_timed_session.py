import pytest

from pwa.core.timed_session import SessionFinished, Step, StepStarted, TimedSession
from tests.core.fakes import FakeClock

STEPS = (Step("a", 2.0), Step("b", 3.0), Step("c", 5.0))


def started(clock, cycles=2, steps=STEPS):
    session = TimedSession(steps, cycles, clock)
    session.start()
    return session


def names(events):
    return [e.step.what if isinstance(e, StepStarted) else "finished" for e in events]


def test_position_progress_and_time_left_come_from_the_clock():
    clock = FakeClock()
    session = started(clock)
    clock.advance(3.5)
    state = session.state()
    assert (state.step.what, state.index, state.cycle) == ("b", 1, 1)
    assert state.progress == pytest.approx(0.5)
    assert state.step_seconds_left == pytest.approx(1.5)
    assert state.seconds_left == pytest.approx(16.5)
    clock.advance(10)
    assert (session.state().step.what, session.state().cycle) == ("b", 2)


def test_each_step_change_is_reported_once_in_order():
    clock = FakeClock()
    session = started(clock)
    assert names(session.poll()) == ["a"]
    assert session.poll() == []
    clock.advance(2.0)
    assert names(session.poll()) == ["b"]
    clock.advance(0.1)
    assert session.poll() == []


def test_a_late_tick_reports_every_skipped_step_in_order_and_the_right_state():
    clock = FakeClock()
    session = started(clock)
    session.poll()
    clock.advance(13.0)  # a, b, c of cycle 1 and a, b of cycle 2 have begun since
    events = session.poll()
    assert names(events) == ["b", "c", "a", "b"]
    assert [(e.cycle, e.index) for e in events] == [(1, 1), (1, 2), (2, 0), (2, 1)]
    assert session.state().step.what == "b" and session.state().cycle == 2


def test_the_finish_is_reported_once_after_the_last_step():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(100)
    events = session.poll()
    assert names(events) == ["a", "b", "c", "finished"]
    assert events[-1] == SessionFinished(10.0, completed=True)
    assert session.poll() == []
    assert session.finished and not session.running
    assert session.state().seconds_left == 0


def test_pause_freezes_time_and_resume_continues_without_a_jump():
    clock = FakeClock()
    session = started(clock)
    clock.advance(1.0)
    session.pause()
    clock.advance(60)
    assert session.elapsed() == pytest.approx(1.0)
    assert not session.running
    session.resume()
    clock.advance(1.5)
    assert session.elapsed() == pytest.approx(2.5)
    assert session.state().step.what == "b"


def test_stop_ends_the_session_early():
    clock = FakeClock()
    session = started(clock)
    clock.advance(4)
    session.stop()
    clock.advance(50)
    events = session.poll()
    assert events[-1] == SessionFinished(4.0, completed=False)
    assert session.elapsed() == 4.0 and session.finished


def test_skip_and_back_move_between_steps():
    clock = FakeClock()
    session = started(clock)
    session.poll()
    clock.advance(0.5)
    session.skip()
    assert session.state().step.what == "b" and session.state().progress == 0
    assert names(session.poll()) == ["b"]
    clock.advance(2.5)  # well into b: back restarts b
    session.back()
    assert session.state().step.what == "b" and session.elapsed() == pytest.approx(2.0)
    session.back()  # at the very start of b: back goes to a
    assert session.state().step.what == "a"
    assert names(session.poll()) == ["a"]


def test_zero_length_steps_are_left_out_and_empty_sessions_refused():
    clock = FakeClock()
    session = started(clock, cycles=1, steps=(Step("a", 1), Step("skip", 0), Step("b", 1)))
    clock.advance(5)
    assert names(session.poll()) == ["a", "b", "finished"]
    with pytest.raises(ValueError):
        TimedSession((Step("a", 0),), 1, clock)
    with pytest.raises(ValueError):
        TimedSession(STEPS, 0, clock)


def test_a_duration_becomes_whole_cycles():
    clock = FakeClock()
    assert TimedSession.for_duration(STEPS, 300, clock).cycles == 30
    assert TimedSession.for_duration(STEPS, 3, clock).cycles == 1
    assert TimedSession.for_duration(STEPS, 300, clock).total == 300


def test_nothing_happens_before_start():
    session = TimedSession(STEPS, 1, FakeClock())
    assert session.poll() == [] and session.elapsed() == 0 and not session.running
    session.pause()
    session.skip()
    assert not session.started
