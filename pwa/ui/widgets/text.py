"""Text with a job: gentle notes, announced text, errors."""

from __future__ import annotations

import flet as ft

NOT_A_DIAGNOSIS = "This app informs and supports you. It does not diagnose."


def gentle_note(text: str = NOT_A_DIAGNOSIS) -> ft.Control:
    return ft.Text(text, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)


def announced(control: ft.Control) -> ft.Control:
    """A control whose text screen readers read out when it appears or changes (a live region)."""
    return ft.Semantics(live_region=True, content=control)


def error_text(message: str, key: str) -> ft.Control:
    """A problem the person must know about: in the theme's error colour and announced to screen readers."""
    return announced(ft.Text(message, key=key, color=ft.Colors.ERROR))


def field_labels(label: str) -> dict:
    """A text field's label and helper from "Date (year-month-day)": the label floats on one line,
    so only "Date" goes there; "year-month-day" goes below, where it wraps (at 200 % text a long
    label was cut off). Screen readers read both. Pass as `ft.TextField(..., **field_labels(label))`."""
    name, _, detail = label.partition(" (")
    labels = {"label": name, "helper_max_lines": 3, "error_max_lines": 3}
    if detail.endswith(")"):
        labels["helper"] = detail[:-1]
    elif detail:
        labels["label"] = label
    return labels
