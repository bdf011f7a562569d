"""widgets.labelled_switch: one named switch with its state, toggled from the switch, the label or a screen reader."""

import flet as ft

from pwa.ui.widgets import labelled_switch
from tests.flet_harness import mounted


def switch_app(seen: list):
    @ft.component
    def Demo():
        on, set_on = ft.use_state(False)

        def change(value):
            seen.append(value)
            set_on(value)

        return ft.Column([labelled_switch("Spoken cues: a calm voice says the cue instead of the tone", "spoken", on, change)])

    return lambda page: page.render(Demo)


def node(h) -> ft.Semantics:
    (found,) = [c for c in h.all(ft.Semantics) if c.label and c.label.startswith("Spoken cues")]
    return found


async def test_the_node_names_the_switch_and_carries_its_state_and_the_label_wraps():
    seen = []
    async with mounted(switch_app(seen), width=320) as h:
        semantics = node(h)
        assert semantics.toggled is False and semantics.exclude_semantics and semantics.focusable
        assert h.one(key="spoken-label").expand  # the label takes the rest of the row and wraps
        await h.change(h.one(key="spoken"), {"value": True}, "true")  # the switch itself
        assert seen == [True] and node(h).toggled is True


async def test_a_tap_on_the_label_or_by_a_screen_reader_toggles_it():
    seen = []
    async with mounted(switch_app(seen)) as h:
        await h.tap(node(h).content)  # the row, label included
        assert seen == [True]
        await h.session.dispatch_event(node(h)._i, "tap", None)  # the screen reader's activate action
        await h.settle()
        assert seen == [True, False] and node(h).toggled is False
