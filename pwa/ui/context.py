"""What every screen can reach: the app's dependencies and the live shell state."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cached_property

import flet as ft

from pwa.adapters.cues import Cues, FletCues
from pwa.adapters.device_status import DeviceStatus, no_device_status
from pwa.adapters.episode_repository import EpisodeRepository
from pwa.adapters.file_exchange import FileExchange
from pwa.adapters.relaxation_repository import RelaxationRepository
from pwa.adapters.settings_repository import SettingsRepository
from pwa.core.guide import Chapter
from pwa.core.search import GuideIndex
from pwa.core.layout import NavigationStyle, navigation_style_for
from pwa.core.settings import AppSettings
from pwa.core.timed_session import Clock


async def _nothing_to_wait_for() -> None:
    return None


@dataclass(frozen=True)
class AppDependencies:
    settings_repository: SettingsRepository
    relaxation_repository: RelaxationRepository
    episode_repository: EpisodeRepository
    chapters: tuple[Chapter, ...]
    file_exchange: FileExchange  # where exports go and imports come from
    data_location: str  # where user data lives, shown in Settings
    storage_notice: str | None = None  # shown once when saved data could not be read
    storage_persistent: bool | None = None  # browser build: will the browser keep our data? None: a file on disk
    clock: Clock = time.monotonic
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone()  # wall time, for records
    make_cues: Callable[[AppSettings], Cues] = lambda settings: FletCues(settings.sound_cues, settings.vibration_cues)
    tick_seconds: float = 0.25  # how often a running session refreshes the screen at most
    # Waits until every change so far is on durable storage (the browser build pushes the file
    # system to IndexedDB in the background); raises OSError if it was refused. Files on disk
    # are durable once written, so the server run needs no wait.
    persist: Callable[[], Awaitable[None]] = lambda: _nothing_to_wait_for()
    # Installed, ready offline, data kept: only the offline build can tell (None on the server run).
    device_status: Callable[[], Awaitable[DeviceStatus | None]] = no_device_status

    @cached_property
    def search_index(self) -> GuideIndex:
        """Built once, on first use, so that start-up does not pay for it."""
        return GuideIndex(self.chapters)


@dataclass(frozen=True)
class Undo:
    """A change the user can take back from the screen they land on (a deleted entry)."""

    message: str
    restore: Callable[[], None]


@dataclass(frozen=True)
class ShellState:
    deps: AppDependencies
    settings: AppSettings
    width: float | None
    change_settings: Callable[..., None]  # change_settings(theme=..., reduced_motion=...) saves at once
    data_changed: Callable[[], None]  # call after writing user data, so screens that show it re-read
    revision: int = 0  # bumped by data_changed()
    undo: Undo | None = None  # offered until used, dismissed or replaced
    offer_undo: Callable[[Undo | None], None] = lambda undo: None

    @property
    def navigation_style(self) -> NavigationStyle:
        return navigation_style_for(self.width)

    def chapter(self, chapter_id: str) -> Chapter | None:
        return next((c for c in self.deps.chapters if c.id == chapter_id), None)


ShellContext = ft.create_context(None)


def use_shell() -> ShellState:
    state = ft.use_context(ShellContext)
    assert state is not None, "screens must be rendered inside App"
    return state


NOT_STORED = (
    "It could not be stored in this browser ({error}). Try once more; if it keeps happening, "
    "free some space on the device."
)


async def save_durably(shell: ShellState, write: Callable[[], None]) -> OSError | None:
    """Make a change, tell the screens that show data, and wait until it is stored for good.

    Returns the error when storage refused it (the browser build: IndexedDB full or blocked), so
    the screen can say so and keep what was typed; None once the change is durable.
    """
    try:
        write()
        shell.data_changed()
        await shell.deps.persist()
    except OSError as error:
        return error
    return None


def go(route: str) -> None:
    """Navigate from an event handler."""
    ft.context.page.navigate(route)
