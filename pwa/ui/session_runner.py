"""One way to run a timed session on screen, shared by breathing and muscle relaxation.

`use_session_runner` (a hook: call it from a component body) starts the session, polls it every
`tick_seconds` (and exactly when the next step is due), plays a cue for each step change, keeps the
screen awake while it runs, and exposes pause/resume, skip, back, stop and restart.
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
from pwa.ui.context import ShellState, go

T = TypeVar("T")


@dataclass(frozen=True)
class SessionControls(Generic[T]):
    session: TimedSession[T]
    state: SessionState[T]
    finished: bool
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
    active = ft.use_ref(None)  # the session the running effect drives

    async def drive() -> None:
        active.current = session
        cues = shell.deps.make_cues(shell.settings)
        session.start()
        started_at = shell.deps.now()
        cues.keep_awake(True)
        on_start()
        try:
            while True:
                for event in session.poll():
                    if isinstance(event, StepStarted):
                        cues.cue(cue_for(event.step.what))
                    elif isinstance(event, SessionFinished):
                        if event.completed:
                            cues.cue("finish")
                        if worth_keeping(event.elapsed):
                            shell.deps.relaxation_repository.add_session(SessionRecord(started_at, exercise, event.elapsed))
                            shell.data_changed()
                set_state(session.state())
                if session.finished:
                    set_finished(True)
                    return
                await asyncio.sleep(min(shell.deps.tick_seconds, session.seconds_until_next_change()))
        finally:
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
        toggle=act(toggle),
        skip=act(session.skip),
        back=act(session.back),
        stop=act(session.stop),
        restart=restart,
    )


def countdown(state: SessionState) -> str:
    """Whole seconds left in the step, as people count them: 4, 3, 2, 1."""
    return str(max(1, math.ceil(state.step_seconds_left - 1e-9)))


def finish_view(activity: str, elapsed: float, restart: Callable[[], None], again: str) -> list[ft.Control]:
    """The calm end of a session: what the user gave themselves, never a score."""
    minutes = round(elapsed / 60)
    took = (
        f"You gave yourself {minutes} minute{'s' if minutes != 1 else ''} {activity}."
        if minutes >= 1
        else "You took a short pause for yourself."
    )
    return [
        ft.Container(height=24),
        ft.Icon(ft.Icons.SPA_OUTLINED, size=48, color=ft.Colors.PRIMARY),
        ft.Text("Well done.", key="finish", theme_style=ft.TextThemeStyle.HEADLINE_SMALL, text_align=ft.TextAlign.CENTER),
        ft.Text(
            f"{took} Notice how your body feels now, without needing to change anything.",
            key="finish-message",
            text_align=ft.TextAlign.CENTER,
        ),
        ft.FilledTonalButton(content=again, icon=ft.Icons.REPLAY, key="session-again", on_click=restart),
        ft.TextButton(content="Back to Home", key="finish-home", on_click=lambda: go(routes.HOME)),
    ]
