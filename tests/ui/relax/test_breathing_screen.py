"""Breathing sessions on screen: one tap to start, the pacer and cues follow the clock."""

import dataclasses

from pwa import routes
from pwa.core.settings import AppSettings, MotionChoice
from tests.flet_harness import mounted


async def wait_for(h, predicate, turns: int = 200):
    for _ in range(turns):
        if predicate():
            return
        await h.settle(5)
    raise AssertionError("condition never became true")


def phase_word(h) -> str:
    return h.one(key="phase-word").value


async def through_lead_in(h, clock) -> None:
    """The calm 3-2-1 before the first cue, on by default: let the (fake) clock run through it."""
    await wait_for(h, lambda: bool(h.all(key="skip-lead-in")))
    clock.advance(3)
    await wait_for(h, lambda: h.all(key="skip-lead-in") == [])


async def test_breathe_now_starts_the_default_pattern_in_one_tap_with_cues(app_main, clock, cues):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="breathe-now"))
        assert h.routes() == [routes.HOME, routes.BREATHE_NOW]
        assert h.top_view().appbar.title.value == "Slow resonance breathing"
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert cues.cues == ["get_ready", "inhale"] and cues.awake == [True]
        pacer = h.one(key="pacer")
        assert pacer.scale == 1.0 and pacer.animate_scale.duration == 4000

        clock.advance(4.0)
        await wait_for(h, lambda: phase_word(h) == "Breathe out")
        assert cues.cues == ["get_ready", "inhale", "exhale"]
        assert h.one(key="pacer").scale == 0.55
        assert h.one(key="session-left").value == "Breath 1 of 30 · 4:56 left"


async def test_pause_holds_everything_and_resume_carries_on(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("box")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(2)
        await h.tap(h.one(key="pause-resume"))
        assert h.one(key="pause-resume").content == "Resume"
        pacer = h.one(key="pacer")
        assert pacer.scale == 0.775  # frozen half-way through breathing in
        assert phase_word(h) == "Paused"  # said plainly, and shown: dimmed with a pause sign
        assert pacer.opacity < 1 and h.one(key="pacer-paused") is not None
        assert pacer.animate_scale is not None and pacer.animate_scale.duration == 0
        assert h.one(key="phase-seconds").value == "2"
        clock.advance(60)
        await h.settle(20)
        assert phase_word(h) == "Paused" and cues.cues == ["get_ready", "inhale"]

        await h.tap(h.one(key="pause-resume"))
        assert phase_word(h) == "Breathe in" and h.all(key="pacer-paused") == []
        assert h.one(key="pacer").opacity == 1.0
        assert h.one(key="pacer").animate_scale.duration == 2000  # the rest of the breath in, from where it was
        clock.advance(2)
        await wait_for(h, lambda: phase_word(h) == "Hold")
        assert cues.cues == ["get_ready", "inhale", "hold"]


async def test_a_finished_session_says_so_calmly_and_releases_the_screen(app_main, deps, clock, cues):
    async with mounted(app_main, route=routes.breathe("4-7-8")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(4 * 19)
        await wait_for(h, lambda: bool(h.all(key="finish")))
        assert cues.cues[-1] == "finish" and cues.awake == [True, False]
        assert h.one(key="finish-message").value.startswith("You gave yourself 1 minute of slow breathing.")
        assert h.one(key="finish").semantics_label == "Session finished. Well done." and h.one(key="finish").parent.live_region
        assert deps.settings_repository.load().breathing_pattern_id == "4-7-8"

        await h.tap(h.one(key="session-again"))
        await wait_for(h, lambda: bool(h.all(key="phase-word")) and phase_word(h) == "Get ready")


async def test_stop_ends_early_without_a_finish_chime(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("resonance")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(5)
        await h.tap(h.one(key="stop"))
        await wait_for(h, lambda: bool(h.all(key="finish")))
        assert "finish" not in cues.cues and cues.awake == [True, False]
        assert h.one(key="finish-message").value.startswith("You took a short pause for yourself.")


async def test_breathe_now_uses_the_last_pattern_and_relax_lists_every_preset(app_main, deps):
    deps.settings_repository.save(AppSettings(breathing_pattern_id="cyclic-sigh"))
    async with mounted(app_main, route=routes.RELAX) as h:
        for pattern_id in ("cyclic-sigh", "resonance", "box", "4-7-8"):
            assert h.one(key=f"pattern-{pattern_id}").subtitle.value
        assert h.one(key="relax-breathe-now").content == "Breathe now: Cyclic sigh"
        await h.tap(h.one(key="pattern-box"))
        assert h.page.route == routes.breathe("box")
        assert h.top_view().appbar.title.value == "Box breathing"


async def test_reduced_motion_shows_a_progress_bar_instead_of_the_moving_circle(app_main, deps, clock):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        assert h.chosen("motion-choice") == "device"
        await h.select("motion-choice", "reduce")
        await h.change(h.one(key="sound-cues"), {"value": False}, "false")
        saved = deps.settings_repository.load()
        assert saved.motion is MotionChoice.REDUCE and saved.sound_cues is False
        await h.navigate(routes.breathe("box"))
        await wait_for(h, lambda: bool(h.all(key="pacer-bar")))
        assert h.all(key="pacer") == []
        await through_lead_in(h, clock)
        clock.advance(2)
        await wait_for(h, lambda: h.one(key="pacer-bar").value == 0.5)


def device_asking_for_less_motion(deps):
    async def reduces() -> bool:
        return True

    return dataclasses.replace(deps, device_reduces_motion=reduces)


async def test_the_devices_reduce_motion_setting_is_followed_until_the_person_chooses(deps):
    from pwa.app import main

    deps = device_asking_for_less_motion(deps)
    async with mounted(lambda page: main(page, deps), route=routes.breathe("box")) as h:
        await wait_for(h, lambda: bool(h.all(key="pacer-bar")))  # nothing chosen: the device's setting
        assert h.all(key="pacer") == []
        await h.navigate(routes.SETTINGS)
        assert h.one(key="motion-choice").content.label == "Motion in sessions: Same as my device (reduced motion now)"
        await h.select("motion-choice", "full")
        await h.navigate(routes.breathe("box"))
        await wait_for(h, lambda: bool(h.all(key="pacer")))  # the person's choice wins
        assert h.all(key="pacer-bar") == []


async def test_a_device_that_does_not_ask_keeps_the_moving_circle(app_main):
    async with mounted(app_main, route=routes.breathe("box")) as h:
        await wait_for(h, lambda: bool(h.all(key="pacer")))
        assert h.all(key="pacer-bar") == []


async def test_cue_settings_reach_the_cue_player(deps):
    from pwa.app import main

    made_with: list[AppSettings] = []
    recording = deps.make_cues(AppSettings())
    deps = dataclasses.replace(deps, make_cues=lambda settings: made_with.append(settings) or recording)
    deps.settings_repository.save(AppSettings(sound_cues=False, vibration_cues=True))
    async with mounted(lambda page: main(page, deps), route=routes.BREATHE_NOW) as h:
        await wait_for(h, lambda: bool(made_with))
        assert (made_with[0].sound_cues, made_with[0].vibration_cues, made_with[0].spoken_cues) == (False, True, False)


async def test_spoken_cues_and_the_lead_in_are_chosen_in_settings(app_main, deps):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        assert h.one(key="spoken-cues").value is False and h.one(key="lead-in").value is True
        await h.change(h.one(key="spoken-cues"), {"value": True}, "true")
        await h.change(h.one(key="lead-in"), {"value": False}, "false")
    saved = deps.settings_repository.load()
    assert saved.spoken_cues is True and saved.lead_in is False


def test_the_app_plays_the_voice_when_spoken_cues_are_on():
    from pwa.ui.shell.context import AppDependencies

    make = AppDependencies.__dataclass_fields__["make_cues"].default
    assert make(AppSettings(spoken_cues=True)).spoken is True
    assert make(AppSettings()).spoken is False


async def test_closing_a_running_session_releases_the_screen(app_main, clock, cues):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="breathe-now"))
        await wait_for(h, lambda: cues.awake == [True])
        await h.pop_view()
        assert h.routes() == [routes.HOME]
        await wait_for(h, lambda: cues.awake == [True, False])


async def test_the_lead_in_counts_down_calmly_and_can_be_skipped(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("box")) as h:
        await wait_for(h, lambda: bool(h.all(key="skip-lead-in")))
        assert phase_word(h) == "Get ready" and h.one(key="phase-seconds").value == "3"
        pacer = h.one(key="pacer")
        assert pacer.scale == 0.55  # at rest, so the first breath in grows it
        # Already an animated control (of no length): gaining an animation only when the first
        # breath starts makes the client draw it at its end size at once (issue 16).
        assert pacer.animate_scale is not None and pacer.animate_scale.duration == 0
        assert h.all(key="pause-resume") == []
        clock.advance(1.5)
        await wait_for(h, lambda: h.one(key="phase-seconds").value == "2")
        assert cues.cues == ["get_ready"]  # no tone per count
        await h.tap(h.one(key="skip-lead-in"))
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert cues.cues == ["get_ready", "inhale"]
        assert h.one(key="session-left").value == "Breath 1 of 15 · 4:00 left"  # the skipped wait is not part of it


async def test_without_the_lead_in_the_session_starts_by_itself(deps, clock, cues):
    from pwa.app import main

    deps.settings_repository.save(AppSettings(lead_in=False))
    async with mounted(lambda page: main(page, deps), route=routes.breathe("box")) as h:
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert cues.cues == ["inhale"] and h.all(key="skip-lead-in") == []


async def test_stop_during_the_lead_in_keeps_nothing(app_main, deps, clock, cues):
    async with mounted(app_main, route=routes.breathe("box")) as h:
        await wait_for(h, lambda: bool(h.all(key="skip-lead-in")))
        await h.tap(h.one(key="stop"))
        await wait_for(h, lambda: bool(h.all(key="finish")))
        assert cues.cues == ["get_ready"] and cues.awake == [True, False]
    assert list(deps.relaxation_repository.sessions()) == []


async def test_back_from_the_background_the_session_is_where_the_clock_says_with_one_cue(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("resonance")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(95.0)  # the phone was locked for 95 s: 9.5 breaths of 10 s
        await wait_for(h, lambda: phase_word(h) == "Breathe out")
        assert cues.cues == ["get_ready", "inhale", "exhale"]  # not nineteen cues at once
        assert h.one(key="session-left").value == "Breath 10 of 30 · 3:25 left"


async def test_the_history_keeps_the_time_actually_spent(app_main, deps, clock):
    async with mounted(app_main, route=routes.breathe("resonance")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(30)
        await h.tap(h.one(key="pause-resume"))
        clock.advance(600)  # a long pause does not count
        await h.tap(h.one(key="pause-resume"))
        clock.advance(10)
        await h.tap(h.one(key="stop"))
        await wait_for(h, lambda: bool(h.all(key="finish")))
        assert h.one(key="finish-message").value.startswith("You gave yourself 1 minute of slow breathing.")
    (record,) = deps.relaxation_repository.sessions()
    assert record.seconds == 40


async def test_a_session_stopped_before_20_seconds_is_not_kept_and_at_20_it_is(app_main, deps, clock):
    for seconds, kept in ((19.9, 0), (20.0, 1)):
        async with mounted(app_main, route=routes.breathe("resonance")) as h:
            await through_lead_in(h, clock)
            await wait_for(h, lambda: phase_word(h) == "Breathe in")
            clock.advance(seconds)
            await h.tap(h.one(key="stop"))
            await wait_for(h, lambda: bool(h.all(key="finish")))
        assert len(deps.relaxation_repository.sessions()) == kept


async def test_the_session_length_is_chosen_per_pattern_and_remembered(app_main, deps, clock):
    async with mounted(app_main, route=routes.breathe("cyclic-sigh")) as h:
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert h.one(key="session-left").value == "Breath 1 of 30 · 5:00 left"  # its study used 5 minutes
        length = h.one(key="session-length")
        assert h.chosen("session-length") == "default"
        assert [item.content for item in length.items] == [
            "5 minutes (usual)", "1 minute", "3 minutes", "5 minutes", "10 minutes", "Until I stop",
        ]  # fmt: skip
        await h.select("session-length", "10")
        assert h.one(key="session-left").value == "Breath 1 of 60 · 10:00 left"
        assert deps.settings_repository.load().minutes_for("cyclic-sigh") == 10

        await h.select("session-length", "0")
        clock.advance(65)
        await wait_for(h, lambda: h.one(key="session-left").value == "Breath 7 · 1:05 so far")
        assert h.one(key="session-progress").value is None
        assert deps.settings_repository.load().minutes_for("cyclic-sigh") == 0

    async with mounted(app_main, route=routes.breathe("box")) as h:  # other patterns keep their own
        await wait_for(h, lambda: bool(h.all(key="session-length")))
        assert h.chosen("session-length") == "default"
    async with mounted(app_main, route=routes.breathe("cyclic-sigh")) as h:  # and this one is remembered
        await through_lead_in(h, clock)
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert h.chosen("session-length") == "0"
        assert h.one(key="session-left").value == "Breath 1 · 0:00 so far"
        await h.select("session-length", "default")
        assert deps.settings_repository.load().minutes_for("cyclic-sigh") is None
