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
    assert events[-1] == SessionFinished(10.0, completed=True, spent=10.0)
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
    assert events[-1] == SessionFinished(4.0, completed=False, spent=4.0)
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


# ---- time actually spent (issue 14/16: relaxation history records what really happened) ----


def test_a_session_stopped_after_40_seconds_spent_40_seconds():
    clock = FakeClock()
    session = started(clock, cycles=10)  # 100 s long
    clock.advance(40)
    session.stop()
    clock.advance(500)
    assert session.spent() == 40
    assert names(session.poll())[-1] == "finished"


def test_pauses_do_not_count_as_time_spent():
    clock = FakeClock()
    session = started(clock, cycles=10)
    clock.advance(7)
    session.pause()
    clock.advance(300)
    assert session.spent() == 7
    session.resume()
    clock.advance(3)
    assert session.spent() == 10
    assert session.elapsed() == 10


def test_a_skipped_step_counts_only_the_time_spent_in_it():
    clock = FakeClock()
    session = started(clock, cycles=1)  # a 2 s, b 3 s, c 5 s
    clock.advance(1)
    session.skip()  # 1 s of "a" left out
    assert session.elapsed() == 2.0
    assert session.spent() == 1.0
    clock.advance(0.5)
    session.skip()  # 2.5 s of "b" left out
    clock.advance(5)  # "c" runs to the end
    assert session.finished
    assert session.spent() == 6.5
    clock.advance(60)  # a late tick does not add time after the end
    events = session.poll()
    assert events[-1] == SessionFinished(10.0, completed=True, spent=6.5)


def test_going_back_does_not_take_time_away():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(4)  # in "b"
    session.back()  # to the start of "b" (2 s in "b" is not < 2 s... it is exactly 2: back to "b")
    assert session.elapsed() == 2.0
    assert session.spent() == 4.0
    clock.advance(8)
    assert session.finished and session.spent() == 12.0


def test_a_natural_finish_spends_exactly_the_session_length_however_late_the_tick():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(9.999)
    assert not session.finished and session.spent() == pytest.approx(9.999)
    clock.advance(1000)
    assert session.spent() == 10.0


def test_back_from_the_background_reports_every_step_once_and_the_position_is_exact():
    clock = FakeClock()
    session = started(clock, cycles=10)
    assert names(session.poll()) == ["a"]
    clock.advance(93.5)  # the phone was locked: no ticks for 93.5 s
    events = session.poll()
    assert len(events) == 2 + 8 * 3 + 2  # b, c of cycle 1; cycles 2-9 whole; a, b of cycle 10
    state = session.state()
    assert (state.cycle, state.step.what, state.step_seconds_left) == (10, "b", pytest.approx(1.5))
    assert session.spent() == 93.5


# ---- open-ended sessions and changing the length while running ----


def test_a_session_until_stopped_never_finishes_by_itself():
    clock = FakeClock()
    session = started(clock, cycles=None)
    clock.advance(10 * 3600)
    state = session.state()
    assert not session.finished and state.open_ended
    assert state.session_progress is None and state.cycles is None
    assert state.cycle == 3601 and state.step.what == "a"
    session.stop()
    assert session.finished and session.spent() == 36000


@pytest.mark.parametrize("cycles", [0, -1])
def test_a_session_needs_at_least_one_cycle(cycles):
    with pytest.raises(ValueError):
        TimedSession(STEPS, cycles, FakeClock())
    session = started(FakeClock())
    with pytest.raises(ValueError):
        session.set_cycles(cycles)


def test_the_length_can_change_while_running_but_never_cuts_the_current_cycle():
    clock = FakeClock()
    session = started(clock, cycles=None)
    clock.advance(25)  # cycle 3 (20-30 s)
    session.set_cycles(1)
    assert session.cycles == 3 and session.total == 30
    assert not session.finished
    clock.advance(5)
    assert session.finished
    session.set_cycles(None)  # too late: it has ended
    assert session.cycles == 3


def test_a_longer_length_carries_on_from_the_same_place():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(5)
    session.set_cycles(2)
    assert session.state().step.what == "c" and session.state().seconds_left == 15
    session.set_cycles(None)
    assert session.state().session_progress is None


def test_the_length_set_before_the_start_counts_from_the_first_cycle():
    session = TimedSession(STEPS, 4, FakeClock())
    session.set_cycles(1)
    assert session.cycles == 1 and session.total == 10


def test_paused_is_neither_running_nor_finished_nor_before_the_start():
    clock = FakeClock()
    session = TimedSession(STEPS, 1, clock)
    assert not session.state().paused  # not started yet
    session.start()
    clock.advance(1)
    assert not session.state().paused
    session.pause()
    assert session.state().paused
    session.resume()
    clock.advance(9)
    assert session.finished and not session.state().paused


# ---- exact limits (make mutation) ----


@pytest.mark.parametrize(
    "steps, cycles, message",
    [
        ((Step("a", 0),), 1, "a session needs at least one step longer than zero seconds"),
        ((), 1, "a session needs at least one step longer than zero seconds"),
        (STEPS, 0, "a session needs at least one cycle"),
    ],
)
def test_an_impossible_session_is_refused_with_the_reason(steps, cycles, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        TimedSession(steps, cycles, FakeClock())
    if cycles == 0:
        with pytest.raises(ValueError, match=f"^{message}$"):
            started(FakeClock()).set_cycles(0)


@pytest.mark.parametrize(
    "seconds, cycles",
    [(10, 1), (14.9, 1), (15.1, 2), (4, 1), (0, 1), (100, 10)],
)
def test_for_duration_fits_whole_cycles_and_at_least_one(seconds, cycles):
    clock = FakeClock()
    session = TimedSession.for_duration(STEPS, seconds, clock)
    assert session.cycles == cycles
    session.start()
    clock.advance(1)
    assert session.elapsed() == 1  # it runs on the clock it was given


def test_for_duration_ignores_empty_steps_and_a_one_second_step_counts():
    steps = (Step("a", 1.0), Step("b", 0.0), Step("c", 1.0))
    assert TimedSession.for_duration(steps, 10, FakeClock()).cycles == 5


def test_a_zero_length_session_for_duration_has_one_cycle():
    with pytest.raises(ValueError):
        TimedSession.for_duration((Step("a", 0.0),), 10, FakeClock())


def test_resume_after_stop_does_nothing_and_stop_before_start_ends_at_zero():
    clock = FakeClock()
    session = TimedSession(STEPS, 1, clock)
    session.stop()
    assert session.finished and session.elapsed() == 0.0 and session.spent() == 0.0
    clock = FakeClock()
    session = started(clock)
    clock.advance(3)
    session.pause()
    session.stop()
    clock.advance(5)
    session.resume()
    assert session.elapsed() == 3 and not session.running


def test_seeking_is_ignored_before_the_start_and_after_a_stop():
    clock = FakeClock()
    session = TimedSession(STEPS, 2, clock)
    session.skip()
    assert session.elapsed() == 0
    session.start()
    clock.advance(1)
    session.stop()
    session.skip()
    session.back()
    assert session.elapsed() == 1


def test_back_in_the_first_two_seconds_of_the_first_step_stays_at_the_start():
    clock = FakeClock()
    session = started(clock)
    clock.advance(1.5)
    session.back()
    assert session.elapsed() == 0.0
    assert names(session.poll()) == ["a"]


def test_back_exactly_two_seconds_in_restarts_this_step_and_just_before_goes_to_the_previous():
    clock = FakeClock()
    session = started(clock)
    clock.advance(2.0 + 2.0)  # "b" started at 2 s; 2 s into it
    session.back()
    assert session.elapsed() == 2.0
    clock.advance(1.999)  # 1.999 s into "b"
    session.back()
    assert session.elapsed() == 0.0


def test_skip_from_the_last_step_ends_the_session():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(6)  # in "c"
    session.skip()
    assert session.finished and session.elapsed() == 10


def test_the_last_instant_is_the_last_step_and_the_end_is_finished():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(9.999)
    state = session.state()
    assert state.step.what == "c" and not state.finished
    clock.advance(0.001)
    state = session.state()
    assert state.finished and state.step.what == "c" and state.progress == 1.0 and state.step_seconds_left == 0.0


def test_the_step_position_uses_whole_cycles():
    clock = FakeClock()
    session = started(clock, cycles=3)
    clock.advance(15)  # cycle 2, 5 s in: "c" (5-10)
    state = session.state()
    assert (state.cycle, state.step.what, state.cycles) == (2, "c", 3)
    events = session.poll()
    assert [(e.cycle, e.position) for e in events] == [(1, 0), (1, 1), (1, 2), (2, 3), (2, 4), (2, 5)]


def test_shortening_counts_whole_cycles_with_floor_division():
    clock = FakeClock()
    session = started(clock, cycles=None)
    clock.advance(19.5)  # still cycle 2
    session.set_cycles(1)
    assert session.cycles == 2


def test_the_finish_is_reported_only_once_even_when_polled_again():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(10)
    assert names(session.poll())[-1] == "finished"
    assert session.poll() == []


def test_no_time_is_spent_before_a_resume_at_the_very_end():
    clock = FakeClock()
    session = started(clock, cycles=1)
    clock.advance(5)
    session.pause()
    clock.advance(100)
    session.resume()
    assert session.spent() == 5.0  # not a minimum second


def test_resume_while_running_changes_nothing():
    clock = FakeClock()
    session = started(clock)
    clock.advance(3)
    session.resume()
    assert session.running and session.elapsed() == 3 and session.spent() == 3


def test_steps_that_all_last_nothing_make_one_cycle():
    from pwa.core.timed_session import whole_cycles

    assert whole_cycles((Step("a", 0), Step("b", 0)), 600) == 1
    assert whole_cycles((Step("a", 0), Step("b", 10)), 600) == 60
