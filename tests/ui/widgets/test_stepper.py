"""widgets.stepper: a number a step at a time, named for screen readers, stopping at its edges."""

import flet as ft
import pytest

from pwa.ui.widgets import stepper
from tests.flet_harness import mounted


def counter(start: int, seen: list):
    @ft.component
    def Counter():
        value, set_value = ft.use_state(start)

        def change(new):
            seen.append(new)
            set_value(new)

        return ft.Column([stepper("tense", "Tense for", value, change, minimum=3, maximum=10)])

    return lambda page: page.render(Counter)


def button_name(button: ft.IconButton) -> str:
    return button.icon.semantics_label


async def test_each_button_says_the_value_it_sets_and_the_value_is_announced():
    seen = []
    async with mounted(counter(5, seen)) as h:
        assert button_name(h.one(key="tense-less")) == "Tense for: 4 seconds"
        assert button_name(h.one(key="tense-more")) == "Tense for: 6 seconds"
        value = h.one(key="tense-value")
        assert (value.value, value.semantics_label) == ("Tense for: 5 s", "Tense for: 5 seconds")
        assert value.parent.live_region  # read out when it changes
        await h.tap(h.one(key="tense-more"))
        assert seen == [6] and h.one(key="tense-value").value == "Tense for: 6 s"


@pytest.mark.parametrize(("start", "less_enabled", "more_enabled"), [
    (3, False, True), (4, True, True), (9, True, True), (10, True, False),
])
async def test_the_buttons_stop_at_the_edges(start, less_enabled, more_enabled):
    seen = []
    async with mounted(counter(start, seen)) as h:
        assert h.one(key="tense-less").disabled is not less_enabled
        assert h.one(key="tense-more").disabled is not more_enabled


async def test_a_step_never_goes_past_an_edge():
    seen = []

    @ft.component
    def Release():
        value, set_value = ft.use_state(58)
        return ft.Column([stepper("release", "Release for", value, lambda v: (seen.append(v), set_value(v)), minimum=15, maximum=60, step=5)])

    async with mounted(lambda page: page.render(Release)) as h:
        assert button_name(h.one(key="release-more")) == "Release for: 60 seconds"
        await h.tap(h.one(key="release-more"))
        assert seen == [60] and h.one(key="release-more").disabled
