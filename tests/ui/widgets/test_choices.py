"""widgets.choice, radios and segmented: one of a few values, named with its value, 48 px targets."""

import flet as ft
import pytest

from pwa.ui.widgets import choice, radios, segmented
from tests.flet_harness import mounted

SIDES = {"left": "Left", "right": "Right"}


def picker(picked: list):
    @ft.component
    def Picker():
        value, set_value = ft.use_state(None)

        def pick(option):
            picked.append(option)
            set_value(option)

        return ft.Column([choice("side", "Side", value, SIDES, pick)])

    return lambda page: page.render(Picker)


def spoken_name(button: ft.PopupMenuButton) -> str:
    return button.content.label


async def test_the_name_says_the_label_and_the_chosen_value_and_the_menu_checks_it():
    picked = []
    async with mounted(picker(picked)) as h:
        button = h.one(key="side")
        assert spoken_name(button) == "Side: Not chosen"  # nothing looks chosen before it is
        assert [item.checked for item in button.items] == [False, False]
        assert button.content.exclude_semantics  # the visible label and value are not read a second time
        assert button.tooltip == ""  # flet's default tooltip would add "Show menu" to the name

        await h.select("side", "right")
        button = h.one(key="side")
        assert picked == ["right"]
        assert spoken_name(button) == "Side: Right"
        assert [(item.content, item.checked) for item in button.items] == [("Left", False), ("Right", True)]
        assert h.chosen("side") == "right"


async def test_a_value_outside_the_options_is_shown_as_it_is_not_hidden():
    async with mounted(lambda page: page.add(choice("unit", "Unit", "fortnights", {"minutes": "minutes"}, print))) as h:
        assert spoken_name(h.one(key="unit")) == "Unit: fortnights"
        assert not any(item.checked for item in h.one(key="unit").items)


def test_segments_are_words_only_and_report_the_chosen_value():
    picked = []
    control = segmented("view", "days", {"days": "By day", "month": "Month"}, picked.append)
    assert [(s.value, s.label.value, s.icon) for s in control.segments] == [("days", "By day", None), ("month", "Month", None)]
    assert control.selected == ["days"]


THEMES = {"system": "Same as my device", "light": "Light", "dark": "Dark"}


def radio_app(picked: list):
    @ft.component
    def Demo():
        value, set_value = ft.use_state("system")

        def pick(option):
            picked.append(option)
            set_value(option)

        return ft.Column([radios("theme", value, THEMES, pick)])

    return lambda page: page.render(Demo)


async def test_radios_offer_every_option_by_its_words_and_report_the_chosen_one():
    picked = []
    async with mounted(radio_app(picked)) as h:
        group = h.one(key="theme")
        assert group.value == "system"
        assert [(r.key, r.value, r.label) for r in group.content.controls] == [
            ("theme-system", "system", "Same as my device"), ("theme-light", "light", "Light"), ("theme-dark", "dark", "Dark")]
        await h.change(group, {"value": "dark"})
        assert picked == ["dark"] and h.one(key="theme").value == "dark"


def test_a_radio_cleared_by_the_client_keeps_the_chosen_value():
    picked = []
    group = radios("theme", "light", THEMES, picked.append)
    group.value = None

    class Event:
        control = group

    group.on_change(Event())
    assert picked == ["light"]


def test_each_radio_row_is_48_px_high_from_its_labels_line_height():
    """A radio is 40 px on a desktop browser; its label's line (size x height) sets the row's height."""
    for radio in radios("theme", "light", THEMES, print).content.controls:
        line = radio.label_style.size * radio.label_style.height
        assert line == pytest.approx(48)
