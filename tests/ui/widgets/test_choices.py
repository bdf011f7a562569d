"""widgets.choice: a menu button a screen reader names with its label and value."""

import flet as ft

from pwa.ui.widgets import choice, segmented
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
