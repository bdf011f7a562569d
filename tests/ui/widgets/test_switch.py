"""widgets.labelled_switch: flet's own switch, its label given the width left beside it so it wraps."""

import flet as ft
import pytest

from pwa.ui.widgets import labelled_switch
from tests.flet_harness import mounted


def switch_app(seen: list, window_width):
    @ft.component
    def Demo():
        on, set_on = ft.use_state(False)

        def change(value):
            seen.append(value)
            set_on(value)

        return ft.Column([labelled_switch("Spoken cues: a calm voice says the cue", "spoken", on, change, window_width=window_width)])

    return lambda page: page.render(Demo)


@pytest.mark.parametrize(
    ("window", "label_width"),
    [(320, 320 - 32 - 64), (390, 390 - 32 - 64), (599, 599 - 32 - 64), (600, 600 - 81 - 32 - 64), (1280, 720 - 32 - 64), (None, 390 - 32 - 64), (150, 96)],
)
def test_the_label_gets_the_width_beside_the_switch(window, label_width):
    switch = labelled_switch("Soft sound", "sound", True, print, window_width=window)
    assert isinstance(switch, ft.Switch) and switch.value is True
    assert switch.label.width == label_width and switch.label.content.value == "Soft sound"


async def test_the_switch_reports_its_new_state():
    seen = []
    async with mounted(switch_app(seen, 320), width=320) as h:
        await h.change(h.one(key="spoken"), {"value": True}, "true")
        assert seen == [True] and h.one(key="spoken").value is True


def test_the_label_row_is_at_least_48_px_high_with_one_line_of_text():
    """The label is part of the switch's target; a 20 px line and its padding make the row 48 px."""
    label = labelled_switch("Soft sound", "sound", True, print, window_width=390).label
    one_line = 20  # body medium: 14 px text, 1.43 line height
    assert label.padding.top + one_line + label.padding.bottom >= 48
    assert label.padding.top + one_line + label.padding.bottom - 1 < 48  # no more than it takes: the rows stay close
