import pytest

from pwa.core.breathing import (
    PRESETS,
    UNTIL_STOPPED,
    PatternError,
    PhaseKind,
    find_pattern,
    length_label,
    make_pattern,
    pattern_from_dict,
)
from pwa.core.timed_session import StepStarted
from tests.core.fakes import FakeClock

EXPECTED = {  # preset -> (phase kinds in order, seconds, default session length in seconds)
    "cyclic-sigh": ([PhaseKind.INHALE, PhaseKind.TOP_UP, PhaseKind.EXHALE], [2.5, 1.0, 6.5], 300),
    "resonance": ([PhaseKind.INHALE, PhaseKind.EXHALE], [4, 6], 300),
    "box": ([PhaseKind.INHALE, PhaseKind.HOLD_IN, PhaseKind.EXHALE, PhaseKind.HOLD_OUT], [4, 4, 4, 4], 240),
    "4-7-8": ([PhaseKind.INHALE, PhaseKind.HOLD_IN, PhaseKind.EXHALE], [4, 7, 8], 76),
}


@pytest.mark.parametrize("pattern", PRESETS, ids=lambda p: p.id)
def test_every_preset_runs_its_phases_in_order_with_their_timing(pattern):
    kinds, seconds, total = EXPECTED[pattern.id]
    clock = FakeClock()
    session = pattern.session(clock)
    session.start()
    assert session.total == total
    seen = []
    for _ in range(len(kinds)):
        seen += [(e.step.what, clock.now - 1000.0) for e in session.poll() if isinstance(e, StepStarted)]
        clock.advance(session.seconds_until_next_change())
    starts = [sum(seconds[:i]) for i in range(len(seconds))]
    assert seen == list(zip(kinds, starts))
    assert pattern.explanation


def test_resonance_breathing_is_six_breaths_a_minute_with_a_longer_exhale():
    resonance = find_pattern("resonance")
    assert resonance.breaths_per_minute == 6
    exhale = next(p for p in resonance.phases if p.what is PhaseKind.EXHALE)
    inhale = next(p for p in resonance.phases if p.what is PhaseKind.INHALE)
    assert exhale.seconds > inhale.seconds


def test_cyclic_sigh_breathes_out_about_twice_as_long_as_in():
    sigh = find_pattern("cyclic-sigh")
    breath_in = sum(p.seconds for p in sigh.phases if p.what in (PhaseKind.INHALE, PhaseKind.TOP_UP))
    breath_out = sum(p.seconds for p in sigh.phases if p.what is PhaseKind.EXHALE)
    assert 1.5 <= breath_out / breath_in <= 2.5


def test_a_session_can_be_set_by_minutes_or_run_until_stopped():
    box = find_pattern("box")
    assert box.session(FakeClock(), minutes=2).total == 128  # 8 whole cycles of 16 s
    assert box.session(FakeClock(), minutes=UNTIL_STOPPED).cycles is None
    assert box.session(FakeClock()).total == 4 * 60  # its default: 4 minutes


@pytest.mark.parametrize(
    "pattern_id, minutes, cycles",
    [
        ("resonance", 1, 6),  # 10 s breaths
        ("resonance", 3, 18),
        ("resonance", 5, 30),
        ("resonance", 10, 60),
        ("resonance", None, 30),  # the default: 5 minutes
        ("resonance", UNTIL_STOPPED, None),
        ("cyclic-sigh", None, 30),  # 5 minutes of 10 s sighs, as in its study
        ("4-7-8", None, 4),  # short sets of four breaths
        ("4-7-8", 1, 3),  # 60 / 19 s, rounded to whole breaths
        ("4-7-8", 10, 32),
        ("box", 1, 4),
    ],
)
def test_session_lengths_are_whole_breaths(pattern_id, minutes, cycles):
    assert find_pattern(pattern_id).cycles_for(minutes) == cycles


def test_a_very_short_length_is_still_one_whole_breath():
    slow = make_pattern("Slow", [("inhale", 30), ("hold_in", 30), ("exhale", 30), ("hold_out", 30)])
    assert slow.cycles_for(1) == 1  # 60 s of a 120 s breath rounds to 0; one breath at least


@pytest.mark.parametrize("minutes, label", [(1, "1 minute"), (3, "3 minutes"), (10, "10 minutes"), (UNTIL_STOPPED, "Until I stop")])
def test_length_labels(minutes, label):
    assert length_label(minutes) == label


def test_default_lengths_are_named_as_people_count_them():
    assert find_pattern("cyclic-sigh").default_length == "5 minutes"
    assert find_pattern("4-7-8").default_length == "4 breaths"


def test_a_valid_custom_pattern_round_trips():
    pattern = make_pattern("  Evening  ", [("inhale", "5"), ("hold_in", 0), ("exhale", 7.5)])
    assert pattern.name == "Evening" and pattern.id.startswith("custom-")
    assert pattern_from_dict(pattern.to_dict()) == pattern


@pytest.mark.parametrize(
    "name, phases, message",
    [
        ("", [("inhale", 4), ("exhale", 4)], "Give the pattern a name."),
        ("x" * 41, [("inhale", 4), ("exhale", 4)], "40 characters"),
        ("A", [("inhale", 31), ("exhale", 4)], "Breathe in: use between 0 and 30 seconds."),
        ("A", [("inhale", -1), ("exhale", 4)], "between 0 and 30"),
        ("A", [("inhale", "four"), ("exhale", 4)], "enter a number of seconds"),
        ("A", [("inhale", float("nan")), ("exhale", 4)], "between 0 and 30"),
        ("A", [("exhale", 4)], "Include a breath in"),
        ("A", [("inhale", 4), ("exhale", 0)], "Include a breath out"),
        ("A", [("sneeze", 4), ("inhale", 4), ("exhale", 4)], "'sneeze' is not a breathing phase."),
    ],
)
def test_invalid_custom_patterns_say_what_is_wrong(name, phases, message):
    with pytest.raises(PatternError) as caught:
        make_pattern(name, phases)
    assert any(message in problem for problem in caught.value.problems)


def test_unknown_pattern_ids_fall_back_to_the_default():
    assert find_pattern("nope").id == "resonance"
    assert find_pattern(None).id == "resonance"


def test_the_pacer_grows_on_the_way_in_and_shrinks_on_the_way_out():
    from pwa.core.breathing import pacer_scale

    box = find_pattern("box").phases  # in, hold, out, hold
    assert pacer_scale(box, 0, 0.0) == 0.55 and pacer_scale(box, 0, 1.0) == 1.0
    assert pacer_scale(box, 1, 0.5) == 1.0  # holding full
    assert pacer_scale(box, 2, 0.5) == pytest.approx(0.775)
    assert pacer_scale(box, 3, 0.5) == 0.55
