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


# ---- limits and messages, exactly (make mutation) ----
from pwa.core.breathing import MAX_NAME_LENGTH, BreathingPattern, _phases, pacer_scale  # noqa: E402
from pwa.core.timed_session import Step  # noqa: E402


def test_phases_are_steps_in_the_order_given():
    assert _phases((PhaseKind.INHALE, 4), (PhaseKind.EXHALE, 6.5)) == (Step(PhaseKind.INHALE, 4), Step(PhaseKind.EXHALE, 6.5))


@pytest.mark.parametrize("length, ok", [(MAX_NAME_LENGTH, True), (MAX_NAME_LENGTH + 1, False)])
def test_a_name_of_40_characters_is_fine_and_41_is_not(length, ok):
    phases = [("inhale", 4), ("exhale", 4)]
    if ok:
        assert make_pattern("n" * length, phases).name == "n" * length
    else:
        with pytest.raises(PatternError) as error:
            make_pattern("n" * length, phases)
        assert error.value.by_field == {"name": "Keep the name to 40 characters or fewer."}


@pytest.mark.parametrize(
    "name, phases, by_field",
    [
        ("", [("inhale", 4), ("exhale", 4)], {"name": "Give the pattern a name."}),
        ("A", [("breathe", 4), ("inhale", 4), ("exhale", "x")], {"pattern": "'breathe' is not a breathing phase.", "exhale": "Breathe out: enter a number of seconds."}),
        ("A", [("inhale", "x"), ("exhale", 31)], {"inhale": "Breathe in: enter a number of seconds.", "exhale": "Breathe out: use between 0 and 30 seconds."}),
        ("A", [("inhale", -1), ("hold_in", 4), ("exhale", 4)], {"inhale": "Breathe in: use between 0 and 30 seconds."}),
        ("A", [("inhale", 0), ("exhale", 0)], {"inhale": "Include a breath in of at least a moment.", "exhale": "Include a breath out of at least a moment."}),
        ("A", [("inhale", 4)], {"exhale": "Include a breath out of at least a moment."}),
        ("A", [("inhale", "nan"), ("exhale", 4)], {"inhale": "Breathe in: use between 0 and 30 seconds."}),
    ],
)  # fmt: skip
def test_every_problem_is_reported_under_its_field_at_once(name, phases, by_field):
    with pytest.raises(PatternError) as error:
        make_pattern(name, phases)
    assert error.value.by_field == by_field
    assert str(error.value) == " ".join(by_field.values())


def test_edge_seconds_are_allowed_and_blank_means_zero():
    pattern = make_pattern("Edges", [("inhale", 0.5), ("hold_in", " "), ("exhale", "30"), ("hold_out", 0)])
    assert [(s.what.value, s.seconds) for s in pattern.phases] == [("inhale", 0.5), ("hold_in", 0.0), ("exhale", 30.0), ("hold_out", 0.0)]
    assert len(pattern.id) == len("custom-") + 8


@pytest.mark.parametrize(
    "data, by_field",
    [
        ("box", {"pattern": "It is not a breathing pattern."}),
        ({"name": "A", "phases": [["inhale", 4], ["exhale", 4]]}, {"pattern": "It has no id."}),
        ({"id": "  ", "name": "A", "phases": [["inhale", 4], ["exhale", 4]]}, {"pattern": "It has no id."}),
        ({"id": 7, "name": "A", "phases": []}, {"pattern": "It has no id."}),
        ({"id": "a", "name": 5, "phases": []}, {"name": "Its name is not text."}),
        ({"id": "a", "name": "A", "phases": "inhale"}, {"pattern": "Its phases should be pairs of a phase and seconds."}),
        ({"id": "a", "name": "A", "phases": [["inhale", 4, 1]]}, {"pattern": "Its phases should be pairs of a phase and seconds."}),
        ({"id": "a", "name": "A", "phases": [("inhale", 4)]}, {"pattern": "Its phases should be pairs of a phase and seconds."}),
        ({"id": "a", "name": "A", "phases": [[4, 4]]}, {"pattern": "Its phases should be pairs of a phase and seconds."}),
        ({"id": "a", "name": "A", "phases": [["inhale", None]]}, {"pattern": "Its phases should be pairs of a phase and seconds."}),
        ({"id": "a", "phases": [["inhale", 4], ["exhale", 4]]}, {"name": "Give the pattern a name."}),
        ({"id": "a", "name": "A"}, {"inhale": "Include a breath in of at least a moment.", "exhale": "Include a breath out of at least a moment."}),
    ],
)  # fmt: skip
def test_a_stored_pattern_of_the_wrong_shape_says_what_is_wrong(data, by_field):
    with pytest.raises(PatternError) as error:
        pattern_from_dict(data)
    assert error.value.by_field == by_field


@pytest.mark.parametrize("index, progress, scale", [(0, 0.0, 0.55), (0, 1.0, 1.0), (1, 0.5, 0.775)])
def test_the_pacer_grows_from_the_previous_phase(index, progress, scale):
    resonance = find_pattern("resonance")  # in 4 s, out 6 s
    assert pacer_scale(resonance.phases, index, progress) == pytest.approx(scale)


def test_a_one_phase_pattern_grows_from_the_rest_size():
    only_in = (Step(PhaseKind.INHALE, 4),)
    assert pacer_scale(only_in, 0, 0.0) == 0.55 and pacer_scale(only_in, 0, 1.0) == 1.0


def test_a_pattern_with_no_default_length_runs_five_minutes():
    pattern = BreathingPattern("p", "P", find_pattern("resonance").phases, default_minutes=None)
    assert pattern.cycles_for(None) == 30 and pattern.default_length == "5 minutes"
