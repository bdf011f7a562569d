"""The full entry form, editing, deleting with undo, history filters and the day check-in."""

import datetime as dt

import flet as ft
import pytest

from pwa import routes
from pwa.core.episodes import EpisodeType, Location
from tests.flet_harness import mounted
from tests.factories import NOW_LOCAL, log_episode

NOW = NOW_LOCAL


@pytest.fixture
def deps(deps):
    import dataclasses

    return dataclasses.replace(deps, now=lambda: NOW)


def add(deps, **fields):
    return log_episode(deps.episode_repository, **fields)


async def type_into(h, key, text):
    await h.change(h.one(key=key), {"value": text}, text)


def entry_keys(h):
    return [c.key for c in h.one(key="history").controls if c.key and str(c.key).startswith("entry-")]


async def test_the_full_form_saves_every_detail(app_main, deps):
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-new-entry"))
        assert h.page.route == routes.edit_entry()
        await type_into(h, "entry-date", "2026-11-22")
        await type_into(h, "entry-time", "07:15")
        await h.tap(h.one(key="map-front-left-calf"))  # on the body map
        await h.select("place-region", "eyelid")
        await h.select("place-side", "right")
        await h.tap(h.one(key="place-add"))
        await h.select("place-region", "other")
        await type_into(h, "place-other", "big toe")
        await h.tap(h.one(key="place-add"))
        await h.pick("entry-intensity-5")
        await type_into(h, "entry-duration", "90")
        await h.select("entry-duration-unit", "seconds")
        await h.change(h.one(key="entry-type"), {"value": "cramp"}, "cramp")
        await h.session.dispatch_event(h.one(key="trigger-caffeine")._i, "select", True)
        await type_into(h, "trigger-own", "Long  Drive")
        await h.tap(h.one(key="trigger-add"))
        await type_into(h, "entry-note", "после кофе ☕")
        await h.tap(h.one(key="entry-save"))
        assert h.page.route == routes.LOG
        (saved,) = deps.episode_repository.find()
        assert saved.started_at == dt.datetime(2026, 11, 22, 7, 15).astimezone()
        assert saved.locations == (Location("calf", "left"), Location("eyelid", "right"), Location("other", None, "big toe"))
        assert (saved.intensity, saved.duration_seconds, saved.type) == (5, 90, EpisodeType.CRAMP)
        assert saved.triggers == ("caffeine", "long drive") and saved.note == "после кофе ☕"
        # the user's own trigger is offered next time
        await h.tap(h.one(key="log-new-entry"))
        assert h.one(key="trigger-long-drive").selected is False


async def test_form_errors_are_shown_per_field_and_nothing_is_saved(app_main, deps):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        await type_into(h, "entry-date", "23/11/2026")
        await type_into(h, "entry-duration", "30")
        await h.select("entry-duration-unit", "hours")
        await type_into(h, "entry-note", "x" * 2001)
        await h.tap(h.one(key="entry-save"))
        assert h.one(key="entry-time-error").value == "Write the date like 2026-11-23 (year, month, day)."
        assert h.one(key="places-error").value == "Choose at least one place on the body."
        assert h.one(key="entry-duration").error == "Duration is a number from 1 second to 24 hours."
        assert h.one(key="entry-note").error == "Keep the note to 2,000 characters (it has 2,001)."
        assert h.page.route == routes.edit_entry() and deps.episode_repository.find() == []
        assert h.one(key="entry-errors").value == "Not saved yet: 4 details above need another look."
        assert h.one(key="entry-time-error").color == ft.Colors.ERROR and h.one(key="places-error").color == ft.Colors.ERROR
        # each message goes as soon as its value is fixed, without saving again
        await type_into(h, "entry-note", "fine")
        assert h.one(key="entry-note").error is None
        await type_into(h, "entry-duration", "")  # empty: not noted, which is fine
        assert h.one(key="entry-duration").error is None
        assert h.one(key="entry-errors").value == "Not saved yet: 2 details above need another look."
        # a future time is refused too, with its own words, as soon as it is typed
        await type_into(h, "entry-date", "2026-11-24")
        assert h.one(key="entry-time-error").value == "The start time is in the future. Use a time up to now."
        await type_into(h, "entry-date", "2026-11-23")
        assert h.all(key="entry-time-error") == []
        await h.select("place-region", "jaw")
        await h.tap(h.one(key="place-add"))
        assert h.all(key="places-error") == [] and h.all(key="entry-errors") == []
        await h.session.dispatch_event(h.one(key="place-jaw")._i, "delete", None)
        await h.settle()
        assert h.one(key="places-error").value == "Choose at least one place on the body."
        assert h.one(key="entry-errors").value == "Not saved yet: one detail above needs another look."
        # "other" needs words
        await h.select("place-region", "other")
        await h.tap(h.one(key="place-add"))
        assert h.one(key="place-error").value == "Describe the other place in 1 to 100 characters."


async def test_an_entry_is_edited_from_the_history(app_main, deps):
    episode = add(deps, started_at=NOW - dt.timedelta(hours=2), note="before")
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key=f"entry-{episode.id}"))
        assert h.page.route == routes.edit_entry(episode.id)
        assert h.one(key="entry-time").value == f"{NOW - dt.timedelta(hours=2):%H:%M}"
        assert h.one(key="entry-duration").value == ""  # not noted when it was logged
        assert h.one(key="entry-intensity-3").selected and h.one(key="entry-intensity-label").value == "Intensity (optional): 3 of 10"
        await type_into(h, "entry-duration", "3")
        await h.session.dispatch_event(h.one(key="place-left-calf")._i, "delete", None)
        await h.settle()
        await h.select("place-region", "thigh")
        await h.tap(h.one(key="place-add"))
        assert h.one(key="place-error").value == "Say whether it was the left or the right thigh."  # no side is assumed
        await h.select("place-side", "left")
        await h.tap(h.one(key="place-add"))
        await type_into(h, "entry-note", "after")
        await h.tap(h.one(key="entry-save"))
        (saved,) = deps.episode_repository.find()
        assert saved.id == episode.id and saved.started_at == episode.started_at
        assert (saved.locations, saved.duration_seconds, saved.note) == ((Location("thigh", "left"),), 180, "after")
        assert saved.intensity == 3  # kept as it was


async def test_a_new_entry_records_no_intensity_or_length_the_person_did_not_give(app_main, deps):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        assert h.one(key="entry-intensity-label").value == "Intensity (optional): not noted"
        assert h.one(key="entry-intensity-none").selected
        assert not any(h.one(key=f"entry-intensity-{n}").selected for n in range(11))
        assert h.one(key="entry-duration").value == ""
        await h.select("place-region", "jaw")
        await h.tap(h.one(key="place-add"))
        await h.tap(h.one(key="entry-save"))
        (saved,) = deps.episode_repository.find()
        assert (saved.intensity, saved.duration_seconds) == (None, None)


async def test_an_intensity_can_be_chosen_changed_and_taken_back(app_main, deps):
    episode = add(deps, started_at=NOW - dt.timedelta(hours=1), intensity=None)
    async with mounted(app_main, route=routes.edit_entry(episode.id)) as h:
        assert h.one(key="entry-intensity-none").selected
        await h.pick("entry-intensity-0")  # 0 is a value, not "nothing"
        assert h.one(key="entry-intensity-label").value == "Intensity (optional): 0 of 10"
        assert h.one(key="entry-intensity-0").selected and not h.one(key="entry-intensity-none").selected
        await h.pick("entry-intensity-10")
        assert h.one(key="entry-intensity-10").selected and not h.one(key="entry-intensity-0").selected
        await h.pick("entry-intensity-10", selected=False)  # tapping the chosen one again takes it back
        assert h.one(key="entry-intensity-label").value == "Intensity (optional): not noted"
        await h.pick("entry-intensity-7")
        await h.pick("entry-intensity-none")
        assert h.one(key="entry-intensity-none").selected
        labels = [c.label.semantics_label for c in h.one(key="entry-intensity").controls]
        assert labels[0] == "Intensity not noted" and labels[1] == "Intensity 0 of 10" and labels[-1] == "Intensity 10 of 10"
        await h.tap(h.one(key="entry-save"))
        assert deps.episode_repository.get(episode.id).intensity is None


async def test_delete_then_undo_brings_the_entry_back(app_main, deps):
    kept = add(deps, started_at=NOW - dt.timedelta(days=1))
    gone = add(deps, started_at=NOW - dt.timedelta(hours=1), note="to delete", triggers=["stress"])
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key=f"entry-{gone.id}"))
        await h.tap(h.one(key="entry-delete"))
        assert h.page.route == routes.LOG
        assert [e.id for e in deps.episode_repository.find()] == [kept.id]
        assert entry_keys(h) == [f"entry-{kept.id}"]
        assert h.one(key="undo-message").value.endswith("deleted.")
        await h.tap(h.one(key="undo"))
        assert deps.episode_repository.get(gone.id) == gone
        assert entry_keys(h) == [f"entry-{gone.id}", f"entry-{kept.id}"]
        assert h.all(key="undo-banner") == []


async def test_undo_can_be_dismissed_and_the_entry_stays_deleted(app_main, deps):
    gone = add(deps)
    async with mounted(app_main, route=routes.edit_entry(gone.id)) as h:
        await h.tap(h.one(key="entry-delete"))
        await h.tap(h.one(key="undo-dismiss"))
        assert h.all(key="undo-banner") == [] and deps.episode_repository.find() == []
        assert h.one(key="history-empty") is not None
        # an old link to the deleted entry says so calmly
        await h.navigate(routes.edit_entry(gone.id))
        assert h.one(key="entry-missing").value == "This entry is not in your log any more."


async def test_history_filters_by_text_place_type_trigger_and_dates(app_main, deps):
    calf = add(deps, started_at=NOW - dt.timedelta(days=40), note="Morning coffee", triggers=["caffeine"])
    eyelid = add(deps, started_at=NOW - dt.timedelta(days=2), locations=[{"region": "eyelid", "side": "left"}])
    cramp = add(deps, started_at=NOW - dt.timedelta(hours=1), type="cramp", triggers=["poor sleep"])
    async with mounted(app_main, route=routes.LOG) as h:
        assert entry_keys(h) == [f"entry-{e.id}" for e in (cramp, eyelid, calf)]
        await type_into(h, "filter-text", "COFFEE")
        assert entry_keys(h) == [f"entry-{calf.id}"]
        await h.tap(h.one(key="filter-clear"))
        await h.select("filter-region", "eyelid")
        assert entry_keys(h) == [f"entry-{eyelid.id}"]
        await h.select("filter-region", "any")
        await h.select("filter-type", "cramp")
        assert entry_keys(h) == [f"entry-{cramp.id}"]
        await h.select("filter-type", "any")
        await h.select("filter-trigger", "caffeine")
        assert entry_keys(h) == [f"entry-{calf.id}"]
        await h.select("filter-trigger", "any")
        await h.select("filter-period", "30")
        assert entry_keys(h) == [f"entry-{e.id}" for e in (cramp, eyelid)]
        await h.select("filter-period", "custom")
        await type_into(h, "filter-from", f"{NOW - dt.timedelta(days=41):%Y-%m-%d}")
        await type_into(h, "filter-to", f"{NOW - dt.timedelta(days=2):%Y-%m-%d}")
        assert entry_keys(h) == [f"entry-{e.id}" for e in (eyelid, calf)]
        await type_into(h, "filter-to", "soon")
        assert h.one(key="filter-problem").value == "Write dates like 2026-11-23 (year, month, day)."
        await h.select("filter-region", "hand")
        assert h.one(key="history-none-match").value == "No entries match these filters."


async def test_a_day_check_in_is_saved_shown_and_edited(app_main, deps):
    add(deps, started_at=NOW - dt.timedelta(minutes=5))
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-check-in"))
        await type_into(h, "check-in-sleep", "6,5")
        await type_into(h, "check-in-caffeine", "3")
        await h.select("check-in-stress", "7")
        await type_into(h, "check-in-exercise", "lots")
        await h.tap(h.one(key="check-in-save"))
        assert h.one(key="check-in-exercise").error == "Exercise: minutes from 0 to 1,440."
        assert h.client.focused == [h.one(key="check-in-exercise")._i]  # the one field in error, not the first field
        await type_into(h, "check-in-sleep", "25")
        await h.tap(h.one(key="check-in-save"))
        assert h.client.focused[-1] == h.one(key="check-in-sleep")._i  # two in error: the first in reading order
        await type_into(h, "check-in-sleep", "6,5")
        await type_into(h, "check-in-exercise", "")
        await h.tap(h.one(key="check-in-save"))
        (check_in,) = deps.episode_repository.check_ins()
        assert (check_in.day, check_in.sleep_hours, check_in.caffeine_drinks, check_in.stress) == (NOW.date(), 6.5, 3, 7)
        assert check_in.exercise_minutes is None
        assert h.one(key=f"check-in-{NOW.date()}").value == "Check-in: sleep 6.5 h, 3 caffeine drinks, stress 7 of 10"
        await h.tap(h.one(key="log-check-in"))
        assert h.one(key="check-in-sleep").value == "6.5"
        await type_into(h, "check-in-day", f"{NOW.date() - dt.timedelta(days=1)}")
        assert h.one(key="check-in-sleep").value == ""  # another day starts with its own (empty) form
        await type_into(h, "check-in-day", "2026-12-01")
        assert h.one(key="check-in-day").error == "Check-ins are for today or earlier days."
        assert h.all(key="check-in-save") == []


@pytest.mark.parametrize(
    ("opener", "save_key", "error_key"),
    [("log-new-entry", "entry-save", "entry-save-error"), ("log-check-in", "check-in-save", "check-in-save-error")],
)
async def test_a_form_whose_save_the_browser_refuses_stays_open_and_says_so(deps, opener, save_key, error_key):
    import dataclasses

    from pwa.app import main

    async def refuse():
        raise OSError("QuotaExceededError")

    failing = dataclasses.replace(deps, persist=refuse)
    async with mounted(lambda page: main(page, failing), route=routes.LOG) as h:
        await h.tap(h.one(key=opener))
        if opener == "log-new-entry":
            await h.select("place-region", "neck")
            await h.tap(h.one(key="place-add"))
        else:
            await type_into(h, "check-in-sleep", "7")
        route = h.page.route
        await h.tap(h.one(key=save_key))
        assert h.page.route == route  # still on the form, with what was typed
        message = h.one(key=error_key).value
        assert message.startswith("It could not be stored in this browser (QuotaExceededError).")


async def pick_in_dialog(h, key, value, data):
    """What the client does when a picker's OK is pressed: the new value, then the change event."""
    picker = h.one(key=key)
    assert picker.open
    h.session.apply_patch(picker._i, {"value": value})
    await h.session.dispatch_event(picker._i, "change", data)
    await h.settle()


async def test_the_date_and_time_can_be_picked_in_a_calendar_and_on_a_clock(app_main, deps):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        await h.tap(h.one(key="entry-date-calendar"))
        picker = h.one(key="entry-date-picker")
        assert picker.last_date.date() == NOW.date() and picker.value.date() == NOW.date()  # no day after today
        await pick_in_dialog(h, "entry-date-picker", dt.datetime(2026, 11, 20), "2026-11-20T00:00:00.000")
        assert h.one(key="entry-date").value == "2026-11-20"
        await h.tap(h.one(key="entry-time-clock"))
        clock = h.one(key="entry-time-picker")
        assert clock.hour_format == ft.TimePickerHourFormat.H24 and clock.value == dt.time(NOW.hour, NOW.minute)
        await pick_in_dialog(h, "entry-time-picker", dt.time(7, 5), "07:05")
        assert h.one(key="entry-time").value == "07:05"
        await h.select("place-region", "neck")
        await h.tap(h.one(key="place-add"))
        await h.tap(h.one(key="entry-save"))
    (saved,) = deps.episode_repository.find()
    assert saved.started_at == dt.datetime(2026, 11, 20, 7, 5).astimezone()


async def test_the_history_dates_are_picked_the_same_way(app_main, deps):
    add(deps, started_at=NOW - dt.timedelta(days=5), note="five days ago")
    add(deps, started_at=NOW - dt.timedelta(days=1), note="yesterday")
    async with mounted(app_main, route=routes.LOG) as h:
        await h.select("filter-period", "custom")
        await h.tap(h.one(key="filter-from-calendar"))
        await pick_in_dialog(h, "filter-from-picker", dt.datetime.combine((NOW - dt.timedelta(days=2)).date(), dt.time()), "")
        assert h.one(key="filter-from").value == (NOW - dt.timedelta(days=2)).date().isoformat()
        notes = [c.subtitle.value for c in h.all() if str(c.key).startswith("entry-")]
        assert notes == ["twitch · intensity 3 · length not noted\nyesterday"]


async def show_figure(h, view):
    control = h.one(key="map-view")
    h.session.apply_patch(control._i, {"selected": [view]})
    await h.session.dispatch_event(control._i, "change", f'["{view}"]')
    await h.settle()


async def test_the_body_map_and_the_list_show_one_choice_and_nothing_looks_chosen_before_it_is(app_main, deps):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        assert h.one(key="places-empty").value == "No place chosen yet."
        assert h.chosen("place-region") is None and h.all(key="place-side") == []  # no body part shown as picked
        await h.tap(h.one(key="place-add"))
        assert h.one(key="place-error").value == "Choose a body part first."
        await h.tap(h.one(key="map-front-right-eyelid"))
        assert h.all(key="map-back-back") == []  # one figure at a time
        await show_figure(h, "back")
        await h.tap(h.one(key="map-back-left-calf"))
        await h.tap(h.one(key="map-back-back"))
        chips = [c.label.value for c in h.one(key="places").controls]
        assert chips == ["right eyelid", "left calf", "back"] and h.all(key="places-empty") == []
        # the same calf is chosen on both figures
        assert h.one(key="map-back-left-calf").bgcolor == ft.Colors.PRIMARY
        await show_figure(h, "front")
        assert h.one(key="map-front-left-calf").bgcolor == ft.Colors.PRIMARY
        assert h.one(key="map-front-right-calf").bgcolor != ft.Colors.PRIMARY
        # removing it from the list clears it on the map, and tapping the map again takes a place back
        await h.session.dispatch_event(h.one(key="place-left-calf")._i, "delete", None)
        await h.settle()
        assert h.one(key="map-front-left-calf").bgcolor != ft.Colors.PRIMARY
        await h.tap(h.one(key="map-front-right-eyelid"))
        assert [c.label.value for c in h.one(key="places").controls] == ["back"]
        # a place added in words shows on the map
        await h.select("place-region", "hand")
        await h.select("place-side", "right")
        await h.tap(h.one(key="place-add"))
        assert h.one(key="map-front-right-hand").bgcolor == ft.Colors.PRIMARY
        labels = [c.label for c in h.all(ft.Semantics) if c.label and ", front: " in c.label]
        assert "Right hand, front: chosen" in labels and "Right eyelid, front: not chosen" in labels
        await h.tap(h.one(key="entry-save"))
    (saved,) = deps.episode_repository.find()
    assert saved.locations == (Location("back"), Location("hand", "right"))


async def test_a_refused_save_moves_keyboard_focus_to_the_first_field_in_error_each_time(app_main):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        await type_into(h, "entry-duration", "30")
        await h.select("entry-duration-unit", "hours")
        await type_into(h, "entry-note", "x" * 2001)
        await h.tap(h.one(key="entry-save"))
        assert h.client.focused == [h.one(key="place-add")._i]  # no place: the place comes before the length
        await h.tap(h.one(key="map-front-left-calf"))
        await h.tap(h.one(key="entry-save"))
        assert h.client.focused[-1] == h.one(key="entry-duration")._i
        await type_into(h, "entry-duration", "")
        await h.tap(h.one(key="entry-save"))
        assert h.client.focused[-1] == h.one(key="entry-note")._i and len(h.client.focused) == 3


async def test_typing_after_a_refused_save_does_not_pull_focus_back(app_main):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        await h.tap(h.one(key="entry-save"))
        assert len(h.client.focused) == 1
        await type_into(h, "entry-note", "still typing")
        await type_into(h, "entry-duration", "3")
        assert len(h.client.focused) == 1


async def test_a_saved_entry_is_announced_and_undo_takes_a_new_entry_away(app_main, deps):
    async with mounted(app_main, route=routes.edit_entry()) as h:
        await h.tap(h.one(key="map-front-left-calf"))
        await h.tap(h.one(key="entry-save"))
        (saved,) = deps.episode_repository.find()
        message = h.one(key="undo-message")
        assert message.value == f"Saved: entry from {saved.started_at.astimezone():%d %B, %H:%M}."
        assert message.parent.live_region  # read out by screen readers
        await h.tap(h.one(key="undo"))
        assert deps.episode_repository.find() == [] and h.all(key="undo-banner") == []


async def test_undo_after_editing_puts_the_entry_back_as_it_was(app_main, deps):
    before = add(deps, note="first words")
    async with mounted(app_main, route=routes.edit_entry(before.id)) as h:
        await type_into(h, "entry-note", "second words")
        await h.tap(h.one(key="entry-save"))
        assert deps.episode_repository.get(before.id).note == "second words"
        assert h.one(key="undo-message").value.startswith("Saved: entry from ")
        await h.tap(h.one(key="undo"))
        assert deps.episode_repository.get(before.id) == before


async def test_a_saved_check_in_is_announced_without_an_undo(app_main, deps):
    async with mounted(app_main, route=routes.CHECK_IN) as h:
        await type_into(h, "check-in-sleep", "7")
        await h.tap(h.one(key="check-in-save"))
        assert h.one(key="undo-message").value == f"Saved: check-in for {NOW.date():%d %B}."
        assert h.all(key="undo") == []
        assert h.one(key="undo-dismiss").tooltip == "Dismiss"
        await h.tap(h.one(key="undo-dismiss"))
        assert h.all(key="undo-banner") == []
