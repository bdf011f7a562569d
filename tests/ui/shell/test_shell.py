"""The app shell: destinations, responsive navigation, modals, theme."""

import flet as ft
import pytest

from pwa import routes
from pwa.adapters.storage import FileDataStore, MemoryDataStore
from pwa.app import build_dependencies, main
from pwa.core.settings import ThemeChoice
from pwa.ui.guide.guide_screen import section_key
from tests.ui.guide.test_guide_screen import said
from pwa.ui.shell.shell import DESTINATIONS
from pwa.ui.widgets.focus import iter_controls
from tests.flet_harness import mounted


async def test_home_offers_the_two_episode_actions_and_the_doctor_link(app_main):
    async with mounted(app_main) as h:
        assert h.routes() == [routes.HOME]
        assert h.one(key="log-twitch").content == "Log a twitch"
        assert h.one(key="breathe-now").content == "Breathe now"
        assert h.one(key="open-doctor").title.value == "When to see a doctor"


@pytest.mark.parametrize("index, destination", list(enumerate(DESTINATIONS)))
async def test_bottom_bar_opens_each_destination_on_a_phone(app_main, index, destination):
    async with mounted(app_main, route=routes.LOG if index == 0 else routes.HOME) as h:
        await h.change(h.one(key="navigation-bar"), {"selected_index": index})
        assert h.page.route == destination.route
        assert h.routes() == [destination.route]
        assert h.top_view().appbar.title.value in (destination.label, "BFS Companion")
        assert h.one(key="navigation-bar").selected_index == index
        assert h.all(key="navigation-rail") == []


async def test_wide_screens_use_a_rail_and_switch_back_on_resize(app_main):
    async with mounted(app_main, width=1280, height=800) as h:
        assert h.all(key="navigation-bar") == []
        await h.change(h.one(key="navigation-rail"), {"selected_index": 1})
        assert h.page.route == routes.GUIDE
        assert h.one(key="navigation-rail").selected_index == 1

        await h.resize(390)
        assert h.all(key="navigation-rail") == []
        assert h.one(key="navigation-bar").selected_index == 1


async def test_doctor_link_opens_the_red_flags_chapter_and_back_returns_to_the_guide(app_main):
    async with mounted(app_main) as h:
        await h.tap(h.one(key="open-doctor"))
        assert h.page.route == routes.WHEN_TO_SEE_A_DOCTOR
        assert h.routes() == [routes.GUIDE, routes.WHEN_TO_SEE_A_DOCTOR]
        assert h.top_view().appbar.title.value == "When to see a doctor"
        emergency = said(h.one(key=section_key("call-an-emergency-number-now")))
        assert "Trouble breathing" in emergency and "999" in emergency

        await h.pop_view()
        assert h.routes() == [routes.GUIDE]


async def test_log_screen_also_links_to_the_red_flags(app_main):
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-open-doctor"))
        assert h.page.route == routes.WHEN_TO_SEE_A_DOCTOR


async def test_theme_follows_the_system_until_the_user_chooses(tmp_path):
    path = tmp_path / "db.json"
    deps = build_dependencies(FileDataStore(path))
    async with mounted(lambda page: main(page, deps), route=routes.SETTINGS) as h:
        assert h.page.theme_mode == ft.ThemeMode.SYSTEM
        assert h.one(key="theme-choice").value == "system"
        await h.change(h.one(key="theme-choice"), {"value": "dark"})
        assert h.page.theme_mode == ft.ThemeMode.DARK

    restarted = build_dependencies(FileDataStore(path))
    assert restarted.settings_repository.load().theme is ThemeChoice.DARK
    async with mounted(lambda page: main(page, restarted)) as h:
        assert h.page.theme_mode == ft.ThemeMode.DARK


async def test_settings_opens_over_the_current_screen_and_shows_where_data_lives(app_main):
    async with mounted(app_main, route=routes.RELAX) as h:
        await h.tap(h.one(key="open-settings"))
        assert h.routes() == [routes.RELAX, routes.SETTINGS]
        assert h.one(key="data-location").value == "memory"
        await h.pop_view()
        assert h.routes() == [routes.RELAX]


async def test_unreadable_data_is_reported_on_home(tmp_path):
    path = tmp_path / "db.json"
    path.write_text("{broken")
    deps = build_dependencies(FileDataStore(path))
    async with mounted(lambda page: main(page, deps)) as h:
        notice = h.one(key="storage-notice").content.value
        assert "could not be read" in notice and str(path) in notice
    assert path.read_text() == "{broken"


@pytest.mark.parametrize(
    "persistent, expected",
    [(True, "agreed to keep this data"), (False, "may clear this data"), (None, None)],
)
async def test_settings_says_whether_the_browser_will_keep_the_data(persistent, expected):
    deps = build_dependencies(MemoryDataStore(), storage_persistent=persistent)
    async with mounted(lambda page: main(page, deps), route=routes.SETTINGS) as h:
        notes = h.all(key="storage-persistence")
        if expected is None:
            assert notes == []
        else:
            assert expected in notes[0].value


@pytest.mark.parametrize(
    ("answer", "installed", "offline", "kept"),
    [
        ({"installed": True, "offlineReady": True, "persisted": True},
         "Installed on this device.", "Ready to use offline.", "agreed to keep this data"),
        ({"installed": False, "offlineReady": False, "persisted": False},
         "Opened in the browser.", "Not ready offline yet", "may clear this data"),
    ],
)
async def test_settings_shows_what_the_device_says(answer, installed, offline, kept):
    from pwa.adapters.device_status import DeviceStatus

    async def device_status():
        return DeviceStatus.from_answer(answer)

    # What start-up knew is replaced by the device's current answer.
    deps = build_dependencies(MemoryDataStore(), storage_persistent=not answer["persisted"], device_status=device_status)
    async with mounted(lambda page: main(page, deps), route=routes.SETTINGS) as h:
        assert h.one(key="device-installed").value.startswith(installed)
        assert h.one(key="device-offline-ready").value.startswith(offline)
        assert kept in h.one(key="storage-persistence").value


async def test_settings_says_nothing_about_a_device_that_does_not_answer():
    async def silent():
        return None

    deps = build_dependencies(MemoryDataStore(), storage_persistent=True, device_status=silent)
    async with mounted(lambda page: main(page, deps), route=routes.SETTINGS) as h:
        assert h.all(key="device-installed") == [] and h.all(key="device-offline-ready") == []
        assert "agreed to keep this data" in h.one(key="storage-persistence").value


@pytest.mark.parametrize("answer", [None, "yes", 3, ["installed"]])
def test_an_odd_answer_from_the_page_is_no_answer(answer):
    from pwa.adapters.device_status import DeviceStatus

    assert DeviceStatus.from_answer(answer) is None


async def press(h, key: str) -> None:
    await h.session.dispatch_event(h.page._i, "keyboard_event", {"key": key, "shift": False, "ctrl": False, "alt": False, "meta": False})
    await h.settle()


async def test_escape_closes_a_full_screen_modal_like_its_close_button_and_nothing_else(app_main, deps):
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-log-twitch"))
        assert h.routes() == [routes.LOG, routes.LOG_TWITCH]
        await press(h, "Enter")
        assert h.routes() == [routes.LOG, routes.LOG_TWITCH]
        await press(h, "Escape")
        assert h.routes() == [routes.LOG]
        assert deps.episode_repository.find() == []  # closing saved nothing
        await press(h, "Escape")  # a destination is not a modal: Escape leaves it where it is
        assert h.routes() == [routes.LOG]
        await h.tap(h.one(key="log-new-entry"))
        await h.tap(h.one(key="entry-date-calendar"))  # a date picker open over the form
        await press(h, "Escape")
        assert h.routes() == [routes.LOG, routes.edit_entry()]  # the picker closes itself; the form stays
        h.one(key="entry-date-picker").open = False  # as the client reports when the picker closes
        await press(h, "Escape")
        assert h.routes() == [routes.LOG]


async def test_the_close_and_back_buttons_are_named_48_px_targets_that_close_the_screen(app_main):
    async with mounted(app_main, route=routes.LOG) as h:
        await h.tap(h.one(key="log-log-twitch"))
        close = h.one(key="view-close")
        assert (close.icon.semantics_label, close.size_constraints.min_width, close.size_constraints.min_height) == ("Close", 48, 48)
        await h.tap(close)
        assert h.routes() == [routes.LOG]
        await h.navigate(routes.WHEN_TO_SEE_A_DOCTOR)
        assert h.routes() == [routes.GUIDE, routes.WHEN_TO_SEE_A_DOCTOR]
        back = h.one(key="view-back")
        assert back.icon.semantics_label == "Back"
        await h.tap(back)
        assert h.routes() == [routes.GUIDE]


@pytest.mark.parametrize(("route", "first_key"), [(routes.HOME, "log-twitch"), (routes.RELAX, None)])
async def test_on_wide_screens_skip_to_content_moves_focus_past_the_rail_into_the_screen(app_main, route, first_key):
    async with mounted(app_main, route=route, width=1280, height=800) as h:
        skip = h.one(key="skip-to-content")
        assert skip.content == "Skip to content"
        assert h.one(key="navigation-rail").leading.content is skip  # above the destinations: the first stop
        await h.tap(skip)
        focused = h.client.focused[-1]
        rail_ids = {c._i for c in h.all(key="navigation-rail")}
        assert focused not in rail_ids and focused != skip._i
        content = h.one(key="destination-content")
        inside = {c._i for c in iter_controls(content)}
        assert focused in inside
        if first_key:
            assert focused == h.one(key=first_key)._i


async def test_phones_have_no_skip_link_the_bar_comes_after_the_screen(app_main):
    async with mounted(app_main) as h:
        assert h.all(key="skip-to-content") == []
