"""What every screen can reach: the app's dependencies and the live shell state."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cached_property

import flet as ft

from pwa.adapters.cues import Cues, FletCues
from pwa.adapters.device_motion import motion_not_reduced
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
    make_cues: Callable[[AppSettings], Cues] = lambda settings: FletCues(
        settings.sound_cues, settings.vibration_cues, settings.spoken_cues
    )
    tick_seconds: float = 0.25  # how often a running session refreshes the screen at most
    # Waits until every change so far is on durable storage (the browser build pushes the file
    # system to IndexedDB in the background); raises OSError if it was refused. Files on disk
    # are durable once written, so the server run needs no wait.
    persist: Callable[[], Awaitable[None]] = lambda: _nothing_to_wait_for()
    # Installed, ready offline, data kept: only the offline build can tell (None on the server run).
    device_status: Callable[[], Awaitable[DeviceStatus | None]] = no_device_status
    device_reduces_motion: Callable[[], Awaitable[bool]] = motion_not_reduced  # the OS "reduce motion" setting

    @cached_property
    def search_index(self) -> GuideIndex:
        """Built once, on first use, so that start-up does not pay for it."""
        return GuideIndex(self.chapters)


@dataclass(frozen=True)
class Undo:
    """What just happened, said on the screen the person lands on (and read out by screen readers),
    with Undo when the change can be taken back (a saved or deleted entry)."""

    message: str
    restore: Callable[[], None] | None = None


class GuideTrail:
    """The guide's own way back: chapters left through a link, and how far each was read.

    Following a link from chapter A to chapter B remembers A; Back on B returns to A at the
    position it was scrolled to. Arriving at a chapter any other way (the list, search, Home)
    starts a new trail. Kept for the session only.
    """

    def __init__(self) -> None:
        self._stack: list[tuple[str, str]] = []  # (route, chapter id) of the chapters left through a link
        self._expected: str | None = None  # the route a link or Back is about to open
        self._restore: float | None = None
        self.offsets: dict[str, float] = {}  # chapter id -> last scroll offset seen

    def follow(self, from_route: str, from_chapter_id: str, to_route: str) -> None:
        self._stack.append((from_route, from_chapter_id))
        self._expected = to_route

    def back_target(self, route: str) -> tuple[str, str] | None:
        """Where Back leads from `route` (route, chapter id), when the reader came there through a link."""
        return self._stack[-1] if self._stack and self._expected == route else None

    def back(self) -> str:
        route, chapter_id = self._stack.pop()
        self._expected = route
        self._restore = self.offsets.get(chapter_id)
        return route

    def arrive(self, route: str) -> float | None:
        """Called when a chapter opens; the offset to restore when it was reached by going back."""
        if route != self._expected:
            if self._stack and self._stack[-1][0] == route:  # the browser's own Back button
                self.back()
            else:
                self._stack.clear()
                self._restore = None
        self._expected = route
        restore, self._restore = self._restore, None
        return restore


@dataclass(frozen=True)
class ShellState:
    deps: AppDependencies
    settings: AppSettings
    width: float | None
    change_settings: Callable[..., None]  # change_settings(theme=..., motion=...) saves at once
    data_changed: Callable[[], None]  # call after writing user data, so screens that show it re-read
    revision: int = 0  # bumped by data_changed()
    undo: Undo | None = None  # offered until used, dismissed or replaced
    offer_undo: Callable[[Undo | None], None] = lambda undo: None
    guide_trail: GuideTrail = field(default_factory=GuideTrail)
    device_reduces_motion: bool = False  # what the device said, read once after start-up

    @property
    def reduced_motion(self) -> bool:
        """The progress bar instead of the moving circle: the person's choice, else the device's."""
        return self.settings.reduces_motion(self.device_reduces_motion)

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
