"""Progress a screen reader can read: what is measured, and how far it is."""

from __future__ import annotations

import flet as ft


def percent(fraction: float) -> int:
    """0..1 as a whole percentage, never rounded up to 100 before the end."""
    whole = round(max(0.0, min(fraction, 1.0)) * 100)
    return 99 if whole == 100 and fraction < 1 else whole


def progress_bar(key: str | None, fraction: float | None, measures: str, **style) -> ft.ProgressBar:
    """A bar named with what it measures and how far: "Session 7 % done".

    `fraction` None is a bar with no end (it moves without a value): "Session running".
    flet 1.0.5: without a semantics label the bar reaches screen readers as an unnamed "0".
    """
    if fraction is None:
        return ft.ProgressBar(key=key, value=None, semantics_label=f"{measures} running", **style)
    done = percent(fraction)
    return ft.ProgressBar(key=key, value=fraction, semantics_label=f"{measures} {done} % done", semantics_value=done, **style)
