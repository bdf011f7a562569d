"""The theme the app sends must be exactly what flet would send for ft.Theme."""

import msgpack

import flet as ft
from flet.controls.base_control import BaseControl
from flet.messaging.protocol import configure_encode_object_for_msgpack
from pwa.ui.shell.theme import APP_THEME, SEED_COLOUR
from tests.flet_harness import mounted


def encode(value) -> bytes:
    return msgpack.packb(value, default=configure_encode_object_for_msgpack(BaseControl))


def test_app_theme_is_byte_for_byte_the_encoded_ft_theme():
    tall = ft.Padding.symmetric(vertical=14, horizontal=24)
    narrow = ft.Padding.symmetric(vertical=14, horizontal=12)
    assert encode(APP_THEME) == encode(
        ft.Theme(
            color_scheme_seed=SEED_COLOUR,
            visual_density=ft.VisualDensity.STANDARD,
            chip_theme=ft.ChipTheme(padding=ft.Padding.symmetric(vertical=13, horizontal=12)),
            button_theme=ft.ButtonTheme(style=ft.ButtonStyle(padding=tall)),
            outlined_button_theme=ft.OutlinedButtonTheme(style=ft.ButtonStyle(padding=tall)),
            text_button_theme=ft.TextButtonTheme(style=ft.ButtonStyle(padding=narrow)),
            filled_button_theme=ft.FilledButtonTheme(style=ft.ButtonStyle(padding=tall)),
            segmented_button_theme=ft.SegmentedButtonTheme(style=ft.ButtonStyle(padding=narrow)),
            icon_button_theme=ft.IconButtonTheme(style=ft.ButtonStyle(padding=ft.Padding.all(12))),
        )
    )


async def test_the_page_carries_the_theme_for_light_and_dark(app_main):
    async with mounted(app_main) as h:
        assert h.page.theme == APP_THEME and h.page.dark_theme == APP_THEME
