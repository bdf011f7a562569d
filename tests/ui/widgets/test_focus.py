"""widgets.focus.focus_first_inside: a skip link's target is the first control that can take focus."""

import flet as ft
import pytest

from pwa.ui.widgets.focus import focus_first_inside
from tests.flet_harness import mounted


def tree(results: list, target: str):
    async def go(_):
        results.append(await focus_first_inside(target))

    def main(page: ft.Page):
        page.add(
            ft.Button("Go", key="go", on_click=go),
            ft.Column(
                key="area",
                controls=[
                    ft.Text("A heading, which cannot take focus"),
                    ft.Button("Disabled", key="disabled", disabled=True),
                    ft.Row([ft.Button("First", key="first"), ft.Button("Second", key="second")]),
                ],
            ),
            ft.Column(key="quiet", controls=[ft.Text("Nothing to focus")]),
        )

    return main


@pytest.mark.parametrize(("target", "expected"), [("area", "first"), ("quiet", None), ("missing", None)])
async def test_the_first_enabled_focusable_control_inside_takes_focus(target, expected):
    results: list = []
    async with mounted(tree(results, target)) as h:
        await h.tap(h.one(key="go"))
        assert results == [expected]
        assert h.client.focused == ([h.one(key=expected)._i] if expected else [])
