"""Choosing one of a few values: a labelled drop-down, a segmented switch."""

from __future__ import annotations

import flet as ft


def choice(key: str, label: str, value: str, options: dict[str, str], on_pick, width: float | None = 200) -> ft.Dropdown:
    """A labelled drop-down of {value: text}; `on_pick(value)` gets the chosen value (never None)."""
    return ft.Dropdown(
        key=key,
        label=label,
        value=value,
        width=width,
        options=[ft.DropdownOption(key=k, text=v) for k, v in options.items()],
        on_select=lambda e: on_pick(e.control.value or value),
    )


def segmented(key: str, value: str, options: dict[str, tuple[str, ft.IconData | None]], on_pick) -> ft.SegmentedButton:
    """One of a few views, side by side: {value: (label, icon)}; `on_pick(value)` gets the chosen one."""
    return ft.SegmentedButton(
        key=key,
        selected=[value],
        segments=[
            ft.Segment(value=v, label=ft.Text(label), icon=ft.Icon(icon) if icon else None) for v, (label, icon) in options.items()
        ],
        on_change=lambda e: on_pick((e.control.selected or [value])[0]),
    )
