"""Settings: the quick log's one-tap places can be pinned, reordered, removed and put back."""

from pwa import routes
from pwa.core.episodes import Location
from tests.flet_harness import mounted


def quick_keys(h) -> list[str]:
    return [str(c.key) for c in h.all() if str(getattr(c, "key", "")).startswith("quick-") and not str(c.key).startswith("quick-elsewhere")]


def listed(h) -> list[str]:
    return [str(c.key).removeprefix("quick-place-") for c in h.one(key="quick-places").controls]


async def test_pinned_places_lead_the_quick_log_in_the_persons_order(app_main, deps):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        assert listed(h)[:2] == ["left-calf", "right-calf"]
        await h.tap(h.one(key="quick-pin-tongue"))
        await h.tap(h.one(key="quick-pin-jaw"))
        assert listed(h)[:3] == ["tongue", "jaw", "left-calf"]
        assert h.all(key="quick-up-tongue") == [] and h.all(key="quick-down-jaw") == []  # nothing past the ends
        await h.tap(h.one(key="quick-up-jaw"))
        assert listed(h)[:2] == ["jaw", "tongue"]
        assert deps.settings_repository.load().quick_pinned == (Location("jaw"), Location("tongue"))
        await h.tap(h.one(key="quick-down-jaw"))
        assert listed(h)[:2] == ["tongue", "jaw"]
        await h.tap(h.one(key="quick-unpin-tongue"))
        assert listed(h)[0] == "jaw" and "tongue" in listed(h)
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        assert quick_keys(h)[:2] == ["quick-jaw", "quick-left-calf"]


async def test_a_removed_place_leaves_the_quick_log_until_put_back(app_main, deps):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        await h.tap(h.one(key="quick-pin-left-calf"))
        await h.tap(h.one(key="quick-remove-left-calf"))  # removing a pinned place unpins it
        assert "left-calf" not in listed(h)
        assert h.one(key="quick-removed-left-calf") is not None
        settings = deps.settings_repository.load()
        assert (settings.quick_pinned, settings.quick_removed) == ((), (Location("calf", "left"),))
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        assert "quick-left-calf" not in quick_keys(h)
    async with mounted(app_main, route=routes.SETTINGS) as h:
        await h.tap(h.one(key="quick-restore-left-calf"))
        assert listed(h)[0] == "left-calf" and h.all(key="quick-removed-left-calf") == []


async def test_any_place_can_be_pinned_from_settings(app_main, deps):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        await h.select("quick-pin-new-region", "other")
        await h.tap(h.one(key="quick-pin-new-add"))
        assert h.one(key="quick-pin-new-error").value == "Describe the other place in 1 to 100 characters."
        await h.change(h.one(key="quick-pin-new-other"), {"value": "left big toe"}, "left big toe")
        await h.tap(h.one(key="quick-pin-new-add"))
        assert listed(h)[0] == "left-big-toe"
        assert h.one(key="quick-unpin-left-big-toe").tooltip == "Unpin left big toe"
    async with mounted(app_main, route=routes.LOG_TWITCH) as h:
        assert quick_keys(h)[0] == "quick-left-big-toe"


async def test_each_cue_switch_changes_its_own_setting_and_nothing_else(app_main, deps):
    from pwa.core.settings import AppSettings

    async with mounted(app_main, route=routes.SETTINGS) as h:
        for key, field in [("sound-cues", "sound_cues"), ("spoken-cues", "spoken_cues"), ("lead-in", "lead_in"), ("vibration-cues", "vibration_cues")]:
            before = deps.settings_repository.load()
            switch = h.one(key=key)
            assert switch.value is getattr(before, field)
            await h.change(switch, {"value": not switch.value}, str(not switch.value).lower())
            after = deps.settings_repository.load()
            assert getattr(after, field) is (not getattr(before, field))
            assert after == before.with_changes(**{field: getattr(after, field)})
        assert deps.settings_repository.load() != AppSettings()


async def test_the_data_folder_is_plain_text_with_a_named_copy_button(app_main, deps):
    async with mounted(app_main, route=routes.SETTINGS) as h:
        copied = []
        h.client.methods["set"] = lambda args: copied.append(args["data"])
        assert h.one(key="data-location").selectable in (None, False)  # not an unnamed read-only text field
        button = h.one(key="copy-data-location")
        assert button.icon.semantics_label == "Copy the data folder's path"
        await h.tap(button)
        assert copied == [deps.data_location]
