"""Logging a twitch in two taps, optional details, and the history by day."""

import datetime as dt

import flet as ft

from pwa import routes
from pwa.core.episodes import Location
import dataclasses

import pytest

from tests.factories import NOW_LOCAL, log_episode
from tests.flet_harness import mounted

WHEN = dt.datetime(2026, 11, 23, 21, 34, tzinfo=dt.timezone.utc)


def quick_keys(h) -> list[str]:
    return [str(c.key) for c in h.all() if str(getattr(c, "key", "")).startswith("quick-")]


async def test_home_then_one_tap_on_a_place_saves_a_twitch_now(app_main, deps):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="log-twitch"))
        assert h.routes() == [routes.HOME, routes.LOG_TWITCH] and h.top_view().fullscreen_dialog
        await h.tap(h.one(key="quick-left-calf"))
        (saved,) = deps.episode_repository.find()
        assert saved.locations == (Location("calf", "left"),) and (saved.intensity, saved.duration_seconds) == (None, None)
        assert h.one(key="log-saved").value.startswith("Noted: left calf at ")
        await h.tap(h.one(key="log-breathe-now"))
        assert h.page.route == routes.BREATHE_NOW


async def test_details_can_be_added_after_saving(app_main, deps):
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-right-thigh"))
        assert h.one(key="intensity-none").selected  # the quick log said nothing about intensity
        await h.pick("intensity-6")
        await h.session.dispatch_event(h.one(key="trigger-poor-sleep")._i, "select", True)
        await h.settle()
        await h.change(h.one(key="note"), {"value": "after the drive"}, "after the drive")
        await h.tap(h.one(key="save-details"))
        (saved,) = deps.episode_repository.find()
        assert (saved.intensity, saved.triggers, saved.note) == (6, ("poor sleep",), "after the drive")
        assert h.one(key="details-saved").value == "Details saved."


async def test_the_last_place_is_offered_first_and_the_history_groups_by_day(app_main, deps):
    async with mounted(app_main, route=routes.LOG) as h:
        assert h.one(key="history-empty") is not None
        await h.tap(h.one(key="log-log-twitch"))
        await h.tap(h.one(key="quick-left-eyelid"))
        await h.pop_view()
        assert h.routes() == [routes.LOG]
        (entry,) = [c for c in h.one(key="history").controls if c.key and str(c.key).startswith("entry-")]
        assert entry.title.value.endswith(" · left eyelid")
        assert entry.subtitle.value == "twitch · intensity not noted · length not noted"
        await h.tap(h.one(key="log-log-twitch"))
        assert quick_keys(h)[0] == "quick-left-eyelid"


async def test_noted_is_shown_only_once_the_entry_is_durable(app_main, deps):
    """In the browser build the write reaches IndexedDB asynchronously: the screen waits for it."""
    import asyncio
    import dataclasses

    from pwa.app import main

    stored = asyncio.Event()
    persisted: list[int] = []

    async def persist():
        await stored.wait()
        persisted.append(len(deps.episode_repository.find()))

    slow = dataclasses.replace(deps, persist=persist)
    async with mounted(lambda page: main(page, slow), route=routes.LOG_TWITCH) as h:
        tap = asyncio.ensure_future(h.tap(h.one(key="quick-left-calf")))
        for _ in range(20):
            await asyncio.sleep(0)
        assert h.all(key="log-saved") == []  # not yet: the entry is not in storage yet
        stored.set()
        await tap
        await h.settle()
        assert persisted == [1]
        assert h.one(key="log-saved").value.startswith("Noted: left calf at ")


async def test_a_browser_that_refuses_to_store_says_so_and_never_says_noted(app_main, deps):
    import dataclasses

    from pwa.app import main

    async def refuse():
        raise OSError("saving to browser storage failed: QuotaExceededError")

    failing = dataclasses.replace(deps, persist=refuse)
    async with mounted(lambda page: main(page, failing), route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-left-calf"))
        assert h.all(key="log-saved") == []
        message = h.one(key="log-save-error").value
        assert message.startswith("This entry could not be stored in this browser")
        assert "QuotaExceededError" in message


async def test_a_quick_log_can_be_undone_for_as_long_as_the_screen_shows_it(app_main, deps, clock):
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-left-calf"))
        assert len(deps.episode_repository.find()) == 1
        undo = h.one(key="log-undo")
        assert undo.content == "Undo" and undo.tooltip == "Remove this entry: left calf"
        clock.advance(60)  # no timer: it stays until the person leaves or uses it
        await h.settle()
        await h.tap(h.one(key="log-undo"))
        assert deps.episode_repository.find() == []
        assert h.one(key="log-undone").value == "Removed. Nothing was kept."
        assert h.all(key="log-saved") == [] and h.one(key="quick-left-calf") is not None
        await h.tap(h.one(key="quick-right-thigh"))  # and logging again works
        (saved,) = deps.episode_repository.find()
        assert saved.locations == (Location("thigh", "right"),)
        assert h.all(key="log-undone") == []


async def test_an_undo_the_browser_refuses_to_store_says_so_and_keeps_the_confirmation(deps):
    import dataclasses

    from pwa.app import main

    calls: list[int] = []

    async def second_refused():
        calls.append(1)
        if len(calls) > 1:
            raise OSError("QuotaExceededError")

    failing = dataclasses.replace(deps, persist=second_refused)
    async with mounted(lambda page: main(page, failing), route=routes.LOG_TWITCH) as h:
        await h.tap(h.one(key="quick-left-calf"))
        await h.tap(h.one(key="log-undo"))
        assert h.one(key="log-save-error").value == "The entry could not be removed in this browser (QuotaExceededError). Try once more."
        assert h.one(key="log-saved") is not None and h.all(key="log-undone") == []


async def test_the_one_tap_places_are_the_persons_own_most_logged_first(app_main, deps):
    now = deps.now()
    for days, place in ((1, "tongue"), (2, "jaw"), (3, "jaw"), (91, "neck"), (92, "neck"), (93, "neck")):
        log_episode(deps.episode_repository, now - dt.timedelta(days=days), region=place, side=None, now=now)
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        keys = quick_keys(h)
        assert keys[:2] == ["quick-jaw", "quick-tongue"]  # neck was logged more, but over 90 days ago
        assert keys[-1] == "quick-elsewhere" and len(keys) == len(set(keys))
        assert {"quick-face", "quick-chest", "quick-belly", "quick-all-over", "quick-right-eyelid"} <= set(keys)


async def test_somewhere_else_logs_any_place_which_then_joins_the_one_tap_places(app_main, deps):
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        assert "quick-big-toe" not in quick_keys(h) and h.all(key="elsewhere-add") == []
        await h.tap(h.one(key="quick-elsewhere"))
        await h.select("elsewhere-region", "other")
        await h.tap(h.one(key="elsewhere-add"))
        assert h.one(key="elsewhere-error").value == "Describe the other place in 1 to 100 characters."
        assert deps.episode_repository.find() == []
        await h.change(h.one(key="elsewhere-other"), {"value": "left big toe"}, "left big toe")
        await h.tap(h.one(key="elsewhere-add"))
        (saved,) = deps.episode_repository.find()
        assert saved.locations == (Location("other", None, "left big toe"),) and saved.intensity is None
        assert h.one(key="log-saved").value.startswith("Noted: left big toe at ")
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        assert quick_keys(h)[0] == "quick-left-big-toe"
        await h.tap(h.one(key="quick-elsewhere"))
        await h.select("elsewhere-region", "forearm")
        await h.select("elsewhere-side", "right")
        await h.tap(h.one(key="elsewhere-add"))
        assert [e.locations[0].label for e in deps.episode_repository.find()] == ["right forearm", "left big toe"]


async def show_month(h):
    layout = h.one(key="history-layout")
    h.session.apply_patch(layout._i, {"selected": ["month"]})
    await h.session.dispatch_event(layout._i, "change", '["month"]')
    await h.settle()


def at_november(deps):
    from pwa.app import main

    return lambda page: main(page, deps)


@pytest.fixture
def november(deps):
    """The app's clock at 23 November 2026, 21:30 local time."""
    return dataclasses.replace(deps, now=lambda: NOW_LOCAL)


async def test_the_month_view_marks_days_with_entries_and_shows_a_tapped_days_entries(november):
    deps = november
    app_main = at_november(deps)
    now = deps.now()
    for days, note in ((0, "today"), (0, "again today"), (2, "two days ago"), (40, "last month")):
        log_episode(deps.episode_repository, now - dt.timedelta(days=days), note=note, now=now)
    today = now.date()
    async with mounted(app_main, route=routes.LOG) as h:
        await show_month(h)
        assert h.all(key="history") == []  # the day list gives way to the month
        assert h.one(key="month-title").value == f"{today:%B %Y}"
        marked = sorted(str(c.key).removeprefix("day-marker-") for c in h.all() if str(c.key).startswith("day-marker-"))
        assert marked == [str(today - dt.timedelta(days=2)), str(today)]  # the 21st and the 23rd of November
        markers = [c for c in h.all() if str(c.key).startswith("day-marker-")]
        assert {m.bgcolor for m in markers} == {ft.Colors.PRIMARY}  # one neutral colour, however many entries
        assert h.one(key=f"day-{today}").tooltip == f"{today:%A} {today.day} {today:%B}: entries logged"
        assert h.one(key="month-next").disabled is True
        await h.tap(h.one(key=f"day-{today}"))
        notes = sorted(c.subtitle.value.split("\n")[1] for c in h.all() if str(c.key).startswith("entry-"))
        assert notes == ["again today", "today"]
        await h.tap(h.one(key="month-previous"))
        assert h.one(key="month-hint").value == "Tap a day to see its entries."
        assert h.one(key="month-next").disabled is False
        before = (now - dt.timedelta(days=40)).date()  # 14 October
        assert h.one(key="month-title").value == f"{before:%B %Y}"
        await h.tap(h.one(key=f"day-{before}"))
        assert [c.subtitle.value.split("\n")[1] for c in h.all() if str(c.key).startswith("entry-")] == ["last month"]


async def test_the_month_view_follows_the_filters_and_days_without_entries_say_so(november):
    deps = november
    app_main = at_november(deps)
    now = deps.now()
    log_episode(deps.episode_repository, now - dt.timedelta(hours=1), region="jaw", side=None, now=now)
    async with mounted(app_main, route=routes.LOG) as h:
        await show_month(h)
        today = now.date()
        assert h.one(key="month-summary").value == f"Entries on 1 day of {today:%B}."
        await h.select("filter-region", "calf")
        assert h.all(key=f"day-marker-{today}") == []
        assert h.one(key="month-summary").value == f"Nothing logged in {today:%B}."
        await h.tap(h.one(key=f"day-{today}"))
        assert h.one(key="month-day-empty").value == f"Nothing logged on {today:%A} {today.day} {today:%B}."
