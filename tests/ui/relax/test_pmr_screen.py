"""Progressive muscle relaxation on screen."""

from pwa import routes
from pwa.core.pmr import SEQUENCES
from tests.flet_harness import mounted
from tests.ui.relax.test_breathing_screen import through_lead_in, wait_for


def text(h, key) -> str:
    return h.one(key=key).value


async def test_relax_offers_16_7_and_4_groups_with_adjustable_timing(app_main, deps):
    async with mounted(app_main, route=routes.RELAX) as h:
        assert h.one(key="pmr-7").title.value == "7 muscle groups · about 5 min"
        assert h.one(key="pmr-release-value").value == "Release for: 35 s"
        for _ in range(3):
            await h.tap(h.one(key="pmr-release-less"))
        assert deps.settings_repository.load().pmr_release_seconds == 20
        assert h.one(key="pmr-release-value").semantics_label == "Release for: 20 seconds"
        assert h.one(key="pmr-16").title.value == "16 muscle groups · about 7 min"
        await h.tap(h.one(key="pmr-4"))
        assert h.page.route == routes.muscle_relaxation(4)


async def test_a_session_tenses_then_releases_each_group_with_cues(app_main, clock, cues):
    async with mounted(app_main, route=routes.muscle_relaxation(7)) as h:
        await wait_for(h, lambda: bool(h.all(key="pmr-phase")) and text(h, "pmr-phase") == "Get ready")
        assert text(h, "group-name") == "Right arm" and text(h, "pmr-seconds") == "3"
        await through_lead_in(h, clock)
        await wait_for(h, lambda: text(h, "pmr-phase") == "Tense gently")
        assert text(h, "group-name") == "Right arm"
        assert "fist" in text(h, "pmr-instruction")
        spoken = h.one(key="pmr-phase")
        assert spoken.semantics_label == f"Right arm: Tense gently. {text(h, 'pmr-instruction')}" and spoken.parent.live_region
        assert cues.cues == ["get_ready", "tense"] and cues.awake == [True]

        clock.advance(6)
        await wait_for(h, lambda: text(h, "pmr-phase") == "Release and notice")
        assert cues.cues == ["get_ready", "tense", "release"]
        assert text(h, "pmr-seconds") == "35"
        marks = [row.controls[0].semantics_label for row in h.one(key="body-progress").controls]
        assert marks == ["now"] + ["to come"] * 6


async def test_skip_back_and_the_body_progress(app_main, clock):
    async with mounted(app_main, route=routes.muscle_relaxation(4)) as h:
        await through_lead_in(h, clock)
        await h.tap(h.one(key="pmr-skip"))  # to releasing the arms
        await h.tap(h.one(key="pmr-skip"))  # to the head and neck
        assert text(h, "group-name") == SEQUENCES[4][1].name
        marks = [row.controls[0].semantics_label for row in h.one(key="body-progress").controls]
        assert marks == ["done", "now", "to come", "to come"]
        await h.tap(h.one(key="pmr-back"))
        assert text(h, "group-name") == SEQUENCES[4][0].name


async def test_lower_legs_are_tensed_by_pulling_the_toes_up(app_main, clock):
    async with mounted(app_main, route=routes.muscle_relaxation(16)) as h:
        await through_lead_in(h, clock)
        for _ in range(22):  # eleven groups, tense and release each: on to the right calf
            await h.tap(h.one(key="pmr-skip"))
        assert text(h, "group-name") == "Right calf"
        assert "pull your toes up towards your shin" in text(h, "pmr-instruction")


async def test_skipped_parts_of_steps_do_not_count_as_time_spent(app_main, deps, clock):
    async with mounted(app_main, route=routes.muscle_relaxation(4)) as h:
        await through_lead_in(h, clock)
        clock.advance(5)  # 5 of the 6 s of tensing the arms
        await h.tap(h.one(key="pmr-skip"))  # the last second is skipped
        clock.advance(20)
        await h.tap(h.one(key="pause-resume"))
        assert text(h, "pmr-phase") == "Paused"
        clock.advance(300)
        await h.tap(h.one(key="pause-resume"))
        assert text(h, "pmr-phase") == "Release and notice"
        await h.tap(h.one(key="stop"))
        await wait_for(h, lambda: bool(h.all(key="finish")))
    (record,) = deps.relaxation_repository.sessions()
    assert record.exercise == "Muscle relaxation, 4 groups" and record.seconds == 25
