"""A section that opens and closes, and says which it is.

flet 1.0.5 web: an ExpansionTile reaches screen readers as a plain button, without its
expanded state; the title's spoken name carries it instead ("Filter and search, collapsed").
"""

from __future__ import annotations

import flet as ft


def spoken_title(title: str, is_open: bool) -> str:
    return f"{title}, {'expanded' if is_open else 'collapsed'}"


@ft.component
def Expander(tile_key: str, title: str, controls: list[ft.Control], subtitle: str | None = None,
             icon: ft.IconData | None = None, initially_open: bool = False) -> ft.Control:
    is_open, set_open = ft.use_state(initially_open)
    return ft.ExpansionTile(
        key=tile_key,
        title=ft.Text(title, semantics_label=spoken_title(title, is_open)),
        subtitle=ft.Text(subtitle) if subtitle else None,
        leading=ft.Icon(icon) if icon else None,
        expanded=is_open,
        on_change=lambda e: set_open(e.data in (True, "true")),
        controls=controls,
    )
