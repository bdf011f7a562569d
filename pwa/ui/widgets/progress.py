"""Progress a screen reader can read: what is measured, and how far it is."""

from __future__ import annotations

import flet as ft


def progress_bar(key: str | None, fraction: float | None, measures: str, **style) -> ft.ProgressBar:
    """A bar named with what it measures; Flutter's web engine adds the whole percentage to the
    name itself, so a screen reader reads "Session, percent done: 7".

    `fraction` None is a bar with no end (it moves without a value): "Session running".
    flet 1.0.5: without a semantics label the bar reaches screen readers as an unnamed "0".
    """
    if fraction is None:
        return ft.ProgressBar(key=key, value=None, semantics_label=f"{measures} running", **style)
    return ft.ProgressBar(key=key, value=min(max(fraction, 0.0), 1.0), semantics_label=f"{measures}, percent done:", **style)
