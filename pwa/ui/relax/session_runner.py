"""One way to run a timed session on screen, shared by breathing and muscle relaxation.

`use_session_runner` (a hook: call it from a component body) shows a calm lead-in ("Get ready",
3-2-1, skippable; a setting), starts the session, polls it every `tick_seconds` (and exactly when
the next step is due), plays a cue for each step change, keeps the screen awake while it runs, and
exposes pause/resume, skip, back, stop and restart. Position comes from the clock, so a phone that
was locked for a while comes back at the right place, with one cue for where it is now rather
than one for every step it missed. The history keeps the time actually spent.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import flet as ft

from pwa import routes
from pwa.core.relaxation_log import SessionRecord, worth_keeping
from pwa.core.timed_session import SessionFinished, SessionState, StepStarted, TimedSession
from pwa.ui.shell.context import ShellState, go
from pwa.ui.widgets import TALL, announced

T = TypeVar("T")

LEAD_IN_SECONDS = 3


@dataclass(frozen=True)
class SessionControls(Generic[T]):
    session: TimedSession[T]
    state: SessionState[T]
    finished: bool
    lead_in: int | None  # seconds of "Get ready" left to show (3, 2, 1), None once the session runs
    skip_lead_in: Callable[[], None]
    change: Callable[[Callable[[], None]], None]  # change the running session, then show it
    toggle: Callable[[], None]
    skip: Callable[[], None]
    back: Callable[[], None]
    stop: Callable[[], None]
    restart: Callable[[], None]


def use_session_runner(
    shell: ShellState,
    make_session: Callable[[], TimedSession[T]],
    identity: list[Any],
    cue_for: Callable[[T], str],
    exercise: str,
    on_start: Callable[[], None] = lambda: None,
) -> SessionControls[T]:
    """`exercise` names the session in the history kept when it ends (if it lasted long enough)."""
    run, set_run = ft.use_state(0)  # bumped by restart() for a fresh session
    session = ft.use_memo(make_session, [*identity, run])
    state, set_state = ft.use_state(session.state)
    finished, set_finished = ft.use_state(False)
    lead_in, set_lead_in = ft.use_state(None)
    active = ft.use_ref(None)  # the session the running effect drives
    skip_requested = ft.use_ref(asyncio.Event)
    clock = shell.deps.clock

    async def wait(seconds: float) -> None:
        """Sleep, but wake at once when the person skips the lead-in."""
        try:
            await asyncio.wait_for(skip_requested.current.wait(), timeout=max(seconds, 0.0))
        except asyncio.TimeoutError:
            pass

    async def get_ready(cues) -> None:
        skip_requested.current.clear()
        if not shell.settings.lead_in:
            return
        cues.cue("get_ready")
        ends = clock() + LEAD_IN_SECONDS
        while not skip_requested.current.is_set() and not session.finished:
            left = ends - clock()
            if left <= 0:
                break
            set_lead_in(math.ceil(left - 1e-9))
            await wait(min(shell.deps.tick_seconds, left))
        set_lead_in(None)

    async def drive() -> None:
        active.current = session
        cues = shell.deps.make_cues(shell.settings)
        cues.keep_awake(True)
        try:
            await get_ready(cues)
            if session.finished:  # stopped during the lead-in
                set_finished(True)
                return
            session.start()
            started_at = shell.deps.now()
            on_start()
            while True:
                events = session.poll()
                steps = [e for e in events if isinstance(e, StepStarted)]
                ended = next((e for e in events if isinstance(e, SessionFinished)), None)
                if steps and ended is None:
                    cues.cue(cue_for(steps[-1].step.what))  # after a gap, one cue: where it is now
                if ended is not None:
                    if ended.completed:
                        cues.cue("finish")
                    if worth_keeping(ended.spent):
                        shell.deps.relaxation_repository.add_session(SessionRecord(started_at, exercise, ended.spent))
                        shell.data_changed()
                set_state(session.state())
                if session.finished:
                    set_finished(True)
                    return
                await asyncio.sleep(min(shell.deps.tick_seconds, session.seconds_until_next_change()))
        finally:
            set_lead_in(None)
            cues.keep_awake(False)

    def stop_active() -> None:
        if active.current is not None:
            active.current.stop()

    # flet 1.0.5 drops a cleanup returned from the setup, and runs the explicit one with the new
    # render's closure: so it stops the session the effect started, kept in a ref.
    ft.use_effect(drive, [session], cleanup=stop_active)

    def act(action: Callable[[], None]) -> Callable[[], None]:
        def handler() -> None:
            action()
            set_state(session.state())

        return handler

    def change(action: Callable[[], None]) -> None:
        act(action)()

    def toggle() -> None:
        if session.running:
            session.pause()
        else:
            session.resume()

    def restart() -> None:
        set_finished(False)
        set_run(run + 1)

    return SessionControls(
        session=session,
        state=state,
        finished=finished,
        lead_in=lead_in,
        skip_lead_in=skip_requested.current.set,
        change=change,
        toggle=act(toggle),
        skip=act(session.skip),
        back=act(session.back),
        stop=act(lambda: (session.stop(), skip_requested.current.set())),
        restart=restart,
    )


def pause_resume_button(run: SessionControls) -> ft.Control:
    running = run.state.running
    return ft.FilledTonalButton(
        content="Pause" if running else "Resume",
        icon=ft.Icons.PAUSE if running else ft.Icons.PLAY_ARROW,
        key="pause-resume",
        on_click=run.toggle,
        style=TALL,
    )


def start_now_button(run: SessionControls) -> ft.Control:
    """Skips the "Get ready" lead-in."""
    return ft.FilledTonalButton(content="Start now", icon=ft.Icons.PLAY_ARROW, key="skip-lead-in", on_click=run.skip_lead_in, style=TALL)


def countdown(state: SessionState) -> str:
    """Whole seconds left in the step, as people count them: 4, 3, 2, 1."""
    return str(max(1, math.ceil(state.step_seconds_left - 1e-9)))


def finish_view(activity: str, spent: float, restart: Callable[[], None], again: str) -> list[ft.Control]:
    """The calm end of a session: the time the person gave themselves, never a score."""
    minutes = round(spent / 60)
    took = (
        f"You gave yourself {minutes} minute{'s' if minutes != 1 else ''} {activity}."
        if minutes >= 1
        else "You took a short pause for yourself."
    )
    return [
        ft.Container(height=24),
        ft.Icon(ft.Icons.SPA_OUTLINED, size=48, color=ft.Colors.PRIMARY),
        announced(ft.Text("Well done.", key="finish", theme_style=ft.TextThemeStyle.HEADLINE_SMALL, text_align=ft.TextAlign.CENTER,
                          semantics_label="Session finished. Well done.")),
        ft.Text(
            f"{took} Notice how your body feels now, without needing to change anything.",
            key="finish-message",
            text_align=ft.TextAlign.CENTER,
        ),
        ft.FilledTonalButton(content=again, icon=ft.Icons.REPLAY, key="session-again", on_click=restart),
        ft.TextButton(content="Back to Home", key="finish-home", on_click=lambda: go(routes.HOME)),
    ]
