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
    assert encode(APP_THEME) == encode(ft.Theme(color_scheme_seed=SEED_COLOUR, visual_density=ft.VisualDensity.STANDARD))


async def test_the_page_carries_the_theme_for_light_and_dark(app_main):
    async with mounted(app_main) as h:
        assert h.page.theme == APP_THEME and h.page.dark_theme == APP_THEME
