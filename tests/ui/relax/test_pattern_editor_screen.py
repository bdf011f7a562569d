"""User-made breathing patterns and the session history, on screen."""

from pwa import routes
from tests.flet_harness import mounted
from tests.ui.relax.test_breathing_screen import phase_word, through_lead_in, wait_for


async def type_into(h, key, text):
    await h.change(h.one(key=key), {"value": text}, text)


async def test_a_new_pattern_is_validated_saved_and_can_be_started(app_main, deps, clock):
    async with mounted(app_main, route=routes.RELAX) as h:
        await h.tap(h.one(key="new-pattern"))
        assert h.page.route == routes.edit_pattern()
        await type_into(h, "field-inhale", "40")
        await type_into(h, "field-exhale", "0")
        await h.tap(h.one(key="save-pattern"))
        assert h.one(key="field-name").error == "Give the pattern a name."
        assert h.one(key="field-inhale").error == "Breathe in: use between 0 and 30 seconds."
        assert h.one(key="field-exhale").error == "Include a breath out of at least a moment."
        assert deps.relaxation_repository.patterns() == ()

        await type_into(h, "field-name", "Bedtime")
        await type_into(h, "field-inhale", "4")
        await type_into(h, "field-exhale", "8")
        await h.tap(h.one(key="save-pattern"))
        assert h.page.route == routes.RELAX
        (saved,) = deps.relaxation_repository.patterns()
        assert saved.name == "Bedtime" and [s.seconds for s in saved.phases if s.seconds] == [4, 8]
        assert h.one(key=f"pattern-{saved.id}").title.value == "Bedtime"

        await h.tap(h.one(key=f"pattern-{saved.id}"))
        await through_lead_in(h, clock)
        await wait_for(h, lambda: bool(h.all(key="phase-word")) and phase_word(h) == "Breathe in")
        assert h.top_view().appbar.title.value == "Bedtime"


async def test_a_pattern_can_be_edited_and_deleted_with_a_second_tap(app_main, deps):
    from pwa.core.breathing import make_pattern

    pattern = make_pattern("Morning", [("inhale", 3), ("exhale", 3)])
    deps.relaxation_repository.save_pattern(pattern)
    async with mounted(app_main, route=routes.RELAX) as h:
        await h.tap(h.one(key=f"edit-{pattern.id}"))
        assert h.one(key="field-inhale").value == "3"
        await type_into(h, "field-name", "Morning calm")
        await h.tap(h.one(key="save-pattern"))
        assert [p.name for p in deps.relaxation_repository.patterns()] == ["Morning calm"]

        await h.tap(h.one(key=f"edit-{pattern.id}"))
        await h.tap(h.one(key="delete-pattern"))
        assert h.one(key="delete-pattern").content == "Tap again to delete"
        assert deps.relaxation_repository.patterns() != ()
        await h.tap(h.one(key="delete-pattern"))
        assert deps.relaxation_repository.patterns() == ()
        assert h.all(key=f"pattern-{pattern.id}") == []


async def test_finished_sessions_appear_in_a_plain_history(app_main, deps, clock):
    async with mounted(app_main, route=routes.RELAX) as h:
        assert h.all(key="session-history") == []
        await h.tap(h.one(key="pattern-4-7-8"))
        await through_lead_in(h, clock)
        clock.advance(76)
        await wait_for(h, lambda: bool(h.all(key="finish")))
        await h.pop_view()
        history = h.one(key="session-history").controls
        assert len(history) == 1 and history[0].value.endswith("· 4-7-8 breathing · 1 min")
    (record,) = deps.relaxation_repository.sessions()
    assert record.seconds == 76
