"""The frame around every screen: app bar, and a bottom bar (phones) or side rail (wide screens)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from pwa import routes
from pwa.core.layout import CONTENT_MAX_WIDTH, RAIL_WIDTH, SIDE_PANE_WIDTH, NavigationStyle
from pwa.ui.shell.context import ShellState, go
from pwa.ui.widgets import icon_button
from pwa.ui.widgets.focus import focus_first_inside

CONTENT_KEY = "destination-content"



@dataclass(frozen=True)
class Destination:
    label: str
    route: str
    icon: ft.IconData
    selected_icon: ft.IconData


DESTINATIONS = (
    Destination("Home", routes.HOME, ft.Icons.HOME_OUTLINED, ft.Icons.HOME),
    Destination("Guide", routes.GUIDE, ft.Icons.MENU_BOOK_OUTLINED, ft.Icons.MENU_BOOK),
    Destination("Relax", routes.RELAX, ft.Icons.SELF_IMPROVEMENT_OUTLINED, ft.Icons.SELF_IMPROVEMENT),
    Destination("Log", routes.LOG, ft.Icons.EDIT_NOTE_OUTLINED, ft.Icons.EDIT_NOTE),
)


def _open_destination(e: ft.Event) -> None:
    go(DESTINATIONS[int(e.control.selected_index)].route)


def _settings_button() -> ft.IconButton:
    return icon_button(ft.Icons.SETTINGS_OUTLINED, "Settings", "open-settings", lambda: go(routes.SETTINGS))


def _skip_to_content() -> ft.Control:
    """On wide screens the rail's four destinations come before the screen in the keyboard's order
    (Flutter orders focus by position, and flet 1.0.5 has no traversal groups). This link, at the
    top of the rail and so the first stop, moves focus into the screen. Its text shows only while it
    has focus; its name is always there for screen readers."""

    async def skip(_: ft.Event) -> None:
        await focus_first_inside(CONTENT_KEY)

    # The rail measures its leading control's intrinsic width, which a bare button lacks: a fixed
    # width (the rail's own) lets the words wrap onto two lines instead of breaking the layout.
    return ft.Container(
        width=RAIL_WIDTH - 1,  # the rail without its divider
        content=ft.TextButton(
            "Skip to content",
            key="skip-to-content",
            on_click=skip,
            style=ft.ButtonStyle(
                color={ft.ControlState.FOCUSED: ft.Colors.PRIMARY, ft.ControlState.DEFAULT: ft.Colors.TRANSPARENT},
                overlay_color={ft.ControlState.DEFAULT: ft.Colors.TRANSPARENT},
                padding=ft.Padding.symmetric(horizontal=4, vertical=8),
            ),
        ),
    )


def scrolling_body(
    controls: list[ft.Control],
    on_scroll: Callable[[ft.OnScrollEvent], None] | None = None,
    key: str | None = None,
) -> ft.Control:
    """A readable, centred, scrollable column that never grows wider than CONTENT_MAX_WIDTH.

    A new `key` makes a new scroll view (starting at the top) instead of reusing the old one.
    """
    return ft.Column(
        key=key,
        expand=True,
        scroll=ft.ScrollMode.AUTO,
        on_scroll=on_scroll,
        scroll_interval=200,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            ft.Container(
                content=ft.Column(
                    controls, spacing=16, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
                ),
                padding=ft.Padding.symmetric(horizontal=16, vertical=12),
                width=CONTENT_MAX_WIDTH,
                alignment=ft.Alignment.TOP_CENTER,
            )
        ],
    )


def destination_view(shell: ShellState, route: str, title: str, body: list[ft.Control]) -> ft.View:
    """A top-level screen (Home, Guide, Relax, Log) with the app's navigation around it."""
    index = next(i for i, d in enumerate(DESTINATIONS) if d.route == route)
    appbar = ft.AppBar(title=ft.Text(title), actions=[_settings_button()], center_title=False)
    if shell.navigation_style is NavigationStyle.BOTTOM_BAR:
        return ft.View(
            route=route,
            appbar=appbar,
            padding=0,
            controls=[scrolling_body(body)],
            navigation_bar=ft.NavigationBar(
                key="navigation-bar",
                selected_index=index,
                on_change=_open_destination,
                destinations=[
                    ft.NavigationBarDestination(label=d.label, icon=d.icon, selected_icon=d.selected_icon)
                    for d in DESTINATIONS
                ],
            ),
        )
    rail = ft.NavigationRail(
        key="navigation-rail",
        selected_index=index,
        on_change=_open_destination,
        label_type=ft.NavigationRailLabelType.ALL,
        leading=_skip_to_content(),
        destinations=[
            ft.NavigationRailDestination(label=d.label, icon=d.icon, selected_icon=d.selected_icon)
            for d in DESTINATIONS
        ],
    )
    return ft.View(
        route=route,
        appbar=appbar,
        padding=0,
        controls=[ft.Row([rail, ft.VerticalDivider(width=1), scrolling_body(body, key=CONTENT_KEY)], expand=True, spacing=0)],
    )


def pop_top_view(page: ft.Page) -> bool:
    """Close the screen on top the way the system back button does; False when it is the only one."""
    views = [ft.unwrap_component(v) for v in ft.unwrap_component(page.views)]
    if len(views) < 2 or page.on_view_pop is None:
        return False
    page.on_view_pop(ft.ViewPopEvent(name="view_pop", control=page, route=views[-1].route, view=views[-1]))
    return True


def detail_view(
    route: str,
    title: str,
    body: list[ft.Control],
    *,
    modal: bool = False,
    on_scroll: Callable[[ft.OnScrollEvent], None] | None = None,
    leading: ft.Control | None = None,
    body_key: str | None = None,
    side_pane: ft.Control | None = None,
) -> ft.View:
    """A screen stacked on top of another, with a back arrow (or a close button when modal).

    `side_pane` (wide windows only, see `layout.has_side_pane`) stands at the left of the column.
    """
    if leading is None:  # Flutter's own back and close buttons are 40 x 40 px on a desktop browser
        leading = icon_button(ft.Icons.CLOSE if modal else ft.Icons.ARROW_BACK, "Close" if modal else "Back",
                              "view-close" if modal else "view-back", lambda: pop_top_view(ft.context.page))
    return ft.View(
        route=route,
        appbar=ft.AppBar(title=ft.Text(title), leading=leading),
        padding=0,
        fullscreen_dialog=modal,
        controls=[
            scrolling_body(body, on_scroll, body_key)
            if side_pane is None
            else ft.Row(
                [
                    ft.Container(width=SIDE_PANE_WIDTH, content=side_pane),
                    ft.VerticalDivider(width=1),
                    scrolling_body(body, on_scroll, body_key),
                ],
                expand=True,
                spacing=0,
                vertical_alignment=ft.CrossAxisAlignment.STRETCH,
            )
        ],
    )
