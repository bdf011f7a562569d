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
