import pytest

from pwa.core.pmr import SEQUENCES, PmrError, PmrPhase, clamp_seconds, pmr_session
from pwa.core.timed_session import StepStarted
from tests.core.fakes import FakeClock


@pytest.mark.parametrize("groups", [16, 7, 4])
def test_each_sequence_tenses_then_releases_every_group_in_order(groups):
    clock = FakeClock()
    session = pmr_session(clock, groups, tense_seconds=6, release_seconds=35)
    session.start()
    assert session.total == groups * 41
    clock.advance(session.total)
    started = [e.step.what for e in session.poll() if isinstance(e, StepStarted)]
    assert [s.group for s in started[::2]] == list(SEQUENCES[groups])
    assert [s.phase for s in started] == [PmrPhase.TENSE, PmrPhase.RELEASE] * groups


def test_the_sixteen_groups_follow_bernstein_and_borkovec():
    names = [g.name for g in SEQUENCES[16]]
    assert names[0] == "Right hand and forearm" and names[4] == "Forehead" and names[-1] == "Left foot"
    assert len(set(names)) == 16


def test_calves_and_feet_are_tensed_by_pulling_the_toes_up():
    lower_legs = [g for groups in SEQUENCES.values() for g in groups if any(w in g.id for w in ("calf", "foot", "leg"))]
    assert lower_legs and all("toes up towards your shin" in g.tense for g in lower_legs)
    assert all("point" not in g.tense.replace("without pointing", "") for g in lower_legs)


def test_every_step_has_an_instruction_and_times_stay_in_range():
    clock = FakeClock()
    session = pmr_session(clock, 4, tense_seconds=1, release_seconds=500)
    assert [s.seconds for s in session.steps[:2]] == [3, 60]
    assert all(s.what.instruction for s in session.steps)
    assert clamp_seconds(6, 35) == (6, 35)
    with pytest.raises(PmrError):
        pmr_session(clock, 5)


def test_skip_and_back_move_between_groups():
    clock = FakeClock()
    session = pmr_session(clock, 4)
    session.start()
    session.skip()
    session.skip()
    assert session.state().step.what.group.id == "head-neck"
    session.back()
    assert session.state().step.what.group.id == "arms"


def test_a_group_keeps_its_id_name_and_instruction():
    from pwa.core.pmr import MuscleGroup, _group

    group = _group("jaw", "Jaw", "Clench gently.")
    assert group == MuscleGroup("jaw", "Jaw", "Clench gently.")
    assert group.release.startswith("Let go all at once.")


@pytest.mark.parametrize("groups", [0, 5, 8, 15, 17])
def test_only_16_7_or_4_groups_and_the_message_says_so(groups):
    with pytest.raises(PmrError, match=r"^choose 16, 7, 4 muscle groups$"):
        pmr_session(FakeClock(), groups)
