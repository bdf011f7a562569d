"""Composition root: builds the dependencies, the theme and the routes, and starts the UI."""

from __future__ import annotations

import tempfile
from pathlib import Path

import flet as ft

from pwa import APP_NAME
from pwa.adapters.content_files import load_chapters
from pwa.adapters.paths import CONTENT_DIR
from pwa.adapters.episode_repository import JournalEpisodeRepository
from pwa.adapters.file_exchange import FileExchange, FolderExchange
from pwa.adapters.relaxation_repository import TinyDBRelaxationRepository
from pwa.adapters.settings_repository import TinyDBSettingsRepository
from pwa.adapters.storage import DataStore
from pwa.core.settings import AppSettings
from pwa.ui.shell.context import AppDependencies, GuideTrail, ShellContext, ShellState
from pwa.ui.guide.guide_screen import ChapterScreen, GuideScreen
from pwa.ui.home.home_screen import HomeScreen
from pwa.ui.relax.pattern_editor_screen import PatternEditorScreen
from pwa.ui.relax.pmr_screen import PmrScreen
from pwa.ui.log.check_in_screen import CheckInScreen
from pwa.ui.log.entry_form_screen import EntryFormScreen
from pwa.ui.insights.insights_screen import InsightsScreen
from pwa.ui.log.log_files_screen import LogFilesScreen
from pwa.ui.log.history_screen import LogScreen
from pwa.ui.log.quick_log_screen import LogTwitchScreen
from pwa.ui.relax.breathing_screen import BreathingScreen
from pwa.ui.relax.relax_screen import RelaxScreen
from pwa.ui.settings.settings_screen import SettingsScreen
from pwa.ui.shell.shell import pop_top_view
from pwa.ui.shell.theme import APP_THEME, THEME_MODES

ROUTES = [
    # Modal screens open over whatever the user was looking at, and close back to it.
    ft.Route(path="settings", component=SettingsScreen, modal=True),
    ft.Route(path="log/new", component=LogTwitchScreen, modal=True),
    ft.Route(path="log/entries/:entry_id", component=EntryFormScreen, modal=True),
    ft.Route(path="log/check-in", component=CheckInScreen, modal=True),
    ft.Route(path="log/files", component=LogFilesScreen, modal=True),
    ft.Route(path="relax/breathe/:pattern_id?", component=BreathingScreen, modal=True),
    ft.Route(path="relax/pmr/:groups", component=PmrScreen, modal=True),
    ft.Route(path="relax/patterns/:pattern_id", component=PatternEditorScreen, modal=True),
    ft.Route(index=True, component=HomeScreen),
    ft.Route(
        path="guide",
        component=GuideScreen,
        children=[ft.Route(path="chapter/:chapter_id/:section_id?", component=ChapterScreen)],
    ),
    ft.Route(path="relax", component=RelaxScreen),
    ft.Route(path="log", component=LogScreen, children=[ft.Route(path="insights", component=InsightsScreen)]),
]


def build_dependencies(
    store: DataStore,
    content_dir: Path = CONTENT_DIR,
    storage_persistent: bool | None = None,
    file_exchange: FileExchange | None = None,
    persist=None,
    device_status=None,
    device_reduces_motion=None,
) -> AppDependencies:
    """`file_exchange` defaults to a fresh temporary folder (for in-memory runs and tests)."""
    opened = store.open()
    log = JournalEpisodeRepository(store.open_log())
    notices = " ".join(n for n in (opened.problem, log.notice) if n) or None
    return AppDependencies(
        settings_repository=TinyDBSettingsRepository(opened.db),
        relaxation_repository=TinyDBRelaxationRepository(opened.db),
        episode_repository=log,
        chapters=tuple(load_chapters(content_dir)),
        file_exchange=file_exchange or FolderExchange(Path(tempfile.mkdtemp(prefix="bfs-companion-files-"))),
        data_location=opened.location,
        storage_notice=notices,
        storage_persistent=storage_persistent,
        **({"persist": persist} if persist is not None else {}),
        **({"device_status": device_status} if device_status is not None else {}),
        **({"device_reduces_motion": device_reduces_motion} if device_reduces_motion is not None else {}),
    )


@ft.component
def NotFoundScreen() -> ft.Control:
    return ft.Text("This page does not exist. Use the menu to find your way back.")


@ft.component
def App(deps: AppDependencies, saved_settings: AppSettings):
    page = ft.context.page
    settings, set_settings = ft.use_state(saved_settings)
    width, set_width = ft.use_state(page.width)
    revision, set_revision = ft.use_state(0)
    undo, set_undo = ft.use_state(None)
    guide_trail = ft.use_ref(GuideTrail)

    def subscribe_to_resize() -> None:
        page.on_resize = lambda e: set_width(e.width)
        page.on_keyboard_event = lambda e: close_on_escape(page, e)

    ft.use_effect(subscribe_to_resize, [])
    device_motion, set_device_motion = ft.use_state(False)

    async def read_device_motion() -> None:
        # After the first frame: start-up never waits for the answer.
        set_device_motion(await deps.device_reduces_motion())

    ft.use_effect(read_device_motion, [])

    def apply_theme() -> None:
        page.theme_mode = THEME_MODES[settings.theme]

    ft.use_effect(apply_theme, [settings.theme])

    def save_settings(changed: AppSettings) -> None:
        if changed != settings:
            deps.settings_repository.save(changed)
            set_settings(changed)

    shell = ShellState(
        deps=deps,
        settings=settings,
        width=width,
        change_settings=lambda **changes: save_settings(settings.with_changes(**changes)),
        data_changed=lambda: set_revision(revision + 1),
        revision=revision,
        undo=undo,
        offer_undo=set_undo,
        guide_trail=guide_trail.current,
        device_reduces_motion=device_motion,
    )
    return ShellContext(shell, lambda: ft.Router(ROUTES, not_found=NotFoundScreen, manage_views=True))


def close_on_escape(page: ft.Page, event) -> None:
    """Escape closes a full-screen modal screen the way its close button does (nothing is saved or
    deleted by it). An open dialog (a date picker) closes itself on Escape; the screen under it stays."""
    if event.key != "Escape" or any(getattr(d, "open", False) for d in page._dialogs.controls):
        return  # flet 1.0.5 keeps open dialogs in the private page._dialogs
    top = ft.unwrap_component(ft.unwrap_component(page.views)[-1])
    if top.fullscreen_dialog:
        pop_top_view(page)


def main(page: ft.Page, deps: AppDependencies) -> None:
    page.title = APP_NAME
    page.theme = APP_THEME
    page.dark_theme = APP_THEME
    settings = deps.settings_repository.load()  # once: the first frame already has the right theme
    page.theme_mode = THEME_MODES[settings.theme]
    page.render_views(App, deps, settings)
