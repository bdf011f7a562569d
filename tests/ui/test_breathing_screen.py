"""Breathing sessions on screen: one tap to start, the pacer and cues follow the clock."""

import dataclasses

from pwa import routes
from pwa.core.settings import AppSettings
from tests.flet_harness import mounted


async def wait_for(h, predicate, turns: int = 200):
    for _ in range(turns):
        if predicate():
            return
        await h.settle(5)
    raise AssertionError("condition never became true")


def phase_word(h) -> str:
    return h.one(key="phase-word").value


async def test_breathe_now_starts_the_default_pattern_in_one_tap_with_cues(app_main, clock, cues):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="breathe-now"))
        assert h.routes() == [routes.HOME, routes.BREATHE_NOW]
        assert h.top_view().appbar.title.value == "Slow resonance breathing"
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        assert cues.cues == ["inhale"] and cues.awake == [True]
        pacer = h.one(key="pacer")
        assert pacer.scale == 1.0 and pacer.animate_scale.duration == 4000

        clock.advance(4.0)
        await wait_for(h, lambda: phase_word(h) == "Breathe out")
        assert cues.cues == ["inhale", "exhale"]
        assert h.one(key="pacer").scale == 0.55
        assert h.one(key="session-left").value == "Breath 1 of 30 · 4:56 left"


async def test_pause_holds_everything_and_resume_carries_on(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("box")) as h:
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(2)
        await h.tap(h.one(key="pause-resume"))
        assert h.one(key="pause-resume").content == "Resume"
        assert h.one(key="pacer").scale == 0.775  # frozen half-way through breathing in
        clock.advance(60)
        await h.settle(20)
        assert phase_word(h) == "Breathe in" and cues.cues == ["inhale"]

        await h.tap(h.one(key="pause-resume"))
        clock.advance(2)
        await wait_for(h, lambda: phase_word(h) == "Hold")
        assert cues.cues == ["inhale", "hold"]


async def test_a_finished_session_says_so_calmly_and_releases_the_screen(app_main, deps, clock, cues):
    async with mounted(app_main, route=routes.breathe("4-7-8")) as h:
        await wait_for(h, lambda: phase_word(h) == "Breathe in")
        clock.advance(4 * 19)
        await wait_for(h, lambda: bool(h.all(key="finish")))
        assert cues.cues[-1] == "finish" and cues.awake == [True, False]
        assert h.one(key="finish-message").value.startswith("You gave yourself 1 minute of slow breathing.")
        assert deps.settings_repository.load().breathing_pattern_id == "4-7-8"

        await h.tap(h.one(key="session-again"))
        await wait_for(h, lambda: bool(h.all(key="phase-word")) and phase_word(h) == "Breathe in")


async def test_stop_ends_early_without_a_finish_chime(app_main, clock, cues):
    async with mounted(app_main, route=routes.breathe("resonance")) as h:
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
        await h.change(h.one(key="reduced-motion"), {"value": True}, "true")
        await h.change(h.one(key="sound-cues"), {"value": False}, "false")
        saved = deps.settings_repository.load()
        assert saved.reduced_motion is True and saved.sound_cues is False
        await h.navigate(routes.breathe("box"))
        await wait_for(h, lambda: bool(h.all(key="pacer-bar")))
        assert h.all(key="pacer") == []
        clock.advance(2)
        await wait_for(h, lambda: h.one(key="pacer-bar").value == 0.5)


async def test_cue_settings_reach_the_cue_player(deps):
    from pwa.app import main

    made_with: list[AppSettings] = []
    recording = deps.make_cues(AppSettings())
    deps = dataclasses.replace(deps, make_cues=lambda settings: made_with.append(settings) or recording)
    deps.settings_repository.save(AppSettings(sound_cues=False, vibration_cues=True))
    async with mounted(lambda page: main(page, deps), route=routes.BREATHE_NOW) as h:
        await wait_for(h, lambda: bool(made_with))
        assert (made_with[0].sound_cues, made_with[0].vibration_cues) == (False, True)


async def test_closing_a_running_session_releases_the_screen(app_main, clock, cues):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="breathe-now"))
        await wait_for(h, lambda: cues.awake == [True])
        await h.pop_view()
        assert h.routes() == [routes.HOME]
        await wait_for(h, lambda: cues.awake == [True, False])
