"""Choosing one of a few values: a labelled menu button, radio buttons, a segmented switch."""

from __future__ import annotations

import flet as ft


def choice(key: str, label: str, value: str, options: dict[str, str], on_pick, width: float | None = 200) -> ft.PopupMenuButton:
    """A labelled choice of {value: text} that screen readers name with its value ("Body part: Calf").

    It looks like an outlined drop-down field; it is a menu button, because flet 1.0.5's Dropdown
    (Flutter's DropdownMenu) gives screen readers an unnamed "button, collapsed" and Tab skips it.
    The menu lists every option with the chosen one checked; Escape closes it unchanged.
    `on_pick(value)` gets the chosen value.
    """
    shown = options.get(value, "Not chosen" if value is None else str(value))
    face = ft.Container(
        width=width,
        padding=ft.Padding.only(left=12, right=4, top=8, bottom=8),
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=4,
        content=ft.Row(
            spacing=4,
            controls=[
                ft.Column(
                    expand=True,
                    spacing=0,
                    tight=True,
                    controls=[
                        ft.Text(label, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT),
                        ft.Text(shown, theme_style=ft.TextThemeStyle.BODY_LARGE),
                    ],
                ),
                ft.Icon(ft.Icons.ARROW_DROP_DOWN),
            ],
        ),
    )
    return ft.PopupMenuButton(
        key=key,
        data=value,
        tooltip="",  # the name comes from the content; flet 1.0.5 would otherwise add "Show menu" to it
        menu_position=ft.PopupMenuPosition.UNDER,
        content=ft.Semantics(label=f"{label}: {shown}", exclude_semantics=True, content=face),
        items=[
            ft.PopupMenuItem(content=text, data=option, checked=option == value, on_click=lambda _, option=option: on_pick(option))
            for option, text in options.items()
        ],
    )


RADIO_TEXT_SIZE = 14  # px: body text; "Same as my device" still fits a 320 px phone at 200 % text
RADIO_ROW_HEIGHT = 48  # px: the smallest touch target


def radios(key: str, value: str, options: dict[str, str], on_pick) -> ft.RadioGroup:
    """One of a few values, all in view: {value: label} as radio buttons; `on_pick(value)` gets the chosen one.

    Each radio is one target with its label (tapping the words chooses too), 48 px high. flet
    1.0.5 does not expose Flutter's tap-target size, so a radio is 40 px high on a desktop
    browser; its label's line height makes the row 48 px (at 200 % text it grows with the text).
    One under another: a labelled radio takes the whole width in flet 1.0.5 anyway. Keep labels
    short: a radio's label cannot wrap (flet 1.0.5 takes only a string), so a long one is cut off
    on a small phone with large text (tests/browser/test_text_size.py looks for that).
    """
    style = ft.TextStyle(size=RADIO_TEXT_SIZE, height=RADIO_ROW_HEIGHT / RADIO_TEXT_SIZE)
    buttons = [ft.Radio(value=v, label=label, key=f"{key}-{v}", label_style=style) for v, label in options.items()]
    return ft.RadioGroup(
        key=key,
        value=value,
        on_change=lambda e: on_pick(e.control.value or value),
        content=ft.Column(buttons, spacing=0),
    )


def segmented(key: str, value: str, options: dict[str, str], on_pick) -> ft.SegmentedButton:
    """One of a few views, side by side: {value: label}; `on_pick(value)` gets the chosen one.

    Words only: in flet 1.0.5 a segment with an icon stays 40 px high whatever the theme's padding
    (measured in Chromium); without one it is 48 px.
    """
    return ft.SegmentedButton(
        key=key,
        selected=[value],
        segments=[ft.Segment(value=v, label=ft.Text(label)) for v, label in options.items()],
        on_change=lambda e: on_pick((e.control.selected or [value])[0]),
    )
